//! The audit trail: who did what, when, from where. Never a secret.

use actix_web::{HttpMessage, HttpRequest};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};
use uuid::Uuid;

use crate::{entities::audit_event, http::request_context::RequestId};

/// Where a request came from, for sessions and audit events.
#[derive(Debug, Clone, Default)]
pub struct ClientInfo {
    /// The peer address (or the proxy's, unless a trusted proxy is configured).
    pub ip: Option<String>,
    /// The `User-Agent` header, cut to 300 characters.
    pub user_agent: Option<String>,
    /// The request id.
    pub request_id: Option<String>,
}

impl ClientInfo {
    /// Reads the client details from a request.
    pub fn from_request(req: &HttpRequest) -> Self {
        let ip = req.peer_addr().map(|a| a.ip().to_string());
        let user_agent = req
            .headers()
            .get(actix_web::http::header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(|s| s.chars().take(300).collect());
        let request_id = req.extensions().get::<RequestId>().map(|r| r.0.clone());
        Self { ip, user_agent, request_id }
    }
}

/// Something worth recording.
pub struct Event<'a> {
    /// The organisation it concerns, if any.
    pub organisation_id: Option<Uuid>,
    /// Who did it, if known.
    pub actor_user_id: Option<Uuid>,
    /// What happened, as a stable snake_case name (`sign_in`, `team_created`, …).
    pub action: &'a str,
    /// What it happened to (an id or a short description; never personal content).
    pub subject: Option<String>,
}

impl<'a> Event<'a> {
    /// Something a signed-in person did in their organisation.
    pub fn by(actor: &crate::auth::Actor, action: &'a str, subject: Option<String>) -> Self {
        Self {
            organisation_id: Some(actor.organisation_id),
            actor_user_id: Some(actor.user_id),
            action,
            subject,
        }
    }
}

/// Records `event`.
pub async fn record(
    db: &impl ConnectionTrait,
    event: Event<'_>,
    client: &ClientInfo,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    audit_event::ActiveModel {
        id: Set(Uuid::now_v7()),
        organisation_id: Set(event.organisation_id),
        actor_user_id: Set(event.actor_user_id),
        action: Set(event.action.to_string()),
        subject: Set(event.subject),
        ip: Set(client.ip.clone()),
        user_agent: Set(client.user_agent.clone()),
        request_id: Set(client.request_id.clone()),
        created_at: Set(now),
    }
    .insert(db)
    .await
    .map(|_| ())
}
