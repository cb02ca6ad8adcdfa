-- One row per family (KK) leaving the register in a month, with one reason (see exit_reasons).
{{ exit_reasons(ref('int_family_flow_events'), ref('int_register_families_monthly'), 'family_key') }}
