{#- Keyed hash of a personal number (NIK, KK). The key lives in secret.pseudonym_key, written by
    `pantau refresh` from configuration before every build, so it never appears in compiled SQL
    or logs. The purpose string keeps NIK and KK hashes from colliding. -#}
{% macro pseudonymise(column, key_column, purpose) -%}
    sha256({{ key_column }} || '|{{ purpose }}|' || {{ column }})
{%- endmacro %}
