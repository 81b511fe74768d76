-- grain: one row per calendar day, 2000-01-01 … 2035-12-31 (the ingest accepts dates from 2000 on)
with days as (
    select cast(day as date) as date_on
    from range(date '2000-01-01', date '2036-01-01', interval 1 day) as days(day)
),

final as (
    select
        date_on,
        year(date_on) as year,
        quarter(date_on) as quarter,
        month(date_on) as month,
        strftime(date_on, '%Y-%m') as month_label,
        year(date_on) || 'Q' || quarter(date_on) as quarter_label,
        cast(date_trunc('quarter', date_on) as date) as quarter_start_on,
        cast(date_trunc('quarter', date_on) + interval 3 month - interval 1 day as date) as quarter_end_on
    from days
)

select * from final
