{#- Aggregate rows that carry a kelurahan_code to every area level of the own region:
    kelurahan, its kecamatan and its kab/kota (through int_regions_hierarchy). `relation` is a
    relation or a CTE name; `group_columns` the other grouping columns; `measures` the
    aggregate expressions (with their aliases). Output columns: group_columns, area_code,
    area_level, measures. -#}
{% macro rollup_to_areas(relation, group_columns, measures) %}
    {%- set groups = group_columns | join(', ') -%}
    with located as (
        select rows_in.*, regions.kecamatan_code, regions.kabkota_code
        from {{ relation }} as rows_in
        inner join {{ ref('int_regions_hierarchy') }} as regions
            on regions.area_code = rows_in.kelurahan_code
            and regions.area_level = 'kelurahan'
    )
    {%- for level, column in [('kelurahan', 'kelurahan_code'), ('kecamatan', 'kecamatan_code'),
                              ('kabkota', 'kabkota_code')] %}
    select {{ groups }}, {{ column }} as area_code, '{{ level }}' as area_level, {{ measures }}
    from located
    group by {{ groups }}, {{ column }}
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
{% endmacro %}
