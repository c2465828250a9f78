//! My account: change the password, see active sessions and end any or all of them.

use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set, TransactionTrait};
use shared::auth::SessionInfo;
use uuid::Uuid;

use super::{Actor, password, reset, second_factor, store};
use crate::{
    audit::{self, ClientInfo, Event},
    entities::{session, user},
    error::{ApiError, Validation},
    state::AppState,
};

/// Changes the password after checking the current one. Every other session
/// ends and remembered browsers are forgotten; this session stays.
pub async fn change_password(
    state: &AppState,
    actor: &Actor,
    current: String,
    new: String,
    client: &ClientInfo,
) -> Result<(), ApiError> {
    let u = user::Entity::find_by_id(actor.user_id)
        .one(&state.db.write)
        .await?
        .ok_or_else(ApiError::unauthenticated)?;
    if new.chars().count() > shared::validation::MAX_PASSWORD_LEN
        || !password::verify(u.password_hash.clone(), current).await?
    {
        let mut v = Validation::default();
        v.add_code("current_password", "wrong_password", "The current password is not right".into());
        return v.finish();
    }
    let organisation = store::memberships_of(&state.db.read, u.id)
        .await?
        .into_iter()
        .find(|m| m.organisation_id == actor.organisation_id)
        .map(|m| m.organisation_name)
        .unwrap_or_default();
    let policy = crate::accounts::security::policy_for(&state.db.read, Some(actor.organisation_id)).await?;
    if let Err(e) = reset::check_new_password(policy, &new, &u, &organisation) {
        // The policy speaks of "password"; this form calls the field "new_password".
        let body = e.body();
        let mut v = Validation::default();
        if let Some(f) = body.fields.get("password") {
            v.add_code("new_password", &f.code, f.message.clone());
        }
        return v.finish();
    }
    let phc = password::hash(new).await?;
    let now = state.clock.now();
    let txn = state.db.write.begin().await?;
    let mut m: user::ActiveModel = u.into();
    m.password_hash = Set(Some(phc));
    m.must_change_password = Set(false);
    m.updated_at = Set(now);
    m.update(&txn).await?;
    store::revoke_sessions_of(&txn, actor.user_id, Some(actor.session_id), "password_changed", now).await?;
    second_factor::forget_devices(&txn, actor.user_id).await?;
    audit::record(&txn, Event::by(actor, "password_changed", None), client, now).await?;
    txn.commit().await?;
    Ok(())
}

/// The person's sessions that are still running, newest first.
pub async fn sessions(state: &AppState, actor: &Actor) -> Result<Vec<SessionInfo>, ApiError> {
    let now = state.clock.now();
    let rows = session::Entity::find()
        .filter(session::Column::UserId.eq(actor.user_id))
        .filter(session::Column::RevokedAt.is_null())
        .order_by_desc(session::Column::Id)
        .all(&state.db.read)
        .await?;
    let orgs = store::memberships_of(&state.db.read, actor.user_id).await?;
    Ok(rows
        .into_iter()
        .filter(|s| s.expires_at > now)
        .map(|s| SessionInfo {
            id: s.id,
            organisation_name: orgs
                .iter()
                .find(|m| m.organisation_id == s.organisation_id)
                .map(|m| m.organisation_name.clone())
                .unwrap_or_default(),
            created_at: s.created_at,
            expires_at: s.expires_at,
            ip: s.ip,
            user_agent: s.user_agent,
            current: s.id == actor.session_id,
        })
        .collect())
}

/// Ends one of the person's sessions (404 for anyone else's).
pub async fn end_session(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    client: &ClientInfo,
) -> Result<(), ApiError> {
    let s = session::Entity::find_by_id(id)
        .filter(session::Column::UserId.eq(actor.user_id))
        .one(&state.db.write)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let now = state.clock.now();
    if store::revoke_session(&state.db.write, s.id, "ended_by_owner", now).await? {
        audit::record(
            &state.db.write,
            Event::by(actor, "session_ended", Some(s.id.to_string())),
            client,
            now,
        )
        .await?;
    }
    Ok(())
}

/// Ends every session but the current one.
pub async fn end_other_sessions(
    state: &AppState,
    actor: &Actor,
    client: &ClientInfo,
) -> Result<u64, ApiError> {
    let now = state.clock.now();
    let ended = store::revoke_sessions_of(
        &state.db.write,
        actor.user_id,
        Some(actor.session_id),
        "ended_by_owner",
        now,
    )
    .await?;
    audit::record(&state.db.write, Event::by(actor, "sessions_ended", Some(ended.to_string())), client, now)
        .await?;
    Ok(ended)
}
