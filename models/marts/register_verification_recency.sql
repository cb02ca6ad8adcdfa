-- Share of register members whose family was verified in the field in the last
-- recency_months (24) months, per month and area (kelurahan, kecamatan, kab/kota).
with

recency as (
    select * from {{ ref('int_register_verification_recency') }}
),

counted as (
    {{ rollup_to_areas('recency', ['period_month'],
        'count(*) as persons, count(*) filter (where is_verified_recently) as persons_verified_recently') }}
),

final as (
    select
        counted.*,
        cast(persons_verified_recently as double) / nullif(persons, 0) as share_verified_recently
    from counted
)

select * from final
