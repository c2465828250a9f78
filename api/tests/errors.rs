//! Every kind of bad input gets the one error shape with the right status, and
//! nothing leaks or changes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use common::*;
use serde_json::json;

#[actix_web::test]
async fn malformed_json_wrong_types_and_unknown_fields_are_400() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let bodies = [
        r#"{"email": "anna.jansen@delinde.example", "password": "#,
        r#"{"email": 42, "password": "x"}"#,
        r#"{"email": "anna.jansen@delinde.example", "password": "x", "role": "administrator"}"#,
        r#"[]"#,
    ];
    for body in bodies {
        let req = browser(Method::POST, "/api/v1/auth/login")
            .insert_header(("content-type", "application/json"))
            .set_payload(body);
        let res = send(&app, req).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST, "{body}: {}", res.text());
        assert_eq!(res.error_kind(), "bad_request");
        assert!(res.cookies().is_empty());
    }
}

#[actix_web::test]
async fn non_json_bodies_are_415() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let req = browser(Method::POST, "/api/v1/auth/login")
        .insert_header(("content-type", "application/x-www-form-urlencoded"))
        .set_payload("email=a&password=b");
    let res = send(&app, req).await;
    assert_eq!(res.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(res.error_kind(), "unsupported_media_type");
}

#[actix_web::test]
async fn oversized_bodies_are_refused_by_their_declared_length() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let req = browser(Method::POST, "/api/v1/auth/login")
        .insert_header(("content-type", "application/json"))
        .set_payload("{}")
        .insert_header(("content-length", "10000000"));
    let res = send(&app, req).await;
    assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(res.error_kind(), "payload_too_large");
}

#[actix_web::test]
async fn unknown_api_routes_and_bad_ids_are_json_404s() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let session = login(&app, ANNA).await;
    for (method, path) in [
        (Method::GET, "/api/v1/nope"),
        (Method::GET, "/api/nope"),
        (Method::DELETE, "/api/v1/me"),
        (Method::GET, "/api/v1/teams/not-a-uuid"),
        (Method::GET, "/api/v1/teams/01a20472-969d-7629-86db-319ba205fb3a"),
    ] {
        let res = send(&app, session.on(browser(method.clone(), path))).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND, "{method} {path}: {}", res.text());
        assert_eq!(res.error_kind(), "not_found");
        assert_eq!(res.header("content-type").as_deref(), Some("application/json"));
    }
}

#[actix_web::test]
async fn every_response_carries_a_request_id_and_security_headers() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let res = send(&app, browser(Method::GET, "/api/v1/me")).await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    let id = res.header("x-request-id").unwrap();
    assert_eq!(res.json()["request_id"], json!(id));
    let csp = res.header("content-security-policy").unwrap();
    assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval'"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(res.header("x-content-type-options").as_deref(), Some("nosniff"));
    assert_eq!(res.header("referrer-policy").as_deref(), Some("no-referrer"));
    assert_eq!(res.header("cache-control").as_deref(), Some("no-store"));
    // Plain http here: no HSTS, which would be a lie without TLS.
    assert!(res.header("strict-transport-security").is_none());

    let https = actix_web::test::TestRequest::get().uri("https://poort.example/healthz");
    let res = send(&app, https).await;
    assert!(res.header("strict-transport-security").is_some());
    let other = send(&app, browser(Method::GET, "/healthz")).await;
    assert_ne!(other.header("x-request-id"), Some(id));
}

#[actix_web::test]
async fn database_failures_are_500s_without_database_text() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let session = login(&app, ANNA).await;
    // Break the database underneath the running app.
    use sea_orm::ConnectionTrait;
    t.state.db.write.execute_unprepared("DROP TABLE team_members").await.unwrap();
    let res = send(&app, session.on(browser(Method::GET, "/api/v1/teams"))).await;
    assert_eq!(res.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(res.error_kind(), "internal");
    let text = res.text().to_lowercase();
    for leak in ["team_members", "sqlite", "postgres", "no such table", "relation", "select"] {
        assert!(!text.contains(leak), "{leak} leaked: {text}");
    }
}
