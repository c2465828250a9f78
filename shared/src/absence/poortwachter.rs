//! The poortwachter engine: for an absence case's history (first sick day, recoveries,
//! relapses, the end of employment) every activity the Wet verbetering poortwachter asks
//! for, with its due date, owner and state.
//!
//! Everything here is a pure function of the history and, where a state depends on it,
//! of `today`, passed in. Dates are calendar days in the Netherlands (`NaiveDate`): a due
//! date is a day, not an instant, so daylight-saving changes cannot move it.
//!
//! The clock counts sick days, not calendar days: "week N" ends on sick day 7·N, day 1
//! being the first sick day. A relapse less than 28 days after recovery continues the
//! same case (samentelling, art. 7:629 lid 10 BW), so the days in between do not count
//! and every later due date moves by the length of the gap. A partial recovery does not
//! stop the clock at all. See `DOMAIN.md`, "Absence (verzuim)".
//!
//! The engine never panics, whatever history it is given; [`check_history`] and the
//! other checks say what is wrong with a history before it is stored.

mod activities;
mod calendar;
mod clock;
mod history;

#[cfg(test)]
mod tests;

use std::{fmt, str::FromStr};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use activities::{EVALUATION_INTERVAL_WEEKS, plan, state_of};
pub use calendar::{easter_sunday, first_working_day_from, is_public_holiday, is_working_day};
pub use clock::{
    RELAPSE_DAYS, WAGE_CONTINUATION_DAYS, continues_case, date_of_sick_day, sick_days_until, week_of,
};
pub use history::{HistoryError, check_history, check_recovery, check_relapse, incapacity_on};

/// One uninterrupted sick period of a case. `recovered_on` is the first day back at work
/// fully (exclusive end): a spell from 5 to 19 January has 14 sick days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SickSpell {
    /// The first sick day (day 1 of the spell).
    pub first_day: NaiveDate,
    /// The first day back at work fully; absent while the spell lasts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovered_on: Option<NaiveDate>,
}

/// A case's history: spells in order (relapses within 28 days are extra spells of the
/// same case), and the date employment ended during the case (ziek uit dienst), if it did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseHistory {
    /// The sick spells, oldest first.
    pub spells: Vec<SickSpell>,
    /// The last day of employment, when it ended during the case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out_of_employment_on: Option<NaiveDate>,
}

/// Why a stored name is not one of an enum's names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName;

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("is not a known name")
    }
}

impl std::error::Error for UnknownName {}

/// Stored names, `as_str` and `FromStr` for a fieldless enum, from one list.
macro_rules! named {
    ($ty:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in declaration order.
            pub const ALL: &'static [$ty] = &[$(Self::$variant),+];

            /// The stored name (the same as in JSON).
            pub fn as_str(&self) -> &'static str {
                match self {
                    $(Self::$variant => $name),+
                }
            }
        }

        impl FromStr for $ty {
            type Err = UnknownName;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::ALL.iter().copied().find(|x| x.as_str() == s).ok_or(UnknownName)
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// What the law asks for at a point of the case. Declared in the order each first comes
/// up in a case, which is also how activities due on the same day are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// Ziekmelding: the employee reports sick to the employer, on the first sick day.
    SickReport,
    /// The employer reports the case to the arbodienst or physician, within a week.
    ReportToArbodienst,
    /// Probleemanalyse by the occupational physician, in week 6.
    ProblemAnalysis,
    /// Plan van aanpak by employer and employee, in week 8; a case manager is appointed.
    PlanOfAction,
    /// Evaluation and adjustment of the plan of action, at least every six weeks.
    Evaluation,
    /// 42e-weeksmelding: the employer reports the case to UWV.
    // snake_case alone would give `uwv_report42`.
    #[serde(rename = "uwv_report_42")]
    UwvReport42,
    /// Eerstejaarsevaluatie, weeks 46–52.
    FirstYearEvaluation,
    /// UWV's letter about the WIA application, week 88 (track that it came).
    #[serde(rename = "uwv_letter_88")]
    UwvLetter88,
    /// Actueel oordeel by the physician, weeks 87–91.
    CurrentAssessment,
    /// Eindevaluatie by the employer, weeks 87–91.
    FinalEvaluation,
    /// The employee has copies of the re-integration report (RIV), by week 91.
    RivCopies,
    /// The WIA application, by week 93.
    WiaApplication,
    /// Wage continuation ends after week 104 (a milestone, nobody's task).
    EndOfWageContinuation,
}

named!(ActivityKind {
    SickReport => "sick_report",
    ReportToArbodienst => "report_to_arbodienst",
    ProblemAnalysis => "problem_analysis",
    PlanOfAction => "plan_of_action",
    Evaluation => "evaluation",
    UwvReport42 => "uwv_report_42",
    FirstYearEvaluation => "first_year_evaluation",
    UwvLetter88 => "uwv_letter_88",
    CurrentAssessment => "current_assessment",
    FinalEvaluation => "final_evaluation",
    RivCopies => "riv_copies",
    WiaApplication => "wia_application",
    EndOfWageContinuation => "end_of_wage_continuation",
});

impl ActivityKind {
    /// Who must do it.
    ///
    /// Evaluations are the employer's and employee's: the law puts the duty to evaluate
    /// the plan of action on them, with the physician advising; and an employer-side
    /// owner lets them end with employment like the rest of the employer's duties.
    /// The WIA application is the employee's: they apply even when ziek uit dienst
    /// (the employer's part, the RIV, is `riv_copies`).
    pub fn owner(self) -> Owner {
        match self {
            Self::SickReport | Self::WiaApplication => Owner::Employee,
            Self::ReportToArbodienst | Self::UwvReport42 | Self::FinalEvaluation | Self::RivCopies => {
                Owner::Employer
            }
            Self::PlanOfAction | Self::Evaluation | Self::FirstYearEvaluation => Owner::EmployerAndEmployee,
            Self::ProblemAnalysis | Self::CurrentAssessment => Owner::Physician,
            Self::UwvLetter88 => Owner::Uwv,
            Self::EndOfWageContinuation => Owner::Nobody,
        }
    }
}

/// Who must do an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Owner {
    /// The sick employee.
    Employee,
    /// The employer.
    Employer,
    /// Employer and employee together.
    EmployerAndEmployee,
    /// The occupational physician (bedrijfsarts).
    Physician,
    /// The physician with the employer.
    PhysicianAndEmployer,
    /// The arbodienst's case manager.
    CaseManager,
    /// UWV.
    Uwv,
    /// Nobody: a milestone.
    Nobody,
}

named!(Owner {
    Employee => "employee",
    Employer => "employer",
    EmployerAndEmployee => "employer_and_employee",
    Physician => "physician",
    PhysicianAndEmployer => "physician_and_employer",
    CaseManager => "case_manager",
    Uwv => "uwv",
    Nobody => "nobody",
});

impl Owner {
    /// Whether the duty ends when employment ends during the case (ziek uit dienst).
    /// Then UWV takes over re-integration under the Ziektewet, with its own physician,
    /// so the employer's duties end, and so do those of the physician and case manager
    /// the employer engaged, and wage continuation. The employee's own duties (the WIA
    /// application) and UWV's stay.
    pub fn ends_with_employment(self) -> bool {
        !matches!(self, Self::Employee | Self::Uwv)
    }
}

/// One activity the law asks for in this case, planned on the case's clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlannedActivity {
    /// Stable identity across recomputation: `sick_report`, `problem_analysis`,
    /// `evaluation_1`, `evaluation_2`, … (the kind's name, numbered for evaluations).
    pub key: String,
    /// What it is.
    pub kind: ActivityKind,
    /// Who must do it.
    pub owner: Owner,
    /// The sick-day number it is due on (day 1 = first sick day).
    pub sick_day: u32,
    /// For windows (weeks 46–52, weeks 87–91): the first date it may be done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_from: Option<NaiveDate>,
    /// The date it is due; projected as if the current or last spell continued.
    pub due_on: NaiveDate,
}

/// Where an activity stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActivityState {
    /// Done (its record is kept whatever happens to the case later).
    Done,
    /// Still to do, not yet due.
    Open,
    /// Still to do, and its due date has passed.
    Overdue,
    /// No longer asked for: the employee recovered, or employment ended before it fell due.
    Closed,
}

named!(ActivityState {
    Done => "done",
    Open => "open",
    Overdue => "overdue",
    Closed => "closed",
});
