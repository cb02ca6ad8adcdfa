-- Register size per month, area and programme, in persons and families. Every area of the
-- own region has a row for every loaded month and programme (zero when nobody is registered).
with

members as (
    select * from {{ ref('int_register_members_monthly') }}
),

regions as (
    select * from {{ ref('int_regions_hierarchy') }}
    where kabkota_code = '{{ var("own_region") }}'
),

programmes as (
    select kode_program as programme_code from {{ ref('ref_program') }}
),

member_programmes as (
    select period_month, person_key, family_key, kelurahan_code, 'SEMUA' as programme_code
    from members
    union all
    select period_month, person_key, family_key, kelurahan_code, 'PKH' as programme_code
    from members where is_pkh
    union all
    select period_month, person_key, family_key, kelurahan_code, 'BPNT' as programme_code
    from members where is_bpnt
    union all
    select period_month, person_key, family_key, kelurahan_code, 'PBI_JK' as programme_code
    from members where is_pbi_jk
),

located as (
    select
        member_programmes.*,
        kelurahan.kecamatan_code,
        kelurahan.kabkota_code
    from member_programmes
    inner join regions as kelurahan
        on kelurahan.area_code = member_programmes.kelurahan_code
),

-- persons: one row per person and month upstream, so count(*) is exact at every level.
counted as (
    select period_month, kelurahan_code as area_code, programme_code,
           count(*) as persons, count(distinct family_key) as families
    from located
    group by period_month, kelurahan_code, programme_code
    union all
    select period_month, kecamatan_code as area_code, programme_code,
           count(*) as persons, count(distinct family_key) as families
    from located
    group by period_month, kecamatan_code, programme_code
    union all
    select period_month, kabkota_code as area_code, programme_code,
           count(*) as persons, count(distinct family_key) as families
    from located
    group by period_month, kabkota_code, programme_code
),

spine as (
    select periods.period_month, regions.area_code, regions.area_level, programmes.programme_code
    from (select distinct period_month from members) as periods
    cross join regions
    cross join programmes
),

final as (
    select
        spine.period_month,
        spine.area_code,
        spine.area_level,
        spine.programme_code,
        coalesce(counted.persons, 0) as persons,
        coalesce(counted.families, 0) as families
    from spine
    left join counted
        on counted.period_month = spine.period_month
        and counted.area_code = spine.area_code
        and counted.programme_code = spine.programme_code
)

select * from final
