//! Turning bytes into a stored personal document, and back. The type is sniffed from the
//! content, the file encrypted under a generated name, and the row written after the file
//! (a failed insert deletes the file again, so nothing is half-stored).

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use sha2::{Digest, Sha256};
use shared::documents::{MAX_PERSON_DOCUMENT_BYTES, PersonDocument, PersonDocumentKind};
use uuid::Uuid;

use crate::{
    entities::person_document,
    error::{ApiError, Validation},
    files::{sniff, storage::Storage},
    state::AppState,
};

/// What is known about a new document besides its bytes.
#[derive(Debug, Clone)]
pub struct NewDocument<'a> {
    /// The tenant.
    pub organisation_id: Uuid,
    /// Whose document.
    pub user_id: Uuid,
    /// Kind.
    pub kind: PersonDocumentKind,
    /// Title (checked: 1–200 characters).
    pub title: &'a str,
    /// The uploader's file name (only its last part is kept, with the real extension).
    pub file_name: &'a str,
    /// Period start.
    pub period_start: Option<NaiveDate>,
    /// Period end.
    pub period_end: Option<NaiveDate>,
    /// Visible to the employee.
    pub visible_employee: bool,
    /// Visible to the employer.
    pub visible_employer: bool,
    /// The uploading person, if a person.
    pub uploaded_by: Option<Uuid>,
    /// The uploader's name (a person or an integration).
    pub uploaded_by_name: &'a str,
}

/// The storage files live in (local disk or the configured bucket).
pub fn storage(state: &AppState) -> &Storage {
    &state.files
}

/// Hex SHA-256 of `bytes` (what a contract signature covers).
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Checks and stores `bytes` as a document; field errors name `title` and `file`.
pub async fn store(
    state: &AppState,
    db: &impl ConnectionTrait,
    new: NewDocument<'_>,
    bytes: &[u8],
    now: DateTime<Utc>,
) -> Result<person_document::Model, ApiError> {
    let title = new.title.trim();
    let mut v = Validation::default();
    if title.is_empty() {
        v.add_code("title", "required", "Give the document a title".into());
    } else if title.chars().count() > 200 {
        v.add_code("title", "too_long", "At most 200 characters".into());
    }
    if let (Some(s), Some(e)) = (new.period_start, new.period_end)
        && e < s
    {
        v.add_code("period_end", "before_start", "The period ends before it starts".into());
    }
    let kind = if bytes.is_empty() {
        v.add_code("file", "required", "Choose a file".into());
        None
    } else if bytes.len() > MAX_PERSON_DOCUMENT_BYTES {
        v.add_code("file", "too_large", format!("At most {} MB", MAX_PERSON_DOCUMENT_BYTES / 1024 / 1024));
        None
    } else {
        let k = sniff::sniff(bytes);
        if k.is_none() {
            v.add_code("file", "type", "Only PDF, Word (.docx), PNG or JPEG files".into());
        }
        k
    };
    v.finish()?;
    let kind_of_file = kind.ok_or_else(|| ApiError::bad_request("Unsupported file"))?;
    let files = storage(state);
    let key = files.put(&state.data_key, bytes).await.map_err(ApiError::internal)?;
    let row = person_document::ActiveModel {
        id: Set(Uuid::now_v7()),
        organisation_id: Set(new.organisation_id),
        user_id: Set(new.user_id),
        kind: Set(new.kind.as_str().into()),
        title: Set(title.to_string()),
        period_start: Set(new.period_start),
        period_end: Set(new.period_end),
        file_name: Set(sniff::safe_name(new.file_name, kind_of_file)),
        content_type: Set(kind_of_file.content_type().into()),
        size_bytes: Set(bytes.len() as i64),
        sha256: Set(sha256_hex(bytes)),
        storage_key: Set(key.clone()),
        storage_backend: Set(files.backend().into()),
        visible_employee: Set(new.visible_employee),
        visible_employer: Set(new.visible_employer),
        uploaded_by: Set(new.uploaded_by),
        uploaded_by_name: Set(new.uploaded_by_name.to_string()),
        uploaded_at: Set(now),
        read_at: Set(None),
    };
    match row.insert(db).await {
        Ok(m) => Ok(m),
        Err(e) => {
            let _ = files.delete_from(files.backend(), &key).await;
            Err(e.into())
        }
    }
}

/// The decrypted bytes of a stored document (404 when the file is gone).
pub async fn read(state: &AppState, doc: &person_document::Model) -> Result<Vec<u8>, ApiError> {
    // The row says where the file is: switching backends keeps older files readable.
    storage(state)
        .get_from(&doc.storage_backend, &state.data_key, &doc.storage_key)
        .await
        .map_err(ApiError::internal)?
        .ok_or_else(ApiError::not_found)
}

/// Deletes a stored document's file (after its row is gone); a failure is logged, not fatal.
pub async fn delete_file(state: &AppState, doc: &person_document::Model) {
    if let Err(e) = storage(state).delete_from(&doc.storage_backend, &doc.storage_key).await {
        tracing::warn!(document = %doc.id, error = %e, "could not delete a document's file");
    }
}

/// The API shape of a stored document.
pub fn to_dto(m: person_document::Model, person_name: String) -> PersonDocument {
    PersonDocument {
        id: m.id,
        user_id: m.user_id,
        person_name,
        kind: PersonDocumentKind::parse(&m.kind).unwrap_or(PersonDocumentKind::Other),
        title: m.title,
        period_start: m.period_start,
        period_end: m.period_end,
        file_name: m.file_name,
        content_type: m.content_type,
        size_bytes: m.size_bytes,
        visible_employee: m.visible_employee,
        visible_employer: m.visible_employer,
        uploaded_by_name: m.uploaded_by_name,
        uploaded_at: m.uploaded_at,
        read_at: m.read_at,
    }
}
