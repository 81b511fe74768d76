-- The columns of lake/projects/ as the ingest writes them: the source when the lake holds no projects yet.
select
    cast(null as varchar) as project_id,
    cast(null as varchar) as name,
    cast(null as varchar) as community_code,
    cast(null as varchar) as sector,
    cast(null as varchar) as kind,
    cast(null as varchar) as status,
    cast(null as double) as funds_in_place_yuan,
    cast(null as double) as funds_intended_yuan,
    cast(null as varchar) as talent_id,
    cast(null as date) as signed_on,
    cast(null as varchar) as record_hash,
    cast(null as varchar) as source_file,
    cast(null as bigint) as source_row,
    cast(null as varchar) as run_id
where false
