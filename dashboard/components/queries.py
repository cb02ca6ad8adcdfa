"""Saved example queries for the Kueri page: questions a Kabid asks, answered from the marts."""
from __future__ import annotations

EXAMPLES = {
    "Berapa orang di register per kecamatan pada bulan terakhir?": """
select regions.area_name as kecamatan, size.persons as orang, size.families as keluarga
from register_size_monthly as size
join dim_regions as regions using (area_code)
where size.area_level = 'kecamatan' and size.programme_code = 'SEMUA'
  and size.period_month = (select max(period_month) from register_size_monthly)
order by orang desc""",
    "Apa alasan keluar terbanyak sepanjang 2024?": """
select reason_short_label as alasan, sum(persons) as orang
from register_exits_by_reason
where area_level = 'kabkota' and programme_code = 'SEMUA' and year(period_month) = 2024
group by 1
order by orang desc""",
    "Petugas mana yang keputusan 'tidak layak'-nya belum ditindaklanjuti?": """
select enumerator_code as petugas, sum(households_not_eligible) as tidak_layak,
       sum(not_eligible_still_registered) as masih_terdaftar,
       round(100.0 * sum(not_eligible_still_registered) / nullif(sum(households_not_eligible), 0), 1) as persen
from verval_cohorts
group by 1
order by masih_terdaftar desc""",
    "Berapa porsi penduduk dalam register tiap kab/kota Jawa Timur (2024)?": """
select kabkota_name as kab_kota, register_persons as terdaftar, population as penduduk,
       round(100 * register_share, 1) as persen_terdaftar, p0_pct as p0_bps,
       round(100 * min_leakage_poor, 1) as kebocoran_minimum_persen
from targeting_kabkota_yearly
where year = 2024 and register_share is not null
order by persen_terdaftar desc""",
    "Berapa yang masuk dan keluar register tiap bulan?": """
select period_month as bulan, persons_entries as masuk, persons_exits as keluar, persons_closing as akhir_bulan
from register_flows_monthly
where area_level = 'kabkota' and programme_code = 'SEMUA'
order by bulan""",
    "Kelurahan mana yang paling sedikit diverifikasi dalam 24 bulan terakhir?": """
select regions.area_name as kelurahan, recency.persons as orang,
       round(100 * recency.share_verified_recently, 1) as persen_terverifikasi
from register_verification_recency as recency
join dim_regions as regions using (area_code)
where recency.area_level = 'kelurahan'
  and recency.period_month = (select max(period_month) from register_verification_recency)
order by persen_terverifikasi
limit 10""",
}
