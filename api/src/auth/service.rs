//! The rules of signing in, refreshing, switching organisation and signing out.

use chrono::Duration;
use shared::{
    auth::{LoginRequest, Me, Right, Role},
    i18n::Locale,
    validation::{self, FieldProblem, MAX_PASSWORD_LEN},
};
use uuid::Uuid;

use super::{Actor, email, guard, password, second_factor, store, throttle::Verdict, tokens};
use crate::{
    audit::{self, ClientInfo, Event},
    error::{ApiError, Validation},
    state::AppState,
};

/// Tokens handed out for a session.
pub struct Issued {
    /// The JWT.
    pub access_token: String,
    /// Seconds the JWT is valid.
    pub access_ttl_secs: i64,
    /// The opaque refresh token.
    pub refresh_token: String,
    /// Seconds until the session ends.
    pub session_ttl_secs: i64,
    /// Whether the cookies outlive the browser ("stay signed in").
    pub persistent: bool,
}

/// What a successful sign-in hands out besides the session.
pub struct SignedIn {
    /// The person in the chosen organisation.
    pub me: Me,
    /// The session's tokens.
    pub issued: Issued,
    /// A device cookie to set when this browser was not known yet.
    pub new_device: Option<String>,
}

/// How a correct password ends.
pub enum LoginOutcome {
    /// Signed in.
    SignedIn(SignedIn),
    /// The person has a second factor: answer the challenge first.
    SecondFactor {
        /// The challenge.
        required: shared::auth::SecondFactorRequired,
        /// A device cookie to set when this browser was not known yet.
        new_device: Option<String>,
    },
}

/// Checks e-mail and password and opens a session, or a second-factor
/// challenge. `device` is the browser's device cookie and `remembered_browser`
/// its 30-day second-factor cookie, if it sent them.
pub async fn login(
    state: &AppState,
    req: LoginRequest,
    device: Option<String>,
    remembered_browser: Option<String>,
    client: &ClientInfo,
) -> Result<LoginOutcome, ApiError> {
    let mut v = Validation::default();
    v.check("email", validation::check_email(&req.email));
    if req.password.is_empty() {
        v.add("password", FieldProblem::Required);
    } else if req.password.chars().count() > MAX_PASSWORD_LEN {
        v.add("password", FieldProblem::TooLong(MAX_PASSWORD_LEN));
    }
    v.finish()?;

    let now = state.clock.now();
    let canonical = email::canonical(&req.email);
    let user = store::user_by_email(&state.db.read, &canonical).await?;
    let known = match (&user, &device) {
        (Some(u), Some(d)) => guard::is_known_device(&state.db.read, u.id, d).await?,
        _ => false,
    };
    let keys = guard::Keys::new(&canonical, client.ip.as_deref(), device.as_deref().filter(|_| known));
    let rule = guard::rule_for(&state.db.read, user.as_ref().map(|u| u.id)).await?;
    let (verdict, locks_on_failure) = guard::admit(&state.db.write, &keys, rule, now).await?;
    if let Verdict::Wait { until } = verdict {
        return Err(ApiError::rate_limited((until - now).num_seconds()));
    }
    let locked = matches!(verdict, Verdict::Locked { .. });
    // Unknown e-mails and locked accounts verify against a dummy hash: same answer, same time.
    let hash = if locked { None } else { user.as_ref().and_then(|u| u.password_hash.clone()) };
    let ok = password::verify_counted(hash, req.password, Some(state.metrics.clone())).await?;
    let Some(user) = user.clone().filter(|_| ok) else {
        // The attempt was counted by `admit` already.
        if !locked && let (Some(u), true) = (&user, locks_on_failure) {
            notify_locked(state, u, rule, client).await?;
        }
        if let Some(u) = &user {
            audit::record(
                &state.db.write,
                Event {
                    organisation_id: store::home_organisation(&state.db.read, u.id).await?,
                    actor_user_id: Some(u.id),
                    action: "sign_in_failed",
                    subject: None,
                },
                client,
                now,
            )
            .await?;
        }
        return Err(ApiError::invalid_credentials());
    };

    let memberships = store::memberships_of(&state.db.read, user.id).await?;
    let chosen = match req.organisation_id {
        Some(org) => memberships.iter().find(|m| m.organisation_id == org),
        None => memberships.first(),
    };
    // A person without (that) membership cannot sign in; say no more than for a wrong password.
    let Some(chosen) = chosen else { return Err(ApiError::invalid_credentials()) };
    let org = chosen.organisation_id;

    guard::clear(&state.db.write, &keys).await?;
    let new_device = if known { None } else { Some(tokens::random_token()) };
    guard::remember_device(
        &state.db.write,
        user.id,
        new_device.as_deref().or(device.as_deref()).unwrap_or_default(),
        now,
    )
    .await?;
    let methods = second_factor::methods_of(&state.db.read, user.id).await?;
    let remembered = match &remembered_browser {
        Some(token) if !methods.is_empty() => {
            second_factor::is_remembered(&state.db.write, user.id, token, now).await?
        }
        _ => false,
    };
    if !methods.is_empty() && !remembered {
        let required =
            second_factor::challenge(&state.db.write, user.id, org, req.stay_signed_in, methods, now).await?;
        return Ok(LoginOutcome::SecondFactor { required, new_device });
    }
    let mut signed_in = finish_sign_in(state, user.id, org, req.stay_signed_in, "password", client).await?;
    signed_in.new_device = new_device;
    Ok(LoginOutcome::SignedIn(signed_in))
}

/// Opens the session once every factor is satisfied.
pub async fn finish_sign_in(
    state: &AppState,
    user_id: Uuid,
    org: Uuid,
    persistent: bool,
    how: &str,
    client: &ClientInfo,
) -> Result<SignedIn, ApiError> {
    let now = state.clock.now();
    let issued = open_session(state, user_id, org, persistent, client).await?;
    audit::record(
        &state.db.write,
        Event {
            organisation_id: Some(org),
            actor_user_id: Some(user_id),
            action: "sign_in",
            subject: Some(how.into()),
        },
        client,
        now,
    )
    .await?;
    let me = me_for(state, user_id, org).await?;
    Ok(SignedIn { me, issued, new_device: None })
}

/// The end of a sign-in with a second factor: the challenge answered right.
pub async fn answer_second_factor(
    state: &AppState,
    answer: shared::auth::SecondFactorAnswer,
    client: &ClientInfo,
) -> Result<(SignedIn, Option<String>), ApiError> {
    use second_factor::Answer;
    let given = match (&answer.code, &answer.recovery_code, &answer.sms_code) {
        (Some(code), _, _) => Some(Answer::Totp(code)),
        (None, Some(code), _) => Some(Answer::Recovery(code)),
        (None, None, Some(code)) => Some(Answer::Sms(code)),
        (None, None, None) => None,
    };
    let (user_id, org, persistent) = second_factor::answer(state, &answer.challenge, given, client).await?;
    let signed_in = finish_sign_in(state, user_id, org, persistent, "second_factor", client).await?;
    let remember = if answer.remember_device {
        let agent = client.user_agent.clone();
        Some(second_factor::remember(&state.db.write, user_id, agent, state.clock.now()).await?)
    } else {
        None
    };
    Ok((signed_in, remember))
}

async fn open_session(
    state: &AppState,
    user_id: Uuid,
    org: Uuid,
    persistent: bool,
    client: &ClientInfo,
) -> Result<Issued, ApiError> {
    let now = state.clock.now();
    let session_id = Uuid::now_v7();
    let ttl = if persistent {
        Duration::days(state.config.stay_signed_in_days)
    } else {
        Duration::hours(state.config.session_ttl_hours)
    };
    let refresh = tokens::random_token();
    store::insert_session(
        &state.db.write,
        store::NewSession {
            id: session_id,
            user_id,
            organisation_id: org,
            expires_at: now + ttl,
            ip: client.ip.clone(),
            user_agent: client.user_agent.clone(),
            persistent,
        },
        tokens::token_hash(&refresh),
        now,
    )
    .await?;
    let access = state
        .keys
        .issue(user_id, session_id, org, now, state.config.access_token_ttl_secs)
        .map_err(ApiError::internal)?;
    Ok(Issued {
        access_token: access,
        access_ttl_secs: state.config.access_token_ttl_secs,
        refresh_token: refresh,
        session_ttl_secs: ttl.num_seconds(),
        persistent,
    })
}

/// Exchanges a refresh token for new tokens. A token used a second time means
/// it was stolen or replayed: the whole session ends and the event is audited.
pub async fn refresh(state: &AppState, token: &str, client: &ClientInfo) -> Result<Issued, ApiError> {
    let now = state.clock.now();
    let hash = tokens::token_hash(token);
    let found =
        store::refresh_by_hash(&state.db.write, &hash).await?.ok_or_else(ApiError::unauthenticated)?;
    let session =
        store::session(&state.db.write, found.session_id).await?.ok_or_else(ApiError::unauthenticated)?;
    if session.revoked_at.is_some() || session.expires_at <= now {
        return Err(ApiError::unauthenticated());
    }
    let first_use = found.used_at.is_none() && store::consume_refresh(&state.db.write, &hash, now).await?;
    if !first_use {
        store::revoke_session(&state.db.write, session.id, "refresh_token_reuse", now).await?;
        audit::record(
            &state.db.write,
            Event {
                organisation_id: Some(session.organisation_id),
                actor_user_id: Some(session.user_id),
                action: "refresh_token_reused",
                subject: Some(session.id.to_string()),
            },
            client,
            now,
        )
        .await?;
        return Err(ApiError::unauthenticated());
    }
    let next = tokens::random_token();
    store::insert_refresh(&state.db.write, session.id, tokens::token_hash(&next), now).await?;
    let access = state
        .keys
        .issue(session.user_id, session.id, session.organisation_id, now, state.config.access_token_ttl_secs)
        .map_err(ApiError::internal)?;
    Ok(Issued {
        access_token: access,
        access_ttl_secs: state.config.access_token_ttl_secs,
        refresh_token: next,
        session_ttl_secs: (session.expires_at - now).num_seconds(),
        persistent: session.persistent,
    })
}

/// Ends a session.
pub async fn logout(
    state: &AppState,
    session_id: Uuid,
    user_id: Uuid,
    org: Uuid,
    client: &ClientInfo,
) -> Result<(), ApiError> {
    let now = state.clock.now();
    if store::revoke_session(&state.db.write, session_id, "signed_out", now).await? {
        audit::record(
            &state.db.write,
            Event {
                organisation_id: Some(org),
                actor_user_id: Some(user_id),
                action: "sign_out",
                subject: None,
            },
            client,
            now,
        )
        .await?;
    }
    Ok(())
}

/// Ends the session a refresh token belongs to (sign-out when the access token has expired).
pub async fn logout_by_refresh(state: &AppState, token: &str, client: &ClientInfo) -> Result<(), ApiError> {
    let hash = tokens::token_hash(token);
    if let Some(found) = store::refresh_by_hash(&state.db.write, &hash).await?
        && let Some(session) = store::session(&state.db.write, found.session_id).await?
    {
        logout(state, session.id, session.user_id, session.organisation_id, client).await?;
    }
    Ok(())
}

/// Moves the caller to another of their organisations: the old session ends and a new one starts.
pub async fn switch_organisation(
    state: &AppState,
    actor: &Actor,
    org: Uuid,
    client: &ClientInfo,
) -> Result<(Me, Issued), ApiError> {
    let memberships = store::memberships_of(&state.db.read, actor.user_id).await?;
    if !memberships.iter().any(|m| m.organisation_id == org) {
        return Err(ApiError::not_found());
    }
    let now = state.clock.now();
    store::revoke_session(&state.db.write, actor.session_id, "switched_organisation", now).await?;
    let persistent = store::session(&state.db.write, actor.session_id).await?.is_some_and(|s| s.persistent);
    let issued = open_session(state, actor.user_id, org, persistent, client).await?;
    audit::record(
        &state.db.write,
        Event {
            organisation_id: Some(org),
            actor_user_id: Some(actor.user_id),
            action: "switched_organisation",
            subject: Some(actor.organisation_id.to_string()),
        },
        client,
        now,
    )
    .await?;
    Ok((me_for(state, actor.user_id, org).await?, issued))
}

/// What `GET /me` shows for a person in an organisation.
pub async fn me_for(state: &AppState, user_id: Uuid, org: Uuid) -> Result<Me, ApiError> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

    use crate::entities::{membership, user};
    let user = user::Entity::find_by_id(user_id)
        .one(&state.db.write)
        .await?
        .ok_or_else(ApiError::unauthenticated)?;
    let m = membership::Entity::find()
        .filter(membership::Column::UserId.eq(user_id))
        .filter(membership::Column::OrganisationId.eq(org))
        .one(&state.db.write)
        .await?
        .ok_or_else(ApiError::unauthenticated)?;
    let memberships = store::memberships_of(&state.db.write, user_id).await?;
    let organisation_name = memberships
        .iter()
        .find(|x| x.organisation_id == org)
        .map(|x| x.organisation_name.clone())
        .unwrap_or_default();
    Ok(Me {
        id: user.id,
        name: user.name,
        email: user.email,
        locale: Locale::from_tag(&user.locale),
        helpdesk: user.helpdesk,
        organisation_id: org,
        organisation_name,
        role: Role::parse(&m.role).ok_or_else(|| ApiError::internal("unknown role"))?,
        rights: Right::parse_list(&m.rights),
        main_contact: m.main_contact,
        memberships,
        must_change_password: user.must_change_password,
        must_set_up_second_factor: crate::entities::organisation::Entity::find_by_id(org)
            .one(&state.db.write)
            .await?
            .is_some_and(|o| o.require_second_factor)
            && !second_factor::has_second_factor(&state.db.write, user_id).await?,
        hours_enabled: crate::hours::settings::of(&state.db.write, org).await?.enabled,
        networks_enabled: crate::care_organisations::networks_enabled(&state.db.write, org, user_id).await?,
    })
}

/// `GET /me` for the caller: the actor already carries everything but the
/// membership list and whether the organisation keeps hours: two small queries.
pub async fn me_of(state: &AppState, actor: &Actor) -> Result<Me, ApiError> {
    let memberships = store::memberships_of(&state.db.read, actor.user_id).await?;
    let organisation_name = memberships
        .iter()
        .find(|m| m.organisation_id == actor.organisation_id)
        .map(|m| m.organisation_name.clone())
        .unwrap_or_default();
    Ok(Me {
        id: actor.user_id,
        name: actor.name.clone(),
        email: actor.email.clone(),
        locale: actor.locale,
        helpdesk: actor.helpdesk,
        organisation_id: actor.organisation_id,
        organisation_name,
        role: actor.role,
        rights: actor.rights.clone(),
        main_contact: actor.main_contact,
        memberships,
        must_change_password: actor.must_change_password,
        must_set_up_second_factor: actor.must_set_up_second_factor,
        hours_enabled: crate::hours::settings::of(&state.db.read, actor.organisation_id).await?.enabled,
        networks_enabled: crate::care_organisations::networks_enabled(
            &state.db.read,
            actor.organisation_id,
            actor.user_id,
        )
        .await?,
    })
}

/// Saves the caller's language.
pub async fn set_locale(state: &AppState, actor: &Actor, locale: Locale) -> Result<Me, ApiError> {
    store::set_locale(&state.db.write, actor.user_id, locale, state.clock.now()).await?;
    me_for(state, actor.user_id, actor.organisation_id).await
}

/// Tells the owner their account was locked, with a reset link that lifts the lock.
async fn notify_locked(
    state: &AppState,
    user: &crate::entities::user::Model,
    rule: super::throttle::Rule,
    client: &ClientInfo,
) -> Result<(), ApiError> {
    use sea_orm::TransactionTrait;
    let now = state.clock.now();
    let minutes = match rule {
        super::throttle::Rule::LockAfter { duration, .. } => Some(duration.num_minutes()),
        super::throttle::Rule::Throttle => None,
    };
    let txn = state.db.write.begin().await?;
    let url = super::reset::issue(&txn, &state.config.public_url(), user.id, now).await?;
    let mail = crate::notifications::templates::account_locked(
        Locale::from_tag(&user.locale),
        &user.name,
        &url,
        minutes,
    );
    crate::notifications::outbox::enqueue_mail(&txn, None, &user.email, mail, now).await?;
    audit::record(
        &txn,
        Event {
            organisation_id: store::home_organisation(&txn, user.id).await?,
            actor_user_id: Some(user.id),
            action: "account_locked",
            subject: None,
        },
        client,
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
