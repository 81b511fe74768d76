-- The columns of lake/communities/ as the ingest writes them: the source when the lake holds no communities yet.
select
    cast(null as varchar) as code,
    cast(null as varchar) as name,
    cast(null as varchar) as parent_code,
    cast(null as boolean) as in_program,
    cast(null as varchar) as record_hash,
    cast(null as varchar) as source_file,
    cast(null as bigint) as source_row,
    cast(null as varchar) as run_id
where false
