-- Share of register members whose family was verified in the field in the last
-- recency_months (24) months, per month and area (kelurahan, kecamatan, kab/kota).
with

recency as (
    select * from {{ ref('int_register_verification_recency') }}
),

regions as (
    select area_code, kecamatan_code, kabkota_code
    from {{ ref('int_regions_hierarchy') }}
    where area_level = 'kelurahan'
),

located as (
    select recency.*, regions.kecamatan_code, regions.kabkota_code
    from recency
    inner join regions
        on regions.area_code = recency.kelurahan_code
),

final as (
    select period_month, kelurahan_code as area_code, 'kelurahan' as area_level,
           count(*) as persons, count(*) filter (where is_verified_recently) as persons_verified_recently
    from located group by period_month, kelurahan_code
    union all
    select period_month, kecamatan_code as area_code, 'kecamatan' as area_level,
           count(*) as persons, count(*) filter (where is_verified_recently) as persons_verified_recently
    from located group by period_month, kecamatan_code
    union all
    select period_month, kabkota_code as area_code, 'kabkota' as area_level,
           count(*) as persons, count(*) filter (where is_verified_recently) as persons_verified_recently
    from located group by period_month, kabkota_code
)

select
    *,
    cast(persons_verified_recently as double) / nullif(persons, 0) as share_verified_recently
from final
