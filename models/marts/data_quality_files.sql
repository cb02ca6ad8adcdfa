-- Data quality per source file: rows read, loaded and quarantined (from the ingest ledger);
-- for a register extract in use, people under more than one register ID and people whose NIK
-- was first registered outside the own kab/kota; for visits, those without photo or GPS point.
with

ledger as (
    select * from {{ ref('stg_pantau__file_ledger') }}
),

members as (
    select period_month, register_id_count, nik_region_code
    from {{ ref('int_register_members_monthly') }}
),

register_quality as (
    select
        period_month,
        count(*) filter (where register_id_count > 1) as persons_with_duplicate_ids,
        count(*) filter (where nik_region_code <> '{{ var("own_region") | replace(".", "") }}')
            as persons_nik_from_other_region
    from members
    group by period_month
),

visit_quality as (
    select
        source_file,
        count(*) filter (where not has_photo) as visits_without_photo,
        count(*) filter (where latitude is null or longitude is null) as visits_without_gps_point
    from {{ ref('stg_lastri__assessments') }}
    group by source_file
),

final as (
    select
        ledger.file_name,
        ledger.file_sha256,
        ledger.kind,
        ledger.period,
        ledger.status,
        ledger.is_synthetic,
        ledger.loaded_at,
        ledger.rows_read,
        ledger.rows_loaded,
        ledger.rows_quarantined,
        register_quality.persons_with_duplicate_ids,
        register_quality.persons_nik_from_other_region,
        visit_quality.visits_without_photo,
        visit_quality.visits_without_gps_point
    from ledger
    left join register_quality
        on ledger.kind = 'dtks' and ledger.status = 'dimuat'
        and register_quality.period_month = cast(ledger.period || '-01' as date)
    left join visit_quality
        on visit_quality.source_file = ledger.file_name
)

select * from final
