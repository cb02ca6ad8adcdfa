-- One row per person entering or leaving a cell (area x programme) in a month.
{{ membership_events(ref('int_register_members_monthly'), 'person_key') }}
