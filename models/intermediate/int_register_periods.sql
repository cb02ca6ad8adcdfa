-- The loaded register months in order. Flows compare a month with the previous *loaded* month.
with

members as (
    select * from {{ ref('int_register_members_monthly') }}
),

final as (
    select
        period_month,
        row_number() over (order by period_month) as period_index
    from (select distinct period_month from members) as periods
)

select * from final
