-- grain: one row per dispatched talent; no personal data (id numbers and phones stay in the lake, masked)
with talents as (
    select * from stg_talents
),

communities as (
    select * from dim_community
),

final as (
    select
        talents.talent_id,
        talents.talent_name,
        talents.gender,
        talents.organization,
        talents.organization_type,
        talents.specialty,
        talents.title,
        talents.community_code,
        communities.community_name,
        communities.subdistrict_code,
        communities.subdistrict_name,
        talents.cycle_start_on,
        talents.cycle_end_on,
        talents.is_cycle_end_estimated,
        talents.batch
    from talents
    left join communities using (community_code)
)

select * from final
