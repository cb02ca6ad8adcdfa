-- Register size per month, area and programme, in persons and families. Every area of the
-- own region has a row for every loaded month and programme (zero when nobody is registered).
with

persons as (
    {{ cell_counts(ref('int_register_members_monthly'), 'persons') }}
),

families as (
    {{ cell_counts(ref('int_register_families_monthly'), 'families') }}
),

periods as (
    select period_month from {{ ref('int_register_periods') }}
),

regions as (
    select area_code, area_level
    from {{ ref('int_regions_hierarchy') }}
    where kabkota_code = '{{ var("own_region") }}'
),

programmes as (
    select kode_program as programme_code from {{ ref('ref_program') }}
),

spine as (
    select periods.period_month, regions.area_code, regions.area_level, programmes.programme_code
    from periods
    cross join regions
    cross join programmes
),

final as (
    select
        spine.period_month,
        spine.area_code,
        spine.area_level,
        spine.programme_code,
        coalesce(persons.persons, 0) as persons,
        coalesce(families.families, 0) as families
    from spine
    left join persons
        on persons.period_month = spine.period_month
        and persons.area_code = spine.area_code
        and persons.programme_code = spine.programme_code
    left join families
        on families.period_month = spine.period_month
        and families.area_code = spine.area_code
        and families.programme_code = spine.programme_code
)

select * from final
