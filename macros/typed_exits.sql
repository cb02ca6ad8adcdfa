{#- Every exit event with its one reason: a move to another area (PINDAH_WILAYAH), a dropped
    programme flag (KELUAR_PROGRAM), or the register-exit reason by precedence. -#}
{% macro typed_exits(events_relation, reasons_relation) %}
    select events.period_month, events.area_code, events.area_level, events.programme_code,
           case events.exit_kind
               when 'wilayah' then 'PINDAH_WILAYAH'
               when 'program' then 'KELUAR_PROGRAM'
               else reasons.reason_code
           end as reason_code
    from {{ events_relation }} as events
    left join {{ reasons_relation }} as reasons
        on reasons.unit_key = events.unit_key
        and reasons.exit_month = events.period_month
        and events.exit_kind = 'register'
    where events.event = 'keluar'
{% endmacro %}
