-- Field visits with a GPS point, for the map: month, area, decision and the point rounded to
-- 3 decimals (about 110 m), so the published file does not pinpoint a household. Kelurahan
-- boundaries are not loaded, so a point is flagged when it lies farther than gps_far_metres
-- from the kelurahan's centre (the median of its visits' points, robust to the odd far point).
with

visits as (
    select * from {{ ref('int_verval_visit_outcomes') }}
    where latitude is not null and longitude is not null
),

regions as (
    select area_code, kecamatan_code from {{ ref('int_regions_hierarchy') }}
    where area_level = 'kelurahan'
),

centres as (
    select kelurahan_code, median(latitude) as centre_latitude, median(longitude) as centre_longitude
    from visits
    group by kelurahan_code
),

measured as (
    select
        visits.visit_month,
        visits.kelurahan_code,
        regions.kecamatan_code,
        visits.is_not_eligible,
        visits.latitude,
        visits.longitude,
        -- equirectangular distance: exact enough within a city
        6371000 * sqrt(
            power(radians(visits.latitude - centres.centre_latitude), 2)
            + power(radians(visits.longitude - centres.centre_longitude)
                    * cos(radians(centres.centre_latitude)), 2)) as distance_from_centre_m
    from visits
    inner join centres
        on centres.kelurahan_code = visits.kelurahan_code
    left join regions
        on regions.area_code = visits.kelurahan_code
),

final as (
    select
        visit_month,
        kelurahan_code,
        kecamatan_code,
        case when is_not_eligible then 'tidak layak' else 'layak' end as decision,
        round(latitude, 3) as latitude,
        round(longitude, 3) as longitude,
        round(distance_from_centre_m) as distance_from_centre_m,
        distance_from_centre_m > {{ var('gps_far_metres') }} as is_far_from_kelurahan
    from measured
)

select * from final
