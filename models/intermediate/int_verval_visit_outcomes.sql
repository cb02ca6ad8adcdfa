-- One row per field visit with what the register did afterwards: the first month the family
-- was missing from the register after the visit, and whether it is in the latest register.
with

visits as (
    select * from {{ ref('stg_lastri__assessments') }}
),

family_exits as (
    select unit_key as family_key, period_month as exit_month
    from {{ ref('int_family_flow_events') }}
    where area_level = 'kabkota' and programme_code = 'SEMUA' and event = 'keluar'
        and exit_kind = 'register'
),

latest_period as (
    select max(period_month) as period_month from {{ ref('int_register_periods') }}
),

latest_families as (
    select families.family_key
    from {{ ref('int_register_families_monthly') }} as families
    inner join latest_period
        on latest_period.period_month = families.period_month
),

first_exit_after_visit as (
    select visits.visit_id, min(family_exits.exit_month) as removal_month
    from visits
    inner join family_exits
        on family_exits.family_key = visits.family_key
        and family_exits.exit_month > visits.visit_date
    group by visits.visit_id
),

final as (
    select
        visits.visit_id,
        visits.visit_date,
        {{ dbt.date_trunc('month', 'visits.visit_date') }} as visit_month,
        visits.enumerator_code,
        visits.kelurahan_code,
        visits.family_key,
        visits.household_size,
        visits.is_not_eligible,
        visits.reason_code,
        visits.bps_criteria_met,
        visits.household_income_month,
        visits.selection_method,
        visits.is_random_sample,
        visits.has_photo,
        visits.latitude is not null and visits.longitude is not null as has_gps_point,
        visits.latitude,
        visits.longitude,
        first_exit_after_visit.removal_month,
        {{ dbt.datediff(dbt.date_trunc('month', 'visits.visit_date'), 'first_exit_after_visit.removal_month', 'month') }}
            as months_to_removal,
        latest_families.family_key is not null as is_in_latest_register,
        latest_period.period_month as latest_period_month,
        {{ dbt.date_trunc('month', 'visits.visit_date') }}
            <= {{ dbt.dateadd('month', -1 * var('integrity_grace_months'), 'latest_period.period_month') }}
            as is_past_grace
    from visits
    cross join latest_period
    left join first_exit_after_visit
        on first_exit_after_visit.visit_id = visits.visit_id
    left join latest_families
        on latest_families.family_key = visits.family_key
)

select * from final
