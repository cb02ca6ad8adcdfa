-- What the field assessments say about the households visited, per visit year and the way
-- households were selected: the BPS 14 criteria (poor if at least 9 hold) and income per
-- capita against the own region's poverty line of that year. A register-wide inclusion error
-- is estimated only from visits the export marks as a random sample, with a Wilson 95 %
-- interval; any other selection is labelled "bukan sampel acak" and gets no estimate.
with

visits as (
    select * from {{ ref('int_verval_visit_outcomes') }}
),

poverty_lines as (
    select year, poverty_line_rp, poverty_citation
    from {{ ref('int_targeting_benchmarks') }}
    where is_own_region
),

visits_with_line as (
    select
        visits.*,
        extract(year from visits.visit_date) as visit_year,
        visits.household_income_month / nullif(visits.household_size, 0) as income_per_capita,
        poverty_lines.poverty_line_rp,
        poverty_lines.poverty_citation
    from visits
    left join poverty_lines
        on poverty_lines.year = extract(year from visits.visit_date)
),

counts as (
    select
        cast(visit_year as integer) as visit_year,
        selection_method,
        bool_and(is_random_sample) as is_random_sample,
        count(*) as households_assessed,
        count(*) filter (where bps_criteria_met >= 9) as households_meeting_9_criteria,
        count(*) filter (where income_per_capita is not null) as households_with_income,
        count(*) filter (where income_per_capita < poverty_line_rp) as households_below_poverty_line,
        median(income_per_capita) as median_income_per_capita,
        any_value(poverty_line_rp) as poverty_line_rp,
        any_value(poverty_citation) as poverty_line_citation,
        count(*) filter (where is_not_eligible) as households_not_eligible
    from visits_with_line
    group by visit_year, selection_method
),

final as (
    select
        counts.* replace (
            case when poverty_line_rp is not null then households_below_poverty_line end
                as households_below_poverty_line),
        households_meeting_9_criteria / households_assessed as share_meeting_9_criteria,
        case when poverty_line_rp is not null
             then households_below_poverty_line / nullif(households_with_income, 0) end
            as share_below_poverty_line,
        case when is_random_sample
             then round(households_not_eligible / households_assessed, 10) end as inclusion_error_estimate,
        {{ wilson_interval('case when is_random_sample then households_not_eligible end',
                           'households_assessed', 'inclusion_error') }},
        case when is_random_sample then 'sampel acak' else 'bukan sampel acak' end as sample_label
    from counts
)

select * from final
