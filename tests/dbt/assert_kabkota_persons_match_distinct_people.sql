-- The kab/kota total per month must equal the distinct NIKs of that month's clean raw rows,
-- counted here without hashing or deduplication logic: nobody lost between the raw layer and
-- the mart, nobody counted twice across kelurahan or register IDs. Checked for the months
-- loaded in this refresh (ops.test_window; every month on a full refresh).
with

tested_months as (
    select distinct cast(_period || '-01' as date) as period_month
    from {{ source('siks', 'register_rows') }}
    where _loaded_at >= (select since from ops.test_window)
),

mart as (
    select period_month, persons
    from {{ ref('register_size_monthly') }}
    where area_code = '{{ var("own_region") }}' and programme_code = 'SEMUA'
        and period_month in (select period_month from tested_months)
),

raw_people as (
    select cast(_period || '-01' as date) as period_month, count(distinct nomor_nik) as persons
    from {{ source('siks', 'register_rows') }}
    where cast(_period || '-01' as date) in (select period_month from tested_months)
    group by 1
)

select mart.period_month, mart.persons as mart_persons, raw_people.persons as raw_persons
from mart
full outer join raw_people
    on raw_people.period_month = mart.period_month
where coalesce(mart.persons, -1) <> coalesce(raw_people.persons, -1)
