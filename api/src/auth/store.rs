//! Queries behind sign-in and sessions.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, ExprTrait, QueryFilter, QueryOrder,
    Set,
    sea_query::{Alias, Expr, Query},
};
use shared::{
    auth::{MembershipSummary, Right, Role},
    i18n::Locale,
};
use uuid::Uuid;

use super::actor::Actor;
use crate::entities::{membership, organisation, refresh_token, session, user};

/// The user with this canonical e-mail.
pub async fn user_by_email(db: &impl ConnectionTrait, email: &str) -> Result<Option<user::Model>, DbErr> {
    user::Entity::find().filter(user::Column::Email.eq(email)).one(db).await
}

/// A person's memberships with the organisation names, oldest first (one query).
pub async fn memberships_of(
    db: &impl ConnectionTrait,
    user_id: Uuid,
) -> Result<Vec<MembershipSummary>, DbErr> {
    let rows = membership::Entity::find()
        .find_also_related(organisation::Entity)
        .filter(membership::Column::UserId.eq(user_id))
        .order_by_asc(membership::Column::CreatedAt)
        .order_by_asc(membership::Column::Id)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(m, org)| {
            Some(MembershipSummary {
                organisation_id: m.organisation_id,
                organisation_name: org?.name,
                role: Role::parse(&m.role)?,
            })
        })
        .collect())
}

/// A new session row.
pub struct NewSession {
    /// Its id.
    pub id: Uuid,
    /// The person.
    pub user_id: Uuid,
    /// The organisation the session acts in.
    pub organisation_id: Uuid,
    /// When it ends regardless of activity.
    pub expires_at: DateTime<Utc>,
    /// Client address.
    pub ip: Option<String>,
    /// Client software.
    pub user_agent: Option<String>,
    /// "Stay signed in": the cookies outlive the browser.
    pub persistent: bool,
}

/// Stores a session with its first refresh token.
pub async fn insert_session(
    db: &impl ConnectionTrait,
    s: NewSession,
    refresh_hash: String,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let id = s.id;
    session::ActiveModel {
        id: Set(s.id),
        user_id: Set(s.user_id),
        organisation_id: Set(s.organisation_id),
        created_at: Set(now),
        expires_at: Set(s.expires_at),
        last_seen_at: Set(now),
        revoked_at: Set(None),
        revoked_reason: Set(None),
        ip: Set(s.ip),
        user_agent: Set(s.user_agent),
        persistent: Set(s.persistent),
    }
    .insert(db)
    .await?;
    insert_refresh(db, id, refresh_hash, now).await
}

/// Stores a refresh token of a session.
pub async fn insert_refresh(
    db: &impl ConnectionTrait,
    session_id: Uuid,
    hash: String,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    refresh_token::ActiveModel {
        token_hash: Set(hash),
        session_id: Set(session_id),
        created_at: Set(now),
        used_at: Set(None),
    }
    .insert(db)
    .await
    .map(|_| ())
}

/// The refresh token with this hash.
pub async fn refresh_by_hash(
    db: &impl ConnectionTrait,
    hash: &str,
) -> Result<Option<refresh_token::Model>, DbErr> {
    refresh_token::Entity::find_by_id(hash.to_string()).one(db).await
}

/// Marks a refresh token used, only if it was unused; false when another
/// request used it first (which counts as reuse).
pub async fn consume_refresh(
    db: &impl ConnectionTrait,
    hash: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let res = refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::UsedAt, Expr::value(now))
        .filter(refresh_token::Column::TokenHash.eq(hash))
        .filter(refresh_token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

/// The session with this id.
pub async fn session(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<session::Model>, DbErr> {
    session::Entity::find_by_id(id).one(db).await
}

/// Ends a session now (idempotent: an ended session keeps its first reason).
pub async fn revoke_session(
    db: &impl ConnectionTrait,
    id: Uuid,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let res = session::Entity::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(now))
        .col_expr(session::Column::RevokedReason, Expr::value(reason))
        .filter(session::Column::Id.eq(id))
        .filter(session::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Ends every running session of a person, except `keep`; returns how many ended.
pub async fn revoke_sessions_of(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    keep: Option<Uuid>,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    let mut q = session::Entity::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(now))
        .col_expr(session::Column::RevokedReason, Expr::value(reason))
        .filter(session::Column::UserId.eq(user_id))
        .filter(session::Column::RevokedAt.is_null());
    if let Some(keep) = keep {
        q = q.filter(session::Column::Id.ne(keep));
    }
    Ok(q.exec(db).await?.rows_affected)
}

/// The actor behind a session, in one query: session, person and membership.
/// `None` when the session is unknown, ended or expired, or the membership is gone.
pub async fn actor(
    db: &impl ConnectionTrait,
    session_id: Uuid,
    user_id: Uuid,
    organisation_id: Uuid,
    now: DateTime<Utc>,
) -> Result<Option<Actor>, DbErr> {
    let col = |t: &str, c: &str| Expr::col((Alias::new(t), Alias::new(c)));
    let stmt = Query::select()
        .expr_as(col("sessions", "expires_at"), Alias::new("expires_at"))
        .expr_as(col("sessions", "revoked_at"), Alias::new("revoked_at"))
        .expr_as(col("users", "name"), Alias::new("user_name"))
        .expr_as(col("users", "email"), Alias::new("user_email"))
        .expr_as(col("users", "locale"), Alias::new("user_locale"))
        .expr_as(col("users", "helpdesk"), Alias::new("user_helpdesk"))
        .expr_as(col("memberships", "role"), Alias::new("role"))
        .expr_as(col("memberships", "rights"), Alias::new("rights"))
        .expr_as(col("memberships", "main_contact"), Alias::new("main_contact"))
        .expr_as(col("users", "must_change_password"), Alias::new("must_change_password"))
        .expr_as(col("organisations", "require_second_factor"), Alias::new("require_second_factor"))
        .expr_as(col("totp_factors", "confirmed_at"), Alias::new("totp_confirmed_at"))
        .expr_as(col("users", "sms_second_factor"), Alias::new("sms_second_factor"))
        .expr_as(col("users", "mobile_verified_at"), Alias::new("mobile_verified_at"))
        .from(Alias::new("sessions"))
        .inner_join(
            Alias::new("users"),
            col("users", "id").equals((Alias::new("sessions"), Alias::new("user_id"))),
        )
        .inner_join(
            Alias::new("memberships"),
            col("memberships", "user_id").equals((Alias::new("sessions"), Alias::new("user_id"))).and(
                col("memberships", "organisation_id")
                    .equals((Alias::new("sessions"), Alias::new("organisation_id"))),
            ),
        )
        .inner_join(
            Alias::new("organisations"),
            col("organisations", "id").equals((Alias::new("sessions"), Alias::new("organisation_id"))),
        )
        .left_join(
            Alias::new("totp_factors"),
            col("totp_factors", "user_id").equals((Alias::new("sessions"), Alias::new("user_id"))),
        )
        .and_where(col("sessions", "id").eq(session_id))
        .and_where(col("sessions", "user_id").eq(user_id))
        .and_where(col("sessions", "organisation_id").eq(organisation_id))
        .to_owned();
    let Some(row) = db.query_one(&stmt).await? else { return Ok(None) };
    let expires_at: DateTime<Utc> = row.try_get("", "expires_at")?;
    let revoked_at: Option<DateTime<Utc>> = row.try_get("", "revoked_at")?;
    if revoked_at.is_some() || expires_at <= now {
        return Ok(None);
    }
    let role: String = row.try_get("", "role")?;
    let Some(role) = Role::parse(&role) else { return Ok(None) };
    let rights: String = row.try_get("", "rights")?;
    let locale: String = row.try_get("", "user_locale")?;
    let require_second_factor: bool = row.try_get("", "require_second_factor")?;
    let totp_confirmed_at: Option<DateTime<Utc>> = row.try_get("", "totp_confirmed_at")?;
    let sms_second_factor: bool = row.try_get("", "sms_second_factor")?;
    let mobile_verified_at: Option<DateTime<Utc>> = row.try_get("", "mobile_verified_at")?;
    let has_factor = totp_confirmed_at.is_some() || (sms_second_factor && mobile_verified_at.is_some());
    Ok(Some(Actor {
        user_id,
        session_id,
        organisation_id,
        role,
        rights: Right::parse_list(&rights),
        main_contact: row.try_get("", "main_contact")?,
        helpdesk: row.try_get("", "user_helpdesk")?,
        name: row.try_get("", "user_name")?,
        email: row.try_get("", "user_email")?,
        locale: Locale::from_tag(&locale),
        must_change_password: row.try_get("", "must_change_password")?,
        must_set_up_second_factor: require_second_factor && !has_factor,
    }))
}

/// Saves a person's language.
pub async fn set_locale(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    locale: Locale,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    user::Entity::update_many()
        .col_expr(user::Column::Locale, Expr::value(locale.tag()))
        .col_expr(user::Column::UpdatedAt, Expr::value(now))
        .filter(user::Column::Id.eq(user_id))
        .exec(db)
        .await
        .map(|_| ())
}

/// A person's interface language.
pub async fn locale_of(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Option<Locale>, DbErr> {
    Ok(user::Entity::find_by_id(user_id).one(db).await?.map(|u| Locale::from_tag(&u.locale)))
}

/// The organisation a person's account-level events (failed sign-ins, locks,
/// resets) are filed under: their first membership's.
pub async fn home_organisation(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Option<Uuid>, DbErr> {
    Ok(membership::Entity::find()
        .filter(membership::Column::UserId.eq(user_id))
        .order_by_asc(membership::Column::CreatedAt)
        .one(db)
        .await?
        .map(|m| m.organisation_id))
}
