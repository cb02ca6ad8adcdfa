{#- Targeting indicators from aggregates only (METRICS.md): the overlap of register and poor is
    unknown, so leakage and undercoverage are Fréchet lower bounds, not point estimates.
    Computed against two benchmarks: the BPS poor and the programme target share of the
    population. Every ratio is NULL when an input is missing or zero (never a guessed 0). -#}
{% macro targeting_indicators(registered, population, poor, target_share) %}
        {{ registered }} / nullif({{ population }}, 0) as register_share,
        {{ poor }} / nullif({{ population }}, 0) as poor_share,
        {{ registered }} / nullif({{ poor }}, 0) as coverage_ratio,
        {{ at_least_zero(registered ~ ' + ' ~ poor ~ ' - ' ~ population) }} as overlap_poor_min,
        case when {{ registered }} <= {{ poor }} then {{ registered }} when {{ poor }} < {{ registered }} then {{ poor }} end
            as overlap_poor_max,
        {{ min_leakage(registered, poor) }} as min_leakage_poor,
        {{ min_undercoverage(registered, poor) }} as min_undercoverage_poor,
        {{ target_share }} as target_share,
        {{ target_share }} * {{ population }} as target_persons,
        {{ registered }} / nullif({{ target_share }} * {{ population }}, 0) as coverage_ratio_target,
        {{ min_leakage(registered, target_share ~ ' * ' ~ population) }} as min_leakage_target,
        {{ min_undercoverage(registered, target_share ~ ' * ' ~ population) }} as min_undercoverage_target
{%- endmacro %}

{#- At least (R - B) / R of the register cannot belong to the benchmark group B. -#}
{% macro min_leakage(registered, benchmark) -%}
    {{ at_least_zero('(' ~ registered ~ ' - (' ~ benchmark ~ ')) / nullif(' ~ registered ~ ', 0)') }}
{%- endmacro %}

{#- At least (B - R) / B of the benchmark group cannot be in a register of R people. -#}
{% macro min_undercoverage(registered, benchmark) -%}
    {{ at_least_zero('((' ~ benchmark ~ ') - ' ~ registered ~ ') / nullif(' ~ benchmark ~ ', 0)') }}
{%- endmacro %}

{#- DuckDB's greatest() skips NULLs (greatest(0, NULL) = 0): a missing input must stay missing. -#}
{% macro at_least_zero(expression) -%}
    case when ({{ expression }}) < 0 then 0 else ({{ expression }}) end
{%- endmacro %}

{#- The number of poor: BPS's count when published, otherwise P0 x population (and it says so). -#}
{% macro poor_persons(benchmarks) -%}
        coalesce({{ benchmarks }}.poor_persons_bps, {{ benchmarks }}.p0_pct / 100 * {{ benchmarks }}.population)
            as poor_persons,
        case when {{ benchmarks }}.poor_persons_bps is not null then 'jumlah penduduk miskin BPS'
             when {{ benchmarks }}.p0_pct is not null then 'P0 BPS x penduduk'
        end as poor_persons_basis
{%- endmacro %}

{#- Every column of a targeting input relation (register_persons, population, poor_persons)
    plus the indicators against both benchmarks: the last step of each targeting mart. -#}
{% macro with_targeting_indicators(relation) %}
    select
        {{ relation }}.*,
        {{ targeting_indicators(relation ~ '.register_persons', relation ~ '.population',
                                relation ~ '.poor_persons', var('target_share')) }}
    from {{ relation }}
{%- endmacro %}
