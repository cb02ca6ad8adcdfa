{#- Wilson score interval for a proportion successes / trials (z = 1.96 gives 95 %).
    Returns "<low> as <name>_ci_low, <high> as <name>_ci_high"; NULL when trials is 0. -#}
{% macro wilson_interval(successes, trials, name, z=1.96) %}
    {%- set p = '(' ~ successes ~ ' / nullif(' ~ trials ~ ', 0))' -%}
    {%- set n = 'cast(' ~ trials ~ ' as double)' -%}
    {%- set z2 = z * z -%}
    {%- set centre = '(' ~ p ~ ' + ' ~ z2 ~ ' / (2 * ' ~ n ~ ')) / (1 + ' ~ z2 ~ ' / ' ~ n ~ ')' -%}
    {%- set half = z ~ ' / (1 + ' ~ z2 ~ ' / ' ~ n ~ ') * sqrt(' ~ p ~ ' * (1 - ' ~ p ~ ') / ' ~ n
                   ~ ' + ' ~ z2 ~ ' / (4 * ' ~ n ~ ' * ' ~ n ~ '))' -%}
        round({{ centre }} - {{ half }}, 10) as {{ name }}_ci_low,
        round({{ centre }} + {{ half }}, 10) as {{ name }}_ci_high
{%- endmacro %}
