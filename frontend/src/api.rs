//! Typed client for the Poort API, over the `shared` types.
//!
//! Sessions live in HttpOnly cookies the browser sends by itself (same
//! origin). The access cookie is short-lived: when a call answers 401, the
//! client refreshes the session once and repeats the call. When the refresh
//! fails too, the session is over and the registered handler sends the person
//! to the sign-in page.

use std::cell::RefCell;

use chrono::NaiveDate;
use futures_util::future::{FutureExt, LocalBoxFuture, Shared};
use reqwest::{Method, StatusCode};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use shared::Page;
use shared::absence::{
    AbsenceCase, AbsencePending, Activity, ActivityDone, ActivityKind, CaseStatus, CaseSummary, Document,
    DocumentKind, FactsUpdate, MedicalNote, NewActivity, NewMedicalNote, NewSickReport, NewStatement,
    OutOfEmployment, OwnRecovery, OwnSickReport, PersonRef, RecoveryReport, Statement, Visibility,
};
use shared::accounts::SecuritySettings;
use shared::accounts::{
    Activate, ActivationInfo, ActivationLookup, Invitation, NewInvitation, PasswordCheck, PasswordCheckResult,
};
use shared::auth::{
    ChangeEmail, ChangeMobile, ChangePassword, ContactDetails, LoginRequest, Me, PasswordResetConfirm,
    PasswordResetRequest, Preferences, Reauthenticate, RecoveryCodes, RememberedDevice, SecondFactorAnswer,
    SecondFactorRequired, SecondFactorStatus, SessionInfo, SmsCodeRequest, SmsCodeSent, SmsFactorConfirm,
    SwitchOrganisation, TemporaryPassword, TotpConfirm, TotpEnrolment,
};
use shared::employees::changes::ChangeRequestStatus;
use shared::employees::{
    ChangeDecision, ChangeRequest, EmployeeRecord, EmployeeRecordInput, EmployeeSummary, ImportResult,
    MyContactUpdate, MyIbanChange, NewChangeRequest, RecordEvent, RevealedSecrets, ReviewConfirmation,
    ReviewProgress,
};
use shared::error::{ErrorBody, ErrorKind};
use shared::hours::{
    BulkApproval, BulkApprove, ClientRef, CorrectionRequest, CorrectionStatus, DeclarationColumns,
    EntryInput, ExportBatch, HourType, HoursDue, HoursSettings, IsoWeek, NewCorrection, NewExport, Reason,
    SaveEntries, SignWeek, Timesheet, TimesheetSummary, WeekStatus,
};
use shared::integrations::{ApiClient, ApiScope, CreatedApiClient, NewApiClient};
use shared::networks::{
    AddInformalCarer, AddOrganisation, AddProfessional, CareClientSummary, CoordinatorsUpdate, ModulesUpdate,
    Network, NetworkEvent, NewCareClient, NewInformalCarer, NewOrganisationCategory, NewProfessional,
    NewTeamMember, OrganisationCategory, OrganisationHit, OrganisationProfile, OrganisationProfileUpdate,
    Professional, ProfessionalHit, SimilarPerson, TeamMember,
};
use shared::notifications::OutboxMessage;
use shared::organisations::{
    AuditEntry, Member, MemberUpdate, NewMainContact, NewOrganisation, NewTeam, Organisation, Team,
};
use shared::status::{PlatformStatus, SetPlatformStatus};
use uuid::Uuid;

use crate::browser;

const LOGIN: &str = "/api/v1/auth/login";
const REFRESH: &str = "/api/v1/auth/refresh";
const LOGOUT: &str = "/api/v1/auth/logout";
const SWITCH_ORGANISATION: &str = "/api/v1/auth/switch-organisation";
const ME: &str = "/api/v1/me";
const PREFERENCES: &str = "/api/v1/me/preferences";
const STATUS: &str = "/api/v1/status";
const PASSWORD_RESET: &str = "/api/v1/auth/password-reset";
const PASSWORD_RESET_CONFIRM: &str = "/api/v1/auth/password-reset/confirm";
const PASSWORD_CHECK: &str = "/api/v1/password-check";
const ACTIVATION_LOOKUP: &str = "/api/v1/activation/lookup";
const ACTIVATION: &str = "/api/v1/activation";
const INVITATIONS: &str = "/api/v1/invitations";
const MEMBERS: &str = "/api/v1/members";
const AUDIT: &str = "/api/v1/audit";
const OUTBOX: &str = "/api/v1/outbox";
const SECOND_FACTOR: &str = "/api/v1/auth/second-factor";
const MY_PASSWORD: &str = "/api/v1/me/password";
const MY_SECOND_FACTOR: &str = "/api/v1/me/second-factor";
const MY_TOTP: &str = "/api/v1/me/totp";
const MY_RECOVERY_CODES: &str = "/api/v1/me/recovery-codes";
const MY_SESSIONS: &str = "/api/v1/me/sessions";
const SECURITY: &str = "/api/v1/organisation/security";
const API_CLIENTS: &str = "/api/v1/api-clients";
const TEAMS: &str = "/api/v1/teams";
const HOURS_DUE: &str = "/api/v1/me/hours/due";
const HOURS_COLUMNS: &str = "/api/v1/me/hours/columns";
const MY_TIMESHEETS: &str = "/api/v1/me/timesheets";
const TIMESHEETS: &str = "/api/v1/timesheets";
const HOUR_CORRECTIONS: &str = "/api/v1/hour-corrections";
const HOUR_TYPES: &str = "/api/v1/hour-types";
const CLIENTS: &str = "/api/v1/clients";
const HOURS_SETTINGS: &str = "/api/v1/hours/settings";
const HOURS_COST_CENTRES: &str = "/api/v1/hours/cost-centres";
const HOUR_EXPORTS: &str = "/api/v1/hour-exports";
const SECOND_FACTOR_SMS: &str = "/api/v1/auth/second-factor/sms";
const ACTIVATION_PIN: &str = "/api/v1/activation/pin";
const MY_CONTACT: &str = "/api/v1/me/contact";
const MY_EMAIL: &str = "/api/v1/me/email";
const MY_MOBILE: &str = "/api/v1/me/mobile";
const MY_SMS_FACTOR: &str = "/api/v1/me/sms-factor";
const MY_REMEMBERED: &str = "/api/v1/me/remembered-devices";
const ORGANISATIONS: &str = "/api/v1/organisations";
const MY_ABSENCE: &str = "/api/v1/me/absence";
const ABSENCE_CASES: &str = "/api/v1/absence-cases";
const ABSENCE_ACTIVITIES: &str = "/api/v1/absence-activities";
const CATEGORIES: &str = "/api/v1/organisation-categories";
const PROFESSIONALS: &str = "/api/v1/professionals";
const CARE_CLIENTS: &str = "/api/v1/care-clients";
const INFORMAL_CARERS_SIMILAR: &str = "/api/v1/informal-carers/similar";

/// Items per page of the admin lists: a screenful, so "load more" is rare.
const PAGE_SIZE: u32 = 50;

/// Why a call failed.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The server answered with its error body.
    Server {
        /// The body.
        body: ErrorBody,
        /// Seconds to wait before trying again (`Retry-After` of a 429).
        retry_after: Option<u64>,
    },
    /// The server could not be reached.
    Network,
    /// The server answered something this client does not understand.
    Unexpected(u16),
}

impl ApiError {
    /// The server's error kind, if it sent one.
    pub fn kind(&self) -> Option<ErrorKind> {
        match self {
            Self::Server { body, .. } => Some(body.error),
            _ => None,
        }
    }

    /// The code the server gave for one field (`invalid_link`, `wrong_proof`, …).
    pub fn field_code(&self, field: &str) -> Option<&str> {
        match self {
            Self::Server { body, .. } => body.fields.get(field).map(|f| f.code.as_str()),
            _ => None,
        }
    }

    /// The server's English text for one field; some carry a number worth showing.
    pub fn field_message(&self, field: &str) -> Option<&str> {
        match self {
            Self::Server { body, .. } => body.fields.get(field).map(|f| f.message.as_str()),
            _ => None,
        }
    }

    /// The request id, for errors the helpdesk would need to look up.
    pub fn reference(&self) -> Option<&str> {
        match self {
            Self::Server { body, .. }
                if matches!(body.error, ErrorKind::Internal | ErrorKind::Unavailable) =>
            {
                body.request_id.as_deref()
            }
            _ => None,
        }
    }
}

/// What to do when a call is refused because the session must finish its setup.
type RestrictedHandler = Box<dyn Fn(ErrorKind)>;

thread_local! {
    /// Called when the server says the session may only finish its setup
    /// (temporary password, second factor the organisation requires).
    static ON_RESTRICTED: RefCell<Option<RestrictedHandler>> = const { RefCell::new(None) };
    /// Called when the session cannot be refreshed any more.
    static ON_SESSION_END: RefCell<Option<Box<dyn Fn()>>> = const { RefCell::new(None) };
    /// The refresh in progress, shared by every call that hit a 401 meanwhile:
    /// refresh tokens are single-use, and a second refresh with the same
    /// token would end the session.
    static REFRESHING: RefCell<Option<Shared<LocalBoxFuture<'static, bool>>>> = const { RefCell::new(None) };
}

/// Registers what to do when the session has ended (refresh refused).
pub fn on_session_end(handler: impl Fn() + 'static) {
    ON_SESSION_END.with(|slot| *slot.borrow_mut() = Some(Box::new(handler)));
}

/// Registers what to do when a call is refused because the session must
/// first change its password or set up a second factor.
pub fn on_restricted(handler: impl Fn(ErrorKind) + 'static) {
    ON_RESTRICTED.with(|slot| *slot.borrow_mut() = Some(Box::new(handler)));
}

fn restricted(kind: ErrorKind) {
    ON_RESTRICTED.with(|slot| {
        if let Some(handler) = slot.borrow().as_ref() {
            handler(kind);
        }
    });
}

fn session_ended() {
    ON_SESSION_END.with(|slot| {
        if let Some(handler) = slot.borrow().as_ref() {
            handler();
        }
    });
}

/// `GET /api/v1/status`: the current outage message, if any.
pub async fn status() -> Result<PlatformStatus, ApiError> {
    json(call(Method::GET, STATUS, None).await?).await
}

/// `GET /api/v1/me`: the signed-in person.
pub async fn me() -> Result<Me, ApiError> {
    json(call(Method::GET, ME, None).await?).await
}

/// What a correct password leads to.
#[derive(Debug, Clone, PartialEq)]
pub enum LoginOutcome {
    /// Signed in; the session cookies are set.
    SignedIn(Box<Me>),
    /// The account has an authenticator app: no session yet, the code comes next.
    SecondFactor(SecondFactorRequired),
}

/// `POST /api/v1/auth/login`: signs in and sets the session cookies, or (202)
/// asks for the second factor.
pub async fn login(request: &LoginRequest) -> Result<LoginOutcome, ApiError> {
    let response = call(Method::POST, LOGIN, Some(to_body(request)?)).await?;
    if response.status() == StatusCode::ACCEPTED {
        return Ok(LoginOutcome::SecondFactor(json(response).await?));
    }
    Ok(LoginOutcome::SignedIn(Box::new(json(response).await?)))
}

/// `POST /api/v1/auth/second-factor`: finishes signing in with a code.
pub async fn second_factor(answer: &SecondFactorAnswer) -> Result<Me, ApiError> {
    json(call(Method::POST, SECOND_FACTOR, Some(to_body(answer)?)).await?).await
}

/// `POST /api/v1/auth/second-factor/sms`: sends a sign-in code by SMS.
pub async fn send_sms_code(challenge: String) -> Result<SmsCodeSent, ApiError> {
    let body = to_body(&SmsCodeRequest { challenge })?;
    json(call(Method::POST, SECOND_FACTOR_SMS, Some(body)).await?).await
}

/// `POST /api/v1/activation/pin`: a new activation PIN by SMS.
pub async fn resend_activation_pin(token: String) -> Result<SmsCodeSent, ApiError> {
    let body = to_body(&ActivationLookup { token })?;
    json(call(Method::POST, ACTIVATION_PIN, Some(body)).await?).await
}

/// `GET /api/v1/me/contact`: e-mail address and mobile number.
pub async fn contact() -> Result<ContactDetails, ApiError> {
    json(call(Method::GET, MY_CONTACT, None).await?).await
}

/// `PUT /api/v1/me/email`: a new e-mail address (needs the password).
pub async fn change_email(request: &ChangeEmail) -> Result<ContactDetails, ApiError> {
    json(call(Method::PUT, MY_EMAIL, Some(to_body(request)?)).await?).await
}

/// `PUT /api/v1/me/mobile`: a new (or no) mobile number (needs the password).
pub async fn change_mobile(request: &ChangeMobile) -> Result<ContactDetails, ApiError> {
    json(call(Method::PUT, MY_MOBILE, Some(to_body(request)?)).await?).await
}

/// `POST /api/v1/me/sms-factor`: a code to the mobile number, to prove it.
pub async fn start_sms_factor() -> Result<SmsCodeSent, ApiError> {
    json(call(Method::POST, MY_SMS_FACTOR, Some(empty())).await?).await
}

/// `POST /api/v1/me/sms-factor/confirm`: SMS codes on; recovery codes when there were none.
pub async fn confirm_sms_factor(code: String) -> Result<RecoveryCodes, ApiError> {
    let body = to_body(&SmsFactorConfirm { code })?;
    json(call(Method::POST, &format!("{MY_SMS_FACTOR}/confirm"), Some(body)).await?).await
}

/// `POST /api/v1/me/sms-factor/remove`: SMS codes off (needs the password).
pub async fn remove_sms_factor(password: String) -> Result<(), ApiError> {
    let body = to_body(&Reauthenticate { password })?;
    call(Method::POST, &format!("{MY_SMS_FACTOR}/remove"), Some(body)).await.map(drop)
}

/// `GET /api/v1/me/remembered-devices`.
pub async fn remembered_devices() -> Result<Vec<RememberedDevice>, ApiError> {
    json(call(Method::GET, MY_REMEMBERED, None).await?).await
}

/// `DELETE /api/v1/me/remembered-devices/{id}`, or with `None` every one of them.
pub async fn forget_remembered_devices(id: Option<String>) -> Result<(), ApiError> {
    match id {
        Some(id) => {
            let path = format!("{MY_REMEMBERED}/{}", encode_query_value(&id));
            call(Method::DELETE, &path, None).await.map(drop)
        }
        None => call(Method::POST, &format!("{MY_REMEMBERED}/forget-all"), Some(empty())).await.map(drop),
    }
}

/// `GET /api/v1/organisations`: one page (the helpdesk sees every organisation).
pub async fn organisations(cursor: Option<String>) -> Result<Page<Organisation>, ApiError> {
    json(call(Method::GET, &page_path(ORGANISATIONS, cursor.as_deref()), None).await?).await
}

/// `POST /api/v1/organisations` (helpdesk).
pub async fn create_organisation(name: String) -> Result<Organisation, ApiError> {
    let body = to_body(&NewOrganisation { name, category: None, address: None, phone: None })?;
    json(call(Method::POST, ORGANISATIONS, Some(body)).await?).await
}

/// `POST /api/v1/organisations/{id}/main-contact` (helpdesk).
pub async fn invite_main_contact(id: Uuid, request: &NewMainContact) -> Result<Invitation, ApiError> {
    let path = format!("{ORGANISATIONS}/{id}/main-contact");
    json(call(Method::POST, &path, Some(to_body(request)?)).await?).await
}

/// `POST /api/v1/me/password`: a new password; the other sessions end.
pub async fn change_password(request: &ChangePassword) -> Result<(), ApiError> {
    call(Method::POST, MY_PASSWORD, Some(to_body(request)?)).await.map(drop)
}

/// `GET /api/v1/me/second-factor`: whether an authenticator app is set up.
pub async fn second_factor_status() -> Result<SecondFactorStatus, ApiError> {
    json(call(Method::GET, MY_SECOND_FACTOR, None).await?).await
}

/// `POST /api/v1/me/totp`: a new, unconfirmed authenticator secret.
pub async fn enrol_totp() -> Result<TotpEnrolment, ApiError> {
    json(call(Method::POST, MY_TOTP, Some(empty())).await?).await
}

/// `POST /api/v1/me/totp/confirm`: puts the app in force; returns recovery codes.
pub async fn confirm_totp(code: String) -> Result<RecoveryCodes, ApiError> {
    let body = to_body(&TotpConfirm { code })?;
    json(call(Method::POST, &format!("{MY_TOTP}/confirm"), Some(body)).await?).await
}

/// `POST /api/v1/me/totp/remove`: removes the app (needs the password).
pub async fn remove_totp(password: String) -> Result<(), ApiError> {
    let body = to_body(&Reauthenticate { password })?;
    call(Method::POST, &format!("{MY_TOTP}/remove"), Some(body)).await.map(drop)
}

/// `POST /api/v1/me/recovery-codes`: a new set; the old one stops working.
pub async fn regenerate_recovery_codes(password: String) -> Result<RecoveryCodes, ApiError> {
    let body = to_body(&Reauthenticate { password })?;
    json(call(Method::POST, MY_RECOVERY_CODES, Some(body)).await?).await
}

/// `GET /api/v1/me/sessions`: the person's active sessions.
pub async fn sessions() -> Result<Vec<SessionInfo>, ApiError> {
    json(call(Method::GET, MY_SESSIONS, None).await?).await
}

/// `DELETE /api/v1/me/sessions/{id}`: signs one session out.
pub async fn end_session(id: Uuid) -> Result<(), ApiError> {
    call(Method::DELETE, &format!("{MY_SESSIONS}/{id}"), None).await.map(drop)
}

/// `POST /api/v1/me/sessions/end-others`: signs out everywhere else.
pub async fn end_other_sessions() -> Result<(), ApiError> {
    call(Method::POST, &format!("{MY_SESSIONS}/end-others"), Some(empty())).await.map(drop)
}

/// `GET /api/v1/organisation/security`.
pub async fn security() -> Result<SecuritySettings, ApiError> {
    json::<SecuritySettings>(call(Method::GET, SECURITY, None).await?).await
}

/// `PUT /api/v1/organisation/security`.
pub async fn save_security(settings: &SecuritySettings) -> Result<SecuritySettings, ApiError> {
    // The read-only `weaker_than_standard` travels along; the server ignores it.
    let response = call(Method::PUT, SECURITY, Some(to_body(settings)?)).await?;
    json::<SecuritySettings>(response).await
}

/// `GET /api/v1/api-clients`.
pub async fn api_clients() -> Result<Vec<ApiClient>, ApiError> {
    json(call(Method::GET, API_CLIENTS, None).await?).await
}

/// `POST /api/v1/api-clients`: the answer holds the secret, this once.
pub async fn create_api_client(name: String, scopes: Vec<ApiScope>) -> Result<CreatedApiClient, ApiError> {
    let body = to_body(&NewApiClient { name, scopes })?;
    json(call(Method::POST, API_CLIENTS, Some(body)).await?).await
}

/// `DELETE /api/v1/api-clients/{id}`: revokes a client.
pub async fn revoke_api_client(id: Uuid) -> Result<ApiClient, ApiError> {
    json(call(Method::DELETE, &format!("{API_CLIENTS}/{id}"), None).await?).await
}

/// `POST /api/v1/members/{id}/temporary-password`: shown once.
pub async fn temporary_password(id: Uuid) -> Result<TemporaryPassword, ApiError> {
    json(call(Method::POST, &format!("{MEMBERS}/{id}/temporary-password"), Some(empty())).await?).await
}

fn empty() -> Value {
    Value::Object(Default::default())
}

/// `POST /api/v1/auth/logout`: ends the session and clears the cookies.
pub async fn logout() -> Result<(), ApiError> {
    call(Method::POST, LOGOUT, Some(Value::Object(Default::default()))).await.map(drop)
}

/// `POST /api/v1/auth/switch-organisation`: acts in another membership.
pub async fn switch_organisation(organisation_id: Uuid) -> Result<Me, ApiError> {
    let body = to_body(&SwitchOrganisation { organisation_id })?;
    json(call(Method::POST, SWITCH_ORGANISATION, Some(body)).await?).await
}

/// `PUT /api/v1/me/preferences`: saves the interface language to the account.
pub async fn save_preferences(preferences: &Preferences) -> Result<Me, ApiError> {
    json(call(Method::PUT, PREFERENCES, Some(to_body(preferences)?)).await?).await
}

/// `POST /api/v1/auth/password-reset`: mails a reset link if the address is known.
pub async fn request_password_reset(email: &str) -> Result<(), ApiError> {
    let body = to_body(&PasswordResetRequest { email: email.to_string() })?;
    call(Method::POST, PASSWORD_RESET, Some(body)).await.map(drop)
}

/// `POST /api/v1/auth/password-reset/confirm`: sets the new password.
pub async fn confirm_password_reset(request: &PasswordResetConfirm) -> Result<(), ApiError> {
    call(Method::POST, PASSWORD_RESET_CONFIRM, Some(to_body(request)?)).await.map(drop)
}

/// `POST /api/v1/password-check`: what the server would say about a new password.
pub async fn check_password(request: &PasswordCheck) -> Result<PasswordCheckResult, ApiError> {
    json(call(Method::POST, PASSWORD_CHECK, Some(to_body(request)?)).await?).await
}

/// `POST /api/v1/activation/lookup`: who an invitation link is for.
pub async fn lookup_activation(token: String) -> Result<ActivationInfo, ApiError> {
    let body = to_body(&ActivationLookup { token })?;
    json(call(Method::POST, ACTIVATION_LOOKUP, Some(body)).await?).await
}

/// `POST /api/v1/activation`: activates the account.
pub async fn activate(request: &Activate) -> Result<(), ApiError> {
    call(Method::POST, ACTIVATION, Some(to_body(request)?)).await.map(drop)
}

/// `GET /api/v1/invitations`: one page, newest first.
pub async fn invitations(cursor: Option<String>) -> Result<Page<Invitation>, ApiError> {
    json(call(Method::GET, &page_path(INVITATIONS, cursor.as_deref()), None).await?).await
}

/// `POST /api/v1/invitations`: invites someone.
pub async fn invite(request: &NewInvitation) -> Result<Invitation, ApiError> {
    json(call(Method::POST, INVITATIONS, Some(to_body(request)?)).await?).await
}

/// `POST /api/v1/invitations/{id}/resend`: a fresh link; the old one stops working.
pub async fn resend_invitation(id: Uuid) -> Result<Invitation, ApiError> {
    let path = format!("{INVITATIONS}/{id}/resend");
    json(call(Method::POST, &path, Some(Value::Object(Default::default()))).await?).await
}

/// `DELETE /api/v1/invitations/{id}`: withdraws an invitation.
pub async fn revoke_invitation(id: Uuid) -> Result<Invitation, ApiError> {
    json(call(Method::DELETE, &format!("{INVITATIONS}/{id}"), None).await?).await
}

/// `GET /api/v1/members`: one page of the organisation's members.
pub async fn members(cursor: Option<String>) -> Result<Page<Member>, ApiError> {
    json(call(Method::GET, &page_path(MEMBERS, cursor.as_deref()), None).await?).await
}

/// `PUT /api/v1/members/{id}`: a member's new role and rights.
pub async fn update_member(id: Uuid, update: &MemberUpdate) -> Result<Member, ApiError> {
    json(call(Method::PUT, &format!("{MEMBERS}/{id}"), Some(to_body(update)?)).await?).await
}

/// `GET /api/v1/audit`: one page of the audit trail, newest first.
pub async fn audit(filter: AuditFilter, cursor: Option<String>) -> Result<Page<AuditEntry>, ApiError> {
    let mut params = Vec::new();
    if let Some(from) = filter.from {
        params.push(("from", from.to_string()));
    }
    if let Some(to) = filter.to {
        params.push(("to", to.to_string()));
    }
    if let Some(action) = filter.action {
        params.push(("action", action));
    }
    json(call(Method::GET, &query_path(AUDIT, params, cursor.as_deref()), None).await?).await
}

/// The filters of the audit trail.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuditFilter {
    /// First day.
    pub from: Option<chrono::NaiveDate>,
    /// Last day.
    pub to: Option<chrono::NaiveDate>,
    /// One action.
    pub action: Option<String>,
}

/// `PUT /api/v1/status`: sets (or, with `None`, clears) the outage message.
pub async fn set_status(message: Option<String>) -> Result<PlatformStatus, ApiError> {
    let body = to_body(&SetPlatformStatus { message })?;
    json(call(Method::PUT, STATUS, Some(body)).await?).await
}

/// `GET /api/v1/outbox`: one page of sent and held messages, newest first.
pub async fn outbox(cursor: Option<String>) -> Result<Page<OutboxMessage>, ApiError> {
    json(call(Method::GET, &page_path(OUTBOX, cursor.as_deref()), None).await?).await
}

// --- Hours -------------------------------------------------------------------

/// Filters of a list of weeks; empty fields are left out of the query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WeekFilter {
    /// Only weeks with this status.
    pub status: Option<WeekStatus>,
    /// From this week on.
    pub from: Option<IsoWeek>,
    /// Up to and including this week.
    pub to: Option<IsoWeek>,
    /// Search text.
    pub q: String,
    /// Only this team's workers (approvers' list).
    pub team_id: Option<Uuid>,
    /// Only weeks with hours for this client (approvers' list).
    pub client_id: Option<Uuid>,
    /// Only late (`true`) or only on-time (`false`) weeks (approvers' list).
    pub late: Option<bool>,
    /// Only weeks worked under this cost centre.
    pub cost_centre: Option<String>,
}

impl WeekFilter {
    /// The query parameters, in a stable order.
    fn params(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::new();
        if let Some(status) = self.status {
            params.push(("status", status.as_str().to_string()));
        }
        if let Some(team) = self.team_id {
            params.push(("team_id", team.to_string()));
        }
        if let Some(client) = self.client_id {
            params.push(("client_id", client.to_string()));
        }
        if let Some(from) = self.from {
            params.push(("from", from.to_string()));
        }
        if let Some(to) = self.to {
            params.push(("to", to.to_string()));
        }
        if let Some(late) = self.late {
            params.push(("late", late.to_string()));
        }
        if let Some(cc) = &self.cost_centre {
            params.push(("cost_centre", cc.clone()));
        }
        if !self.q.trim().is_empty() {
            params.push(("q", self.q.trim().to_string()));
        }
        params
    }
}

/// `GET /api/v1/me/hours/due`: the week to sign next, for the dashboard.
pub async fn hours_due() -> Result<HoursDue, ApiError> {
    json(call(Method::GET, HOURS_DUE, None).await?).await
}

/// `GET /api/v1/me/timesheets`: one page of the worker's own weeks, newest first.
pub async fn my_timesheets(
    filter: WeekFilter,
    cursor: Option<String>,
) -> Result<Page<TimesheetSummary>, ApiError> {
    let path = query_path(MY_TIMESHEETS, filter.params(), cursor.as_deref());
    json(call(Method::GET, &path, None).await?).await
}

/// `GET /api/v1/me/timesheets/{week}`: one of the worker's weeks (created on first look).
pub async fn my_week(week: IsoWeek) -> Result<Timesheet, ApiError> {
    json(call(Method::GET, &format!("{MY_TIMESHEETS}/{week}"), None).await?).await
}

/// `PUT /api/v1/me/timesheets/{week}/entries`: replaces the week's lines.
pub async fn save_week(week: IsoWeek, version: i32, entries: Vec<EntryInput>) -> Result<Timesheet, ApiError> {
    let body = to_body(&SaveEntries { version, entries })?;
    json(call(Method::PUT, &format!("{MY_TIMESHEETS}/{week}/entries"), Some(body)).await?).await
}

/// `POST /api/v1/me/timesheets/{week}/sign`: signs (and so submits) the week as seen.
pub async fn sign_week(week: IsoWeek, version: i32) -> Result<Timesheet, ApiError> {
    let body = to_body(&SignWeek { version })?;
    json(call(Method::POST, &format!("{MY_TIMESHEETS}/{week}/sign"), Some(body)).await?).await
}

/// `POST /api/v1/me/timesheets/{week}/corrections`: asks the planner for a correction.
pub async fn request_correction(
    week: IsoWeek,
    reason: String,
    entries: Vec<EntryInput>,
) -> Result<CorrectionRequest, ApiError> {
    let body = to_body(&NewCorrection { reason, entries })?;
    json(call(Method::POST, &format!("{MY_TIMESHEETS}/{week}/corrections"), Some(body)).await?).await
}

/// `GET /api/v1/me/hours/columns`: the declarations list's chosen columns.
pub async fn declaration_columns() -> Result<DeclarationColumns, ApiError> {
    json(call(Method::GET, HOURS_COLUMNS, None).await?).await
}

/// `PUT /api/v1/me/hours/columns`: remembers the chosen columns.
pub async fn save_declaration_columns(columns: &DeclarationColumns) -> Result<DeclarationColumns, ApiError> {
    json(call(Method::PUT, HOURS_COLUMNS, Some(to_body(columns)?)).await?).await
}

/// `GET /api/v1/timesheets`: one page of other people's weeks the caller may see.
pub async fn timesheets(
    filter: WeekFilter,
    cursor: Option<String>,
) -> Result<Page<TimesheetSummary>, ApiError> {
    let path = query_path(TIMESHEETS, filter.params(), cursor.as_deref());
    json(call(Method::GET, &path, None).await?).await
}

/// `GET /api/v1/timesheets/{id}`: one week, for approvers and planners.
pub async fn timesheet(id: Uuid) -> Result<Timesheet, ApiError> {
    json(call(Method::GET, &format!("{TIMESHEETS}/{id}"), None).await?).await
}

/// `POST /api/v1/timesheets/{id}/approve`.
pub async fn approve_timesheet(id: Uuid) -> Result<Timesheet, ApiError> {
    json(call(Method::POST, &format!("{TIMESHEETS}/{id}/approve"), Some(empty())).await?).await
}

/// `POST /api/v1/timesheets/{id}/reject`: back to the worker with a reason.
pub async fn reject_timesheet(id: Uuid, reason: String) -> Result<Timesheet, ApiError> {
    let body = to_body(&Reason { reason })?;
    json(call(Method::POST, &format!("{TIMESHEETS}/{id}/reject"), Some(body)).await?).await
}

/// `POST /api/v1/timesheets/approve`: approves up to 200 weeks at once.
pub async fn approve_timesheets(ids: Vec<Uuid>) -> Result<BulkApproval, ApiError> {
    let body = to_body(&BulkApprove { ids })?;
    json(call(Method::POST, &format!("{TIMESHEETS}/approve"), Some(body)).await?).await
}

/// `GET /api/v1/hour-corrections?status=…`: one page of correction requests.
pub async fn corrections(
    status: CorrectionStatus,
    cursor: Option<String>,
) -> Result<Page<CorrectionRequest>, ApiError> {
    let path = query_path(HOUR_CORRECTIONS, vec![("status", status.as_str().to_string())], cursor.as_deref());
    json(call(Method::GET, &path, None).await?).await
}

/// `POST /api/v1/hour-corrections/{id}/accept`: applies the proposed lines.
pub async fn accept_correction(id: Uuid) -> Result<CorrectionRequest, ApiError> {
    json(call(Method::POST, &format!("{HOUR_CORRECTIONS}/{id}/accept"), Some(empty())).await?).await
}

/// `POST /api/v1/hour-corrections/{id}/decline`: declines with a reason.
pub async fn decline_correction(id: Uuid, reason: String) -> Result<CorrectionRequest, ApiError> {
    let body = to_body(&Reason { reason })?;
    json(call(Method::POST, &format!("{HOUR_CORRECTIONS}/{id}/decline"), Some(body)).await?).await
}

/// `GET /api/v1/hour-types`: the organisation's kinds of hours.
pub async fn hour_types() -> Result<Vec<HourType>, ApiError> {
    json(call(Method::GET, HOUR_TYPES, None).await?).await
}

/// `GET /api/v1/clients?q=…`: clients whose name matches, first page.
pub async fn clients(q: String) -> Result<Page<ClientRef>, ApiError> {
    let params = if q.trim().is_empty() { Vec::new() } else { vec![("q", q.trim().to_string())] };
    json(call(Method::GET, &query_path(CLIENTS, params, None), None).await?).await
}

/// `GET /api/v1/teams`: the organisation's teams, first page.
pub async fn teams() -> Result<Page<Team>, ApiError> {
    json(call(Method::GET, &page_path(TEAMS, None), None).await?).await
}

/// `GET /api/v1/hours/cost-centres`: the cost centres of the weeks a list shows
/// (`mine`: the worker's own), for its filter.
pub async fn cost_centres(mine: bool) -> Result<Vec<String>, ApiError> {
    let path = if mine { format!("{HOURS_COST_CENTRES}?mine=true") } else { HOURS_COST_CENTRES.to_string() };
    json(call(Method::GET, &path, None).await?).await
}

/// `GET /api/v1/hours/settings`: the deadline and reminder moments.
pub async fn hours_settings() -> Result<HoursSettings, ApiError> {
    json(call(Method::GET, HOURS_SETTINGS, None).await?).await
}

/// `PUT /api/v1/hours/settings`.
pub async fn save_hours_settings(settings: &HoursSettings) -> Result<HoursSettings, ApiError> {
    json(call(Method::PUT, HOURS_SETTINGS, Some(to_body(settings)?)).await?).await
}

/// `POST /api/v1/hour-exports`: exports the approved weeks; the same key returns the same batch.
pub async fn create_export(
    idempotency_key: String,
    up_to_week: Option<IsoWeek>,
) -> Result<ExportBatch, ApiError> {
    let body = to_body(&NewExport { idempotency_key, up_to_week })?;
    json(call(Method::POST, HOUR_EXPORTS, Some(body)).await?).await
}

/// `GET /api/v1/hour-exports`: one page of export batches, newest first.
pub async fn exports(cursor: Option<String>) -> Result<Page<ExportBatch>, ApiError> {
    json(call(Method::GET, &page_path(HOUR_EXPORTS, cursor.as_deref()), None).await?).await
}

/// Where a batch's file downloads: `payroll.csv`, `payroll.xlsx`, `billing.csv` or `billing.xlsx`.
/// A plain link: the browser sends the session cookie and saves the attachment itself.
pub fn export_file_href(id: Uuid, file: &str) -> String {
    format!("{HOUR_EXPORTS}/{id}/{file}")
}

// --- Absence -----------------------------------------------------------------

/// Filters of the case list; empty fields are left out of the query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CaseFilter {
    /// Only open or only closed cases.
    pub status: Option<CaseStatus>,
    /// Part of the employee's name, or the case number.
    pub q: String,
}

impl CaseFilter {
    fn params(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::new();
        if let Some(status) = self.status {
            params.push(("status", status.as_str().to_string()));
        }
        if !self.q.trim().is_empty() {
            params.push(("q", self.q.trim().to_string()));
        }
        params
    }
}

/// Filters of the dossier view (seed 004): every activity done or still to do.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActivityFilter {
    /// Done (`true`) or still to do (`false`).
    pub done: Option<bool>,
    /// Only overdue activities.
    pub overdue: bool,
    /// Due on or after this day.
    pub due_from: Option<NaiveDate>,
    /// Due on or before this day.
    pub due_to: Option<NaiveDate>,
    /// Only this employee's cases.
    pub employee_id: Option<Uuid>,
    /// Only this activity.
    pub kind: Option<ActivityKind>,
    /// Part of the employee's name, or the case number.
    pub q: String,
}

impl ActivityFilter {
    fn params(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::new();
        if let Some(done) = self.done {
            params.push(("done", done.to_string()));
        }
        if self.overdue {
            params.push(("overdue", "true".to_string()));
        }
        if let Some(d) = self.due_from {
            params.push(("due_from", d.to_string()));
        }
        if let Some(d) = self.due_to {
            params.push(("due_to", d.to_string()));
        }
        if let Some(e) = self.employee_id {
            params.push(("employee_id", e.to_string()));
        }
        if let Some(k) = self.kind {
            params.push(("kind", k.as_str().to_string()));
        }
        if !self.q.trim().is_empty() {
            params.push(("q", self.q.trim().to_string()));
        }
        params
    }
}

/// What goes with an uploaded document, as the query of the upload.
#[derive(Debug, Clone, PartialEq)]
pub struct UploadMeta {
    /// Kind of document.
    pub kind: DocumentKind,
    /// Title shown in the dossier.
    pub title: String,
    /// The file's name on the uploader's computer.
    pub file_name: String,
    /// Visible to the employee.
    pub employee: bool,
    /// Visible to the employer.
    pub employer: bool,
}

impl UploadMeta {
    fn params(&self) -> Vec<(&'static str, String)> {
        vec![
            ("kind", self.kind.as_str().to_string()),
            ("title", self.title.trim().to_string()),
            ("file_name", self.file_name.clone()),
            ("employee", self.employee.to_string()),
            ("employer", self.employer.to_string()),
        ]
    }
}

/// `GET /api/v1/me/absence`: the person's own cases, newest first.
pub async fn my_absence() -> Result<Vec<CaseSummary>, ApiError> {
    json(call(Method::GET, MY_ABSENCE, None).await?).await
}

/// `POST /api/v1/me/absence`: reports the person sick (ziekmelding).
pub async fn report_own_sick(report: &OwnSickReport) -> Result<AbsenceCase, ApiError> {
    json(call(Method::POST, MY_ABSENCE, Some(to_body(report)?)).await?).await
}

/// `GET /api/v1/me/absence/pending`: what needs the person within 14 days, for the dashboard.
pub async fn absence_pending() -> Result<AbsencePending, ApiError> {
    json(call(Method::GET, &format!("{MY_ABSENCE}/pending"), None).await?).await
}

/// `POST /api/v1/me/absence/{id}/recovered`: the person is back at work (hersteldmelding).
pub async fn report_own_recovered(id: Uuid, from_date: NaiveDate) -> Result<AbsenceCase, ApiError> {
    let body = to_body(&OwnRecovery { from_date })?;
    json(call(Method::POST, &format!("{MY_ABSENCE}/{id}/recovered"), Some(body)).await?).await
}

/// `GET /api/v1/absence-cases`: one page of the cases the caller follows.
pub async fn absence_cases(
    filter: CaseFilter,
    cursor: Option<String>,
) -> Result<Page<CaseSummary>, ApiError> {
    let path = query_path(ABSENCE_CASES, filter.params(), cursor.as_deref());
    json(call(Method::GET, &path, None).await?).await
}

/// `POST /api/v1/absence-cases`: reports an employee sick.
pub async fn report_sick_for(report: &NewSickReport) -> Result<AbsenceCase, ApiError> {
    json(call(Method::POST, ABSENCE_CASES, Some(to_body(report)?)).await?).await
}

/// `GET /api/v1/absence-cases/reportable?q=`: people the caller may report sick.
pub async fn reportable(q: String) -> Result<Vec<PersonRef>, ApiError> {
    let path = format!("{ABSENCE_CASES}/reportable?q={}", encode_query_value(q.trim()));
    json(call(Method::GET, &path, None).await?).await
}

/// `GET /api/v1/absence-cases/{id}`: one case as the caller may see it.
pub async fn absence_case(id: Uuid) -> Result<AbsenceCase, ApiError> {
    json(call(Method::GET, &format!("{ABSENCE_CASES}/{id}"), None).await?).await
}

/// `PUT /api/v1/absence-cases/{id}/facts`: replaces what the employer recorded.
pub async fn save_case_facts(id: Uuid, update: &FactsUpdate) -> Result<AbsenceCase, ApiError> {
    json(call(Method::PUT, &format!("{ABSENCE_CASES}/{id}/facts"), Some(to_body(update)?)).await?).await
}

/// `POST /api/v1/absence-cases/{id}/recoveries`: (partial) recovery; 100 % closes the case.
pub async fn report_recovery(id: Uuid, report: RecoveryReport) -> Result<AbsenceCase, ApiError> {
    let body = to_body(&report)?;
    json(call(Method::POST, &format!("{ABSENCE_CASES}/{id}/recoveries"), Some(body)).await?).await
}

/// `POST /api/v1/absence-cases/{id}/out-of-employment`: ziek uit dienst.
pub async fn report_out_of_employment(id: Uuid, from_date: NaiveDate) -> Result<AbsenceCase, ApiError> {
    let body = to_body(&OutOfEmployment { from_date })?;
    json(call(Method::POST, &format!("{ABSENCE_CASES}/{id}/out-of-employment"), Some(body)).await?).await
}

/// `POST /api/v1/absence-cases/{id}/activities`: an extra activity (arbodienst).
pub async fn add_absence_activity(id: Uuid, activity: &NewActivity) -> Result<Activity, ApiError> {
    let body = to_body(activity)?;
    json(call(Method::POST, &format!("{ABSENCE_CASES}/{id}/activities"), Some(body)).await?).await
}

/// `POST /api/v1/absence-cases/{id}/documents?…`: the file itself is the request body.
pub async fn upload_absence_document(
    id: Uuid,
    meta: &UploadMeta,
    file: Vec<u8>,
) -> Result<Document, ApiError> {
    let path = params_path(&format!("{ABSENCE_CASES}/{id}/documents"), meta.params());
    json(send_checked(Method::POST, &path, Payload::Bytes(file)).await?).await
}

/// Where a dossier document downloads. A plain link: the browser sends the
/// session cookie and saves the attachment itself.
pub fn absence_document_href(case: Uuid, doc: Uuid) -> String {
    format!("{ABSENCE_CASES}/{case}/documents/{doc}")
}

/// `PUT /api/v1/absence-cases/{id}/documents/{doc}/visibility` (arbodienst).
pub async fn set_document_visibility(
    case: Uuid,
    doc: Uuid,
    visibility: Visibility,
) -> Result<Document, ApiError> {
    let path = format!("{ABSENCE_CASES}/{case}/documents/{doc}/visibility");
    json(call(Method::PUT, &path, Some(to_body(&visibility)?)).await?).await
}

/// `GET /api/v1/absence-cases/{id}/medical-notes` (the occupational physician only).
pub async fn medical_notes(id: Uuid) -> Result<Vec<MedicalNote>, ApiError> {
    json(call(Method::GET, &format!("{ABSENCE_CASES}/{id}/medical-notes"), None).await?).await
}

/// `POST /api/v1/absence-cases/{id}/medical-notes` (the occupational physician only).
pub async fn add_medical_note(id: Uuid, body: String) -> Result<MedicalNote, ApiError> {
    let body = to_body(&NewMedicalNote { body })?;
    json(call(Method::POST, &format!("{ABSENCE_CASES}/{id}/medical-notes"), Some(body)).await?).await
}

/// `POST /api/v1/absence-cases/{id}/statements`: what the employer may hear.
pub async fn add_statement(id: Uuid, statement: &NewStatement) -> Result<Statement, ApiError> {
    let body = to_body(statement)?;
    json(call(Method::POST, &format!("{ABSENCE_CASES}/{id}/statements"), Some(body)).await?).await
}

/// `GET /api/v1/absence-activities`: one page of the dossier view.
pub async fn absence_activities(
    filter: ActivityFilter,
    cursor: Option<String>,
) -> Result<Page<Activity>, ApiError> {
    let path = query_path(ABSENCE_ACTIVITIES, filter.params(), cursor.as_deref());
    json(call(Method::GET, &path, None).await?).await
}

/// `POST /api/v1/absence-activities/{id}/done`: done today.
pub async fn mark_activity_done(id: Uuid) -> Result<Activity, ApiError> {
    let body = to_body(&ActivityDone { done_on: None })?;
    json(call(Method::POST, &format!("{ABSENCE_ACTIVITIES}/{id}/done"), Some(body)).await?).await
}

/// `DELETE /api/v1/absence-activities/{id}/done`: takes a done mark back.
pub async fn undo_activity_done(id: Uuid) -> Result<Activity, ApiError> {
    json(call(Method::DELETE, &format!("{ABSENCE_ACTIVITIES}/{id}/done"), None).await?).await
}

// Care networks (seed 003): the organisation side, then clients and their networks.
// Changes answer with what they changed; the pages read the network again
// afterwards, so those answers are only checked, not read.

/// `GET /api/v1/organisation-categories`: every category, by Dutch name.
pub async fn categories() -> Result<Vec<OrganisationCategory>, ApiError> {
    json(call(Method::GET, CATEGORIES, None).await?).await
}

/// `POST /api/v1/organisation-categories` (helpdesk).
pub async fn create_category(category: &NewOrganisationCategory) -> Result<OrganisationCategory, ApiError> {
    json(call(Method::POST, CATEGORIES, Some(to_body(category)?)).await?).await
}

/// `GET /api/v1/organisations/{id}/profile`.
pub async fn organisation_profile(id: Uuid) -> Result<OrganisationProfile, ApiError> {
    json(call(Method::GET, &format!("{ORGANISATIONS}/{id}/profile"), None).await?).await
}

/// `PUT /api/v1/organisations/{id}/profile`.
pub async fn save_organisation_profile(
    id: Uuid,
    update: &OrganisationProfileUpdate,
) -> Result<OrganisationProfile, ApiError> {
    json(call(Method::PUT, &format!("{ORGANISATIONS}/{id}/profile"), Some(to_body(update)?)).await?).await
}

/// `GET /api/v1/professionals?q=&team_id=`: one page of the organisation's professionals.
pub async fn professionals(
    q: String,
    team_id: Option<Uuid>,
    cursor: Option<String>,
) -> Result<Page<Professional>, ApiError> {
    let mut params = Vec::new();
    if !q.trim().is_empty() {
        params.push(("q", q.trim().to_string()));
    }
    if let Some(team) = team_id {
        params.push(("team_id", team.to_string()));
    }
    json(call(Method::GET, &query_path(PROFESSIONALS, params, cursor.as_deref()), None).await?).await
}

/// `POST /api/v1/professionals` (administrator): the profile, and the activation mail.
pub async fn create_professional(professional: &NewProfessional) -> Result<Professional, ApiError> {
    json(call(Method::POST, PROFESSIONALS, Some(to_body(professional)?)).await?).await
}

/// `POST /api/v1/teams` (administrator).
pub async fn create_team(name: String) -> Result<Team, ApiError> {
    json(call(Method::POST, TEAMS, Some(to_body(&NewTeam { name })?)).await?).await
}

/// `GET /api/v1/teams/{id}`.
pub async fn team(id: Uuid) -> Result<Team, ApiError> {
    json(call(Method::GET, &format!("{TEAMS}/{id}"), None).await?).await
}

/// `GET /api/v1/teams/{id}/members`.
pub async fn team_members(id: Uuid) -> Result<Vec<TeamMember>, ApiError> {
    json(call(Method::GET, &format!("{TEAMS}/{id}/members"), None).await?).await
}

/// `POST /api/v1/teams/{id}/members` (administrator).
pub async fn add_team_member(id: Uuid, member: &NewTeamMember) -> Result<(), ApiError> {
    call(Method::POST, &format!("{TEAMS}/{id}/members"), Some(to_body(member)?)).await.map(drop)
}

/// `PUT /api/v1/teams/{id}/members/{membership}` (administrator): main contact or not.
pub async fn set_team_main_contact(id: Uuid, membership: Uuid, main_contact: bool) -> Result<(), ApiError> {
    let body = serde_json::json!({ "main_contact": main_contact });
    call(Method::PUT, &format!("{TEAMS}/{id}/members/{membership}"), Some(body)).await.map(drop)
}

/// `DELETE /api/v1/teams/{id}/members/{membership}` (administrator or the team's main contact).
pub async fn remove_team_member(id: Uuid, membership: Uuid) -> Result<(), ApiError> {
    call(Method::DELETE, &format!("{TEAMS}/{id}/members/{membership}"), None).await.map(drop)
}

/// `GET /api/v1/care-clients?q=`: one page of the clients whose network the caller is in.
pub async fn care_clients(q: String, cursor: Option<String>) -> Result<Page<CareClientSummary>, ApiError> {
    let params = if q.trim().is_empty() { Vec::new() } else { vec![("q", q.trim().to_string())] };
    json(call(Method::GET, &query_path(CARE_CLIENTS, params, cursor.as_deref()), None).await?).await
}

/// `POST /api/v1/care-clients` (care coordinator).
pub async fn create_care_client(client: &NewCareClient) -> Result<Network, ApiError> {
    json(call(Method::POST, CARE_CLIENTS, Some(to_body(client)?)).await?).await
}

/// `GET /api/v1/care-clients/{id}`: the client and their network.
pub async fn care_client(id: Uuid) -> Result<Network, ApiError> {
    json(call(Method::GET, &format!("{CARE_CLIENTS}/{id}"), None).await?).await
}

/// `PUT /api/v1/care-clients/{id}/modules` (coordinator).
pub async fn save_modules(id: Uuid, update: &ModulesUpdate) -> Result<(), ApiError> {
    call(Method::PUT, &format!("{CARE_CLIENTS}/{id}/modules"), Some(to_body(update)?)).await.map(drop)
}

/// `GET /api/v1/care-clients/{id}/organisation-search?category=&q=`: nearest first.
pub async fn organisation_search(
    id: Uuid,
    category: String,
    q: String,
) -> Result<Vec<OrganisationHit>, ApiError> {
    let mut params = vec![("category", category)];
    if !q.trim().is_empty() {
        params.push(("q", q.trim().to_string()));
    }
    let path = params_path(&format!("{CARE_CLIENTS}/{id}/organisation-search"), params);
    json(call(Method::GET, &path, None).await?).await
}

/// `GET /api/v1/care-clients/{id}/professional-search?q=`: nearest first.
pub async fn professional_search(id: Uuid, q: String) -> Result<Vec<ProfessionalHit>, ApiError> {
    let path =
        params_path(&format!("{CARE_CLIENTS}/{id}/professional-search"), vec![("q", q.trim().to_string())]);
    json(call(Method::GET, &path, None).await?).await
}

/// `POST /api/v1/care-clients/{id}/network/organisations` (coordinator).
pub async fn add_network_organisation(id: Uuid, organisation_id: Uuid) -> Result<(), ApiError> {
    let body = to_body(&AddOrganisation { organisation_id })?;
    call(Method::POST, &format!("{CARE_CLIENTS}/{id}/network/organisations"), Some(body)).await.map(drop)
}

/// `POST /api/v1/care-clients/{id}/network/professionals` (coordinator).
pub async fn add_network_professional(id: Uuid, membership_id: Uuid) -> Result<(), ApiError> {
    let body = to_body(&AddProfessional { membership_id })?;
    call(Method::POST, &format!("{CARE_CLIENTS}/{id}/network/professionals"), Some(body)).await.map(drop)
}

/// `POST /api/v1/informal-carers/similar`: existing carers who may be this person.
pub async fn similar_carers(person: &NewInformalCarer) -> Result<Vec<SimilarPerson>, ApiError> {
    json(call(Method::POST, INFORMAL_CARERS_SIMILAR, Some(to_body(person)?)).await?).await
}

/// `POST /api/v1/care-clients/{id}/network/informal-carers` (coordinator).
pub async fn add_informal_carer(id: Uuid, carer: &AddInformalCarer) -> Result<(), ApiError> {
    call(Method::POST, &format!("{CARE_CLIENTS}/{id}/network/informal-carers"), Some(to_body(carer)?))
        .await
        .map(drop)
}

/// `PUT /api/v1/care-clients/{id}/coordinators` (coordinator).
pub async fn save_coordinators(id: Uuid, update: &CoordinatorsUpdate) -> Result<(), ApiError> {
    call(Method::PUT, &format!("{CARE_CLIENTS}/{id}/coordinators"), Some(to_body(update)?)).await.map(drop)
}

/// `DELETE /api/v1/care-clients/{id}/network/{entry}` (coordinator, or oneself).
pub async fn remove_network_entry(id: Uuid, entry: Uuid) -> Result<(), ApiError> {
    call(Method::DELETE, &format!("{CARE_CLIENTS}/{id}/network/{entry}"), None).await.map(drop)
}

/// `GET /api/v1/care-clients/{id}/history`: one page, newest first.
pub async fn network_history(id: Uuid, cursor: Option<String>) -> Result<Page<NetworkEvent>, ApiError> {
    json(
        call(Method::GET, &page_path(&format!("{CARE_CLIENTS}/{id}/history"), cursor.as_deref()), None)
            .await?,
    )
    .await
}

// ---- Issue 6: contracts, news, the dashboard and recent visits ----

const CONTRACTS: &str = "/api/v1/contracts";
const MY_CONTRACTS: &str = "/api/v1/me/contracts";
const NEWS: &str = "/api/v1/news";
const MY_DASHBOARD: &str = "/api/v1/me/dashboard";
const MY_RECENT: &str = "/api/v1/me/recent";

/// `GET /api/v1/me/dashboard`: pending actions, counts, recent items, news, collapsed sections.
pub async fn dashboard() -> Result<shared::dashboard::Dashboard, ApiError> {
    json(call(Method::GET, MY_DASHBOARD, None).await?).await
}

/// `POST /api/v1/me/recent`: the person opened `link` (shown as `title` under "Recent bekeken").
pub async fn record_visit(title: String, link: String) -> Result<(), ApiError> {
    let body = to_body(&shared::dashboard::RecentVisit { title, link })?;
    call(Method::POST, MY_RECENT, Some(body)).await.map(drop)
}

/// `GET /api/v1/me/contracts`: the person's own contracts.
pub async fn my_contracts() -> Result<Vec<shared::contracts::Contract>, ApiError> {
    json(call(Method::GET, MY_CONTRACTS, None).await?).await
}

/// `GET /api/v1/contracts`: the organisation's contracts (employer side), optionally by status.
pub async fn contracts(
    status: Option<shared::contracts::ContractStatus>,
    cursor: Option<String>,
) -> Result<Page<shared::contracts::Contract>, ApiError> {
    let params = status.map(|s| vec![("status", s.as_str().to_string())]).unwrap_or_default();
    json(call(Method::GET, &query_path(CONTRACTS, params, cursor.as_deref()), None).await?).await
}

/// `GET /api/v1/contracts/{id}`: one contract (signer or employer side).
pub async fn contract(id: Uuid) -> Result<shared::contracts::Contract, ApiError> {
    json(call(Method::GET, &format!("{CONTRACTS}/{id}"), None).await?).await
}

/// Where a contract's PDF downloads (a plain link; the browser sends the cookie).
pub fn contract_file_href(id: Uuid) -> String {
    format!("{CONTRACTS}/{id}/file")
}

/// `GET /api/v1/contracts/{id}/audit`: the contract's audit trail.
pub async fn contract_audit(id: Uuid) -> Result<Vec<shared::contracts::ContractAuditEntry>, ApiError> {
    json(call(Method::GET, &format!("{CONTRACTS}/{id}/audit"), None).await?).await
}

/// `POST /api/v1/contracts/{id}/withdraw` (employer side).
pub async fn withdraw_contract(id: Uuid) -> Result<shared::contracts::Contract, ApiError> {
    json(call(Method::POST, &format!("{CONTRACTS}/{id}/withdraw"), Some(empty())).await?).await
}

/// `POST /api/v1/contracts?…`: offers a contract; the PDF is the request body.
pub async fn offer_contract(
    user_id: Uuid,
    title: String,
    sign_by: NaiveDate,
    file_name: String,
    file: Vec<u8>,
) -> Result<shared::contracts::Contract, ApiError> {
    let path = params_path(
        CONTRACTS,
        vec![
            ("user_id", user_id.to_string()),
            ("title", title),
            ("sign_by", sign_by.to_string()),
            ("file_name", file_name),
        ],
    );
    json(send_checked(Method::POST, &path, Payload::Bytes(file)).await?).await
}

/// `POST /api/v1/me/contracts/{id}/sign-code`: an SMS code to sign with.
pub async fn contract_sign_code(id: Uuid) -> Result<SmsCodeSent, ApiError> {
    json(call(Method::POST, &format!("{MY_CONTRACTS}/{id}/sign-code"), Some(empty())).await?).await
}

/// `POST /api/v1/me/contracts/{id}/sign`.
pub async fn sign_contract(
    id: Uuid,
    body: &shared::contracts::SignContract,
) -> Result<shared::contracts::Contract, ApiError> {
    json(call(Method::POST, &format!("{MY_CONTRACTS}/{id}/sign"), Some(to_body(body)?)).await?).await
}

/// `GET /api/v1/news`: published news for the reader.
pub async fn news(cursor: Option<String>) -> Result<Page<shared::news::NewsItem>, ApiError> {
    json(call(Method::GET, &page_path(NEWS, cursor.as_deref()), None).await?).await
}

/// `GET /api/v1/news/drafts` (employers and administrators).
pub async fn news_drafts() -> Result<Vec<shared::news::NewsItem>, ApiError> {
    json(call(Method::GET, &format!("{NEWS}/drafts"), None).await?).await
}

/// `POST /api/v1/news`, or `PUT /api/v1/news/{id}` when `id` is given.
pub async fn save_news(
    id: Option<Uuid>,
    input: &shared::news::NewsInput,
) -> Result<shared::news::NewsItem, ApiError> {
    let body = Some(to_body(input)?);
    match id {
        Some(id) => json(call(Method::PUT, &format!("{NEWS}/{id}"), body).await?).await,
        None => json(call(Method::POST, NEWS, body).await?).await,
    }
}

/// `DELETE /api/v1/news/{id}`.
pub async fn delete_news(id: Uuid) -> Result<(), ApiError> {
    call(Method::DELETE, &format!("{NEWS}/{id}"), None).await.map(drop)
}

// --- Preferences (what lists and the dashboard remember) ---

/// `GET /api/v1/me/preferences/{key}`: a remembered choice (empty when never made).
pub async fn preference(key: &str) -> Result<shared::preferences::Preference, ApiError> {
    json(call(Method::GET, &format!("/api/v1/me/preferences/{}", encode_query_value(key)), None).await?).await
}

/// `PUT /api/v1/me/preferences/{key}`: remembers a choice; an empty list forgets it.
pub async fn save_preference(
    key: &str,
    values: Vec<String>,
) -> Result<shared::preferences::Preference, ApiError> {
    let body = to_body(&shared::preferences::Preference { values })?;
    json(call(Method::PUT, &format!("/api/v1/me/preferences/{}", encode_query_value(key)), Some(body)).await?)
        .await
}

// ---------------------------------------------------------------------------
// Employee records (issue 6, "records"): the employer's records, import, yearly
// review and change requests, and the employee's own data ("Mijn gegevens").
// ---------------------------------------------------------------------------

const EMPLOYEES: &str = "/api/v1/employees";
const EMPLOYEE_REVIEW: &str = "/api/v1/employee-review";
const EMPLOYEE_IMPORTS: &str = "/api/v1/employee-imports";
const CHANGE_REQUESTS: &str = "/api/v1/change-requests";
const MY_EMPLOYEE_RECORD: &str = "/api/v1/me/employee-record";
const MY_CHANGE_REQUESTS: &str = "/api/v1/me/change-requests";

/// Filters of the employee list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EmployeeFilter {
    /// Part of the name, personnel number or e-mail address.
    pub q: String,
    /// Department.
    pub department: String,
    /// Only those not yet confirmed for this review year.
    pub unreviewed_for: Option<i32>,
}

impl EmployeeFilter {
    fn params(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::new();
        if !self.q.trim().is_empty() {
            params.push(("q", self.q.trim().to_string()));
        }
        if !self.department.trim().is_empty() {
            params.push(("department", self.department.trim().to_string()));
        }
        if let Some(y) = self.unreviewed_for {
            params.push(("unreviewed_for", y.to_string()));
        }
        params
    }
}

/// `GET /api/v1/employees`: one page of the organisation's employees.
pub async fn employees(
    filter: &EmployeeFilter,
    cursor: Option<String>,
) -> Result<Page<EmployeeSummary>, ApiError> {
    json(call(Method::GET, &query_path(EMPLOYEES, filter.params(), cursor.as_deref()), None).await?).await
}

/// `POST /api/v1/employees`: a new employee (invited by mail).
pub async fn create_employee(input: &EmployeeRecordInput) -> Result<EmployeeRecord, ApiError> {
    json(call(Method::POST, EMPLOYEES, Some(to_body(input)?)).await?).await
}

/// `GET /api/v1/employees/{id}`.
pub async fn employee(id: Uuid) -> Result<EmployeeRecord, ApiError> {
    json(call(Method::GET, &format!("{EMPLOYEES}/{id}"), None).await?).await
}

/// `PUT /api/v1/employees/{id}` with the version read.
pub async fn update_employee(id: Uuid, input: &EmployeeRecordInput) -> Result<EmployeeRecord, ApiError> {
    json(call(Method::PUT, &format!("{EMPLOYEES}/{id}"), Some(to_body(input)?)).await?).await
}

/// `POST /api/v1/employees/{id}/reveal`: BSN and IBAN in full (audited).
pub async fn reveal_employee(id: Uuid) -> Result<RevealedSecrets, ApiError> {
    json(call(Method::POST, &format!("{EMPLOYEES}/{id}/reveal"), Some(empty())).await?).await
}

/// `GET /api/v1/employees/{id}/history`.
pub async fn employee_history(id: Uuid) -> Result<Vec<RecordEvent>, ApiError> {
    json(call(Method::GET, &format!("{EMPLOYEES}/{id}/history"), None).await?).await
}

/// `POST /api/v1/employees/{id}/review`: "klopt" for the review year.
pub async fn confirm_employee(id: Uuid, year: i32, version: i32) -> Result<EmployeeRecord, ApiError> {
    let body = to_body(&ReviewConfirmation { year, version })?;
    json(call(Method::POST, &format!("{EMPLOYEES}/{id}/review"), Some(body)).await?).await
}

/// `GET /api/v1/employee-review?year=`.
pub async fn review_progress(year: i32) -> Result<ReviewProgress, ApiError> {
    json(call(Method::GET, &format!("{EMPLOYEE_REVIEW}?year={year}"), None).await?).await
}

/// `POST /api/v1/employee-imports?dry_run=…&file_name=…`: the file is the body.
pub async fn import_employees(
    dry_run: bool,
    file_name: &str,
    file: Vec<u8>,
) -> Result<ImportResult, ApiError> {
    let path = params_path(
        EMPLOYEE_IMPORTS,
        vec![("dry_run", dry_run.to_string()), ("file_name", file_name.to_string())],
    );
    json(send_checked(Method::POST, &path, Payload::Bytes(file)).await?).await
}

/// `GET /api/v1/change-requests?status=`: one page.
pub async fn change_requests(
    status: ChangeRequestStatus,
    cursor: Option<String>,
) -> Result<Page<ChangeRequest>, ApiError> {
    let params = vec![("status", status.as_str().to_string())];
    json(call(Method::GET, &query_path(CHANGE_REQUESTS, params, cursor.as_deref()), None).await?).await
}

/// `POST /api/v1/change-requests/{id}/decision`.
pub async fn decide_change(id: Uuid, decision: &ChangeDecision) -> Result<ChangeRequest, ApiError> {
    json(call(Method::POST, &format!("{CHANGE_REQUESTS}/{id}/decision"), Some(to_body(decision)?)).await?)
        .await
}

/// `GET /api/v1/me/employee-record`; `Ok(None)` when the employer has none.
pub async fn my_employee_record() -> Result<Option<EmployeeRecord>, ApiError> {
    match call(Method::GET, MY_EMPLOYEE_RECORD, None).await {
        Ok(r) => json(r).await.map(Some),
        Err(e) if e.kind() == Some(ErrorKind::NotFound) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `PUT /api/v1/me/employee-record/contact`.
pub async fn update_my_contact(update: &MyContactUpdate) -> Result<EmployeeRecord, ApiError> {
    json(call(Method::PUT, &format!("{MY_EMPLOYEE_RECORD}/contact"), Some(to_body(update)?)).await?).await
}

/// `PUT /api/v1/me/employee-record/iban` (needs the password).
pub async fn change_my_iban(change: &MyIbanChange) -> Result<EmployeeRecord, ApiError> {
    json(call(Method::PUT, &format!("{MY_EMPLOYEE_RECORD}/iban"), Some(to_body(change)?)).await?).await
}

/// `GET /api/v1/me/change-requests`.
pub async fn my_change_requests() -> Result<Vec<ChangeRequest>, ApiError> {
    json(call(Method::GET, MY_CHANGE_REQUESTS, None).await?).await
}

/// `POST /api/v1/me/change-requests`.
pub async fn request_change(request: &NewChangeRequest) -> Result<ChangeRequest, ApiError> {
    json(call(Method::POST, MY_CHANGE_REQUESTS, Some(to_body(request)?)).await?).await
}

/// `POST /api/v1/me/change-requests/{id}/withdraw`.
pub async fn withdraw_change(id: Uuid) -> Result<ChangeRequest, ApiError> {
    json(call(Method::POST, &format!("{MY_CHANGE_REQUESTS}/{id}/withdraw"), Some(empty())).await?).await
}

// --- Self-service (issue 6): personal documents, payslips, accruals, payments, placements, phase ---

/// Filters of the document lists (`GET /api/v1/documents`, `/api/v1/me/documents`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentListFilter {
    /// Only this person (employer list).
    pub user_id: Option<Uuid>,
    /// Only this kind.
    pub kind: Option<shared::documents::PersonDocumentKind>,
    /// Period overlapping from.
    pub from: Option<NaiveDate>,
    /// Period overlapping until.
    pub to: Option<NaiveDate>,
    /// Words in the title, file name or name.
    pub q: String,
    /// Only unread ones (own list).
    pub unread: bool,
}

impl DocumentListFilter {
    fn params(&self) -> Vec<(&'static str, String)> {
        let mut p = Vec::new();
        if let Some(u) = self.user_id {
            p.push(("user_id", u.to_string()));
        }
        if let Some(k) = self.kind {
            p.push(("kind", k.as_str().to_string()));
        }
        if let Some(d) = self.from {
            p.push(("from", d.to_string()));
        }
        if let Some(d) = self.to {
            p.push(("to", d.to_string()));
        }
        if !self.q.trim().is_empty() {
            p.push(("q", self.q.trim().to_string()));
        }
        if self.unread {
            p.push(("unread", "true".to_string()));
        }
        p
    }
}

/// What goes with an uploaded personal document (the query of `POST /api/v1/documents`).
#[derive(Debug, Clone, PartialEq)]
pub struct PersonUploadMeta {
    /// Whose document (the employer's uploads); `None` for one's own.
    pub user_id: Option<Uuid>,
    /// Kind.
    pub kind: shared::documents::PersonDocumentKind,
    /// Title.
    pub title: String,
    /// The file's name on the uploader's computer.
    pub file_name: String,
    /// Period start.
    pub period_start: Option<NaiveDate>,
    /// Period end.
    pub period_end: Option<NaiveDate>,
    /// Visible to the employee (the employer's uploads).
    pub visible_employee: bool,
}

impl PersonUploadMeta {
    fn params(&self) -> Vec<(&'static str, String)> {
        let mut p = Vec::new();
        if let Some(u) = self.user_id {
            p.push(("user_id", u.to_string()));
        }
        p.push(("kind", self.kind.as_str().to_string()));
        p.push(("title", self.title.trim().to_string()));
        p.push(("file_name", self.file_name.clone()));
        if let Some(d) = self.period_start {
            p.push(("period_start", d.to_string()));
        }
        if let Some(d) = self.period_end {
            p.push(("period_end", d.to_string()));
        }
        p.push(("visible_employee", self.visible_employee.to_string()));
        p
    }
}

/// `GET /api/v1/me/documents`: one page of one's own documents.
pub async fn my_documents(
    filter: DocumentListFilter,
    cursor: Option<String>,
) -> Result<Page<shared::documents::PersonDocument>, ApiError> {
    let path = query_path("/api/v1/me/documents", filter.params(), cursor.as_deref());
    json(call(Method::GET, &path, None).await?).await
}

/// `GET /api/v1/documents`: one page of the organisation's documents (employer).
pub async fn employee_documents(
    filter: DocumentListFilter,
    cursor: Option<String>,
) -> Result<Page<shared::documents::PersonDocument>, ApiError> {
    let path = query_path("/api/v1/documents", filter.params(), cursor.as_deref());
    json(call(Method::GET, &path, None).await?).await
}

/// `POST /api/v1/documents?…`: the file itself is the request body.
pub async fn upload_person_document(
    meta: &PersonUploadMeta,
    file: Vec<u8>,
) -> Result<shared::documents::PersonDocument, ApiError> {
    let path = params_path("/api/v1/documents", meta.params());
    json(send_checked(Method::POST, &path, Payload::Bytes(file)).await?).await
}

/// Where a personal document (or a payslip's PDF) downloads: a plain link, the browser sends
/// the session cookie and saves the attachment. The employee's first download marks it read.
pub fn person_document_href(id: Uuid) -> String {
    format!("/api/v1/documents/{id}/file")
}

/// `PUT /api/v1/documents/{id}/visibility` (employer).
pub async fn set_person_document_visibility(
    id: Uuid,
    visible_employee: bool,
) -> Result<shared::documents::PersonDocument, ApiError> {
    let body = serde_json::json!({ "visible_employee": visible_employee });
    json(call(Method::PUT, &format!("/api/v1/documents/{id}/visibility"), Some(body)).await?).await
}

/// `DELETE /api/v1/documents/{id}` (employer).
pub async fn delete_person_document(id: Uuid) -> Result<(), ApiError> {
    call(Method::DELETE, &format!("/api/v1/documents/{id}"), None).await.map(drop)
}

/// `GET /api/v1/me/payslips/years`.
pub async fn my_payslip_years() -> Result<Vec<i32>, ApiError> {
    json(call(Method::GET, "/api/v1/me/payslips/years", None).await?).await
}

/// `GET /api/v1/me/payslips?year=`.
pub async fn my_payslips(year: Option<i32>) -> Result<Vec<shared::payroll::Payslip>, ApiError> {
    let params = year.map(|y| vec![("year", y.to_string())]).unwrap_or_default();
    json(call(Method::GET, &params_path("/api/v1/me/payslips", params), None).await?).await
}

/// `GET /api/v1/payslips/years/{user_id}` (employer).
pub async fn payslip_years_of(user_id: Uuid) -> Result<Vec<i32>, ApiError> {
    json(call(Method::GET, &format!("/api/v1/payslips/years/{user_id}"), None).await?).await
}

/// `GET /api/v1/payslips?user_id=&year=` (employer).
pub async fn payslips_of(
    user_id: Uuid,
    year: Option<i32>,
) -> Result<Vec<shared::payroll::Payslip>, ApiError> {
    let mut params = vec![("user_id", user_id.to_string())];
    if let Some(y) = year {
        params.push(("year", y.to_string()));
    }
    json(call(Method::GET, &params_path("/api/v1/payslips", params), None).await?).await
}

/// `GET /api/v1/me/accruals`: per kind the balances over time, oldest first.
pub async fn my_accruals() -> Result<Vec<shared::payroll::Accrual>, ApiError> {
    json(call(Method::GET, "/api/v1/me/accruals", None).await?).await
}

/// `GET /api/v1/me/payments?from=&to=`: one page, newest first.
pub async fn my_payments(
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    cursor: Option<String>,
) -> Result<Page<shared::payroll::Payment>, ApiError> {
    let mut params = Vec::new();
    if let Some(d) = from {
        params.push(("from", d.to_string()));
    }
    if let Some(d) = to {
        params.push(("to", d.to_string()));
    }
    json(call(Method::GET, &query_path("/api/v1/me/payments", params, cursor.as_deref()), None).await?).await
}

/// `GET /api/v1/me/placements`.
pub async fn my_placements() -> Result<Vec<shared::placements::Placement>, ApiError> {
    json(call(Method::GET, "/api/v1/me/placements", None).await?).await
}

/// `GET /api/v1/placements?hirer=`: one page (employer).
pub async fn placements(
    hirer: String,
    cursor: Option<String>,
) -> Result<Page<shared::placements::Placement>, ApiError> {
    let params = if hirer.trim().is_empty() { vec![] } else { vec![("hirer", hirer.trim().to_string())] };
    json(call(Method::GET, &query_path("/api/v1/placements", params, cursor.as_deref()), None).await?).await
}

/// `POST /api/v1/placements` (employer).
pub async fn create_placement(
    input: &shared::placements::PlacementInput,
) -> Result<shared::placements::Placement, ApiError> {
    json(call(Method::POST, "/api/v1/placements", Some(to_body(input)?)).await?).await
}

/// `DELETE /api/v1/placements/{id}` (employer).
pub async fn delete_placement(id: Uuid) -> Result<(), ApiError> {
    call(Method::DELETE, &format!("/api/v1/placements/{id}"), None).await.map(drop)
}

/// `GET /api/v1/me/phase`: `None` when the person has no phase (404).
pub async fn my_phase() -> Result<Option<shared::placements::PhaseProgress>, ApiError> {
    match call(Method::GET, "/api/v1/me/phase", None).await {
        Ok(r) => json(r).await.map(Some),
        Err(e) if e.kind() == Some(ErrorKind::NotFound) => Ok(None),
        Err(e) => Err(e),
    }
}

// --- end of self-service ---

// --- Absence statistics (issue 7): figures, per employee, mutations --------

/// Where the statistics live; the downloads are under `…/export/`.
pub const ABSENCE_STATISTICS: &str = "/api/v1/absence/statistics";

/// `GET /api/v1/absence/statistics?…`: the figures for the period and scope in `query`
/// (a query string as `pages::reports::query` makes it).
pub async fn absence_statistics(
    query: &str,
) -> Result<shared::absence::statistics::StatisticsReport, ApiError> {
    json(call(Method::GET, &format!("{ABSENCE_STATISTICS}?{query}"), None).await?).await
}

/// `GET /api/v1/absence/statistics/organisations`: the organisations whose figures the
/// person may see, by name.
pub async fn absence_statistics_organisations()
-> Result<Vec<shared::absence::statistics::StatisticsOrganisation>, ApiError> {
    json(call(Method::GET, &format!("{ABSENCE_STATISTICS}/organisations"), None).await?).await
}

/// `GET /api/v1/absence/statistics/employees?…`: one page of the per-employee overview.
pub async fn absence_statistics_employees(
    query: &str,
    cursor: Option<String>,
) -> Result<Page<shared::absence::statistics::EmployeeStatistics>, ApiError> {
    statistics_page("employees", query, cursor).await
}

/// `GET /api/v1/absence/statistics/mutations?…`: one page of the mutations, by date.
pub async fn absence_statistics_mutations(
    query: &str,
    cursor: Option<String>,
) -> Result<Page<shared::absence::statistics::Mutation>, ApiError> {
    statistics_page("mutations", query, cursor).await
}

/// One page of a statistics list (`employees`, `mutations`) for the choice in `query`.
async fn statistics_page<T: DeserializeOwned>(
    list: &str,
    query: &str,
    cursor: Option<String>,
) -> Result<Page<T>, ApiError> {
    let path = format!("{}&{query}", page_path(&format!("{ABSENCE_STATISTICS}/{list}"), cursor.as_deref()));
    json(call(Method::GET, &path, None).await?).await
}

/// A path with query parameters (no paging).
fn params_path(path: &str, params: Vec<(&'static str, String)>) -> String {
    let query: Vec<String> =
        params.into_iter().map(|(key, value)| format!("{key}={}", encode_query_value(&value))).collect();
    if query.is_empty() { path.to_string() } else { format!("{path}?{}", query.join("&")) }
}

/// A list path with filters, the page size and, after the first page, the cursor.
fn query_path(path: &str, params: Vec<(&'static str, String)>, cursor: Option<&str>) -> String {
    let mut out = page_path(path, cursor);
    for (key, value) in params {
        out.push('&');
        out.push_str(key);
        out.push('=');
        out.push_str(&encode_query_value(&value));
    }
    out
}

/// A list path with the page size and, after the first page, the cursor.
fn page_path(path: &str, cursor: Option<&str>) -> String {
    match cursor {
        Some(cursor) => format!("{path}?limit={PAGE_SIZE}&cursor={}", encode_query_value(cursor)),
        None => format!("{path}?limit={PAGE_SIZE}"),
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters. Cursors
/// are opaque: the server may put `+`, `/` or `=` in them.
pub fn encode_query_value(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn to_body(value: &impl Serialize) -> Result<Value, ApiError> {
    serde_json::to_value(value).map_err(|_| ApiError::Unexpected(0))
}

/// What a request carries.
enum Payload {
    /// Nothing.
    None,
    /// A JSON body.
    Json(Value),
    /// Raw bytes (an uploaded file).
    Bytes(Vec<u8>),
}

/// Sends a request; on a 401 refreshes the session once and repeats it.
async fn call(method: Method, path: &str, body: Option<Value>) -> Result<reqwest::Response, ApiError> {
    send_checked(method, path, body.map_or(Payload::None, Payload::Json)).await
}

/// [`call`] for any payload.
async fn send_checked(method: Method, path: &str, body: Payload) -> Result<reqwest::Response, ApiError> {
    let body = &body;
    let response = send(method.clone(), path, body).await?;
    // The second-factor step has no session yet: its 401 means the challenge
    // is over, not that a refresh would help.
    if response.status() != StatusCode::UNAUTHORIZED
        || path == LOGIN
        || path == REFRESH
        || path == SECOND_FACTOR
        || path == SECOND_FACTOR_SMS
    {
        return check(response).await;
    }
    if refresh().await {
        let retried = send(method, path, body).await?;
        if retried.status() != StatusCode::UNAUTHORIZED {
            return check(retried).await;
        }
        session_ended();
        return check(retried).await;
    }
    session_ended();
    check(response).await
}

async fn send(method: Method, path: &str, body: &Payload) -> Result<reqwest::Response, ApiError> {
    let origin = browser::origin().ok_or(ApiError::Network)?;
    let mut request = reqwest::Client::new()
        .request(method, format!("{origin}{path}"))
        .header(reqwest::header::ACCEPT, "application/json");
    match body {
        Payload::None => {}
        Payload::Json(body) => request = request.json(body),
        Payload::Bytes(bytes) => {
            request =
                request.header(reqwest::header::CONTENT_TYPE, "application/octet-stream").body(bytes.clone());
        }
    }
    request.send().await.map_err(|_| ApiError::Network)
}

/// Refreshes the session, joining a refresh that is already under way.
async fn refresh() -> bool {
    let pending = REFRESHING.with(|slot| {
        slot.borrow_mut()
            .get_or_insert_with(|| {
                async {
                    let body = Payload::Json(Value::Object(Default::default()));
                    let ok =
                        matches!(send(Method::POST, REFRESH, &body).await, Ok(r) if r.status().is_success());
                    REFRESHING.with(|slot| *slot.borrow_mut() = None);
                    ok
                }
                .boxed_local()
                .shared()
            })
            .clone()
    });
    pending.await
}

/// Turns a non-success response into an [`ApiError`].
async fn check(response: reqwest::Response) -> Result<reqwest::Response, ApiError> {
    let status = response.status();
    if status.is_success() {
        return Ok(response);
    }
    // Same origin, so the header is readable; only the seconds form is used
    // by the server (an HTTP date would be ignored here).
    let retry_after = response
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    match response.json::<ErrorBody>().await {
        Ok(body) => {
            if matches!(body.error, ErrorKind::PasswordChangeRequired | ErrorKind::SecondFactorSetupRequired)
            {
                restricted(body.error);
            }
            Err(ApiError::Server { body, retry_after })
        }
        Err(_) => Err(ApiError::Unexpected(status.as_u16())),
    }
}

async fn json<T: DeserializeOwned>(response: reqwest::Response) -> Result<T, ApiError> {
    let status = response.status().as_u16();
    response.json::<T>().await.map_err(|_| ApiError::Unexpected(status))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_are_encoded_and_pages_sized() {
        assert_eq!(page_path(MEMBERS, None), "/api/v1/members?limit=50");
        assert_eq!(page_path(AUDIT, Some("ab+/=c_-")), "/api/v1/audit?limit=50&cursor=ab%2B%2F%3Dc_-");
    }

    #[test]
    fn absence_filters_become_query_parameters() {
        let filter = ActivityFilter {
            done: Some(false),
            overdue: true,
            due_from: NaiveDate::from_ymd_opt(2026, 3, 1),
            kind: Some(ActivityKind::PlanOfAction),
            q: " 2026-0007 ".into(),
            ..ActivityFilter::default()
        };
        assert_eq!(
            query_path(ABSENCE_ACTIVITIES, filter.params(), None),
            "/api/v1/absence-activities?limit=50&done=false&overdue=true&due_from=2026-03-01&kind=plan_of_action&q=2026-0007"
        );
        let meta = UploadMeta {
            kind: DocumentKind::PlanOfAction,
            title: "Plan van aanpak".into(),
            file_name: "plan & aanpak.pdf".into(),
            employee: true,
            employer: false,
        };
        assert_eq!(
            params_path("/x", meta.params()),
            "/x?kind=plan_of_action&title=Plan%20van%20aanpak&file_name=plan%20%26%20aanpak.pdf&employee=true&employer=false"
        );
    }

    #[test]
    fn week_filters_become_query_parameters() {
        let filter = WeekFilter {
            status: Some(WeekStatus::Submitted),
            from: "2026-W40".parse().ok(),
            late: Some(true),
            q: " de Vries ".into(),
            ..WeekFilter::default()
        };
        assert_eq!(
            query_path(TIMESHEETS, filter.params(), None),
            "/api/v1/timesheets?limit=50&status=submitted&from=2026-W40&late=true&q=de%20Vries"
        );
    }
}
