-- grain: one row per program community (every community that has a talent or any record), over all time
with communities as (
    select * from dim_community
),

activity as (
    select community_code, count(*) filter (where is_field_guidance) as field_guidance_person_times,
        sum(service_days) filter (where is_on_site) as on_site_days, count(distinct bottleneck) as bottlenecks_solved
    from fct_service_logs group by community_code
),

trainings as (
    select community_code, count(*) as trainings_held, sum(attendees) as trainee_person_times
    from fct_trainings group by community_code
),

outputs as (
    select community_code, count(*) as ip_outputs from fct_ip_outputs group by community_code
),

projects as (
    select community_code, count(*) filter (where kind = 'introduced') as projects_introduced,
        sum(funds_in_place_yuan) filter (where kind = 'introduced') as funds_in_place_yuan
    from fct_projects group by community_code
),

talents as (
    select community_code, count(*) as talents, count(*) filter (where meets_minimum) as talents_meeting_minimum
    from mart_talent_service_days group by community_code
),

youth as (
    select community_code, count(*) as young_talents from fct_youth_talents group by community_code
),

final as (
    select
        communities.community_code,
        communities.community_name,
        communities.subdistrict_name,
        coalesce(talents.talents, 0) as talents,
        coalesce(talents.talents_meeting_minimum, 0) as talents_meeting_minimum,
        coalesce(activity.field_guidance_person_times, 0) as field_guidance_person_times,
        coalesce(activity.on_site_days, 0) as on_site_days,
        coalesce(activity.bottlenecks_solved, 0) as bottlenecks_solved,
        coalesce(trainings.trainings_held, 0) as trainings_held,
        coalesce(trainings.trainee_person_times, 0) as trainee_person_times,
        coalesce(outputs.ip_outputs, 0) as ip_outputs,
        coalesce(projects.projects_introduced, 0) as projects_introduced,
        coalesce(projects.funds_in_place_yuan, 0) as funds_in_place_yuan,
        coalesce(youth.young_talents, 0) as young_talents
    from communities
    left join talents using (community_code)
    left join activity using (community_code)
    left join trainings using (community_code)
    left join outputs using (community_code)
    left join projects using (community_code)
    left join youth using (community_code)
    where talents.talents is not null or activity.community_code is not null or trainings.community_code is not null
        or outputs.community_code is not null
        or projects.community_code is not null or youth.community_code is not null
)

select * from final
