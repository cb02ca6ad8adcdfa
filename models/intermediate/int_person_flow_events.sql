-- One row per person entering or leaving a cell (area x programme) in a month.
-- Incremental: a month's events depend on that month and the previous loaded month only, so a
-- new (or corrected) month recomputes its own events and the next loaded month's.
{{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key='period_month',
          on_schema_change='sync_all_columns') }}
{{ membership_events(ref('int_register_members_monthly'), 'person_key') }}
