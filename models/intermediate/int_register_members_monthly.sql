-- One row per person and month in the register. A person registered under two register IDs
-- (a duplicate) counts once; the row with the lowest register ID gives area and programmes.
-- Incremental: only months with rows loaded since the last build are (re)computed, so a new
-- month, or a corrected re-export of an old one, replaces exactly that month's rows.
-- A change of columns needs `pantau refresh --full-refresh` (on_schema_change='fail' says so).
{{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key='period_month',
          on_schema_change='fail') }}

with

register_rows as (
    select * from {{ ref('stg_siks__register_rows') }}
    {% if is_incremental() %}
    where period_month in ({{ changed_months(ref('stg_siks__register_rows')) }})
    {% endif %}
),

grouped as (
    -- one min_by over a struct instead of ten: one aggregate state per person and month
    -- (at Pamekasan scale, 28 million rows, this is the largest grouping of the build)
    select
        period_month,
        person_key,
        min_by({
            'family_key': family_key, 'kelurahan_code': kelurahan_code, 'sex_code': sex_code,
            'age_years': age_years, 'is_pkh': is_pkh, 'is_bpnt': is_bpnt, 'is_pbi_jk': is_pbi_jk,
            'is_nik_unmatched': is_nik_unmatched, 'nik_region_code': nik_region_code
        }, register_id) as first_row,
        count(*) as register_id_count,
        max(loaded_at) as loaded_at
    from register_rows
    group by period_month, person_key
),

final as (
    select
        period_month,
        person_key,
        first_row.family_key,
        first_row.kelurahan_code,
        first_row.sex_code,
        first_row.age_years,
        first_row.is_pkh,
        first_row.is_bpnt,
        first_row.is_pbi_jk,
        first_row.is_nik_unmatched,
        first_row.nik_region_code,
        register_id_count,
        loaded_at
    from grouped
)

select * from final
