//! `/api/v1/api-clients` and `/api/v1/auth/client-token`.

use actix_web::{HttpRequest, HttpResponse, delete, get, post, web};
use shared::{
    error::ErrorBody,
    integrations::{ApiClient, ClientCredentials, ClientToken, CreatedApiClient, NewApiClient},
};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::clients;
use crate::{audit::ClientInfo, auth::Actor, error::ApiError, state::AppState};

/// Registers this capability's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_clients).service(create_client).service(revoke_client).service(client_token);
}

/// Your organisation's API clients (needs *manage rights*).
#[utoipa::path(
    tag = "integrations",
    responses((status = 200, body = Vec<ApiClient>), (status = 403, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/api-clients")]
async fn list_clients(
    state: web::Data<AppState>,
    actor: Actor,
) -> Result<web::Json<Vec<ApiClient>>, ApiError> {
    Ok(web::Json(clients::list(&state, &actor).await?))
}

/// Create an API client for an integration (needs *manage rights*). The secret is in this
/// answer only; Poort keeps a hash.
#[utoipa::path(
    tag = "integrations",
    request_body = NewApiClient,
    responses((status = 201, body = CreatedApiClient), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/api-clients")]
async fn create_client(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: web::Json<NewApiClient>,
) -> Result<HttpResponse, ApiError> {
    let created = clients::create(&state, &actor, body.into_inner(), &ClientInfo::from_request(&req)).await?;
    Ok(HttpResponse::Created().json(created))
}

/// Revoke an API client; its tokens stop working at once.
#[utoipa::path(
    tag = "integrations",
    params(("id" = Uuid, Path, description = "Client id")),
    responses((status = 200, body = ApiClient), (status = 404, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[delete("/api-clients/{id}")]
async fn revoke_client(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<Uuid>,
) -> Result<web::Json<ApiClient>, ApiError> {
    Ok(web::Json(clients::revoke(&state, &actor, id.into_inner(), &ClientInfo::from_request(&req)).await?))
}

/// Exchange a client id and secret for a short-lived bearer token (client credentials).
#[utoipa::path(
    tag = "integrations",
    request_body = ClientCredentials,
    responses((status = 200, body = ClientToken), (status = 401, description = "Unknown client, wrong secret or revoked", body = ErrorBody))
)]
#[post("/auth/client-token")]
async fn client_token(
    state: web::Data<AppState>,
    body: web::Json<ClientCredentials>,
) -> Result<web::Json<ClientToken>, ApiError> {
    Ok(web::Json(clients::token(&state, body.client_id, &body.client_secret).await?))
}
