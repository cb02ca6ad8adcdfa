-- One row per family (KK) and month in the register: the family's kelurahan is the lowest
-- kelurahan code among its members that month (families split across kelurahan are rare),
-- and it is in a programme when any member is.
-- Incremental like int_register_members_monthly: only months whose member rows changed since
-- the last build are (re)computed.
{{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key='period_month',
          on_schema_change='sync_all_columns') }}

with

members as (
    select * from {{ ref('int_register_members_monthly') }}
    {% if is_incremental() %}
    where period_month in (
        select distinct period_month
        from {{ ref('int_register_members_monthly') }}
        where loaded_at > {{ last_seen('loaded_at') }}
    )
    {% endif %}
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
        count(*) as persons,
        max(loaded_at) as loaded_at
    from members
    group by period_month, family_key
)

select * from final
