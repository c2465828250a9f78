//! `/api/v1/me/dashboard` and `/api/v1/me/recent`. Thin handlers.

use actix_web::{HttpResponse, get, post, web};
use shared::{
    dashboard::{Dashboard, RecentVisit},
    error::ErrorBody,
};
use utoipa_actix_web::service_config::ServiceConfig;

use super::service;
use crate::{auth::Actor, error::ApiError, state::AppState};

/// Registers this capability's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(dashboard).service(recent);
}

/// Your dashboard in the active organisation: every pending action (at most 10 per kind,
/// overdue first, then by due date), counts per kind, recently viewed items, the latest
/// news and the sections you collapsed.
#[utoipa::path(tag = "dashboard", responses((status = 200, body = Dashboard), (status = 401, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/me/dashboard")]
async fn dashboard(state: web::Data<AppState>, actor: Actor) -> Result<web::Json<Dashboard>, ApiError> {
    Ok(web::Json(service::dashboard(&state, &actor).await?))
}

/// Record that you opened something (the dashboard's "Recent bekeken"); the link must be
/// a path within Poort.
#[utoipa::path(tag = "dashboard", request_body = RecentVisit, responses((status = 204), (status = 422, description = "`link` not an app path, `title` empty or too long", body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[post("/me/recent")]
async fn recent(
    state: web::Data<AppState>,
    actor: Actor,
    body: web::Json<RecentVisit>,
) -> Result<HttpResponse, ApiError> {
    service::visit(&state, &actor, body.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
