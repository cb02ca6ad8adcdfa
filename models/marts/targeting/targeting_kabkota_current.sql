-- Current position per kab/kota: the latest register month against the latest BPS year with a
-- poverty rate. The two reference periods usually differ; both are columns and both are shown.
with

benchmarks as (
    select * from {{ ref('int_targeting_benchmarks') }}
),

register_counts as (
    select * from {{ ref('int_register_kabkota_monthly') }}
),

latest_register as (
    select kabkota_code, period_month as register_month, register_persons, register_source
    from register_counts
    qualify row_number() over (partition by kabkota_code order by period_month desc) = 1
),

latest_poverty_year as (
    select kabkota_code, max(year) as year
    from benchmarks
    where p0_pct is not null
    group by kabkota_code
),

-- every kab/kota keeps a row; without BPS data it shows its latest year's denominators
benchmark_year as (
    select
        benchmarks.kabkota_code,
        coalesce(latest_poverty_year.year, max(benchmarks.year)) as year
    from benchmarks
    left join latest_poverty_year
        on latest_poverty_year.kabkota_code = benchmarks.kabkota_code
    group by benchmarks.kabkota_code, latest_poverty_year.year
),

inputs as (
    select
        benchmarks.*,
        latest_register.register_month,
        cast(latest_register.register_persons as double) as register_persons,
        latest_register.register_source,
        {{ poor_persons('benchmarks') }}
    from benchmark_year
    inner join benchmarks
        on benchmarks.kabkota_code = benchmark_year.kabkota_code
        and benchmarks.year = benchmark_year.year
    left join latest_register
        on latest_register.kabkota_code = benchmark_year.kabkota_code
),

final as (
    {{ with_targeting_indicators('inputs') }}
)

select * from final
