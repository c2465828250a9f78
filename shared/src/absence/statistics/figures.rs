//! The figures, each with the numbers it is computed from, so a screen can show the
//! formula with them. Each is computed from sums (Rust's or the database's); a figure
//! whose denominator is zero has no value (`None`), never a division by zero.

use serde::{Deserialize, Serialize};

use super::period::Period;

/// Absence rate (verzuimpercentage) = weighted sick days ÷ weighted employed days × 100.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AbsenceRate {
    /// Numerator: Σ sick days in the period × part-time factor × incapacity ÷ 100.
    pub weighted_sick_days: f64,
    /// Denominator: Σ employed days in the period × part-time factor.
    pub weighted_employed_days: f64,
    /// The rate, 0–100.
    pub percent: Option<f64>,
}

/// Report frequency (meldingsfrequentie) = sick reports in the period ÷ average
/// headcount ÷ years the period spans: reports per employee per year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportFrequency {
    /// Numerator: sick reports whose first sick day lies in the period.
    pub reports: u32,
    /// Denominator: employed person-days ÷ days in the period (people, not weighted by
    /// part-time factor).
    pub average_headcount: f64,
    /// The period's length in years (see [`Period::years`]): a month of 2024 is
    /// its days ÷ 366, a whole year 1.
    pub years: f64,
    /// Reports per employee per year.
    pub per_year: Option<f64>,
}

/// Average duration (gemiddelde verzuimduur) = Σ durations of the cases that ended in the
/// period ÷ their number.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AverageDuration {
    /// Numerator: Σ calendar days from first sick day to recovery.
    pub total_days: u64,
    /// Denominator: cases whose last sick day lies in the period.
    pub cases: u32,
    /// The average, in days.
    pub days: Option<f64>,
}

/// Zero-absence percentage (nulverzuim) = employees without a sick report in the period
/// ÷ employees × 100.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ZeroAbsence {
    /// Numerator: employees without a sick report made in the period.
    pub without_report: u32,
    /// Denominator: employees employed on at least one day of the period.
    pub employees: u32,
    /// The percentage, 0–100.
    pub percent: Option<f64>,
}

/// `numerator ÷ denominator`, `None` for a denominator of zero (or less).
fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    (denominator > 0.0).then(|| numerator / denominator)
}

/// The absence rate from its sums: `weighted_sick_days ÷ weighted_employed_days × 100`.
pub fn rate_from_sums(weighted_sick_days: f64, weighted_employed_days: f64) -> AbsenceRate {
    AbsenceRate {
        weighted_sick_days,
        weighted_employed_days,
        percent: ratio(weighted_sick_days, weighted_employed_days).map(|r| r * 100.0),
    }
}

/// The report frequency from its sums: `reports ÷ (employed_person_days ÷ days in the
/// period) ÷ years in the period`.
pub fn frequency_from_sums(reports: u32, employed_person_days: u64, period: &Period) -> ReportFrequency {
    let average_headcount = ratio(employed_person_days as f64, f64::from(period.days())).unwrap_or(0.0);
    let years = period.years();
    ReportFrequency {
        reports,
        average_headcount,
        years,
        per_year: ratio(f64::from(reports), average_headcount * years),
    }
}

/// The average duration from its sums: `total_days ÷ cases`.
pub fn duration_from_sums(total_days: u64, cases: u32) -> AverageDuration {
    AverageDuration { total_days, cases, days: ratio(total_days as f64, f64::from(cases)) }
}

/// The zero-absence percentage from its counts: `without_report ÷ employees × 100`.
pub fn zero_absence_from_counts(without_report: u32, employees: u32) -> ZeroAbsence {
    ZeroAbsence {
        without_report,
        employees,
        percent: ratio(f64::from(without_report), f64::from(employees)).map(|r| r * 100.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zero_denominator_gives_no_value() {
        assert_eq!(rate_from_sums(0.0, 0.0).percent, None);
        assert_eq!(rate_from_sums(3.0, 60.0).percent, Some(5.0));
        let february = Period::month(2024, 2).unwrap();
        assert_eq!(frequency_from_sums(0, 0, &february).per_year, None);
        assert_eq!(duration_from_sums(0, 0).days, None);
        assert_eq!(duration_from_sums(30, 4).days, Some(7.5));
        assert_eq!(zero_absence_from_counts(0, 0).percent, None);
        assert_eq!(zero_absence_from_counts(3, 4).percent, Some(75.0));
    }
}
