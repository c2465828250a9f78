//! Typed client for the Poort API, over the `shared` types.
//!
//! Sessions live in HttpOnly cookies the browser sends by itself (same
//! origin). The access cookie is short-lived: when a call answers 401, the
//! client refreshes the session once and repeats the call. When the refresh
//! fails too, the session is over and the registered handler sends the person
//! to the sign-in page.

use std::cell::RefCell;

use futures_util::future::{FutureExt, LocalBoxFuture, Shared};
use reqwest::{Method, StatusCode};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use shared::auth::{LoginRequest, Me, Preferences, SwitchOrganisation};
use shared::error::{ErrorBody, ErrorKind};
use shared::status::PlatformStatus;
use uuid::Uuid;

use crate::browser;

const LOGIN: &str = "/api/v1/auth/login";
const REFRESH: &str = "/api/v1/auth/refresh";
const LOGOUT: &str = "/api/v1/auth/logout";
const SWITCH_ORGANISATION: &str = "/api/v1/auth/switch-organisation";
const ME: &str = "/api/v1/me";
const PREFERENCES: &str = "/api/v1/me/preferences";
const STATUS: &str = "/api/v1/status";

/// Why a call failed.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The server answered with its error body.
    Server(ErrorBody),
    /// The server could not be reached.
    Network,
    /// The server answered something this client does not understand.
    Unexpected(u16),
}

impl ApiError {
    /// The server's error kind, if it sent one.
    pub fn kind(&self) -> Option<ErrorKind> {
        match self {
            Self::Server(body) => Some(body.error),
            _ => None,
        }
    }
}

thread_local! {
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

/// `POST /api/v1/auth/login`: signs in and sets the session cookies.
pub async fn login(request: &LoginRequest) -> Result<Me, ApiError> {
    json(call(Method::POST, LOGIN, Some(to_body(request)?)).await?).await
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

fn to_body(value: &impl Serialize) -> Result<Value, ApiError> {
    serde_json::to_value(value).map_err(|_| ApiError::Unexpected(0))
}

/// Sends a request; on a 401 refreshes the session once and repeats it.
async fn call(method: Method, path: &str, body: Option<Value>) -> Result<reqwest::Response, ApiError> {
    let response = send(method.clone(), path, body.as_ref()).await?;
    if response.status() != StatusCode::UNAUTHORIZED || path == LOGIN || path == REFRESH {
        return check(response).await;
    }
    if refresh().await {
        let retried = send(method, path, body.as_ref()).await?;
        if retried.status() != StatusCode::UNAUTHORIZED {
            return check(retried).await;
        }
        session_ended();
        return check(retried).await;
    }
    session_ended();
    check(response).await
}

async fn send(method: Method, path: &str, body: Option<&Value>) -> Result<reqwest::Response, ApiError> {
    let origin = browser::origin().ok_or(ApiError::Network)?;
    let mut request = reqwest::Client::new()
        .request(method, format!("{origin}{path}"))
        .header(reqwest::header::ACCEPT, "application/json");
    if let Some(body) = body {
        // Sets `Content-Type: application/json`, which the server's CSRF
        // defence requires of every state-changing request.
        request = request.json(body);
    }
    request.send().await.map_err(|_| ApiError::Network)
}

/// Refreshes the session, joining a refresh that is already under way.
async fn refresh() -> bool {
    let pending = REFRESHING.with(|slot| {
        slot.borrow_mut()
            .get_or_insert_with(|| {
                async {
                    let body = Value::Object(Default::default());
                    let ok = matches!(send(Method::POST, REFRESH, Some(&body)).await, Ok(r) if r.status().is_success());
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
    match response.json::<ErrorBody>().await {
        Ok(body) => Err(ApiError::Server(body)),
        Err(_) => Err(ApiError::Unexpected(status.as_u16())),
    }
}

async fn json<T: DeserializeOwned>(response: reqwest::Response) -> Result<T, ApiError> {
    let status = response.status().as_u16();
    response.json::<T>().await.map_err(|_| ApiError::Unexpected(status))
}
