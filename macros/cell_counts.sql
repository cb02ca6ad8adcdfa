{#- Units per month in every cell (kelurahan, kecamatan, kab/kota x programme), from monthly
    membership rows with one row per unit and month (so count(*) is exact). -#}
{% macro cell_counts(members_relation, count_name) %}
with

members as (
    select period_month, kelurahan_code, is_pkh, is_bpnt, is_pbi_jk from {{ members_relation }}
),

regions as (
    select area_code, kecamatan_code, kabkota_code
    from {{ ref('int_regions_hierarchy') }}
    where area_level = 'kelurahan'
),

programmes as (
    select period_month, kelurahan_code, 'SEMUA' as programme_code from members
    union all
    select period_month, kelurahan_code, 'PKH' as programme_code from members where is_pkh
    union all
    select period_month, kelurahan_code, 'BPNT' as programme_code from members where is_bpnt
    union all
    select period_month, kelurahan_code, 'PBI_JK' as programme_code from members where is_pbi_jk
),

located as (
    select programmes.*, regions.kecamatan_code, regions.kabkota_code
    from programmes
    inner join regions
        on regions.area_code = programmes.kelurahan_code
),

final as (
    select period_month, kelurahan_code as area_code, programme_code, count(*) as {{ count_name }}
    from located group by period_month, kelurahan_code, programme_code
    union all
    select period_month, kecamatan_code as area_code, programme_code, count(*) as {{ count_name }}
    from located group by period_month, kecamatan_code, programme_code
    union all
    select period_month, kabkota_code as area_code, programme_code, count(*) as {{ count_name }}
    from located group by period_month, kabkota_code, programme_code
)

select * from final
{% endmacro %}
