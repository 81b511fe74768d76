-- grain: one row per community, period, indicator and product
with outputs as (
    select * from stg_industry_outputs
),

communities as (
    select * from dim_community
),

annual as (
    select distinct community_code, indicator, coalesce(product, '') as product_key, year(period_start_on) as period_year
    from outputs
    where period_grain = 'year'
),

final as (
    select
        outputs.community_code,
        communities.community_name,
        communities.subdistrict_name,
        outputs.period,
        outputs.period_grain,
        outputs.period_start_on,
        outputs.period_end_on,
        year(outputs.period_start_on) as period_year,
        outputs.indicator,
        outputs.product,
        outputs.value,
        outputs.unit,
        -- a finer row whose year also has an annual row: never counted together with that annual row
        outputs.period_grain <> 'year' and annual.period_year is not null as is_covered_by_annual_row
    from outputs
    left join communities using (community_code)
    left join annual
        on annual.community_code = outputs.community_code
        and annual.indicator = outputs.indicator
        and annual.product_key = coalesce(outputs.product, '')
        and annual.period_year = year(outputs.period_start_on)
)

select * from final
