-- grain: one row per talent and evaluation cycle
with source as (
    select * from src_evaluations
),

final as (
    select
        talent_id,
        cycle,
        evaluator,
        rating,
        coalesce(work_funds_yuan, 0) as work_funds_yuan,
        coalesce(reward_yuan, 0) as reward_yuan,
        source_file,
        source_row,
        run_id
    from source
)

select * from final
