-- One row per person and month in the register. A person registered under two register IDs
-- (a duplicate) counts once; the row with the lowest register ID gives area and programmes.
with

register_rows as (
    select * from {{ ref('stg_siks__register_rows') }}
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
        count(*) as register_id_count
    from register_rows
    group by period_month, person_key
)

select * from final
