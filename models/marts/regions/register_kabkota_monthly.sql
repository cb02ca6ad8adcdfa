-- Register size and share of the population per kab/kota and month, with the same year's BPS
-- poverty rate and the months since the kab/kota began verval, for comparing regions.
with

register_counts as (
    select * from {{ ref('int_register_kabkota_monthly') }}
),

benchmarks as (
    select * from {{ ref('int_targeting_benchmarks') }}
),

verval_start as (
    select * from {{ ref('int_verval_start') }}
),

final as (
    select
        register_counts.kabkota_code,
        benchmarks.kabkota_name,
        benchmarks.is_own_region,
        register_counts.period_month,
        register_counts.register_persons,
        register_counts.register_source,
        benchmarks.population,
        benchmarks.population_source,
        register_counts.register_persons / nullif(benchmarks.population, 0) as register_share,
        benchmarks.p0_pct,
        benchmarks.poverty_reference,
        verval_start.verval_start_month,
        verval_start.verval_start_source,
        {{ dbt.datediff('verval_start.verval_start_month', 'register_counts.period_month', 'month') }}
            as months_since_verval_start
    from register_counts
    inner join benchmarks
        on benchmarks.kabkota_code = register_counts.kabkota_code
        and benchmarks.year = extract(year from register_counts.period_month)
    left join verval_start
        on verval_start.kabkota_code = register_counts.kabkota_code
)

select * from final
