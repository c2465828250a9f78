//! Mail through a real SMTP server: password reset, the lock notice, the
//! helpdesk's outbox, and delivery exactly once with two workers.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use chrono::Duration;
use common::*;
use poort::config::Config;
use serde_json::json;

async fn app_with_sink() -> (TestApp, SmtpSink) {
    let sink = SmtpSink::start();
    let config = Config {
        smtp_url: Some(sink.url()),
        base_url: Some("https://poort.example".into()),
        ..Config::default()
    };
    (TestApp::with_config(config).await, sink)
}

fn reset_request(email: &str) -> actix_web::test::TestRequest {
    browser(Method::POST, "/api/v1/auth/password-reset").set_json(json!({"email": email}))
}

fn confirm(token: &str, password: &str) -> actix_web::test::TestRequest {
    browser(Method::POST, "/api/v1/auth/password-reset/confirm")
        .set_json(json!({"token": token, "password": password}))
}

#[actix_web::test]
async fn a_forgotten_password_is_reset_through_the_mailed_link() {
    let (t, sink) = app_with_sink().await;
    let app = t.service().await;
    let old_session = login(&app, ANNA).await;

    let res = send(&app, reset_request(ANNA)).await;
    assert_eq!(res.status, StatusCode::ACCEPTED);
    assert_eq!(poort::jobs::deliver_due(&t.state, "test").await.unwrap(), 1);
    let mails = sink.wait_for(1).await;
    let text = mail_text(&mails[0]);
    assert!(text.contains("To: anna.jansen@delinde.example"), "{text}");
    assert!(text.contains("Nieuw wachtwoord"), "Anna's account is Dutch: {text}");
    // Links come from the configured base URL, never from the request's Host.
    assert!(text.contains("https://poort.example/wachtwoord-herstellen?token="), "{text}");
    let token = link_token(&mails[0]);

    // The policy applies: too short, common, or containing her name.
    for (weak, code) in [
        ("kort", "too_short"),
        ("wachtwoord123", "common"),
        ("anna jansen zorgt goed", "contains_personal_info"),
    ] {
        let res = send(&app, confirm(&token, weak)).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{weak}");
        assert_eq!(res.json()["fields"]["password"]["code"], code, "{weak}");
    }
    let res = send(&app, confirm(&token, "paarden eten graag hooi")).await;
    assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.text());

    // Every session is signed out; only the new password works; the link works once.
    assert_eq!(
        send(&app, old_session.on(browser(Method::GET, "/api/v1/me"))).await.status,
        StatusCode::UNAUTHORIZED
    );
    let old =
        browser(Method::POST, "/api/v1/auth/login").set_json(json!({"email": ANNA, "password": PASSWORD}));
    assert_eq!(send(&app, old).await.status, StatusCode::UNAUTHORIZED);
    let new = browser(Method::POST, "/api/v1/auth/login")
        .set_json(json!({"email": ANNA, "password": "paarden eten graag hooi"}));
    assert_eq!(send(&app, new).await.status, StatusCode::OK);
    let res = send(&app, confirm(&token, "nog een ander wachtwoord")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["token"]["code"], "invalid_link");
}

#[actix_web::test]
async fn reset_requests_reveal_nothing_about_unknown_addresses() {
    let (t, sink) = app_with_sink().await;
    let app = t.service().await;
    let known = send(&app, reset_request(ANNA)).await;
    let unknown = send(&app, reset_request("onbekend@delinde.example")).await;
    assert_eq!(known.status, unknown.status);
    assert_eq!(known.body, unknown.body);
    poort::jobs::deliver_due(&t.state, "test").await.unwrap();
    assert_eq!(sink.wait_for(1).await.len(), 1);
    // Mail bombing is capped: three mails per quarter of an hour.
    for _ in 0..5 {
        assert_eq!(send(&app, reset_request(ANNA)).await.status, StatusCode::ACCEPTED);
    }
    poort::jobs::deliver_due(&t.state, "test").await.unwrap();
    actix_web::rt::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(sink.messages().len(), 3);
}

#[actix_web::test]
async fn reset_links_expire_after_thirty_minutes() {
    let (t, sink) = app_with_sink().await;
    let app = t.service().await;
    send(&app, reset_request(ANNA)).await;
    poort::jobs::deliver_due(&t.state, "test").await.unwrap();
    let token = link_token(&sink.wait_for(1).await[0]);
    t.clock.advance(Duration::minutes(30));
    let res = send(&app, confirm(&token, "paarden eten graag hooi")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["token"]["code"], "invalid_link");
    let res = send(&app, confirm("made-up-token", "paarden eten graag hooi")).await;
    assert_eq!(res.json()["fields"]["token"]["code"], "invalid_link");
}

#[actix_web::test]
async fn a_locked_owner_is_told_by_mail_and_the_reset_lifts_the_lock() {
    let (t, sink) = app_with_sink().await;
    let app = t.service().await;
    for _ in 0..3 {
        let wrong = browser(Method::POST, "/api/v1/auth/login")
            .set_json(json!({"email": EVA, "password": "fout-wachtwoord"}));
        assert_eq!(send(&app, wrong).await.status, StatusCode::UNAUTHORIZED);
    }
    poort::jobs::deliver_due(&t.state, "test").await.unwrap();
    let mails = sink.wait_for(1).await;
    let text = mail_text(&mails[0]);
    assert!(text.contains("geblokkeerd"), "{text}");
    assert!(text.contains("60 minuten"), "{text}");
    let token = link_token(&mails[0]);
    assert_eq!(send(&app, confirm(&token, "Lente2027!zee")).await.status, StatusCode::NO_CONTENT);
    let res = send(
        &app,
        browser(Method::POST, "/api/v1/auth/login")
            .set_json(json!({"email": EVA, "password": "Lente2027!zee"})),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "the reset lifted the lock within the hour");
}

#[actix_web::test]
async fn without_a_mail_server_mail_is_held_for_the_helpdesk() {
    let t = TestApp::new().await;
    let app = t.service().await;
    send(&app, reset_request(ANNA)).await;
    poort::jobs::deliver_due(&t.state, "test").await.unwrap();
    let anna = login(&app, ANNA).await;
    assert_eq!(
        send(&app, anna.on(browser(Method::GET, "/api/v1/outbox"))).await.status,
        StatusCode::FORBIDDEN
    );
    let helpdesk = login(&app, HELPDESK).await;
    let outbox = send(&app, helpdesk.on(browser(Method::GET, "/api/v1/outbox"))).await.json();
    let first = &outbox["items"][0];
    assert_eq!(first["recipient"], ANNA);
    assert_eq!(first["status"], "held");
    assert!(first["body"].as_str().unwrap().contains("/wachtwoord-herstellen?token="));
}

#[actix_web::test]
async fn two_workers_deliver_every_message_exactly_once() {
    // Several `poort` instances share one PostgreSQL; SQLite installations run one process.
    if std::env::var("POORT_TEST_DATABASE_URL").map_or(true, |u| u.is_empty()) {
        eprintln!("two-instance delivery runs on PostgreSQL (scripts/test's test-postgres step)");
        return;
    }
    let (t, sink) = app_with_sink().await;
    let other = poort::state::AppState::new(
        (*t.state.config).clone(),
        poort::db::Db::connect(&t.state.config.database_url, 4).await.unwrap(),
        std::sync::Arc::new(t.clock.clone()),
    )
    .await
    .unwrap();
    let now = poort::clock::Clock::now(&t.clock);
    for i in 0..40 {
        let mail = poort::notifications::templates::Rendered {
            subject: format!("Bericht {i}"),
            body: "Hallo".into(),
        };
        poort::notifications::outbox::enqueue_mail(&t.state.db.write, None, ANNA, mail, now).await.unwrap();
    }
    let (a, b) = futures_util::join!(
        async {
            let mut n = 0;
            for _ in 0..5 {
                n += poort::jobs::deliver_due(&t.state, "instance-a").await.unwrap();
            }
            n
        },
        async {
            let mut n = 0;
            for _ in 0..5 {
                n += poort::jobs::deliver_due(&other, "instance-b").await.unwrap();
            }
            n
        }
    );
    assert_eq!(a + b, 40, "a={a} b={b}");
    let mails = sink.wait_for(40).await;
    actix_web::rt::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(sink.messages().len(), 40);
    let mut subjects: Vec<String> = mails
        .iter()
        .filter_map(|m| m.lines().find(|l| l.starts_with("Subject:")).map(String::from))
        .collect();
    subjects.sort();
    subjects.dedup();
    assert_eq!(subjects.len(), 40);
}
