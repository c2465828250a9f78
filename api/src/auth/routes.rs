//! `/api/v1/auth/*` and `/api/v1/me`: thin handlers over `service`.

use actix_web::{FromRequest, HttpRequest, HttpResponse, HttpResponseBuilder, delete, get, post, put, web};
use shared::{
    auth::{
        Accepted, ChangeEmail, ChangeMobile, ChangePassword, ContactDetails, LoginRequest, Me,
        PasswordResetConfirm, PasswordResetRequest, Preferences, Reauthenticate, RecoveryCodes,
        RefreshRequest, RememberedDevice, SecondFactorAnswer, SecondFactorRequired, SecondFactorStatus,
        SessionInfo, SmsCodeRequest, SmsCodeSent, SmsFactorConfirm, SwitchOrganisation, TokenResponse,
        TotpConfirm, TotpEnrolment,
    },
    error::ErrorBody,
};
use utoipa_actix_web::service_config::ServiceConfig;

use super::{Actor, account, contact, cookies, remembered, reset, second_factor, service, service::Issued};
use crate::{audit::ClientInfo, error::ApiError, state::AppState};

/// Registers this capability's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(login)
        .service(issue_token)
        .service(refresh)
        .service(logout)
        .service(switch_organisation)
        .service(second_factor_answer)
        .service(send_sms_code)
        .service(second_factor_status)
        .service(enrol_totp)
        .service(confirm_totp)
        .service(remove_totp)
        .service(regenerate_recovery_codes)
        .service(change_password)
        .service(list_sessions)
        .service(end_session)
        .service(end_other_sessions)
        .service(request_password_reset)
        .service(confirm_password_reset)
        .service(get_me)
        .service(preferences)
        .service(get_contact)
        .service(change_email)
        .service(change_mobile)
        .service(start_sms_factor)
        .service(confirm_sms_factor)
        .service(remove_sms_factor)
        .service(list_remembered_devices)
        .service(forget_remembered_device)
        .service(forget_all_remembered_devices);
}

fn with_session_cookies(mut res: HttpResponseBuilder, issued: &Issued, secure: bool) -> HttpResponseBuilder {
    res.cookie(cookies::access(
        issued.access_token.clone(),
        issued.access_ttl_secs,
        issued.persistent,
        secure,
    ));
    res.cookie(cookies::refresh(
        issued.refresh_token.clone(),
        issued.session_ttl_secs,
        issued.persistent,
        secure,
    ));
    res
}

/// Sign in with e-mail and password (browser): sets the session cookies.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in; session cookies set", body = Me),
        (status = 202, description = "Password right; answer the second-factor challenge", body = SecondFactorRequired),
        (status = 401, description = "Wrong e-mail or password (same answer for unknown e-mails and locked accounts)", body = ErrorBody),
        (status = 429, description = "Too many wrong passwords; see `Retry-After`", body = ErrorBody),
        (status = 422, description = "Malformed e-mail or empty password", body = ErrorBody),
    )
)]
#[post("/auth/login")]
async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Json<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let device = req.cookie(cookies::DEVICE).map(|c| c.value().to_string()).filter(|v| !v.is_empty());
    let remembered = req.cookie(cookies::REMEMBER).map(|c| c.value().to_string()).filter(|v| !v.is_empty());
    let outcome =
        service::login(&state, body.into_inner(), device, remembered, &ClientInfo::from_request(&req))
            .await?;
    let secure = state.config.cookie_secure;
    Ok(match outcome {
        service::LoginOutcome::SignedIn(signed_in) => {
            let mut res = with_session_cookies(HttpResponse::Ok(), &signed_in.issued, secure);
            if let Some(device) = signed_in.new_device {
                res.cookie(cookies::device(device, secure));
            }
            res.json(signed_in.me)
        }
        service::LoginOutcome::SecondFactor { required, new_device } => {
            let mut res = HttpResponse::Accepted();
            if let Some(device) = new_device {
                res.cookie(cookies::device(device, secure));
            }
            res.json(required)
        }
    })
}

/// Finish signing in with the authenticator app's code or a recovery code.
#[utoipa::path(
    tag = "auth",
    request_body = SecondFactorAnswer,
    responses(
        (status = 200, description = "Signed in; session cookies set (and the 30-day cookie when asked)", body = Me),
        (status = 401, description = "Unknown, expired or exhausted challenge", body = ErrorBody),
        (status = 422, description = "Wrong code (`fields.code.code == \"wrong_code\"`)", body = ErrorBody),
    )
)]
#[post("/auth/second-factor")]
async fn second_factor_answer(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Json<SecondFactorAnswer>,
) -> Result<HttpResponse, ApiError> {
    let (signed_in, remember) =
        service::answer_second_factor(&state, body.into_inner(), &ClientInfo::from_request(&req)).await?;
    let secure = state.config.cookie_secure;
    let mut res = with_session_cookies(HttpResponse::Ok(), &signed_in.issued, secure);
    if let Some(token) = remember {
        res.cookie(cookies::remember(token, secure));
    }
    Ok(res.json(signed_in.me))
}

/// Sign in with e-mail and password (scripts and integrations): returns the tokens in the body.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, body = TokenResponse),
        (status = 202, description = "This person has a second factor", body = SecondFactorRequired),
        (status = 401, body = ErrorBody),
        (status = 422, body = ErrorBody),
        (status = 429, body = ErrorBody),
    )
)]
#[post("/auth/token")]
async fn issue_token(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Json<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let outcome =
        service::login(&state, body.into_inner(), None, None, &ClientInfo::from_request(&req)).await?;
    let issued = match outcome {
        service::LoginOutcome::SignedIn(s) => s.issued,
        // People with a second factor answer the challenge at /auth/second-factor.
        service::LoginOutcome::SecondFactor { required, .. } => {
            return Ok(HttpResponse::Accepted().json(required));
        }
    };
    Ok(HttpResponse::Ok().json(TokenResponse {
        access_token: issued.access_token,
        token_type: "Bearer".into(),
        expires_in: issued.access_ttl_secs,
        refresh_token: issued.refresh_token,
    }))
}

/// Exchange the refresh token (cookie or body) for new tokens. Each refresh token works once;
/// presenting a used one ends the session.
#[utoipa::path(
    tag = "auth",
    request_body(content = Option<RefreshRequest>, description = "Browsers send `{}` and the cookie"),
    responses(
        (status = 200, description = "New tokens (when the refresh token came in the body)", body = TokenResponse),
        (status = 204, description = "New session cookies set"),
        (status = 401, body = ErrorBody),
    )
)]
#[post("/auth/refresh")]
async fn refresh(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Option<web::Json<RefreshRequest>>,
) -> Result<HttpResponse, ApiError> {
    let from_body = body.and_then(|b| b.into_inner().refresh_token);
    let from_cookie = req.cookie(cookies::REFRESH).map(|c| c.value().to_string()).filter(|v| !v.is_empty());
    let client = ClientInfo::from_request(&req);
    match (from_body, from_cookie) {
        (Some(token), _) => {
            let issued = service::refresh(&state, &token, &client).await?;
            Ok(HttpResponse::Ok().json(TokenResponse {
                access_token: issued.access_token,
                token_type: "Bearer".into(),
                expires_in: issued.access_ttl_secs,
                refresh_token: issued.refresh_token,
            }))
        }
        (None, Some(token)) => {
            let issued = service::refresh(&state, &token, &client).await?;
            Ok(with_session_cookies(HttpResponse::NoContent(), &issued, state.config.cookie_secure).finish())
        }
        (None, None) => Err(ApiError::unauthenticated()),
    }
}

/// Sign out: the session ends at once, for every token issued to it.
#[utoipa::path(tag = "auth", responses((status = 204, description = "Signed out; cookies cleared")))]
#[post("/auth/logout")]
async fn logout(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, ApiError> {
    let client = ClientInfo::from_request(&req);
    let actor = Actor::extract(&req).await.ok();
    match actor {
        Some(a) => service::logout(&state, a.session_id, a.user_id, a.organisation_id, &client).await?,
        None => {
            if let Some(c) = req.cookie(cookies::REFRESH) {
                service::logout_by_refresh(&state, c.value(), &client).await?;
            }
        }
    }
    let mut res = HttpResponse::NoContent();
    for c in cookies::cleared(state.config.cookie_secure) {
        res.cookie(c);
    }
    Ok(res.finish())
}

/// Act in another of your organisations.
#[utoipa::path(
    tag = "auth",
    request_body = SwitchOrganisation,
    responses((status = 200, body = Me), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/auth/switch-organisation")]
async fn switch_organisation(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: web::Json<SwitchOrganisation>,
) -> Result<HttpResponse, ApiError> {
    let (me, issued) =
        service::switch_organisation(&state, &actor, body.organisation_id, &ClientInfo::from_request(&req))
            .await?;
    Ok(with_session_cookies(HttpResponse::Ok(), &issued, state.config.cookie_secure).json(me))
}

/// The signed-in person, their organisation, role and rights.
#[utoipa::path(
    tag = "me",
    responses((status = 200, body = Me), (status = 401, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/me")]
async fn get_me(state: web::Data<AppState>, actor: Actor) -> Result<web::Json<Me>, ApiError> {
    Ok(web::Json(service::me_of(&state, &actor).await?))
}

/// Save the interface language; it follows the person to every device.
#[utoipa::path(
    tag = "me",
    request_body = Preferences,
    responses((status = 200, body = Me), (status = 401, body = ErrorBody), (status = 400, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[put("/me/preferences")]
async fn preferences(
    state: web::Data<AppState>,
    actor: Actor,
    body: web::Json<Preferences>,
) -> Result<web::Json<Me>, ApiError> {
    Ok(web::Json(service::set_locale(&state, &actor, body.locale).await?))
}

/// Ask for a password reset link by mail. The answer is the same whether or not the
/// address belongs to an account.
#[utoipa::path(
    tag = "auth",
    request_body = PasswordResetRequest,
    responses((status = 202, body = Accepted), (status = 422, description = "Not an e-mail address", body = ErrorBody))
)]
#[post("/auth/password-reset")]
async fn request_password_reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Json<PasswordResetRequest>,
) -> Result<HttpResponse, ApiError> {
    reset::request(&state, &body.email, &ClientInfo::from_request(&req)).await?;
    Ok(HttpResponse::Accepted().json(Accepted { accepted: true }))
}

/// Set a new password with the token from the mailed link. Signs out every session
/// and lifts a lock.
#[utoipa::path(
    tag = "auth",
    request_body = PasswordResetConfirm,
    responses(
        (status = 204, description = "Password changed; sign in with it"),
        (status = 422, description = "Invalid or expired link (`fields.token`), or a password the policy refuses (`fields.password`)", body = ErrorBody),
    )
)]
#[post("/auth/password-reset/confirm")]
async fn confirm_password_reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Json<PasswordResetConfirm>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    reset::confirm(&state, &body.token, body.password, &ClientInfo::from_request(&req)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Your second factors.
#[utoipa::path(
    tag = "me",
    responses((status = 200, body = SecondFactorStatus), (status = 401, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/me/second-factor")]
async fn second_factor_status(
    state: web::Data<AppState>,
    actor: Actor,
) -> Result<web::Json<SecondFactorStatus>, ApiError> {
    Ok(web::Json(second_factor::status(&state, &actor).await?))
}

/// Start setting up an authenticator app: returns the key and the QR code's URL.
/// Not in force until confirmed with a first code.
#[utoipa::path(
    tag = "me",
    responses((status = 200, body = TotpEnrolment), (status = 409, description = "Already set up", body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/me/totp")]
async fn enrol_totp(state: web::Data<AppState>, actor: Actor) -> Result<web::Json<TotpEnrolment>, ApiError> {
    Ok(web::Json(second_factor::enrol(&state, &actor).await?))
}

/// Confirm the authenticator app with its current code; returns 10 recovery codes, shown once.
#[utoipa::path(
    tag = "me",
    request_body = TotpConfirm,
    responses((status = 200, body = RecoveryCodes), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/me/totp/confirm")]
async fn confirm_totp(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: web::Json<TotpConfirm>,
) -> Result<web::Json<RecoveryCodes>, ApiError> {
    Ok(web::Json(second_factor::confirm(&state, &actor, &body.code, &ClientInfo::from_request(&req)).await?))
}

/// Remove the authenticator app (needs your current password). Remembered browsers are forgotten.
#[utoipa::path(
    tag = "me",
    request_body = Reauthenticate,
    responses((status = 204), (status = 422, description = "Wrong password", body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/me/totp/remove")]
async fn remove_totp(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: web::Json<Reauthenticate>,
) -> Result<HttpResponse, ApiError> {
    second_factor::remove(&state, &actor, body.into_inner().password, &ClientInfo::from_request(&req))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A new set of recovery codes (needs your current password); the old set stops working.
#[utoipa::path(
    tag = "me",
    request_body = Reauthenticate,
    responses((status = 200, body = RecoveryCodes), (status = 422, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/me/recovery-codes")]
async fn regenerate_recovery_codes(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: web::Json<Reauthenticate>,
) -> Result<web::Json<RecoveryCodes>, ApiError> {
    Ok(web::Json(
        second_factor::regenerate(
            &state,
            &actor,
            body.into_inner().password,
            &ClientInfo::from_request(&req),
        )
        .await?,
    ))
}

/// Change your password (needs the current one). Your other sessions end and remembered
/// browsers are forgotten; this session stays signed in.
#[utoipa::path(
    tag = "me",
    request_body = ChangePassword,
    responses(
        (status = 204),
        (status = 422, description = "Wrong current password or a new password the policy refuses", body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/me/password")]
async fn change_password(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: web::Json<ChangePassword>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    account::change_password(
        &state,
        &actor,
        body.current_password,
        body.new_password,
        &ClientInfo::from_request(&req),
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Your active sessions, newest first.
#[utoipa::path(
    tag = "me",
    responses((status = 200, body = Vec<SessionInfo>), (status = 401, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/me/sessions")]
async fn list_sessions(
    state: web::Data<AppState>,
    actor: Actor,
) -> Result<web::Json<Vec<SessionInfo>>, ApiError> {
    Ok(web::Json(account::sessions(&state, &actor).await?))
}

/// End one of your sessions (it is signed out at once).
#[utoipa::path(
    tag = "me",
    params(("id" = Uuid, Path, description = "Session id")),
    responses((status = 204), (status = 404, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[delete("/me/sessions/{id}")]
async fn end_session(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<uuid::Uuid>,
) -> Result<HttpResponse, ApiError> {
    account::end_session(&state, &actor, id.into_inner(), &ClientInfo::from_request(&req)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// End every session except this one.
#[utoipa::path(
    tag = "me",
    responses((status = 204)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/me/sessions/end-others")]
async fn end_other_sessions(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
) -> Result<HttpResponse, ApiError> {
    account::end_other_sessions(&state, &actor, &ClientInfo::from_request(&req)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Send a sign-in code by SMS for this sign-in attempt (when SMS codes are among the
/// `methods`). The code works 10 minutes, once, and only for this attempt; asking again
/// within a minute answers 429 with `Retry-After`.
#[utoipa::path(
    tag = "auth",
    request_body = SmsCodeRequest,
    responses(
        (status = 202, description = "Sent", body = SmsCodeSent),
        (status = 401, description = "Unknown, expired or exhausted challenge", body = ErrorBody),
        (status = 409, description = "This account has no SMS codes", body = ErrorBody),
        (status = 429, description = "Asked again too soon; see `Retry-After`", body = ErrorBody),
    )
)]
#[post("/auth/second-factor/sms")]
async fn send_sms_code(
    state: web::Data<AppState>,
    body: web::Json<SmsCodeRequest>,
) -> Result<HttpResponse, ApiError> {
    let sent = second_factor::send_sign_in_code(&state, &body.challenge).await?;
    Ok(HttpResponse::Accepted().json(sent))
}

/// Your e-mail address and mobile number.
#[utoipa::path(
    tag = "me",
    responses((status = 200, body = ContactDetails), (status = 401, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/me/contact")]
async fn get_contact(
    state: web::Data<AppState>,
    actor: Actor,
) -> Result<web::Json<ContactDetails>, ApiError> {
    Ok(web::Json(contact::contact(&state, &actor).await?))
}

/// Change your e-mail address, which is also your sign-in name (needs your current
/// password). The old address gets a mail saying so.
#[utoipa::path(
    tag = "me",
    request_body = ChangeEmail,
    responses(
        (status = 200, body = ContactDetails),
        (status = 409, description = "The address belongs to another account (`email_taken`)", body = ErrorBody),
        (status = 422, description = "Wrong password (`fields.password`) or not an e-mail address", body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[put("/me/email")]
async fn change_email(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: web::Json<ChangeEmail>,
) -> Result<web::Json<ContactDetails>, ApiError> {
    Ok(web::Json(
        contact::change_email(&state, &actor, body.into_inner(), &ClientInfo::from_request(&req)).await?,
    ))
}

/// Change or remove your mobile number (needs your current password). Dutch numbers may be
/// typed as `06-12345678`; they are kept as `+31612345678`. A new number is unproven: SMS
/// codes stop being your second factor until you confirm it again.
#[utoipa::path(
    tag = "me",
    request_body = ChangeMobile,
    responses(
        (status = 200, body = ContactDetails),
        (status = 422, description = "Wrong password, or not a mobile number (`invalid_mobile`)", body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[put("/me/mobile")]
async fn change_mobile(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: web::Json<ChangeMobile>,
) -> Result<web::Json<ContactDetails>, ApiError> {
    Ok(web::Json(
        contact::change_mobile(&state, &actor, body.into_inner(), &ClientInfo::from_request(&req)).await?,
    ))
}

/// Start using SMS codes as a second factor: a code goes to your mobile number; confirm it.
#[utoipa::path(
    tag = "me",
    responses(
        (status = 202, body = SmsCodeSent),
        (status = 409, description = "No mobile number yet (`no_mobile`)", body = ErrorBody),
        (status = 429, description = "Asked again too soon; see `Retry-After`", body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/me/sms-factor")]
async fn start_sms_factor(state: web::Data<AppState>, actor: Actor) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Accepted().json(contact::start_sms_factor(&state, &actor).await?))
}

/// Confirm your mobile number with the code from the SMS: SMS codes are your second factor
/// from now on. Returns 10 recovery codes when you had none (shown once), else an empty list.
#[utoipa::path(
    tag = "me",
    request_body = SmsFactorConfirm,
    responses(
        (status = 200, body = RecoveryCodes),
        (status = 422, description = "Wrong code (`wrong_code`) or none that works any more (`code_expired`)", body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/me/sms-factor/confirm")]
async fn confirm_sms_factor(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: web::Json<SmsFactorConfirm>,
) -> Result<web::Json<RecoveryCodes>, ApiError> {
    Ok(web::Json(
        contact::confirm_sms_factor(&state, &actor, &body.code, &ClientInfo::from_request(&req)).await?,
    ))
}

/// Stop using SMS codes as a second factor (needs your current password). Remembered
/// browsers are forgotten.
#[utoipa::path(
    tag = "me",
    request_body = Reauthenticate,
    responses((status = 204), (status = 422, description = "Wrong password", body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/me/sms-factor/remove")]
async fn remove_sms_factor(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: web::Json<Reauthenticate>,
) -> Result<HttpResponse, ApiError> {
    contact::remove_sms_factor(&state, &actor, body.into_inner().password, &ClientInfo::from_request(&req))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The browsers that skip your second factor for 30 days ("remember this browser"), newest first.
#[utoipa::path(
    tag = "me",
    responses((status = 200, body = Vec<RememberedDevice>), (status = 401, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/me/remembered-devices")]
async fn list_remembered_devices(
    state: web::Data<AppState>,
    actor: Actor,
) -> Result<web::Json<Vec<RememberedDevice>>, ApiError> {
    Ok(web::Json(remembered::list(&state, &actor).await?))
}

/// Forget one remembered browser: it asks for the second factor again.
#[utoipa::path(
    tag = "me",
    params(("id" = String, Path, description = "Remembered browser id")),
    responses((status = 204), (status = 404, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[delete("/me/remembered-devices/{id}")]
async fn forget_remembered_device(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    remembered::forget(&state, &actor, &id, &ClientInfo::from_request(&req)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Forget every remembered browser.
#[utoipa::path(tag = "me", responses((status = 204)), security(("cookie" = []), ("bearer" = [])))]
#[post("/me/remembered-devices/forget-all")]
async fn forget_all_remembered_devices(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
) -> Result<HttpResponse, ApiError> {
    remembered::forget_all(&state, &actor, &ClientInfo::from_request(&req)).await?;
    Ok(HttpResponse::NoContent().finish())
}
