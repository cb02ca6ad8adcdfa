{#-
  One reason for every exit from the register (unit present in the previous loaded month and
  absent now), by precedence:
    1. a field decision "tidak layak" on the unit's family, visited before the exit month and
       no more than var('decision_window_months') months before it: that decision's reason
       (the latest such visit wins);
    2. the unit's NIK was flagged TIDAK PADAN (Dukcapil) in its last month: NIK_TIDAK_PADAN;
    3. otherwise TANPA_KETERANGAN (nothing explains it; never dropped).
-#}
{% macro exit_reasons(events_relation, members_relation, unit_key) %}
with

exits as (
    select unit_key, period_month as exit_month
    from {{ events_relation }}
    where area_level = 'kabkota' and programme_code = 'SEMUA' and event = 'keluar'
        and exit_kind = 'register'
),

periods as (
    select * from {{ ref('int_register_periods') }}
),

members as (
    select * from {{ members_relation }}
),

last_rows as (
    select
        exits.unit_key,
        exits.exit_month,
        members.family_key,
        members.kelurahan_code,
        members.is_nik_unmatched
    from exits
    inner join periods as exit_period
        on exit_period.period_month = exits.exit_month
    inner join periods as last_period
        on last_period.period_index = exit_period.period_index - 1
    inner join members
        on members.{{ unit_key }} = exits.unit_key
        and members.period_month = last_period.period_month
),

decisions as (
    select visit_id, family_key, visit_date, reason_code
    from {{ ref('stg_lastri__assessments') }}
    where is_not_eligible
),

matched as (
    select
        last_rows.unit_key,
        last_rows.exit_month,
        decisions.visit_id,
        decisions.visit_date,
        coalesce(decisions.reason_code, 'TANPA_KETERANGAN') as decision_reason_code,
        row_number() over (
            partition by last_rows.unit_key, last_rows.exit_month
            order by decisions.visit_date desc, decisions.visit_id desc
        ) as visit_rank
    from last_rows
    inner join decisions
        on decisions.family_key = last_rows.family_key
        and decisions.visit_date < last_rows.exit_month
        and decisions.visit_date >= {{ dbt.dateadd('month', -1 * var('decision_window_months'), 'last_rows.exit_month') }}
),

final as (
    select
        last_rows.unit_key,
        last_rows.exit_month,
        last_rows.kelurahan_code,
        case
            when matched.visit_id is not null then matched.decision_reason_code
            when last_rows.is_nik_unmatched then 'NIK_TIDAK_PADAN'
            else 'TANPA_KETERANGAN'
        end as reason_code,
        case
            when matched.visit_id is not null then 'keputusan_verval'
            when last_rows.is_nik_unmatched then 'padan_dukcapil'
            else 'tanpa_keterangan'
        end as reason_source,
        matched.visit_id,
        matched.visit_date
    from last_rows
    left join matched
        on matched.unit_key = last_rows.unit_key
        and matched.exit_month = last_rows.exit_month
        and matched.visit_rank = 1
)

select * from final
{% endmacro %}
