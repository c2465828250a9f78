//! What a person's screens remember across devices: the columns chosen for each list and
//! the dashboard's collapsed sections (`GET/PUT /api/v1/me/preferences/{key}`).

pub mod routes;

use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};
use shared::preferences::{Preference, valid_preference};
use uuid::Uuid;

use crate::{
    auth::Actor,
    entities::user_setting,
    error::{ApiError, Validation},
    state::AppState,
};

/// The stored key: preferences share `user_settings` with older settings, under a prefix
/// so a preference can never overwrite them.
fn stored_key(key: &str) -> String {
    format!("pref.{key}")
}

/// A person's preference, empty when never chosen (the screen's defaults apply).
pub async fn read(db: &impl ConnectionTrait, user_id: Uuid, key: &str) -> Result<Preference, ApiError> {
    let stored = user_setting::Entity::find_by_id((user_id, stored_key(key))).one(db).await?;
    let values = stored.and_then(|s| serde_json::from_str::<Vec<String>>(&s.value).ok()).unwrap_or_default();
    Ok(Preference { values })
}

fn check(key: &str, values: &[String]) -> Result<(), ApiError> {
    if valid_preference(key, values) {
        return Ok(());
    }
    let mut v = Validation::default();
    if valid_preference(key, &[]) {
        v.add_code("values", "format", "At most 40 names of lower-case letters, digits and _".into());
    } else {
        v.add_code("key", "unknown", "Not a preference Poort keeps".into());
    }
    v.finish()
}

/// The caller's preference `key` (404 for a key Poort does not keep).
pub async fn get(state: &AppState, actor: &Actor, key: &str) -> Result<Preference, ApiError> {
    if !valid_preference(key, &[]) {
        return Err(ApiError::not_found());
    }
    read(&state.db.read, actor.user_id, key).await
}

/// Stores the caller's preference `key`; an empty list goes back to the defaults.
pub async fn put(
    state: &AppState,
    actor: &Actor,
    key: &str,
    body: Preference,
) -> Result<Preference, ApiError> {
    check(key, &body.values)?;
    let db = &state.db.write;
    let id = (actor.user_id, stored_key(key));
    let existing = user_setting::Entity::find_by_id(id.clone()).one(db).await?;
    if body.values.is_empty() {
        if existing.is_some() {
            user_setting::Entity::delete_by_id(id).exec(db).await?;
        }
        return Ok(body);
    }
    let value = serde_json::to_string(&body.values).map_err(ApiError::internal)?;
    let row = user_setting::ActiveModel { user_id: Set(id.0), key: Set(id.1), value: Set(value) };
    if existing.is_some() {
        row.update(db).await?;
    } else {
        row.insert(db).await?;
    }
    Ok(body)
}
