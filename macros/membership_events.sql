{#-
  Entries into and exits from every cell (area at three levels x programme) for one kind of
  unit (person or family), from monthly membership rows with columns period_month, unit_key,
  kelurahan_code, is_pkh, is_bpnt, is_pbi_jk.

  A unit enters cell c in month t when it is in c at t and was not in c in the previous
  loaded month; it exits c in month t when it was in c in the previous loaded month and is
  not in c at t. The first loaded month has no flows (nothing to compare with). An exit is
  typed: 'register' (gone from the register), 'wilayah' (still registered, other area) or
  'program' (still registered in the area, programme flag dropped).
  Only rows where something changes are expanded to cells, which keeps this cheap.

  In an incremental build only the event months touched by member rows loaded since the last
  build are computed: a changed month and the loaded month after it (whose events compare
  with it), from the members of those months and of the month before each. members_loaded_at
  (the newest member row seen by the build) tells the next build what is new.
-#}
{% macro membership_events(members_relation, unit_key) %}
with

periods as (
    select * from {{ ref('int_register_periods') }}
),

{% if is_incremental() %}
changed_periods as (
    select periods.period_index
    from periods
    where periods.period_month in (
        select distinct period_month from {{ members_relation }}
        where loaded_at > {{ last_seen('members_loaded_at') }}
    )
),

event_periods as (
    select period_index from changed_periods
    union
    select period_index + 1 from changed_periods
),

needed_periods as (
    select period_index from event_periods
    union
    select period_index - 1 from event_periods
),
{% endif %}

members as (
    select
        {{ unit_key }} as unit_key, period_month, kelurahan_code, is_pkh, is_bpnt, is_pbi_jk
    from {{ members_relation }}
    {% if is_incremental() %}
    where period_month in (
        select periods.period_month from periods
        where periods.period_index in (select period_index from needed_periods)
    )
    {% endif %}
),

regions as (
    select area_code, kecamatan_code, kabkota_code
    from {{ ref('int_regions_hierarchy') }}
    where area_level = 'kelurahan'
),

sequenced as (
    select
        members.*,
        periods.period_index,
        lag(periods.period_index) over unit_history = periods.period_index - 1 as was_present,
        lag(members.kelurahan_code) over unit_history as previous_kelurahan_code,
        lag(members.is_pkh) over unit_history as was_pkh,
        lag(members.is_bpnt) over unit_history as was_bpnt,
        lag(members.is_pbi_jk) over unit_history as was_pbi_jk,
        lead(periods.period_index) over unit_history = periods.period_index + 1 as stays,
        lead(members.kelurahan_code) over unit_history as next_kelurahan_code,
        lead(members.is_pkh) over unit_history as will_be_pkh,
        lead(members.is_bpnt) over unit_history as will_be_bpnt,
        lead(members.is_pbi_jk) over unit_history as will_be_pbi_jk
    from members
    inner join periods
        on periods.period_month = members.period_month
    window unit_history as (partition by members.unit_key order by periods.period_index)
),

changing as (
    select
        sequenced.*,
        coalesce(sequenced.was_present, false) as had_previous,
        coalesce(sequenced.stays, false) as has_next
    from sequenced
    where not coalesce(sequenced.was_present, false)
        or not coalesce(sequenced.stays, false)
        or sequenced.previous_kelurahan_code <> sequenced.kelurahan_code
        or sequenced.next_kelurahan_code <> sequenced.kelurahan_code
        or sequenced.was_pkh <> sequenced.is_pkh or sequenced.will_be_pkh <> sequenced.is_pkh
        or sequenced.was_bpnt <> sequenced.is_bpnt or sequenced.will_be_bpnt <> sequenced.is_bpnt
        or sequenced.was_pbi_jk <> sequenced.is_pbi_jk or sequenced.will_be_pbi_jk <> sequenced.is_pbi_jk
),

located as (
    select
        changing.*,
        current_area.kecamatan_code,
        current_area.kabkota_code,
        previous_area.kecamatan_code as previous_kecamatan_code,
        previous_area.kabkota_code as previous_kabkota_code,
        next_area.kecamatan_code as next_kecamatan_code,
        next_area.kabkota_code as next_kabkota_code
    from changing
    inner join regions as current_area
        on current_area.area_code = changing.kelurahan_code
    left join regions as previous_area
        on previous_area.area_code = changing.previous_kelurahan_code
    left join regions as next_area
        on next_area.area_code = changing.next_kelurahan_code
),

cells as (
    {%- set levels = [('kelurahan', 'kelurahan_code', 'previous_kelurahan_code', 'next_kelurahan_code'),
                      ('kecamatan', 'kecamatan_code', 'previous_kecamatan_code', 'next_kecamatan_code'),
                      ('kabkota', 'kabkota_code', 'previous_kabkota_code', 'next_kabkota_code')] %}
    {%- set programmes = [('SEMUA', 'true', 'true', 'true'),
                          ('PKH', 'is_pkh', 'was_pkh', 'will_be_pkh'),
                          ('BPNT', 'is_bpnt', 'was_bpnt', 'will_be_bpnt'),
                          ('PBI_JK', 'is_pbi_jk', 'was_pbi_jk', 'will_be_pbi_jk')] %}
    {%- for level, area, previous_area, next_area in levels %}
    {%- for programme, flag, previous_flag, next_flag in programmes %}
    select
        unit_key,
        period_index,
        '{{ level }}' as area_level,
        {{ area }} as area_code,
        '{{ programme }}' as programme_code,
        period_index > 1 and not (had_previous and {{ previous_area }} = {{ area }} and {{ previous_flag }})
            as is_entry,
        not (has_next and {{ next_area }} = {{ area }} and {{ next_flag }}) as is_exit_after,
        case
            when not has_next then 'register'
            when {{ next_area }} <> {{ area }} then 'wilayah'
            else 'program'
        end as exit_kind
    from located
    where {{ flag }}
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
),

entries as (
    select
        cells.unit_key, periods.period_month, cells.area_level, cells.area_code,
        cells.programme_code, 'masuk' as event, cast(null as varchar) as exit_kind
    from cells
    inner join periods
        on periods.period_index = cells.period_index
    where cells.is_entry
),

exits as (
    -- an exit is dated in the month the unit is first missing from the cell
    select
        cells.unit_key, periods.period_month, cells.area_level, cells.area_code,
        cells.programme_code, 'keluar' as event, cells.exit_kind
    from cells
    inner join periods
        on periods.period_index = cells.period_index + 1
    where cells.is_exit_after
),

final as (
    select *, (select max(loaded_at) from {{ members_relation }}) as members_loaded_at
    from (
        select * from entries
        union all
        select * from exits
    ) as events
    {% if is_incremental() %}
    where period_month in (
        select periods.period_month from periods
        where periods.period_index in (select period_index from event_periods)
    )
    {% endif %}
)

select * from final
{% endmacro %}
