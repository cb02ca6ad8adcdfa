{#- Generic test: rows read = rows loaded + rows quarantined, for every file. -#}
{% test rows_add_up(model) %}
select * from {{ model }} where rows_read <> rows_loaded + rows_quarantined
{% endtest %}
