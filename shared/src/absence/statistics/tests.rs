//! The figures against examples computed by hand (the arithmetic is in the comments),
//! and their invariants.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use super::contributions::*;
use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Employed from `start` to `end` (included) for `contract` of `full_time` hours a week.
fn job(start: &str, end: Option<&str>, contract: i32, full_time: i32) -> Employment {
    Employment {
        starts_on: d(start),
        ends_on: end.map(d),
        contract_minutes: contract * 60,
        full_time_minutes: full_time * 60,
    }
}

/// Full time, 40 of 40 hours.
fn full_time(start: &str, end: Option<&str>) -> Employment {
    job(start, end, 40, 40)
}

/// Sick from `first`, back on `recovered_on` (excluded), without partial recovery.
fn sick(first: &str, recovered_on: Option<&str>) -> SickCase {
    SickCase {
        first_sick_day: d(first),
        recovered_on: recovered_on.map(d),
        partial_recoveries: vec![],
        pregnancy_related: false,
    }
}

fn employee(employments: Vec<Employment>, cases: Vec<SickCase>) -> EmployeeAbsence {
    EmployeeAbsence { employments, cases }
}

fn stats(employees: &[EmployeeAbsence], period: Period) -> Statistics {
    statistics(employees, period, &DEFAULT_DURATION_CLASSES)
}

#[track_caller]
fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.unwrap_or(f64::NAN);
    assert!((actual - expected).abs() < 1e-9, "{actual} is not {expected}");
}

/// (ended, running) per default class, then outside the classes.
fn class_counts(s: &Statistics) -> Vec<(u32, u32)> {
    s.duration_classes
        .iter()
        .map(|c| c.cases)
        .chain([s.outside_classes])
        .map(|c| (c.ended, c.running))
        .collect()
}

#[test]
fn a_full_timer_sick_ten_days_in_a_month() {
    // June 2025 has 30 days. Sick 2–11 June (back on the 12th): 10 days.
    let june = Period::month(2025, 6).unwrap();
    let s = stats(
        &[employee(vec![full_time("2020-01-01", None)], vec![sick("2025-06-02", Some("2025-06-12"))])],
        june,
    );
    // Rate: 10 × 1 × 100 % ÷ (30 × 1) × 100 = 33.33 %.
    assert_eq!(s.absence_rate.weighted_sick_days, 10.0);
    assert_eq!(s.absence_rate.weighted_employed_days, 30.0);
    close(s.absence_rate.percent, 100.0 / 3.0);
    // Frequency: 1 report ÷ (30 person-days ÷ 30 days = 1 employee) ÷ (30 ÷ 365 years)
    // = 365 ÷ 30 = 12.17 reports a year.
    assert_eq!(s.report_frequency.reports, 1);
    assert_eq!(s.report_frequency.average_headcount, 1.0);
    close(Some(s.report_frequency.years), 30.0 / 365.0);
    close(s.report_frequency.per_year, 365.0 / 30.0);
    // Duration: ended 11 June, 10 days ÷ 1 case.
    assert_eq!((s.average_duration.total_days, s.average_duration.cases), (10, 1));
    close(s.average_duration.days, 10.0);
    // Zero-absence: 0 of 1 employee without a report.
    close(s.zero_absence.percent, 0.0);
    assert_eq!(class_counts(&s), [(1, 0), (0, 0), (0, 0), (0, 0), (0, 0)]);
}

#[test]
fn a_part_timer_weighs_by_contract_over_full_time_hours() {
    // June 2025 (30 days). A 24 of 40 hours part-timer (factor 0.6) sick 2–11 June,
    // next to a full-timer never sick.
    let june = Period::month(2025, 6).unwrap();
    let part_timer =
        employee(vec![job("2020-01-01", None, 24, 40)], vec![sick("2025-06-02", Some("2025-06-12"))]);
    let alone = stats(std::slice::from_ref(&part_timer), june);
    // Alone: 10 × 0.6 = 6 ÷ (30 × 0.6 = 18) = 33.33 %, the same as a full-timer's.
    close(Some(alone.absence_rate.weighted_sick_days), 6.0);
    close(Some(alone.absence_rate.weighted_employed_days), 18.0);
    close(alone.absence_rate.percent, 100.0 / 3.0);
    // With the full-timer: 6 ÷ (18 + 30 = 48) × 100 = 12.5 %.
    let s = stats(&[part_timer, employee(vec![full_time("2020-01-01", None)], vec![])], june);
    close(s.absence_rate.percent, 12.5);
    // The frequency counts people, not hours: 60 person-days ÷ 30 = 2 employees.
    assert_eq!(s.report_frequency.average_headcount, 2.0);
    close(s.report_frequency.per_year, 1.0 / 2.0 * 365.0 / 30.0);
}

#[test]
fn a_partial_recovery_lowers_the_weight_from_its_date() {
    // April 2025 (30 days). Sick from 1 April at 100 %, 50 % recovered from 11 April,
    // fully recovered on 21 April: 1–10 April 10 days × 100 % + 11–20 April 10 days ×
    // 50 % = 15 weighted days ÷ 30 = 50 %.
    let april = Period::month(2025, 4).unwrap();
    let mut case = sick("2025-04-01", Some("2025-04-21"));
    case.partial_recoveries = vec![(d("2025-04-11"), 50)];
    let s = stats(&[employee(vec![full_time("2020-01-01", None)], vec![case.clone()])], april);
    close(Some(s.absence_rate.weighted_sick_days), 15.0);
    close(s.absence_rate.percent, 50.0);
    // The duration counts every sick day, partly recovered or not: 20 days, medium.
    close(s.average_duration.days, 20.0);
    assert_eq!(class_counts(&s), [(0, 0), (1, 0), (0, 0), (0, 0), (0, 0)]);

    // Worse again from 16 April (0 % recovered): 1–10 × 100 % = 10, 11–15 × 50 % = 2.5,
    // 16–20 × 100 % = 5; 17.5 ÷ 30 = 58.33 %.
    case.partial_recoveries.push((d("2025-04-16"), 0));
    let worse = stats(&[employee(vec![full_time("2020-01-01", None)], vec![case.clone()])], april);
    close(Some(worse.absence_rate.weighted_sick_days), 17.5);
    close(worse.absence_rate.percent, 17.5 / 30.0 * 100.0);

    // A 32 of 40 hours part-timer (0.8), 50 % recovered for the whole of April (a step
    // in March): 30 days × 0.8 × 50 % = 12 ÷ (30 × 0.8 = 24) = 50 %.
    let mut long = sick("2025-03-01", None);
    long.partial_recoveries = vec![(d("2025-03-20"), 50)];
    let part = job("2020-01-01", None, 32, 40);
    close(Some(sick_day_weight(&long, &part, &april)), 12.0);
    close(Some(employed_day_weight(&part, &april)), 24.0);
}

#[test]
fn cases_across_the_period_edges_count_only_their_days_inside() {
    // March 2025 (31 days), three full-timers:
    // - sick 20 Feb, back 6 March: 1–5 March = 5 days in March; ended in March after
    //   20–28 Feb (9) + 1–5 March (5) = 14 days: short. Not a report made in March.
    // - sick 25 March, back 10 April: 25–31 March = 7 days; a report in March; running
    //   at the end for 7 days: short.
    // - sick since 1 November 2024, still open: all 31 March days; running at the end
    //   for Nov 30 + Dec 31 + Jan 31 + Feb 28 + Mar 31 = 151 days: long.
    let march = Period::month(2025, 3).unwrap();
    let job = || vec![full_time("2020-01-01", None)];
    let employees = [
        employee(job(), vec![sick("2025-02-20", Some("2025-03-06"))]),
        employee(job(), vec![sick("2025-03-25", Some("2025-04-10"))]),
        employee(job(), vec![sick("2024-11-01", None)]),
    ];
    let s = stats(&employees, march);
    // Rate: (5 + 7 + 31 = 43) ÷ (3 × 31 = 93) × 100 = 46.24 %.
    assert_eq!(s.absence_rate.weighted_sick_days, 43.0);
    assert_eq!(s.absence_rate.weighted_employed_days, 93.0);
    close(s.absence_rate.percent, 43.0 / 93.0 * 100.0);
    // Frequency: 1 report ÷ 3 employees ÷ (31 ÷ 365) = 365 ÷ 93 = 3.92 a year.
    assert_eq!(s.report_frequency.reports, 1);
    close(s.report_frequency.per_year, 365.0 / 93.0);
    // Duration: only the case that ended, 14 days from its first sick day in February.
    assert_eq!((s.average_duration.total_days, s.average_duration.cases), (14, 1));
    // Zero-absence: the first and the third made no report in March: 2 ÷ 3.
    assert_eq!((s.zero_absence.without_report, s.zero_absence.employees), (2, 3));
    close(s.zero_absence.percent, 200.0 / 3.0);
    assert_eq!(class_counts(&s), [(1, 1), (0, 0), (0, 1), (0, 0), (0, 0)]);
}

#[test]
fn days_outside_employment_count_neither_as_sick_nor_as_employed() {
    // May 2025 (31 days), two full-timers:
    // - joins 16 May: employed 16–31 May = 16 days; sick 19–23 May (back 24 May) = 5.
    // - leaves after 15 May: employed 1–15 = 15 days; sick from 12 May and never back
    //   (ziek uit dienst): 12–15 May = 4 days count, the rest of May does not.
    let may = Period::month(2025, 5).unwrap();
    let joiner = employee(vec![full_time("2025-05-16", None)], vec![sick("2025-05-19", Some("2025-05-24"))]);
    let leaver = employee(vec![full_time("2019-01-01", Some("2025-05-15"))], vec![sick("2025-05-12", None)]);
    let s = stats(&[joiner, leaver.clone()], may);
    // Rate: (5 + 4 = 9) ÷ (16 + 15 = 31) × 100 = 29.03 %.
    assert_eq!(s.absence_rate.weighted_sick_days, 9.0);
    assert_eq!(s.absence_rate.weighted_employed_days, 31.0);
    close(s.absence_rate.percent, 9.0 / 31.0 * 100.0);
    // Headcount: 31 person-days ÷ 31 days = 1; 2 reports ÷ 1 ÷ (31 ÷ 365) = 23.55.
    assert_eq!(s.report_frequency.average_headcount, 1.0);
    assert_eq!(s.report_frequency.reports, 2);
    close(s.report_frequency.per_year, 2.0 * 365.0 / 31.0);
    // The joiner's case ended on 23 May (5 days); the leaver's is not running at the end
    // of May in scope: no longer employed then.
    assert_eq!(class_counts(&s), [(1, 0), (0, 0), (0, 0), (0, 0), (0, 0)]);
    assert_eq!(s.zero_absence.employees, 2);
    // The leaver alone in June: not employed, so not counted at all.
    let june = stats(&[leaver], Period::month(2025, 6).unwrap());
    assert_eq!(june.zero_absence.employees, 0);
    assert_eq!(june.absence_rate.percent, None);
    assert_eq!(june.report_frequency.per_year, None);

    // Sick from 14 May, two days before joining on 16 May, back 24 May: 16–23 May = 8
    // days count; the report was not made while employed in scope.
    let early = sick("2025-05-14", Some("2025-05-24"));
    let joined = employee(vec![full_time("2025-05-16", None)], vec![early.clone()]);
    assert_eq!(sick_day_weight(&early, &joined.employments[0], &may), 8.0);
    assert!(!reported_in(&early, &joined, &may));
    // It ended in scope, and its duration counts from 14 May: 10 days.
    assert_eq!(ended_in(&early, &joined, &may), Some(10));
}

#[test]
fn a_change_of_hours_during_the_period_weighs_each_day_by_its_own_contract() {
    // June 2025: full time 1–15 June, then 20 of 40 hours (0.5) from 16 June; sick
    // 11–20 June. Sick: 11–15 × 1 = 5 + 16–20 × 0.5 = 2.5 → 7.5. Employed: 15 × 1 +
    // 15 × 0.5 = 22.5. Rate 7.5 ÷ 22.5 = 33.33 %. Still one person: headcount 1.
    let june = Period::month(2025, 6).unwrap();
    let e = employee(
        vec![full_time("2020-01-01", Some("2025-06-15")), job("2025-06-16", None, 20, 40)],
        vec![sick("2025-06-11", Some("2025-06-21"))],
    );
    let s = stats(&[e], june);
    assert_eq!(s.absence_rate.weighted_sick_days, 7.5);
    assert_eq!(s.absence_rate.weighted_employed_days, 22.5);
    close(s.absence_rate.percent, 100.0 / 3.0);
    assert_eq!(s.report_frequency.average_headcount, 1.0);
    assert_eq!((s.zero_absence.employees, s.report_frequency.reports), (1, 1));
}

#[test]
fn february_of_a_leap_year_has_29_days() {
    // Sick from 20 February, back 1 March. 2024: 20–29 Feb = 10 days of 29 = 34.48 %.
    // 2023: 20–28 Feb = 9 days of 28 = 32.14 %.
    let e = |first: &str, back: &str| {
        employee(vec![full_time("2020-01-01", None)], vec![sick(first, Some(back))])
    };
    let leap = stats(&[e("2024-02-20", "2024-03-01")], Period::month(2024, 2).unwrap());
    assert_eq!(leap.absence_rate.weighted_employed_days, 29.0);
    close(leap.absence_rate.percent, 10.0 / 29.0 * 100.0);
    close(leap.average_duration.days, 10.0);
    let common = stats(&[e("2023-02-20", "2023-03-01")], Period::month(2023, 2).unwrap());
    assert_eq!(common.absence_rate.weighted_employed_days, 28.0);
    close(common.absence_rate.percent, 9.0 / 28.0 * 100.0);
    close(common.average_duration.days, 9.0);
    // Annualised: 1 report ÷ 1 employee ÷ (29 ÷ 366) = 12.62, and ÷ (28 ÷ 365) = 13.04.
    close(Some(leap.report_frequency.years), 29.0 / 366.0);
    close(leap.report_frequency.per_year, 366.0 / 29.0);
    close(common.report_frequency.per_year, 365.0 / 28.0);
}

#[test]
fn a_leap_year_annualises_by_its_366_days() {
    // 2024 (366 days): one full-timer all year, one joining 1 July (Jul 31 + Aug 31 +
    // Sep 30 + Oct 31 + Nov 30 + Dec 31 = 184 days). Person-days 366 + 184 = 550,
    // average headcount 550 ÷ 366 = 1.503; the year is 1 year. 3 reports ÷ 1.503 = 1.996.
    let year = Period::year(2024).unwrap();
    let employees = [
        employee(
            vec![full_time("2020-01-01", None)],
            vec![sick("2024-01-08", Some("2024-01-10")), sick("2024-12-30", None)],
        ),
        employee(vec![full_time("2024-07-01", None)], vec![sick("2024-09-02", Some("2024-09-04"))]),
    ];
    let s = stats(&employees, year);
    assert_eq!(s.report_frequency.years, 1.0);
    close(Some(s.report_frequency.average_headcount), 550.0 / 366.0);
    close(s.report_frequency.per_year, 3.0 * 366.0 / 550.0);
    // Rate: (2 + 2 + 2 (30–31 Dec)) ÷ 550 × 100.
    close(s.absence_rate.percent, 6.0 / 550.0 * 100.0);
    // A quarter of 2024 (Q1: 31 + 29 + 31 = 91 days) is 91 ÷ 366 of a year.
    close(Some(Period::quarter(2024, 1).unwrap().years()), 91.0 / 366.0);
}

#[test]
fn duration_classes_at_their_edges() {
    // All sick from 1 January 2025; a duration of n days means back on 1 January + n.
    // Day 91 is 1 April (31 + 28 + 31 = 90 days later), day 365 is 31 December 2025,
    // day 730 is 31 December 2026 (2025 and 2026 have 365 days each).
    let cases = [
        (14, "2025-01-15"),
        (15, "2025-01-16"),
        (91, "2025-04-02"),
        (92, "2025-04-03"),
        (365, "2026-01-01"),
        (366, "2026-01-02"),
        (730, "2027-01-01"),
        (731, "2027-01-02"),
    ];
    let employees: Vec<EmployeeAbsence> = cases
        .iter()
        .map(|&(days, back)| {
            let case = sick("2025-01-01", Some(back));
            assert_eq!(case_duration(&case), Some(days), "back on {back}");
            employee(vec![full_time("2020-01-01", None)], vec![case])
        })
        .collect();
    let s = stats(&employees, Period::new(d("2025-01-01"), d("2027-12-31")).unwrap());
    // Short 14; medium 15, 91; long 92, 365; extra long 366, 730; outside 731.
    assert_eq!(class_counts(&s), [(1, 0), (2, 0), (2, 0), (2, 0), (1, 0)]);
    // 14 + 15 + 91 + 92 + 365 + 366 + 730 + 731 = 2404 days ÷ 8 = 300.5.
    assert_eq!((s.average_duration.total_days, s.average_duration.cases), (2404, 8));
    close(s.average_duration.days, 300.5);

    // Running cases are classed by their days up to the period's last day, 31 Dec 2025:
    // from 18 December 14 days, from 17 December 15, from 1 January 2024 366 + 365 = 731.
    let running = ["2025-12-18", "2025-12-17", "2024-01-01"]
        .map(|first| employee(vec![full_time("2020-01-01", None)], vec![sick(first, None)]));
    let s = stats(&running, Period::year(2025).unwrap());
    assert_eq!(class_counts(&s), [(0, 1), (0, 1), (0, 0), (0, 0), (0, 1)]);
    assert_eq!(s.average_duration.days, None, "no case ended");
}

#[test]
fn zero_absence_counts_employees_without_a_report_made_in_the_period() {
    // 2025, full-timers:
    // - never sick;
    // - sick in March;
    // - sick from 15 December 2024 to 10 January 2025: a report made in 2024, not 2025;
    // - sick twice in 2025;
    // - left at the end of 2024, "sick" in 2025: not an employee in 2025 at all.
    // Employees 4, without a report 2 (the first and the third): 50 %. Reports 3:
    // 3 ÷ 4 employees ÷ 1 year = 0.75.
    let year = Period::year(2025).unwrap();
    let job = || vec![full_time("2020-01-01", None)];
    let employees = [
        employee(job(), vec![]),
        employee(job(), vec![sick("2025-03-03", Some("2025-03-05"))]),
        employee(job(), vec![sick("2024-12-15", Some("2025-01-10"))]),
        employee(job(), vec![sick("2025-05-05", Some("2025-05-07")), sick("2025-09-01", Some("2025-09-02"))]),
        employee(vec![full_time("2020-01-01", Some("2024-12-31"))], vec![sick("2025-02-03", None)]),
    ];
    let s = stats(&employees, year);
    assert_eq!((s.zero_absence.without_report, s.zero_absence.employees), (2, 4));
    close(s.zero_absence.percent, 50.0);
    assert_eq!(s.report_frequency.reports, 3);
    close(s.report_frequency.per_year, 0.75);
    // Rate: 2 + 9 (1–9 Jan) + 2 + 1 = 14 ÷ (4 × 365) × 100.
    close(s.absence_rate.percent, 14.0 / 1460.0 * 100.0);
}

#[test]
fn pregnancy_leave_counts_in_the_first_rate_only() {
    // June 2025, two full-timers: one on pregnancy leave 1–15 June (15 days), one sick
    // 2–11 June (10 days). With: 25 ÷ 60 = 41.67 %; without: 10 ÷ 60 = 16.67 %.
    let june = Period::month(2025, 6).unwrap();
    let mut pregnancy = sick("2025-06-01", Some("2025-06-16"));
    pregnancy.pregnancy_related = true;
    let employees = [
        employee(vec![full_time("2020-01-01", None)], vec![pregnancy]),
        employee(vec![full_time("2020-01-01", None)], vec![sick("2025-06-02", Some("2025-06-12"))]),
    ];
    let s = stats(&employees, june);
    assert_eq!(s.absence_rate.weighted_sick_days, 25.0);
    close(s.absence_rate.percent, 25.0 / 60.0 * 100.0);
    assert_eq!(s.absence_rate_without_pregnancy.weighted_sick_days, 10.0);
    assert_eq!(s.absence_rate_without_pregnancy.weighted_employed_days, 60.0);
    close(s.absence_rate_without_pregnancy.percent, 10.0 / 60.0 * 100.0);
    // Leave is no sick report: 1 report, one case of 10 days, the other person counts
    // as without a report (zero absence 1 ÷ 2), one short case in the classes.
    assert_eq!(s.report_frequency.reports, 1);
    close(s.average_duration.days, 10.0);
    assert_eq!(s.average_duration.cases, 1);
    close(s.zero_absence.percent, 50.0);
    let counted: u32 = s.duration_classes.iter().map(|c| c.cases.ended + c.cases.running).sum();
    assert_eq!(counted, 1);
}

#[test]
fn a_report_without_a_sick_day_counts_nowhere() {
    // Recovered on its own first sick day: withdrawn.
    let june = Period::month(2025, 6).unwrap();
    let withdrawn = sick("2025-06-02", Some("2025-06-02"));
    let s = stats(&[employee(vec![full_time("2020-01-01", None)], vec![withdrawn.clone()])], june);
    assert_eq!(s.absence_rate.weighted_sick_days, 0.0);
    assert_eq!(s.report_frequency.reports, 0);
    assert_eq!(s.average_duration.cases, 0);
    close(s.zero_absence.percent, 100.0);
    assert_eq!(case_duration(&withdrawn), None);
    assert_eq!(withdrawn.sick_days(), None);
}

#[test]
fn sums_from_elsewhere_give_the_same_figures() {
    // What the server's SQL would return for the March example above.
    let march = Period::month(2025, 3).unwrap();
    let mut sums = Sums::new(&DEFAULT_DURATION_CLASSES);
    sums.weighted_sick_days = 43.0;
    sums.weighted_employed_days = 93.0;
    sums.employed_person_days = 93;
    sums.employees = 3;
    sums.employees_with_report = 1;
    sums.reports = 1;
    sums.ended_cases = 1;
    sums.ended_case_days = 14;
    let s = Statistics::from_sums(march, &sums);
    close(s.absence_rate.percent, 43.0 / 93.0 * 100.0);
    close(s.report_frequency.per_year, 365.0 / 93.0);
    close(s.zero_absence.percent, 200.0 / 3.0);
    close(s.average_duration.days, 14.0);
    // Statistics travel as JSON unchanged.
    let json = serde_json::to_string(&s).unwrap();
    assert_eq!(serde_json::from_str::<Statistics>(&json).unwrap(), s);
}

/// A person employed somewhere in 2024–2025, with one sick report.
fn any_employee() -> impl Strategy<Value = EmployeeAbsence> {
    let base = d("2024-01-01");
    (
        0u64..700,
        proptest::option::of(0u64..400),
        1i32..=40,
        0u64..730,
        proptest::option::of(0u64..200),
        proptest::collection::vec((0u64..200, 0u8..=100), 0..3),
        any::<bool>(),
    )
        .prop_map(move |(start, length, hours, first, sick_for, steps, pregnancy_related)| {
            let starts_on = base + Days::new(start);
            let first_sick_day = base + Days::new(first);
            EmployeeAbsence {
                employments: vec![Employment {
                    starts_on,
                    ends_on: length.map(|l| starts_on + Days::new(l)),
                    contract_minutes: hours * 60,
                    full_time_minutes: 40 * 60,
                }],
                cases: vec![SickCase {
                    first_sick_day,
                    recovered_on: sick_for.map(|n| first_sick_day + Days::new(n)),
                    partial_recoveries: steps
                        .into_iter()
                        .map(|(after, percent)| (first_sick_day + Days::new(after), percent))
                        .collect(),
                    pregnancy_related,
                }],
            }
        })
}

fn any_period() -> impl Strategy<Value = Period> {
    (0u64..700, 0u64..400).prop_map(|(start, length)| {
        let start = d("2024-01-01") + Days::new(start);
        Period { start, end: start + Days::new(length) }
    })
}

proptest! {
    #[test]
    fn percentages_stay_between_0_and_100(
        employees in proptest::collection::vec(any_employee(), 0..6),
        period in any_period(),
    ) {
        let s = stats(&employees, period);
        for percent in [s.absence_rate.percent, s.absence_rate_without_pregnancy.percent, s.zero_absence.percent]
            .into_iter()
            .flatten()
        {
            prop_assert!((0.0..=100.0 + 1e-9).contains(&percent), "{percent}");
        }
        let (with, without) = (s.absence_rate.weighted_sick_days, s.absence_rate_without_pregnancy.weighted_sick_days);
        prop_assert!(without <= with + 1e-9);
        prop_assert!(s.report_frequency.per_year.is_none_or(|f| f >= 0.0));
    }

    #[test]
    fn sick_through_the_whole_period_is_100_percent(
        period in any_period(),
        before in 1u64..400,
        after in proptest::option::of(1u64..400),
        hours in 1i32..=40,
    ) {
        // Sick from before the period until after it (or still), employed throughout.
        let first = period.start - Days::new(before);
        let e = EmployeeAbsence {
            employments: vec![Employment {
                starts_on: first,
                ends_on: None,
                contract_minutes: hours * 60,
                full_time_minutes: 40 * 60,
            }],
            cases: vec![SickCase {
                first_sick_day: first,
                recovered_on: after.map(|n| period.end + Days::new(n)),
                partial_recoveries: vec![],
                pregnancy_related: false,
            }],
        };
        let s = stats(&[e], period);
        prop_assert!((s.absence_rate.percent.unwrap_or(0.0) - 100.0).abs() < 1e-9);
        close(s.zero_absence.percent, 100.0);
    }

    #[test]
    fn the_months_of_a_year_add_up_to_the_year(employees in proptest::collection::vec(any_employee(), 0..6)) {
        // Days are counted once each, in the month they fall in.
        let year = statistics(&employees, Period::year(2025).unwrap(), &DEFAULT_DURATION_CLASSES);
        let mut months = Sums::new(&DEFAULT_DURATION_CLASSES);
        for month in 1..=12 {
            let period = Period::month(2025, month).unwrap();
            for e in &employees {
                months.add(&Sums::of_employee(e, &period, &DEFAULT_DURATION_CLASSES));
            }
        }
        prop_assert!((months.weighted_sick_days - year.absence_rate.weighted_sick_days).abs() < 1e-6);
        prop_assert!((months.weighted_employed_days - year.absence_rate.weighted_employed_days).abs() < 1e-6);
        prop_assert_eq!(months.reports, year.report_frequency.reports);
        prop_assert_eq!(months.ended_cases, year.average_duration.cases);
    }
}
