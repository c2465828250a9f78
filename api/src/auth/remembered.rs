//! My account: the browsers remembered for 30 days (they skip the second
//! factor), and forgetting one or all of them. A password or factor change
//! forgets them all by itself (`second_factor::forget_devices`).

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use shared::auth::RememberedDevice;

use super::{Actor, second_factor, tokens};
use crate::{
    audit::{self, ClientInfo, Event},
    entities::remembered_device,
    error::ApiError,
    state::AppState,
};

/// The public id of a remembered browser: derived from the stored hash, so the
/// hash (the key the cookie is looked up by) never leaves the server.
fn public_id(d: &remembered_device::Model) -> String {
    tokens::token_hash(&format!("remembered-device\n{}", d.token_hash))[..24].to_string()
}

async fn of(state: &AppState, actor: &Actor) -> Result<Vec<remembered_device::Model>, ApiError> {
    let now = state.clock.now();
    Ok(remembered_device::Entity::find()
        .filter(remembered_device::Column::UserId.eq(actor.user_id))
        .filter(remembered_device::Column::ExpiresAt.gt(now))
        .order_by_desc(remembered_device::Column::CreatedAt)
        .all(&state.db.write)
        .await?)
}

/// The caller's remembered browsers, newest first.
pub async fn list(state: &AppState, actor: &Actor) -> Result<Vec<RememberedDevice>, ApiError> {
    Ok(of(state, actor)
        .await?
        .into_iter()
        .map(|d| RememberedDevice {
            id: public_id(&d),
            created_at: d.created_at,
            last_used_at: d.last_used_at,
            expires_at: d.expires_at,
            user_agent: d.user_agent,
        })
        .collect())
}

/// Forgets one remembered browser (404 for anyone else's): it is asked for a code again.
pub async fn forget(state: &AppState, actor: &Actor, id: &str, client: &ClientInfo) -> Result<(), ApiError> {
    let device =
        of(state, actor).await?.into_iter().find(|d| public_id(d) == id).ok_or_else(ApiError::not_found)?;
    remembered_device::Entity::delete_by_id(device.token_hash).exec(&state.db.write).await?;
    let now = state.clock.now();
    audit::record(&state.db.write, Event::by(actor, "remembered_device_forgotten", None), client, now)
        .await?;
    Ok(())
}

/// Forgets every remembered browser of the caller.
pub async fn forget_all(state: &AppState, actor: &Actor, client: &ClientInfo) -> Result<(), ApiError> {
    second_factor::forget_devices(&state.db.write, actor.user_id).await?;
    let now = state.clock.now();
    audit::record(&state.db.write, Event::by(actor, "remembered_devices_forgotten", None), client, now)
        .await?;
    Ok(())
}
