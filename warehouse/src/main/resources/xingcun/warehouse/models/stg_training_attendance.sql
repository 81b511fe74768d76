-- grain: one row per attendee of a training session (training_id, attendee_hash, phone_hash); names and phones only hashed
with source as (
    select * from src_training_attendance
),

final as (
    select
        training_id,
        attendee_hash,
        village,
        role,
        source_file,
        source_row,
        run_id
    from source
)

select * from final
