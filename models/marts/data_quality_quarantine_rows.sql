-- Every quarantined source row, for the field staff who fix the export: file, line, column and
-- reason. Never the value itself (it may be a NIK or a name).
with

quarantine as (
    select * from {{ ref('stg_pantau__quarantine') }}
),

final as (
    select file_name, file_sha256, kind, period, source_row, column_name, reason, quarantined_at
    from quarantine
)

select * from final
