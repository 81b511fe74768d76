-- grain: one row per training session (training_id)
with source as (
    select * from src_trainings
),

final as (
    select
        training_id,
        talent_id,
        community_code,
        held_on,
        topic,
        hours,
        attendees,
        audience,
        mode,
        source_file,
        source_row,
        run_id
    from source
)

select * from final
