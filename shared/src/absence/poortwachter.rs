//! TEMPORARY stand-in for the poortwachter engine (branch absence-engine replaces this file).
#![allow(missing_docs)]

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SickSpell {
    pub first_day: NaiveDate,
    pub recovered_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CaseHistory {
    pub spells: Vec<SickSpell>,
    pub out_of_employment_on: Option<NaiveDate>,
}

macro_rules! str_enum {
    ($name:ident { $($v:ident => $s:literal),* $(,)? }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($v),* }
        impl $name {
            pub fn as_str(&self) -> &'static str { match self { $(Self::$v => $s),* } }
        }
        impl std::str::FromStr for $name {
            type Err = ();
            fn from_str(s: &str) -> Result<Self, ()> { match s { $($s => Ok(Self::$v),)* _ => Err(()) } }
        }
    };
}

str_enum!(ActivityKind {
    SickReport => "sick_report", ReportToArbodienst => "report_to_arbodienst", ProblemAnalysis => "problem_analysis",
    PlanOfAction => "plan_of_action", Evaluation => "evaluation", UwvReport42 => "uwv_report_42",
    FirstYearEvaluation => "first_year_evaluation", UwvLetter88 => "uwv_letter_88", CurrentAssessment => "current_assessment",
    FinalEvaluation => "final_evaluation", RivCopies => "riv_copies", WiaApplication => "wia_application",
    EndOfWageContinuation => "end_of_wage_continuation",
});
str_enum!(Owner {
    Employee => "employee", Employer => "employer", EmployerAndEmployee => "employer_and_employee",
    Physician => "physician", PhysicianAndEmployer => "physician_and_employer", CaseManager => "case_manager",
    Uwv => "uwv", Nobody => "nobody",
});
str_enum!(ActivityState { Done => "done", Open => "open", Overdue => "overdue", Closed => "closed" });

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedActivity {
    pub key: String,
    pub kind: ActivityKind,
    pub owner: Owner,
    pub sick_day: u32,
    pub window_from: Option<NaiveDate>,
    pub due_on: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryError {
    RecoveryBeforeFirstSickDay,
    PercentOutOfRange,
    NotAfterPreviousStep,
    CaseClosed,
}

pub fn continues_case(recovered_on: NaiveDate, new_first_day: NaiveDate) -> bool {
    (new_first_day - recovered_on).num_days() < 28
}

pub fn date_of_sick_day(history: &CaseHistory, n: u32) -> Option<NaiveDate> {
    let mut left = i64::from(n);
    let last = history.spells.len().checked_sub(1)?;
    for (i, s) in history.spells.iter().enumerate() {
        let len = match s.recovered_on {
            Some(r) if i != last => (r - s.first_day).num_days(),
            _ => i64::MAX,
        };
        if left <= len {
            return Some(s.first_day + Duration::days(left - 1));
        }
        left -= len;
    }
    None
}

pub fn sick_days_until(history: &CaseHistory, today: NaiveDate) -> u32 {
    history
        .spells
        .iter()
        .map(|s| {
            let end = s.recovered_on.unwrap_or(today + Duration::days(1)).min(today + Duration::days(1));
            (end - s.first_day).num_days().max(0) as u32
        })
        .sum()
}

fn working_day_after(d: NaiveDate) -> NaiveDate {
    let mut d = d + Duration::days(1);
    while matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
        d += Duration::days(1);
    }
    d
}

pub fn plan(history: &CaseHistory) -> Vec<PlannedActivity> {
    let mut out = Vec::new();
    let Some(_) = history.spells.first() else { return out };
    let at = |n: u32| date_of_sick_day(history, n).unwrap_or_default();
    let mut push = |key: String, kind, owner, day: u32, from: Option<u32>, due: Option<NaiveDate>| {
        out.push(PlannedActivity {
            key,
            kind,
            owner,
            sick_day: day,
            window_from: from.map(at),
            due_on: due.unwrap_or_else(|| at(day)),
        })
    };
    use ActivityKind as K;
    push("sick_report".into(), K::SickReport, Owner::Employee, 1, None, None);
    push("report_to_arbodienst".into(), K::ReportToArbodienst, Owner::Employer, 7, None, None);
    push("problem_analysis".into(), K::ProblemAnalysis, Owner::Physician, 42, None, None);
    push("plan_of_action".into(), K::PlanOfAction, Owner::EmployerAndEmployee, 56, None, None);
    let mut w = 14;
    let mut i = 1;
    while w < 104 {
        push(format!("evaluation_{i}"), K::Evaluation, Owner::EmployerAndEmployee, w * 7, None, None);
        w += 6;
        i += 1;
    }
    push(
        "uwv_report_42".into(),
        K::UwvReport42,
        Owner::Employer,
        294,
        None,
        Some(working_day_after(at(294))),
    );
    push(
        "first_year_evaluation".into(),
        K::FirstYearEvaluation,
        Owner::EmployerAndEmployee,
        364,
        Some(316),
        None,
    );
    push("uwv_letter_88".into(), K::UwvLetter88, Owner::Uwv, 616, None, None);
    push("current_assessment".into(), K::CurrentAssessment, Owner::Physician, 637, Some(603), None);
    push("final_evaluation".into(), K::FinalEvaluation, Owner::Employer, 637, Some(603), None);
    push("riv_copies".into(), K::RivCopies, Owner::Employer, 637, None, None);
    push("wia_application".into(), K::WiaApplication, Owner::EmployerAndEmployee, 651, None, None);
    push("end_of_wage_continuation".into(), K::EndOfWageContinuation, Owner::Nobody, 728, None, None);
    out.sort_by_key(|a| (a.due_on, a.sick_day));
    out
}

pub fn state_of(history: &CaseHistory, a: &PlannedActivity, done: bool, today: NaiveDate) -> ActivityState {
    if done {
        return ActivityState::Done;
    }
    if history.spells.last().is_some_and(|s| s.recovered_on.is_some()) {
        return ActivityState::Closed;
    }
    if let Some(out) = history.out_of_employment_on
        && a.due_on > out
        && matches!(a.owner, Owner::Employer | Owner::EmployerAndEmployee | Owner::CaseManager)
    {
        return ActivityState::Closed;
    }
    if a.due_on < today { ActivityState::Overdue } else { ActivityState::Open }
}

pub fn check_recovery(
    history: &CaseHistory,
    partial_steps: &[(NaiveDate, u8)],
    on: NaiveDate,
    percent: u8,
) -> Result<(), HistoryError> {
    let Some(last) = history.spells.last() else { return Err(HistoryError::CaseClosed) };
    if last.recovered_on.is_some() {
        return Err(HistoryError::CaseClosed);
    }
    if percent > 100 {
        return Err(HistoryError::PercentOutOfRange);
    }
    if on < last.first_day {
        return Err(HistoryError::RecoveryBeforeFirstSickDay);
    }
    if partial_steps.iter().any(|(d, _)| *d >= on && *d >= last.first_day) {
        return Err(HistoryError::NotAfterPreviousStep);
    }
    Ok(())
}
