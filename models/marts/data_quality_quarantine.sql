-- Quarantined source rows per file, column and reason (counts only; the rows themselves, with
-- their values, stay in raw.quarantine of the working database for the staff who fix them).
with

quarantine as (
    select * from {{ ref('stg_pantau__quarantine') }}
),

final as (
    select file_name, file_sha256, kind, period, column_name, reason, count(*) as rows_quarantined
    from quarantine
    group by file_name, file_sha256, kind, period, column_name, reason
)

select * from final
