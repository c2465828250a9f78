//! What the statistics are computed from: per employee in scope, their employment in
//! scope and their sick reports. Only dates, hours and percentages.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::absence::poortwachter::incapacity_on;
use crate::employees::EmploymentPeriodInput;
use crate::employees::employment::part_time_factor;

/// One employment period in scope (the organisation, department or team reported on).
/// Like [`EmploymentPeriodInput`]: `ends_on` is the last day employed, included. A
/// person's periods must not overlap (as [`crate::employees::employment::check_periods`]
/// ensures); overlapping days would be counted once for each period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Employment {
    /// First day employed (in scope).
    pub starts_on: NaiveDate,
    /// Last day employed (in scope), included; absent while it runs.
    #[serde(default)]
    pub ends_on: Option<NaiveDate>,
    /// Contract hours per week, in minutes.
    pub contract_minutes: i32,
    /// The full-time week for this job, in minutes.
    pub full_time_minutes: i32,
}

impl Employment {
    /// Contract hours ÷ full-time hours, at most 1 (see [`part_time_factor`]).
    pub fn part_time_factor(&self) -> f64 {
        part_time_factor(self.contract_minutes, self.full_time_minutes)
    }
}

impl From<&EmploymentPeriodInput> for Employment {
    fn from(p: &EmploymentPeriodInput) -> Self {
        Self {
            starts_on: p.starts_on,
            ends_on: p.ends_on,
            contract_minutes: p.contract_minutes,
            full_time_minutes: p.full_time_minutes,
        }
    }
}

/// One sick report: a single sick spell, from the first sick day to the recovery.
///
/// Conventions, the same as [`crate::absence::poortwachter::SickSpell`]:
/// - `recovered_on` is the first day no longer sick (exclusive end): the first day back
///   at work fully, or for a case closed because employment ended (ziek uit dienst) the
///   first day out of employment. Sick from 5 to 18 January is `first_sick_day` 5 January,
///   `recovered_on` 19 January: 14 sick days. The last sick day is the day before.
/// - A relapse is its own sick report here, as the CBS standard counts every report: the
///   poortwachter clock's adding up of spells less than 28 days apart does not apply.
/// - A report recovered on (or before) its first sick day has no sick day and counts in
///   no figure: it was withdrawn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SickCase {
    /// The first sick day.
    pub first_sick_day: NaiveDate,
    /// The first day no longer sick (excluded); absent while the case runs.
    #[serde(default)]
    pub recovered_on: Option<NaiveDate>,
    /// Partial recoveries as the case file records them: from a date, the percentage
    /// recovered (0–100). The incapacity on a day is 100 minus the latest step's
    /// percentage, 100 before any step (see [`incapacity_on`]).
    #[serde(default)]
    pub partial_recoveries: Vec<(NaiveDate, u8)>,
    /// Pregnancy or maternity leave (zwangerschaps- en bevallingsverlof) registered as
    /// absence: counted in the absence rate with pregnancy only, never as a sick report.
    #[serde(default)]
    pub pregnancy_related: bool,
}

impl SickCase {
    /// The sick days as an interval, both ends included: the first sick day and the last
    /// (absent while the case runs); `None` for a report without any sick day.
    pub fn sick_days(&self) -> Option<(NaiveDate, Option<NaiveDate>)> {
        match self.recovered_on {
            None => Some((self.first_sick_day, None)),
            Some(recovered_on) if recovered_on > self.first_sick_day => {
                Some((self.first_sick_day, recovered_on.pred_opt()))
            }
            Some(_) => None,
        }
    }

    /// The last sick day of a case that has ended.
    pub fn last_sick_day(&self) -> Option<NaiveDate> {
        self.sick_days().and_then(|(_, last)| last)
    }

    /// The incapacity on `day`, 0–100, from the partial recoveries (the case's sick days
    /// are not checked: ask [`SickCase::sick_days`] for those).
    pub fn incapacity_on(&self, day: NaiveDate) -> u8 {
        incapacity_on(&self.partial_recoveries, day)
    }
}

/// One employee in scope: their employment periods in scope and their sick reports.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmployeeAbsence {
    /// Employment periods in scope, not overlapping.
    pub employments: Vec<Employment>,
    /// Sick reports, in any order.
    pub cases: Vec<SickCase>,
}

impl EmployeeAbsence {
    /// The employment period covering `day`, if any.
    pub fn employment_on(&self, day: NaiveDate) -> Option<&Employment> {
        self.employments.iter().find(|e| e.starts_on <= day && e.ends_on.is_none_or(|end| day <= end))
    }
}
