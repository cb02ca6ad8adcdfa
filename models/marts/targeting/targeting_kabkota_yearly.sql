-- Targeting against poverty statistics per kab/kota and year (METRICS.md): the register at the
-- loaded month nearest the BPS March reference (at most benchmark_window_months away) against BPS poverty and
-- the programme target share. Rows with missing inputs stay, with NULL indicators ("tidak ada data").
with

benchmarks as (
    select * from {{ ref('int_targeting_benchmarks') }}
),

register_counts as (
    select * from {{ ref('int_register_kabkota_monthly') }}
),

nearest_march as (
    select
        benchmarks.kabkota_code,
        benchmarks.year,
        register_counts.period_month as register_month,
        register_counts.register_persons,
        register_counts.register_source
    from benchmarks
    inner join register_counts
        on register_counts.kabkota_code = benchmarks.kabkota_code
        and abs({{ dbt.datediff("make_date(benchmarks.year, 3, 1)", "register_counts.period_month", "month") }}) <= {{ var('benchmark_window_months') }}
    qualify row_number() over (
        partition by benchmarks.kabkota_code, benchmarks.year
        order by abs({{ dbt.datediff("make_date(benchmarks.year, 3, 1)", "register_counts.period_month", "month") }}),
                 register_counts.period_month) = 1
),

inputs as (
    select
        benchmarks.*,
        nearest_march.register_month,
        cast(nearest_march.register_persons as double) as register_persons,
        nearest_march.register_source,
        {{ poor_persons('benchmarks') }}
    from benchmarks
    left join nearest_march
        on nearest_march.kabkota_code = benchmarks.kabkota_code
        and nearest_march.year = benchmarks.year
),

final as (
    {{ with_targeting_indicators('inputs') }}
)

select * from final
