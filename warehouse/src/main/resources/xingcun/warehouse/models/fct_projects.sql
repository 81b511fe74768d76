-- grain: one row per project (project_id)
with projects as (
    select * from stg_projects
),

communities as (
    select * from dim_community
),

final as (
    select
        projects.project_id,
        projects.project_name,
        projects.community_code,
        communities.community_name,
        communities.subdistrict_name,
        projects.sector,
        projects.kind,
        projects.status,
        projects.funds_in_place_yuan,
        projects.funds_intended_yuan,
        projects.talent_id,
        projects.signed_on
    from projects
    left join communities using (community_code)
)

select * from final
