//! What the employee-record endpoints take and give.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::changes::{ChangeField, ChangeRequestStatus};

/// A postal address (NAW).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PostalAddress {
    /// Street.
    pub street: String,
    /// House number with addition, e.g. `12a`.
    pub house_number: String,
    /// Postcode; Dutch ones are normalised to `1234 AB`.
    pub postcode: String,
    /// City.
    pub city: String,
    /// ISO country code, `NL` unless given.
    #[serde(default = "default_country")]
    pub country: String,
}

fn default_country() -> String {
    "NL".into()
}

/// Kind of identity document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum IdDocumentKind {
    /// Paspoort.
    Passport,
    /// Identiteitskaart.
    IdentityCard,
    /// Verblijfsdocument.
    ResidencePermit,
    /// Rijbewijs (not valid for employment, but people keep it on file).
    DrivingLicence,
}

/// The identity document on file (the scan itself is a document of kind `id_document`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct IdDocumentInfo {
    /// Kind.
    pub kind: IdDocumentKind,
    /// Document number (encrypted at rest; shown masked like the BSN).
    pub number: String,
    /// Valid until.
    pub expires_on: NaiveDate,
}

/// One employment period as typed (also the stored shape the rules check).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EmploymentPeriodInput {
    /// First day employed.
    pub starts_on: NaiveDate,
    /// Last day employed; absent while it runs.
    #[serde(default)]
    pub ends_on: Option<NaiveDate>,
    /// Contract hours per week, in minutes.
    pub contract_minutes: i32,
    /// The organisation's full-time week for this job, in minutes (e.g. 2280 for 38 hours).
    pub full_time_minutes: i32,
    /// Function.
    #[serde(default)]
    pub job_title: Option<String>,
}

/// A stored employment period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmploymentPeriod {
    /// Id.
    pub id: Uuid,
    /// First day employed.
    pub starts_on: NaiveDate,
    /// Last day employed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends_on: Option<NaiveDate>,
    /// Contract minutes per week.
    pub contract_minutes: i32,
    /// Full-time minutes per week.
    pub full_time_minutes: i32,
    /// Contract ÷ full time, at most 1.
    pub part_time_factor: f64,
    /// Function.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
}

/// A row of the employee list (`GET /api/v1/employees`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmployeeSummary {
    /// Record id.
    pub id: Uuid,
    /// The person's account.
    pub user_id: Uuid,
    /// Personeelsnummer, unique within the organisation.
    pub personnel_number: String,
    /// Full name ("Anna de Vries").
    pub name: String,
    /// E-mail address of the account.
    pub email: String,
    /// Department.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Cost centre (the one hours are booked on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_centre: Option<String>,
    /// Contract minutes per week today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_minutes: Option<i32>,
    /// Part-time factor today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_time_factor: Option<f64>,
    /// First day of the current (or last) employment period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employed_since: Option<NaiveDate>,
    /// Last day of employment, when it has ended or will end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employed_until: Option<NaiveDate>,
    /// The last year whose yearly review confirmed this record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_year: Option<i32>,
    /// Change requests waiting for a decision.
    pub pending_changes: i64,
}

/// A full employee record (`GET /api/v1/employees/{id}`, `GET /api/v1/me/employee-record`).
/// The BSN, IBAN and ID number are masked here; `POST …/reveal` shows them, audited.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmployeeRecord {
    /// Record id.
    pub id: Uuid,
    /// The person's account.
    pub user_id: Uuid,
    /// The membership it belongs to.
    pub membership_id: Uuid,
    /// Personeelsnummer.
    pub personnel_number: String,
    /// First name(s).
    pub first_name: String,
    /// Infix (tussenvoegsel).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub infix: Option<String>,
    /// Last name.
    pub last_name: String,
    /// Full name as shown everywhere.
    pub name: String,
    /// Birth date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<NaiveDate>,
    /// Home address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<PostalAddress>,
    /// E-mail address of the account (changed in My account).
    pub email: String,
    /// Phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Phone for emergencies (a relative).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emergency_phone: Option<String>,
    /// BSN masked (`••••••782`); absent when none is on file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bsn_masked: Option<String>,
    /// IBAN masked; absent when none is on file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iban_masked: Option<String>,
    /// Loonheffingskorting applied by this employer.
    pub tax_credit: bool,
    /// ID document kind and expiry (number masked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_document: Option<IdDocumentSummary>,
    /// Department.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Cost centre.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_centre: Option<String>,
    /// Employment periods, newest first.
    pub employment: Vec<EmploymentPeriod>,
    /// The last year whose yearly review confirmed this record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_year: Option<i32>,
    /// Optimistic-concurrency version: send it back with a change.
    pub version: i32,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

/// The ID document as shown before reveal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IdDocumentSummary {
    /// Kind.
    pub kind: IdDocumentKind,
    /// Number masked to its last three characters.
    pub number_masked: String,
    /// Valid until.
    pub expires_on: NaiveDate,
}

/// Body of `POST /api/v1/employees` and `PUT /api/v1/employees/{id}` (manage employee data).
/// On `PUT` the whole record is replaced, except: `bsn`, `iban` and `id_document` left out
/// keep what is stored (they are never sent back unmasked); `""` clears the BSN or IBAN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EmployeeRecordInput {
    /// Personeelsnummer, 1–30 characters, unique within the organisation.
    pub personnel_number: String,
    /// First name(s).
    pub first_name: String,
    /// Infix.
    #[serde(default)]
    pub infix: Option<String>,
    /// Last name.
    pub last_name: String,
    /// Birth date.
    #[serde(default)]
    pub birth_date: Option<NaiveDate>,
    /// E-mail address: on `POST` the account is found or created (and invited) by it; on `PUT`
    /// it is ignored (people change their own address in My account).
    pub email: String,
    /// Home address.
    #[serde(default)]
    pub address: Option<PostalAddress>,
    /// Phone.
    #[serde(default)]
    pub phone: Option<String>,
    /// Emergency phone.
    #[serde(default)]
    pub emergency_phone: Option<String>,
    /// BSN (elfproef); see above for left out / empty.
    #[serde(default)]
    pub bsn: Option<String>,
    /// IBAN (mod-97); see above.
    #[serde(default)]
    pub iban: Option<String>,
    /// Loonheffingskorting.
    #[serde(default)]
    pub tax_credit: bool,
    /// ID document; left out keeps what is stored.
    #[serde(default)]
    pub id_document: Option<IdDocumentInfo>,
    /// Department.
    #[serde(default)]
    pub department: Option<String>,
    /// Cost centre.
    #[serde(default)]
    pub cost_centre: Option<String>,
    /// Employment periods (replace the stored ones).
    #[serde(default)]
    pub employment: Vec<EmploymentPeriodInput>,
    /// The version read; required on `PUT` (409 when someone changed it meanwhile).
    #[serde(default)]
    pub version: Option<i32>,
}

/// The unmasked secrets (`POST /api/v1/employees/{id}/reveal`, audited).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RevealedSecrets {
    /// BSN, nine digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bsn: Option<String>,
    /// IBAN in groups of four.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iban: Option<String>,
    /// ID document number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_document_number: Option<String>,
}

/// Body of `PUT /api/v1/me/employee-record/contact`: what employees change themselves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MyContactUpdate {
    /// Home address.
    pub address: PostalAddress,
    /// Phone.
    #[serde(default)]
    pub phone: Option<String>,
    /// Emergency phone.
    #[serde(default)]
    pub emergency_phone: Option<String>,
    /// The version read.
    pub version: i32,
}

/// Body of `PUT /api/v1/me/employee-record/iban`: a new IBAN after the current password;
/// the employer is told (mail to those with *manage employee data*).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MyIbanChange {
    /// The new IBAN.
    pub iban: String,
    /// The current password ("sign in again").
    pub password: String,
}

impl std::fmt::Debug for MyIbanChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MyIbanChange").field("iban", &"[redacted]").field("password", &"[redacted]").finish()
    }
}

/// Body of `POST /api/v1/me/change-requests`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewChangeRequest {
    /// What to change.
    pub field: ChangeField,
    /// The new value (see `ChangeField` for the form).
    pub new_value: String,
    /// From when; not before today.
    pub effective_on: NaiveDate,
    /// Why (optional, up to 500 characters).
    #[serde(default)]
    pub reason: Option<String>,
}

/// A change request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangeRequest {
    /// Id.
    pub id: Uuid,
    /// The record it changes.
    pub record_id: Uuid,
    /// The employee.
    pub employee_name: String,
    /// Personeelsnummer.
    pub personnel_number: String,
    /// Field.
    pub field: ChangeField,
    /// The value on file when the request was made.
    pub old_value: String,
    /// The requested value.
    pub new_value: String,
    /// From when.
    pub effective_on: NaiveDate,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// State.
    pub status: ChangeRequestStatus,
    /// When it was asked.
    pub requested_at: DateTime<Utc>,
    /// Who decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by_name: Option<String>,
    /// When.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_at: Option<DateTime<Utc>>,
    /// The decider's note (required when declining).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_note: Option<String>,
}

/// Body of `POST /api/v1/change-requests/{id}/decision`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ChangeDecision {
    /// Approve (true) or decline (false).
    pub approve: bool,
    /// Note to the employee; required when declining.
    #[serde(default)]
    pub note: Option<String>,
}

/// Progress of the yearly review (`GET /api/v1/employee-review?year=`), seed 004: every
/// January the employer confirms or corrects every record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewProgress {
    /// The review year.
    pub year: i32,
    /// Records employed at any time in the year before.
    pub total: i64,
    /// Of those, confirmed for this year.
    pub confirmed: i64,
}

/// Body of `POST /api/v1/employees/{id}/review`: "these data are right for `year`".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReviewConfirmation {
    /// The review year.
    pub year: i32,
    /// The version read (409 when it changed meanwhile).
    pub version: i32,
}

/// What the import does with one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ImportOutcome {
    /// A new employee (account invited).
    Created,
    /// An existing record (same personnel number) changes.
    Changed,
    /// Already as in the file.
    Unchanged,
    /// Refused; see the problems.
    Rejected,
}

/// A problem with one cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportProblem {
    /// The column (as in the file's header).
    pub column: String,
    /// Error code (`required`, `format`, `checksum`, `duplicate`, …).
    pub code: String,
    /// Message in the caller's language.
    pub message: String,
}

/// One row of the import result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportRow {
    /// Line in the file (the header is line 1).
    pub line: u32,
    /// Personnel number as in the file.
    pub personnel_number: String,
    /// Name as in the file.
    pub name: String,
    /// What happens (dry run) or happened.
    pub outcome: ImportOutcome,
    /// Fields that change (for `changed`).
    pub changed_fields: Vec<String>,
    /// Why it is refused (for `rejected`).
    pub problems: Vec<ImportProblem>,
}

/// Result of `POST /api/v1/employee-imports?dry_run=…` (the body is the CSV or XLSX file).
/// The real run refuses (422) while any row would be rejected, and applies all rows in one
/// transaction: nothing half-imports. Running the same file twice changes nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportResult {
    /// Whether anything was written.
    pub applied: bool,
    /// Rows read (without the header).
    pub total: u32,
    /// Created.
    pub created: u32,
    /// Changed.
    pub changed: u32,
    /// Unchanged.
    pub unchanged: u32,
    /// Rejected.
    pub rejected: u32,
    /// Every row.
    pub rows: Vec<ImportRow>,
}

/// A change to a record, as a payroll system pulls it
/// (`GET /api/v1/payroll/employee-changes?since=`, scope `employees:read`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmployeeChange {
    /// Event id (UUIDv7, increasing): pass the last one as `cursor`.
    pub id: Uuid,
    /// When.
    pub at: DateTime<Utc>,
    /// Record id.
    pub record_id: Uuid,
    /// Personeelsnummer.
    pub personnel_number: String,
    /// The fields that changed.
    pub fields: Vec<String>,
    /// The record now, with BSN and IBAN in full (payroll needs them; every pull is audited).
    pub record: PayrollEmployee,
}

/// An employee as a payroll system receives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PayrollEmployee {
    /// The record (BSN/IBAN masked fields included).
    #[serde(flatten)]
    pub record: EmployeeRecord,
    /// BSN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bsn: Option<String>,
    /// IBAN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iban: Option<String>,
}

/// A line of a record's history (`GET /api/v1/employees/{id}/history`), newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecordEvent {
    /// Event id.
    pub id: Uuid,
    /// When.
    pub at: DateTime<Utc>,
    /// Who (a person's name, or "API: <client>").
    pub actor_name: String,
    /// `created`, `updated`, `imported`, `contact_changed`, `iban_changed`, `change_approved`, `reviewed`.
    pub action: String,
    /// The fields that changed.
    pub fields: Vec<String>,
}
