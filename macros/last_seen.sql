{#- In an incremental build: the newest value of a timestamp column in the model's existing
    table ({{ this }}), i.e. what the last build had already seen. A table built by an older
    version without that column (or an empty one) gives 1900-01-01: everything is new, so the
    upgrade recomputes every month instead of failing. -#}
{% macro last_seen(column) -%}
    {%- set existing = adapter.get_columns_in_relation(this) | map(attribute='name') | map('lower') | list -%}
    {%- if column | lower in existing -%}
        (select coalesce(max({{ column }}), cast('1900-01-01' as timestamp)) from {{ this }})
    {%- else -%}
        cast('1900-01-01' as timestamp)
    {%- endif -%}
{%- endmacro %}
