-- The own region month by month: register size against the same calendar year's BPS poverty
-- (March reference), so coverage and minimum leakage can be followed through the decline.
with

benchmarks as (
    select * from {{ ref('int_targeting_benchmarks') }}
    where is_own_region
),

register_counts as (
    select * from {{ ref('int_register_kabkota_monthly') }}
    where kabkota_code = '{{ var("own_region") }}'
),

inputs as (
    select
        benchmarks.*,
        register_counts.period_month as register_month,
        cast(register_counts.register_persons as double) as register_persons,
        register_counts.register_source,
        {{ poor_persons('benchmarks') }}
    from register_counts
    inner join benchmarks
        on benchmarks.year = extract(year from register_counts.period_month)
),

final as (
    {{ with_targeting_indicators('inputs') }}
)

select * from final
