//! `/api/v1/status`.

use actix_web::{HttpRequest, get, put, web};
use shared::{
    error::ErrorBody,
    status::{PlatformStatus, SetPlatformStatus},
};
use utoipa_actix_web::service_config::ServiceConfig;

use super::service;
use crate::{audit::ClientInfo, auth::Actor, error::ApiError, state::AppState};

/// Registers this capability's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_status).service(set_status);
}

/// The current outage message; public, so the sign-in page can show it.
#[utoipa::path(tag = "status", responses((status = 200, body = PlatformStatus)))]
#[get("/status")]
async fn get_status(state: web::Data<AppState>) -> Result<web::Json<PlatformStatus>, ApiError> {
    Ok(web::Json(service::current(&state).await?))
}

/// Set or clear the outage message (platform helpdesk only).
#[utoipa::path(
    tag = "status",
    request_body = SetPlatformStatus,
    responses((status = 200, body = PlatformStatus), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[put("/status")]
async fn set_status(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: web::Json<SetPlatformStatus>,
) -> Result<web::Json<PlatformStatus>, ApiError> {
    Ok(web::Json(service::set(&state, &actor, body.into_inner(), &ClientInfo::from_request(&req)).await?))
}
