-- Every area the warehouse reports on, with its parents: kelurahan -> kecamatan -> kab/kota.
with

wilayah as (
    select * from {{ ref('ref_wilayah') }}
),

kabkota as (
    select * from {{ ref('ref_kabkota_jatim') }}
),

kelurahan as (
    select
        kode_kemendagri as area_code,
        'kelurahan' as area_level,
        nama as area_name,
        jenis_desa_kel as area_type,
        kode_kecamatan as kecamatan_code,
        kode_kabkota as kabkota_code
    from wilayah
    where level = 'desa_kelurahan'
),

kecamatan as (
    select
        kode_kemendagri as area_code,
        'kecamatan' as area_level,
        nama as area_name,
        'kecamatan' as area_type,
        kode_kemendagri as kecamatan_code,
        kode_kabkota as kabkota_code
    from wilayah
    where level = 'kecamatan'
),

kabkota_areas as (
    select
        kode_kemendagri as area_code,
        'kabkota' as area_level,
        nama as area_name,
        lower(jenis) as area_type,
        cast(null as varchar) as kecamatan_code,
        kode_kemendagri as kabkota_code
    from kabkota
),

final as (
    select * from kelurahan
    union all
    select * from kecamatan
    union all
    select * from kabkota_areas
)

select * from final
