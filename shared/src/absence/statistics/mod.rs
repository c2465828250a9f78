//! Absence statistics by the Dutch standard (CBS/SZW 1996, as Vernet uses it; see
//! `DOMAIN.md`, "Absence statistics"): absence rate, report frequency, average duration,
//! zero-absence percentage and cases per duration class, for a period and the employees
//! in a scope.
//!
//! Everything is a pure function of the input and the period; nothing reads the clock.
//! The work is done in two steps the server can split: each employee's records add to
//! [`Sums`] ([`contributions`] holds the per-record parts, which the SQL aggregation
//! mirrors), and [`Statistics::from_sums`] turns sums into figures, whichever side
//! added them up.
//!
//! Conventions:
//! - Only days inside the period count, and only days the person is employed in scope:
//!   a sick day outside employment is neither a sick day nor an employed day.
//! - A case's `recovered_on` is its first day no longer sick (see [`SickCase`]).
//! - A sick report belongs to the period its first sick day lies in (if employed that
//!   day); a case that began before the period and runs into it is not a report in the
//!   period, for the report frequency as for the zero-absence percentage.
//! - A case ends on its last sick day (the day before `recovered_on`): the average
//!   duration and the duration classes take the cases whose last sick day lies in the
//!   period (if employed that day). Durations are calendar days from the first sick day,
//!   even one before the period or before the employment in scope began.
//! - Annualising: the report frequency divides by the years the period spans, each day
//!   counting as one day of its own calendar year ([`Period::years`]); a whole calendar
//!   year is 1, a month is its days ÷ 365 (÷ 366 in a leap year).
//! - Pregnancy and maternity leave (zwangerschaps- en bevallingsverlof) is absence but not
//!   sickness: it counts in the absence rate "with pregnancy" only (without: its days
//!   leave the numerator; the denominator stays). It is no sick report, so the report
//!   frequency, zero absence, average duration and duration classes leave it out.

pub mod classes;
pub mod contributions;
pub mod figures;
pub mod input;
pub mod period;
pub mod report;
pub mod stages;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use classes::{
    ClassesError, DEFAULT_DURATION_CLASSES, DurationClass, DurationClassCount, DurationCounts,
    MAX_CLASS_DAYS, MAX_DURATION_CLASSES, classes_from_upper_bounds, duration_class, empty_class_counts,
    longest_class_days, upper_bounds_text,
};
pub use figures::{
    AbsenceRate, AverageDuration, ReportFrequency, ZeroAbsence, duration_from_sums, frequency_from_sums,
    rate_from_sums, zero_absence_from_counts,
};
pub use input::{EmployeeAbsence, Employment, SickCase};
pub use period::{Period, days_in_year};
pub use report::{
    CurrentState, EmployeeStatistics, MonthlyRate, Mutation, MutationKind, StatisticsOrganisation,
    StatisticsReport, StatisticsScope,
};
pub use stages::{PoortwachterStage, StageCount, count_by_stage};

use contributions::{
    employed_day_weight, employed_days, ended_in, reported_in, running_at_end, sick_day_weight,
};

/// What the figures are computed from, added up over the employees in scope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Sums {
    /// Σ sick days in the period × part-time factor × incapacity ÷ 100, all cases.
    pub weighted_sick_days: f64,
    /// The part of `weighted_sick_days` from pregnancy-related cases.
    pub weighted_pregnancy_sick_days: f64,
    /// Σ employed days in the period × part-time factor.
    pub weighted_employed_days: f64,
    /// Σ employed days in the period (person-days, not weighted).
    pub employed_person_days: u64,
    /// Employees employed on at least one day of the period.
    pub employees: u32,
    /// Of those, employees with at least one sick report made in the period.
    pub employees_with_report: u32,
    /// Sick reports made in the period.
    pub reports: u32,
    /// Cases that ended in the period.
    pub ended_cases: u32,
    /// Σ their durations, in days.
    pub ended_case_days: u64,
    /// Cases ended in and running at the end of the period, per duration class.
    pub duration_classes: Vec<DurationClassCount>,
    /// Cases whose duration fits none of the classes.
    pub outside_classes: DurationCounts,
}

impl Sums {
    /// Nothing yet, with zero counts for `classes`.
    pub fn new(classes: &[DurationClass]) -> Self {
        Self {
            weighted_sick_days: 0.0,
            weighted_pregnancy_sick_days: 0.0,
            weighted_employed_days: 0.0,
            employed_person_days: 0,
            employees: 0,
            employees_with_report: 0,
            reports: 0,
            ended_cases: 0,
            ended_case_days: 0,
            duration_classes: empty_class_counts(classes),
            outside_classes: DurationCounts::default(),
        }
    }

    /// What one employee adds. An employee not employed on any day of the period adds
    /// nothing, whatever their cases.
    pub fn of_employee(employee: &EmployeeAbsence, period: &Period, classes: &[DurationClass]) -> Self {
        let mut sums = Self::new(classes);
        let person_days: u64 = employee.employments.iter().map(|e| u64::from(employed_days(e, period))).sum();
        if person_days == 0 {
            return sums;
        }
        sums.employees = 1;
        sums.employed_person_days = person_days;
        sums.weighted_employed_days =
            employee.employments.iter().map(|e| employed_day_weight(e, period)).sum();
        for case in &employee.cases {
            let weight: f64 = employee.employments.iter().map(|e| sick_day_weight(case, e, period)).sum();
            sums.weighted_sick_days += weight;
            if case.pregnancy_related {
                sums.weighted_pregnancy_sick_days += weight;
                continue;
            }
            if reported_in(case, employee, period) {
                sums.reports += 1;
            }
            if let Some(days) = ended_in(case, employee, period) {
                sums.ended_cases += 1;
                sums.ended_case_days += u64::from(days);
                sums.count_duration(days, DurationCounts { ended: 1, running: 0 });
            }
            if let Some(days) = running_at_end(case, employee, period) {
                sums.count_duration(days, DurationCounts { ended: 0, running: 1 });
            }
        }
        sums.employees_with_report = u32::from(sums.reports > 0);
        sums
    }

    /// Counts a case of `days` in its class, or outside the classes.
    fn count_duration(&mut self, days: u32, counts: DurationCounts) {
        match self.duration_classes.iter_mut().find(|c| c.class.contains(days)) {
            Some(class) => class.cases.add(counts),
            None => self.outside_classes.add(counts),
        }
    }

    /// Adds `other` to these sums. The duration classes are added by position; classes
    /// `other` has beyond these are taken over.
    pub fn add(&mut self, other: &Sums) {
        self.weighted_sick_days += other.weighted_sick_days;
        self.weighted_pregnancy_sick_days += other.weighted_pregnancy_sick_days;
        self.weighted_employed_days += other.weighted_employed_days;
        self.employed_person_days += other.employed_person_days;
        self.employees += other.employees;
        self.employees_with_report += other.employees_with_report;
        self.reports += other.reports;
        self.ended_cases += other.ended_cases;
        self.ended_case_days += other.ended_case_days;
        for (i, theirs) in other.duration_classes.iter().enumerate() {
            match self.duration_classes.get_mut(i) {
                Some(ours) => ours.cases.add(theirs.cases),
                None => self.duration_classes.push(*theirs),
            }
        }
        self.outside_classes.add(other.outside_classes);
    }
}

/// The statistics for a period and scope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Statistics {
    /// The period.
    pub period: Period,
    /// Absence rate, all cases.
    pub absence_rate: AbsenceRate,
    /// Absence rate without pregnancy and childbirth.
    pub absence_rate_without_pregnancy: AbsenceRate,
    /// Sick reports per employee per year.
    pub report_frequency: ReportFrequency,
    /// Average duration of the cases that ended in the period.
    pub average_duration: AverageDuration,
    /// Employees without a sick report in the period.
    pub zero_absence: ZeroAbsence,
    /// Cases per duration class.
    pub duration_classes: Vec<DurationClassCount>,
    /// Cases whose duration fits none of the classes (with the default classes: longer
    /// than 730 days).
    pub outside_classes: DurationCounts,
}

impl Statistics {
    /// The figures from their sums, however these were added up.
    pub fn from_sums(period: Period, sums: &Sums) -> Self {
        Self {
            period,
            absence_rate: rate_from_sums(sums.weighted_sick_days, sums.weighted_employed_days),
            absence_rate_without_pregnancy: rate_from_sums(
                sums.weighted_sick_days - sums.weighted_pregnancy_sick_days,
                sums.weighted_employed_days,
            ),
            report_frequency: frequency_from_sums(sums.reports, sums.employed_person_days, &period),
            average_duration: duration_from_sums(sums.ended_case_days, sums.ended_cases),
            zero_absence: zero_absence_from_counts(
                sums.employees.saturating_sub(sums.employees_with_report),
                sums.employees,
            ),
            duration_classes: sums.duration_classes.clone(),
            outside_classes: sums.outside_classes,
        }
    }
}

/// The statistics for `employees` over `period`, with cases counted in `classes`
/// (usually [`DEFAULT_DURATION_CLASSES`]).
pub fn statistics(employees: &[EmployeeAbsence], period: Period, classes: &[DurationClass]) -> Statistics {
    let mut sums = Sums::new(classes);
    for employee in employees {
        sums.add(&Sums::of_employee(employee, &period, classes));
    }
    Statistics::from_sums(period, &sums)
}
