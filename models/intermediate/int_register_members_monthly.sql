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
    where period_month in (
        select distinct period_month
        from {{ ref('stg_siks__register_rows') }}
        -- coalesce: a first build without any register rows must not freeze the table
        where loaded_at > (select coalesce(max(loaded_at), cast('1900-01-01' as timestamp)) from {{ this }})
    )
    {% endif %}
),

final as (
    select
        period_month,
        person_key,
        min_by(family_key, register_id) as family_key,
        min_by(kelurahan_code, register_id) as kelurahan_code,
        min_by(sex_code, register_id) as sex_code,
        min_by(age_years, register_id) as age_years,
        min_by(is_pkh, register_id) as is_pkh,
        min_by(is_bpnt, register_id) as is_bpnt,
        min_by(is_pbi_jk, register_id) as is_pbi_jk,
        min_by(is_nik_unmatched, register_id) as is_nik_unmatched,
        min_by(nik_region_code, register_id) as nik_region_code,
        count(*) as register_id_count,
        max(loaded_at) as loaded_at
    from register_rows
    group by period_month, person_key
)

select * from final
