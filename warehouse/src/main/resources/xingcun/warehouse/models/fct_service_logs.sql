-- grain: one row per service log (log_id)
with logs as (
    select * from stg_service_logs
),

communities as (
    select * from dim_community
),

final as (
    select
        logs.log_id,
        logs.talent_id,
        logs.community_code,
        communities.community_name,
        communities.subdistrict_name,
        logs.service_on,
        logs.activity_type,
        logs.service_days,
        logs.people_served,
        logs.bottleneck,
        logs.topic,
        logs.activity_type = 'field_guidance' as is_field_guidance,
        -- online consultation is the one activity that is not on site
        logs.activity_type <> 'online_consultation' as is_on_site,
        logs.activity_type in ('joint_meeting', 'target_analysis', 'progress_report', 'in_depth_visit') as is_mechanism,
        logs.source_file,
        logs.source_row
    from logs
    left join communities using (community_code)
)

select * from final
