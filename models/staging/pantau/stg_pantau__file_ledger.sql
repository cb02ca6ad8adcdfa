-- One row per ingested file: what was read, loaded and quarantined.
with

source as (
    select * from {{ source('pantau_ops', 'file_ledger') }}
),

renamed as (
    select
        file_name,
        sha256 as file_sha256,
        kind,
        period,
        rows_read,
        rows_loaded,
        rows_quarantined,
        status,
        superseded_by,
        is_synthetic,
        loaded_at
    from source
)

select * from renamed
