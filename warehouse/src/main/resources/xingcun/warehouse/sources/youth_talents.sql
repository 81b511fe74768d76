-- The columns of lake/youth_talents/ as the ingest writes them: the source when the lake holds no youth_talents yet.
select
    cast(null as varchar) as person_id,
    cast(null as varchar) as name_hash,
    cast(null as varchar) as category,
    cast(null as varchar) as community_code,
    cast(null as date) as joined_on,
    cast(null as varchar) as record_hash,
    cast(null as varchar) as source_file,
    cast(null as bigint) as source_row,
    cast(null as varchar) as run_id
where false
