//! `/api/v1/invitations`, `/api/v1/activation`, `/api/v1/password-check`, `/api/v1/organisation/security`.

use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};
use shared::{
    Page,
    accounts::{
        Activate, ActivationInfo, ActivationLookup, Invitation, NewInvitation, PasswordCheck,
        PasswordCheckResult, SecuritySettings,
    },
    auth::SmsCodeSent,
    error::ErrorBody,
};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{invitations, security};
use crate::{audit::ClientInfo, auth::Actor, error::ApiError, pagination::PageQuery, state::AppState};

/// Registers this capability's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_invitations)
        .service(create_invitation)
        .service(resend_invitation)
        .service(revoke_invitation)
        .service(lookup_activation)
        .service(activate)
        .service(resend_activation_pin)
        .service(password_check)
        .service(get_security)
        .service(set_security);
}

/// Your organisation's invitations, newest first (needs *manage rights*).
#[utoipa::path(
    tag = "accounts",
    params(PageQuery),
    responses((status = 200, body = Page<Invitation>), (status = 403, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/invitations")]
async fn list_invitations(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<PageQuery>,
) -> Result<web::Json<Page<Invitation>>, ApiError> {
    Ok(web::Json(invitations::list(&state, &actor, &q).await?))
}

/// Invite someone by e-mail (needs *manage rights*; you can grant only rights you hold).
#[utoipa::path(
    tag = "accounts",
    request_body = NewInvitation,
    responses(
        (status = 201, body = Invitation),
        (status = 403, description = "You may not grant this role or these rights", body = ErrorBody),
        (status = 409, description = "Already a member, or an open invitation exists", body = ErrorBody),
        (status = 422, body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/invitations")]
async fn create_invitation(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: web::Json<NewInvitation>,
) -> Result<HttpResponse, ApiError> {
    let invitation =
        invitations::create(&state, &actor, body.into_inner(), &ClientInfo::from_request(&req)).await?;
    Ok(HttpResponse::Created().json(invitation))
}

/// Send a fresh link; the previous one stops working.
#[utoipa::path(
    tag = "accounts",
    params(("id" = Uuid, Path, description = "Invitation id")),
    responses((status = 200, body = Invitation), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/invitations/{id}/resend")]
async fn resend_invitation(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<Uuid>,
) -> Result<web::Json<Invitation>, ApiError> {
    Ok(web::Json(
        invitations::resend(&state, &actor, id.into_inner(), &ClientInfo::from_request(&req)).await?,
    ))
}

/// Withdraw an invitation.
#[utoipa::path(
    tag = "accounts",
    params(("id" = Uuid, Path, description = "Invitation id")),
    responses((status = 200, body = Invitation), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[delete("/invitations/{id}")]
async fn revoke_invitation(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<Uuid>,
) -> Result<web::Json<Invitation>, ApiError> {
    Ok(web::Json(
        invitations::revoke(&state, &actor, id.into_inner(), &ClientInfo::from_request(&req)).await?,
    ))
}

/// Who an invitation link is for (the activation page's first step). Where the
/// organisation activates with an SMS PIN, this sends the PIN to the number on the
/// invitation (unless one that still works went out already) and says where it went.
#[utoipa::path(
    tag = "accounts",
    request_body = ActivationLookup,
    responses((status = 200, body = ActivationInfo), (status = 422, description = "Invalid, used or expired link", body = ErrorBody))
)]
#[post("/activation/lookup")]
async fn lookup_activation(
    state: web::Data<AppState>,
    body: web::Json<ActivationLookup>,
) -> Result<web::Json<ActivationInfo>, ApiError> {
    Ok(web::Json(invitations::lookup(&state, &body.token).await?))
}

/// Activate an account: prove who you are (your birth date, or the PIN from the SMS) and
/// choose a password (or, if you already have a Poort account, confirm with its password).
/// Then sign in. Five wrong answers burn the link.
#[utoipa::path(
    tag = "accounts",
    request_body = Activate,
    responses(
        (status = 204, description = "Activated; sign in"),
        (status = 422, description = "Wrong birth date or PIN (`wrong_proof`), a PIN that no longer works (`pin_expired`), a refused password, or an invalid link", body = ErrorBody),
    )
)]
#[post("/activation")]
async fn activate(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Json<Activate>,
) -> Result<HttpResponse, ApiError> {
    invitations::activate(&state, body.into_inner(), &ClientInfo::from_request(&req)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Send a new activation PIN by SMS (organisations that activate with an SMS PIN). The
/// previous PIN stops working; asking again within a minute answers 429 with `Retry-After`.
#[utoipa::path(
    tag = "accounts",
    request_body = ActivationLookup,
    responses(
        (status = 202, body = SmsCodeSent),
        (status = 409, description = "This invitation is activated with a birth date", body = ErrorBody),
        (status = 422, description = "Invalid, used or expired link", body = ErrorBody),
        (status = 429, description = "Asked again too soon; see `Retry-After`", body = ErrorBody),
    )
)]
#[post("/activation/pin")]
async fn resend_activation_pin(
    state: web::Data<AppState>,
    body: web::Json<ActivationLookup>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Accepted().json(invitations::resend_pin(&state, &body.token).await?))
}

/// Live feedback on a new password, by the same rules the server applies when it is set:
/// the invitation's or reset link's organisation (with `token`), else the signed-in person's.
#[utoipa::path(tag = "accounts", request_body = PasswordCheck, responses((status = 200, body = PasswordCheckResult)))]
#[post("/password-check")]
async fn password_check(
    state: web::Data<AppState>,
    actor: Option<Actor>,
    body: web::Json<PasswordCheck>,
) -> Result<web::Json<PasswordCheckResult>, ApiError> {
    Ok(web::Json(invitations::check(&state, &body.password, body.token.as_deref(), actor.as_ref()).await?))
}

/// Your organisation's security settings (needs *manage rights*). `weaker_than_standard`
/// says when they fall below Poort's standard.
#[utoipa::path(
    tag = "accounts",
    responses((status = 200, body = SecuritySettings), (status = 403, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/organisation/security")]
async fn get_security(
    state: web::Data<AppState>,
    actor: Actor,
) -> Result<web::Json<SecuritySettings>, ApiError> {
    Ok(web::Json(security::get(&state, &actor).await?))
}

/// Change the password rules (standard or seed 004's legacy profile), the wrong-password
/// rule, whether a second factor is required and how invitees prove who they are (birth
/// date, or an SMS PIN as in seed 002) (needs *manage rights*; audited).
#[utoipa::path(
    tag = "accounts",
    request_body = SecuritySettings,
    responses((status = 200, body = SecuritySettings), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[put("/organisation/security")]
async fn set_security(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: web::Json<SecuritySettings>,
) -> Result<web::Json<SecuritySettings>, ApiError> {
    Ok(web::Json(security::set(&state, &actor, body.into_inner(), &ClientInfo::from_request(&req)).await?))
}
