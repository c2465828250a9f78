//! My account: the e-mail address and mobile number, each changed only after
//! the current password ("sign in again"), and SMS codes as a second factor,
//! which need the number proven by a code sent to it.

use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set, TransactionTrait};
use shared::{
    auth::{ChangeEmail, ChangeMobile, ContactDetails, RecoveryCodes, SmsCodeSent},
    i18n::Locale,
    mobile::normalise_mobile,
    validation,
};

use super::{Actor, email, second_factor, sms_codes, store};
use crate::{
    audit::{self, ClientInfo, Event},
    entities::{password_reset, user},
    error::{ApiError, Validation},
    notifications::{outbox, templates, templates::SmsPurpose},
    state::AppState,
};

async fn me(state: &AppState, actor: &Actor) -> Result<user::Model, ApiError> {
    user::Entity::find_by_id(actor.user_id).one(&state.db.write).await?.ok_or_else(ApiError::unauthenticated)
}

fn details(u: &user::Model) -> ContactDetails {
    ContactDetails {
        email: u.email.clone(),
        mobile: u.mobile.clone(),
        mobile_verified: u.mobile.is_some() && u.mobile_verified_at.is_some(),
    }
}

/// The caller's e-mail address and mobile number.
pub async fn contact(state: &AppState, actor: &Actor) -> Result<ContactDetails, ApiError> {
    Ok(details(&me(state, actor).await?))
}

/// Changes the e-mail address (the sign-in name) after the current password. The old
/// address is told; reset links sent to it stop working.
pub async fn change_email(
    state: &AppState,
    actor: &Actor,
    req: ChangeEmail,
    client: &ClientInfo,
) -> Result<ContactDetails, ApiError> {
    let mut v = Validation::default();
    v.check("email", validation::check_email(&req.email));
    v.finish()?;
    second_factor::reauthenticate(state, actor, req.password).await?;
    let u = me(state, actor).await?;
    let canonical = email::canonical(&req.email);
    if canonical == u.email {
        return Ok(details(&u));
    }
    let taken = || ApiError::conflict_on("email", "email_taken", "This address belongs to another account");
    if store::user_by_email(&state.db.write, &canonical).await?.is_some() {
        return Err(taken());
    }
    let now = state.clock.now();
    let old = u.email.clone();
    let mail = templates::email_changed(Locale::from_tag(&u.locale), &u.name, &canonical);
    let txn = state.db.write.begin().await?;
    let mut m: user::ActiveModel = u.into();
    m.email = Set(canonical);
    m.updated_at = Set(now);
    let saved = match m.update(&txn).await {
        Ok(saved) => saved,
        // Someone took the address between the check and now: the unique index decides.
        Err(e) if matches!(e.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_))) => {
            return Err(taken());
        }
        Err(e) => return Err(e.into()),
    };
    password_reset::Entity::delete_many()
        .filter(password_reset::Column::UserId.eq(actor.user_id))
        .filter(password_reset::Column::UsedAt.is_null())
        .exec(&txn)
        .await?;
    outbox::enqueue_mail(&txn, Some(actor.organisation_id), &old, mail, now).await?;
    audit::record(&txn, Event::by(actor, "email_changed", None), client, now).await?;
    txn.commit().await?;
    Ok(details(&saved))
}

/// Changes (or, with none, removes) the mobile number after the current password. A
/// new number is unproven, so SMS codes stop being a second factor until it is proven.
pub async fn change_mobile(
    state: &AppState,
    actor: &Actor,
    req: ChangeMobile,
    client: &ClientInfo,
) -> Result<ContactDetails, ApiError> {
    let new = match req.mobile.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
        Some(typed) => Some(normalise_mobile(typed).map_err(|p| ApiError::field("mobile", p))?),
        None => None,
    };
    second_factor::reauthenticate(state, actor, req.password).await?;
    let u = me(state, actor).await?;
    if new == u.mobile {
        return Ok(details(&u));
    }
    let now = state.clock.now();
    let was_factor = second_factor::sms_factor_of(&u);
    let txn = state.db.write.begin().await?;
    let mut m: user::ActiveModel = u.into();
    m.mobile = Set(new);
    m.mobile_verified_at = Set(None);
    m.sms_second_factor = Set(false);
    m.updated_at = Set(now);
    let saved = m.update(&txn).await?;
    if was_factor {
        second_factor::forget_devices(&txn, actor.user_id).await?;
        second_factor::drop_recovery_codes_without_factor(&txn, actor.user_id).await?;
        audit::record(&txn, Event::by(actor, "second_factor_removed", Some("sms".into())), client, now)
            .await?;
    }
    audit::record(&txn, Event::by(actor, "mobile_changed", None), client, now).await?;
    txn.commit().await?;
    Ok(details(&saved))
}

/// Starts SMS codes as a second factor: a code goes to the mobile number, which the
/// person types back to prove it.
pub async fn start_sms_factor(state: &AppState, actor: &Actor) -> Result<SmsCodeSent, ApiError> {
    let u = me(state, actor).await?;
    let Some(to) = u.mobile.clone() else {
        return Err(ApiError::conflict_on("mobile", "no_mobile", "Add a mobile number first"));
    };
    let now = state.clock.now();
    let subject = u.id.to_string();
    let txn = state.db.write.begin().await?;
    sms_codes::send(
        &txn,
        sms_codes::Request {
            purpose: SmsPurpose::VerifyMobile,
            subject: &subject,
            to: &to,
            locale: Locale::from_tag(&u.locale),
            organisation_id: Some(actor.organisation_id),
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(second_factor::code_sent(&to))
}

/// Confirms the number with the code: SMS codes are a second factor from now on.
/// Returns a first set of recovery codes when the person had none (else none: the
/// existing set stays).
pub async fn confirm_sms_factor(
    state: &AppState,
    actor: &Actor,
    code: &str,
    client: &ClientInfo,
) -> Result<RecoveryCodes, ApiError> {
    let now = state.clock.now();
    let u = me(state, actor).await?;
    let subject = u.id.to_string();
    let id = match sms_codes::check(&state.db.write, SmsPurpose::VerifyMobile, &subject, code, now).await? {
        sms_codes::Check::Right(id) => id,
        sms_codes::Check::Wrong { left } if left > 0 => return Err(second_factor::wrong_code(left)),
        sms_codes::Check::Wrong { .. } | sms_codes::Check::Expired => return Err(code_expired()),
    };
    let txn = state.db.write.begin().await?;
    if !sms_codes::consume(&txn, id, now).await? {
        return Err(code_expired());
    }
    let mut m: user::ActiveModel = u.into();
    m.mobile_verified_at = Set(Some(now));
    m.sms_second_factor = Set(true);
    m.updated_at = Set(now);
    m.update(&txn).await?;
    let codes = second_factor::recovery_codes_if_none(&txn, actor.user_id, now).await?;
    second_factor::forget_devices(&txn, actor.user_id).await?;
    audit::record(&txn, Event::by(actor, "second_factor_added", Some("sms".into())), client, now).await?;
    txn.commit().await?;
    Ok(codes.unwrap_or(RecoveryCodes { codes: Vec::new() }))
}

fn code_expired() -> ApiError {
    let mut v = Validation::default();
    v.add_code("code", "code_expired", "This code no longer works; ask for a new one".into());
    v.finish().err().unwrap_or_else(ApiError::not_found)
}

/// Stops SMS codes as a second factor (after the current password). Remembered
/// browsers are forgotten.
pub async fn remove_sms_factor(
    state: &AppState,
    actor: &Actor,
    password_text: String,
    client: &ClientInfo,
) -> Result<(), ApiError> {
    second_factor::reauthenticate(state, actor, password_text).await?;
    let u = me(state, actor).await?;
    if !u.sms_second_factor {
        return Ok(());
    }
    let now = state.clock.now();
    let txn = state.db.write.begin().await?;
    let mut m: user::ActiveModel = u.into();
    m.sms_second_factor = Set(false);
    m.updated_at = Set(now);
    m.update(&txn).await?;
    second_factor::drop_recovery_codes_without_factor(&txn, actor.user_id).await?;
    second_factor::forget_devices(&txn, actor.user_id).await?;
    audit::record(&txn, Event::by(actor, "second_factor_removed", Some("sms".into())), client, now).await?;
    txn.commit().await?;
    Ok(())
}
