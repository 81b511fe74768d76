-- grain: one row per young talent introduced or fostered (person_id); no names
with youth as (
    select * from stg_youth_talents
),

communities as (
    select * from dim_community
),

final as (
    select
        youth.person_id,
        youth.category,
        youth.community_code,
        communities.community_name,
        communities.subdistrict_name,
        youth.joined_on
    from youth
    left join communities using (community_code)
)

select * from final
