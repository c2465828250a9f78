//! Operations endpoints, the OpenAPI document, the docs UI and the browser app host.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use common::*;
use poort::config::Config;

#[actix_web::test]
async fn health_readiness_and_metrics() {
    let t = TestApp::new().await;
    let app = t.service().await;
    assert_eq!(send(&app, browser(Method::GET, "/healthz")).await.status, StatusCode::OK);
    let ready = send(&app, browser(Method::GET, "/readyz")).await;
    assert_eq!(ready.status, StatusCode::OK);
    assert_eq!(ready.json()["status"], "ready");
    let _ = send(&app, browser(Method::GET, "/api/v1/me")).await;
    let _ = send(&app, browser(Method::GET, "/api/v1/teams/abc")).await;
    let metrics = send(&app, browser(Method::GET, "/metrics")).await;
    assert_eq!(metrics.status, StatusCode::OK);
    let text = metrics.text();
    assert!(
        text.contains(r#"poort_http_requests_total{method="GET",route="/api/v1/me",status="401"} 1"#),
        "{text}"
    );
    // Routes are labelled by pattern, so ids do not explode the label set.
    assert!(text.contains(r#"route="/api/v1/teams/{id}""#), "{text}");
    assert!(text.contains("poort_http_request_duration_seconds_bucket"));
}

#[actix_web::test]
async fn the_committed_openapi_yaml_matches_the_code() {
    let generated = poort::openapi::to_yaml(&poort::app::spec()).unwrap();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi.yaml");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "openapi.yaml is out of date: run `cargo run -p poort-api -- openapi` and commit the result"
    );
    let spec: serde_json::Value = serde_yaml_ng::from_str(&generated).unwrap();
    assert_eq!(spec["openapi"], "3.1.0");
    for path in ["/api/v1/auth/login", "/api/v1/me", "/api/v1/teams", "/api/v1/teams/{id}", "/api/v1/status"]
    {
        assert!(spec["paths"].get(path).is_some(), "{path} missing from the spec");
    }
}

#[actix_web::test]
async fn the_spec_and_docs_are_served() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let spec = send(&app, browser(Method::GET, "/api/openapi.json")).await;
    assert_eq!(spec.status, StatusCode::OK);
    assert_eq!(spec.json()["info"]["title"], "Poort API");
    let docs = send(&app, browser(Method::GET, "/api/docs/")).await;
    assert_eq!(docs.status, StatusCode::OK);
    assert!(docs.text().contains("swagger"), "{}", docs.text());
}

#[actix_web::test]
async fn the_browser_app_is_served_with_a_get_only_fallback() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("index.html"), "<!doctype html><title>Poort app</title>").unwrap();
    std::fs::write(dir.path().join("boot.js"), "import init from './pkg/frontend.js';").unwrap();
    let t = TestApp::with_config(Config { web_dir: dir.path().to_path_buf(), ..Config::default() }).await;
    let app = t.service().await;
    let index = send(&app, browser(Method::GET, "/")).await;
    assert_eq!(index.status, StatusCode::OK);
    assert!(index.text().contains("Poort app"));
    let deep = send(&app, browser(Method::GET, "/uren/2026-W47")).await;
    assert_eq!(deep.status, StatusCode::OK);
    assert!(deep.text().contains("Poort app"));
    let js = send(&app, browser(Method::GET, "/boot.js")).await;
    assert!(js.header("content-type").unwrap().contains("javascript"));
    let post = send(&app, browser(Method::POST, "/uren/2026-W47")).await;
    assert_eq!(post.status, StatusCode::NOT_FOUND);
    assert_eq!(post.error_kind(), "not_found");
    let api = send(&app, browser(Method::GET, "/api/v1/does-not-exist")).await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert_eq!(api.header("content-type").as_deref(), Some("application/json"));
}

#[actix_web::test]
async fn the_suite_runs_on_the_database_it_was_asked_for() {
    let t = TestApp::new().await;
    let backend = t.state.db.backend();
    match std::env::var("POORT_TEST_DATABASE_URL") {
        Ok(url) if !url.is_empty() => assert_eq!(backend, sea_orm::DbBackend::Postgres),
        _ => assert_eq!(backend, sea_orm::DbBackend::Sqlite),
    }
}

#[actix_web::test]
async fn demo_data_loads_once_with_every_role_and_an_open_invitation() {
    let t = TestApp::new().await;
    // TestApp already seeded; a second run adds nothing.
    let again = poort::seed::demo(&t.state.db, poort::clock::Clock::now(&t.clock), "http://127.0.0.1:8080")
        .await
        .unwrap();
    assert!(!again);
    let app = t.service().await;
    for login_row in poort::seed::demo_logins() {
        let res = send(
            &app,
            browser(Method::POST, "/api/v1/auth/login")
                .set_json(serde_json::json!({"email": login_row.email, "password": PASSWORD})),
        )
        .await;
        assert_eq!(res.status, StatusCode::OK, "{}", login_row.email);
    }
    let fatima = login(&app, FATIMA).await;
    let invitations = send(&app, fatima.on(browser(Method::GET, "/api/v1/invitations"))).await.json();
    assert_eq!(invitations["items"][0]["name"], "Sem de Boer");
    assert_eq!(invitations["items"][0]["status"], "pending");
    let helpdesk = login(&app, HELPDESK).await;
    let outbox = send(&app, helpdesk.on(browser(Method::GET, "/api/v1/outbox"))).await.json();
    let mail = outbox["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["recipient"] == "sem.deboer@delinde.example")
        .unwrap();
    assert_eq!(mail["status"], "held", "demo mail is never sent");
    assert!(mail["body"].as_str().unwrap().contains("http://127.0.0.1:8080/activeren?token="));
    // Van Dijk's open invitation carries a mobile number: it activates with an SMS PIN.
    let eva = login(&app, EVA).await;
    let invitations = send(&app, eva.on(browser(Method::GET, "/api/v1/invitations"))).await.json();
    assert_eq!(invitations["items"][0]["name"], "Yusuf Demir");
    assert_eq!(invitations["items"][0]["mobile"], "+31600000203");
    // Demo people have a mobile number, not yet proven and no second factor.
    let contact = send(&app, eva.on(browser(Method::GET, "/api/v1/me/contact"))).await.json();
    assert_eq!(
        contact,
        serde_json::json!({"email": EVA, "mobile": "+31600000201", "mobile_verified": false})
    );
}
