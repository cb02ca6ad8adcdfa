-- Denominators per kab/kota and year, each value with its source and reference period:
-- BPS poverty (March Susenas) and population (BPS's figure for that year when published,
-- otherwise the Kemendagri figure, whose reference period its source does not state).
-- Years: from the first register year to the last year with either register or BPS data.
with

kabkota as (
    select * from {{ ref('ref_kabkota_jatim') }}
),

poverty as (
    select * from {{ ref('ref_kemiskinan_kabkota') }}
),

register_months as (
    select period_month from {{ ref('int_register_kabkota_monthly') }}
),

year_range as (
    select
        min(extract(year from register_months.period_month)) as first_year,
        greatest(max(extract(year from register_months.period_month)),
                 (select max(tahun) from poverty)) as last_year
    from register_months
),

years as (
    select cast(unnest(generate_series(first_year, last_year)) as integer) as year
    from year_range
),

spine as (
    select kabkota.kode_kemendagri as kabkota_code, kabkota.nama as kabkota_name, years.year
    from kabkota
    cross join years
),

final as (
    select
        spine.kabkota_code,
        spine.kabkota_name,
        spine.year,
        spine.kabkota_code = '{{ var("own_region") }}' as is_own_region,
        cast(coalesce(poverty.penduduk_jiwa, kabkota.penduduk_total) as double) as population,
        case when poverty.penduduk_jiwa is not null then 'BPS (penduduk rujukan angka kemiskinan)'
             else 'Kemendagri (data wilayah)' end as population_source,
        case when poverty.penduduk_jiwa is not null then cast(spine.year as varchar)
             else 'periode tidak disebut sumber' end as population_reference,
        kabkota.sumber as population_citation,
        poverty.p0_persen as p0_pct,
        poverty.penduduk_miskin_ribu * 1000 as poor_persons_bps,
        poverty.garis_kemiskinan_rp_kap_bln as poverty_line_rp,
        poverty.p1,
        poverty.p2,
        poverty.kemiskinan_ekstrem_persen as extreme_poverty_pct,
        case when poverty.tahun is not null then 'Maret ' || spine.year end as poverty_reference,
        poverty.sumber as poverty_citation,
        poverty.catatan as poverty_note
    from spine
    inner join kabkota
        on kabkota.kode_kemendagri = spine.kabkota_code
    left join poverty
        on poverty.kode_kemendagri = spine.kabkota_code
        and poverty.tahun = spine.year
)

select * from final
