//! `/api/v1/me/absence`, `/api/v1/absence-cases`, `/api/v1/absence-activities`.
//! Thin handlers; access, rules and allowlists are in the modules beside.

use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};
use futures_util::StreamExt;
use shared::{
    Page,
    absence::{
        AbsenceCase, AbsencePending, Activity, ActivityDone, CaseSummary, Document, FactsUpdate,
        MAX_DOCUMENT_BYTES, MedicalNote, NewActivity, NewMedicalNote, NewSickReport, NewStatement,
        OutOfEmployment, OwnRecovery, OwnSickReport, PersonRef, RecoveryReport, Statement, Visibility,
    },
    error::{ErrorBody, ErrorKind},
};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{
    access,
    activities::{self, ActivityQuery, CaseQuery},
    documents::{self, UploadQuery},
    physician, reports, view,
};
use crate::{audit, audit::ClientInfo, auth::Actor, error::ApiError, state::AppState};

/// Registers this capability's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(my_cases)
        .service(report_sick)
        .service(pending)
        .service(report_recovered)
        .service(list_cases)
        .service(report_for)
        .service(reportable)
        .service(get_case)
        .service(put_facts)
        .service(add_recovery)
        .service(out_of_employment)
        .service(add_activity)
        .service(upload)
        .service(download)
        .service(visibility)
        .service(list_notes)
        .service(add_note)
        .service(add_statement)
        .service(list_activities)
        .service(mark_done)
        .service(undo_done);
}

/// Your own absence cases, newest first.
#[utoipa::path(tag = "absence", responses((status = 200, body = Vec<CaseSummary>), (status = 401, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/me/absence")]
async fn my_cases(state: web::Data<AppState>, actor: Actor) -> Result<web::Json<Vec<CaseSummary>>, ApiError> {
    Ok(web::Json(activities::own_cases(&state, &actor).await?))
}

/// Report yourself sick (ziekmelden). Within 28 days of recovering from a case, it continues that case.
#[utoipa::path(
    tag = "absence",
    request_body = OwnSickReport,
    responses(
        (status = 201, body = AbsenceCase),
        (status = 409, description = "You already have an open case, or the day falls inside an earlier case", body = ErrorBody),
        (status = 422, body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/me/absence")]
async fn report_sick(
    state: web::Data<AppState>,
    actor: Actor,
    body: web::Json<OwnSickReport>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(reports::report_own(&state, &actor, body.into_inner()).await?))
}

/// What needs you in absence cases within 14 days (or is overdue), for the dashboard.
#[utoipa::path(tag = "absence", responses((status = 200, body = AbsencePending)), security(("cookie" = []), ("bearer" = [])))]
#[get("/me/absence/pending")]
async fn pending(state: web::Data<AppState>, actor: Actor) -> Result<web::Json<AbsencePending>, ApiError> {
    Ok(web::Json(activities::pending(&state, &actor).await?))
}

/// Report yourself recovered (hersteldmelden): the first day back at work.
#[utoipa::path(
    tag = "absence",
    params(("id" = Uuid, Path, description = "Case id")),
    request_body = OwnRecovery,
    responses((status = 200, body = AbsenceCase), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/me/absence/{id}/recovered")]
async fn report_recovered(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: web::Json<OwnRecovery>,
) -> Result<web::Json<AbsenceCase>, ApiError> {
    Ok(web::Json(reports::recover_own(&state, &actor, id.into_inner(), body.into_inner()).await?))
}

/// Cases you follow: as employer (with the right to report absence) or as the
/// arbodienst (every organisation you serve), newest first.
#[utoipa::path(tag = "absence", params(CaseQuery), responses((status = 200, body = Page<CaseSummary>), (status = 403, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/absence-cases")]
async fn list_cases(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<CaseQuery>,
) -> Result<web::Json<Page<CaseSummary>>, ApiError> {
    Ok(web::Json(activities::cases(&state, &actor, &q).await?))
}

/// Report an employee of your organisation sick (needs the right to report absence).
#[utoipa::path(
    tag = "absence",
    request_body = NewSickReport,
    responses(
        (status = 201, body = AbsenceCase),
        (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody),
        (status = 422, description = "e.g. `user_id`: not a member of your organisation", body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/absence-cases")]
async fn report_for(
    state: web::Data<AppState>,
    actor: Actor,
    body: web::Json<NewSickReport>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(reports::report_for(&state, &actor, body.into_inner()).await?))
}

/// Query of `GET /api/v1/absence-cases/reportable`.
#[derive(Debug, Clone, serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct ReportableQuery {
    /// Part of the name.
    #[serde(default)]
    q: String,
}

/// People of your organisation you may report sick, by name (at most 20).
#[utoipa::path(tag = "absence", params(ReportableQuery), responses((status = 200, body = Vec<PersonRef>), (status = 403, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/absence-cases/reportable")]
async fn reportable(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<ReportableQuery>,
) -> Result<web::Json<Vec<PersonRef>>, ApiError> {
    Ok(web::Json(reports::reportable(&state.db.read, &actor, &q.q).await?))
}

/// One case as you may see it: the employee their own; the employer and the
/// arbodienst without anything medical; documents by their visibility.
#[utoipa::path(
    tag = "absence",
    params(("id" = Uuid, Path, description = "Case id")),
    responses((status = 200, body = AbsenceCase), (status = 404, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/absence-cases/{id}")]
async fn get_case(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    req: HttpRequest,
) -> Result<web::Json<AbsenceCase>, ApiError> {
    let (case, audience) = access::visible(&state.db.read, &actor, id.into_inner()).await?;
    if access::audited(audience) {
        let event = access::read_event(&actor, &case, "absence_case_read", case.id);
        audit::record(&state.db.write, event, &ClientInfo::from_request(&req), state.clock.now()).await?;
    }
    Ok(web::Json(view::build(&state.db.read, &case, audience, reports::today(state.clock.now())).await?))
}

/// Replace what the employer recorded (only what the law allows; never medical information).
#[utoipa::path(
    tag = "absence",
    params(("id" = Uuid, Path, description = "Case id")),
    request_body = FactsUpdate,
    responses((status = 200, body = AbsenceCase), (status = 409, description = "Changed elsewhere (`version`)", body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[put("/absence-cases/{id}/facts")]
async fn put_facts(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: web::Json<FactsUpdate>,
) -> Result<web::Json<AbsenceCase>, ApiError> {
    Ok(web::Json(reports::update_facts(&state, &actor, id.into_inner(), body.into_inner()).await?))
}

/// Report (partial) recovery from a date; 100 % closes the case and its open activities.
#[utoipa::path(
    tag = "absence",
    params(("id" = Uuid, Path, description = "Case id")),
    request_body = RecoveryReport,
    responses((status = 200, body = AbsenceCase), (status = 422, description = "`from_date` before the first sick day or not after the previous step; `percent` outside 0–100", body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/absence-cases/{id}/recoveries")]
async fn add_recovery(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: web::Json<RecoveryReport>,
) -> Result<web::Json<AbsenceCase>, ApiError> {
    Ok(web::Json(reports::recover(&state, &actor, id.into_inner(), body.into_inner(), false).await?))
}

/// Employment ended during the case (ziek uit dienst): the employer's steps after that day close.
#[utoipa::path(
    tag = "absence",
    params(("id" = Uuid, Path, description = "Case id")),
    request_body = OutOfEmployment,
    responses((status = 200, body = AbsenceCase), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/absence-cases/{id}/out-of-employment")]
async fn out_of_employment(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: web::Json<OutOfEmployment>,
) -> Result<web::Json<AbsenceCase>, ApiError> {
    Ok(web::Json(reports::out_of_employment(&state, &actor, id.into_inner(), body.into_inner()).await?))
}

/// Add an activity to a case (arbodienst).
#[utoipa::path(
    tag = "absence",
    params(("id" = Uuid, Path, description = "Case id")),
    request_body = NewActivity,
    responses((status = 201, body = Activity), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/absence-cases/{id}/activities")]
async fn add_activity(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: web::Json<NewActivity>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created()
        .json(activities::add(&state, &actor, id.into_inner(), body.into_inner()).await?))
}

/// Upload a dossier document: the request body is the file (PDF, DOCX, PNG or JPEG,
/// at most 10 MB; the type is checked from the content).
#[utoipa::path(
    tag = "absence",
    params(("id" = Uuid, Path, description = "Case id"), UploadQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 201, body = Document), (status = 413, body = ErrorBody), (status = 422, description = "`file`: empty, too large or not an accepted type", body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/absence-cases/{id}/documents")]
async fn upload(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    q: web::Query<UploadQuery>,
    mut body: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = body.next().await {
        let chunk = chunk.map_err(|_| ApiError::bad_request("The upload broke off"))?;
        if bytes.len() + chunk.len() > MAX_DOCUMENT_BYTES {
            return Err(ApiError::new(ErrorKind::PayloadTooLarge, "The file is larger than 10 MB"));
        }
        bytes.extend_from_slice(&chunk);
    }
    let doc = documents::upload(&state, &actor, id.into_inner(), q.into_inner(), &bytes).await?;
    Ok(HttpResponse::Created().json(doc))
}

/// Download a document you may see (as an attachment).
#[utoipa::path(
    tag = "absence",
    params(("id" = Uuid, Path, description = "Case id"), ("doc" = Uuid, Path, description = "Document id")),
    responses((status = 200, description = "The file", content_type = "application/octet-stream"), (status = 404, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/absence-cases/{id}/documents/{doc}")]
async fn download(
    state: web::Data<AppState>,
    actor: Actor,
    path: web::Path<(Uuid, Uuid)>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let (case, doc) = path.into_inner();
    documents::download(&state, &actor, case, doc, &ClientInfo::from_request(&req)).await
}

/// Change who sees a document (arbodienst); newly allowed readers get a mail.
#[utoipa::path(
    tag = "absence",
    params(("id" = Uuid, Path, description = "Case id"), ("doc" = Uuid, Path, description = "Document id")),
    request_body = Visibility,
    responses((status = 200, body = Document), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[put("/absence-cases/{id}/documents/{doc}/visibility")]
async fn visibility(
    state: web::Data<AppState>,
    actor: Actor,
    path: web::Path<(Uuid, Uuid)>,
    body: web::Json<Visibility>,
) -> Result<web::Json<Document>, ApiError> {
    let (case, doc) = path.into_inner();
    Ok(web::Json(documents::set_visibility(&state, &actor, case, doc, body.into_inner()).await?))
}

/// The medical notes of a case: the occupational physician only (404 for anyone else).
#[utoipa::path(
    tag = "absence",
    params(("id" = Uuid, Path, description = "Case id")),
    responses((status = 200, body = Vec<MedicalNote>), (status = 404, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/absence-cases/{id}/medical-notes")]
async fn list_notes(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    req: HttpRequest,
) -> Result<web::Json<Vec<MedicalNote>>, ApiError> {
    Ok(web::Json(physician::notes(&state, &actor, id.into_inner(), &ClientInfo::from_request(&req)).await?))
}

/// Add a medical note (occupational physician only).
#[utoipa::path(
    tag = "absence",
    params(("id" = Uuid, Path, description = "Case id")),
    request_body = NewMedicalNote,
    responses((status = 201, body = MedicalNote), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/absence-cases/{id}/medical-notes")]
async fn add_note(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: web::Json<NewMedicalNote>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created()
        .json(physician::add_note(&state, &actor, id.into_inner(), body.into_inner()).await?))
}

/// What the employer may hear (occupational physician): limitations, capacity, duration, advice.
#[utoipa::path(
    tag = "absence",
    params(("id" = Uuid, Path, description = "Case id")),
    request_body = NewStatement,
    responses((status = 201, body = Statement), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/absence-cases/{id}/statements")]
async fn add_statement(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: web::Json<NewStatement>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created()
        .json(physician::add_statement(&state, &actor, id.into_inner(), body.into_inner()).await?))
}

/// The dossier view: every activity done or still to do across the cases you follow,
/// by due date, with filters and search.
#[utoipa::path(tag = "absence", params(ActivityQuery), responses((status = 200, body = Page<Activity>), (status = 403, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/absence-activities")]
async fn list_activities(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<ActivityQuery>,
) -> Result<web::Json<Page<Activity>>, ApiError> {
    Ok(web::Json(activities::list(&state, &actor, &q).await?))
}

/// Mark an activity done.
#[utoipa::path(
    tag = "absence",
    params(("id" = Uuid, Path, description = "Activity id")),
    request_body = ActivityDone,
    responses((status = 200, body = Activity), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/absence-activities/{id}/done")]
async fn mark_done(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: web::Json<ActivityDone>,
) -> Result<web::Json<Activity>, ApiError> {
    Ok(web::Json(activities::mark_done(&state, &actor, id.into_inner(), body.into_inner()).await?))
}

/// Take back a done mark made by mistake.
#[utoipa::path(
    tag = "absence",
    params(("id" = Uuid, Path, description = "Activity id")),
    responses((status = 200, body = Activity), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[delete("/absence-activities/{id}/done")]
async fn undo_done(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> Result<web::Json<Activity>, ApiError> {
    Ok(web::Json(activities::undo_done(&state, &actor, id.into_inner()).await?))
}
