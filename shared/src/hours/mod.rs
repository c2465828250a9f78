//! Hours (uren): one timesheet per worker per ISO week, signed before the deadline,
//! approved or rejected, corrected on request, exported for payroll and billing.
//! Types the API and the browser share, and the pure rules behind them.

mod access;
mod deadline;
mod entries;
mod status;
mod week;

pub use access::{HoursView, view_of};
pub use deadline::{HoursSettings, MAX_DAY_OFFSET, Moment, SettingsProblem};
pub use entries::{
    ClientTotal, DAY_MINUTES, EntryInput, EntryProblem, MAX_ENTRIES_PER_WEEK, MAX_NOTE_LEN, WeekTotals,
    check_week, day_index, format_minutes, totals,
};
pub use status::{
    NotAllowed, WeekAction, WeekStatus, correction_possible, is_late, transition, worker_may_edit,
};
pub use week::{BadWeek, IsoWeek, WeekSearch};

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Longest reason for a rejection, correction or decline.
pub const MAX_REASON_LEN: usize = 1000;
/// Most weeks one bulk approval takes.
pub const MAX_BULK: usize = 200;

/// A kind of hours from the organisation's list (direct care, travel, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HourType {
    /// Stable code used in entries and exports, e.g. `direct_care`.
    pub code: String,
    /// Dutch name.
    pub name_nl: String,
    /// English name.
    pub name_en: String,
}

/// A client (cliënt) or assignment hours are written on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientRef {
    /// Id.
    pub id: Uuid,
    /// Name.
    pub name: String,
    /// The municipality (gemeente) that pays for this client's care, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
}

/// Where an entry came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EntrySource {
    /// Entered by the worker.
    Worker,
    /// Put there by a planner or planning system, for the worker to confirm.
    Planning,
    /// Applied by a planner from the worker's correction request.
    Correction,
}

impl EntrySource {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Worker => "worker",
            Self::Planning => "planning",
            Self::Correction => "correction",
        }
    }

    /// Parses a stored name (unknown names read as `worker`).
    pub fn parse(s: &str) -> Self {
        match s {
            "planning" => Self::Planning,
            "correction" => Self::Correction,
            _ => Self::Worker,
        }
    }
}

/// One saved line of hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Entry {
    /// Id.
    pub id: Uuid,
    /// The day.
    pub day: NaiveDate,
    /// The client, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client: Option<ClientRef>,
    /// Hour type code.
    pub hour_type: String,
    /// Start time, if entered as a shift.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub start: Option<NaiveTime>,
    /// End time, if entered as a shift.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub end: Option<NaiveTime>,
    /// Break in minutes.
    pub break_minutes: i32,
    /// Minutes worked (after the break).
    pub minutes: i32,
    /// Note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where it came from.
    pub source: EntrySource,
}

impl Entry {
    /// The entry as input again, for editing.
    pub fn to_input(&self) -> EntryInput {
        let shift = self.start.is_some() && self.end.is_some();
        EntryInput {
            id: Some(self.id),
            day: self.day,
            client_id: self.client.as_ref().map(|c| c.id),
            hour_type: self.hour_type.clone(),
            start: self.start,
            end: self.end,
            break_minutes: self.break_minutes,
            minutes: if shift { None } else { Some(self.minutes + self.break_minutes) },
            note: self.note.clone(),
        }
    }
}

/// Something that happened to a week: its history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WeekEvent {
    /// When.
    pub at: DateTime<Utc>,
    /// What: `saved`, `signed`, `approved`, `rejected`, `locked`, `correction_requested`,
    /// `correction_accepted`, `correction_declined`, `planned`, `processed`.
    pub action: String,
    /// Who did it (absent for the system, e.g. the deadline lock).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_name: Option<String>,
    /// Why (rejections, corrections).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A week as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimesheetSummary {
    /// Id.
    pub id: Uuid,
    /// The worker.
    pub worker_id: Uuid,
    /// The worker's name.
    pub worker_name: String,
    /// The week.
    pub week: IsoWeek,
    /// Status.
    pub status: WeekStatus,
    /// Not signed before the deadline.
    pub late: bool,
    /// Minutes in the week.
    pub total_minutes: i32,
    /// Contract minutes per week, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_minutes: Option<i32>,
    /// When it must be signed.
    pub deadline_at: DateTime<Utc>,
    /// When the worker signed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_at: Option<DateTime<Utc>>,
    /// The reason of the last rejection, while rejected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejection_reason: Option<String>,
    /// A correction request waits for the planner.
    pub correction_pending: bool,
    /// The cost centre (kostenplaats) or placement the week was worked under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_centre: Option<String>,
}

/// A whole week: entries, totals, what the caller may do, and its history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Timesheet {
    /// The summary fields.
    #[serde(flatten)]
    pub summary: TimesheetSummary,
    /// Changes with every save; send it back to save or sign (someone else's change is not overwritten).
    pub version: i32,
    /// The lines, by day and start.
    pub entries: Vec<Entry>,
    /// Totals per day, client and week.
    pub totals: WeekTotals,
    /// Who decided last (approved or rejected), and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<String>,
    /// When it was approved or rejected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_at: Option<DateTime<Utc>>,
    /// When it was exported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processed_at: Option<DateTime<Utc>>,
    /// What the caller may do now.
    pub may: WeekPermissions,
    /// What happened, oldest first.
    pub history: Vec<WeekEvent>,
    /// The open correction request, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_correction: Option<CorrectionRequest>,
}

/// What the caller may do with a week right now (the server checks again).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WeekPermissions {
    /// Change the entries.
    pub edit: bool,
    /// Sign (and so submit) it.
    pub sign: bool,
    /// Ask the planner for a correction.
    pub request_correction: bool,
    /// Approve or reject it.
    pub decide: bool,
}

/// Body of `PUT /api/v1/me/timesheets/{week}/entries`: the week's lines, replacing what was there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SaveEntries {
    /// The `version` the change was made on.
    pub version: i32,
    /// All lines of the week.
    pub entries: Vec<EntryInput>,
}

/// Body of `POST /api/v1/me/timesheets/{week}/sign`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SignWeek {
    /// The `version` the worker saw: they sign what they saw.
    pub version: i32,
}

/// Body of `POST /api/v1/timesheets/{id}/reject` and of declining a correction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Reason {
    /// Why, for the worker (required, at most 1,000 characters).
    pub reason: String,
}

/// Body of `POST /api/v1/timesheets/approve`: approve many weeks at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BulkApprove {
    /// Up to 200 week ids.
    pub ids: Vec<Uuid>,
}

/// The outcome of a bulk approval: each id approved or refused with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkApproval {
    /// Approved now.
    pub approved: Vec<Uuid>,
    /// Not approved, and why.
    pub refused: Vec<Refusal>,
}

/// Why one week of a bulk approval was not approved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Refusal {
    /// The week id.
    pub id: Uuid,
    /// `not_found` (not yours to see), `not_submitted`, or `own_week`.
    pub reason: String,
}

/// Status of a correction request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CorrectionStatus {
    /// Waiting for the planner.
    Pending,
    /// Applied to the week.
    Accepted,
    /// Declined with a reason.
    Declined,
}

impl CorrectionStatus {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Accepted => "accepted",
            Self::Declined => "declined",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Pending, Self::Accepted, Self::Declined].into_iter().find(|x| x.as_str() == s)
    }
}

/// A worker's request to change a week they can no longer edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CorrectionRequest {
    /// Id.
    pub id: Uuid,
    /// The week's id.
    pub timesheet_id: Uuid,
    /// The week.
    pub week: IsoWeek,
    /// The worker.
    pub worker_id: Uuid,
    /// The worker's name.
    pub worker_name: String,
    /// Why the worker asks.
    pub reason: String,
    /// The lines the week should have.
    pub entries: Vec<EntryInput>,
    /// The clients those lines name, with their names (lines carry only the id, as
    /// the worker sent them).
    #[serde(default)]
    pub clients: Vec<ClientRef>,
    /// Minutes before and after the change.
    pub minutes_before: i32,
    /// Minutes the proposal adds up to.
    pub minutes_after: i32,
    /// Status.
    pub status: CorrectionStatus,
    /// When it was asked.
    pub requested_at: DateTime<Utc>,
    /// Who decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<String>,
    /// When.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_at: Option<DateTime<Utc>>,
    /// Why it was declined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_reason: Option<String>,
}

/// Body of `POST /api/v1/me/timesheets/{week}/corrections`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewCorrection {
    /// Why (required).
    pub reason: String,
    /// All lines the week should have.
    pub entries: Vec<EntryInput>,
}

/// Body of `POST /api/v1/hour-exports`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewExport {
    /// A key the caller chooses (8–100 characters); sending the same key again returns
    /// the same batch instead of exporting twice.
    pub idempotency_key: String,
    /// Take approved weeks up to and including this week (default: all approved weeks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub up_to_week: Option<IsoWeek>,
}

/// An export batch: approved weeks taken for payroll and billing, now processed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportBatch {
    /// Id.
    pub id: Uuid,
    /// The caller's idempotency key.
    pub idempotency_key: String,
    /// When it was made.
    pub created_at: DateTime<Utc>,
    /// Who made it (a person's name or an API client's name).
    pub created_by: String,
    /// Number of weeks in it.
    pub timesheet_count: i32,
    /// Minutes in it.
    pub total_minutes: i32,
    /// Earliest week in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_week: Option<IsoWeek>,
    /// Latest week in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_week: Option<IsoWeek>,
}

/// One line of an export: minutes per worker, day, client and hour type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportLine {
    /// The entry id (stable; use it to deduplicate).
    pub entry_id: Uuid,
    /// The worker.
    pub worker_id: Uuid,
    /// The worker's name.
    pub worker_name: String,
    /// The week.
    pub week: IsoWeek,
    /// The day.
    pub day: NaiveDate,
    /// Hour type code.
    pub hour_type: String,
    /// Minutes.
    pub minutes: i32,
    /// The client, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<Uuid>,
    /// The client's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_name: Option<String>,
    /// The municipality that is billed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
    /// The cost centre the week was worked under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_centre: Option<String>,
}

/// One planned line pushed by a planning system (`POST /api/v1/planned-hours`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PlannedEntry {
    /// The planning system's own id for this line: pushing it again updates it.
    pub external_id: String,
    /// The worker (user id).
    pub worker_id: Uuid,
    /// The client, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<Uuid>,
    /// The day.
    pub day: NaiveDate,
    /// Hour type code.
    pub hour_type: String,
    /// Start time.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "08:00:00"))]
    pub start: NaiveTime,
    /// End time.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "12:00:00"))]
    pub end: NaiveTime,
    /// Break in minutes.
    #[serde(default)]
    pub break_minutes: i32,
}

/// Body of `POST /api/v1/planned-hours`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PlannedHours {
    /// Up to 1,000 lines.
    pub entries: Vec<PlannedEntry>,
}

/// What became of pushed planned lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlannedResult {
    /// Lines added.
    pub created: i32,
    /// Lines changed (same external id).
    pub updated: i32,
    /// Lines not taken, and why (`week_locked`, `unknown_worker`, `unknown_client`, `unknown_hour_type`, `invalid`,
    /// `overlaps`, `changed_by_worker`, `other_week`).
    pub skipped: Vec<PlannedSkip>,
}

/// A planned line that was not taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlannedSkip {
    /// Its external id.
    pub external_id: String,
    /// Why.
    pub reason: String,
}

/// The week a worker must sign next, for the dashboard's countdown (`GET /api/v1/me/hours/due`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HoursDue {
    /// The week whose deadline comes next.
    pub week: IsoWeek,
    /// Its deadline.
    pub deadline_at: DateTime<Utc>,
    /// Its status (`open` when nothing was entered yet).
    pub status: WeekStatus,
    /// Minutes entered so far.
    pub total_minutes: i32,
    /// Earlier weeks still waiting for the worker (open or rejected), oldest first.
    pub overdue: Vec<IsoWeek>,
}

/// Columns of the declarations list (seed 002), in the order the worker chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeclarationColumn {
    /// The week.
    Week,
    /// Status.
    Status,
    /// Total hours.
    Hours,
    /// Contract hours.
    ContractHours,
    /// Deadline.
    Deadline,
    /// When signed.
    Signed,
    /// Rejection reason.
    Reason,
    /// Cost centre or placement.
    CostCentre,
}

impl DeclarationColumn {
    /// Every column, in the default order.
    pub const ALL: [DeclarationColumn; 8] = [
        Self::Week,
        Self::Status,
        Self::Hours,
        Self::ContractHours,
        Self::CostCentre,
        Self::Deadline,
        Self::Signed,
        Self::Reason,
    ];

    /// The columns shown until the worker chooses.
    pub const DEFAULT: [DeclarationColumn; 5] =
        [Self::Week, Self::Status, Self::Hours, Self::Deadline, Self::Reason];
}

/// Body and answer of `GET/PUT /api/v1/me/hours/columns`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DeclarationColumns {
    /// The columns, in order (at least one, no repeats).
    pub columns: Vec<DeclarationColumn>,
}
