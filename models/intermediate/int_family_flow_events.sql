-- One row per family (KK) entering or leaving a cell (area x programme) in a month.
-- Incremental as int_person_flow_events.
{{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key='period_month',
          on_schema_change='sync_all_columns') }}
{{ membership_events(ref('int_register_families_monthly'), 'family_key') }}
