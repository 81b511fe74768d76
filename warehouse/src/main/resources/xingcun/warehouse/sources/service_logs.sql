-- The columns of lake/service_logs/ as the ingest writes them: the source when the lake holds no service_logs yet.
select
    cast(null as varchar) as log_id,
    cast(null as varchar) as talent_id,
    cast(null as varchar) as community_code,
    cast(null as date) as service_on,
    cast(null as varchar) as activity_type,
    cast(null as double) as days,
    cast(null as bigint) as people_served,
    cast(null as varchar) as bottleneck,
    cast(null as varchar) as topic,
    cast(null as varchar) as notes,
    cast(null as varchar) as record_hash,
    cast(null as varchar) as source_file,
    cast(null as bigint) as source_row,
    cast(null as varchar) as run_id,
    cast(null as integer) as year
where false
