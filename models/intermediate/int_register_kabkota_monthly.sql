-- Register size (persons) per kab/kota and month: the own region counted from its extracts,
-- every other kab/kota from the province's aggregate counts (the recap never overrides extracts).
with

own_region_members as (
    select period_month, person_key from {{ ref('int_register_members_monthly') }}
),

aggregate_counts as (
    select * from {{ ref('stg_aggregates__register_counts') }}
),

own_region as (
    select
        '{{ var("own_region") }}' as kabkota_code,
        period_month,
        count(*) as register_persons,  -- one row per person and month (tested unique)
        'ekstrak register' as register_source
    from own_region_members
    group by period_month
),

other_regions as (
    -- a month re-sent in a later recap: the most recently loaded count holds
    select
        kabkota_code,
        period_month,
        register_persons,
        'rekap provinsi' as register_source
    from aggregate_counts
    where kabkota_code <> '{{ var("own_region") }}'
    qualify row_number() over (
        partition by kabkota_code, period_month order by loaded_at desc, source_file desc) = 1
),

final as (
    select * from own_region
    union all
    select * from other_regions
)

select * from final
