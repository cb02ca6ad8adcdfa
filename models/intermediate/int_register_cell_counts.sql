-- Persons and families per month and cell (area at three levels x programme), only for cells
-- with anybody in them; register_size_monthly puts them on the full spine.
-- Incremental: a month is recounted when its member rows changed since the last build.
{{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key='period_month',
          on_schema_change='sync_all_columns') }}

with

{% if is_incremental() %}
changed_months as (
    select distinct period_month
    from {{ ref('int_register_members_monthly') }}
    where loaded_at > {{ last_seen('members_loaded_at') }}
),
{% endif %}

member_rows as (
    select * from {{ ref('int_register_members_monthly') }}
    {% if is_incremental() %}
    where period_month in (select period_month from changed_months)
    {% endif %}
),

family_rows as (
    select * from {{ ref('int_register_families_monthly') }}
    {% if is_incremental() %}
    where period_month in (select period_month from changed_months)
    {% endif %}
),

persons as (
    {{ cell_counts('member_rows', 'persons') }}
),

family_counts as (
    {{ cell_counts('family_rows', 'families') }}
),

final as (
    select
        coalesce(persons.period_month, family_counts.period_month) as period_month,
        coalesce(persons.area_code, family_counts.area_code) as area_code,
        coalesce(persons.programme_code, family_counts.programme_code) as programme_code,
        coalesce(persons.persons, 0) as persons,
        coalesce(family_counts.families, 0) as families,
        (select max(loaded_at) from {{ ref('int_register_members_monthly') }}) as members_loaded_at
    from persons
    full outer join family_counts
        on family_counts.period_month = persons.period_month
        and family_counts.area_code = persons.area_code
        and family_counts.programme_code = persons.programme_code
)

select * from final
