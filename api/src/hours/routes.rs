//! `/api/v1/me/timesheets`, `/api/v1/timesheets`, `/api/v1/hour-corrections`,
//! `/api/v1/hour-exports`, `/api/v1/planned-hours`, `/api/v1/hour-types`,
//! `/api/v1/hours/settings`. Thin handlers; the rules are in the modules beside.

use actix_web::{HttpResponse, get, http::header, post, put, web};
use shared::{
    Page,
    error::ErrorBody,
    hours::{
        BulkApproval, BulkApprove, CorrectionRequest, DeclarationColumns, ExportBatch, ExportLine, HourType,
        HoursDue, HoursSettings, IsoWeek, NewCorrection, NewExport, PlannedHours, PlannedResult, Reason,
        SaveEntries, SignWeek, Timesheet, TimesheetSummary,
    },
};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{
    approvals::{self, CostCentreQuery, ListQuery},
    columns,
    corrections::{self, CorrectionQuery},
    exports::{self, Report},
    planned, settings, weeks,
};
use crate::{
    audit::ClientInfo, auth::Actor, error::ApiError, integrations::caller::Caller, pagination::PageQuery,
    state::AppState,
};

/// Registers this capability's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(hours_due)
        .service(my_weeks)
        .service(my_week)
        .service(save_week)
        .service(sign_week)
        .service(request_correction)
        .service(get_columns)
        .service(put_columns)
        .service(list_weeks)
        .service(cost_centres)
        .service(approve_many)
        .service(get_week)
        .service(approve_week)
        .service(reject_week)
        .service(list_corrections)
        .service(accept_correction)
        .service(decline_correction)
        .service(hour_types)
        .service(get_settings)
        .service(put_settings)
        .service(create_export)
        .service(list_exports)
        .service(get_export)
        .service(export_lines)
        .service(download)
        .service(push_planned);
}

fn week(s: &str) -> Result<IsoWeek, ApiError> {
    s.parse().map_err(|_| ApiError::bad_request("The week must look like 2026-W47"))
}

/// The week you must sign next, its deadline, and earlier weeks still waiting for you.
#[utoipa::path(tag = "hours", responses((status = 200, body = HoursDue), (status = 401, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/me/hours/due")]
async fn hours_due(state: web::Data<AppState>, actor: Actor) -> Result<web::Json<HoursDue>, ApiError> {
    Ok(web::Json(weeks::due(&state, &actor).await?))
}

/// Your weeks (declarations), newest first, with filters.
#[utoipa::path(tag = "hours", params(ListQuery), responses((status = 200, body = Page<TimesheetSummary>), (status = 401, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/me/timesheets")]
async fn my_weeks(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<ListQuery>,
) -> Result<web::Json<Page<TimesheetSummary>>, ApiError> {
    Ok(web::Json(approvals::list(&state, &actor, &q, true).await?))
}

/// One of your weeks (created, open, on first look).
#[utoipa::path(
    tag = "hours",
    params(("week" = String, Path, description = "ISO week, e.g. 2026-W47")),
    responses((status = 200, body = Timesheet), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/me/timesheets/{week}")]
async fn my_week(
    state: web::Data<AppState>,
    actor: Actor,
    path: web::Path<String>,
) -> Result<web::Json<Timesheet>, ApiError> {
    Ok(web::Json(weeks::view_own(&state, &actor, week(&path)?).await?))
}

/// Save the lines of your week (all of them, replacing what was there), while it is
/// open and before the deadline, or after a rejection.
#[utoipa::path(
    tag = "hours",
    params(("week" = String, Path, description = "ISO week, e.g. 2026-W47")),
    request_body = SaveEntries,
    responses(
        (status = 200, body = Timesheet),
        (status = 409, description = "Locked, signed, or changed elsewhere (`version`)", body = ErrorBody),
        (status = 422, description = "Lines refused; fields like `entries[2].end`", body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[put("/me/timesheets/{week}/entries")]
async fn save_week(
    state: web::Data<AppState>,
    actor: Actor,
    path: web::Path<String>,
    body: web::Json<SaveEntries>,
) -> Result<web::Json<Timesheet>, ApiError> {
    Ok(web::Json(weeks::save(&state, &actor, week(&path)?, body.into_inner()).await?))
}

/// Sign your week (bevestigen / ondertekenen): it goes to your coordinator. After the
/// deadline it is still accepted, marked late.
#[utoipa::path(
    tag = "hours",
    params(("week" = String, Path, description = "ISO week, e.g. 2026-W47")),
    request_body = SignWeek,
    responses((status = 200, body = Timesheet), (status = 409, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/me/timesheets/{week}/sign")]
async fn sign_week(
    state: web::Data<AppState>,
    actor: Actor,
    path: web::Path<String>,
    body: web::Json<SignWeek>,
) -> Result<web::Json<Timesheet>, ApiError> {
    Ok(web::Json(weeks::sign(&state, &actor, week(&path)?, body.into_inner()).await?))
}

/// Ask your planner to correct a week you can no longer change.
#[utoipa::path(
    tag = "hours",
    params(("week" = String, Path, description = "ISO week, e.g. 2026-W47")),
    request_body = NewCorrection,
    responses((status = 201, body = CorrectionRequest), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/me/timesheets/{week}/corrections")]
async fn request_correction(
    state: web::Data<AppState>,
    actor: Actor,
    path: web::Path<String>,
    body: web::Json<NewCorrection>,
) -> Result<HttpResponse, ApiError> {
    let c = weeks::request_correction(&state, &actor, week(&path)?, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(c))
}

/// The columns you chose for your declarations list.
#[utoipa::path(tag = "hours", responses((status = 200, body = DeclarationColumns)), security(("cookie" = []), ("bearer" = [])))]
#[get("/me/hours/columns")]
async fn get_columns(
    state: web::Data<AppState>,
    actor: Actor,
) -> Result<web::Json<DeclarationColumns>, ApiError> {
    Ok(web::Json(columns::get(&state, &actor).await?))
}

/// Choose the columns of your declarations list.
#[utoipa::path(tag = "hours", request_body = DeclarationColumns, responses((status = 200, body = DeclarationColumns), (status = 422, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[put("/me/hours/columns")]
async fn put_columns(
    state: web::Data<AppState>,
    actor: Actor,
    body: web::Json<DeclarationColumns>,
) -> Result<web::Json<DeclarationColumns>, ApiError> {
    Ok(web::Json(columns::put(&state, &actor, body.into_inner()).await?))
}

/// Weeks you may see as coordinator, planner or employer (coordinators and planners:
/// the workers of their teams), newest first, with filters and search.
#[utoipa::path(tag = "hours", params(ListQuery), responses((status = 200, body = Page<TimesheetSummary>), (status = 403, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/timesheets")]
async fn list_weeks(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<ListQuery>,
) -> Result<web::Json<Page<TimesheetSummary>>, ApiError> {
    Ok(web::Json(approvals::list(&state, &actor, &q, false).await?))
}

/// The cost centres (or placements) of the weeks you may see, or with `mine=true` of
/// your own weeks: the choices of the lists' `cost_centre` filter.
#[utoipa::path(tag = "hours", params(CostCentreQuery), responses((status = 200, body = Vec<String>), (status = 403, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/hours/cost-centres")]
async fn cost_centres(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<CostCentreQuery>,
) -> Result<web::Json<Vec<String>>, ApiError> {
    Ok(web::Json(approvals::cost_centres(&state, &actor, q.mine).await?))
}

/// One week you may see.
#[utoipa::path(
    tag = "hours",
    params(("id" = Uuid, Path, description = "Week id")),
    responses((status = 200, body = Timesheet), (status = 404, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/timesheets/{id}")]
async fn get_week(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> Result<web::Json<Timesheet>, ApiError> {
    Ok(web::Json(approvals::get(&state, &actor, id.into_inner()).await?))
}

/// Approve a signed week (not your own).
#[utoipa::path(
    tag = "hours",
    params(("id" = Uuid, Path, description = "Week id")),
    responses((status = 200, body = Timesheet), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/timesheets/{id}/approve")]
async fn approve_week(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> Result<web::Json<Timesheet>, ApiError> {
    Ok(web::Json(approvals::approve(&state, &actor, id.into_inner()).await?))
}

/// Reject a signed week with a reason: it reopens for the worker, who gets a mail.
#[utoipa::path(
    tag = "hours",
    params(("id" = Uuid, Path, description = "Week id")),
    request_body = Reason,
    responses((status = 200, body = Timesheet), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/timesheets/{id}/reject")]
async fn reject_week(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: web::Json<Reason>,
) -> Result<web::Json<Timesheet>, ApiError> {
    Ok(web::Json(approvals::reject(&state, &actor, id.into_inner(), body.into_inner()).await?))
}

/// Approve up to 200 signed weeks at once; each id comes back approved or refused with the reason.
#[utoipa::path(tag = "hours", request_body = BulkApprove, responses((status = 200, body = BulkApproval), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[post("/timesheets/approve")]
async fn approve_many(
    state: web::Data<AppState>,
    actor: Actor,
    body: web::Json<BulkApprove>,
) -> Result<web::Json<BulkApproval>, ApiError> {
    Ok(web::Json(approvals::approve_many(&state, &actor, body.into_inner()).await?))
}

/// Correction requests: planners and coordinators see those of their workers, anyone else their own.
#[utoipa::path(tag = "hours", params(CorrectionQuery), responses((status = 200, body = Page<CorrectionRequest>)), security(("cookie" = []), ("bearer" = [])))]
#[get("/hour-corrections")]
async fn list_corrections(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<CorrectionQuery>,
) -> Result<web::Json<Page<CorrectionRequest>>, ApiError> {
    Ok(web::Json(corrections::list(&state, &actor, &q).await?))
}

/// Accept a correction: the proposed lines replace the week's, recorded as your change
/// on the worker's request (an approved week goes back for approval).
#[utoipa::path(
    tag = "hours",
    params(("id" = Uuid, Path, description = "Correction request id")),
    responses((status = 200, body = CorrectionRequest), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/hour-corrections/{id}/accept")]
async fn accept_correction(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> Result<web::Json<CorrectionRequest>, ApiError> {
    Ok(web::Json(corrections::accept(&state, &actor, id.into_inner()).await?))
}

/// Decline a correction with a reason for the worker.
#[utoipa::path(
    tag = "hours",
    params(("id" = Uuid, Path, description = "Correction request id")),
    request_body = Reason,
    responses((status = 200, body = CorrectionRequest), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/hour-corrections/{id}/decline")]
async fn decline_correction(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: web::Json<Reason>,
) -> Result<web::Json<CorrectionRequest>, ApiError> {
    Ok(web::Json(corrections::decline(&state, &actor, id.into_inner(), body.into_inner()).await?))
}

/// Your organisation's hour types.
#[utoipa::path(tag = "hours", responses((status = 200, body = Vec<HourType>)), security(("cookie" = []), ("bearer" = []), ("client" = ["hours:plan"])))]
#[get("/hour-types")]
async fn hour_types(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<web::Json<Vec<HourType>>, ApiError> {
    caller.require_scope(shared::integrations::ApiScope::HoursPlan)?;
    Ok(web::Json(settings::hour_types(&state.db.write, caller.scope()).await?))
}

/// Your organisation's deadline and reminder moments.
#[utoipa::path(tag = "hours", responses((status = 200, body = HoursSettings)), security(("cookie" = []), ("bearer" = [])))]
#[get("/hours/settings")]
async fn get_settings(
    state: web::Data<AppState>,
    actor: Actor,
) -> Result<web::Json<HoursSettings>, ApiError> {
    Ok(web::Json(settings::of(&state.db.read, actor.organisation_id).await?))
}

/// Change the deadline and reminder moments (needs *manage rights*). Weeks whose
/// deadline is still ahead move to the new one.
#[utoipa::path(tag = "hours", request_body = HoursSettings, responses((status = 200, body = HoursSettings), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[put("/hours/settings")]
async fn put_settings(
    state: web::Data<AppState>,
    req: actix_web::HttpRequest,
    actor: Actor,
    body: web::Json<HoursSettings>,
) -> Result<web::Json<HoursSettings>, ApiError> {
    Ok(web::Json(settings::update(&state, &actor, body.into_inner(), &ClientInfo::from_request(&req)).await?))
}

/// Export every approved week (up to a week) for payroll and billing: the weeks
/// become processed. Idempotent by `idempotency_key`: the same key returns the same
/// batch (200) instead of a new one (201). People need *manage employee data*;
/// payroll systems `hours:export`.
#[utoipa::path(
    tag = "hours",
    request_body = NewExport,
    responses((status = 201, body = ExportBatch), (status = 200, description = "The batch made earlier with this key", body = ExportBatch), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []), ("client" = ["hours:export"]))
)]
#[post("/hour-exports")]
async fn create_export(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<NewExport>,
) -> Result<HttpResponse, ApiError> {
    let (batch, new) = exports::create(&state, &caller, body.into_inner()).await?;
    let location = format!("/api/v1/hour-exports/{}", batch.id);
    Ok(if new { HttpResponse::Created() } else { HttpResponse::Ok() }
        .insert_header((header::LOCATION, location))
        .json(batch))
}

/// Export batches, newest first.
#[utoipa::path(tag = "hours", params(PageQuery), responses((status = 200, body = Page<ExportBatch>), (status = 403, body = ErrorBody)), security(("cookie" = []), ("bearer" = []), ("client" = ["hours:export"])))]
#[get("/hour-exports")]
async fn list_exports(
    state: web::Data<AppState>,
    caller: Caller,
    q: web::Query<PageQuery>,
) -> Result<web::Json<Page<ExportBatch>>, ApiError> {
    Ok(web::Json(exports::list(&state, &caller, &q).await?))
}

/// One export batch.
#[utoipa::path(tag = "hours", params(("id" = Uuid, Path, description = "Batch id")), responses((status = 200, body = ExportBatch), (status = 404, body = ErrorBody)), security(("cookie" = []), ("bearer" = []), ("client" = ["hours:export"])))]
#[get("/hour-exports/{id}")]
async fn get_export(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<ExportBatch>, ApiError> {
    Ok(web::Json(exports::get(&state, &caller, id.into_inner()).await?))
}

/// The lines of an export batch (per worker, day, client and hour type), for payroll and billing systems.
#[utoipa::path(tag = "hours", params(("id" = Uuid, Path, description = "Batch id"), PageQuery), responses((status = 200, body = Page<ExportLine>), (status = 404, body = ErrorBody)), security(("cookie" = []), ("bearer" = []), ("client" = ["hours:export"])))]
#[get("/hour-exports/{id}/lines")]
async fn export_lines(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    q: web::Query<PageQuery>,
) -> Result<web::Json<Page<ExportLine>>, ApiError> {
    Ok(web::Json(exports::lines_page(&state, &caller, id.into_inner(), &q).await?))
}

/// Download a batch: `payroll` (per worker, week and hour type) or `billing` (per
/// municipality, client and hour type), as `csv` (semicolons, decimal comma) or `xlsx`.
#[utoipa::path(
    tag = "hours",
    params(
        ("id" = Uuid, Path, description = "Batch id"),
        ("file" = String, Path, description = "payroll.csv, payroll.xlsx, billing.csv or billing.xlsx")
    ),
    responses(
        (status = 200, description = "The file, as an attachment", content_type = "text/csv"),
        (status = 404, body = ErrorBody)
    ),
    security(("cookie" = []), ("bearer" = []), ("client" = ["hours:export"]))
)]
#[get("/hour-exports/{id}/{file}")]
async fn download(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(Uuid, String)>,
) -> Result<HttpResponse, ApiError> {
    let (id, file) = path.into_inner();
    let (report, ext) = match file.as_str() {
        "payroll.csv" => (Report::Payroll, "csv"),
        "payroll.xlsx" => (Report::Payroll, "xlsx"),
        "billing.csv" => (Report::Billing, "csv"),
        "billing.xlsx" => (Report::Billing, "xlsx"),
        _ => return Err(ApiError::not_found()),
    };
    let batch = exports::get(&state, &caller, id).await?;
    let rows = exports::sums(&state.db.read, caller.scope().organisation_id(), batch.id, report).await?;
    let (body, mime) = if ext == "csv" {
        (exports::to_csv(report, &rows)?, "text/csv; charset=utf-8")
    } else {
        (
            exports::to_xlsx(report, &rows)?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    };
    let name = format!("uren-{}-{}.{ext}", report.name(), batch.created_at.format("%Y%m%d-%H%M%S"));
    Ok(HttpResponse::Ok()
        .content_type(mime)
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")))
        .body(body))
}

/// Put planned hours in workers' open weeks, for them to confirm (planning systems:
/// `hours:plan`; planners and coordinators in the app). Lines are matched on
/// `external_id`: pushing one again updates it.
#[utoipa::path(tag = "hours", request_body = PlannedHours, responses((status = 200, body = PlannedResult), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)), security(("cookie" = []), ("bearer" = []), ("client" = ["hours:plan"])))]
#[post("/planned-hours")]
async fn push_planned(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<PlannedHours>,
) -> Result<web::Json<PlannedResult>, ApiError> {
    Ok(web::Json(planned::push(&state, &caller, body.into_inner()).await?))
}
