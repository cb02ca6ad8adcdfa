-- One row per quarantined source row, without the offending value (it may be a NIK).
with

source as (
    select * from {{ source('pantau_ops', 'quarantine') }}
),

renamed as (
    select
        file_name,
        sha256 as file_sha256,
        kind,
        period,
        source_row,
        column_name,
        reason,
        quarantined_at
    from source
)

select * from renamed
