-- One row per family (KK) entering or leaving a cell (area x programme) in a month.
{{ membership_events(ref('int_register_families_monthly'), 'family_key') }}
