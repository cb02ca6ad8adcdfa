-- Areas for filters and labels: every kab/kota of Jawa Timur and the own region's
-- kecamatan and kelurahan, each with its parents' names.
with

regions as (
    select * from {{ ref('int_regions_hierarchy') }}
),

final as (
    select
        regions.area_code,
        regions.area_level,
        regions.area_name,
        regions.area_type,
        regions.kecamatan_code,
        kecamatan.area_name as kecamatan_name,
        regions.kabkota_code,
        kabkota.area_name as kabkota_name,
        regions.kabkota_code = '{{ var("own_region") }}' as is_own_region
    from regions
    left join regions as kecamatan
        on kecamatan.area_code = regions.kecamatan_code
    left join regions as kabkota
        on kabkota.area_code = regions.kabkota_code
)

select * from final
