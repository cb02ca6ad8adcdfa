-- Stock and flows per month, area and programme: opening + entries - exits = closing, in
-- persons and in families. The first loaded month has no flows (opening = closing).
with

size as (
    select * from {{ ref('register_size_monthly') }}
),

periods as (
    select * from {{ ref('int_register_periods') }}
),

person_flows as (
    {{ flow_counts(ref('int_person_flow_events')) }}
),

family_flows as (
    {{ flow_counts(ref('int_family_flow_events')) }}
),

final as (
    select
        size.period_month,
        size.area_code,
        size.area_level,
        size.programme_code,
        periods.period_index = 1 as is_first_period,
        coalesce(lag(size.persons) over cell_history, size.persons) as persons_opening,
        coalesce(person_flows.entries, 0) as persons_entries,
        coalesce(person_flows.exits, 0) as persons_exits,
        size.persons as persons_closing,
        coalesce(lag(size.families) over cell_history, size.families) as families_opening,
        coalesce(family_flows.entries, 0) as families_entries,
        coalesce(family_flows.exits, 0) as families_exits,
        size.families as families_closing
    from size
    inner join periods
        on periods.period_month = size.period_month
    left join person_flows
        on person_flows.period_month = size.period_month
        and person_flows.area_code = size.area_code
        and person_flows.programme_code = size.programme_code
    left join family_flows
        on family_flows.period_month = size.period_month
        and family_flows.area_code = size.area_code
        and family_flows.programme_code = size.programme_code
    window cell_history as (partition by size.area_code, size.programme_code order by size.period_month)
)

select * from final
