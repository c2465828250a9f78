//! Cross-site request forgery protection for cookie sessions. Browsers send
//! `Sec-Fetch-Site` (and `Origin`) on every state-changing request; a request
//! from another site is refused before any handler runs. Integrations sending
//! `Authorization: Bearer` carry no ambient credentials and are not affected,
//! and neither are non-browser clients that send no cookies.

use actix_web::{
    Error,
    body::MessageBody,
    dev::{ServiceRequest, ServiceResponse},
    http::{Method, header},
    middleware::Next,
    web,
};
use shared::error::ErrorKind;

use crate::{error::ApiError, state::AppState};

/// The verdict for one request, as a pure function of its headers.
pub fn allowed(
    method: &Method,
    sec_fetch_site: Option<&str>,
    origin: Option<&str>,
    own_origins: &[String],
    has_bearer: bool,
    has_cookies: bool,
) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) || has_bearer {
        return true;
    }
    if let Some(site) = sec_fetch_site {
        return site == "same-origin" || site == "none";
    }
    if let Some(origin) = origin {
        return own_origins.iter().any(|o| o.eq_ignore_ascii_case(origin));
    }
    // No browser signal at all: only safe when there is no ambient credential.
    !has_cookies
}

/// The middleware for the `/api` scope.
pub async fn csrf(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let headers = req.headers();
    let get = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    let has_bearer =
        get(header::AUTHORIZATION).is_some_and(|v| v.len() > 7 && v[..7].eq_ignore_ascii_case("bearer "));
    let has_cookies = !req.cookies().map(|c| c.is_empty()).unwrap_or(true);
    let mut own = Vec::with_capacity(2);
    if let Some(state) = req.app_data::<web::Data<AppState>>() {
        own.push(state.config.public_url());
    }
    own.push({
        let info = req.connection_info();
        format!("{}://{}", info.scheme(), info.host())
    });
    let ok = allowed(
        req.method(),
        get(header::HeaderName::from_static("sec-fetch-site")),
        get(header::ORIGIN),
        &own,
        has_bearer,
        has_cookies,
    );
    if !ok {
        tracing::warn!(path = %req.path(), "cross-site request refused");
        return Err(ApiError::new(ErrorKind::CsrfRejected, "Cross-site request refused").into());
    }
    next.call(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn own() -> Vec<String> {
        vec!["https://poort.example".into()]
    }

    #[test]
    fn safe_methods_and_bearer_requests_pass() {
        assert!(allowed(&Method::GET, Some("cross-site"), None, &own(), false, true));
        assert!(allowed(&Method::POST, Some("cross-site"), None, &own(), true, true));
    }

    #[test]
    fn cross_site_posts_are_refused() {
        assert!(!allowed(&Method::POST, Some("cross-site"), None, &own(), false, true));
        assert!(!allowed(&Method::POST, Some("same-site"), None, &own(), false, true));
        assert!(allowed(&Method::POST, Some("same-origin"), None, &own(), false, true));
    }

    #[test]
    fn origin_is_checked_when_fetch_metadata_is_missing() {
        assert!(allowed(&Method::PUT, None, Some("https://poort.example"), &own(), false, true));
        assert!(!allowed(&Method::PUT, None, Some("https://evil.example"), &own(), false, true));
    }

    #[test]
    fn headerless_requests_pass_only_without_cookies() {
        assert!(allowed(&Method::POST, None, None, &own(), false, false));
        assert!(!allowed(&Method::POST, None, None, &own(), false, true));
    }
}
