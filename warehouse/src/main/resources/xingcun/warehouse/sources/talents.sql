-- The columns of lake/talents/ as the ingest writes them: the source when the lake holds no talents yet.
select
    cast(null as varchar) as talent_id,
    cast(null as varchar) as name,
    cast(null as varchar) as gender,
    cast(null as varchar) as id_number_masked,
    cast(null as varchar) as id_number_hash,
    cast(null as varchar) as phone_masked,
    cast(null as varchar) as phone_hash,
    cast(null as varchar) as organization,
    cast(null as varchar) as organization_type,
    cast(null as varchar) as specialty,
    cast(null as varchar) as title,
    cast(null as varchar) as community_code,
    cast(null as date) as cycle_start,
    cast(null as date) as cycle_end,
    cast(null as varchar) as batch,
    cast(null as varchar) as record_hash,
    cast(null as varchar) as source_file,
    cast(null as bigint) as source_row,
    cast(null as varchar) as run_id
where false
