-- Talents whose service cycle overlaps the period, with on-site days against the 30-day minimum; those behind first.
-- No names: the talent id, community and expertise identify the post, not the person.
select
    days.talent_id as talent_id,
    days.subdistrict_name as subdistrict,
    days.community_name as community,
    talents.specialty as specialty,
    days.on_site_days as on_site_days,
    days.shortfall_days as shortfall_days
from mart_talent_service_days as days
join dim_talent as talents using (talent_id)
where days.cycle_start_on <= :to and days.cycle_end_on >= :from
    and (cast(:community as varchar) is null or days.community_code = :community)
    and (cast(:talent as varchar) is null or days.talent_id = :talent)
order by days.shortfall_days desc, days.on_site_days, days.talent_id
