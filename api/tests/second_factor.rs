//! The second factor: authenticator app set-up, sign-in with a code (never the
//! same code twice), recovery codes, remembered browsers, and failures.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use chrono::Duration;
use common::*;
use sea_orm::EntityTrait;
use serde_json::json;

fn sign_in(email: &str) -> actix_web::test::TestRequest {
    browser(Method::POST, "/api/v1/auth/login").set_json(json!({"email": email, "password": PASSWORD}))
}

fn answer(challenge: &str, body: serde_json::Value) -> actix_web::test::TestRequest {
    let mut body = body;
    body["challenge"] = json!(challenge);
    browser(Method::POST, "/api/v1/auth/second-factor").set_json(body)
}

/// Signs Anna in with an app code, remembering the browser (as `agent`); returns the
/// session and the remember cookie. Moves the clock to a fresh 30-second step first.
async fn remembered_sign_in<S: TestService<B>, B: MessageBody>(
    t: &TestApp,
    app: &S,
    key: &str,
    agent: &str,
) -> (Session, actix_web::cookie::Cookie<'static>) {
    t.clock.advance(Duration::seconds(30));
    let challenge = send(app, sign_in(ANNA)).await.json()["challenge"].as_str().unwrap().to_string();
    let res = send(
        app,
        answer(&challenge, json!({"code": app_code(t, key), "remember_device": true}))
            .insert_header(("user-agent", agent)),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let session = Session { cookies: res.cookies() };
    let remember = session.cookies.iter().find(|c| c.name() == "poort_remember").unwrap().clone();
    (session, remember)
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
    assert_eq!(status, json!({"totp": true, "sms": false, "recovery_codes_left": 9}));

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
    let (session, remember) = remembered_sign_in(&t, &app, &key, "test").await;
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

#[actix_web::test]
async fn remembered_browsers_are_listed_and_forgotten_one_by_one_or_all_at_once() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let (key, _) = enrol(&t, &app).await;
    // Two browsers remembered: a laptop and a phone.
    let mut remembered = Vec::new();
    for agent in ["Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0", "Mozilla/5.0 (iPhone) Safari/605.1"] {
        remembered.push(remembered_sign_in(&t, &app, &key, agent).await.1);
    }
    t.clock.advance(Duration::hours(1));
    assert_eq!(send(&app, sign_in(ANNA).cookie(remembered[0].clone())).await.status, StatusCode::OK);

    let res = send(&app, sign_in(ANNA).cookie(remembered[1].clone())).await;
    let session = Session { cookies: res.cookies() };
    let list = send(&app, session.on(browser(Method::GET, "/api/v1/me/remembered-devices"))).await.json();
    let list = list.as_array().unwrap().clone();
    assert_eq!(list.len(), 2);
    // Newest first, with the browser, when it was remembered and when it last skipped the code.
    assert_eq!(list[0]["user_agent"], "Mozilla/5.0 (iPhone) Safari/605.1");
    assert_eq!(list[1]["user_agent"], "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
    assert_eq!(list[1]["last_used_at"], "2026-11-22T11:01:00Z");
    assert_eq!(list[1]["created_at"], "2026-11-22T10:00:30Z");
    assert_eq!(list[1]["expires_at"], "2026-12-22T10:00:30Z");
    // The id is not the stored hash of the cookie.
    let laptop_id = list[1]["id"].as_str().unwrap().to_string();
    assert!(!laptop_id.contains(&poort::auth::tokens::token_hash(remembered[0].value())[..24]));

    // Forget the laptop: it is asked for a code again; the phone is not.
    let forget =
        |id: &str| session.on(browser(Method::DELETE, &format!("/api/v1/me/remembered-devices/{id}")));
    assert_eq!(send(&app, forget(&laptop_id)).await.status, StatusCode::NO_CONTENT);
    assert_eq!(send(&app, forget(&laptop_id)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(send(&app, sign_in(ANNA).cookie(remembered[0].clone())).await.status, StatusCode::ACCEPTED);
    assert_eq!(send(&app, sign_in(ANNA).cookie(remembered[1].clone())).await.status, StatusCode::OK);
    // Nobody forgets someone else's browser.
    let mark = login(&app, "mark.devries@delinde.example").await;
    let phone_id = send(&app, session.on(browser(Method::GET, "/api/v1/me/remembered-devices"))).await.json()
        [0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let res =
        send(&app, mark.on(browser(Method::DELETE, &format!("/api/v1/me/remembered-devices/{phone_id}"))))
            .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);

    // Forget all.
    let res = send(
        &app,
        session.on(browser(Method::POST, "/api/v1/me/remembered-devices/forget-all")).set_json(json!({})),
    )
    .await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    assert_eq!(send(&app, sign_in(ANNA).cookie(remembered[1].clone())).await.status, StatusCode::ACCEPTED);
    let list = send(&app, session.on(browser(Method::GET, "/api/v1/me/remembered-devices"))).await.json();
    assert_eq!(list, json!([]));
    let fatima = login(&app, FATIMA).await;
    let audit = send(&app, fatima.on(browser(Method::GET, "/api/v1/audit"))).await.json();
    let actions: Vec<&str> =
        audit["items"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert!(actions.contains(&"remembered_device_forgotten"), "{actions:?}");
    assert!(actions.contains(&"remembered_devices_forgotten"), "{actions:?}");
}

#[actix_web::test]
async fn a_password_change_still_forgets_every_remembered_browser() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let (key, _) = enrol(&t, &app).await;
    let (session, remember) = remembered_sign_in(&t, &app, &key, "test").await;
    let res = send(
        &app,
        session
            .on(browser(Method::POST, "/api/v1/me/password"))
            .set_json(json!({"current_password": PASSWORD, "new_password": "paarden eten graag hooi"})),
    )
    .await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    assert_eq!(
        send(&app, session.on(browser(Method::GET, "/api/v1/me/remembered-devices"))).await.json(),
        json!([])
    );
    let res = send(
        &app,
        browser(Method::POST, "/api/v1/auth/login")
            .set_json(json!({"email": ANNA, "password": "paarden eten graag hooi"}))
            .cookie(remember),
    )
    .await;
    assert_eq!(res.status, StatusCode::ACCEPTED);
}
