-- One row per family (KK) and month in the register: the family's kelurahan is the lowest
-- kelurahan code among its members that month (families split across kelurahan are rare),
-- and it is in a programme when any member is.
with

members as (
    select * from {{ ref('int_register_members_monthly') }}
),

final as (
    select
        period_month,
        family_key,
        min(kelurahan_code) as kelurahan_code,
        bool_or(is_pkh) as is_pkh,
        bool_or(is_bpnt) as is_bpnt,
        bool_or(is_pbi_jk) as is_pbi_jk,
        bool_and(is_nik_unmatched) as is_nik_unmatched,
        count(*) as persons
    from members
    group by period_month, family_key
)

select * from final
