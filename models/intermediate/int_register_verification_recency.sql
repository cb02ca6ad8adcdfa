-- One row per person and month: was the person's family visited (verval) in the 24 calendar
-- months ending with that month (e.g. December 2022 to November 2024)? The update-rate
-- indicator used by Brazil's Cadastro Unico.
with

members as (
    select period_month, person_key, family_key, kelurahan_code
    from {{ ref('int_register_members_monthly') }}
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
        verified.person_key is not null as is_verified_recently
    from members
    left join verified
        on verified.period_month = members.period_month
        and verified.person_key = members.person_key
)

select * from final
