-- The columns of lake/industry_outputs/ as the ingest writes them: the source when the lake holds no industry_outputs yet.
select
    cast(null as varchar) as community_code,
    cast(null as varchar) as period,
    cast(null as date) as period_start,
    cast(null as date) as period_end,
    cast(null as varchar) as indicator,
    cast(null as varchar) as product,
    cast(null as double) as value,
    cast(null as varchar) as unit,
    cast(null as varchar) as record_hash,
    cast(null as varchar) as source_file,
    cast(null as bigint) as source_row,
    cast(null as varchar) as run_id
where false
