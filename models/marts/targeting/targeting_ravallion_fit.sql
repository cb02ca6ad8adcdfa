-- Ravallion (2000) across kab/kota: with common participation rates for poor (s_P) and
-- non-poor (s_N), register share r = s_N + (s_P - s_N) * p. Weighted least squares of register
-- share on the poverty rate (P0) over the kab/kota of Jawa Timur with both figures, weighted by
-- population: intercept ~ s_N, slope ~ targeting differential. Standard errors are the usual
-- WLS ones (residual variance on n - 2 degrees of freedom); the weights' scale does not matter.
-- One fit per BPS year and one for the current position. Values rounded to 10 decimals.
with

yearly as (
    select 'tahunan' as comparison, year, population, register_share, p0_pct
    from {{ ref('targeting_kabkota_yearly') }}
),

current_position as (
    select 'terkini' as comparison, cast(null as integer) as year, population, register_share, p0_pct
    from {{ ref('targeting_kabkota_current') }}
),

points as (
    select comparison, year, population as weight, p0_pct / 100 as poverty_rate, register_share
    from (select * from yearly union all select * from current_position) as observations
    where population > 0 and register_share is not null and p0_pct is not null
),

weighted_means as (
    select
        comparison,
        year,
        count(*) as areas,
        sum(weight) as weight_total,
        sum(weight * poverty_rate) / sum(weight) as poverty_rate_mean,
        sum(weight * register_share) / sum(weight) as register_share_mean
    from points
    group by comparison, year
),

moments as (
    select
        points.comparison,
        points.year,
        sum(points.weight * power(points.poverty_rate - weighted_means.poverty_rate_mean, 2)) as sxx,
        sum(points.weight * (points.poverty_rate - weighted_means.poverty_rate_mean)
            * (points.register_share - weighted_means.register_share_mean)) as sxy,
        sum(points.weight * power(points.register_share - weighted_means.register_share_mean, 2)) as syy
    from points
    inner join weighted_means
        on weighted_means.comparison = points.comparison
        and weighted_means.year is not distinct from points.year
    group by points.comparison, points.year
),

coefficients as (
    select
        weighted_means.*,
        moments.sxx,
        moments.syy,
        moments.sxy / nullif(moments.sxx, 0) as slope,
        weighted_means.register_share_mean
            - moments.sxy / nullif(moments.sxx, 0) * weighted_means.poverty_rate_mean as intercept
    from weighted_means
    inner join moments
        on moments.comparison = weighted_means.comparison
        and moments.year is not distinct from weighted_means.year
),

residuals as (
    select
        coefficients.comparison,
        coefficients.year,
        sum(points.weight * power(points.register_share - coefficients.intercept
                                  - coefficients.slope * points.poverty_rate, 2)) as ssr
    from points
    inner join coefficients
        on coefficients.comparison = points.comparison
        and coefficients.year is not distinct from points.year
    group by coefficients.comparison, coefficients.year
),

fit as (
    select
        coefficients.*,
        residuals.ssr,
        -- residual variance; undefined with fewer than 3 areas
        residuals.ssr / nullif(coefficients.areas - 2, 0) as residual_variance
    from coefficients
    inner join residuals
        on residuals.comparison = coefficients.comparison
        and residuals.year is not distinct from coefficients.year
    where coefficients.areas >= 3
),

final as (
    select
        comparison,
        year,
        areas,
        round(intercept, 10) as intercept,
        round(slope, 10) as slope,
        round(sqrt(residual_variance * (1 / weight_total + power(poverty_rate_mean, 2) / sxx)), 10)
            as intercept_std_error,
        round(sqrt(residual_variance / sxx), 10) as slope_std_error,
        round(1 - ssr / nullif(syy, 0), 10) as r_squared,
        round(intercept, 10) as participation_non_poor,
        round(intercept + slope, 10) as participation_poor,
        areas < {{ var('ravallion_min_areas') }} as is_indicative
    from fit
)

select * from final
