-- Register size per month, area and programme, in persons and families. Every area of the
-- own region has a row for every loaded month and programme (zero when nobody is registered).
with

counts as (
    select * from {{ ref('int_register_cell_counts') }}
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
        coalesce(counts.persons, 0) as persons,
        coalesce(counts.families, 0) as families
    from spine
    left join counts
        on counts.period_month = spine.period_month
        and counts.area_code = spine.area_code
        and counts.programme_code = spine.programme_code
)

select * from final
