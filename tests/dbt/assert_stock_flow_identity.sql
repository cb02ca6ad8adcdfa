-- Opening + entries - exits = closing, exactly, for every month, area and programme, in
-- persons and in families (METRICS.md "Register stock and flows"). Closing comes from the
-- stock counts, entries and exits from person/family events: two independent computations.
select *
from {{ ref('register_flows_monthly') }}
where persons_opening + persons_entries - persons_exits <> persons_closing
    or families_opening + families_entries - families_exits <> families_closing
