//! Payslips, annual statements, accruals and payments (seed 002 "Loonstroken",
//! "Jaaropgaven", "Reserveringen", "Betalingen"): pushed by a payroll system through the
//! API (scope `payroll:write`) or uploaded by the employer, read by the employee.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A payslip or an annual statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PayslipKind {
    /// Loonstrook for a month or four-week period.
    Payslip,
    /// Jaaropgave.
    AnnualStatement,
}

impl PayslipKind {
    /// The stored snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Payslip => "payslip",
            Self::AnnualStatement => "annual_statement",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Payslip, Self::AnnualStatement].into_iter().find(|k| k.as_str() == s)
    }
}

/// How a payroll divides the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PayPeriodKind {
    /// Twelve months.
    Month,
    /// Thirteen four-week periods.
    FourWeeks,
    /// The whole year (annual statements).
    Year,
}

impl PayPeriodKind {
    /// The stored snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Month => "month",
            Self::FourWeeks => "four_weeks",
            Self::Year => "year",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Month, Self::FourWeeks, Self::Year].into_iter().find(|k| k.as_str() == s)
    }

    /// The highest period number in a year (0 for a whole year).
    pub fn periods(self) -> u32 {
        match self {
            Self::Month => 12,
            Self::FourWeeks => 13,
            Self::Year => 0,
        }
    }
}

/// Whether `period` fits the period kind (1–12 for months, 1–13 for four weeks, 0 for a year).
pub fn valid_period(kind: PayPeriodKind, period: u32) -> bool {
    match kind {
        PayPeriodKind::Year => period == 0,
        k => (1..=k.periods()).contains(&period),
    }
}

/// The period as people name it: `2026-10` for October, `2026 periode 7`, `2026`.
pub fn period_label(kind: PayPeriodKind, year: i32, period: u32) -> String {
    match kind {
        PayPeriodKind::Month => format!("{year}-{period:02}"),
        PayPeriodKind::FourWeeks => format!("{year} P{period:02}"),
        PayPeriodKind::Year => format!("{year}"),
    }
}

/// A payslip or annual statement as the employee and employer see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Payslip {
    /// Id.
    pub id: Uuid,
    /// The employee.
    pub user_id: Uuid,
    /// Their name.
    pub person_name: String,
    /// Payslip or annual statement.
    pub kind: PayslipKind,
    /// Year.
    pub year: i32,
    /// How the year is divided.
    pub period_kind: PayPeriodKind,
    /// Period number (0 for a year).
    pub period: u32,
    /// `2026-10`, `2026 P07`, `2026`.
    pub period_label: String,
    /// Pay date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pay_date: Option<NaiveDate>,
    /// Gross wage in cents.
    pub gross_cents: i64,
    /// Net pay in cents.
    pub net_cents: i64,
    /// Wage tax withheld in cents.
    pub tax_cents: i64,
    /// The PDF (a personal document of kind payslip / annual statement).
    pub document_id: Uuid,
    /// When it arrived.
    pub created_at: DateTime<Utc>,
    /// When the employee first opened it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_at: Option<DateTime<Utc>>,
}

/// Body of `POST /api/v1/payroll/payslips` (integration, scope `payroll:write`). Idempotent:
/// the same `external_id` again answers the stored payslip (200) instead of a second one.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PayslipPush {
    /// The payroll system's own id for this payslip.
    pub external_id: String,
    /// The employee's personeelsnummer.
    pub personnel_number: String,
    /// Payslip or annual statement.
    pub kind: PayslipKind,
    /// Year.
    pub year: i32,
    /// How the year is divided.
    pub period_kind: PayPeriodKind,
    /// Period number (0 for a year).
    pub period: u32,
    /// Pay date.
    #[serde(default)]
    pub pay_date: Option<NaiveDate>,
    /// Gross in cents.
    pub gross_cents: i64,
    /// Net in cents.
    pub net_cents: i64,
    /// Wage tax in cents.
    pub tax_cents: i64,
    /// The PDF, base64 (standard alphabet, padded); at most 5 MB decoded, must be a PDF.
    pub pdf_base64: String,
}

impl std::fmt::Debug for PayslipPush {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Amounts and the PDF are personal; logs get the ids only.
        f.debug_struct("PayslipPush")
            .field("external_id", &self.external_id)
            .field("kind", &self.kind)
            .field("year", &self.year)
            .field("period", &self.period)
            .finish_non_exhaustive()
    }
}

/// Kind of accrual (reservering).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AccrualKind {
    /// Vakantie-uren (balance in minutes).
    VacationHours,
    /// Vakantiegeld (balance in cents).
    HolidayPay,
    /// ADV / ATV-uren (minutes).
    ReducedHours,
    /// Tijd-voor-tijd (minutes).
    TimeForTime,
    /// Other money reserves, e.g. a 13th month (cents).
    OtherMoney,
}

impl AccrualKind {
    /// Every kind.
    pub const ALL: [Self; 5] =
        [Self::VacationHours, Self::HolidayPay, Self::ReducedHours, Self::TimeForTime, Self::OtherMoney];

    /// The stored snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::VacationHours => "vacation_hours",
            Self::HolidayPay => "holiday_pay",
            Self::ReducedHours => "reduced_hours",
            Self::TimeForTime => "time_for_time",
            Self::OtherMoney => "other_money",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether balances are money (cents) rather than time (minutes).
    pub fn is_money(self) -> bool {
        matches!(self, Self::HolidayPay | Self::OtherMoney)
    }
}

/// An accrual balance on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Accrual {
    /// Id.
    pub id: Uuid,
    /// The employee.
    pub user_id: Uuid,
    /// Kind.
    pub kind: AccrualKind,
    /// Label as the payroll names it.
    pub label: String,
    /// The day the balance is at.
    pub as_of: NaiveDate,
    /// Built up this year (minutes or cents, see the kind).
    pub built_up: i64,
    /// Taken or paid out this year.
    pub taken: i64,
    /// Balance.
    pub balance: i64,
}

/// Body of `POST /api/v1/payroll/accruals` (scope `payroll:write`); idempotent by
/// `external_id`. `balance` must equal a previous balance plus `built_up − taken` is not
/// enforced: payroll is the source of truth.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AccrualPush {
    /// The payroll system's id.
    pub external_id: String,
    /// Personeelsnummer.
    pub personnel_number: String,
    /// Kind.
    pub kind: AccrualKind,
    /// Label, e.g. "Vakantie-uren 2026".
    pub label: String,
    /// The day.
    pub as_of: NaiveDate,
    /// Built up this year.
    pub built_up: i64,
    /// Taken this year.
    pub taken: i64,
    /// Balance.
    pub balance: i64,
}

/// A payment made to the employee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Payment {
    /// Id.
    pub id: Uuid,
    /// The employee.
    pub user_id: Uuid,
    /// Paid on.
    pub paid_on: NaiveDate,
    /// Amount in cents.
    pub amount_cents: i64,
    /// What it is ("Salaris oktober", "Vakantiegeld").
    pub description: String,
    /// The IBAN's last four characters it went to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iban_tail: Option<String>,
}

/// Body of `POST /api/v1/payroll/payments` (scope `payroll:write`); idempotent by `external_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PaymentPush {
    /// The payroll system's id.
    pub external_id: String,
    /// Personeelsnummer.
    pub personnel_number: String,
    /// Paid on.
    pub paid_on: NaiveDate,
    /// Amount in cents (negative for a correction).
    pub amount_cents: i64,
    /// Description, 1–200 characters.
    pub description: String,
    /// Last four characters of the account paid to.
    #[serde(default)]
    pub iban_tail: Option<String>,
}

/// Euro cents as Dutch text: `€ 1.234,56`, `-€ 12,00`.
pub fn format_euros(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let (euros, rest) = (abs / 100, abs % 100);
    let digits = euros.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(ch);
    }
    format!("{sign}€ {grouped},{rest:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_and_labels() {
        assert!(valid_period(PayPeriodKind::Month, 12));
        assert!(!valid_period(PayPeriodKind::Month, 13));
        assert!(valid_period(PayPeriodKind::FourWeeks, 13));
        assert!(!valid_period(PayPeriodKind::FourWeeks, 0));
        assert!(valid_period(PayPeriodKind::Year, 0));
        assert_eq!(period_label(PayPeriodKind::Month, 2026, 3), "2026-03");
        assert_eq!(period_label(PayPeriodKind::FourWeeks, 2026, 7), "2026 P07");
    }

    #[test]
    fn euros_in_dutch_notation() {
        assert_eq!(format_euros(123456), "€ 1.234,56");
        assert_eq!(format_euros(5), "€ 0,05");
        assert_eq!(format_euros(-1200), "-€ 12,00");
        assert_eq!(format_euros(100_000_000), "€ 1.000.000,00");
    }
}
