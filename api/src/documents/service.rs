//! Personal documents: who may upload, see, open, hide and delete them. An employee sees
//! only their own documents marked visible to them; the employer (*manage employee data*)
//! sees every document of the organisation marked visible to the employer. Anything else —
//! a colleague's document, another organisation's id — is a 404.

use std::collections::HashMap;

use actix_web::{HttpResponse, http::header};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
    sea_query::{Condition, Expr, Func, Query},
};
use serde::{Deserialize, Serialize};
use shared::{
    Page,
    auth::Right,
    documents::{DocumentFilter, DocumentUpload, PersonDocument},
};
use utoipa::ToSchema;
use uuid::Uuid;

use super::{mail, stored};
use crate::{
    auth::Actor,
    entities::{contract, membership, payslip, person_document, user},
    error::{ApiError, Validation},
    files::sniff,
    pagination::{self, PageQuery},
    state::AppState,
};

/// Body of `PUT /api/v1/documents/{id}/visibility`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentVisibility {
    /// Whether the employee sees the document (and gets a mail when it becomes visible).
    pub visible_employee: bool,
}

/// Whether the actor acts as the employer for personal documents.
pub fn is_employer(actor: &Actor) -> bool {
    actor.has(Right::ManageEmployeeData)
}

/// The person `user_id` when they are a member of the actor's organisation; else a field
/// error on `user_id` (nothing about other organisations' people leaks).
pub async fn member(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    user_id: Uuid,
) -> Result<user::Model, ApiError> {
    let found = membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(organisation_id))
        .filter(membership::Column::UserId.eq(user_id))
        .one(db)
        .await?;
    let person = match found {
        Some(_) => user::Entity::find_by_id(user_id).one(db).await?,
        None => None,
    };
    person.ok_or_else(|| {
        let mut v = Validation::default();
        v.add_code("user_id", "unknown", "Not a person of your organisation".into());
        v.finish().err().unwrap_or_else(ApiError::not_found)
    })
}

/// The claimed type of an upload (its `Content-Type` or its name's extension) must match
/// what the content is; a claim Poort does not know (`application/octet-stream`) is no claim.
pub fn claimed_kind_matches(content_type: Option<&str>, file_name: &str, bytes: &[u8]) -> bool {
    let Some(real) = sniff::sniff(bytes) else { return true };
    let by_header = content_type.map(|c| c.split(';').next().unwrap_or_default().trim().to_ascii_lowercase());
    let claimed_header = match by_header.as_deref() {
        Some("application/pdf") => Some(sniff::Kind::Pdf),
        Some("image/png") => Some(sniff::Kind::Png),
        Some("image/jpeg" | "image/jpg") => Some(sniff::Kind::Jpeg),
        Some(c) if c == sniff::Kind::Docx.content_type() => Some(sniff::Kind::Docx),
        _ => None,
    };
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or_default();
    let ext = base.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    let claimed_name = match ext.as_deref() {
        Some("pdf") => Some(sniff::Kind::Pdf),
        Some("png") => Some(sniff::Kind::Png),
        Some("jpg" | "jpeg") => Some(sniff::Kind::Jpeg),
        Some("docx") => Some(sniff::Kind::Docx),
        _ => None,
    };
    claimed_header.is_none_or(|k| k == real) && claimed_name.is_none_or(|k| k == real)
}

fn mismatch() -> ApiError {
    let mut v = Validation::default();
    v.add_code("file", "type_mismatch", "The file's content does not match its type".into());
    v.finish().err().unwrap_or_else(|| ApiError::bad_request("type mismatch"))
}

/// Stores an upload: an employee their own (only the kinds they may upload, visible to both);
/// the employer for anyone of the organisation, with the visibility chosen.
pub async fn upload(
    state: &AppState,
    actor: &Actor,
    q: DocumentUpload,
    content_type: Option<&str>,
    bytes: &[u8],
) -> Result<PersonDocument, ApiError> {
    let now = state.clock.now();
    let db = &state.db.write;
    let for_other = q.user_id.is_some_and(|u| u != actor.user_id);
    let as_employer = for_other && is_employer(actor);
    if for_other && !as_employer {
        return Err(ApiError::forbidden());
    }
    let person = member(db, actor.organisation_id, q.user_id.unwrap_or(actor.user_id)).await?;
    if !as_employer && !q.kind.employee_may_upload() && !is_employer(actor) {
        let mut v = Validation::default();
        v.add_code("kind", "not_allowed", "You cannot upload this kind of document yourself".into());
        v.finish()?;
    }
    if !bytes.is_empty() && !claimed_kind_matches(content_type, &q.file_name, bytes) {
        return Err(mismatch());
    }
    let (visible_employee, visible_employer) =
        if as_employer { (q.visible_employee, true) } else { (true, true) };
    let new = stored::NewDocument {
        organisation_id: actor.organisation_id,
        user_id: person.id,
        kind: q.kind,
        title: &q.title,
        file_name: &q.file_name,
        period_start: q.period_start,
        period_end: q.period_end,
        visible_employee,
        visible_employer,
        uploaded_by: Some(actor.user_id),
        uploaded_by_name: &actor.name,
    };
    let mut doc = stored::store(state, db, new, bytes, now).await?;
    if person.id == actor.user_id {
        // One's own upload is nothing new to read.
        let mut m: person_document::ActiveModel = doc.into();
        m.read_at = Set(Some(now));
        doc = m.update(db).await?;
    }
    if doc.visible_employee && person.id != actor.user_id {
        mail::document_visible(state, actor.organisation_id, person.id, &doc.title).await?;
    }
    Ok(stored::to_dto(doc, person.name))
}

/// Names of `ids`, one query.
pub async fn names(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<HashMap<Uuid, String>, ApiError> {
    let mut ids: Vec<Uuid> = ids.into_iter().collect();
    ids.sort();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect())
}

fn lower(col: person_document::Column) -> Expr {
    Expr::expr(Func::lower(Expr::col((person_document::Entity, col))))
}

/// `LIKE` pattern for a search text, lower case, without the user's own wildcards.
fn like_pattern(q: &str) -> Option<String> {
    let q = q.trim();
    (!q.is_empty()).then(|| format!("%{}%", q.to_lowercase().replace(['%', '_'], "")))
}

/// Lists documents in `organisation_id` for `f`, newest first (keyset on uploaded_at, id).
async fn list(
    state: &AppState,
    organisation_id: Uuid,
    only_person: Option<Uuid>,
    employee_view: bool,
    f: &DocumentFilter,
) -> Result<Page<PersonDocument>, ApiError> {
    let db = &state.db.read;
    let limit = f.limit.unwrap_or(25).clamp(1, 100);
    let page = PageQuery { limit: Some(limit), cursor: f.cursor.clone() };
    let after: Option<(DateTime<Utc>, Uuid)> = page.decode()?;
    let mut find = person_document::Entity::find()
        .filter(person_document::Column::OrganisationId.eq(organisation_id))
        .order_by_desc(person_document::Column::UploadedAt)
        .order_by_desc(person_document::Column::Id)
        .limit(limit + 1);
    find = if employee_view {
        find.filter(person_document::Column::VisibleEmployee.eq(true))
    } else {
        find.filter(person_document::Column::VisibleEmployer.eq(true))
    };
    if let Some(u) = only_person.or(f.user_id) {
        find = find.filter(person_document::Column::UserId.eq(u));
    }
    if let Some(k) = f.kind {
        find = find.filter(person_document::Column::Kind.eq(k.as_str()));
    }
    // The document's period overlaps [from, to]; documents without a period are left out.
    if let Some(from) = f.from {
        find = find.filter(
            Condition::any().add(person_document::Column::PeriodEnd.gte(from)).add(
                Condition::all()
                    .add(person_document::Column::PeriodEnd.is_null())
                    .add(person_document::Column::PeriodStart.gte(from)),
            ),
        );
    }
    if let Some(to) = f.to {
        find = find.filter(person_document::Column::PeriodStart.lte(to));
    }
    if employee_view && f.unread == Some(true) {
        find = find.filter(person_document::Column::ReadAt.is_null());
    }
    if let Some(p) = f.q.as_deref().and_then(like_pattern) {
        let people = Query::select()
            .column((membership::Entity, membership::Column::UserId))
            .from(membership::Entity)
            .inner_join(
                user::Entity,
                Expr::col((user::Entity, user::Column::Id))
                    .equals((membership::Entity, membership::Column::UserId)),
            )
            .and_where(
                Expr::col((membership::Entity, membership::Column::OrganisationId)).eq(organisation_id),
            )
            .and_where(Expr::expr(Func::lower(Expr::col((user::Entity, user::Column::Name)))).like(p.clone()))
            .to_owned();
        find = find.filter(
            Condition::any()
                .add(lower(person_document::Column::Title).like(p.clone()))
                .add(lower(person_document::Column::FileName).like(p))
                .add(person_document::Column::UserId.in_subquery(people)),
        );
    }
    if let Some((at, id)) = after {
        find = find.filter(person_document::Column::UploadedAt.lte(at)).filter(
            Condition::any().add(person_document::Column::UploadedAt.lt(at)).add(
                Condition::all()
                    .add(person_document::Column::UploadedAt.eq(at))
                    .add(person_document::Column::Id.lt(id)),
            ),
        );
    }
    let rows = find.all(db).await?;
    let (rows, next_cursor) = pagination::page(rows, limit, |d| (d.uploaded_at, d.id));
    let names = names(db, rows.iter().map(|d| d.user_id)).await?;
    let items = rows
        .into_iter()
        .map(|d| {
            let name = names.get(&d.user_id).cloned().unwrap_or_default();
            stored::to_dto(d, name)
        })
        .collect();
    Ok(Page { items, next_cursor })
}

/// The employer's list of the organisation's documents.
pub async fn list_employer(
    state: &AppState,
    actor: &Actor,
    f: &DocumentFilter,
) -> Result<Page<PersonDocument>, ApiError> {
    actor.require(Right::ManageEmployeeData)?;
    list(state, actor.organisation_id, None, false, f).await
}

/// The caller's own documents (visible to them).
pub async fn list_mine(
    state: &AppState,
    actor: &Actor,
    f: &DocumentFilter,
) -> Result<Page<PersonDocument>, ApiError> {
    list(state, actor.organisation_id, Some(actor.user_id), true, f).await
}

/// How the actor may see a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seen {
    /// Their own, visible to them.
    Own,
    /// As the employer.
    Employer,
}

async fn visible(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: Uuid,
) -> Result<(person_document::Model, Seen), ApiError> {
    let doc = person_document::Entity::find_by_id(id)
        .filter(person_document::Column::OrganisationId.eq(actor.organisation_id))
        .one(db)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if doc.user_id == actor.user_id && doc.visible_employee {
        Ok((doc, Seen::Own))
    } else if is_employer(actor) && doc.visible_employer {
        Ok((doc, Seen::Employer))
    } else {
        Err(ApiError::not_found())
    }
}

/// `Content-Disposition: attachment` with an ASCII name and the real one encoded (RFC 6266).
pub fn attachment(file_name: &str) -> String {
    let ascii: String = file_name
        .chars()
        .map(|c| if c.is_ascii_graphic() || c == ' ' { c } else { '_' })
        .filter(|c| !matches!(c, '"' | '\\' | ';' | '%'))
        .collect();
    let encoded: String = file_name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// The file as an attachment. The employee's first download marks the document read.
pub async fn download(state: &AppState, actor: &Actor, id: Uuid) -> Result<HttpResponse, ApiError> {
    let db = &state.db.write;
    let (doc, seen) = visible(db, actor, id).await?;
    let bytes = stored::read(state, &doc).await?;
    if seen == Seen::Own && doc.read_at.is_none() {
        // Only the first open counts: a second tab does not move the time.
        person_document::Entity::update_many()
            .col_expr(person_document::Column::ReadAt, Expr::value(state.clock.now()))
            .filter(person_document::Column::Id.eq(doc.id))
            .filter(person_document::Column::ReadAt.is_null())
            .exec(db)
            .await?;
    }
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, doc.content_type.clone()))
        .insert_header((header::CONTENT_DISPOSITION, attachment(&doc.file_name)))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .body(bytes))
}

/// Shows or hides a document for the employee (employer). Becoming visible mails the employee.
pub async fn set_visibility(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: DocumentVisibility,
) -> Result<PersonDocument, ApiError> {
    actor.require(Right::ManageEmployeeData)?;
    let db = &state.db.write;
    let (doc, seen) = visible(db, actor, id).await?;
    if seen != Seen::Employer && !doc.visible_employer {
        return Err(ApiError::not_found());
    }
    if !body.visible_employee && doc.uploaded_by == Some(doc.user_id) {
        let mut v = Validation::default();
        v.add_code("visible_employee", "own_upload", "The employee uploaded this document themselves".into());
        v.finish()?;
    }
    let became_visible = body.visible_employee && !doc.visible_employee;
    let mut m: person_document::ActiveModel = doc.into();
    m.visible_employee = Set(body.visible_employee);
    let doc = m.update(db).await?;
    if became_visible {
        mail::document_visible(state, doc.organisation_id, doc.user_id, &doc.title).await?;
    }
    let name = names(db, [doc.user_id]).await?.remove(&doc.user_id).unwrap_or_default();
    Ok(stored::to_dto(doc, name))
}

/// Deletes a document (employer); a payslip's or a contract's PDF stays with its record.
pub async fn delete(state: &AppState, actor: &Actor, id: Uuid) -> Result<(), ApiError> {
    actor.require(Right::ManageEmployeeData)?;
    let db = &state.db.write;
    let (doc, _) = visible(db, actor, id).await?;
    if !is_employer(actor) || !doc.visible_employer {
        return Err(ApiError::not_found());
    }
    let of_payslip =
        payslip::Entity::find().filter(payslip::Column::DocumentId.eq(doc.id)).one(db).await?.is_some();
    let of_contract =
        contract::Entity::find().filter(contract::Column::DocumentId.eq(doc.id)).one(db).await?.is_some();
    if of_payslip || of_contract {
        return Err(ApiError::conflict_on(
            "id",
            "in_use",
            "This PDF belongs to a payslip or a contract and stays with it",
        ));
    }
    person_document::Entity::delete_by_id(doc.id).exec(db).await?;
    stored::delete_file(state, &doc).await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claimed_type_must_match_the_content() {
        let pdf = b"%PDF-1.7 x";
        assert!(claimed_kind_matches(Some("application/pdf"), "a.pdf", pdf));
        assert!(claimed_kind_matches(Some("application/octet-stream"), "a", pdf));
        assert!(!claimed_kind_matches(Some("image/png"), "a.pdf", pdf));
        assert!(!claimed_kind_matches(None, "scan.png", pdf));
        // Content Poort does not accept at all is refused by the store, not here.
        assert!(claimed_kind_matches(Some("application/pdf"), "a.pdf", b"just text"));
    }

    #[test]
    fn the_download_name_is_safe_ascii_with_the_real_name_encoded() {
        let h = attachment("Diploma \"VCA\"; é.pdf");
        assert!(h.starts_with("attachment; filename=\"Diploma VCA _.pdf\""), "{h}");
        assert!(h.contains("filename*=UTF-8''Diploma%20%22VCA%22%3B%20%C3%A9.pdf"), "{h}");
    }
}
