//! The engine against cases computed by hand, and its invariants.

use std::collections::HashSet;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use proptest::prelude::*;

use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn history(spells: &[(&str, Option<&str>)]) -> CaseHistory {
    CaseHistory {
        spells: spells.iter().map(|(f, r)| SickSpell { first_day: d(f), recovered_on: r.map(d) }).collect(),
        out_of_employment_on: None,
    }
}

fn find<'a>(plan: &'a [PlannedActivity], key: &str) -> &'a PlannedActivity {
    plan.iter().find(|a| a.key == key).unwrap_or_else(|| panic!("no activity {key}"))
}

/// A case and what its plan must say, worked out by hand in the comments.
struct Case {
    name: &'static str,
    spells: &'static [(&'static str, Option<&'static str>)],
    /// (key, due date, sick day).
    due: &'static [(&'static str, &'static str, u32)],
    /// (key, window start).
    windows: &'static [(&'static str, &'static str)],
}

/// Sick day n falls on first day + (n − 1) calendar days while the case runs on
/// without a gap. Day 294 ends week 42 and is 42 whole weeks after day 1, so day 295
/// is on the same weekday as day 1. Days to the end of each month in 2026–2028 (day of
/// the year of the month's last day, non-leap / leap): Jan 31, Feb 59/60, Mar 90/91,
/// Apr 120/121, May 151/152, Jun 181/182, Jul 212/213, Aug 243/244, Sep 273/274,
/// Oct 304/305, Nov 334/335. 2028 is the only leap year.
const CASES: &[Case] = &[
    Case {
        name: "simple: Monday 5 January 2026, still sick",
        spells: &[("2026-01-05", None)],
        due: &[
            ("sick_report", "2026-01-05", 1),
            // 5 Jan + 6
            ("report_to_arbodienst", "2026-01-11", 7),
            // 5 Jan + 41: 26 days to 31 Jan, 15 more → 15 Feb
            ("problem_analysis", "2026-02-15", 42),
            // 15 Feb + 14: 13 to 28 Feb, 1 more → 1 Mar
            ("plan_of_action", "2026-03-01", 56),
            // week 14: 1 Mar + 42: 30 to 31 Mar, 12 more → 12 Apr
            ("evaluation_1", "2026-04-12", 98),
            // week 20: 12 Apr + 42: 18 to 30 Apr, 24 more → 24 May
            ("evaluation_2", "2026-05-24", 140),
            // day 295: 5 Jan + 294 = day 299 of 2026 = 26 Oct (273 to 30 Sep); a Monday
            // like 5 Jan, no holiday → due that day
            ("uwv_report_42", "2026-10-26", 295),
            // day 364: 16 Nov (window) + 48: 14 to 30 Nov, 31 in Dec, 3 more → 3 Jan 2027
            ("first_year_evaluation", "2027-01-03", 364),
            // 5 Jan 2027 is day 366 (2026 has 365 days); day 616 = 5 Jan 2027 + 250
            // = day 255 of 2027 = 12 Sep (243 to 31 Aug)
            ("uwv_letter_88", "2027-09-12", 616),
            // day 637 = 12 Sep + 21 = 3 Oct 2027
            ("current_assessment", "2027-10-03", 637),
            ("final_evaluation", "2027-10-03", 637),
            ("riv_copies", "2027-10-03", 637),
            // day 651 = 3 Oct + 14
            ("wia_application", "2027-10-17", 651),
            // week 98: day 686 = 2 Jan 2028 (day 728, below) − 42: 2 to 1 Jan, 31 in Dec,
            // 9 more → 21 Nov 2027
            ("evaluation_15", "2027-11-21", 686),
            // day 728: 5 Jan 2026 + 730 = 5 Jan 2028 (two years of 365), so + 727 = 2 Jan 2028
            ("end_of_wage_continuation", "2028-01-02", 728),
        ],
        windows: &[
            // day 316 = day 295 (26 Oct) + 21 = 16 Nov
            ("first_year_evaluation", "2026-11-16"),
            // day 603 = day 616 (12 Sep 2027) − 13 = 30 Aug 2027
            ("current_assessment", "2027-08-30"),
            ("final_evaluation", "2027-08-30"),
        ],
    },
    Case {
        name: "relapse after 27 days: sick 5–18 January, back 19 January, sick again 15 February",
        // 19 Jan + 27 = 15 Feb (12 to 31 Jan, 15 more). Days 1–14 are 5–18 Jan as in the
        // simple case; day n ≥ 15 falls 27 days later than there.
        spells: &[("2026-01-05", Some("2026-01-19")), ("2026-02-15", None)],
        due: &[
            // before the gap: unchanged
            ("report_to_arbodienst", "2026-01-11", 7),
            // 15 Feb + 27: 13 to 28 Feb, 14 more → 14 Mar
            ("problem_analysis", "2026-03-14", 42),
            // 1 Mar + 27 = 28 Mar
            ("plan_of_action", "2026-03-28", 56),
            // 12 Apr + 27: 18 to 30 Apr, 9 more → 9 May
            ("evaluation_1", "2026-05-09", 98),
            // day 295: 26 Oct + 27: 5 to 31 Oct, 22 more → Sunday 22 Nov (Monday + 27 =
            // Monday − 1): not a working day, so Monday 23 Nov, sick day 296
            ("uwv_report_42", "2026-11-23", 296),
            // 3 Jan 2027 + 27 = 30 Jan 2027
            ("first_year_evaluation", "2027-01-30", 364),
            // 12 Sep 2027 + 27: 18 to 30 Sep, 9 more → 9 Oct
            ("uwv_letter_88", "2027-10-09", 616),
            // 3 Oct + 27 = 30 Oct
            ("current_assessment", "2027-10-30", 637),
            // 2 Jan 2028 + 27 = 29 Jan 2028
            ("end_of_wage_continuation", "2028-01-29", 728),
        ],
        windows: &[
            // 16 Nov + 27: 14 to 30 Nov, 13 more → 13 Dec
            ("first_year_evaluation", "2026-12-13"),
            // 30 Aug + 27: 1 to 31 Aug, 26 more → 26 Sep
            ("current_assessment", "2027-09-26"),
        ],
    },
    Case {
        name: "sick again exactly 28 days after recovery: a new case from 16 February",
        // 19 Jan + 28 = 16 Feb, so continues_case is false (tested below) and the new
        // case is planned on its own, from Monday 16 February.
        spells: &[("2026-02-16", None)],
        due: &[
            // 16 Feb + 6
            ("report_to_arbodienst", "2026-02-22", 7),
            // 16 Feb + 41: 12 to 28 Feb, 29 more → 29 Mar
            ("problem_analysis", "2026-03-29", 42),
            // 29 Mar + 14: 2 to 31 Mar, 12 more → 12 Apr
            ("plan_of_action", "2026-04-12", 56),
        ],
        windows: &[],
    },
    Case {
        name: "over a leap day: Monday 20 December 2027",
        spells: &[("2027-12-20", None)],
        due: &[
            // 20 Dec + 41: 11 to 31 Dec, 30 more → 30 Jan 2028
            ("problem_analysis", "2028-01-30", 42),
            // 30 Jan + 14: 1 to 31 Jan, 13 more → 13 Feb
            ("plan_of_action", "2028-02-13", 56),
            // 13 Feb + 42: 16 to 29 Feb (the leap day), 26 more → 26 Mar
            // (27 Mar had 29 Feb been skipped)
            ("evaluation_1", "2028-03-26", 98),
            // day 295: 20 Dec 2027 + 294; 1 Jan 2028 is + 12, so day 1 + 282 = 283 of
            // 2028 = 9 Oct (274 to 30 Sep, leap year); a Monday → due that day
            ("uwv_report_42", "2028-10-09", 295),
        ],
        windows: &[],
    },
    Case {
        name: "week 6 ends the day after the leap day: Thursday 20 January 2028",
        spells: &[("2028-01-20", None)],
        due: &[
            // 20 Jan + 41: 11 to 31 Jan, 29 in Feb (leap), 1 more → 1 Mar
            ("problem_analysis", "2028-03-01", 42),
            // 1 Mar + 14
            ("plan_of_action", "2028-03-15", 56),
            // day 295: day 20 + 294 = 314 of 2028 = 9 Nov (305 to 31 Oct); a Thursday
            ("uwv_report_42", "2028-11-09", 295),
        ],
        windows: &[],
    },
    Case {
        name: "summer time starts on day 7: Monday 23 March 2026",
        // Clocks go forward on Sunday 29 March; dates are days, so nothing moves.
        spells: &[("2026-03-23", None)],
        due: &[
            // 23 Mar + 6
            ("report_to_arbodienst", "2026-03-29", 7),
            // 23 Mar + 41: 8 to 31 Mar, 30 in Apr, 3 more → 3 May
            ("problem_analysis", "2026-05-03", 42),
            // 3 May + 14
            ("plan_of_action", "2026-05-17", 56),
            // day 295: day 82 + 294 = 376 = day 11 of 2027 = Monday 11 Jan
            ("uwv_report_42", "2027-01-11", 295),
        ],
        windows: &[],
    },
    Case {
        name: "winter time starts on day 7: Monday 19 October 2026",
        // Clocks go back on Sunday 25 October.
        spells: &[("2026-10-19", None)],
        due: &[
            // 19 Oct + 6
            ("report_to_arbodienst", "2026-10-25", 7),
            // 19 Oct + 41: 12 to 31 Oct, 29 more → 29 Nov
            ("problem_analysis", "2026-11-29", 42),
            // 29 Nov + 14: 1 to 30 Nov, 13 more → 13 Dec
            ("plan_of_action", "2026-12-13", 56),
            // day 295: day 292 + 294 = 586 − 365 = day 221 of 2027 = 9 Aug (212 to 31 Jul); Monday
            ("uwv_report_42", "2027-08-09", 295),
        ],
        windows: &[],
    },
    Case {
        name: "week 42 ends on a Friday: the report falls on Saturday, Monday it is",
        // First sick day Saturday 3 January 2026; day 295 is a Saturday too.
        spells: &[("2026-01-03", None)],
        due: &[
            // day 295: day 3 + 294 = day 297 of 2026 = 24 Oct (273 to 30 Sep), Saturday;
            // Sunday 25th; Monday 26 Oct = day 297
            ("uwv_report_42", "2026-10-26", 297),
        ],
        windows: &[],
    },
    Case {
        name: "the report falls on Christmas: Friday 6 March 2026",
        spells: &[("2026-03-06", None)],
        due: &[
            // day 295: day 65 (59 to 28 Feb, + 6) + 294 = day 359 = 25 Dec 2026 (334 to
            // 30 Nov), Friday, Eerste Kerstdag; Saturday 26th is Tweede Kerstdag, 27th a
            // Sunday → Monday 28 Dec = day 298
            ("uwv_report_42", "2026-12-28", 298),
        ],
        windows: &[],
    },
    Case {
        name: "the report falls on Koningsdag: Tuesday 7 July 2026",
        spells: &[("2026-07-07", None)],
        due: &[
            // day 295: day 188 (181 to 30 Jun, + 7) + 294 = 482 − 365 = day 117 of 2027
            // = 27 Apr (90 to 31 Mar), a Tuesday, Koningsdag → Wednesday 28 Apr = day 296
            ("uwv_report_42", "2027-04-28", 296),
        ],
        windows: &[],
    },
];

#[test]
fn hand_computed_cases() {
    for case in CASES {
        let h = history(case.spells);
        let plan = plan(&h);
        for &(key, due, sick_day) in case.due {
            let a = find(&plan, key);
            assert_eq!((a.due_on, a.sick_day), (d(due), sick_day), "{}: {key}", case.name);
            assert_eq!(date_of_sick_day(&h, sick_day), Some(d(due)), "{}: {key} by the clock", case.name);
        }
        for &(key, from) in case.windows {
            assert_eq!(find(&plan, key).window_from, Some(d(from)), "{}: window of {key}", case.name);
        }
    }
}

#[test]
fn a_relapse_within_28_days_moves_every_later_date_by_the_gap() {
    let simple = plan(&history(&[("2026-01-05", None)]));
    let relapsed = plan(&history(&[("2026-01-05", Some("2026-01-19")), ("2026-02-15", None)]));
    assert!(continues_case(d("2026-01-19"), d("2026-02-15")));
    for (a, b) in simple.iter().zip(&relapsed) {
        assert_eq!(a.key, b.key);
        let expected = match (a.kind, a.sick_day) {
            (_, ..=14) => a.due_on,
            // Sunday after the move: the next working day (see the table).
            (ActivityKind::UwvReport42, _) => d("2026-11-23"),
            _ => a.due_on + Days::new(27),
        };
        assert_eq!(b.due_on, expected, "{}", a.key);
    }
}

#[test]
fn a_sickness_28_days_after_recovery_is_a_new_case() {
    assert!(!continues_case(d("2026-01-19"), d("2026-02-16")));
    let old = history(&[("2026-01-05", Some("2026-01-19"))]);
    assert_eq!(check_relapse(&old, d("2026-02-16")), Err(HistoryError::NewCase));
    assert_eq!(check_relapse(&old, d("2026-02-15")), Ok(()));
}

#[test]
fn the_plan_has_every_activity_once_in_due_order() {
    let plan = plan(&history(&[("2026-01-05", None)]));
    let keys: Vec<&str> = plan.iter().map(|a| a.key.as_str()).collect();
    let evaluations: Vec<String> = (1..=15).map(|k| format!("evaluation_{k}")).collect();
    let e: Vec<&str> = evaluations.iter().map(String::as_str).collect();
    // In sick days: 1, 7, 42, 56; evaluations 1–5 in weeks 14–38 (days 98–266); the
    // UWV report from day 295; evaluations 6 and 7 in weeks 44 and 50 (days 308, 350);
    // the first-year evaluation by day 364; evaluations 8–13 in weeks 56–86 (392–602);
    // 616; 637 three times; evaluation 14 in week 92 (644); 651; evaluation 15 in week
    // 98 (686); 728.
    #[rustfmt::skip]
    let expected = [
        "sick_report", "report_to_arbodienst", "problem_analysis", "plan_of_action",
        e[0], e[1], e[2], e[3], e[4], "uwv_report_42", e[5], e[6], "first_year_evaluation",
        e[7], e[8], e[9], e[10], e[11], e[12], "uwv_letter_88", "current_assessment",
        "final_evaluation", "riv_copies", e[13], "wia_application", e[14], "end_of_wage_continuation",
    ];
    assert_eq!(keys, expected);
    // Evaluations every six weeks after week 8, the last before week 104.
    let weeks: Vec<u32> =
        plan.iter().filter(|a| a.kind == ActivityKind::Evaluation).map(|a| a.sick_day / 7).collect();
    assert_eq!(weeks, (14..=98).step_by(6).collect::<Vec<_>>());
    assert!(plan.iter().all(|a| a.owner == a.kind.owner()));
    assert_eq!(find(&plan, "problem_analysis").owner, Owner::Physician);
    assert_eq!(find(&plan, "evaluation_3").owner, Owner::EmployerAndEmployee);
    assert_eq!(find(&plan, "uwv_letter_88").owner, Owner::Uwv);
    assert_eq!(find(&plan, "end_of_wage_continuation").owner, Owner::Nobody);
}

#[test]
fn partial_recovery_leaves_the_dates_alone() {
    // 50 % back from 2 February, 80 % from 2 March: the history has no new spell, and
    // the clock runs on as in the simple case.
    let h = history(&[("2026-01-05", None)]);
    let steps = [(d("2026-02-02"), 50), (d("2026-03-02"), 80)];
    assert_eq!(check_recovery(&h, &steps[..1], d("2026-03-02"), 80), Ok(()));
    assert_eq!(check_recovery(&h, &steps, d("2026-03-20"), 100), Ok(()));
    assert_eq!(incapacity_on(&steps, d("2026-03-10")), 20);
    let plan = plan(&h);
    assert_eq!(find(&plan, "problem_analysis").due_on, d("2026-02-15"));
    assert_eq!(find(&plan, "uwv_report_42").due_on, d("2026-10-26"));
    // Partly back at work, still sick: what is due is still due.
    assert_eq!(state_of(&h, find(&plan, "plan_of_action"), false, d("2026-03-10")), ActivityState::Overdue);
    assert_eq!(sick_days_until(&h, d("2026-03-10")), 65);
}

#[test]
fn employment_ending_closes_the_employers_later_duties() {
    // Simple case, employment ended on 31 March 2026; sick report, report to the
    // arbodienst and problem analysis were done, the plan of action (1 March) was not.
    let mut h = history(&[("2026-01-05", None)]);
    h.out_of_employment_on = Some(d("2026-03-31"));
    let plan = plan(&h);
    let done = ["sick_report", "report_to_arbodienst", "problem_analysis"];
    let state = |key: &str, today: &str| state_of(&h, find(&plan, key), done.contains(&key), d(today));
    let today = "2026-05-01";
    assert_eq!(state("sick_report", today), ActivityState::Done);
    assert_eq!(state("problem_analysis", today), ActivityState::Done);
    assert_eq!(state("plan_of_action", today), ActivityState::Overdue, "fell due while employed");
    for key in
        ["evaluation_1", "uwv_report_42", "first_year_evaluation", "current_assessment", "final_evaluation"]
    {
        assert_eq!(state(key, today), ActivityState::Closed, "{key}");
    }
    assert_eq!(state("riv_copies", today), ActivityState::Closed);
    assert_eq!(state("end_of_wage_continuation", today), ActivityState::Closed);
    // UWV's letter and the employee's WIA application stay.
    assert_eq!(state("uwv_letter_88", today), ActivityState::Open);
    assert_eq!(state("wia_application", today), ActivityState::Open);
    assert_eq!(state("wia_application", "2027-10-18"), ActivityState::Overdue);
}

#[test]
fn full_recovery_closes_what_is_open_and_keeps_what_was_done() {
    let done = ["sick_report", "report_to_arbodienst", "problem_analysis"];
    let h = history(&[("2026-01-05", Some("2026-03-10"))]);
    let plan = plan(&h);
    // The recovered case still shows when everything would have been due.
    assert_eq!(plan, super::plan(&history(&[("2026-01-05", None)])));
    for a in &plan {
        let expected =
            if done.contains(&a.key.as_str()) { ActivityState::Done } else { ActivityState::Closed };
        assert_eq!(state_of(&h, a, done.contains(&a.key.as_str()), d("2026-03-12")), expected, "{}", a.key);
    }
    // A recovery reported ahead ("back on Monday 16 March"): what falls due from Monday on
    // closes now; the overdue plan of action stays overdue until Monday.
    let ahead = history(&[("2026-01-05", Some("2026-03-16"))]);
    let state = |key: &str, today: &str| state_of(&ahead, find(&plan, key), false, d(today));
    assert_eq!(state("plan_of_action", "2026-03-12"), ActivityState::Overdue);
    assert_eq!(state("evaluation_1", "2026-03-12"), ActivityState::Closed);
    assert_eq!(state("plan_of_action", "2026-03-16"), ActivityState::Closed);
    // A relapse reopens the case: the same keys, open again, done ones still done.
    let relapsed = history(&[("2026-01-05", Some("2026-03-10")), ("2026-03-20", None)]);
    let again = super::plan(&relapsed);
    assert_eq!(
        again.iter().map(|a| &a.key).collect::<Vec<_>>(),
        plan.iter().map(|a| &a.key).collect::<Vec<_>>()
    );
    // 10 days' gap: evaluation_1 on 12 Apr + 10 = 22 Apr.
    assert_eq!(find(&again, "evaluation_1").due_on, d("2026-04-22"));
    assert_eq!(
        state_of(&relapsed, find(&again, "evaluation_1"), false, d("2026-03-25")),
        ActivityState::Open
    );
    assert_eq!(
        state_of(&relapsed, find(&again, "problem_analysis"), true, d("2026-03-25")),
        ActivityState::Done
    );
}

#[test]
fn the_states_of_an_ongoing_case() {
    let h = history(&[("2026-01-05", None)]);
    let plan = plan(&h);
    let pa = find(&plan, "problem_analysis");
    // Due 15 Feb: open on the day itself, overdue the day after.
    assert_eq!(state_of(&h, pa, false, d("2026-02-15")), ActivityState::Open);
    assert_eq!(state_of(&h, pa, false, d("2026-02-16")), ActivityState::Overdue);
    assert_eq!(state_of(&h, pa, true, d("2026-02-16")), ActivityState::Done);
    // The end of wage continuation (2 Jan 2028) is a milestone: passed, not overdue.
    let end = find(&plan, "end_of_wage_continuation");
    assert_eq!(state_of(&h, end, false, d("2028-01-02")), ActivityState::Open);
    assert_eq!(state_of(&h, end, false, d("2028-01-03")), ActivityState::Done);
    // Week 6 of the case on 15 Feb (day 42), week 7 the day after.
    assert_eq!(week_of(sick_days_until(&h, d("2026-02-15"))), 6);
    assert_eq!(week_of(sick_days_until(&h, d("2026-02-16"))), 7);
}

#[test]
fn names_round_trip() {
    for kind in ActivityKind::ALL {
        assert_eq!(kind.as_str().parse::<ActivityKind>(), Ok(*kind));
        assert_eq!(serde_json::to_value(kind).unwrap(), serde_json::json!(kind.as_str()));
    }
    for owner in Owner::ALL {
        assert_eq!(owner.as_str().parse::<Owner>(), Ok(*owner));
        assert_eq!(serde_json::to_value(owner).unwrap(), serde_json::json!(owner.as_str()));
    }
    for state in ActivityState::ALL {
        assert_eq!(state.as_str().parse::<ActivityState>(), Ok(*state));
        assert_eq!(serde_json::to_value(state).unwrap(), serde_json::json!(state.as_str()));
    }
    assert_eq!("evaluation_1".parse::<ActivityKind>(), Err(UnknownName));
    assert_eq!(
        serde_json::to_value(HistoryError::RecoveryBeforeFirstSickDay).unwrap(),
        serde_json::json!("recovery_before_first_sick_day")
    );
    let h = history(&[("2026-01-05", Some("2026-01-19")), ("2026-02-15", None)]);
    let json = serde_json::to_value(&h).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"spells": [
            {"first_day": "2026-01-05", "recovered_on": "2026-01-19"},
            {"first_day": "2026-02-15"},
        ]})
    );
    assert_eq!(serde_json::from_value::<CaseHistory>(json).unwrap(), h);
}

// --- invariants -----------------------------------------------------------------

/// A valid history: 1–4 spells of 0–200 sick days, less than 28 days apart, starting
/// any day in 2000–2099; the last one still open or recovered.
fn valid_history() -> impl Strategy<Value = CaseHistory> {
    history_of(1..5)
}

/// A valid history with a number of spells in `spells`.
fn history_of(spells: std::ops::Range<usize>) -> impl Strategy<Value = CaseHistory> {
    (0u64..36_500, proptest::collection::vec((0u64..200, 0u64..28), spells), any::<bool>()).prop_map(
        |(start, spells, last_recovered)| {
            let mut day = d("2000-01-01") + Days::new(start);
            let count = spells.len();
            let spells = spells
                .into_iter()
                .enumerate()
                .map(|(i, (len, gap))| {
                    let first_day = day;
                    let recovered_on = (i + 1 < count || last_recovered).then(|| first_day + Days::new(len));
                    day = first_day + Days::new(len + gap);
                    SickSpell { first_day, recovered_on }
                })
                .collect();
            CaseHistory { spells, out_of_employment_on: None }
        },
    )
}

/// Any history at all, valid or not: spells in any order, overlapping, unrecovered.
fn any_history() -> impl Strategy<Value = CaseHistory> {
    proptest::collection::vec((0u64..2000, proptest::option::of(0u64..2000)), 0..5).prop_map(|spells| {
        let base = d("2026-01-01");
        CaseHistory {
            spells: spells
                .into_iter()
                .map(|(f, r)| SickSpell {
                    first_day: base + Days::new(f),
                    recovered_on: r.map(|r| base + Days::new(r)),
                })
                .collect(),
            out_of_employment_on: None,
        }
    })
}

/// A history with a relapse, and a number of days (0–27) by which the gap before its
/// last spell can grow while staying under 28.
fn relapse_and_room() -> impl Strategy<Value = (CaseHistory, u64)> {
    history_of(2..5).prop_flat_map(|h| {
        let n = h.spells.len();
        let gap = (h.spells[n - 1].first_day - h.spells[n - 2].recovered_on.unwrap()).num_days();
        let room = u64::try_from(RELAPSE_DAYS - 1 - gap).unwrap();
        (Just(h), 0..=room)
    })
}

/// Sick days before the last spell.
fn days_before_last(h: &CaseHistory) -> u32 {
    let (_, earlier) = h.spells.split_last().unwrap();
    earlier.iter().map(|s| u32::try_from((s.recovered_on.unwrap() - s.first_day).num_days()).unwrap()).sum()
}

proptest! {
    /// The plan is in due order, activities due on one day in the kinds' order;
    /// evaluations come in their numbers' order; keys are unique; and computing it
    /// twice gives the same plan.
    #[test]
    fn plan_is_ordered_unique_and_deterministic(h in valid_history()) {
        prop_assert_eq!(check_history(&h), Ok(()));
        let plan = plan(&h);
        prop_assert_eq!(plan.len(), 27);
        for pair in plan.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            prop_assert!(a.due_on <= b.due_on, "{} after {}", a.key, b.key);
            prop_assert!(a.due_on < b.due_on || a.kind <= b.kind, "{} and {} on one day", a.key, b.key);
            prop_assert!(a.window_from.is_none_or(|w| w <= a.due_on));
        }
        let numbers: Vec<u32> = plan
            .iter()
            .filter_map(|a| a.key.strip_prefix("evaluation_").map(|n| n.parse().unwrap()))
            .collect();
        prop_assert_eq!(numbers, (1..=15).collect::<Vec<u32>>());
        let keys: HashSet<&str> = plan.iter().map(|a| a.key.as_str()).collect();
        prop_assert_eq!(keys.len(), plan.len());
        prop_assert_eq!(&plan, &super::plan(&h.clone()));
        let report = find(&plan, "uwv_report_42");
        prop_assert!(is_working_day(report.due_on));
        prop_assert!(!matches!(report.due_on.weekday(), Weekday::Sat | Weekday::Sun));
    }

    /// Widening the gap before the last spell by g days (staying under 28) moves every
    /// date from the last spell on by exactly g, and nothing before it. The UWV report
    /// moves with the day it counts from and then to the working day from there.
    #[test]
    fn a_wider_gap_shifts_what_follows_by_exactly_its_length((h, g) in relapse_and_room()) {
        let n = h.spells.len();
        let mut later = h.clone();
        let last = &mut later.spells[n - 1];
        last.first_day = last.first_day + Days::new(g);
        last.recovered_on = last.recovered_on.map(|r| r + Days::new(g));
        prop_assert_eq!(check_history(&later), Ok(()));

        let before = days_before_last(&h);
        let shift = |date: NaiveDate, day: u32| if day > before { date + Days::new(g) } else { date };
        let (old, new) = (plan(&h), plan(&later));
        for a in &old {
            let b = find(&new, &a.key);
            let expected = match a.kind {
                ActivityKind::UwvReport42 => {
                    first_working_day_from(shift(date_of_sick_day(&h, 295).unwrap(), 295)).unwrap()
                }
                _ => shift(a.due_on, a.sick_day),
            };
            prop_assert_eq!(b.due_on, expected, "{}", a.key);
            if let Some(from) = a.window_from {
                let day = match a.kind {
                    ActivityKind::FirstYearEvaluation => 316,
                    _ => 603,
                };
                prop_assert_eq!(b.window_from, Some(shift(from, day)), "window of {}", a.key);
            }
        }
    }

    /// The clock never stands still or runs back, whatever history it is given.
    #[test]
    fn date_of_sick_day_strictly_increases(h in any_history(), n in 0u32..800) {
        match (date_of_sick_day(&h, n), date_of_sick_day(&h, n + 1)) {
            (Some(a), Some(b)) => prop_assert!(a < b),
            (None, None) => prop_assert!(h.spells.is_empty()),
            other => prop_assert!(false, "{other:?}"),
        }
        // Nor does anything else panic on it.
        let _ = plan(&h);
        let _ = sick_days_until(&h, d("2027-01-01"));
    }

    /// Counting sick days up to a date and finding a sick day's date agree: on a sick
    /// day, sick day "days so far" is today; and every day counted lies on or before today.
    #[test]
    fn counting_and_dating_agree(h in valid_history(), offset in 0u64..1500) {
        let today = h.spells[0].first_day + Days::new(offset);
        let so_far = sick_days_until(&h, today);
        let sick_today = h.spells.iter().any(|s| s.first_day <= today && s.recovered_on.is_none_or(|r| today < r));
        if sick_today {
            prop_assert_eq!(date_of_sick_day(&h, so_far), Some(today));
        } else if so_far > 0 {
            prop_assert!(date_of_sick_day(&h, so_far).unwrap() < today);
        }
        // The next sick day is still to come, unless the case has ended and is projected.
        let ended = h.spells.last().unwrap().recovered_on.is_some_and(|r| r <= today);
        if !ended {
            prop_assert!(date_of_sick_day(&h, so_far + 1).unwrap() > today);
        }
    }

    /// Done always reads done; after full recovery nothing else is open or overdue; while
    /// sick, what is past due is overdue.
    #[test]
    fn done_stays_done_and_recovery_closes_the_rest(h in valid_history(), offset in 0u64..1500, done in any::<bool>()) {
        let today = h.spells[0].first_day + Days::new(offset);
        let recovered_on = h.spells.last().unwrap().recovered_on;
        for a in plan(&h) {
            let state = state_of(&h, &a, done, today);
            if done {
                prop_assert_eq!(state, ActivityState::Done);
            } else if recovered_on.is_some_and(|r| r <= today || a.due_on >= r) {
                prop_assert_eq!(state, ActivityState::Closed);
            } else {
                prop_assert_ne!(state, ActivityState::Closed);
                prop_assert_eq!(state == ActivityState::Overdue, a.due_on < today && a.owner != Owner::Nobody);
            }
        }
    }
}
