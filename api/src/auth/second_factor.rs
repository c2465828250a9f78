//! The second factor: authenticator apps (TOTP), SMS codes, recovery codes
//! and browsers remembered for 30 days. Between a correct password and a correct code there
//! is no session at all, only a short-lived challenge, so a half-signed-in
//! caller cannot reach any other endpoint.

use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, ExprTrait, PaginatorTrait,
    QueryFilter, Set, TransactionTrait, sea_query::Expr,
};
use shared::{
    auth::{
        RecoveryCodes, SecondFactorMethod, SecondFactorRequired, SecondFactorStatus, SmsCodeSent,
        TotpEnrolment,
    },
    i18n::Locale,
};
use uuid::Uuid;

use super::{Actor, password, sms_codes, tokens, totp};
use crate::{
    audit::{self, ClientInfo, Event},
    entities::{recovery_code, remembered_device, sign_in_challenge, totp_factor, user},
    error::{ApiError, Validation},
    notifications::{
        outbox,
        templates::{self, SmsPurpose},
    },
    state::AppState,
};

/// How long a sign-in challenge lasts.
pub const CHALLENGE_MINUTES: i64 = 5;
/// Wrong codes per challenge before it ends (and the owner is told).
pub const MAX_CHALLENGE_FAILURES: i32 = 5;
/// How long a browser is remembered (seed 002: 30 days).
pub const REMEMBER_DAYS: i64 = 30;
/// Recovery codes per set.
pub const RECOVERY_CODES: usize = 10;

/// Whether the person has a confirmed authenticator app.
pub async fn has_totp(db: &impl ConnectionTrait, user_id: Uuid) -> Result<bool, DbErr> {
    Ok(totp_factor::Entity::find_by_id(user_id).one(db).await?.is_some_and(|f| f.confirmed_at.is_some()))
}

/// Whether SMS codes are a second factor of this person: switched on, and the number proven.
pub fn sms_factor_of(u: &user::Model) -> bool {
    u.sms_second_factor && u.mobile.is_some() && u.mobile_verified_at.is_some()
}

/// The ways the person can give a second factor; empty when they have none.
pub async fn methods_of(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<SecondFactorMethod>, DbErr> {
    let mut methods = Vec::new();
    if has_totp(db, user_id).await? {
        methods.push(SecondFactorMethod::Totp);
    }
    if user::Entity::find_by_id(user_id).one(db).await?.is_some_and(|u| sms_factor_of(&u)) {
        methods.push(SecondFactorMethod::Sms);
    }
    if !methods.is_empty() {
        methods.push(SecondFactorMethod::RecoveryCode);
    }
    Ok(methods)
}

/// Whether the person has any second factor.
pub async fn has_second_factor(db: &impl ConnectionTrait, user_id: Uuid) -> Result<bool, DbErr> {
    Ok(!methods_of(db, user_id).await?.is_empty())
}

/// Whether this browser's remember cookie still counts for this person; when it
/// does, its last use is noted (My account shows it).
pub async fn is_remembered(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    token: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let res = remembered_device::Entity::update_many()
        .col_expr(remembered_device::Column::LastUsedAt, Expr::value(now))
        .filter(remembered_device::Column::TokenHash.eq(tokens::token_hash(token)))
        .filter(remembered_device::Column::UserId.eq(user_id))
        .filter(remembered_device::Column::ExpiresAt.gt(now))
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Opens a challenge for a person whose password was right.
pub async fn challenge(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    org: Uuid,
    persistent: bool,
    methods: Vec<SecondFactorMethod>,
    now: DateTime<Utc>,
) -> Result<SecondFactorRequired, DbErr> {
    let token = tokens::random_token();
    sign_in_challenge::ActiveModel {
        token_hash: Set(tokens::token_hash(&token)),
        user_id: Set(user_id),
        organisation_id: Set(org),
        created_at: Set(now),
        expires_at: Set(now + Duration::minutes(CHALLENGE_MINUTES)),
        failures: Set(0),
        persistent: Set(persistent),
    }
    .insert(db)
    .await?;
    Ok(SecondFactorRequired { challenge: token, methods })
}

/// 422 on `code` with the attempts left.
pub fn wrong_code(left: i32) -> ApiError {
    let mut v = Validation::default();
    v.add_code("code", "wrong_code", format!("The code is not right; {left} attempts left"));
    v.finish().err().unwrap_or_else(ApiError::invalid_credentials)
}

/// A challenge that can still be answered.
pub async fn open_challenge(
    state: &AppState,
    challenge: &str,
    now: DateTime<Utc>,
) -> Result<sign_in_challenge::Model, ApiError> {
    sign_in_challenge::Entity::find_by_id(tokens::token_hash(challenge))
        .one(&state.db.write)
        .await?
        .filter(|c| c.expires_at > now && c.failures < MAX_CHALLENGE_FAILURES)
        .ok_or_else(ApiError::unauthenticated)
}

/// Sends a sign-in code by SMS for a challenge (429 when asked again too soon). The
/// challenge lives at least as long as the code, so the code really works 10 minutes.
pub async fn send_sign_in_code(state: &AppState, challenge: &str) -> Result<SmsCodeSent, ApiError> {
    let now = state.clock.now();
    let c = open_challenge(state, challenge, now).await?;
    let u = user::Entity::find_by_id(c.user_id)
        .one(&state.db.write)
        .await?
        .filter(sms_factor_of)
        .ok_or_else(|| ApiError::conflict("SMS codes are not set up for this account"))?;
    let to = u.mobile.clone().unwrap_or_default();
    let txn = state.db.write.begin().await?;
    sms_codes::send(
        &txn,
        sms_codes::Request {
            purpose: SmsPurpose::SignIn,
            subject: &c.token_hash,
            to: &to,
            locale: Locale::from_tag(&u.locale),
            organisation_id: Some(c.organisation_id),
        },
        now,
    )
    .await?;
    let until = now + Duration::minutes(sms_codes::VALID_MINUTES);
    sign_in_challenge::Entity::update_many()
        .col_expr(sign_in_challenge::Column::ExpiresAt, Expr::value(until))
        .filter(sign_in_challenge::Column::TokenHash.eq(c.token_hash.clone()))
        .filter(sign_in_challenge::Column::ExpiresAt.lt(until))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(code_sent(&to))
}

/// The answer to "send me a code".
pub fn code_sent(to: &str) -> SmsCodeSent {
    SmsCodeSent {
        sent_to: shared::mobile::mask_mobile(to),
        valid_minutes: sms_codes::VALID_MINUTES,
        resend_after_seconds: sms_codes::RESEND_SECONDS,
    }
}

/// The code a person typed, by kind.
pub enum Answer<'a> {
    /// From the authenticator app.
    Totp(&'a str),
    /// A recovery code.
    Recovery(&'a str),
    /// From the SMS sent for this challenge.
    Sms(&'a str),
}

/// Checks the answer to a challenge; returns the person, organisation and "stay signed in"
/// choice to open a session with.
pub async fn answer(
    state: &AppState,
    challenge: &str,
    given: Option<Answer<'_>>,
    client: &ClientInfo,
) -> Result<(Uuid, Uuid, bool), ApiError> {
    let now = state.clock.now();
    let c = open_challenge(state, challenge, now).await?;
    let hash = c.token_hash.clone();
    let ok = match given {
        Some(Answer::Totp(code)) => accept_totp(state, c.user_id, code, now).await?,
        Some(Answer::Recovery(r)) => use_recovery_code(&state.db.write, c.user_id, r, now).await?,
        Some(Answer::Sms(code)) => {
            match sms_codes::check(&state.db.write, SmsPurpose::SignIn, &hash, code, now).await? {
                sms_codes::Check::Right(id) => sms_codes::consume(&state.db.write, id, now).await?,
                sms_codes::Check::Wrong { .. } | sms_codes::Check::Expired => false,
            }
        }
        None => return Err(ApiError::field("code", shared::validation::FieldProblem::Required)),
    };
    if !ok {
        // Count atomically: two wrong answers at once both count.
        sign_in_challenge::Entity::update_many()
            .col_expr(
                sign_in_challenge::Column::Failures,
                Expr::col(sign_in_challenge::Column::Failures).add(1),
            )
            .filter(sign_in_challenge::Column::TokenHash.eq(hash.clone()))
            .exec(&state.db.write)
            .await?;
        let failures = c.failures + 1;
        audit::record(
            &state.db.write,
            Event {
                organisation_id: Some(c.organisation_id),
                actor_user_id: Some(c.user_id),
                action: "second_factor_failed",
                subject: None,
            },
            client,
            now,
        )
        .await?;
        if failures >= MAX_CHALLENGE_FAILURES {
            if let Some(u) = user::Entity::find_by_id(c.user_id).one(&state.db.write).await? {
                let mail = templates::second_factor_failures(Locale::from_tag(&u.locale), &u.name);
                outbox::enqueue_mail(&state.db.write, Some(c.organisation_id), &u.email, mail, now).await?;
            }
            return Err(ApiError::unauthenticated());
        }
        return Err(wrong_code(MAX_CHALLENGE_FAILURES - failures));
    }
    // A challenge answers once.
    let done = sign_in_challenge::Entity::delete_by_id(hash).exec(&state.db.write).await?;
    if done.rows_affected != 1 {
        return Err(ApiError::unauthenticated());
    }
    Ok((c.user_id, c.organisation_id, c.persistent))
}

/// Verifies a TOTP code and records its step, so the same code never works twice,
/// not even in two requests at the same moment (the update is conditional). Also what
/// confirms a contract signature.
pub async fn accept_totp(
    state: &AppState,
    user_id: Uuid,
    code: &str,
    now: DateTime<Utc>,
) -> Result<bool, ApiError> {
    let Some(f) = totp_factor::Entity::find_by_id(user_id).one(&state.db.write).await? else {
        return Ok(false);
    };
    let secret = state
        .data_key
        .open(&f.secret_ciphertext)
        .ok_or_else(|| ApiError::internal("totp secret unreadable"))?;
    let Some(step) = totp::verify(&secret, code, now, f.last_step) else { return Ok(false) };
    let res = totp_factor::Entity::update_many()
        .col_expr(totp_factor::Column::LastStep, Expr::value(step))
        .filter(totp_factor::Column::UserId.eq(user_id))
        .filter(totp_factor::Column::LastStep.is_null().or(totp_factor::Column::LastStep.lt(step)))
        .exec(&state.db.write)
        .await?;
    Ok(res.rows_affected == 1)
}

fn normalise_recovery(code: &str) -> String {
    code.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase()
}

async fn use_recovery_code(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    code: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let res = recovery_code::Entity::update_many()
        .col_expr(recovery_code::Column::UsedAt, Expr::value(now))
        .filter(recovery_code::Column::CodeHash.eq(tokens::token_hash(&normalise_recovery(code))))
        .filter(recovery_code::Column::UserId.eq(user_id))
        .filter(recovery_code::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Remembers this browser for 30 days; returns the cookie value.
pub async fn remember(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    user_agent: Option<String>,
    now: DateTime<Utc>,
) -> Result<String, DbErr> {
    let token = tokens::random_token();
    remembered_device::ActiveModel {
        token_hash: Set(tokens::token_hash(&token)),
        user_id: Set(user_id),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(REMEMBER_DAYS)),
        last_used_at: Set(None),
        user_agent: Set(user_agent),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// Forgets every remembered browser of a person (after a password or factor change).
pub async fn forget_devices(db: &impl ConnectionTrait, user_id: Uuid) -> Result<(), DbErr> {
    remembered_device::Entity::delete_many()
        .filter(remembered_device::Column::UserId.eq(user_id))
        .exec(db)
        .await
        .map(|_| ())
}

/// Starts setting up an authenticator app: a new secret, not yet in force.
pub async fn enrol(state: &AppState, actor: &Actor) -> Result<TotpEnrolment, ApiError> {
    if has_totp(&state.db.write, actor.user_id).await? {
        return Err(ApiError::conflict("An authenticator app is already set up; remove it first"));
    }
    let secret = totp::new_secret();
    let sealed = state.data_key.seal(&secret).map_err(ApiError::internal)?;
    let now = state.clock.now();
    totp_factor::Entity::delete_by_id(actor.user_id).exec(&state.db.write).await?;
    totp_factor::ActiveModel {
        user_id: Set(actor.user_id),
        secret_ciphertext: Set(sealed),
        created_at: Set(now),
        confirmed_at: Set(None),
        last_step: Set(None),
    }
    .insert(&state.db.write)
    .await?;
    Ok(TotpEnrolment {
        manual_key: totp::manual_key(&secret),
        otpauth_url: totp::otpauth_url(&secret, &actor.email).map_err(ApiError::internal)?,
    })
}

/// Confirms the app with its first code; the factor is in force from now on and
/// the person gets their recovery codes.
pub async fn confirm(
    state: &AppState,
    actor: &Actor,
    code: &str,
    client: &ClientInfo,
) -> Result<RecoveryCodes, ApiError> {
    let now = state.clock.now();
    let f = totp_factor::Entity::find_by_id(actor.user_id)
        .one(&state.db.write)
        .await?
        .filter(|f| f.confirmed_at.is_none())
        .ok_or_else(|| ApiError::conflict("Start setting up an authenticator app first"))?;
    let secret = state
        .data_key
        .open(&f.secret_ciphertext)
        .ok_or_else(|| ApiError::internal("totp secret unreadable"))?;
    let Some(step) = totp::verify(&secret, code, now, None) else {
        return Err(wrong_code(MAX_CHALLENGE_FAILURES));
    };
    let txn = state.db.write.begin().await?;
    let mut m: totp_factor::ActiveModel = f.into();
    m.confirmed_at = Set(Some(now));
    m.last_step = Set(Some(step));
    m.update(&txn).await?;
    let codes = new_recovery_codes(&txn, actor.user_id, now).await?;
    forget_devices(&txn, actor.user_id).await?;
    audit::record(&txn, Event::by(actor, "second_factor_added", Some("totp".into())), client, now).await?;
    txn.commit().await?;
    Ok(codes)
}

/// A first set of recovery codes when the person has none left; `None` when they keep theirs.
pub async fn recovery_codes_if_none(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> Result<Option<RecoveryCodes>, DbErr> {
    let left = recovery_code::Entity::find()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .filter(recovery_code::Column::UsedAt.is_null())
        .count(db)
        .await?;
    if left > 0 { Ok(None) } else { new_recovery_codes(db, user_id, now).await.map(Some) }
}

/// Drops the recovery codes once no second factor is left for them to stand in for.
pub async fn drop_recovery_codes_without_factor(
    db: &impl ConnectionTrait,
    user_id: Uuid,
) -> Result<(), DbErr> {
    if has_second_factor(db, user_id).await? {
        return Ok(());
    }
    recovery_code::Entity::delete_many().filter(recovery_code::Column::UserId.eq(user_id)).exec(db).await?;
    Ok(())
}

async fn new_recovery_codes(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> Result<RecoveryCodes, DbErr> {
    recovery_code::Entity::delete_many().filter(recovery_code::Column::UserId.eq(user_id)).exec(db).await?;
    // 10 characters from 32 unambiguous letters and digits: 50 bits each.
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rngs::OsRng;
    let mut codes = Vec::with_capacity(RECOVERY_CODES);
    for _ in 0..RECOVERY_CODES {
        let raw: String = (0..10).map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char).collect();
        recovery_code::ActiveModel {
            code_hash: Set(tokens::token_hash(&raw)),
            user_id: Set(user_id),
            created_at: Set(now),
            used_at: Set(None),
        }
        .insert(db)
        .await?;
        codes.push(format!("{}-{}", &raw[..5], &raw[5..]));
    }
    Ok(RecoveryCodes { codes })
}

/// Checks the caller's current password before a sensitive change ("sign in again").
pub async fn reauthenticate(state: &AppState, actor: &Actor, password_text: String) -> Result<(), ApiError> {
    let u = user::Entity::find_by_id(actor.user_id)
        .one(&state.db.write)
        .await?
        .ok_or_else(ApiError::unauthenticated)?;
    if password::verify(u.password_hash, password_text).await? {
        Ok(())
    } else {
        let mut v = Validation::default();
        v.add_code("password", "wrong_password", "The password is not right".into());
        v.finish()
    }
}

/// Removes the authenticator app (after the current password).
pub async fn remove(
    state: &AppState,
    actor: &Actor,
    password_text: String,
    client: &ClientInfo,
) -> Result<(), ApiError> {
    reauthenticate(state, actor, password_text).await?;
    let now = state.clock.now();
    let txn = state.db.write.begin().await?;
    totp_factor::Entity::delete_by_id(actor.user_id).exec(&txn).await?;
    drop_recovery_codes_without_factor(&txn, actor.user_id).await?;
    forget_devices(&txn, actor.user_id).await?;
    audit::record(&txn, Event::by(actor, "second_factor_removed", Some("totp".into())), client, now).await?;
    txn.commit().await?;
    Ok(())
}

/// A new set of recovery codes (after the current password); the old set stops working.
pub async fn regenerate(
    state: &AppState,
    actor: &Actor,
    password_text: String,
    client: &ClientInfo,
) -> Result<RecoveryCodes, ApiError> {
    reauthenticate(state, actor, password_text).await?;
    if !has_second_factor(&state.db.write, actor.user_id).await? {
        return Err(ApiError::conflict("Set up an authenticator app or SMS codes first"));
    }
    let now = state.clock.now();
    let txn = state.db.write.begin().await?;
    let codes = new_recovery_codes(&txn, actor.user_id, now).await?;
    audit::record(&txn, Event::by(actor, "recovery_codes_regenerated", None), client, now).await?;
    txn.commit().await?;
    Ok(codes)
}

/// The person's second factors.
pub async fn status(state: &AppState, actor: &Actor) -> Result<SecondFactorStatus, ApiError> {
    let left = recovery_code::Entity::find()
        .filter(recovery_code::Column::UserId.eq(actor.user_id))
        .filter(recovery_code::Column::UsedAt.is_null())
        .count(&state.db.read)
        .await?;
    let methods = methods_of(&state.db.read, actor.user_id).await?;
    Ok(SecondFactorStatus {
        totp: methods.contains(&SecondFactorMethod::Totp),
        sms: methods.contains(&SecondFactorMethod::Sms),
        recovery_codes_left: left as i64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_codes_are_compared_without_dashes_spaces_or_case() {
        assert_eq!(normalise_recovery("AbCdE-fGh23"), "abcdefgh23");
        assert_eq!(normalise_recovery(" abcde fgh23 "), "abcdefgh23");
    }
}
