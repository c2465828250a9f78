//! `/api/v1/contracts` (employer side) and `/api/v1/me/contracts` (the signer). Thin handlers.

use actix_web::{HttpRequest, HttpResponse, get, http::header, post, web};
use futures_util::StreamExt;
use shared::{
    Page,
    auth::SmsCodeSent,
    contracts::{Contract, ContractAuditEntry, NewContract, SignContract},
    documents::MAX_PERSON_DOCUMENT_BYTES,
    error::{ErrorBody, ErrorKind},
};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::service::{self, ContractQuery};
use crate::{audit::ClientInfo, auth::Actor, error::ApiError, state::AppState};

/// Registers this capability's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(offer)
        .service(list)
        .service(get_one)
        .service(withdraw)
        .service(audit_trail)
        .service(download)
        .service(mine)
        .service(my_one)
        .service(sign_code)
        .service(sign);
}

fn too_large() -> ApiError {
    ApiError::new(
        ErrorKind::PayloadTooLarge,
        format!("The file is larger than {} MB", MAX_PERSON_DOCUMENT_BYTES / 1024 / 1024),
    )
}

/// Reads an upload body, refusing one announced or found too large before it is read.
pub async fn read_body(req: &HttpRequest, mut body: web::Payload, max: usize) -> Result<Vec<u8>, ApiError> {
    let announced = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|n| n > max as u64) {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    while let Some(chunk) = body.next().await {
        let chunk = chunk.map_err(|_| ApiError::bad_request("The upload broke off"))?;
        if bytes.len() + chunk.len() > max {
            return Err(too_large());
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

/// Offer a contract to an employee (needs *manage employee data*). The request body is the
/// PDF (at most 15 MB, the type checked from the content); the employee gets a mail with a link.
#[utoipa::path(
    tag = "contracts",
    params(NewContract),
    request_body(content = Vec<u8>, content_type = "application/pdf"),
    responses(
        (status = 201, body = Contract),
        (status = 403, body = ErrorBody),
        (status = 413, body = ErrorBody),
        (status = 422, description = "`user_id` not a member, `title`, `sign_by` in the past, `file` empty or not a PDF", body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/contracts")]
async fn offer(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<NewContract>,
    req: HttpRequest,
    body: web::Payload,
) -> Result<HttpResponse, ApiError> {
    actor.require(shared::auth::Right::ManageEmployeeData)?;
    let bytes = read_body(&req, body, MAX_PERSON_DOCUMENT_BYTES).await?;
    let c = service::offer(&state, &actor, q.into_inner(), &bytes, &ClientInfo::from_request(&req)).await?;
    Ok(HttpResponse::Created().json(c))
}

/// The organisation's contracts, newest first, with filters (needs *manage employee data*).
#[utoipa::path(tag = "contracts", params(ContractQuery), responses((status = 200, body = Page<Contract>), (status = 403, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/contracts")]
async fn list(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<ContractQuery>,
) -> Result<web::Json<Page<Contract>>, ApiError> {
    Ok(web::Json(service::list(&state, &actor, &q).await?))
}

/// One contract: the employer side and the signer.
#[utoipa::path(tag = "contracts", params(("id" = Uuid, Path, description = "Contract id")), responses((status = 200, body = Contract), (status = 404, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/contracts/{id}")]
async fn get_one(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    req: HttpRequest,
) -> Result<web::Json<Contract>, ApiError> {
    let client = ClientInfo::from_request(&req);
    Ok(web::Json(service::get(&state, &actor, id.into_inner(), &client, false).await?))
}

/// Withdraw a contract that is still to sign (needs *manage employee data*).
#[utoipa::path(tag = "contracts", params(("id" = Uuid, Path, description = "Contract id")), responses((status = 200, body = Contract), (status = 404, body = ErrorBody), (status = 409, description = "Not to sign (signed, expired or withdrawn)", body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[post("/contracts/{id}/withdraw")]
async fn withdraw(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    req: HttpRequest,
) -> Result<web::Json<Contract>, ApiError> {
    Ok(web::Json(service::withdraw(&state, &actor, id.into_inner(), &ClientInfo::from_request(&req)).await?))
}

/// The contract's audit trail, oldest first: offered, opened, codes sent, failed attempts,
/// signed (with the document hash), withdrawn — each with time, IP and browser.
#[utoipa::path(tag = "contracts", params(("id" = Uuid, Path, description = "Contract id")), responses((status = 200, body = Vec<ContractAuditEntry>), (status = 404, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/contracts/{id}/audit")]
async fn audit_trail(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<ContractAuditEntry>>, ApiError> {
    Ok(web::Json(service::trail(&state, &actor, id.into_inner()).await?))
}

/// The contract's PDF (as an attachment), for the signer and the employer side.
#[utoipa::path(tag = "contracts", params(("id" = Uuid, Path, description = "Contract id")), responses((status = 200, description = "The PDF", content_type = "application/pdf"), (status = 404, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/contracts/{id}/file")]
async fn download(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let (doc, bytes) = service::file(&state, &actor, id.into_inner()).await?;
    let name: String =
        doc.file_name.chars().filter(|c| c.is_ascii_alphanumeric() || "._- ".contains(*c)).collect();
    Ok(HttpResponse::Ok()
        .content_type(doc.content_type)
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(bytes))
}

/// Your contracts, newest first.
#[utoipa::path(tag = "contracts", responses((status = 200, body = Vec<Contract>)), security(("cookie" = []), ("bearer" = [])))]
#[get("/me/contracts")]
async fn mine(state: web::Data<AppState>, actor: Actor) -> Result<web::Json<Vec<Contract>>, ApiError> {
    Ok(web::Json(service::mine(&state, &actor).await?))
}

/// One of your contracts (opening it is recorded in its audit trail).
#[utoipa::path(tag = "contracts", params(("id" = Uuid, Path, description = "Contract id")), responses((status = 200, body = Contract), (status = 404, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/me/contracts/{id}")]
async fn my_one(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    req: HttpRequest,
) -> Result<web::Json<Contract>, ApiError> {
    let client = ClientInfo::from_request(&req);
    Ok(web::Json(service::get(&state, &actor, id.into_inner(), &client, true).await?))
}

/// Send an SMS code to sign with (for people who use SMS codes).
#[utoipa::path(
    tag = "contracts",
    params(("id" = Uuid, Path, description = "Contract id")),
    responses(
        (status = 202, body = SmsCodeSent),
        (status = 404, body = ErrorBody),
        (status = 409, description = "No SMS codes set up (`no_sms_factor`), or not to sign", body = ErrorBody),
        (status = 429, body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/me/contracts/{id}/sign-code")]
async fn sign_code(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let sent = service::send_code(&state, &actor, id.into_inner(), &ClientInfo::from_request(&req)).await?;
    Ok(HttpResponse::Accepted().json(sent))
}

/// Sign: tick agreement, type your name, give a code from your authenticator app or SMS.
#[utoipa::path(
    tag = "contracts",
    params(("id" = Uuid, Path, description = "Contract id")),
    request_body = SignContract,
    responses(
        (status = 200, body = Contract),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`no_second_factor`, not to sign (signed, expired, withdrawn) or `document_changed`", body = ErrorBody),
        (status = 422, description = "`agree`, `typed_name` or `code`", body = ErrorBody),
        (status = 429, body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/me/contracts/{id}/sign")]
async fn sign(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: web::Json<SignContract>,
    req: HttpRequest,
) -> Result<web::Json<Contract>, ApiError> {
    let client = ClientInfo::from_request(&req);
    Ok(web::Json(service::sign(&state, &actor, id.into_inner(), body.into_inner(), &client).await?))
}
