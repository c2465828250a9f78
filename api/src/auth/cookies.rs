//! The session cookies: HttpOnly (no script can read them), SameSite=Strict
//! and Secure. The refresh cookie is only sent to the auth endpoints.

use actix_web::cookie::{Cookie, SameSite, time::Duration};

/// Holds the access token (JWT).
pub const ACCESS: &str = "poort_access";
/// Holds the refresh token.
pub const REFRESH: &str = "poort_refresh";
/// Identifies a browser a person signed in from before, so strangers' wrong
/// passwords never slow that browser down.
pub const DEVICE: &str = "poort_device";
const REFRESH_PATH: &str = "/api/v1/auth";
/// How long a browser stays known (the longest cookie lifetime browsers allow).
const DEVICE_MAX_AGE_SECS: i64 = 400 * 24 * 3600;

fn build(
    name: &'static str,
    value: String,
    path: &'static str,
    max_age_secs: i64,
    secure: bool,
) -> Cookie<'static> {
    let mut c = browser_session(name, value, path, secure);
    c.set_max_age(Duration::seconds(max_age_secs.max(0)));
    c
}

/// A cookie without Max-Age: the browser forgets it when it closes.
fn browser_session(name: &'static str, value: String, path: &'static str, secure: bool) -> Cookie<'static> {
    Cookie::build(name, value).path(path).http_only(true).secure(secure).same_site(SameSite::Strict).finish()
}

/// The access cookie; `persistent` ("stay signed in") lets it outlive the browser.
pub fn access(token: String, ttl_secs: i64, persistent: bool, secure: bool) -> Cookie<'static> {
    if persistent {
        build(ACCESS, token, "/api", ttl_secs, secure)
    } else {
        browser_session(ACCESS, token, "/api", secure)
    }
}

/// The refresh cookie, living as long as the session (or the browser, without "stay signed in").
pub fn refresh(token: String, max_age_secs: i64, persistent: bool, secure: bool) -> Cookie<'static> {
    if persistent {
        build(REFRESH, token, REFRESH_PATH, max_age_secs, secure)
    } else {
        browser_session(REFRESH, token, REFRESH_PATH, secure)
    }
}

/// The device cookie.
pub fn device(token: String, secure: bool) -> Cookie<'static> {
    build(DEVICE, token, REFRESH_PATH, DEVICE_MAX_AGE_SECS, secure)
}

/// Remembers that this browser passed the second factor (30 days, seed 002).
pub const REMEMBER: &str = "poort_remember";

/// The remember-this-browser cookie.
pub fn remember(token: String, secure: bool) -> Cookie<'static> {
    build(REMEMBER, token, REFRESH_PATH, 30 * 24 * 3600, secure)
}

/// Cookies that make the browser forget both.
pub fn cleared(secure: bool) -> [Cookie<'static>; 2] {
    [build(ACCESS, String::new(), "/api", 0, secure), build(REFRESH, String::new(), REFRESH_PATH, 0, secure)]
}
