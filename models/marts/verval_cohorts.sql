-- Field verification (verval) cohorts: per month of visits, kelurahan and enumerator, what
-- was decided and what the register did afterwards. The integrity signal is
-- not_eligible_still_registered: "tidak layak" at least integrity_grace_months before the
-- latest register month, and the family is still in it.
with

outcomes as (
    select * from {{ ref('int_verval_visit_outcomes') }}
),

final as (
    select
        visit_month,
        kelurahan_code,
        enumerator_code,
        count(*) as households_assessed,
        sum(coalesce(household_size, 0)) as persons_assessed,
        count(*) filter (where is_not_eligible) as households_not_eligible,
        count(*) filter (where not is_not_eligible) as households_eligible,
        count(*) filter (where is_not_eligible and months_to_removal <= 1) as not_eligible_removed_1m,
        count(*) filter (where is_not_eligible and months_to_removal <= 3) as not_eligible_removed_3m,
        count(*) filter (where is_not_eligible and months_to_removal <= 6) as not_eligible_removed_6m,
        count(*) filter (where is_not_eligible and is_past_grace and is_in_latest_register)
            as not_eligible_still_registered,
        count(*) filter (where not is_not_eligible and removal_month is not null) as eligible_left_register,
        count(*) filter (where bps_criteria_met >= 9) as households_meeting_9_of_14,
        count(*) filter (where has_photo) as households_with_photo,
        count(*) filter (where has_gps_point) as households_with_gps_point
    from outcomes
    group by visit_month, kelurahan_code, enumerator_code
)

select * from final
