//! Personal documents (seed 002 "Documenten"): typed, per person, with a visibility per
//! audience, uploaded as the raw request body and downloaded as attachments.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Largest upload, checked from `Content-Length` before the body is read (413).
pub const MAX_PERSON_DOCUMENT_BYTES: usize = 15 * 1024 * 1024;

/// Kind of personal document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PersonDocumentKind {
    /// Arbeidsovereenkomst.
    EmploymentContract,
    /// Scan of the ID document.
    IdDocument,
    /// Loonstrook (also created with every payslip).
    Payslip,
    /// Jaaropgave.
    AnnualStatement,
    /// Diploma or certificate.
    Certificate,
    /// Anything else.
    Other,
}

impl PersonDocumentKind {
    /// Every kind, in the order screens list them.
    pub const ALL: [Self; 6] = [
        Self::EmploymentContract,
        Self::IdDocument,
        Self::Payslip,
        Self::AnnualStatement,
        Self::Certificate,
        Self::Other,
    ];

    /// The stored snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::EmploymentContract => "employment_contract",
            Self::IdDocument => "id_document",
            Self::Payslip => "payslip",
            Self::AnnualStatement => "annual_statement",
            Self::Certificate => "certificate",
            Self::Other => "other",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Kinds an employee may upload themselves (seed 002: "Documenten toevoegen").
    pub fn employee_may_upload(self) -> bool {
        matches!(self, Self::IdDocument | Self::Certificate | Self::Other)
    }
}

/// A personal document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonDocument {
    /// Id.
    pub id: Uuid,
    /// Whose document it is.
    pub user_id: Uuid,
    /// Their name.
    pub person_name: String,
    /// Kind.
    pub kind: PersonDocumentKind,
    /// Title.
    pub title: String,
    /// Start of the period it concerns (a payslip's month, a certificate's date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_start: Option<NaiveDate>,
    /// End of that period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_end: Option<NaiveDate>,
    /// Safe file name for the download.
    pub file_name: String,
    /// Content type (from the content, not the name).
    pub content_type: String,
    /// Size.
    pub size_bytes: i64,
    /// Visible to the employee.
    pub visible_employee: bool,
    /// Visible to the employer (those with *manage employee data*).
    pub visible_employer: bool,
    /// Who uploaded it (a person or an integration's name).
    pub uploaded_by_name: String,
    /// When.
    pub uploaded_at: DateTime<Utc>,
    /// When the employee first opened it; absent while unread (a pending action).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_at: Option<DateTime<Utc>>,
}

/// Query of `POST /api/v1/documents` (the body is the file itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema, utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct DocumentUpload {
    /// Whose document; left out means the caller's own (employees may upload only their own).
    #[serde(default)]
    pub user_id: Option<Uuid>,
    /// Kind.
    pub kind: PersonDocumentKind,
    /// Title, 1–200 characters.
    pub title: String,
    /// The file's name on the uploader's computer (only its last part is kept).
    pub file_name: String,
    /// Period start.
    #[serde(default)]
    pub period_start: Option<NaiveDate>,
    /// Period end.
    #[serde(default)]
    pub period_end: Option<NaiveDate>,
    /// Visible to the employee (always true for their own uploads).
    #[serde(default = "yes")]
    pub visible_employee: bool,
    /// Visible to the employer (always true for the employer's uploads).
    #[serde(default = "yes")]
    pub visible_employer: bool,
}

fn yes() -> bool {
    true
}

/// Filters of `GET /api/v1/documents` and `GET /api/v1/me/documents`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct DocumentFilter {
    /// Only this person (employer list).
    #[serde(default)]
    pub user_id: Option<Uuid>,
    /// Only this kind.
    #[serde(default)]
    pub kind: Option<PersonDocumentKind>,
    /// Period overlapping from this day.
    #[serde(default)]
    pub from: Option<NaiveDate>,
    /// Period overlapping until this day.
    #[serde(default)]
    pub to: Option<NaiveDate>,
    /// Words in the title, file name or person's name.
    #[serde(default)]
    pub q: Option<String>,
    /// Only unread ones (employee).
    #[serde(default)]
    pub unread: Option<bool>,
    /// Page size, 1–100 (default 25).
    #[serde(default)]
    pub limit: Option<u64>,
    /// From `next_cursor`.
    #[serde(default)]
    pub cursor: Option<String>,
}
