//! Forgotten passwords: a single-use link by mail, valid 30 minutes. The
//! answer to a request is the same whether or not the address is known, and so
//! is the work behind it: the request only queues the address in the outbox;
//! the outbox worker looks it up and turns the entry into the mail, or drops
//! it. A completed reset signs every session out and lifts any lock.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
    TransactionTrait, sea_query::Expr,
};
use shared::{
    i18n::Locale,
    password_policy::{PasswordPolicy, PersonalInfo, check_password},
    validation,
};

use serde::{Deserialize, Serialize};

use super::{blocklist, email, guard, password, store, tokens};
use crate::{
    audit::{self, ClientInfo, Event},
    entities::{outbox_message, password_reset, user},
    error::{ApiError, Validation},
    notifications::{outbox, templates, templates::Rendered},
    state::AppState,
};

/// How long a reset link works.
pub const VALID_MINUTES: i64 = 30;
/// Reset mails one account can get per quarter of an hour (more would be mail bombing).
const MAX_PER_WINDOW: u64 = 3;

/// Creates a reset token for `user` and returns the link to mail.
pub async fn issue(
    db: &impl ConnectionTrait,
    base_url: &str,
    user_id: uuid::Uuid,
    now: DateTime<Utc>,
) -> Result<String, sea_orm::DbErr> {
    let token = tokens::random_token();
    password_reset::ActiveModel {
        token_hash: Set(tokens::token_hash(&token)),
        user_id: Set(user_id),
        created_at: Set(now),
        expires_at: Set(now + Duration::minutes(VALID_MINUTES)),
        used_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok(format!("{base_url}/wachtwoord-herstellen?token={token}"))
}

/// Where a reset request came from, kept with the queued request for the audit trail.
#[derive(Serialize, Deserialize, Default)]
struct Origin {
    ip: Option<String>,
    user_agent: Option<String>,
    request_id: Option<String>,
}

/// Handles "I forgot my password": queues the (canonical) address, whether or not it
/// belongs to an account. [`resolve`] does the rest in the outbox worker.
pub async fn request(state: &AppState, email_address: &str, client: &ClientInfo) -> Result<(), ApiError> {
    let mut v = Validation::default();
    v.check("email", validation::check_email(email_address));
    v.finish()?;
    let origin = Origin {
        ip: client.ip.clone(),
        user_agent: client.user_agent.clone(),
        request_id: client.request_id.clone(),
    };
    let queued =
        Rendered { subject: String::new(), body: serde_json::to_string(&origin).unwrap_or_default() };
    let to = email::canonical(email_address);
    outbox::enqueue(&state.db.write, outbox::RESET_REQUEST, None, &to, queued, state.clock.now()).await?;
    Ok(())
}

/// Turns a queued reset request into the reset mail (the same outbox row, now a mail to
/// deliver) when the address belongs to an account and has not had three links this
/// quarter of an hour; otherwise removes it. `None`: nothing to deliver.
pub async fn resolve(
    state: &AppState,
    queued: &outbox_message::Model,
) -> Result<Option<outbox_message::Model>, ApiError> {
    let now = state.clock.now();
    let drop = || outbox_message::Entity::delete_by_id(queued.id).exec(&state.db.write);
    let Some(user) = store::user_by_email(&state.db.write, &queued.recipient).await? else {
        drop().await?;
        return Ok(None);
    };
    let recent = password_reset::Entity::find()
        .filter(password_reset::Column::UserId.eq(user.id))
        .filter(password_reset::Column::CreatedAt.gt(now - Duration::minutes(15)))
        .count(&state.db.write)
        .await?;
    if recent >= MAX_PER_WINDOW {
        drop().await?;
        return Ok(None);
    }
    let origin: Origin = serde_json::from_str(&queued.body_text).unwrap_or_default();
    let client = ClientInfo { ip: origin.ip, user_agent: origin.user_agent, request_id: origin.request_id };
    let txn = state.db.write.begin().await?;
    let url = issue(&txn, &state.config.public_url(), user.id, now).await?;
    let mail = templates::password_reset(Locale::from_tag(&user.locale), &user.name, &url, VALID_MINUTES);
    let mut row: outbox_message::ActiveModel = queued.clone().into();
    row.channel = Set(outbox::EMAIL.into());
    row.recipient = Set(user.email.clone());
    row.subject = Set(mail.subject);
    row.body_text = Set(mail.body);
    let row = row.update(&txn).await?;
    audit::record(
        &txn,
        Event {
            organisation_id: store::home_organisation(&txn, user.id).await?,
            actor_user_id: Some(user.id),
            action: "password_reset_requested",
            subject: None,
        },
        &client,
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(Some(row))
}

/// Sets the new password from a reset link.
pub async fn confirm(
    state: &AppState,
    token: &str,
    new_password: String,
    client: &ClientInfo,
) -> Result<(), ApiError> {
    let now = state.clock.now();
    let invalid = || {
        let mut v = Validation::default();
        v.add_code(
            "token",
            "invalid_link",
            "This link is invalid, used or expired; ask for a new one".into(),
        );
        v.finish().err().unwrap_or_else(ApiError::not_found)
    };
    let hash = tokens::token_hash(token);
    let reset =
        password_reset::Entity::find_by_id(hash.clone()).one(&state.db.write).await?.ok_or_else(invalid)?;
    if reset.used_at.is_some() || reset.expires_at <= now {
        return Err(invalid());
    }
    let user = user::Entity::find_by_id(reset.user_id).one(&state.db.write).await?.ok_or_else(invalid)?;
    let home = store::memberships_of(&state.db.read, user.id).await?.into_iter().next();
    let policy =
        crate::accounts::security::policy_for(&state.db.read, home.as_ref().map(|m| m.organisation_id))
            .await?;
    let organisation = home.map(|m| m.organisation_name).unwrap_or_default();
    check_new_password(policy, &new_password, &user, &organisation)?;
    let phc = password::hash(new_password).await?;

    let txn = state.db.write.begin().await?;
    // Conditional on being unused: two tabs submitting the same link set the password once.
    let claimed = password_reset::Entity::update_many()
        .col_expr(password_reset::Column::UsedAt, Expr::value(now))
        .filter(password_reset::Column::TokenHash.eq(hash))
        .filter(password_reset::Column::UsedAt.is_null())
        .exec(&txn)
        .await?;
    if claimed.rows_affected != 1 {
        return Err(invalid());
    }
    let mut u: user::ActiveModel = user.clone().into();
    u.password_hash = Set(Some(phc));
    u.must_change_password = Set(false);
    u.updated_at = Set(now);
    u.update(&txn).await?;
    store::revoke_sessions_of(&txn, user.id, None, "password_reset", now).await?;
    guard::record_success(&txn, &user.email).await?;
    // A new password forgets remembered browsers: the second factor is asked again.
    super::second_factor::forget_devices(&txn, user.id).await?;
    audit::record(
        &txn,
        Event {
            organisation_id: store::home_organisation(&txn, user.id).await?,
            actor_user_id: Some(user.id),
            action: "password_reset_completed",
            subject: None,
        },
        client,
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Applies `policy`, with every reason at once.
pub fn check_new_password(
    policy: PasswordPolicy,
    candidate: &str,
    user: &user::Model,
    organisation: &str,
) -> Result<(), ApiError> {
    let who = PersonalInfo { name: &user.name, email: &user.email, organisation };
    let problems = check_password(policy, candidate, who, &blocklist::is_common);
    let mut v = Validation::default();
    // The first reason is the field's code; the message lists them all.
    if let Some(first) = problems.first() {
        let all: Vec<String> = problems.iter().map(|p| p.message()).collect();
        v.add_code("password", first.code(), all.join("; "));
    }
    v.finish()
}
