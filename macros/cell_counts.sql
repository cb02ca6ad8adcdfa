{#- Units per month in every cell (kelurahan, kecamatan, kab/kota x programme), from monthly
    membership rows with one row per unit and month (so count(*) is exact). -#}
{% macro cell_counts(members_relation, count_name) %}
with

members as (
    select period_month, kelurahan_code, is_pkh, is_bpnt, is_pbi_jk from {{ members_relation }}
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

final as (
    {{ rollup_to_areas('programmes', ['period_month', 'programme_code'], 'count(*) as ' ~ count_name) }}
)

select * from final
{% endmacro %}
