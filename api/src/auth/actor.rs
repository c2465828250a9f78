//! The `Actor` extractor: who is calling, in which organisation, with which
//! role and rights. Read from the session row on every request, so a revoked
//! session or right stops working on the very next request.

use std::{future::Future, pin::Pin};

use actix_web::{FromRequest, HttpRequest, dev::Payload, http::header, web};
use shared::{
    auth::{Right, Role},
    i18n::Locale,
};
use uuid::Uuid;

use super::{cookies, store};
use crate::{error::ApiError, state::AppState};

/// The signed-in caller.
#[derive(Debug, Clone)]
pub struct Actor {
    /// The person.
    pub user_id: Uuid,
    /// The session.
    pub session_id: Uuid,
    /// The organisation the session acts in: the tenant of every query.
    pub organisation_id: Uuid,
    /// Role in that organisation.
    pub role: Role,
    /// Rights in that organisation.
    pub rights: Vec<Right>,
    /// Whether this is the organisation's main contact.
    pub main_contact: bool,
    /// Platform helpdesk staff.
    pub helpdesk: bool,
    /// Full name.
    pub name: String,
    /// E-mail address.
    pub email: String,
    /// Interface language.
    pub locale: Locale,
    /// The password is temporary and must be changed before anything else.
    pub must_change_password: bool,
    /// The organisation requires a second factor the person has not set up.
    pub must_set_up_second_factor: bool,
}

/// What a restricted session may still call: enough to see who you are, fix the
/// restriction, change language and sign out.
fn allowed_while_restricted(
    actor: &Actor,
    method: &actix_web::http::Method,
    path: &str,
) -> Result<(), ApiError> {
    use actix_web::http::Method;
    use shared::error::ErrorKind;
    let always = (*method == Method::GET && path == "/api/v1/me")
        || path == "/api/v1/me/preferences"
        || path == "/api/v1/auth/logout"
        || path == "/api/v1/auth/switch-organisation";
    if always {
        return Ok(());
    }
    if actor.must_change_password {
        return if path == "/api/v1/me/password" {
            Ok(())
        } else {
            Err(ApiError::new(ErrorKind::PasswordChangeRequired, "Change your temporary password first"))
        };
    }
    if actor.must_set_up_second_factor {
        let setting_up = path.starts_with("/api/v1/me/totp")
            || path.starts_with("/api/v1/me/sms-factor")
            || path == "/api/v1/me/second-factor"
            || path == "/api/v1/me/contact"
            || path == "/api/v1/me/mobile";
        return if setting_up {
            Ok(())
        } else {
            Err(ApiError::new(ErrorKind::SecondFactorSetupRequired, "Set up a second factor first"))
        };
    }
    Ok(())
}

/// The tenant boundary every store function takes. Only an `Actor` makes one,
/// so a tenant can never come from a request body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scope {
    organisation_id: Uuid,
}

impl Scope {
    /// The scope of an authenticated API client (only `integrations::caller` makes one).
    pub(crate) fn for_client(organisation_id: Uuid) -> Self {
        Self { organisation_id }
    }

    /// The organisation all queries are limited to.
    pub fn organisation_id(&self) -> Uuid {
        self.organisation_id
    }
}

impl Actor {
    /// The tenant scope of this actor.
    pub fn scope(&self) -> Scope {
        Scope { organisation_id: self.organisation_id }
    }

    /// Whether the actor holds `right`.
    pub fn has(&self, right: Right) -> bool {
        self.rights.contains(&right)
    }

    /// 403 unless the actor holds `right`.
    pub fn require(&self, right: Right) -> Result<(), ApiError> {
        if self.has(right) { Ok(()) } else { Err(ApiError::forbidden()) }
    }

    /// 403 unless the actor is platform helpdesk staff.
    pub fn require_helpdesk(&self) -> Result<(), ApiError> {
        if self.helpdesk { Ok(()) } else { Err(ApiError::forbidden()) }
    }
}

/// The access token from `Authorization: Bearer` or, for the browser, the cookie.
pub fn bearer_or_cookie(req: &HttpRequest) -> Option<String> {
    if let Some(value) = req.headers().get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()) {
        let (scheme, token) = value.split_once(' ')?;
        return scheme.eq_ignore_ascii_case("bearer").then(|| token.trim().to_string());
    }
    req.cookie(cookies::ACCESS).map(|c| c.value().to_string()).filter(|v| !v.is_empty())
}

impl FromRequest for Actor {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = bearer_or_cookie(req);
        let method = req.method().clone();
        let path = req.path().to_string();
        Box::pin(async move {
            let state = state.ok_or_else(|| ApiError::internal("AppState missing"))?;
            let token = token.ok_or_else(ApiError::unauthenticated)?;
            let now = state.clock.now();
            let claims = state.keys.verify(&token, now).ok_or_else(ApiError::unauthenticated)?;
            Actor::from_claims(&state, &claims, &method, &path).await
        })
    }
}

impl Actor {
    /// The person behind verified claims (for extractors that verified the token already).
    pub async fn from_claims(
        state: &AppState,
        claims: &super::tokens::Claims,
        method: &actix_web::http::Method,
        path: &str,
    ) -> Result<Actor, ApiError> {
        // API client tokens act only where an endpoint accepts a `Caller`.
        if claims.scope.is_some() {
            return Err(ApiError::unauthenticated());
        }
        let actor = store::actor(&state.db.read, claims.sid, claims.sub, claims.org, state.clock.now())
            .await?
            .ok_or_else(ApiError::unauthenticated)?;
        allowed_while_restricted(&actor, method, path)?;
        Ok(actor)
    }
}
