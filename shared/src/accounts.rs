//! Invitations, activation and the rules for granting roles and rights.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{
    auth::{Right, Role},
    password_policy::{PasswordPolicy, PasswordProblem},
};

/// Body of `POST /api/v1/invitations`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewInvitation {
    /// Where the invitation goes.
    pub email: String,
    /// The person's full name.
    pub name: String,
    /// Their role in your organisation.
    pub role: Role,
    /// Rights to grant; only rights you hold yourself.
    #[serde(default)]
    pub rights: Vec<Right>,
    /// The person's birth date, asked back at activation as proof (seed 001).
    pub birth_date: NaiveDate,
    /// Their mobile number (`06-12345678`, `+31 6 …`); required when your organisation
    /// activates accounts with an SMS PIN (seed 002).
    #[serde(default)]
    pub mobile: Option<String>,
}

/// Where an invitation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum InvitationStatus {
    /// Sent, not yet used.
    Pending,
    /// The person activated their account.
    Accepted,
    /// The link's time ran out.
    Expired,
    /// Withdrawn by someone with the right to manage rights.
    Revoked,
    /// Too many wrong birth dates: the link no longer works.
    Burned,
}

/// An invitation as the organisation's rights managers see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Invitation {
    /// Id.
    pub id: Uuid,
    /// Invited address.
    pub email: String,
    /// Invited person.
    pub name: String,
    /// Role they will have.
    pub role: Role,
    /// Rights they will have.
    pub rights: Vec<Right>,
    /// Their mobile number (E.164), if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile: Option<String>,
    /// Where it stands.
    pub status: InvitationStatus,
    /// When the link stops working.
    pub expires_at: DateTime<Utc>,
    /// When it was sent.
    pub created_at: DateTime<Utc>,
}

/// How an invitee proves who they are before choosing a password.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActivationProof {
    /// Their birth date, as the organisation recorded it (seed 001).
    #[default]
    BirthDate,
    /// A 6-digit PIN sent by SMS to the mobile number on the invitation when the link is
    /// opened (seed 002). Invitations without a number fall back to the birth date.
    SmsPin,
}

/// Body of `POST /api/v1/activation/lookup`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ActivationLookup {
    /// The token from the invitation link.
    pub token: String,
}

/// What the activation page shows for a valid link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivationInfo {
    /// The invited person's name.
    pub name: String,
    /// The invited address.
    pub email: String,
    /// The organisation that invites (sign in to this one after activating).
    pub organisation_id: Uuid,
    /// Its name.
    pub organisation_name: String,
    /// What they must prove.
    pub proof: ActivationProof,
    /// With `sms_pin`: where the PIN went, all but the last two digits hidden.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_to: Option<String>,
    /// True when the address already has a Poort account: they confirm with their
    /// current password instead of choosing one, and keep one account.
    pub existing_account: bool,
    /// The rules a new password must meet.
    pub password_policy: PasswordPolicy,
}

/// Body of `POST /api/v1/activation`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Activate {
    /// The token from the invitation link.
    pub token: String,
    /// The proof when it is `birth_date`: the person's birth date.
    #[serde(default)]
    pub birth_date: Option<NaiveDate>,
    /// The proof when it is `sms_pin`: the PIN from the SMS.
    #[serde(default)]
    pub pin: Option<String>,
    /// The new password (or, for an existing account, the current one).
    pub password: String,
}

impl std::fmt::Debug for Activate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Activate").field("token", &"[redacted]").field("password", &"[redacted]").finish()
    }
}

/// Body of `POST /api/v1/password-check`: live feedback while typing.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PasswordCheck {
    /// The candidate password.
    pub password: String,
    /// The invitation or reset token, so the check knows whose name to look for.
    #[serde(default)]
    pub token: Option<String>,
}

impl std::fmt::Debug for PasswordCheck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordCheck { [redacted] }")
    }
}

/// The reasons a password would be refused (empty: acceptable).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordCheckResult {
    /// Every problem; empty when the password is acceptable.
    pub problems: Vec<PasswordProblem>,
}

/// Whether someone may give `role` and `rights` to another person. Only holders
/// of *manage rights* grant anything; nobody grants a right they do not hold;
/// only administrators and main contacts make administrators.
pub fn may_grant(
    granter_role: Role,
    granter_rights: &[Right],
    granter_main_contact: bool,
    role: Role,
    rights: &[Right],
) -> bool {
    if !granter_rights.contains(&Right::ManageRights) {
        return false;
    }
    if !rights.iter().all(|r| granter_rights.contains(r)) {
        return false;
    }
    role != Role::Administrator || granter_role == Role::Administrator || granter_main_contact
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: &[Right] = &[Right::ManageRights, Right::ManageEmployeeData, Right::ReportAbsence];

    #[test]
    fn only_rights_managers_grant_and_never_more_than_they_hold() {
        assert!(may_grant(Role::Employer, ALL, true, Role::Employee, &[Right::ReportAbsence]));
        assert!(!may_grant(Role::Employer, &[Right::ReportAbsence], false, Role::Employee, &[]));
        let partial = &[Right::ManageRights, Right::ReportAbsence];
        assert!(may_grant(Role::Employer, partial, false, Role::Employer, &[Right::ReportAbsence]));
        assert!(!may_grant(Role::Employer, partial, false, Role::Employer, &[Right::ManageEmployeeData]));
    }

    #[test]
    fn security_settings_read_back_what_the_server_writes() {
        let settings = SecuritySettings {
            password_policy: PasswordPolicy::Legacy,
            lockout: Some(LockoutSetting { failures: 3, minutes: 60 }),
            require_second_factor: true,
            activation_proof: ActivationProof::SmsPin,
            weaker_than_standard: true,
        };
        let json = serde_json::to_string(&settings).unwrap_or_default();
        let back: Result<SecuritySettings, _> = serde_json::from_str(&json);
        assert_eq!(back.ok(), Some(settings));
    }

    #[test]
    fn administrators_are_made_by_administrators_and_main_contacts() {
        assert!(!may_grant(Role::Employer, ALL, false, Role::Administrator, &[]));
        assert!(may_grant(Role::Employer, ALL, true, Role::Administrator, &[]));
        assert!(may_grant(Role::Administrator, ALL, false, Role::Administrator, &[]));
    }
}

/// Seed 004's "N wrong passwords → locked for M minutes".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LockoutSetting {
    /// Consecutive wrong passwords that lock the account (1–10).
    pub failures: u32,
    /// Minutes the lock lasts (1–1440).
    pub minutes: u32,
}

/// An organisation's security settings (`/api/v1/organisation/security`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SecuritySettings {
    /// Which password rules apply.
    pub password_policy: PasswordPolicy,
    /// A lock after wrong passwords instead of the default growing delays; `null` for the default.
    #[serde(default)]
    pub lockout: Option<LockoutSetting>,
    /// Everyone must use a second factor.
    pub require_second_factor: bool,
    /// How invitees prove who they are: birth date (default) or an SMS PIN.
    #[serde(default)]
    pub activation_proof: ActivationProof,
    /// Read-only: the settings are weaker than Poort's standard (legacy password rules or a
    /// lock that strangers can trigger); the screen says so. Ignored when sent.
    #[serde(default)]
    pub weaker_than_standard: bool,
}
