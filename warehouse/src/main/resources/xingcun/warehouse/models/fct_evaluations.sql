-- grain: one row per talent and evaluation cycle
with evaluations as (
    select * from stg_evaluations
),

talents as (
    select talent_id, community_code, community_name, subdistrict_name from dim_talent
),

final as (
    select
        evaluations.talent_id,
        evaluations.cycle,
        talents.community_code,
        talents.community_name,
        talents.subdistrict_name,
        evaluations.evaluator,
        evaluations.rating,
        evaluations.work_funds_yuan,
        evaluations.reward_yuan,
        -- evaluations count in the period of their cycle's year
        make_date(cast(left(evaluations.cycle, 4) as integer), 12, 31) as cycle_end_on
    from evaluations
    left join talents using (talent_id)
)

select * from final
