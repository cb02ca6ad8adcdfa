{#- Keyed hash of a personal number (NIK, KK): the first 128 bits of SHA-256 over key, purpose
    and value, as 32 hex characters (shorter keys keep joins and distinct counts fast; 128 bits
    make collisions practically impossible). The key lives in secret.pseudonym_key, written by
    `pantau refresh` from configuration before every build, so it never appears in compiled
    SQL or logs. The purpose string keeps NIK and KK hashes apart. -#}
{% macro pseudonymise(column, key_column, purpose) -%}
    substr(sha256({{ key_column }} || '|{{ purpose }}|' || {{ column }}), 1, 32)
{%- endmacro %}
