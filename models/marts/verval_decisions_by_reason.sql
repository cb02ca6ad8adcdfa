-- "Tidak layak" decisions per month of visits, kelurahan and reason.
with

outcomes as (
    select * from {{ ref('int_verval_visit_outcomes') }}
    where is_not_eligible
),

reasons as (
    select kode_alasan, alasan_singkat from {{ ref('ref_alasan_keluar') }}
),

final as (
    select
        outcomes.visit_month,
        outcomes.kelurahan_code,
        coalesce(outcomes.reason_code, 'TANPA_KETERANGAN') as reason_code,
        reasons.alasan_singkat as reason_short_label,
        count(*) as households,
        sum(coalesce(outcomes.household_size, 0)) as persons
    from outcomes
    left join reasons
        on reasons.kode_alasan = coalesce(outcomes.reason_code, 'TANPA_KETERANGAN')
    group by all
)

select * from final
