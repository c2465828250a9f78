//! Employment periods: when someone is employed, for how many hours, against which
//! full-time week. The part-time factor the absence statistics weigh with comes from here.

use chrono::NaiveDate;

use super::dto::EmploymentPeriodInput;

/// Longest week Poort accepts for contract or full-time hours (60 hours, in minutes).
pub const MAX_WEEK_MINUTES: i32 = 60 * 60;

/// Contract hours ÷ full-time hours, at most 1 (a contract above the full-time week still
/// counts as one full-time employee in the CBS standard).
pub fn part_time_factor(contract_minutes: i32, full_time_minutes: i32) -> f64 {
    if full_time_minutes <= 0 || contract_minutes <= 0 {
        return 0.0;
    }
    (f64::from(contract_minutes) / f64::from(full_time_minutes)).min(1.0)
}

/// A problem with one of the periods: its index, the field and the error code.
pub type PeriodProblem = (usize, &'static str, &'static str);

/// Checks a person's employment periods: hours within 1 minute – 60 hours, contract hours
/// not above the full-time week, an end on or after the start, and no two periods
/// overlapping (a person has one contract at a time per employer).
pub fn check_periods(periods: &[EmploymentPeriodInput]) -> Vec<PeriodProblem> {
    let mut problems = Vec::new();
    for (i, p) in periods.iter().enumerate() {
        if !(1..=MAX_WEEK_MINUTES).contains(&p.contract_minutes) {
            problems.push((i, "contract_minutes", "range"));
        }
        if !(1..=MAX_WEEK_MINUTES).contains(&p.full_time_minutes) {
            problems.push((i, "full_time_minutes", "range"));
        } else if p.contract_minutes > p.full_time_minutes {
            problems.push((i, "contract_minutes", "above_full_time"));
        }
        if p.ends_on.is_some_and(|e| e < p.starts_on) {
            problems.push((i, "ends_on", "before_start"));
        }
    }
    let mut order: Vec<usize> = (0..periods.len()).collect();
    order.sort_by_key(|&i| periods[i].starts_on);
    for w in order.windows(2) {
        let (a, b) = (&periods[w[0]], &periods[w[1]]);
        if a.ends_on.is_none_or(|e| e >= b.starts_on) {
            problems.push((w[1], "starts_on", "overlap"));
        }
    }
    problems
}

/// The period that covers `day`, if any.
pub fn period_on(periods: &[EmploymentPeriodInput], day: NaiveDate) -> Option<&EmploymentPeriodInput> {
    periods.iter().find(|p| p.starts_on <= day && p.ends_on.is_none_or(|e| day <= e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn p(start: &str, end: Option<&str>, contract: i32, full: i32) -> EmploymentPeriodInput {
        EmploymentPeriodInput {
            starts_on: d(start),
            ends_on: end.map(d),
            contract_minutes: contract,
            full_time_minutes: full,
            job_title: None,
        }
    }

    #[test]
    fn the_factor_is_contract_over_full_time_capped_at_one() {
        assert_eq!(part_time_factor(24 * 60, 40 * 60), 0.6);
        assert_eq!(part_time_factor(32 * 60, 36 * 60), 32.0 / 36.0);
        assert_eq!(part_time_factor(40 * 60, 38 * 60), 1.0);
        assert_eq!(part_time_factor(0, 40 * 60), 0.0);
        assert_eq!(part_time_factor(20 * 60, 0), 0.0);
    }

    #[test]
    fn overlaps_and_bad_hours_are_named() {
        let ok = [p("2024-01-01", Some("2024-12-31"), 1440, 2400), p("2025-01-01", None, 1920, 2400)];
        assert!(check_periods(&ok).is_empty());
        let overlap = [p("2025-01-01", None, 1920, 2400), p("2024-01-01", Some("2025-01-01"), 1440, 2400)];
        assert_eq!(check_periods(&overlap), vec![(0, "starts_on", "overlap")]);
        let open_then_more = [p("2024-01-01", None, 1440, 2400), p("2026-01-01", None, 1440, 2400)];
        assert_eq!(check_periods(&open_then_more), vec![(1, "starts_on", "overlap")]);
        let bad = [p("2024-02-01", Some("2024-01-31"), 2500, 2400)];
        assert_eq!(
            check_periods(&bad),
            vec![(0, "contract_minutes", "above_full_time"), (0, "ends_on", "before_start")]
        );
        assert_eq!(check_periods(&[p("2024-01-01", None, 0, 9999)]).len(), 2);
    }

    #[test]
    fn the_period_on_a_day_includes_both_ends() {
        let ps = [p("2024-01-01", Some("2024-12-31"), 1440, 2400), p("2025-01-01", None, 1920, 2400)];
        assert_eq!(period_on(&ps, d("2024-12-31")).unwrap().contract_minutes, 1440);
        assert_eq!(period_on(&ps, d("2025-01-01")).unwrap().contract_minutes, 1920);
        assert!(period_on(&ps, d("2023-12-31")).is_none());
    }
}
