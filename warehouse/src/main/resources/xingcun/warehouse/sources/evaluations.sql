-- The columns of lake/evaluations/ as the ingest writes them: the source when the lake holds no evaluations yet.
select
    cast(null as varchar) as talent_id,
    cast(null as varchar) as cycle,
    cast(null as varchar) as evaluator,
    cast(null as varchar) as rating,
    cast(null as double) as work_funds_yuan,
    cast(null as double) as reward_yuan,
    cast(null as varchar) as record_hash,
    cast(null as varchar) as source_file,
    cast(null as bigint) as source_row,
    cast(null as varchar) as run_id
where false
