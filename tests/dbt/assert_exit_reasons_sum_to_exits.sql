-- Every exit has exactly one reason: per month, area and programme the reasons add up to
-- the exits of the flows mart (persons and families), and no reason is missing.
with

reasons as (
    select period_month, area_code, programme_code,
           sum(persons) as persons, sum(families) as families,
           count(*) filter (where reason_code is null) as missing_reasons
    from {{ ref('register_exits_by_reason') }}
    group by period_month, area_code, programme_code
),

flows as (
    select period_month, area_code, programme_code, persons_exits, families_exits
    from {{ ref('register_flows_monthly') }}
)

select flows.*, reasons.persons, reasons.families, reasons.missing_reasons
from flows
full outer join reasons
    on reasons.period_month = flows.period_month
    and reasons.area_code = flows.area_code
    and reasons.programme_code = flows.programme_code
where coalesce(reasons.persons, 0) <> coalesce(flows.persons_exits, 0)
    or coalesce(reasons.families, 0) <> coalesce(flows.families_exits, 0)
    or coalesce(reasons.missing_reasons, 0) > 0
    or flows.period_month is null
