-- The columns of lake/training_attendance/ as the ingest writes them: the source when the lake holds no training_attendance yet.
select
    cast(null as varchar) as training_id,
    cast(null as varchar) as attendee_hash,
    cast(null as varchar) as phone_masked,
    cast(null as varchar) as phone_hash,
    cast(null as varchar) as village,
    cast(null as varchar) as role,
    cast(null as varchar) as record_hash,
    cast(null as varchar) as source_file,
    cast(null as bigint) as source_row,
    cast(null as varchar) as run_id
where false
