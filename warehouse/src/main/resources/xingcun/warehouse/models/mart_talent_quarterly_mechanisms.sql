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

mechanisms as (
    select * from fct_service_logs where is_mechanism
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
        count(*) filter (where mechanisms.activity_type = 'joint_meeting') > 0 as has_joint_meeting,
        count(*) filter (where mechanisms.activity_type = 'target_analysis') > 0 as has_target_analysis,
        count(*) filter (where mechanisms.activity_type = 'progress_report') > 0 as has_progress_report,
        count(*) filter (where mechanisms.activity_type = 'in_depth_visit') > 0 as has_in_depth_visit,
        count(distinct mechanisms.activity_type) = 4 as is_compliant
    from talent_quarters
    left join mechanisms
        on mechanisms.talent_id = talent_quarters.talent_id
        and mechanisms.service_on between talent_quarters.quarter_start_on and talent_quarters.quarter_end_on
    group by all
)

select * from final
