//! `/api/v1/outbox`: the helpdesk reads what Poort sent or holds.

use actix_web::{get, web};
use shared::{Page, error::ErrorBody, notifications::OutboxMessage};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::outbox;
use crate::{
    auth::Actor,
    error::ApiError,
    pagination::{self, PageQuery},
    state::AppState,
};

/// Registers this capability's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_outbox);
}

/// Messages Poort sent or holds, newest first (platform helpdesk only). Without a
/// configured mail server, mail is held here so a demo works offline.
#[utoipa::path(
    tag = "outbox",
    params(PageQuery),
    responses((status = 200, body = Page<OutboxMessage>), (status = 403, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/outbox")]
async fn list_outbox(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<PageQuery>,
) -> Result<web::Json<Page<OutboxMessage>>, ApiError> {
    actor.require_helpdesk()?;
    let before: Option<Uuid> = q.decode()?;
    let rows = outbox::recent(&state.db.read, before, q.limit()).await?;
    let (rows, next_cursor) = pagination::page(rows, q.limit(), |m| m.id);
    let items = rows
        .into_iter()
        .map(|m| OutboxMessage {
            id: m.id,
            channel: m.channel,
            recipient: m.recipient,
            subject: m.subject,
            body: m.body_text,
            status: m.status,
            attempts: m.attempts,
            last_error: m.last_error,
            created_at: m.created_at,
            sent_at: m.sent_at,
        })
        .collect();
    Ok(web::Json(Page { items, next_cursor }))
}
