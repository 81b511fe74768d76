-- grain: one row per talent and service cycle: on-site days against the program's 30-day minimum
with talents as (
    select * from dim_talent
),

logs as (
    select * from fct_service_logs where is_on_site
),

days as (
    select
        talents.talent_id,
        coalesce(sum(logs.service_days), 0) as on_site_days
    from talents
    left join logs
        on logs.talent_id = talents.talent_id
        and logs.service_on between talents.cycle_start_on and talents.cycle_end_on
    group by talents.talent_id
),

final as (
    select
        talents.talent_id,
        talents.talent_name,
        talents.community_code,
        talents.community_name,
        talents.subdistrict_name,
        talents.cycle_start_on,
        talents.cycle_end_on,
        days.on_site_days,
        30 as minimum_days,
        days.on_site_days >= 30 as meets_minimum,
        greatest(30 - days.on_site_days, 0) as shortfall_days
    from talents
    join days using (talent_id)
)

select * from final
