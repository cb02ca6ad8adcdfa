-- The kab/kota total per month must equal the distinct NIKs of that month's clean raw rows,
-- counted here without hashing or deduplication logic: nobody lost between the raw layer and
-- the mart, nobody counted twice across kelurahan or register IDs.
with

mart as (
    select period_month, persons
    from {{ ref('register_size_monthly') }}
    where area_code = '{{ var("own_region") }}' and programme_code = 'SEMUA'
),

raw_people as (
    select cast(_period || '-01' as date) as period_month, count(distinct nomor_nik) as persons
    from {{ source('siks', 'register_rows') }}
    group by 1
)

select mart.period_month, mart.persons as mart_persons, raw_people.persons as raw_persons
from mart
full outer join raw_people
    on raw_people.period_month = mart.period_month
where coalesce(mart.persons, -1) <> coalesce(raw_people.persons, -1)
