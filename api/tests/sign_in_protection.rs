//! Wrong passwords: growing delays that strangers cannot turn against the
//! owner's own browser, a per-address limit, seed 004's self-expiring lock,
//! and exact counting under concurrency.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use chrono::Duration;
use common::*;
use sea_orm::EntityTrait;
use serde_json::json;

fn attempt(email: &str, password: &str, ip: &str) -> actix_web::test::TestRequest {
    browser(Method::POST, "/api/v1/auth/login")
        .peer_addr(format!("{ip}:40000").parse().unwrap())
        .set_json(json!({"email": email, "password": password}))
}

#[actix_web::test]
async fn delays_grow_after_three_wrong_passwords_for_known_and_unknown_emails_alike() {
    let t = TestApp::new().await;
    let app = t.service().await;
    for email in [ANNA, "niemand@delinde.example"] {
        for _ in 0..3 {
            assert_eq!(
                send(&app, attempt(email, "fout-wachtwoord", "10.1.1.1")).await.status,
                StatusCode::UNAUTHORIZED
            );
        }
        // Three failures: the next attempt must wait a second.
        t.clock.advance(Duration::milliseconds(500));
        let res = send(&app, attempt(email, "fout-wachtwoord", "10.1.1.1")).await;
        assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS, "{email}");
        assert_eq!(res.error_kind(), "rate_limited");
        assert_eq!(res.header("retry-after").as_deref(), Some("1"));
        t.clock.advance(Duration::seconds(1));
        assert_eq!(
            send(&app, attempt(email, "fout-wachtwoord", "10.1.1.1")).await.status,
            StatusCode::UNAUTHORIZED
        );
        t.clock.advance(Duration::minutes(20));
    }
    // The right password still works once the delay has passed, and resets the count.
    assert_eq!(send(&app, attempt(ANNA, PASSWORD, "10.1.1.1")).await.status, StatusCode::OK);
    assert_eq!(
        send(&app, attempt(ANNA, "fout-wachtwoord", "10.1.1.1")).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[actix_web::test]
async fn a_stranger_guessing_never_slows_down_the_owners_own_browser() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let res = send(&app, attempt(ANNA, PASSWORD, "192.0.2.10")).await;
    assert_eq!(res.status, StatusCode::OK);
    let device = res.cookies().into_iter().find(|c| c.name() == "poort_device").expect("device cookie");
    assert_eq!(device.http_only(), Some(true));

    // Someone else tries 30 passwords from elsewhere: their attempts are held back…
    for _ in 0..30 {
        let _ = send(&app, attempt(ANNA, "raden-raden", "198.51.100.7")).await;
        t.clock.advance(Duration::seconds(2));
    }
    let res = send(&app, attempt(ANNA, PASSWORD, "198.51.100.7")).await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    // …but Anna's browser signs in at once, even from the stranger's address.
    let res = send(&app, attempt(ANNA, PASSWORD, "198.51.100.7").cookie(device.clone())).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    // A forged device cookie counts as an unknown browser.
    let forged = actix_web::cookie::Cookie::new("poort_device", "made-up-value");
    let res = send(&app, attempt(ANNA, PASSWORD, "198.51.100.7").cookie(forged)).await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
}

#[actix_web::test]
async fn one_address_spraying_many_accounts_is_stopped() {
    let t = TestApp::new().await;
    let app = t.service().await;
    for i in 0..50 {
        let res =
            send(&app, attempt(&format!("gebruiker{i}@delinde.example"), "Welkom01!", "203.0.113.5")).await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED, "attempt {i}");
    }
    let res = send(&app, attempt(EVA, PASSWORD, "203.0.113.5")).await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    // Other addresses are unaffected, and the window passes.
    assert_eq!(send(&app, attempt(EVA, PASSWORD, "203.0.113.6")).await.status, StatusCode::OK);
    t.clock.advance(Duration::minutes(16));
    assert_eq!(send(&app, attempt(EVA, PASSWORD, "203.0.113.5")).await.status, StatusCode::OK);
}

#[actix_web::test]
async fn the_seed_rule_locks_for_an_hour_and_a_locked_account_looks_like_a_wrong_password() {
    // Bouwbedrijf Van Dijk keeps "3 wrong passwords → blocked for 1 hour".
    let t = TestApp::new().await;
    let app = t.service().await;
    let mut bodies = Vec::new();
    for _ in 0..3 {
        let res = send(&app, attempt(EVA, "fout-wachtwoord", "10.2.2.2")).await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
        let mut body = res.json();
        body["request_id"] = json!(null);
        bodies.push(body);
        t.clock.advance(Duration::seconds(5));
    }
    let res = send(&app, attempt(EVA, PASSWORD, "10.2.2.2")).await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED, "the right password does not open a locked account");
    let mut body = res.json();
    body["request_id"] = json!(null);
    assert_eq!(body, bodies[0]);
    t.clock.advance(Duration::minutes(59));
    assert_eq!(send(&app, attempt(EVA, PASSWORD, "10.2.2.2")).await.status, StatusCode::UNAUTHORIZED);
    t.clock.advance(Duration::minutes(1));
    assert_eq!(send(&app, attempt(EVA, PASSWORD, "10.2.2.2")).await.status, StatusCode::OK);
}

#[actix_web::test]
async fn concurrent_wrong_passwords_are_counted_exactly() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let attempts = (0..50).map(|i| send(&app, attempt(EVA, "fout-wachtwoord", &format!("10.3.3.{i}"))));
    let results = futures_util::future::join_all(attempts).await;
    let failures = results.iter().filter(|r| r.status == StatusCode::UNAUTHORIZED).count();
    assert_eq!(failures, 50, "a locked account answers like a wrong password");
    let counters = poort::entities::throttle_counter::Entity::find().all(&t.state.db.read).await.unwrap();
    let account = counters.iter().find(|c| c.key.starts_with("acct:")).unwrap();
    // Only attempts that were checked count; those refused by the lock do not.
    assert_eq!(account.failures, 3, "{counters:?}");
    let per_address: i32 = counters.iter().filter(|c| c.key.starts_with("ip:")).map(|c| c.failures).sum();
    assert_eq!(per_address, 3);
}
