-- grain: one row per talent and calendar quarter of the service cycle: did each of the four mechanisms take place
with talents as (
    select * from dim_talent
),

quarters as (
    select distinct quarter_label, quarter_start_on, quarter_end_on from dim_date
),

talent_quarters as (
    select talents.talent_id, talents.talent_name, talents.community_code, talents.community_name, talents.subdistrict_name,
        quarters.quarter_label, quarters.quarter_start_on, quarters.quarter_end_on
    from talents
    join quarters
        on quarters.quarter_start_on <= talents.cycle_end_on
        and quarters.quarter_end_on >= talents.cycle_start_on
),

-- the mechanisms each talent held in each calendar quarter, from one pass over the logs (a log counts in the quarter
-- its service date falls in, whatever the talent's cycle)
mechanisms as (
    select
        talent_id,
        cast(date_trunc('quarter', service_on) as date) as quarter_start_on,
        bool_or(activity_type = 'joint_meeting') as has_joint_meeting,
        bool_or(activity_type = 'target_analysis') as has_target_analysis,
        bool_or(activity_type = 'progress_report') as has_progress_report,
        bool_or(activity_type = 'in_depth_visit') as has_in_depth_visit
    from fct_service_logs
    where is_mechanism
    group by talent_id, cast(date_trunc('quarter', service_on) as date)
),

final as (
    select
        talent_quarters.talent_id,
        talent_quarters.talent_name,
        talent_quarters.community_code,
        talent_quarters.community_name,
        talent_quarters.subdistrict_name,
        talent_quarters.quarter_label,
        talent_quarters.quarter_start_on,
        talent_quarters.quarter_end_on,
        coalesce(mechanisms.has_joint_meeting, false) as has_joint_meeting,
        coalesce(mechanisms.has_target_analysis, false) as has_target_analysis,
        coalesce(mechanisms.has_progress_report, false) as has_progress_report,
        coalesce(mechanisms.has_in_depth_visit, false) as has_in_depth_visit,
        coalesce(mechanisms.has_joint_meeting and mechanisms.has_target_analysis and mechanisms.has_progress_report
            and mechanisms.has_in_depth_visit, false) as is_compliant
    from talent_quarters
    left join mechanisms
        on mechanisms.talent_id = talent_quarters.talent_id
        and mechanisms.quarter_start_on = talent_quarters.quarter_start_on
)

select * from final
