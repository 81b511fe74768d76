-- grain: one row per young talent (person_id); the name is only hashed in the lake and is left out here
with source as (
    select * from src_youth_talents
),

final as (
    select
        person_id,
        category,
        community_code,
        joined_on,
        source_file,
        source_row,
        run_id
    from source
)

select * from final
