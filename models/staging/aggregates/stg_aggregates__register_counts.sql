-- Register counts per kab/kota and month reported for other regions (province recap).
with

source as (
    select * from {{ source('aggregates', 'aggregate_counts') }}
),

renamed as (
    select
        trim(source.kode_wilayah) as kabkota_code,
        cast(trim(source.periode) || '-01' as date) as period_month,
        cast(source.jumlah_jiwa as bigint) as register_persons,
        try_cast(source.jumlah_keluarga as bigint) as register_families,
        source._source_file as source_file,
        source._loaded_at as loaded_at
    from source
)

select * from renamed
