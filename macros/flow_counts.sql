{#- Entries and exits per month and cell from a flow-events relation. -#}
{% macro flow_counts(events_relation) %}
    select
        period_month, area_code, programme_code,
        count(*) filter (where event = 'masuk') as entries,
        count(*) filter (where event = 'keluar') as exits
    from {{ events_relation }}
    group by period_month, area_code, programme_code
{% endmacro %}
