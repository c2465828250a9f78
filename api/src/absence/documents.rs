//! Dossier documents: uploaded by the arbodienst or the employer, each with its
//! own visibility (the arbodienst always sees them; the employee and the employer
//! only when marked so), downloaded as attachments.

use actix_web::{HttpResponse, http::header};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use sha2::{Digest, Sha256};
use shared::absence::{Document, DocumentKind, MAX_DOCUMENT_BYTES, Visibility};
use uuid::Uuid;

use super::{
    access::{self, Audience},
    mail, store, view,
};
use crate::{
    audit::{self, ClientInfo},
    auth::Actor,
    entities::absence_document,
    error::{ApiError, Validation},
    files::{sniff, storage::Storage},
    state::AppState,
};

/// Query of `POST /api/v1/absence-cases/{id}/documents` (the body is the file itself).
#[derive(Debug, Clone, serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct UploadQuery {
    /// Kind of document.
    pub kind: DocumentKind,
    /// Title shown in the dossier.
    pub title: String,
    /// The file's name on the uploader's computer (only its last part is kept).
    pub file_name: String,
    /// Visible to the employee.
    #[serde(default)]
    pub employee: bool,
    /// Visible to the employer.
    #[serde(default)]
    pub employer: bool,
}

fn storage(state: &AppState) -> Storage {
    Storage::new(state.config.files_dir.clone())
}

/// Stores a document for the case.
pub async fn upload(
    state: &AppState,
    actor: &Actor,
    case_id: Uuid,
    q: UploadQuery,
    bytes: &[u8],
) -> Result<Document, ApiError> {
    let now = state.clock.now();
    let (case, audience) = access::visible(&state.db.write, actor, case_id).await?;
    access::require(access::permissions(audience).upload)?;
    let title = q.title.trim().to_string();
    let mut v = Validation::default();
    if title.is_empty() {
        v.add_code("title", "required", "Give the document a title".into());
    } else if title.chars().count() > 200 {
        v.add_code("title", "too_long", "At most 200 characters".into());
    }
    let kind = if bytes.is_empty() {
        v.add_code("file", "required", "Choose a file".into());
        None
    } else if bytes.len() > MAX_DOCUMENT_BYTES {
        v.add_code("file", "too_large", format!("At most {} MB", MAX_DOCUMENT_BYTES / 1024 / 1024));
        None
    } else {
        let k = sniff::sniff(bytes);
        if k.is_none() {
            v.add_code("file", "type", "Only PDF, Word (.docx), PNG or JPEG files".into());
        }
        k
    };
    v.finish()?;
    let kind = kind.ok_or_else(|| ApiError::bad_request("Unsupported file"))?;
    // The employer's own uploads are the employer's to see; the arbodienst chooses per document.
    let visibility = match audience {
        Audience::Employer => Visibility { employee: q.employee, employer: true },
        _ => Visibility { employee: q.employee, employer: q.employer },
    };
    let key = storage(state).put(&state.data_key, bytes).await.map_err(ApiError::internal)?;
    let doc = absence_document::ActiveModel {
        id: Set(Uuid::now_v7()),
        case_id: Set(case.id),
        organisation_id: Set(case.organisation_id),
        kind: Set(q.kind.as_str().into()),
        title: Set(title.clone()),
        file_name: Set(sniff::safe_name(&q.file_name, kind)),
        content_type: Set(kind.content_type().into()),
        size_bytes: Set(bytes.len() as i64),
        sha256: Set(hex(&Sha256::digest(bytes))),
        storage_key: Set(key.clone()),
        visible_employee: Set(visibility.employee),
        visible_employer: Set(visibility.employer),
        uploaded_by: Set(actor.user_id),
        uploaded_by_name: Set(actor.name.clone()),
        uploaded_at: Set(now),
    };
    let doc = match doc.insert(&state.db.write).await {
        Ok(d) => d,
        Err(e) => {
            // Nothing half-stored: no row, no orphan file.
            let _ = storage(state).delete(&key).await;
            return Err(e.into());
        }
    };
    store::event(
        &state.db.write,
        case.id,
        store::By { user_id: Some(actor.user_id), name: &actor.name },
        "document_added",
        // The id, not the title: the timeline shows each reader only the documents they may see.
        Some(doc.id.to_string()),
        now,
    )
    .await?;
    mail::document_added(state, &case, &doc, Visibility { employee: false, employer: false }).await?;
    Ok(view::document(doc))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

async fn visible_document(
    state: &AppState,
    actor: &Actor,
    case_id: Uuid,
    doc_id: Uuid,
) -> Result<(absence_document::Model, Audience), ApiError> {
    let (case, audience) = access::visible(&state.db.write, actor, case_id).await?;
    let doc = absence_document::Entity::find_by_id(doc_id)
        .one(&state.db.write)
        .await?
        .filter(|d| d.case_id == case.id && view::sees_document(audience, d))
        .ok_or_else(ApiError::not_found)?;
    Ok((doc, audience))
}

/// The file, as an attachment.
pub async fn download(
    state: &AppState,
    actor: &Actor,
    case_id: Uuid,
    doc_id: Uuid,
    client: &ClientInfo,
) -> Result<HttpResponse, ApiError> {
    let (case, audience) = access::visible(&state.db.write, actor, case_id).await?;
    let (doc, _) = visible_document(state, actor, case_id, doc_id).await?;
    if access::audited(audience) {
        audit::record(
            &state.db.write,
            access::read_event(actor, &case, "absence_document_read", doc.id),
            client,
            state.clock.now(),
        )
        .await?;
    }
    let bytes = storage(state)
        .get(&state.data_key, &doc.storage_key)
        .await
        .map_err(ApiError::internal)?
        .ok_or_else(ApiError::not_found)?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, doc.content_type))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}\"", doc.file_name.replace('"', "")),
        ))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .body(bytes))
}

/// Changes who sees a document (the arbodienst decides).
pub async fn set_visibility(
    state: &AppState,
    actor: &Actor,
    case_id: Uuid,
    doc_id: Uuid,
    body: Visibility,
) -> Result<Document, ApiError> {
    let now = state.clock.now();
    let (doc, audience) = visible_document(state, actor, case_id, doc_id).await?;
    access::require(access::permissions(audience).set_visibility)?;
    let before = Visibility { employee: doc.visible_employee, employer: doc.visible_employer };
    let mut m: absence_document::ActiveModel = doc.into();
    m.visible_employee = Set(body.employee);
    m.visible_employer = Set(body.employer);
    let doc = m.update(&state.db.write).await?;
    store::event(
        &state.db.write,
        case_id,
        store::By { user_id: Some(actor.user_id), name: &actor.name },
        "visibility_changed",
        Some(doc.id.to_string()),
        now,
    )
    .await?;
    let case = access::visible(&state.db.write, actor, case_id).await?.0;
    mail::document_added(state, &case, &doc, before).await?;
    Ok(view::document(doc))
}
