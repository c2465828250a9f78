//! `/api/v1/employees`, `/api/v1/employee-review`, `/api/v1/employee-imports`,
//! `/api/v1/change-requests`, `/api/v1/me/employee-record`, `/api/v1/me/change-requests`,
//! `/api/v1/payroll/employee-changes`. Thin handlers; rules are in the modules beside.

use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use futures_util::StreamExt;
use serde::Deserialize;
use shared::{
    Page,
    employees::{
        ChangeDecision, ChangeRequest, EmployeeChange, EmployeeRecord, EmployeeRecordInput, EmployeeSummary,
        ImportResult, MyContactUpdate, MyIbanChange, NewChangeRequest, RecordEvent, RevealedSecrets,
        ReviewConfirmation, ReviewProgress,
    },
    error::{ErrorBody, ErrorKind},
};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{
    changes::{self, ChangeQuery},
    import::{self, ImportQuery, MAX_IMPORT_BYTES},
    me,
    payroll::{self, ChangesQuery},
    records::{self, EmployeeQuery},
};
use crate::{audit::ClientInfo, auth::Actor, error::ApiError, integrations::caller::Caller, state::AppState};

/// Registers this capability's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list)
        .service(create)
        .service(get_one)
        .service(update)
        .service(reveal)
        .service(history)
        .service(confirm_review)
        .service(review_progress)
        .service(import_file)
        .service(change_requests)
        .service(decide)
        .service(my_record)
        .service(my_contact)
        .service(my_iban)
        .service(my_requests)
        .service(request_change)
        .service(withdraw)
        .service(payroll_changes);
}

/// The employees of your organisation by name, with filters (manage employee data).
#[utoipa::path(tag = "employees", params(EmployeeQuery), responses((status = 200, body = Page<EmployeeSummary>), (status = 403, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/employees")]
async fn list(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<EmployeeQuery>,
) -> Result<web::Json<Page<EmployeeSummary>>, ApiError> {
    Ok(web::Json(records::list(&state, &actor, &q).await?))
}

/// Add an employee: the person is found by e-mail, or gets an account and an invitation.
#[utoipa::path(
    tag = "employees",
    request_body = EmployeeRecordInput,
    responses(
        (status = 201, body = EmployeeRecord),
        (status = 403, body = ErrorBody),
        (status = 409, description = "`email`: this person has a record already", body = ErrorBody),
        (status = 422, description = "e.g. `bsn` `checksum`/`duplicate`, `iban` `checksum`, `employment.0.starts_on` `overlap`", body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/employees")]
async fn create(
    state: web::Data<AppState>,
    actor: Actor,
    body: web::Json<EmployeeRecordInput>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let r = records::create(&state, &actor, body.into_inner(), &ClientInfo::from_request(&req)).await?;
    Ok(HttpResponse::Created().json(r))
}

/// One employee record, BSN and IBAN masked (manage employee data; 404 for anyone else).
#[utoipa::path(tag = "employees", params(("id" = Uuid, Path, description = "Record id")), responses((status = 200, body = EmployeeRecord), (status = 404, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/employees/{id}")]
async fn get_one(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> Result<web::Json<EmployeeRecord>, ApiError> {
    Ok(web::Json(records::get(&state, &actor, id.into_inner()).await?))
}

/// Change a record (send the `version` you read; BSN/IBAN left out keep what is stored).
#[utoipa::path(
    tag = "employees",
    params(("id" = Uuid, Path, description = "Record id")),
    request_body = EmployeeRecordInput,
    responses(
        (status = 200, body = EmployeeRecord),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`version` `stale`: changed meanwhile", body = ErrorBody),
        (status = 422, body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[put("/employees/{id}")]
async fn update(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: web::Json<EmployeeRecordInput>,
    req: HttpRequest,
) -> Result<web::Json<EmployeeRecord>, ApiError> {
    let client = ClientInfo::from_request(&req);
    Ok(web::Json(records::update(&state, &actor, id.into_inner(), body.into_inner(), &client).await?))
}

/// Show the BSN, IBAN and ID number in full (audited as `employee_data_revealed`).
#[utoipa::path(tag = "employees", params(("id" = Uuid, Path, description = "Record id")), responses((status = 200, body = RevealedSecrets), (status = 404, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[post("/employees/{id}/reveal")]
async fn reveal(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    req: HttpRequest,
) -> Result<web::Json<RevealedSecrets>, ApiError> {
    Ok(web::Json(records::reveal(&state, &actor, id.into_inner(), &ClientInfo::from_request(&req)).await?))
}

/// The record's history, newest first.
#[utoipa::path(tag = "employees", params(("id" = Uuid, Path, description = "Record id")), responses((status = 200, body = Vec<RecordEvent>), (status = 404, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/employees/{id}/history")]
async fn history(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<RecordEvent>>, ApiError> {
    Ok(web::Json(records::history(&state, &actor, id.into_inner()).await?))
}

/// Confirm a record in the yearly review.
#[utoipa::path(
    tag = "employees",
    params(("id" = Uuid, Path, description = "Record id")),
    request_body = ReviewConfirmation,
    responses((status = 200, body = EmployeeRecord), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/employees/{id}/review")]
async fn confirm_review(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: web::Json<ReviewConfirmation>,
    req: HttpRequest,
) -> Result<web::Json<EmployeeRecord>, ApiError> {
    let client = ClientInfo::from_request(&req);
    Ok(web::Json(records::confirm_review(&state, &actor, id.into_inner(), body.into_inner(), &client).await?))
}

/// Query of `GET /api/v1/employee-review`.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct ReviewQuery {
    /// The review year (employees employed in the year before count).
    year: i32,
}

/// Progress of the yearly review (seed 004: every January).
#[utoipa::path(tag = "employees", params(ReviewQuery), responses((status = 200, body = ReviewProgress), (status = 403, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/employee-review")]
async fn review_progress(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<ReviewQuery>,
) -> Result<web::Json<ReviewProgress>, ApiError> {
    Ok(web::Json(records::review_progress(&state, &actor, q.year).await?))
}

/// Import employees: the body is a CSV (UTF-8, `;` or `,`) or XLSX file of at most 5 MB.
/// `dry_run=true` reports per row; `dry_run=false` applies all rows or none (422 while any
/// row is rejected).
#[utoipa::path(
    tag = "employees",
    params(ImportQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses(
        (status = 200, body = ImportResult),
        (status = 403, body = ErrorBody),
        (status = 413, body = ErrorBody),
        (status = 415, description = "Not CSV or XLSX", body = ErrorBody),
        (status = 422, description = "`file`: missing columns, unreadable, or rejected rows on the real run", body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/employee-imports")]
async fn import_file(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<ImportQuery>,
    req: HttpRequest,
    mut body: web::Payload,
) -> Result<web::Json<ImportResult>, ApiError> {
    let too_large = || ApiError::new(ErrorKind::PayloadTooLarge, "The file is larger than 5 MB");
    let declared = req
        .headers()
        .get(actix_web::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_IMPORT_BYTES) {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(declared.unwrap_or(0).min(MAX_IMPORT_BYTES));
    while let Some(chunk) = body.next().await {
        let chunk = chunk.map_err(|_| ApiError::bad_request("The upload broke off"))?;
        if bytes.len() + chunk.len() > MAX_IMPORT_BYTES {
            return Err(too_large());
        }
        bytes.extend_from_slice(&chunk);
    }
    let client = ClientInfo::from_request(&req);
    Ok(web::Json(import::run(&state, &actor, &q, &bytes, &client).await?))
}

/// Change requests of your organisation with a status, oldest first (manage employee data).
#[utoipa::path(tag = "employees", params(ChangeQuery), responses((status = 200, body = Page<ChangeRequest>), (status = 403, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/change-requests")]
async fn change_requests(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<ChangeQuery>,
) -> Result<web::Json<Page<ChangeRequest>>, ApiError> {
    Ok(web::Json(changes::list(&state, &actor, &q).await?))
}

/// Approve (the value is applied) or decline (with a note) a change request; the employee gets a mail.
#[utoipa::path(
    tag = "employees",
    params(("id" = Uuid, Path, description = "Change request id")),
    request_body = ChangeDecision,
    responses((status = 200, body = ChangeRequest), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, description = "`note` required when declining", body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/change-requests/{id}/decision")]
async fn decide(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: web::Json<ChangeDecision>,
    req: HttpRequest,
) -> Result<web::Json<ChangeRequest>, ApiError> {
    let client = ClientInfo::from_request(&req);
    Ok(web::Json(changes::decide(&state, &actor, id.into_inner(), body.into_inner(), &client).await?))
}

/// Your own record in the organisation you act in ("Mijn gegevens"); 404 when there is none.
#[utoipa::path(tag = "employees", responses((status = 200, body = EmployeeRecord), (status = 404, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/me/employee-record")]
async fn my_record(state: web::Data<AppState>, actor: Actor) -> Result<web::Json<EmployeeRecord>, ApiError> {
    Ok(web::Json(me::get(&state, &actor).await?))
}

/// Change your address and phone numbers.
#[utoipa::path(tag = "employees", request_body = MyContactUpdate, responses((status = 200, body = EmployeeRecord), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[put("/me/employee-record/contact")]
async fn my_contact(
    state: web::Data<AppState>,
    actor: Actor,
    body: web::Json<MyContactUpdate>,
    req: HttpRequest,
) -> Result<web::Json<EmployeeRecord>, ApiError> {
    Ok(web::Json(me::contact(&state, &actor, body.into_inner(), &ClientInfo::from_request(&req)).await?))
}

/// Change your IBAN after your current password; your employer is told.
#[utoipa::path(tag = "employees", request_body = MyIbanChange, responses((status = 200, body = EmployeeRecord), (status = 404, body = ErrorBody), (status = 422, description = "`iban` invalid, or `password` `wrong_password`", body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[put("/me/employee-record/iban")]
async fn my_iban(
    state: web::Data<AppState>,
    actor: Actor,
    body: web::Json<MyIbanChange>,
    req: HttpRequest,
) -> Result<web::Json<EmployeeRecord>, ApiError> {
    Ok(web::Json(me::iban(&state, &actor, body.into_inner(), &ClientInfo::from_request(&req)).await?))
}

/// Your change requests, newest first.
#[utoipa::path(tag = "employees", responses((status = 200, body = Vec<ChangeRequest>)), security(("cookie" = []), ("bearer" = [])))]
#[get("/me/change-requests")]
async fn my_requests(
    state: web::Data<AppState>,
    actor: Actor,
) -> Result<web::Json<Vec<ChangeRequest>>, ApiError> {
    Ok(web::Json(changes::mine(&state, &actor).await?))
}

/// Ask your employer to change a field they control, from a date.
#[utoipa::path(tag = "employees", request_body = NewChangeRequest, responses((status = 201, body = ChangeRequest), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[post("/me/change-requests")]
async fn request_change(
    state: web::Data<AppState>,
    actor: Actor,
    body: web::Json<NewChangeRequest>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let c = changes::request(&state, &actor, body.into_inner(), &ClientInfo::from_request(&req)).await?;
    Ok(HttpResponse::Created().json(c))
}

/// Withdraw your pending change request.
#[utoipa::path(tag = "employees", params(("id" = Uuid, Path, description = "Change request id")), responses((status = 200, body = ChangeRequest), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[post("/me/change-requests/{id}/withdraw")]
async fn withdraw(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> Result<web::Json<ChangeRequest>, ApiError> {
    Ok(web::Json(changes::withdraw(&state, &actor, id.into_inner()).await?))
}

/// Changes to employee records after `cursor`, in order, with the full BSN and IBAN, for a
/// payroll system (API clients with `employees:read`; people with manage employee data).
/// Every pull is audited.
#[utoipa::path(tag = "employees", params(ChangesQuery), responses((status = 200, body = Page<EmployeeChange>), (status = 403, body = ErrorBody)), security(("bearer" = []), ("cookie" = [])))]
#[get("/payroll/employee-changes")]
async fn payroll_changes(
    state: web::Data<AppState>,
    caller: Caller,
    q: web::Query<ChangesQuery>,
    req: HttpRequest,
) -> Result<web::Json<Page<EmployeeChange>>, ApiError> {
    Ok(web::Json(payroll::changes(&state, &caller, &q, &ClientInfo::from_request(&req)).await?))
}
