-- One row per person leaving the register in a month, with one reason (see exit_reasons).
{{ exit_reasons(ref('int_person_flow_events'), ref('int_register_members_monthly'), 'person_key') }}
