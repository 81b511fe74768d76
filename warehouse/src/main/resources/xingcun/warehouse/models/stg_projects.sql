-- grain: one row per project (project_id)
with source as (
    select * from src_projects
),

final as (
    select
        project_id,
        name as project_name,
        community_code,
        sector,
        kind,
        status,
        coalesce(funds_in_place_yuan, 0) as funds_in_place_yuan,
        coalesce(funds_intended_yuan, 0) as funds_intended_yuan,
        talent_id,
        signed_on,
        source_file,
        source_row,
        run_id
    from source
)

select * from final
