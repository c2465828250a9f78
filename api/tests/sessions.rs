//! Sign-in, sessions, tokens and sign-out through the real app.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use common::*;
use serde_json::json;

#[actix_web::test]
async fn sign_in_sets_http_only_strict_cookies_and_me_shows_the_person() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let res = send(
        &app,
        browser(Method::POST, "/api/v1/auth/login")
            .set_json(json!({"email": " Anna.Jansen@DeLinde.example ", "password": PASSWORD})),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["name"], "Anna Jansen");
    let cookies = res.cookies();
    let names: Vec<&str> = cookies.iter().map(|c| c.name()).collect();
    assert_eq!(names, vec!["poort_access", "poort_refresh", "poort_device"]);
    for c in &cookies {
        assert_eq!(c.http_only(), Some(true), "{c}");
        assert_eq!(c.secure(), Some(true), "{c}");
        assert_eq!(c.same_site(), Some(actix_web::cookie::SameSite::Strict), "{c}");
    }
    let session = Session { cookies };
    let me = send(&app, session.on(browser(Method::GET, "/api/v1/me"))).await;
    assert_eq!(me.status, StatusCode::OK);
    let me = me.json();
    assert_eq!(me["organisation_name"], "Thuiszorg De Linde");
    assert_eq!(me["role"], "employee");
    assert_eq!(me["locale"], "nl");
    assert_eq!(me["memberships"].as_array().unwrap().len(), 1);
}

#[actix_web::test]
async fn wrong_password_and_unknown_email_get_the_same_answer() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let attempt = |email: &'static str| {
        browser(Method::POST, "/api/v1/auth/login")
            .set_json(json!({"email": email, "password": "wrong-password-123"}))
    };
    let wrong = send(&app, attempt(ANNA)).await;
    let unknown = send(&app, attempt("nobody@delinde.example")).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(unknown.status, wrong.status);
    let (mut a, mut b) = (wrong.json(), unknown.json());
    assert_eq!(a["error"], "invalid_credentials");
    a["request_id"] = json!(null);
    b["request_id"] = json!(null);
    assert_eq!(a, b);
    assert!(wrong.cookies().is_empty());
}

#[actix_web::test]
async fn sign_in_validates_fields_and_refuses_huge_passwords_quickly() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let res = send(
        &app,
        browser(Method::POST, "/api/v1/auth/login")
            .set_json(json!({"email": "not-an-email", "password": ""})),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.json();
    assert_eq!(body["fields"]["email"]["code"], "invalid_email");
    assert_eq!(body["fields"]["password"]["code"], "required");

    let huge = "x".repeat(2_000);
    let res = send(
        &app,
        browser(Method::POST, "/api/v1/auth/login").set_json(json!({"email": ANNA, "password": huge})),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["password"]["code"], "too_long");

    // A 1 MB password never reaches the parser: the body is refused by size.
    let mega = "x".repeat(1024 * 1024);
    let res = send(
        &app,
        browser(Method::POST, "/api/v1/auth/login").set_json(json!({"email": ANNA, "password": mega})),
    )
    .await;
    assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(res.error_kind(), "payload_too_large");
}

#[actix_web::test]
async fn bearer_tokens_work_for_integrations() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let (access, _) = token(&app, EVA).await;
    let res = send(&app, bearer(Method::GET, "/api/v1/me", &access)).await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json()["organisation_name"], "Bouwbedrijf Van Dijk B.V.");
}

#[actix_web::test]
async fn sign_out_ends_the_session_at_once_even_for_unexpired_tokens() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let mut session = login(&app, ANNA).await;
    let access = session.cookie("poort_access").unwrap();
    let res = send(&app, session.on(browser(Method::POST, "/api/v1/auth/logout")).set_json(json!({}))).await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    session.update(&res);
    assert!(
        session.cookie("poort_access").is_none() && session.cookie("poort_refresh").is_none(),
        "cookies should be cleared"
    );
    assert!(session.cookie("poort_device").is_some(), "the browser stays known");
    // The JWT is still within its lifetime and correctly signed, but its session has ended.
    let res = send(&app, bearer(Method::GET, "/api/v1/me", &access)).await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    assert_eq!(res.error_kind(), "unauthenticated");
}

#[actix_web::test]
async fn expired_access_tokens_are_refused_and_the_refresh_cookie_renews_them() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let mut session = login(&app, ANNA).await;
    t.clock.advance(chrono::Duration::minutes(16));
    let res = send(&app, session.on(browser(Method::GET, "/api/v1/me"))).await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    let res = send(&app, session.on(browser(Method::POST, "/api/v1/auth/refresh")).set_json(json!({}))).await;
    assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.text());
    session.update(&res);
    let res = send(&app, session.on(browser(Method::GET, "/api/v1/me"))).await;
    assert_eq!(res.status, StatusCode::OK);
}

#[actix_web::test]
async fn a_refresh_token_used_twice_ends_the_whole_session() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let (_, first) = token(&app, ANNA).await;
    let refresh =
        |tok: &str| test_request_post("/api/v1/auth/refresh").set_json(json!({"refresh_token": tok}));
    let res = send(&app, refresh(&first)).await;
    assert_eq!(res.status, StatusCode::OK);
    let j = res.json();
    let (access2, second) =
        (j["access_token"].as_str().unwrap().to_string(), j["refresh_token"].as_str().unwrap().to_string());
    assert_eq!(send(&app, bearer(Method::GET, "/api/v1/me", &access2)).await.status, StatusCode::OK);

    // The first token again: a replay. Refused, and everything issued to the session dies with it.
    let res = send(&app, refresh(&first)).await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        send(&app, bearer(Method::GET, "/api/v1/me", &access2)).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(send(&app, refresh(&second)).await.status, StatusCode::UNAUTHORIZED);
}

fn test_request_post(path: &str) -> actix_web::test::TestRequest {
    actix_web::test::TestRequest::post().uri(path)
}

#[actix_web::test]
async fn forged_tampered_and_alg_none_tokens_are_refused() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let (access, _) = token(&app, ANNA).await;
    let parts: Vec<&str> = access.split('.').collect();
    let claims: serde_json::Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();

    // Same claims, no signature, alg=none.
    let none_header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
    let none = format!("{none_header}.{}.", parts[1]);
    // Claims changed to another user, original signature kept.
    let mut other = claims.clone();
    other["sub"] = json!(uuid::Uuid::now_v7());
    let tampered = format!("{}.{}.{}", parts[0], URL_SAFE_NO_PAD.encode(other.to_string()), parts[2]);
    // Signed with a key that is not the server's.
    let (private, public) = poort::auth::tokens::TokenKeys::generate_pem().unwrap();
    let foreign = poort::auth::tokens::TokenKeys::from_pem(&private, &public).unwrap();
    let forged = foreign
        .issue(
            claims["sub"].as_str().unwrap().parse().unwrap(),
            claims["sid"].as_str().unwrap().parse().unwrap(),
            claims["org"].as_str().unwrap().parse().unwrap(),
            poort::clock::Clock::now(&t.clock),
            900,
        )
        .unwrap();
    for bad in [none, tampered, forged, "garbage".to_string()] {
        let res = send(&app, bearer(Method::GET, "/api/v1/me", &bad)).await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED, "{bad}");
        assert_eq!(res.error_kind(), "unauthenticated");
    }
}

#[actix_web::test]
async fn a_person_in_two_organisations_switches_between_them() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let mut session = login(&app, LOTTE).await;
    let me = send(&app, session.on(browser(Method::GET, "/api/v1/me"))).await.json();
    assert_eq!(me["organisation_name"], "ArboZorg Zeeland");
    let other = me["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["organisation_name"] == "Bouwbedrijf Van Dijk B.V.")
        .unwrap()["organisation_id"]
        .clone();
    let old_access = session.cookie("poort_access").unwrap();
    let res = send(
        &app,
        session
            .on(browser(Method::POST, "/api/v1/auth/switch-organisation"))
            .set_json(json!({"organisation_id": other})),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    session.update(&res);
    let me = send(&app, session.on(browser(Method::GET, "/api/v1/me"))).await.json();
    assert_eq!(me["organisation_name"], "Bouwbedrijf Van Dijk B.V.");
    assert_eq!(me["role"], "case_manager");
    // The session of the other organisation has ended.
    assert_eq!(
        send(&app, bearer(Method::GET, "/api/v1/me", &old_access)).await.status,
        StatusCode::UNAUTHORIZED
    );

    // An organisation Lotte does not belong to.
    let eva = login(&app, EVA).await;
    let _ = eva;
    let res = send(
        &app,
        session
            .on(browser(Method::POST, "/api/v1/auth/switch-organisation"))
            .set_json(json!({"organisation_id": uuid::Uuid::now_v7()})),
    )
    .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn the_chosen_language_is_kept_on_the_account() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let session = login(&app, ANNA).await;
    let res = send(
        &app,
        session.on(browser(Method::PUT, "/api/v1/me/preferences")).set_json(json!({"locale": "en"})),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK);
    let again = login(&app, ANNA).await;
    let me = send(&app, again.on(browser(Method::GET, "/api/v1/me"))).await.json();
    assert_eq!(me["locale"], "en");
    let res = send(
        &app,
        session.on(browser(Method::PUT, "/api/v1/me/preferences")).set_json(json!({"locale": "de"})),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
}

#[actix_web::test]
async fn cross_site_requests_with_cookies_are_refused_and_change_nothing() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let session = login(&app, ANNA).await;
    let forged = session
        .on(actix_web::test::TestRequest::put().uri("/api/v1/me/preferences"))
        .insert_header(("sec-fetch-site", "cross-site"))
        .insert_header(("origin", "https://evil.example"))
        .set_json(json!({"locale": "en"}));
    let res = send(&app, forged).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(res.error_kind(), "csrf_rejected");
    let me = send(&app, session.on(browser(Method::GET, "/api/v1/me"))).await.json();
    assert_eq!(me["locale"], "nl");
    // An old browser without fetch metadata but with a foreign Origin.
    let forged = session
        .on(actix_web::test::TestRequest::post().uri("/api/v1/auth/logout"))
        .insert_header(("origin", "https://evil.example"))
        .set_json(json!({}));
    assert_eq!(send(&app, forged).await.status, StatusCode::FORBIDDEN);
    assert_eq!(send(&app, session.on(browser(Method::GET, "/api/v1/me"))).await.status, StatusCode::OK);
}

#[actix_web::test]
async fn many_simultaneous_sign_ins_never_hit_a_locked_database() {
    // Every sign-in writes a session, a refresh token and an audit event. On SQLite the
    // writes queue for the single writer connection instead of failing with "database is locked".
    let t = TestApp::new().await;
    let app = t.service().await;
    let emails = [ANNA, EVA, FATIMA, LOTTE, HELPDESK];
    let attempts = (0..15).map(|i| {
        let email = emails[i % emails.len()];
        send(
            &app,
            browser(Method::POST, "/api/v1/auth/login")
                .set_json(json!({"email": email, "password": PASSWORD})),
        )
    });
    for r in futures_util::future::join_all(attempts).await {
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    }
    let fatima = login(&app, FATIMA).await;
    let creations = (0..40).map(|i| {
        send(
            &app,
            fatima
                .on(browser(Method::POST, "/api/v1/teams"))
                .set_json(json!({"name": format!("Team {i:02}")})),
        )
    });
    for r in futures_util::future::join_all(creations).await {
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    }
}

#[actix_web::test]
async fn stay_signed_in_keeps_the_session_for_thirty_days_and_otherwise_it_ends_with_the_browser() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let sign_in = |stay: bool| {
        browser(Method::POST, "/api/v1/auth/login")
            .set_json(json!({"email": ANNA, "password": PASSWORD, "stay_signed_in": stay}))
    };
    let short = send(&app, sign_in(false)).await;
    let refresh_cookie = short.cookies().into_iter().find(|c| c.name() == "poort_refresh").unwrap();
    assert_eq!(refresh_cookie.max_age(), None, "a browser-session cookie");
    let mut short = Session { cookies: short.cookies() };

    let long = send(&app, sign_in(true)).await;
    let refresh_cookie = long.cookies().into_iter().find(|c| c.name() == "poort_refresh").unwrap();
    assert_eq!(refresh_cookie.max_age(), Some(actix_web::cookie::time::Duration::days(30)));
    let mut long = Session { cookies: long.cookies() };

    // Thirteen hours later the ordinary session has ended; the kept one refreshes and stays kept.
    t.clock.advance(chrono::Duration::hours(13));
    let res = send(&app, short.on(browser(Method::POST, "/api/v1/auth/refresh")).set_json(json!({}))).await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    short.update(&res);
    let res = send(&app, long.on(browser(Method::POST, "/api/v1/auth/refresh")).set_json(json!({}))).await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    assert!(res.cookies().iter().find(|c| c.name() == "poort_refresh").unwrap().max_age().is_some());
    long.update(&res);
    assert_eq!(send(&app, long.on(browser(Method::GET, "/api/v1/me"))).await.status, StatusCode::OK);
    // The fixed maximum: thirty days after signing in, it ends too.
    t.clock.advance(chrono::Duration::days(30));
    let res = send(&app, long.on(browser(Method::POST, "/api/v1/auth/refresh")).set_json(json!({}))).await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
}
