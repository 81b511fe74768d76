-- The four quarterly mechanisms (joint meeting, target analysis, progress report, in-depth visit) per talent and
-- quarter in the period: ✓ held, ✗ missing. Column names are read through labels.yml (columns:).
select
    talent_id as talent_id,
    community_name as community,
    quarter_label as quarter,
    case when has_joint_meeting then '✓' else '✗' end as joint_meeting,
    case when has_target_analysis then '✓' else '✗' end as target_analysis,
    case when has_progress_report then '✓' else '✗' end as progress_report,
    case when has_in_depth_visit then '✓' else '✗' end as in_depth_visit,
    case when is_compliant then 'met' else 'behind' end as quarter_result
from mart_talent_quarterly_mechanisms
where quarter_start_on <= :to and quarter_end_on >= :from
    and (cast(:community as varchar) is null or community_code = :community)
    and (cast(:talent as varchar) is null or talent_id = :talent)
order by is_compliant, talent_id, quarter_label
