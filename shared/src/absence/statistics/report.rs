//! What the statistics endpoints send (`/api/v1/absence/statistics…`): the figures with
//! the scope they cover, the absence rate per month for the chart, the per-employee
//! overview and the mutations. Only dates, days and counts: never anything medical.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Period, StageCount, Statistics};

/// Who the figures cover: an organisation, optionally narrowed to a department, a cost
/// centre and/or a team (all given must hold).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatisticsScope {
    /// The organisation (employer).
    pub organisation_id: Uuid,
    /// Its name.
    pub organisation_name: String,
    /// Only employees whose record has this department.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Only employees working under this cost centre.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_centre: Option<String>,
    /// Only members of this team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_id: Option<Uuid>,
}

/// An organisation whose statistics the caller may see
/// (`GET /api/v1/absence/statistics/organisations`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatisticsOrganisation {
    /// The organisation's id, for `organisation_id`.
    pub id: Uuid,
    /// Its name.
    pub name: String,
}

/// The absence rate over one month (clipped to the period asked for), and over the same
/// days a year earlier, for the chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthlyRate {
    /// The month's days inside the period.
    pub period: Period,
    /// Absence rate over those days, 0–100; absent when nobody was employed.
    pub percent: Option<f64>,
    /// The same days one year earlier (28 February for a 29th).
    pub previous_year: Period,
    /// Absence rate over those, 0–100.
    pub previous_year_percent: Option<f64>,
}

/// `GET /api/v1/absence/statistics`: the figures by the Dutch standard (CBS/SZW 1996)
/// for a period and scope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatisticsReport {
    /// Who is counted.
    pub scope: StatisticsScope,
    /// The figures, each with the sums it is computed from.
    pub statistics: Statistics,
    /// Absence rate per calendar month of the period, and a year earlier.
    pub monthly: Vec<MonthlyRate>,
    /// The cases open today, per poortwachter stage (every stage, in timeline order):
    /// where the scope's running cases stand now, whatever the period.
    pub open_cases: Vec<StageCount>,
    /// Set when the period reaches past today: the figures count the days up to and
    /// including this day only (days to come are not known yet), and
    /// `statistics.period` ends on it.
    pub counted_until: Option<NaiveDate>,
}

/// Where an employee's absence stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CurrentState {
    /// Not sick today.
    Fit,
    /// Sick today, partly recovered (incapacity below 100 %).
    PartlySick,
    /// Sick today.
    Sick,
}

/// One employee in the per-employee overview: their part of the figures over the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmployeeStatistics {
    /// The employee record.
    pub record_id: Uuid,
    /// The person (user) id.
    pub user_id: Uuid,
    /// Display name.
    pub name: String,
    /// Personnel number.
    pub personnel_number: String,
    /// Department, when recorded.
    pub department: Option<String>,
    /// Days employed in the period (in scope).
    pub employed_days: u32,
    /// Employed days × part-time factor.
    pub weighted_employed_days: f64,
    /// Calendar days sick in the period while employed.
    pub sick_days: u32,
    /// Sick days × part-time factor × incapacity ÷ 100.
    pub weighted_sick_days: f64,
    /// weighted sick days ÷ weighted employed days × 100.
    pub absence_percent: Option<f64>,
    /// Sick reports made in the period.
    pub reports: u32,
    /// Today's state.
    pub current_state: CurrentState,
}

/// The kind of a mutation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MutationKind {
    /// A sick report (also a relapse): `date` is the first sick day.
    SickReport,
    /// A partial recovery: `date` is the first day at the new percentage.
    PartialRecovery,
    /// Full recovery: `date` is the first day no longer sick.
    Recovery,
    /// Employment ended during the case (ziek uit dienst): `date` is the first day out.
    OutOfEmployment,
}

/// One sick or recovery report in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Mutation {
    /// The day it took effect.
    pub date: NaiveDate,
    /// What happened.
    pub kind: MutationKind,
    /// The case.
    pub case_id: Uuid,
    /// Its number.
    pub case_number: String,
    /// The employee.
    pub user_id: Uuid,
    /// Display name.
    pub name: String,
    /// Personnel number, when the person has an employee record.
    pub personnel_number: Option<String>,
    /// For a partial recovery: the percentage recovered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovered_percent: Option<u32>,
}
