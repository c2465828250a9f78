//! What one record adds to the sums the figures are computed from. The server's SQL
//! mirrors these, row by row, and adds them up; [`super::Sums::of_employee`] does the
//! same in Rust.

use chrono::NaiveDate;

use super::input::{EmployeeAbsence, Employment, SickCase};
use super::period::{Period, day_count};

/// The days of `period` on which the person is employed under `employment`.
pub fn employed_days(employment: &Employment, period: &Period) -> u32 {
    period.days_within(employment.starts_on, employment.ends_on)
}

/// Employed days in `period` × part-time factor: the employment's share of the absence
/// rate's denominator.
pub fn employed_day_weight(employment: &Employment, period: &Period) -> f64 {
    f64::from(employed_days(employment, period)) * employment.part_time_factor()
}

/// The case's sick days that lie both in `period` and in `employment`, as one run of
/// days; `None` when there are none.
pub fn sick_days_in(case: &SickCase, employment: &Employment, period: &Period) -> Option<Period> {
    let (first, last) = case.sick_days()?;
    period.clip(employment.starts_on, employment.ends_on)?.clip(first, last)
}

/// Σ over the case's sick days in `period` and in `employment` of part-time factor ×
/// incapacity ÷ 100: the share of the absence rate's numerator. Between partial
/// recoveries the incapacity is constant, so the days are counted in runs: a run of
/// `n` days at `i` % adds `n × i ÷ 100 × factor`. In SQL: one row per case, employment
/// and run between recovery steps, each adding its overlap with the period in days ×
/// factor × incapacity ÷ 100.
pub fn sick_day_weight(case: &SickCase, employment: &Employment, period: &Period) -> f64 {
    let Some(days) = sick_days_in(case, employment, period) else {
        return 0.0;
    };
    let mut starts: Vec<NaiveDate> = case
        .partial_recoveries
        .iter()
        .map(|&(from, _)| from)
        .filter(|&from| days.start < from && from <= days.end)
        .collect();
    starts.push(days.start);
    starts.sort_unstable();
    starts.dedup();
    let ends = starts.iter().skip(1).filter_map(|next| next.pred_opt()).chain([days.end]);
    let percent_days: u64 = starts
        .iter()
        .zip(ends)
        .map(|(&start, end)| u64::from(day_count(start, end)) * u64::from(case.incapacity_on(start)))
        .sum();
    percent_days as f64 / 100.0 * employment.part_time_factor()
}

/// The case's duration once it has ended: calendar days from the first sick day (even
/// one before the period) up to the recovery, i.e. its number of sick days.
pub fn case_duration(case: &SickCase) -> Option<u32> {
    let (first, last) = case.sick_days()?;
    Some(day_count(first, last?))
}

/// Whether the case is a sick report made in `period`: its first sick day lies in the
/// period, on a day the person is employed (in scope). A case that began before the
/// period and runs into it is not.
pub fn reported_in(case: &SickCase, employee: &EmployeeAbsence, period: &Period) -> bool {
    case.sick_days()
        .is_some_and(|(first, _)| period.contains(first) && employee.employment_on(first).is_some())
}

/// The duration of a case that ended in `period`: its last sick day lies in the period,
/// on a day the person is employed (in scope). `None` for any other case.
pub fn ended_in(case: &SickCase, employee: &EmployeeAbsence, period: &Period) -> Option<u32> {
    let last = case.last_sick_day()?;
    if !period.contains(last) || employee.employment_on(last).is_none() {
        return None;
    }
    case_duration(case)
}

/// The duration so far of a case still running at the end of `period`: sick on the
/// period's last day, while employed (in scope). Counted from the first sick day up to
/// and including that day. `None` for any other case.
pub fn running_at_end(case: &SickCase, employee: &EmployeeAbsence, period: &Period) -> Option<u32> {
    let (first, last) = case.sick_days()?;
    let sick_on_end = first <= period.end && last.is_none_or(|last| last >= period.end);
    if !sick_on_end || employee.employment_on(period.end).is_none() {
        return None;
    }
    Some(day_count(first, period.end))
}
