-- grain: one row per attendee of a training session; attendees are hashes, never names
with attendance as (
    select * from stg_training_attendance
),

trainings as (
    select training_id, community_code, community_name, subdistrict_name, held_on from fct_trainings
),

final as (
    select
        attendance.training_id,
        attendance.attendee_hash,
        attendance.village,
        attendance.role,
        trainings.community_code,
        trainings.community_name,
        trainings.subdistrict_name,
        trainings.held_on
    from attendance
    left join trainings using (training_id)
)

select * from final
