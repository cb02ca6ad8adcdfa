-- Audit evidence for every exit from the register explained by a field decision: the
-- decision, its date, the enumerator, a photo and a GPS point. Per month and kab/kota,
-- kecamatan or kelurahan of the person's last month in the register.
{%- set measures -%}
    count(*) as persons_exited,
    count(*) filter (where has_decision) as exits_with_decision,
    count(*) filter (where has_decision and is_complete) as exits_with_complete_evidence,
    count(*) filter (where has_decision and not has_photo) as exits_without_photo,
    count(*) filter (where has_decision and not has_gps_point) as exits_without_gps_point
{%- endset %}

with

exits as (
    select * from {{ ref('int_person_exit_reasons') }}
),

visits as (
    select * from {{ ref('stg_lastri__assessments') }}
),

-- every exit is placed in the kelurahan of the person's last month (from the reason model)
exits_located as (
    select
        exits.exit_month as period_month,
        exits.kelurahan_code,
        exits.reason_source = 'keputusan_verval' as has_decision,
        coalesce(visits.visit_date is not null and visits.enumerator_code is not null
            and visits.has_photo and visits.latitude is not null and visits.longitude is not null,
            false) as is_complete,
        coalesce(visits.has_photo, false) as has_photo,
        coalesce(visits.latitude is not null and visits.longitude is not null, false) as has_gps_point
    from exits
    left join visits
        on visits.visit_id = exits.visit_id
),

final as (
    {{ rollup_to_areas('exits_located', ['period_month'], measures) }}
)

select * from final
