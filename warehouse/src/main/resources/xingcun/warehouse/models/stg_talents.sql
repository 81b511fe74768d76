-- grain: one row per talent (the lake keeps one version per talent_id)
with source as (
    select * from src_talents
),

final as (
    select
        talent_id,
        name as talent_name,
        gender,
        organization,
        organization_type,
        specialty,
        title,
        community_code,
        cycle_start as cycle_start_on,
        -- a roster without an end date: the program's cycle is one year
        coalesce(cycle_end, cast(cycle_start + interval 1 year - interval 1 day as date)) as cycle_end_on,
        cycle_end is null as is_cycle_end_estimated,
        batch,
        source_file,
        source_row,
        run_id
    from source
)

select * from final
