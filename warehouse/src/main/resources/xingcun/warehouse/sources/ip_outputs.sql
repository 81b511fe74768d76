-- The columns of lake/ip_outputs/ as the ingest writes them: the source when the lake holds no ip_outputs yet.
select
    cast(null as varchar) as output_id,
    cast(null as varchar) as output_type,
    cast(null as varchar) as registration_no,
    cast(null as varchar) as title,
    cast(null as varchar) as talent_id,
    cast(null as varchar) as community_code,
    cast(null as date) as filed_on,
    cast(null as date) as granted_on,
    cast(null as varchar) as status,
    cast(null as varchar) as record_hash,
    cast(null as varchar) as source_file,
    cast(null as bigint) as source_row,
    cast(null as varchar) as run_id
where false
