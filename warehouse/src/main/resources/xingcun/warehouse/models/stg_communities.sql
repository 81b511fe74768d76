-- grain: one row per community the lake's communities table adds, renames or takes out of the program
with source as (
    select * from src_communities
),

final as (
    select
        code as community_code,
        name as community_full_name,
        parent_code as subdistrict_code,
        coalesce(in_program, true) as is_in_program,
        source_file,
        source_row,
        run_id
    from source
)

select * from final
