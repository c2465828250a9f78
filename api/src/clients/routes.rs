//! `/api/v1/clients`.

use actix_web::{get, web};
use shared::{Page, error::ErrorBody, hours::ClientRef};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::store;
use crate::{error::ApiError, integrations::caller::Caller, pagination, state::AppState};

/// Registers this capability's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_clients);
}

/// Query of `GET /api/v1/clients`.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ClientQuery {
    /// Part of the name or municipality.
    pub q: Option<String>,
    /// Items per page, 1–200 (default 50).
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// Your organisation's active clients by name, to write hours on. Planning systems
/// need `hours:plan`.
#[utoipa::path(
    tag = "hours",
    params(ClientQuery),
    responses((status = 200, body = Page<ClientRef>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []), ("client" = ["hours:plan"]))
)]
#[get("/clients")]
async fn list_clients(
    state: web::Data<AppState>,
    caller: Caller,
    q: web::Query<ClientQuery>,
) -> Result<web::Json<Page<ClientRef>>, ApiError> {
    caller.require_scope(shared::integrations::ApiScope::HoursPlan)?;
    let page = pagination::PageQuery { limit: q.limit, cursor: q.cursor.clone() };
    let after: Option<(String, Uuid)> = page.decode()?;
    let rows = store::list(&state.db.read, caller.scope(), q.q.as_deref(), after, page.limit()).await?;
    let (items, next_cursor) = pagination::page(rows, page.limit(), |c| (c.name.clone(), c.id));
    Ok(web::Json(Page { items, next_cursor }))
}
