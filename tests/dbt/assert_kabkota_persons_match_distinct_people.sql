-- The kab/kota total per month must equal the distinct people of that month in staging:
-- nobody lost between staging and the mart, nobody counted twice across kelurahan.
with

mart as (
    select period_month, persons
    from {{ ref('register_size_monthly') }}
    where area_code = '{{ var("own_region") }}' and programme_code = 'SEMUA'
),

staging as (
    select period_month, count(distinct person_key) as persons
    from {{ ref('stg_siks__register_rows') }}
    group by period_month
)

select mart.period_month, mart.persons as mart_persons, staging.persons as staging_persons
from mart
full outer join staging
    on staging.period_month = mart.period_month
where coalesce(mart.persons, -1) <> coalesce(staging.persons, -1)
