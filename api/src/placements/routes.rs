//! `/api/v1/placements`, `/api/v1/me/placements`, `/api/v1/me/phase`,
//! `/api/v1/employees/{user_id}/phase`. Thin handlers; rules are in `service`.

use actix_web::{HttpResponse, delete, get, post, put, web};
use shared::{
    Page,
    error::ErrorBody,
    placements::{PhaseProgress, Placement, PlacementInput},
};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::service::{self, PhaseInput, PlacementQuery};
use crate::{auth::Actor, error::ApiError, state::AppState};

/// Registers this capability's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list)
        .service(create)
        .service(update)
        .service(remove)
        .service(mine)
        .service(my_phase)
        .service(phase_of)
        .service(set_phase);
}

/// The organisation's placements, latest start first (employer), filtered by person, hirer and period.
#[utoipa::path(tag = "placements", params(PlacementQuery), responses((status = 200, body = Page<Placement>), (status = 403, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/placements")]
async fn list(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<PlacementQuery>,
) -> Result<web::Json<Page<Placement>>, ApiError> {
    Ok(web::Json(service::list(&state, &actor, &q).await?))
}

/// Add a placement (employer).
#[utoipa::path(tag = "placements", request_body = PlacementInput, responses((status = 201, body = Placement), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[post("/placements")]
async fn create(
    state: web::Data<AppState>,
    actor: Actor,
    body: web::Json<PlacementInput>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(service::create(&state, &actor, body.into_inner()).await?))
}

/// Change a placement (employer).
#[utoipa::path(
    tag = "placements",
    params(("id" = Uuid, Path, description = "Placement id")),
    request_body = PlacementInput,
    responses((status = 200, body = Placement), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[put("/placements/{id}")]
async fn update(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: web::Json<PlacementInput>,
) -> Result<web::Json<Placement>, ApiError> {
    Ok(web::Json(service::update(&state, &actor, id.into_inner(), body.into_inner()).await?))
}

/// Delete a placement (employer).
#[utoipa::path(
    tag = "placements",
    params(("id" = Uuid, Path, description = "Placement id")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[delete("/placements/{id}")]
async fn remove(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    service::delete(&state, &actor, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Your placements, latest start first.
#[utoipa::path(tag = "placements", responses((status = 200, body = Vec<Placement>)), security(("cookie" = []), ("bearer" = [])))]
#[get("/me/placements")]
async fn mine(state: web::Data<AppState>, actor: Actor) -> Result<web::Json<Vec<Placement>>, ApiError> {
    Ok(web::Json(service::mine(&state, &actor).await?))
}

/// Where you stand in the agency CAO's phase system: weeks counted, what comes next (404 without a phase).
#[utoipa::path(tag = "placements", responses((status = 200, body = PhaseProgress), (status = 404, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/me/phase")]
async fn my_phase(state: web::Data<AppState>, actor: Actor) -> Result<web::Json<PhaseProgress>, ApiError> {
    Ok(web::Json(service::my_phase(&state, &actor).await?))
}

/// Where a worker stands (employer; 404 without a phase).
#[utoipa::path(
    tag = "placements",
    params(("user_id" = Uuid, Path, description = "The worker")),
    responses((status = 200, body = PhaseProgress), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/employees/{user_id}/phase")]
async fn phase_of(
    state: web::Data<AppState>,
    actor: Actor,
    user_id: web::Path<Uuid>,
) -> Result<web::Json<PhaseProgress>, ApiError> {
    Ok(web::Json(service::phase_of(&state, &actor, user_id.into_inner()).await?))
}

/// Set a worker's phase (employer).
#[utoipa::path(
    tag = "placements",
    params(("user_id" = Uuid, Path, description = "The worker")),
    request_body = PhaseInput,
    responses((status = 200, body = PhaseProgress), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[put("/employees/{user_id}/phase")]
async fn set_phase(
    state: web::Data<AppState>,
    actor: Actor,
    user_id: web::Path<Uuid>,
    body: web::Json<PhaseInput>,
) -> Result<web::Json<PhaseProgress>, ApiError> {
    Ok(web::Json(service::set_phase(&state, &actor, user_id.into_inner(), body.into_inner()).await?))
}
