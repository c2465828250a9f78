//! `/api/v1/me/preferences/{key}`. Thin handlers; the rules are in `super`.

use actix_web::{get, put, web};
use shared::{error::ErrorBody, preferences::Preference};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::{auth::Actor, error::ApiError, state::AppState};

/// Registers this capability's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_preference).service(put_preference);
}

/// A remembered choice of yours: `columns.<list>` (the columns of a list) or
/// `dashboard.collapsed` (the dashboard sections you folded away). Empty when never chosen.
#[utoipa::path(tag = "me", params(("key" = String, Path, description = "`columns.<list>` or `dashboard.collapsed`")), responses((status = 200, body = Preference), (status = 404, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/me/preferences/{key}")]
async fn get_preference(
    state: web::Data<AppState>,
    actor: Actor,
    key: web::Path<String>,
) -> Result<web::Json<Preference>, ApiError> {
    Ok(web::Json(super::get(&state, &actor, &key).await?))
}

/// Remember a choice; an empty list forgets it.
#[utoipa::path(tag = "me", params(("key" = String, Path, description = "`columns.<list>` or `dashboard.collapsed`")), request_body = Preference, responses((status = 200, body = Preference), (status = 422, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[put("/me/preferences/{key}")]
async fn put_preference(
    state: web::Data<AppState>,
    actor: Actor,
    key: web::Path<String>,
    body: web::Json<Preference>,
) -> Result<web::Json<Preference>, ApiError> {
    Ok(web::Json(super::put(&state, &actor, &key, body.into_inner()).await?))
}
