//! `/api/v1/news`. Thin handlers.

use actix_web::{HttpResponse, delete, get, post, put, web};
use shared::{
    Page,
    error::ErrorBody,
    news::{NewsInput, NewsItem},
};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::service;
use crate::{auth::Actor, error::ApiError, pagination::PageQuery, state::AppState};

/// Registers this capability's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list).service(drafts).service(create).service(update).service(remove);
}

/// Published news for you (by your role's audience), newest first.
#[utoipa::path(tag = "news", params(PageQuery), responses((status = 200, body = Page<NewsItem>)), security(("cookie" = []), ("bearer" = [])))]
#[get("/news")]
async fn list(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<PageQuery>,
) -> Result<web::Json<Page<NewsItem>>, ApiError> {
    Ok(web::Json(service::list(&state, &actor, &q).await?))
}

/// The organisation's drafts (employers and administrators).
#[utoipa::path(tag = "news", responses((status = 200, body = Vec<NewsItem>), (status = 403, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/news/drafts")]
async fn drafts(state: web::Data<AppState>, actor: Actor) -> Result<web::Json<Vec<NewsItem>>, ApiError> {
    Ok(web::Json(service::drafts(&state, &actor).await?))
}

/// Write a news item, published now or as a draft (employers and administrators).
#[utoipa::path(tag = "news", request_body = NewsInput, responses((status = 201, body = NewsItem), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[post("/news")]
async fn create(
    state: web::Data<AppState>,
    actor: Actor,
    body: web::Json<NewsInput>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(service::create(&state, &actor, body.into_inner()).await?))
}

/// Change a news item; `publish: false` takes it back to draft.
#[utoipa::path(tag = "news", params(("id" = Uuid, Path, description = "News item id")), request_body = NewsInput, responses((status = 200, body = NewsItem), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[put("/news/{id}")]
async fn update(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: web::Json<NewsInput>,
) -> Result<web::Json<NewsItem>, ApiError> {
    Ok(web::Json(service::update(&state, &actor, id.into_inner(), body.into_inner()).await?))
}

/// Delete a news item.
#[utoipa::path(tag = "news", params(("id" = Uuid, Path, description = "News item id")), responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[delete("/news/{id}")]
async fn remove(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    service::delete(&state, &actor, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
