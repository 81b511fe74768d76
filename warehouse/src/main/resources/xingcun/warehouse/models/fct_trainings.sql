-- grain: one row per training session (training_id)
with trainings as (
    select * from stg_trainings
),

communities as (
    select * from dim_community
),

final as (
    select
        trainings.training_id,
        trainings.talent_id,
        trainings.community_code,
        communities.community_name,
        communities.subdistrict_name,
        trainings.held_on,
        trainings.topic,
        trainings.hours,
        trainings.attendees,
        trainings.audience,
        trainings.mode,
        trainings.audience = 'large_grower' as is_for_large_growers,
        trainings.source_file,
        trainings.source_row
    from trainings
    left join communities using (community_code)
)

select * from final
