//! `/api/v1/documents`, `/api/v1/me/documents`. Thin handlers; rules are in `service`.

use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};
use futures_util::StreamExt;
use shared::{
    Page,
    documents::{DocumentFilter, DocumentUpload, MAX_PERSON_DOCUMENT_BYTES, PersonDocument},
    error::{ErrorBody, ErrorKind},
};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::service::{self, DocumentVisibility};
use crate::{auth::Actor, error::ApiError, state::AppState};

/// Registers this capability's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(upload).service(list).service(mine).service(download).service(visibility).service(remove);
}

/// Reads a raw upload body of at most `max` bytes: a larger `Content-Length` is refused with
/// 413 before anything is read, and a body that grows past it while streaming too.
pub async fn read_body(req: &HttpRequest, mut body: web::Payload, max: usize) -> Result<Vec<u8>, ApiError> {
    let too_large = || {
        ApiError::new(ErrorKind::PayloadTooLarge, format!("The file is larger than {} MB", max / 1024 / 1024))
    };
    let declared = req
        .headers()
        .get(actix_web::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > max as u64) {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(declared.unwrap_or(0).min(max as u64) as usize);
    while let Some(chunk) = body.next().await {
        let chunk = chunk.map_err(|_| ApiError::bad_request("The upload broke off"))?;
        if bytes.len() + chunk.len() > max {
            return Err(too_large());
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

/// Upload a personal document: the request body is the file (PDF, DOCX, PNG or JPEG, at most
/// 15 MB; the type is checked from the content). Employees upload their own (ID, certificate,
/// other; visible to both); the employer (*manage employee data*) for anyone in the organisation.
#[utoipa::path(
    tag = "documents",
    params(DocumentUpload),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses(
        (status = 201, body = PersonDocument),
        (status = 403, body = ErrorBody),
        (status = 413, description = "Larger than 15 MB (refused from `Content-Length` before reading)", body = ErrorBody),
        (status = 422, description = "`file`: empty, not an accepted type or `type_mismatch` with its claimed type; `title`; `kind`: `not_allowed`; `user_id`: `unknown`", body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/documents")]
async fn upload(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<DocumentUpload>,
    req: HttpRequest,
    body: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let bytes = read_body(&req, body, MAX_PERSON_DOCUMENT_BYTES).await?;
    let content_type = req.headers().get(actix_web::http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok());
    let doc = service::upload(&state, &actor, q.into_inner(), content_type, &bytes).await?;
    Ok(HttpResponse::Created().json(doc))
}

/// The organisation's personal documents (employer, *manage employee data*), newest first, with
/// filters: person, kind, period overlap, words in the title, file name or person's name.
#[utoipa::path(tag = "documents", params(DocumentFilter), responses((status = 200, body = Page<PersonDocument>), (status = 403, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/documents")]
async fn list(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<DocumentFilter>,
) -> Result<web::Json<Page<PersonDocument>>, ApiError> {
    Ok(web::Json(service::list_employer(&state, &actor, &q).await?))
}

/// Your own documents, newest first (`unread=true`: only those you have not opened yet).
#[utoipa::path(tag = "documents", params(DocumentFilter), responses((status = 200, body = Page<PersonDocument>)), security(("cookie" = []), ("bearer" = [])))]
#[get("/me/documents")]
async fn mine(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<DocumentFilter>,
) -> Result<web::Json<Page<PersonDocument>>, ApiError> {
    Ok(web::Json(service::list_mine(&state, &actor, &q).await?))
}

/// Download a document as an attachment. Your first download of your own document marks it read.
#[utoipa::path(
    tag = "documents",
    params(("id" = Uuid, Path, description = "Document id")),
    responses((status = 200, description = "The file", content_type = "application/octet-stream"), (status = 404, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/documents/{id}/file")]
async fn download(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    service::download(&state, &actor, id.into_inner()).await
}

/// Show a document to the employee or hide it (employer). Becoming visible mails the employee.
#[utoipa::path(
    tag = "documents",
    params(("id" = Uuid, Path, description = "Document id")),
    request_body = DocumentVisibility,
    responses((status = 200, body = PersonDocument), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[put("/documents/{id}/visibility")]
async fn visibility(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: web::Json<DocumentVisibility>,
) -> Result<web::Json<PersonDocument>, ApiError> {
    Ok(web::Json(service::set_visibility(&state, &actor, id.into_inner(), body.into_inner()).await?))
}

/// Delete a document (employer). A payslip's or a contract's PDF cannot be deleted (409).
#[utoipa::path(
    tag = "documents",
    params(("id" = Uuid, Path, description = "Document id")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[delete("/documents/{id}")]
async fn remove(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    service::delete(&state, &actor, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
