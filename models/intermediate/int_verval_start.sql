-- The month each kab/kota began field verification: the setting in ref_verval_mulai, or for
-- the own region (when the setting is empty) the month of its first field assessment.
with

settings as (
    select * from {{ ref('ref_verval_mulai') }}
),

first_visit as (
    select min(visit_month) as visit_month from {{ ref('int_verval_visit_outcomes') }}
),

own_region as (
    select
        '{{ var("own_region") }}' as kabkota_code,
        cast(first_visit.visit_month as date) as verval_start_month,
        'kunjungan lapangan pertama' as verval_start_source
    from first_visit
    where first_visit.visit_month is not null
),

configured as (
    select
        kode_kemendagri as kabkota_code,
        cast(bulan_mulai_verval || '-01' as date) as verval_start_month,
        sumber as verval_start_source
    from settings
    where nullif(trim(bulan_mulai_verval), '') is not null
),

final as (
    select * from configured
    union all
    select * from own_region
    where kabkota_code not in (select kabkota_code from configured)
)

select * from final
