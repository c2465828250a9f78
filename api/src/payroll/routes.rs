//! `/api/v1/payroll/*` (pushes by a payroll system, scope `payroll:write`), `/api/v1/payslips`,
//! `/api/v1/me/payslips`, accruals and payments. Thin handlers; rules are in `service`.

use actix_web::{HttpRequest, HttpResponse, get, post, web};
use serde::de::DeserializeOwned;
use shared::{
    Page,
    error::ErrorBody,
    payroll::{Accrual, AccrualPush, Payment, PaymentPush, Payslip, PayslipPush},
};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::service::{
    self, AccrualQuery, MAX_PAYSLIP_PDF_BYTES, MAX_PUSH_BYTES, PaymentQuery, PayslipQuery, PayslipUpload,
    Pushed,
};
use crate::{
    auth::Actor, documents::routes::read_body, error::ApiError, integrations::caller::Caller, state::AppState,
};

/// Registers this capability's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(push_payslip)
        .service(push_accrual)
        .service(push_payment)
        .service(upload_payslip)
        .service(payslips_for)
        .service(my_payslips)
        .service(my_years)
        .service(years_for)
        .service(my_accruals)
        .service(accruals_for)
        .service(my_payments)
        .service(payments_for);
}

/// A JSON body larger than the server's usual limit (a payslip carries its PDF): the
/// `Content-Length` is checked before reading, 413 beyond `max`.
async fn json_body<T: DeserializeOwned>(
    req: &HttpRequest,
    body: web::Payload,
    max: usize,
) -> Result<T, ApiError> {
    let bytes = read_body(req, body, max).await?;
    serde_json::from_slice(&bytes).map_err(|e| ApiError::bad_request(format!("Invalid JSON body: {e}")))
}

fn answer<T: serde::Serialize>(pushed: Pushed, body: T) -> HttpResponse {
    match pushed {
        Pushed::Created => HttpResponse::Created().json(body),
        Pushed::Existing => HttpResponse::Ok().json(body),
    }
}

/// Push a payslip or annual statement (payroll system, scope `payroll:write`; or a person with
/// *manage employee data*). Idempotent by `external_id`: a repeat answers 200 with the stored
/// one. The employee gets a mail.
#[utoipa::path(
    tag = "payroll",
    request_body = PayslipPush,
    responses(
        (status = 201, body = Payslip),
        (status = 200, description = "Pushed before (same `external_id`): the stored payslip", body = Payslip),
        (status = 403, description = "No `payroll:write` scope", body = ErrorBody),
        (status = 413, body = ErrorBody),
        (status = 422, description = "`personnel_number`: `not_found`; `pdf_base64`: `invalid`, `too_large` (5 MB) or `type` (not a PDF); `period`, `period_kind`, `year`", body = ErrorBody),
    ),
    security(("bearer" = []), ("cookie" = []))
)]
#[post("/payroll/payslips")]
async fn push_payslip(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    body: web::Payload,
) -> Result<HttpResponse, ApiError> {
    caller.require_scope(shared::integrations::ApiScope::PayrollWrite)?;
    let push: PayslipPush = json_body(&req, body, MAX_PUSH_BYTES).await?;
    let (pushed, payslip) = service::push_payslip(&state, &caller, push).await?;
    Ok(answer(pushed, payslip))
}

/// Push an accrual balance (scope `payroll:write`); idempotent by `external_id`.
#[utoipa::path(
    tag = "payroll",
    request_body = AccrualPush,
    responses((status = 201, body = Accrual), (status = 200, body = Accrual), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []), ("cookie" = []))
)]
#[post("/payroll/accruals")]
async fn push_accrual(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<AccrualPush>,
) -> Result<HttpResponse, ApiError> {
    let (pushed, a) = service::push_accrual(&state, &caller, body.into_inner()).await?;
    Ok(answer(pushed, a))
}

/// Push a payment made (scope `payroll:write`); idempotent by `external_id`.
#[utoipa::path(
    tag = "payroll",
    request_body = PaymentPush,
    responses((status = 201, body = Payment), (status = 200, body = Payment), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []), ("cookie" = []))
)]
#[post("/payroll/payments")]
async fn push_payment(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<PaymentPush>,
) -> Result<HttpResponse, ApiError> {
    let (pushed, p) = service::push_payment(&state, &caller, body.into_inner()).await?;
    Ok(answer(pushed, p))
}

/// Upload a payslip or annual statement PDF with its totals (employer, *manage employee data*):
/// the body is the PDF (at most 5 MB).
#[utoipa::path(
    tag = "payroll",
    params(PayslipUpload),
    request_body(content = Vec<u8>, content_type = "application/pdf"),
    responses((status = 201, body = Payslip), (status = 403, body = ErrorBody), (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/payslips")]
async fn upload_payslip(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<PayslipUpload>,
    req: HttpRequest,
    body: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let pdf = read_body(&req, body, MAX_PAYSLIP_PDF_BYTES).await?;
    Ok(HttpResponse::Created().json(service::upload_payslip(&state, &actor, q.into_inner(), &pdf).await?))
}

/// An employee's payslips of a year, newest first (employer; `user_id` required).
#[utoipa::path(tag = "payroll", params(PayslipQuery), responses((status = 200, body = Vec<Payslip>), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/payslips")]
async fn payslips_for(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<PayslipQuery>,
) -> Result<web::Json<Vec<Payslip>>, ApiError> {
    Ok(web::Json(service::payslips_for(&state, &actor, &q).await?))
}

/// Your payslips and annual statements of a year (default the latest), newest first. Open the
/// PDF with `GET /api/v1/documents/{document_id}/file`.
#[utoipa::path(tag = "payroll", params(PayslipQuery), responses((status = 200, body = Vec<Payslip>)), security(("cookie" = []), ("bearer" = [])))]
#[get("/me/payslips")]
async fn my_payslips(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<PayslipQuery>,
) -> Result<web::Json<Vec<Payslip>>, ApiError> {
    Ok(web::Json(service::my_payslips(&state, &actor, &q).await?))
}

/// The years you have payslips in, newest first.
#[utoipa::path(tag = "payroll", responses((status = 200, body = Vec<i32>)), security(("cookie" = []), ("bearer" = [])))]
#[get("/me/payslips/years")]
async fn my_years(state: web::Data<AppState>, actor: Actor) -> Result<web::Json<Vec<i32>>, ApiError> {
    Ok(web::Json(service::my_years(&state, &actor).await?))
}

/// The years an employee has payslips in (employer).
#[utoipa::path(
    tag = "payroll",
    params(("user_id" = Uuid, Path, description = "The employee")),
    responses((status = 200, body = Vec<i32>), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/payslips/years/{user_id}")]
async fn years_for(
    state: web::Data<AppState>,
    actor: Actor,
    user_id: web::Path<Uuid>,
) -> Result<web::Json<Vec<i32>>, ApiError> {
    Ok(web::Json(service::years_for(&state, &actor, user_id.into_inner()).await?))
}

/// Your accruals (vacation hours, holiday pay, …): per kind the balances over time, oldest
/// first; the last of each kind is the balance now. Hours in minutes, money in cents.
#[utoipa::path(tag = "payroll", responses((status = 200, body = Vec<Accrual>)), security(("cookie" = []), ("bearer" = [])))]
#[get("/me/accruals")]
async fn my_accruals(state: web::Data<AppState>, actor: Actor) -> Result<web::Json<Vec<Accrual>>, ApiError> {
    Ok(web::Json(service::my_accruals(&state, &actor).await?))
}

/// An employee's accruals (employer; `user_id` required).
#[utoipa::path(tag = "payroll", params(AccrualQuery), responses((status = 200, body = Vec<Accrual>), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/accruals")]
async fn accruals_for(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<AccrualQuery>,
) -> Result<web::Json<Vec<Accrual>>, ApiError> {
    Ok(web::Json(service::accruals_for(&state, &actor, &q).await?))
}

/// Your payments, newest first (period filter `from`/`to`, keyset pages).
#[utoipa::path(tag = "payroll", params(PaymentQuery), responses((status = 200, body = Page<Payment>)), security(("cookie" = []), ("bearer" = [])))]
#[get("/me/payments")]
async fn my_payments(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<PaymentQuery>,
) -> Result<web::Json<Page<Payment>>, ApiError> {
    Ok(web::Json(service::my_payments(&state, &actor, &q).await?))
}

/// An employee's payments (employer; `user_id` required).
#[utoipa::path(tag = "payroll", params(PaymentQuery), responses((status = 200, body = Page<Payment>), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/payments")]
async fn payments_for(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<PaymentQuery>,
) -> Result<web::Json<Page<Payment>>, ApiError> {
    Ok(web::Json(service::payments_for(&state, &actor, &q).await?))
}
