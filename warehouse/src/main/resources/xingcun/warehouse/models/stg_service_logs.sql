-- grain: one row per service log (log_id)
with source as (
    select * from src_service_logs
),

final as (
    select
        log_id,
        talent_id,
        community_code,
        service_on,
        activity_type,
        days as service_days,
        people_served,
        nullif(trim(bottleneck), '') as bottleneck,
        topic,
        notes,
        source_file,
        source_row,
        run_id
    from source
)

select * from final
