//! Sign-in, the session's identity and the roles and rights of a membership.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::i18n::Locale;

/// What a person does in an organisation (DOMAIN.md "Who uses it").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Werknemer / medewerker / flexkracht.
    Employee,
    /// Someone at the employer: the main contact and the colleagues and advisers they add.
    Employer,
    /// Plans and corrects hours.
    Planner,
    /// Zorgcoördinator: approves hours and leads client networks.
    CareCoordinator,
    /// Casemanager at the arbodienst.
    CaseManager,
    /// Bedrijfsarts: the only role that sees medical information.
    OccupationalPhysician,
    /// Beheerder of an organisation: manages its people and teams.
    Administrator,
    /// Mantelzorger in a client's network.
    InformalCarer,
}

impl Role {
    /// Every role, in the order screens list them.
    pub const ALL: [Role; 8] = [
        Role::Employee,
        Role::Employer,
        Role::Planner,
        Role::CareCoordinator,
        Role::CaseManager,
        Role::OccupationalPhysician,
        Role::Administrator,
        Role::InformalCarer,
    ];

    /// The stored snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Employee => "employee",
            Role::Employer => "employer",
            Role::Planner => "planner",
            Role::CareCoordinator => "care_coordinator",
            Role::CaseManager => "case_manager",
            Role::OccupationalPhysician => "occupational_physician",
            Role::Administrator => "administrator",
            Role::InformalCarer => "informal_carer",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// A right an employer's main contact grants per account (seed 004).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Right {
    /// Rechtenbeheer: create accounts, grant rights, manage teams.
    ManageRights,
    /// Werknemergegevens beheren.
    ManageEmployeeData,
    /// Ziek- en hersteldmelden.
    ReportAbsence,
}

impl Right {
    /// Every right.
    pub const ALL: [Right; 3] = [Right::ManageRights, Right::ManageEmployeeData, Right::ReportAbsence];

    /// The stored snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Right::ManageRights => "manage_rights",
            Right::ManageEmployeeData => "manage_employee_data",
            Right::ReportAbsence => "report_absence",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Right> {
        Right::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Parses a stored comma-separated list, ignoring names this version does not know.
    pub fn parse_list(s: &str) -> Vec<Right> {
        let mut rights: Vec<Right> = s.split(',').filter_map(|p| Right::parse(p.trim())).collect();
        rights.sort();
        rights.dedup();
        rights
    }

    /// Formats rights as the stored comma-separated list.
    pub fn format_list(rights: &[Right]) -> String {
        let mut sorted = rights.to_vec();
        sorted.sort();
        sorted.dedup();
        sorted.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(",")
    }
}

/// Body of `POST /api/v1/auth/login` and `POST /api/v1/auth/token`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    /// The account's e-mail address.
    pub email: String,
    /// The password.
    pub password: String,
    /// Sign in to this organisation; defaults to the first membership.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation_id: Option<Uuid>,
    /// "Ingelogd blijven" (seed 004): keep the session for up to 30 days, also after the
    /// browser closes. Without it the session ends with the browser, or after 12 hours.
    #[serde(default)]
    pub stay_signed_in: bool,
}

// Never print a password, not even in a debug log.
impl std::fmt::Debug for LoginRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginRequest")
            .field("email", &self.email)
            .field("password", &"[redacted]")
            .field("organisation_id", &self.organisation_id)
            .field("stay_signed_in", &self.stay_signed_in)
            .finish()
    }
}

/// Tokens for integrations that do not use cookies (`POST /api/v1/auth/token`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenResponse {
    /// A short-lived JWT for `Authorization: Bearer`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    /// Single-use token for `POST /api/v1/auth/refresh`; using one twice ends the session.
    pub refresh_token: String,
}

/// Body of `POST /api/v1/auth/refresh` for clients without the refresh cookie.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    /// The refresh token; browsers leave it out and send the cookie.
    #[serde(default)]
    pub refresh_token: Option<String>,
}

/// Body of `POST /api/v1/auth/switch-organisation`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SwitchOrganisation {
    /// One of the caller's memberships.
    pub organisation_id: Uuid,
}

/// One organisation the signed-in person belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MembershipSummary {
    /// The organisation.
    pub organisation_id: Uuid,
    /// Its name.
    pub organisation_name: String,
    /// The person's role there.
    pub role: Role,
}

/// The signed-in person in the organisation of the current session (`GET /api/v1/me`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    /// The user id.
    pub id: Uuid,
    /// Full name.
    pub name: String,
    /// E-mail address.
    pub email: String,
    /// Preferred interface language.
    pub locale: Locale,
    /// Whether this person works at the platform helpdesk.
    pub helpdesk: bool,
    /// The organisation this session acts in.
    pub organisation_id: Uuid,
    /// Its name.
    pub organisation_name: String,
    /// The role in that organisation.
    pub role: Role,
    /// The rights in that organisation.
    pub rights: Vec<Right>,
    /// Whether this person is the organisation's main contact.
    pub main_contact: bool,
    /// Every organisation the person belongs to, for the organisation switcher.
    pub memberships: Vec<MembershipSummary>,
    /// The password is temporary: until it is changed, only the password form works.
    #[serde(default)]
    pub must_change_password: bool,
    /// The organisation requires a second factor this person has not set up yet.
    #[serde(default)]
    pub must_set_up_second_factor: bool,
    /// The organisation keeps weekly hours in Poort (off: the menu leaves Uren out).
    #[serde(default)]
    pub hours_enabled: bool,
    /// Care networks apply: the organisation has a care category, or the person is an
    /// informal carer (the menu shows Netwerken).
    #[serde(default)]
    pub networks_enabled: bool,
}

/// Body of `PUT /api/v1/me/preferences`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Preferences {
    /// Interface language.
    pub locale: Locale,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_and_rights_round_trip_through_their_stored_names() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
            assert_eq!(serde_json::to_value(r).ok(), Some(serde_json::json!(r.as_str())));
        }
        for r in Right::ALL {
            assert_eq!(Right::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn right_lists_are_sorted_deduplicated_and_tolerant() {
        let list = Right::parse_list("report_absence, manage_rights,report_absence,unknown");
        assert_eq!(list, vec![Right::ManageRights, Right::ReportAbsence]);
        assert_eq!(Right::format_list(&list), "manage_rights,report_absence");
        assert!(Right::parse_list("").is_empty());
    }

    #[test]
    fn login_request_debug_hides_the_password() {
        let req = LoginRequest {
            email: "a@b.nl".into(),
            password: "hunter2hunter2".into(),
            organisation_id: None,
            stay_signed_in: false,
        };
        assert!(!format!("{req:?}").contains("hunter2"));
    }

    #[test]
    fn login_request_rejects_unknown_fields() {
        let r: Result<LoginRequest, _> =
            serde_json::from_str(r#"{"email":"a@b.nl","password":"x","role":"administrator"}"#);
        assert!(r.is_err());
    }
}

/// Body of `POST /api/v1/auth/password-reset`: asks for a reset link by mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PasswordResetRequest {
    /// The account's e-mail address.
    pub email: String,
}

/// Body of `POST /api/v1/auth/password-reset/confirm`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PasswordResetConfirm {
    /// The token from the mailed link.
    pub token: String,
    /// The new password.
    pub password: String,
}

impl std::fmt::Debug for PasswordResetConfirm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PasswordResetConfirm")
            .field("token", &"[redacted]")
            .field("password", &"[redacted]")
            .finish()
    }
}

/// The answer to a reset request: the same whether or not the address is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Accepted {
    /// Always true.
    pub accepted: bool,
}

/// A way to give the second factor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SecondFactorMethod {
    /// A 6-digit code from an authenticator app.
    Totp,
    /// One of the person's single-use recovery codes.
    RecoveryCode,
    /// A 6-digit code sent by SMS to the person's verified mobile number, on request
    /// (`POST /api/v1/auth/second-factor/sms`).
    Sms,
}

/// The answer (202) to a correct password when a second factor is needed. No
/// session exists yet: nothing else can be called with this.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SecondFactorRequired {
    /// Pass to `POST /api/v1/auth/second-factor` within 5 minutes.
    pub challenge: String,
    /// What the person can use.
    pub methods: Vec<SecondFactorMethod>,
}

/// Body of `POST /api/v1/auth/second-factor`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SecondFactorAnswer {
    /// From the sign-in answer.
    pub challenge: String,
    /// The authenticator app's code.
    #[serde(default)]
    pub code: Option<String>,
    /// Or a recovery code.
    #[serde(default)]
    pub recovery_code: Option<String>,
    /// Or the code sent by SMS for this sign-in.
    #[serde(default)]
    pub sms_code: Option<String>,
    /// Remember this browser for 30 days (no code needed there until then).
    #[serde(default)]
    pub remember_device: bool,
}

impl std::fmt::Debug for SecondFactorAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecondFactorAnswer")
            .field("remember_device", &self.remember_device)
            .finish_non_exhaustive()
    }
}

/// A new authenticator-app secret to confirm (`POST /api/v1/me/totp`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TotpEnrolment {
    /// The secret in base32, for typing into the app.
    pub manual_key: String,
    /// The `otpauth://` URL to show as a QR code.
    pub otpauth_url: String,
}

/// Body of `POST /api/v1/me/totp/confirm`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TotpConfirm {
    /// The app's current code.
    pub code: String,
}

/// Ten single-use recovery codes, shown once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecoveryCodes {
    /// The codes; each works once; a new set voids the old one.
    pub codes: Vec<String>,
}

/// Proof of the current password for sensitive changes.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Reauthenticate {
    /// The current password.
    pub password: String,
}

impl std::fmt::Debug for Reauthenticate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Reauthenticate { [redacted] }")
    }
}

/// The person's second factors (`GET /api/v1/me/second-factor`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SecondFactorStatus {
    /// An authenticator app is set up and confirmed.
    pub totp: bool,
    /// SMS codes to the verified mobile number are a second factor.
    #[serde(default)]
    pub sms: bool,
    /// Unused recovery codes left.
    pub recovery_codes_left: i64,
}

/// Body of `POST /api/v1/me/password`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ChangePassword {
    /// The current password.
    pub current_password: String,
    /// The new password.
    pub new_password: String,
}

impl std::fmt::Debug for ChangePassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ChangePassword { [redacted] }")
    }
}

/// One of the person's active sessions (`GET /api/v1/me/sessions`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionInfo {
    /// Session id.
    pub id: Uuid,
    /// The organisation it acts in.
    pub organisation_name: String,
    /// When it started.
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// When it ends at the latest.
    pub expires_at: chrono::DateTime<chrono::Utc>,
    /// Client address at sign-in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip: Option<String>,
    /// Browser or program at sign-in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
    /// Whether this is the session making the request.
    pub current: bool,
}

/// A temporary password set by a rights manager (`POST /api/v1/members/{id}/temporary-password`),
/// shown once; the person must change it at their next sign-in.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TemporaryPassword {
    /// The password to pass on (by phone, in person): never by the same mail as the address.
    pub temporary_password: String,
}

impl std::fmt::Debug for TemporaryPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TemporaryPassword { [redacted] }")
    }
}

/// Body of `POST /api/v1/auth/second-factor/sms`: send a sign-in code by SMS.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SmsCodeRequest {
    /// From the sign-in answer.
    pub challenge: String,
}

impl std::fmt::Debug for SmsCodeRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SmsCodeRequest { [redacted] }")
    }
}

/// A code went out by SMS (202).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SmsCodeSent {
    /// The number it went to, all but the last two digits hidden (`+31 6 •••• ••78`).
    pub sent_to: String,
    /// Minutes the code works.
    pub valid_minutes: i64,
    /// Seconds before another code can be asked for.
    pub resend_after_seconds: i64,
}

/// The person's e-mail address and mobile number (`GET /api/v1/me/contact`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactDetails {
    /// The e-mail address, also the sign-in name.
    pub email: String,
    /// The mobile number in E.164 form (`+31612345678`), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile: Option<String>,
    /// Whether an SMS code sent to it came back (needed for SMS codes at sign-in).
    pub mobile_verified: bool,
}

/// Body of `PUT /api/v1/me/email`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ChangeEmail {
    /// The current password: the change needs signing in again.
    pub password: String,
    /// The new address.
    pub email: String,
}

impl std::fmt::Debug for ChangeEmail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChangeEmail").field("email", &self.email).finish_non_exhaustive()
    }
}

/// Body of `PUT /api/v1/me/mobile`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ChangeMobile {
    /// The current password: the change needs signing in again.
    pub password: String,
    /// The new number as typed (`06-12345678`, `+31 6 …`); `null` or empty removes it.
    #[serde(default)]
    pub mobile: Option<String>,
}

impl std::fmt::Debug for ChangeMobile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChangeMobile").field("mobile", &self.mobile).finish_non_exhaustive()
    }
}

/// Body of `POST /api/v1/me/sms-factor/confirm`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SmsFactorConfirm {
    /// The code from the SMS.
    pub code: String,
}

/// A browser that skips the second factor for 30 days (`GET /api/v1/me/remembered-devices`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RememberedDevice {
    /// Id, for forgetting it.
    pub id: String,
    /// When it was remembered.
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// When it last skipped the second factor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_used_at: Option<chrono::DateTime<chrono::Utc>>,
    /// When it is forgotten by itself.
    pub expires_at: chrono::DateTime<chrono::Utc>,
    /// The browser, as it named itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
}
