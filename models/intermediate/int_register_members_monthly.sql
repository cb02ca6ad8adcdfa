-- One row per person and month in the register. A person registered under two register IDs
-- (a duplicate) counts once; the row with the lowest register ID gives area and programmes.
with

register_rows as (
    select * from {{ ref('stg_siks__register_rows') }}
),

ranked as (
    select
        register_rows.*,
        row_number() over (
            partition by register_rows.period_month, register_rows.person_key
            order by register_rows.register_id
        ) as row_rank,
        count(*) over (
            partition by register_rows.period_month, register_rows.person_key
        ) as register_id_count
    from register_rows
),

final as (
    select
        period_month,
        person_key,
        family_key,
        kelurahan_code,
        sex_code,
        age_years,
        is_pkh,
        is_bpnt,
        is_pbi_jk,
        is_nik_unmatched,
        register_id_count
    from ranked
    where row_rank = 1
)

select * from final
