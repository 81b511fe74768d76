-- grain: one row per community, period, indicator and product
with source as (
    select * from src_industry_outputs
),

final as (
    select
        community_code,
        period,
        period_start as period_start_on,
        period_end as period_end_on,
        case
            when length(period) = 4 then 'year'
            when period like '%Q%' then 'quarter'
            else 'month'
        end as period_grain,
        indicator,
        nullif(product, '') as product,
        value,
        unit,
        source_file,
        source_row,
        run_id
    from source
)

select * from final
