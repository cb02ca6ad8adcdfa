-- One row per person and month: was the person's family visited (verval) in the 24 calendar
-- months ending with that month (e.g. December 2022 to November 2024)? The update-rate
-- indicator used by Brazil's Cadastro Unico.
-- Incremental: a month is recomputed when its member rows changed, or when a visit loaded
-- since the last build falls in its 24-month window (a late-entered visit updates later months).
{{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key='period_month',
          on_schema_change='sync_all_columns') }}

with

{% if is_incremental() %}
last_build as (
    select
        {{ last_seen('members_loaded_at') }} as members_loaded_at,
        {{ last_seen('visits_loaded_at') }} as visits_loaded_at
),

new_visit_months as (
    select distinct date_trunc('month', visit_date) as visit_month
    from {{ ref('stg_lastri__assessments') }}
    where loaded_at > (select visits_loaded_at from last_build)
),

changed_months as (
    select distinct period_month
    from {{ ref('int_register_members_monthly') }}
    where loaded_at > (select members_loaded_at from last_build)
        or exists (
            select 1 from new_visit_months
            where new_visit_months.visit_month <= period_month
                and new_visit_months.visit_month > {{ dbt.dateadd('month', 0 - var('recency_months'), 'period_month') }}
        )
),
{% endif %}

members as (
    select period_month, person_key, family_key, kelurahan_code
    from {{ ref('int_register_members_monthly') }}
    {% if is_incremental() %}
    where period_month in (select period_month from changed_months)
    {% endif %}
),

visits as (
    select family_key, visit_date from {{ ref('stg_lastri__assessments') }}
),

verified as (
    select distinct members.period_month, members.person_key
    from members
    inner join visits
        on visits.family_key = members.family_key
        and visits.visit_date < {{ dbt.dateadd('month', 1, 'members.period_month') }}
        and visits.visit_date >= {{ dbt.dateadd('month', 1 - var('recency_months'), 'members.period_month') }}
),

final as (
    select
        members.period_month,
        members.person_key,
        members.kelurahan_code,
        verified.person_key is not null as is_verified_recently,
        (select max(loaded_at) from {{ ref('int_register_members_monthly') }}) as members_loaded_at,
        (select max(loaded_at) from {{ ref('stg_lastri__assessments') }}) as visits_loaded_at
    from members
    left join verified
        on verified.period_month = members.period_month
        and verified.person_key = members.person_key
)

select * from final
