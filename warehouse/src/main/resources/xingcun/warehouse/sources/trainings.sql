-- The columns of lake/trainings/ as the ingest writes them: the source when the lake holds no trainings yet.
select
    cast(null as varchar) as training_id,
    cast(null as varchar) as talent_id,
    cast(null as varchar) as community_code,
    cast(null as date) as held_on,
    cast(null as varchar) as topic,
    cast(null as double) as hours,
    cast(null as bigint) as attendees,
    cast(null as varchar) as audience,
    cast(null as varchar) as mode,
    cast(null as varchar) as record_hash,
    cast(null as varchar) as source_file,
    cast(null as bigint) as source_row,
    cast(null as varchar) as run_id,
    cast(null as integer) as year
where false
