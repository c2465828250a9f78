//! The case file as the API shows it. Every struct here is built from an
//! allowlist: there is no diagnosis field and no medical note in any of them —
//! medical notes have their own type and their own endpoints, for the physician.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use super::poortwachter::{ActivityKind, ActivityState, Owner};

/// Longest free text an employer can read (ongoing work, statements).
pub const MAX_TEXT_LEN: usize = 1000;
/// Longest medical note.
pub const MAX_NOTE_LEN: usize = 10_000;
/// Largest dossier document.
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;

/// Where a case stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// Sick (fully or partly).
    Open,
    /// Fully recovered, or ended because employment ended; a relapse within 28 days reopens it.
    Closed,
}

impl CaseStatus {
    /// Stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Closed => "closed",
        }
    }
    /// Parses the stored form.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "open" => Some(Self::Open),
            "closed" => Some(Self::Closed),
            _ => None,
        }
    }
}

/// How long the absence is expected to last, as the employer may record it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ExpectedDuration {
    /// Up to a week.
    UpToOneWeek,
    /// One to six weeks.
    OneToSixWeeks,
    /// Six weeks to three months.
    SixWeeksToThreeMonths,
    /// Longer than three months.
    MoreThanThreeMonths,
    /// Not known yet.
    Unknown,
}

impl ExpectedDuration {
    /// Stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::UpToOneWeek => "up_to_one_week",
            Self::OneToSixWeeks => "one_to_six_weeks",
            Self::SixWeeksToThreeMonths => "six_weeks_to_three_months",
            Self::MoreThanThreeMonths => "more_than_three_months",
            Self::Unknown => "unknown",
        }
    }
    /// Parses the stored form.
    pub fn parse(s: &str) -> Option<Self> {
        [
            Self::UpToOneWeek,
            Self::OneToSixWeeks,
            Self::SixWeeksToThreeMonths,
            Self::MoreThanThreeMonths,
            Self::Unknown,
        ]
        .into_iter()
        .find(|d| d.as_str() == s)
    }
}

/// What the Dutch DPA allows an employer to record about a sick employee — and
/// nothing more: never the nature or cause of the illness, not even with consent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CaseFacts {
    /// Phone number to reach the employee while sick.
    #[serde(default)]
    pub contact_phone: Option<String>,
    /// Address while sick, if not the home address.
    #[serde(default)]
    pub contact_address: Option<String>,
    /// Expected duration.
    #[serde(default)]
    pub expected_duration: Option<ExpectedDuration>,
    /// Ongoing appointments and work that must be taken over. Not medical information.
    #[serde(default)]
    pub ongoing_work: Option<String>,
    /// Whether a safety-net provision (vangnet) applies — never which one.
    #[serde(default)]
    pub safety_net: Option<bool>,
    /// Whether it is the result of a work accident.
    #[serde(default)]
    pub work_accident: Option<bool>,
    /// Whether a third party is liable (regres).
    #[serde(default)]
    pub third_party_liable: Option<bool>,
    /// Whether there is a labour conflict.
    #[serde(default)]
    pub labour_conflict: Option<bool>,
    /// The absence is pregnancy or maternity leave (zwangerschaps- en bevallingsverlof,
    /// WAZO), not sickness: leave the employer grants, so not medical information. Such a
    /// case has no poortwachter steps, and the absence statistics give the absence rate
    /// with and without it.
    #[serde(default)]
    pub pregnancy_leave: bool,
}

/// Body of `POST /api/v1/me/absence`: the employee reports sick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OwnSickReport {
    /// First sick day.
    pub first_sick_day: NaiveDate,
    /// Minutes worked on the first sick day, if any.
    #[serde(default)]
    pub hours_worked_minutes: Option<u32>,
    /// Phone number to reach you while sick.
    #[serde(default)]
    pub contact_phone: Option<String>,
    /// Address while sick, if not your home address.
    #[serde(default)]
    pub contact_address: Option<String>,
}

/// Body of `POST /api/v1/absence-cases`: someone with the right reports an employee sick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewSickReport {
    /// The employee.
    pub user_id: Uuid,
    /// First sick day.
    pub first_sick_day: NaiveDate,
    /// Minutes worked on the first sick day, if any.
    #[serde(default)]
    pub hours_worked_minutes: Option<u32>,
    /// What the employer may record.
    #[serde(default)]
    pub facts: CaseFacts,
}

/// Body of `POST /api/v1/absence-cases/{id}/recoveries`: recovered for `percent` from `from_date`; 100 is full recovery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RecoveryReport {
    /// From this day.
    pub from_date: NaiveDate,
    /// Percentage recovered, 0–100 (100: fully recovered, back at work).
    pub percent: u32,
}

/// Body of `POST /api/v1/me/absence/{id}/recovered`: the employee is back at work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OwnRecovery {
    /// The first day back at work.
    pub from_date: NaiveDate,
}

/// Body of `POST /api/v1/absence-cases/{id}/out-of-employment`: employment ended during the case (ziek uit dienst).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OutOfEmployment {
    /// The first day no longer employed.
    pub from_date: NaiveDate,
}

/// Body of `PUT /api/v1/absence-cases/{id}/facts`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FactsUpdate {
    /// The facts, all of them (replacing what was there).
    pub facts: CaseFacts,
    /// The case's `version` as last read: a stale save is refused (409) instead of overwriting.
    pub version: i32,
}

/// A person, by id and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonRef {
    /// User id.
    pub id: Uuid,
    /// Name.
    pub name: String,
}

/// A case in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseSummary {
    /// Id.
    pub id: Uuid,
    /// Case number, e.g. `2026-0007`.
    pub case_number: String,
    /// The organisation (employer) the case belongs to.
    pub organisation_name: String,
    /// The employee (absent once the case has been anonymised).
    pub employee: Option<PersonRef>,
    /// Status.
    pub status: CaseStatus,
    /// First sick day of the case.
    pub first_sick_day: NaiveDate,
    /// Current incapacity, 0–100.
    pub incapacity_percent: u32,
    /// Full recovery date, when closed by recovery.
    pub recovered_on: Option<NaiveDate>,
    /// Activities still to do.
    pub open_activities: u32,
    /// Of those, past their due date.
    pub overdue_activities: u32,
    /// The next activity to do and when.
    pub next_due_on: Option<NaiveDate>,
}

/// One sick period of the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Spell {
    /// First sick day.
    pub first_day: NaiveDate,
    /// First day back at work, if recovered.
    pub recovered_on: Option<NaiveDate>,
}

/// One recovery step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecoveryStep {
    /// From this day.
    pub from_date: NaiveDate,
    /// Percentage recovered.
    pub percent: u32,
}

/// A poortwachter activity (or one the case manager added).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Activity {
    /// Id.
    pub id: Uuid,
    /// The case.
    pub case_id: Uuid,
    /// The case number.
    pub case_number: String,
    /// The employee's name (absent once anonymised).
    pub employee_name: Option<String>,
    /// Stable key, e.g. `problem_analysis`, `evaluation_2`, `custom_…`.
    pub key: String,
    /// The law's activity; absent for an activity someone added.
    pub kind: Option<ActivityKind>,
    /// Title of an added activity.
    pub title: Option<String>,
    /// Who must act.
    pub owner: Owner,
    /// First day it may be done, for windows (weeks 46–52, 87–91).
    pub window_from: Option<NaiveDate>,
    /// Due date.
    pub due_on: NaiveDate,
    /// Done, open, overdue or closed.
    pub state: ActivityState,
    /// When it was done.
    pub done_on: Option<NaiveDate>,
    /// Who marked it done.
    pub done_by_name: Option<String>,
}

/// Kinds of dossier document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// Probleemanalyse.
    ProblemAnalysis,
    /// Plan van aanpak.
    PlanOfAction,
    /// Evaluation / bijstelling.
    Evaluation,
    /// Report (verslag, advies).
    Report,
    /// Re-integratieverslag.
    ReintegrationReport,
    /// Anything else.
    Other,
}

impl DocumentKind {
    /// All kinds, in the order screens offer them.
    pub const ALL: [DocumentKind; 6] = [
        Self::ProblemAnalysis,
        Self::PlanOfAction,
        Self::Evaluation,
        Self::Report,
        Self::ReintegrationReport,
        Self::Other,
    ];
    /// Stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ProblemAnalysis => "problem_analysis",
            Self::PlanOfAction => "plan_of_action",
            Self::Evaluation => "evaluation",
            Self::Report => "report",
            Self::ReintegrationReport => "reintegration_report",
            Self::Other => "other",
        }
    }
    /// Parses the stored form.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Who may see a document besides the arbodienst (which always does).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Visibility {
    /// The employee.
    pub employee: bool,
    /// The employer.
    pub employer: bool,
}

/// A dossier document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Document {
    /// Id.
    pub id: Uuid,
    /// Kind.
    pub kind: DocumentKind,
    /// Title.
    pub title: String,
    /// Original file name.
    pub file_name: String,
    /// Content type, as checked from the content.
    pub content_type: String,
    /// Size in bytes.
    pub size_bytes: u64,
    /// Uploaded at.
    pub uploaded_at: DateTime<Utc>,
    /// Uploaded by.
    pub uploaded_by_name: String,
    /// Who may see it.
    pub visibility: Visibility,
}

/// What the physician lets the employer know: functional limitations, remaining
/// capacity, expected duration and advice — never a diagnosis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Statement {
    /// Id.
    pub id: Uuid,
    /// Functional limitations (beperkingen).
    pub functional_limitations: String,
    /// Remaining capacity (mogelijkheden).
    pub remaining_capacity: String,
    /// Expected duration.
    pub expected_duration: Option<ExpectedDuration>,
    /// Advice on work and re-integration.
    pub advice: String,
    /// The physician.
    pub author_name: String,
    /// Written at.
    pub created_at: DateTime<Utc>,
}

/// Body of `POST /api/v1/absence-cases/{id}/statements`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewStatement {
    /// Functional limitations.
    pub functional_limitations: String,
    /// Remaining capacity.
    pub remaining_capacity: String,
    /// Expected duration.
    #[serde(default)]
    pub expected_duration: Option<ExpectedDuration>,
    /// Advice.
    pub advice: String,
}

/// A medical note: the occupational physician's alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MedicalNote {
    /// Id.
    pub id: Uuid,
    /// The note.
    pub body: String,
    /// The physician.
    pub author_name: String,
    /// Written at.
    pub created_at: DateTime<Utc>,
}

/// Body of `POST /api/v1/absence-cases/{id}/medical-notes`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewMedicalNote {
    /// The note.
    pub body: String,
}

/// Body of `POST /api/v1/absence-cases/{id}/activities`: an extra activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewActivity {
    /// What must be done.
    pub title: String,
    /// By when.
    pub due_on: NaiveDate,
    /// Who must do it.
    pub owner: Owner,
}

/// Body of `POST /api/v1/absence-activities/{id}/done`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ActivityDone {
    /// The day it was done (default: today).
    #[serde(default)]
    pub done_on: Option<NaiveDate>,
}

/// What happened in a case, for its timeline. Dates, percentages and titles only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseEvent {
    /// When.
    pub at: DateTime<Utc>,
    /// Who.
    pub actor_name: String,
    /// What: `reported_sick`, `relapse`, `partly_recovered`, `recovered`, `out_of_employment`,
    /// `facts_changed`, `document_added`, `visibility_changed`, `activity_done`, `activity_added`,
    /// `statement_added`.
    pub action: String,
    /// A date, percentage or title.
    pub detail: Option<String>,
}

/// What the caller may do with a case (the screen shows only these buttons).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CasePermissions {
    /// Report (partial) recovery.
    pub report_recovery: bool,
    /// Edit the employer's facts.
    pub edit_facts: bool,
    /// Report out of employment.
    pub out_of_employment: bool,
    /// Upload documents.
    pub upload: bool,
    /// Change who sees a document.
    pub set_visibility: bool,
    /// Mark activities done.
    pub mark_done: bool,
    /// Add activities.
    pub add_activity: bool,
    /// Write statements for the employer.
    pub write_statement: bool,
    /// Read and write medical notes.
    pub medical_notes: bool,
}

/// A whole case, as the caller may see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AbsenceCase {
    /// Id.
    pub id: Uuid,
    /// Case number.
    pub case_number: String,
    /// The employer.
    pub organisation_name: String,
    /// The employee (absent once anonymised).
    pub employee: Option<PersonRef>,
    /// Status.
    pub status: CaseStatus,
    /// First sick day.
    pub first_sick_day: NaiveDate,
    /// Minutes worked on the first sick day.
    pub hours_worked_minutes: Option<u32>,
    /// Current incapacity, 0–100.
    pub incapacity_percent: u32,
    /// Full recovery date.
    pub recovered_on: Option<NaiveDate>,
    /// End of employment during the case.
    pub out_of_employment_on: Option<NaiveDate>,
    /// Sick days so far (the poortwachter clock).
    pub sick_days: u32,
    /// The employer's facts.
    pub facts: CaseFacts,
    /// Sick periods (more than one after a relapse within 28 days).
    pub spells: Vec<Spell>,
    /// Recovery steps.
    pub recoveries: Vec<RecoveryStep>,
    /// Activities, by due date.
    pub activities: Vec<Activity>,
    /// Documents the caller may see.
    pub documents: Vec<Document>,
    /// The physician's statements for the employer.
    pub statements: Vec<Statement>,
    /// What happened, newest first.
    pub timeline: Vec<CaseEvent>,
    /// For optimistic saves of the facts.
    pub version: i32,
    /// What the caller may do.
    pub may: CasePermissions,
}

/// The caller's pending absence actions, for the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AbsencePending {
    /// The caller's own open case, if any.
    pub own_case: Option<Uuid>,
    /// Activities for the caller's role, open or overdue, due within 14 days, soonest first (at most 10).
    pub activities: Vec<Activity>,
    /// How many such activities there are in all.
    pub total: u32,
}
