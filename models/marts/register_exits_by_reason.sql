-- Exits per month, area, programme and reason, in persons and families. Every exit has
-- exactly one reason: leaving the register (reason by precedence, see exit_reasons), moving
-- to another area of the city (PINDAH_WILAYAH) or losing the programme (KELUAR_PROGRAM).
with

person_exits as (
    {{ typed_exits(ref('int_person_flow_events'), ref('int_person_exit_reasons')) }}
),

family_exits as (
    {{ typed_exits(ref('int_family_flow_events'), ref('int_family_exit_reasons')) }}
),

person_counts as (
    select period_month, area_code, area_level, programme_code, reason_code, count(*) as persons
    from person_exits
    group by all
),

family_counts as (
    select period_month, area_code, area_level, programme_code, reason_code, count(*) as families
    from family_exits
    group by all
),

reasons as (
    select kode_alasan, alasan_singkat, alasan from {{ ref('ref_alasan_keluar') }}
),

final as (
    select
        coalesce(person_counts.period_month, family_counts.period_month) as period_month,
        coalesce(person_counts.area_code, family_counts.area_code) as area_code,
        coalesce(person_counts.area_level, family_counts.area_level) as area_level,
        coalesce(person_counts.programme_code, family_counts.programme_code) as programme_code,
        coalesce(person_counts.reason_code, family_counts.reason_code) as reason_code,
        reasons.alasan_singkat as reason_short_label,
        reasons.alasan as reason_label,
        coalesce(person_counts.persons, 0) as persons,
        coalesce(family_counts.families, 0) as families
    from person_counts
    full outer join family_counts
        on family_counts.period_month = person_counts.period_month
        and family_counts.area_code = person_counts.area_code
        and family_counts.programme_code = person_counts.programme_code
        and family_counts.reason_code = person_counts.reason_code
    left join reasons
        on reasons.kode_alasan = coalesce(person_counts.reason_code, family_counts.reason_code)
)

select * from final
