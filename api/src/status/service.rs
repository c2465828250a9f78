//! Reading and setting the platform status message.

use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use shared::{
    status::{PlatformStatus, SetPlatformStatus},
    validation::{FieldProblem, MAX_STATUS_MESSAGE_LEN},
};

use crate::{
    audit::{self, ClientInfo, Event},
    auth::Actor,
    entities::platform_status,
    error::ApiError,
    state::AppState,
};

/// The one row of the table.
const ROW: i32 = 1;

/// The current message.
pub async fn current(state: &AppState) -> Result<PlatformStatus, ApiError> {
    let row = platform_status::Entity::find_by_id(ROW).one(&state.db.read).await?;
    Ok(match row {
        Some(r) => PlatformStatus { message: r.message, updated_at: r.updated_at },
        None => PlatformStatus { message: None, updated_at: None },
    })
}

/// Sets or clears the message (helpdesk only).
pub async fn set(
    state: &AppState,
    actor: &Actor,
    body: SetPlatformStatus,
    client: &ClientInfo,
) -> Result<PlatformStatus, ApiError> {
    actor.require_helpdesk()?;
    let message = body.message.map(|m| m.trim().to_string()).filter(|m| !m.is_empty());
    if message.as_ref().is_some_and(|m| m.chars().count() > MAX_STATUS_MESSAGE_LEN) {
        return Err(ApiError::field("message", FieldProblem::TooLong(MAX_STATUS_MESSAGE_LEN)));
    }
    let now = state.clock.now();
    let exists = platform_status::Entity::find_by_id(ROW).one(&state.db.write).await?.is_some();
    let model = platform_status::ActiveModel {
        id: Set(ROW),
        message: Set(message.clone()),
        updated_at: Set(Some(now)),
        updated_by: Set(Some(actor.user_id)),
    };
    if exists {
        model.update(&state.db.write).await?;
    } else {
        model.insert(&state.db.write).await?;
    }
    audit::record(
        &state.db.write,
        Event {
            organisation_id: None,
            actor_user_id: Some(actor.user_id),
            action: "platform_status_set",
            subject: None,
        },
        client,
        now,
    )
    .await?;
    Ok(PlatformStatus { message, updated_at: Some(now) })
}
