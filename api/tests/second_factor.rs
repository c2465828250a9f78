//! The second factor: authenticator app set-up, sign-in with a code (never the
//! same code twice), recovery codes, remembered browsers, and failures.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use chrono::Duration;
use common::*;
use sea_orm::EntityTrait;
use serde_json::json;

/// The code an authenticator app shows for `secret` (base32) at the test clock's time.
fn app_code(t: &TestApp, manual_key: &str) -> String {
    let secret = totp_rs::Secret::try_from_base32(manual_key).unwrap().as_bytes().to_vec();
    poort::auth::totp::code_at(&secret, poort::clock::Clock::now(&t.clock)).unwrap()
}

fn sign_in(email: &str) -> actix_web::test::TestRequest {
    browser(Method::POST, "/api/v1/auth/login").set_json(json!({"email": email, "password": PASSWORD}))
}

fn answer(challenge: &str, body: serde_json::Value) -> actix_web::test::TestRequest {
    let mut body = body;
    body["challenge"] = json!(challenge);
    browser(Method::POST, "/api/v1/auth/second-factor").set_json(body)
}

/// Sets up an authenticator app for Anna; returns (manual key, recovery codes).
async fn enrol<S, B>(t: &TestApp, app: &S) -> (String, Vec<String>)
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let anna = login(app, ANNA).await;
    let res = send(app, anna.on(browser(Method::POST, "/api/v1/me/totp")).set_json(json!({}))).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let enrolment = res.json();
    let key = enrolment["manual_key"].as_str().unwrap().to_string();
    assert!(enrolment["otpauth_url"].as_str().unwrap().starts_with("otpauth://totp/Poort:anna.jansen"));
    let wrong = send(
        app,
        anna.on(browser(Method::POST, "/api/v1/me/totp/confirm")).set_json(json!({"code": "000000"})),
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = send(
        app,
        anna.on(browser(Method::POST, "/api/v1/me/totp/confirm"))
            .set_json(json!({"code": app_code(t, &key)})),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let codes: Vec<String> =
        res.json()["codes"].as_array().unwrap().iter().map(|c| c.as_str().unwrap().to_string()).collect();
    assert_eq!(codes.len(), 10);
    (key, codes)
}

#[actix_web::test]
async fn with_an_authenticator_app_the_password_alone_opens_no_session() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let (key, _) = enrol(&t, &app).await;

    let res = send(&app, sign_in(ANNA)).await;
    assert_eq!(res.status, StatusCode::ACCEPTED, "{}", res.text());
    assert!(res.cookies().iter().all(|c| c.name() != "poort_access" && c.name() != "poort_refresh"));
    let challenge = res.json()["challenge"].as_str().unwrap().to_string();
    assert_eq!(res.json()["methods"], json!(["totp", "recovery_code"]));
    // Half signed in is not signed in: the challenge opens nothing else.
    assert_eq!(
        send(&app, bearer(Method::GET, "/api/v1/me", &challenge)).await.status,
        StatusCode::UNAUTHORIZED
    );

    // The code used to confirm the app was used already (same 30-second step).
    let replay = send(&app, answer(&challenge, json!({"code": app_code(&t, &key)}))).await;
    assert_eq!(replay.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(replay.json()["fields"]["code"]["code"], "wrong_code");
    t.clock.advance(Duration::seconds(30));
    let res = send(&app, answer(&challenge, json!({"code": app_code(&t, &key)}))).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let session = Session { cookies: res.cookies() };
    assert_eq!(
        send(&app, session.on(browser(Method::GET, "/api/v1/me"))).await.json()["name"],
        "Anna Jansen"
    );
    // The challenge answered once.
    t.clock.advance(Duration::seconds(30));
    assert_eq!(
        send(&app, answer(&challenge, json!({"code": app_code(&t, &key)}))).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[actix_web::test]
async fn one_code_used_twice_at_the_same_moment_signs_in_once() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let (key, _) = enrol(&t, &app).await;
    t.clock.advance(Duration::seconds(30));
    let c1 = send(&app, sign_in(ANNA)).await.json()["challenge"].as_str().unwrap().to_string();
    let c2 = send(&app, sign_in(ANNA)).await.json()["challenge"].as_str().unwrap().to_string();
    let code = app_code(&t, &key);
    let (a, b) = futures_util::join!(
        send(&app, answer(&c1, json!({"code": code}))),
        send(&app, answer(&c2, json!({"code": code})))
    );
    let ok = [a.status, b.status].iter().filter(|s| **s == StatusCode::OK).count();
    assert_eq!(ok, 1, "{} / {}", a.text(), b.text());
}

#[actix_web::test]
async fn recovery_codes_work_once_and_a_new_set_voids_the_old() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let (_, codes) = enrol(&t, &app).await;
    let challenge = send(&app, sign_in(ANNA)).await.json()["challenge"].as_str().unwrap().to_string();
    // Typed in capitals and without the dash: still the same code.
    let typed = codes[0].replace('-', "").to_uppercase();
    let res = send(&app, answer(&challenge, json!({"recovery_code": typed}))).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let session = Session { cookies: res.cookies() };
    let status = send(&app, session.on(browser(Method::GET, "/api/v1/me/second-factor"))).await.json();
    assert_eq!(status, json!({"totp": true, "recovery_codes_left": 9}));

    let challenge = send(&app, sign_in(ANNA)).await.json()["challenge"].as_str().unwrap().to_string();
    assert_eq!(
        send(&app, answer(&challenge, json!({"recovery_code": codes[0]}))).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );

    let res = send(
        &app,
        session.on(browser(Method::POST, "/api/v1/me/recovery-codes")).set_json(json!({"password": "fout"})),
    )
    .await;
    assert_eq!(res.json()["fields"]["password"]["code"], "wrong_password");
    let res = send(
        &app,
        session
            .on(browser(Method::POST, "/api/v1/me/recovery-codes"))
            .set_json(json!({"password": PASSWORD})),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(
        send(&app, answer(&challenge, json!({"recovery_code": codes[1]}))).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

#[actix_web::test]
async fn a_remembered_browser_skips_the_code_for_thirty_days_and_a_forged_cookie_does_not() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let (key, _) = enrol(&t, &app).await;
    t.clock.advance(Duration::seconds(30));
    let challenge = send(&app, sign_in(ANNA)).await.json()["challenge"].as_str().unwrap().to_string();
    let res =
        send(&app, answer(&challenge, json!({"code": app_code(&t, &key), "remember_device": true}))).await;
    assert_eq!(res.status, StatusCode::OK);
    let remember = res.cookies().into_iter().find(|c| c.name() == "poort_remember").unwrap();
    assert_eq!(remember.http_only(), Some(true));

    assert_eq!(send(&app, sign_in(ANNA).cookie(remember.clone())).await.status, StatusCode::OK);
    let forged = actix_web::cookie::Cookie::new("poort_remember", "not-a-real-token");
    assert_eq!(send(&app, sign_in(ANNA).cookie(forged)).await.status, StatusCode::ACCEPTED);
    // After 30 days the browser is no longer remembered.
    t.clock.advance(Duration::days(30));
    assert_eq!(send(&app, sign_in(ANNA).cookie(remember.clone())).await.status, StatusCode::ACCEPTED);
}

#[actix_web::test]
async fn removing_the_app_needs_the_password_and_forgets_remembered_browsers() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let (key, _) = enrol(&t, &app).await;
    t.clock.advance(Duration::seconds(30));
    let challenge = send(&app, sign_in(ANNA)).await.json()["challenge"].as_str().unwrap().to_string();
    let res =
        send(&app, answer(&challenge, json!({"code": app_code(&t, &key), "remember_device": true}))).await;
    let session = Session { cookies: res.cookies() };
    let remember = session.cookies.iter().find(|c| c.name() == "poort_remember").unwrap().clone();
    let res = send(
        &app,
        session.on(browser(Method::POST, "/api/v1/me/totp/remove")).set_json(json!({"password": "fout"})),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = send(
        &app,
        session.on(browser(Method::POST, "/api/v1/me/totp/remove")).set_json(json!({"password": PASSWORD})),
    )
    .await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    let rows = poort::entities::remembered_device::Entity::find().all(&t.state.db.read).await.unwrap();
    assert!(rows.is_empty());
    assert_eq!(
        send(&app, sign_in(ANNA).cookie(remember)).await.status,
        StatusCode::OK,
        "no factor: password is enough"
    );
}

#[actix_web::test]
async fn five_wrong_codes_end_the_challenge_and_tell_the_owner() {
    let t = TestApp::new().await;
    let app = t.service().await;
    enrol(&t, &app).await;
    let challenge = send(&app, sign_in(ANNA)).await.json()["challenge"].as_str().unwrap().to_string();
    for left in (1..=4).rev() {
        let res = send(&app, answer(&challenge, json!({"code": "123456"}))).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            res.json()["fields"]["code"]["message"].as_str().unwrap().contains(&format!("{left} attempts"))
        );
    }
    assert_eq!(
        send(&app, answer(&challenge, json!({"code": "123456"}))).await.status,
        StatusCode::UNAUTHORIZED
    );
    let mail = poort::entities::outbox_message::Entity::find().all(&t.state.db.read).await.unwrap();
    assert!(
        mail.iter().any(|m| m.recipient == ANNA && m.subject.contains("Mislukte inlogpoging")),
        "{mail:?}"
    );
}

#[actix_web::test]
async fn the_secret_is_encrypted_at_rest() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let (key, _) = enrol(&t, &app).await;
    let rows = poort::entities::totp_factor::Entity::find().all(&t.state.db.read).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert!(!rows[0].secret_ciphertext.contains(&key));
    let raw = totp_rs::Secret::try_from_base32(&key).unwrap().as_bytes().to_vec();
    assert_eq!(t.state.data_key.open(&rows[0].secret_ciphertext).unwrap(), raw);
}
