//! An organisation's security settings: password rules, the wrong-password
//! rule and whether a second factor is required.

use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use shared::{
    accounts::{ActivationProof, LockoutSetting, SecuritySettings},
    auth::Right,
    password_policy::{MIN_LENGTH_FLOOR, PasswordPolicy},
};
use uuid::Uuid;

use crate::{
    audit::{self, ClientInfo, Event},
    auth::Actor,
    entities::organisation,
    error::{ApiError, Validation},
    state::AppState,
};

/// The password policy an organisation applies.
pub fn policy_of(o: &organisation::Model) -> PasswordPolicy {
    match o.password_profile.as_str() {
        "legacy" => PasswordPolicy::Legacy,
        _ => PasswordPolicy::Standard { min_length: o.password_min_length.max(0) as usize },
    }
}

/// The policy of organisation `id` (the standard when it is unknown).
pub async fn policy_for(
    db: &impl sea_orm::ConnectionTrait,
    id: Option<Uuid>,
) -> Result<PasswordPolicy, ApiError> {
    let Some(id) = id else { return Ok(PasswordPolicy::default()) };
    Ok(organisation::Entity::find_by_id(id).one(db).await?.map(|o| policy_of(&o)).unwrap_or_default())
}

/// How an organisation's invitees prove who they are.
pub fn activation_proof_of(o: &organisation::Model) -> ActivationProof {
    match o.activation_proof.as_str() {
        "sms_pin" => ActivationProof::SmsPin,
        _ => ActivationProof::BirthDate,
    }
}

fn settings_of(o: &organisation::Model) -> SecuritySettings {
    let policy = policy_of(o);
    let lockout = match (o.lockout_failures, o.lockout_minutes) {
        (Some(f), Some(m)) if f > 0 && m > 0 => {
            Some(LockoutSetting { failures: f as u32, minutes: m as u32 })
        }
        _ => None,
    };
    SecuritySettings {
        weaker_than_standard: policy.is_weaker_than_standard() || lockout.is_some(),
        password_policy: policy,
        lockout,
        require_second_factor: o.require_second_factor,
        activation_proof: activation_proof_of(o),
    }
}

async fn own(state: &AppState, actor: &Actor) -> Result<organisation::Model, ApiError> {
    actor.require(Right::ManageRights)?;
    organisation::Entity::find_by_id(actor.organisation_id)
        .one(&state.db.write)
        .await?
        .ok_or_else(ApiError::not_found)
}

/// The caller's organisation's settings (needs *manage rights*).
pub async fn get(state: &AppState, actor: &Actor) -> Result<SecuritySettings, ApiError> {
    Ok(settings_of(&own(state, actor).await?))
}

/// Changes the settings (needs *manage rights*; audited).
pub async fn set(
    state: &AppState,
    actor: &Actor,
    new: SecuritySettings,
    client: &ClientInfo,
) -> Result<SecuritySettings, ApiError> {
    let o = own(state, actor).await?;
    let mut v = Validation::default();
    if let PasswordPolicy::Standard { min_length } = new.password_policy
        && !(MIN_LENGTH_FLOOR..=64).contains(&min_length)
    {
        v.add_code(
            "password_policy.min_length",
            "out_of_range",
            format!("must be between {MIN_LENGTH_FLOOR} and 64"),
        );
    }
    if let Some(l) = new.lockout {
        if !(1..=10).contains(&l.failures) {
            v.add_code("lockout.failures", "out_of_range", "must be between 1 and 10".into());
        }
        if !(1..=1440).contains(&l.minutes) {
            v.add_code("lockout.minutes", "out_of_range", "must be between 1 and 1440".into());
        }
    }
    v.finish()?;
    let mut m: organisation::ActiveModel = o.into();
    match new.password_policy {
        PasswordPolicy::Legacy => m.password_profile = Set("legacy".into()),
        PasswordPolicy::Standard { min_length } => {
            m.password_profile = Set("standard".into());
            m.password_min_length = Set(min_length as i32);
        }
    }
    m.lockout_failures = Set(new.lockout.map(|l| l.failures as i32));
    m.lockout_minutes = Set(new.lockout.map(|l| l.minutes as i32));
    m.require_second_factor = Set(new.require_second_factor);
    m.activation_proof = Set(match new.activation_proof {
        ActivationProof::BirthDate => "birth_date".into(),
        ActivationProof::SmsPin => "sms_pin".into(),
    });
    let saved = m.update(&state.db.write).await?;
    audit::record(
        &state.db.write,
        Event::by(actor, "security_settings_changed", None),
        client,
        state.clock.now(),
    )
    .await?;
    Ok(settings_of(&saved))
}
