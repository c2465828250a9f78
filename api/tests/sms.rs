//! SMS through a real HTTP provider (scripts/sms-sink.py): delivery with
//! retries, the activation PIN (seed 002), SMS codes as a second factor, and
//! the outbox when no provider is configured.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use chrono::Duration;
use common::*;
use poort::config::{Config, Secret};
use serde_json::{Value, json};

async fn app_with_sinks(fail_first: u32) -> (TestApp, SmsSink, SmtpSink) {
    let sms = SmsSink::start(fail_first);
    let smtp = SmtpSink::start();
    let config = Config {
        sms_provider_url: Some(sms.url()),
        sms_provider_token: Some(Secret::new(SMS_TOKEN)),
        sms_sender: "Poort".into(),
        smtp_url: Some(smtp.url()),
        base_url: Some("https://poort.example".into()),
        ..Config::default()
    };
    (TestApp::with_config(config).await, sms, smtp)
}

/// Delivers the outbox and waits for the `n`th SMS; returns it.
async fn nth_sms(t: &TestApp, sink: &SmsSink, n: usize) -> Value {
    poort::jobs::deliver_due(&t.state, "test").await.unwrap();
    sink.wait_for(n).await[n - 1].clone()
}

fn lookup(token: &str) -> actix_web::test::TestRequest {
    browser(Method::POST, "/api/v1/activation/lookup").set_json(json!({"token": token}))
}

fn resend_pin(token: &str) -> actix_web::test::TestRequest {
    browser(Method::POST, "/api/v1/activation/pin").set_json(json!({"token": token}))
}

fn activate_with_pin(token: &str, pin: &str, password: &str) -> actix_web::test::TestRequest {
    browser(Method::POST, "/api/v1/activation")
        .set_json(json!({"token": token, "pin": pin, "password": password}))
}

/// Eva (Van Dijk, which activates with an SMS PIN) invites Yara; returns the mailed token.
async fn invite_yara<S: TestService<B>, B: MessageBody>(
    t: &TestApp,
    app: &S,
    smtp: &SmtpSink,
    mails_before: usize,
) -> String {
    let eva = login(app, EVA).await;
    let body = json!({"email": "yara@vandijkbouw.example", "name": "Yara Bos", "role": "employee",
        "rights": [], "birth_date": "1995-01-20", "mobile": "06-12345678"});
    let res = send(app, eva.on(browser(Method::POST, "/api/v1/invitations")).set_json(body)).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    assert_eq!(res.json()["mobile"], "+31612345678", "kept in one form");
    poort::jobs::deliver_due(&t.state, "test").await.unwrap();
    link_token(smtp.wait_for(mails_before + 1).await.last().unwrap())
}

async fn outbox_row(t: &TestApp, id: uuid::Uuid) -> poort::entities::outbox_message::Model {
    use sea_orm::EntityTrait;
    poort::entities::outbox_message::Entity::find_by_id(id).one(&t.state.db.read).await.unwrap().unwrap()
}

async fn sms_rows(t: &TestApp) -> Vec<poort::entities::outbox_message::Model> {
    let rows = poort::notifications::outbox::recent(&t.state.db.read, None, 100).await.unwrap();
    rows.into_iter().filter(|m| m.channel == "sms").collect()
}

#[actix_web::test]
async fn an_sms_goes_to_the_provider_as_json_with_its_token_and_is_retried_when_it_fails() {
    let (t, sms, smtp) = app_with_sinks(1).await;
    let app = t.service().await;
    let token = invite_yara(&t, &app, &smtp, 0).await;
    assert_eq!(send(&app, lookup(&token)).await.status, StatusCode::OK);

    // The provider's first answer is 503: the message stays pending and is tried again later.
    assert_eq!(poort::jobs::deliver_due(&t.state, "test").await.unwrap(), 1);
    let id = sms_rows(&t).await[0].id;
    let row = outbox_row(&t, id).await;
    assert_eq!(row.status, "pending");
    let error = row.last_error.unwrap();
    assert!(error.contains("503"), "{error}");
    assert_eq!(poort::jobs::deliver_due(&t.state, "test").await.unwrap(), 0, "not before its time");
    t.clock.advance(Duration::minutes(2));
    let message = nth_sms(&t, &sms, 1).await;
    assert_eq!(message["to"], "+31612345678");
    assert_eq!(message["from"], "Poort");
    assert_eq!(message["_authorization"], format!("Bearer {SMS_TOKEN}"));
    assert_eq!(message["_path"], "/v1/messages");
    assert_eq!(message["reference"], id.to_string());
    assert_eq!(message["_idempotency_key"], message["reference"]);
    let text = message["text"].as_str().unwrap();
    assert!(text.starts_with("Je pincode om je Poort-account te activeren is "), "{text}");
    assert_eq!(sms_code(text).len(), 6);
    let row = outbox_row(&t, id).await;
    assert_eq!((row.status.as_str(), row.attempts), ("sent", 2));
}

#[actix_web::test]
async fn without_a_provider_sms_are_held_for_the_helpdesk() {
    let smtp = SmtpSink::start();
    let t = TestApp::with_config(Config { smtp_url: Some(smtp.url()), ..Config::default() }).await;
    let app = t.service().await;
    let token = invite_yara(&t, &app, &smtp, 0).await;
    let info = send(&app, lookup(&token)).await.json();
    assert_eq!(info["proof"], "sms_pin");
    assert_eq!(info["sent_to"], "+31 6 •••• ••78");
    poort::jobs::deliver_due(&t.state, "test").await.unwrap();
    let helpdesk = login(&app, HELPDESK).await;
    let outbox = send(&app, helpdesk.on(browser(Method::GET, "/api/v1/outbox"))).await.json();
    let held = &outbox["items"][0];
    assert_eq!(held["channel"], "sms");
    assert_eq!(held["recipient"], "+31612345678");
    assert_eq!(held["status"], "held");
    assert_eq!(held["subject"], "Pincode voor activeren");
    // The helpdesk can pass the PIN on; it activates the account.
    let pin = sms_code(held["body"].as_str().unwrap());
    let res = send(&app, activate_with_pin(&token, &pin, "Stenen2026!")).await;
    assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.text());
}

#[actix_web::test]
async fn the_activation_pin_goes_out_when_the_link_is_opened_and_proves_the_number() {
    let (t, sms, smtp) = app_with_sinks(0).await;
    let app = t.service().await;
    let token = invite_yara(&t, &app, &smtp, 0).await;

    let info = send(&app, lookup(&token)).await.json();
    assert_eq!(info["proof"], "sms_pin");
    assert_eq!(info["sent_to"], "+31 6 •••• ••78", "the number is not shown to whoever holds the link");
    let first = sms_code(nth_sms(&t, &sms, 1).await["text"].as_str().unwrap());
    // Opening the page again sends nothing while the PIN still works.
    send(&app, lookup(&token)).await;
    poort::jobs::deliver_due(&t.state, "test").await.unwrap();
    assert_eq!(sms.messages().len(), 1);
    // Asking for a new PIN within the minute: 429 with Retry-After.
    let res = send(&app, resend_pin(&token)).await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(res.header("retry-after").as_deref(), Some("60"));

    // A wrong PIN counts toward burning the link, like a wrong birth date.
    let wrong = if first == "000000" { "111111" } else { "000000" };
    let res = send(&app, activate_with_pin(&token, wrong, "Stenen2026!")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["pin"]["code"], "wrong_proof");
    assert!(res.json()["fields"]["pin"]["message"].as_str().unwrap().contains("4 attempts left"));
    // A refused password does not use the PIN up.
    let res = send(&app, activate_with_pin(&token, &first, "kort")).await;
    assert_eq!(res.json()["fields"]["password"]["code"], "too_short");

    // Ten minutes later the PIN has expired: that costs no attempt; a new one is sent.
    t.clock.advance(Duration::minutes(10));
    let res = send(&app, activate_with_pin(&token, &first, "Stenen2026!")).await;
    assert_eq!(res.json()["fields"]["pin"]["code"], "pin_expired");
    let res = send(&app, resend_pin(&token)).await;
    assert_eq!(res.status, StatusCode::ACCEPTED);
    assert_eq!(
        res.json(),
        json!({"sent_to": "+31 6 •••• ••78", "valid_minutes": 10, "resend_after_seconds": 60})
    );
    let second = sms_code(nth_sms(&t, &sms, 2).await["text"].as_str().unwrap());
    if second != first {
        // Only the newest PIN works.
        let res = send(&app, activate_with_pin(&token, &first, "Stenen2026!")).await;
        assert_eq!(res.json()["fields"]["pin"]["code"], "wrong_proof");
    }
    let res = send(&app, activate_with_pin(&token, &second, "Stenen2026!")).await;
    assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.text());

    // The PIN proved the number: Yara can use SMS codes without proving it again.
    let res = send(
        &app,
        browser(Method::POST, "/api/v1/auth/login")
            .set_json(json!({"email": "yara@vandijkbouw.example", "password": "Stenen2026!"})),
    )
    .await;
    let yara = Session { cookies: res.cookies() };
    let contact = send(&app, yara.on(browser(Method::GET, "/api/v1/me/contact"))).await.json();
    assert_eq!(
        contact,
        json!({"email": "yara@vandijkbouw.example", "mobile": "+31612345678", "mobile_verified": true})
    );
    // The link worked once.
    assert_eq!(send(&app, resend_pin(&token)).await.json()["fields"]["token"]["code"], "invalid_link");
}

#[actix_web::test]
async fn five_wrong_pins_burn_the_invitation() {
    let (t, sms, smtp) = app_with_sinks(0).await;
    let app = t.service().await;
    let token = invite_yara(&t, &app, &smtp, 0).await;
    send(&app, lookup(&token)).await;
    let pin = sms_code(nth_sms(&t, &sms, 1).await["text"].as_str().unwrap());
    let wrong = if pin == "000000" { "111111" } else { "000000" };
    for _ in 0..4 {
        let res = send(&app, activate_with_pin(&token, wrong, "Stenen2026!")).await;
        assert_eq!(res.json()["fields"]["pin"]["code"], "wrong_proof");
    }
    let res = send(&app, activate_with_pin(&token, wrong, "Stenen2026!")).await;
    assert_eq!(res.json()["fields"]["token"]["code"], "invalid_link");
    // Burned: not even the right PIN helps now.
    let res = send(&app, activate_with_pin(&token, &pin, "Stenen2026!")).await;
    assert_eq!(res.json()["fields"]["token"]["code"], "invalid_link");
}

#[actix_web::test]
async fn invitations_of_a_pin_organisation_need_a_mobile_number_that_can_receive_sms() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let eva = login(&app, EVA).await;
    for (mobile, code) in [(json!(null), "required"), (json!("020-1234567"), "invalid_mobile")] {
        let body = json!({"email": "x@vandijkbouw.example", "name": "X", "role": "employee",
            "birth_date": "1990-01-01", "mobile": mobile});
        let res = send(&app, eva.on(browser(Method::POST, "/api/v1/invitations")).set_json(body)).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(res.json()["fields"]["mobile"]["code"], code);
    }
    // At De Linde (birth date) the number is optional, and checked when given.
    let fatima = login(&app, FATIMA).await;
    let body = json!({"email": "y@delinde.example", "name": "Y", "role": "employee",
        "birth_date": "1990-01-01", "mobile": "+31 (0)6 1234 5678"});
    let res = send(&app, fatima.on(browser(Method::POST, "/api/v1/invitations")).set_json(body)).await;
    assert_eq!(res.status, StatusCode::CREATED);
    assert_eq!(res.json()["mobile"], "+31612345678");
}

fn sign_in(email: &str) -> actix_web::test::TestRequest {
    browser(Method::POST, "/api/v1/auth/login").set_json(json!({"email": email, "password": PASSWORD}))
}

fn send_code(challenge: &str) -> actix_web::test::TestRequest {
    browser(Method::POST, "/api/v1/auth/second-factor/sms").set_json(json!({"challenge": challenge}))
}

fn answer_sms(challenge: &str, code: &str) -> actix_web::test::TestRequest {
    browser(Method::POST, "/api/v1/auth/second-factor")
        .set_json(json!({"challenge": challenge, "sms_code": code}))
}

/// Anna proves her demo number and switches SMS codes on; returns her session.
async fn sms_for_anna<S: TestService<B>, B: MessageBody>(t: &TestApp, app: &S, sms: &SmsSink) -> Session {
    let anna = login(app, ANNA).await;
    let codes = switch_on_sms(t, app, sms, &anna).await;
    assert_eq!(codes.len(), 10, "a first set of recovery codes");
    let status = send(app, anna.on(browser(Method::GET, "/api/v1/me/second-factor"))).await.json();
    assert_eq!(status, json!({"totp": false, "sms": true, "recovery_codes_left": 10}));
    anna
}

/// Proves the number with a code (a wrong one first); returns the recovery codes handed out.
async fn switch_on_sms<S: TestService<B>, B: MessageBody>(
    t: &TestApp,
    app: &S,
    sms: &SmsSink,
    anna: &Session,
) -> Vec<Value> {
    let res = send(app, anna.on(browser(Method::POST, "/api/v1/me/sms-factor")).set_json(json!({}))).await;
    assert_eq!(res.status, StatusCode::ACCEPTED, "{}", res.text());
    assert_eq!(res.json()["sent_to"], "+31 6 •••• ••01");
    let message = nth_sms(t, sms, sms.messages().len() + 1).await;
    assert_eq!(message["to"], "+31600000101");
    let code = sms_code(message["text"].as_str().unwrap());
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let res = send(
        app,
        anna.on(browser(Method::POST, "/api/v1/me/sms-factor/confirm")).set_json(json!({"code": wrong})),
    )
    .await;
    assert_eq!(res.json()["fields"]["code"]["code"], "wrong_code");
    let res = send(
        app,
        anna.on(browser(Method::POST, "/api/v1/me/sms-factor/confirm")).set_json(json!({"code": code})),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    res.json()["codes"].as_array().unwrap().clone()
}

#[actix_web::test]
async fn sms_codes_as_a_second_factor_work_once_for_one_sign_in_within_ten_minutes() {
    let (t, sms, _smtp) = app_with_sinks(0).await;
    let app = t.service().await;
    sms_for_anna(&t, &app, &sms).await;

    let res = send(&app, sign_in(ANNA)).await;
    assert_eq!(res.status, StatusCode::ACCEPTED);
    assert_eq!(res.json()["methods"], json!(["sms", "recovery_code"]));
    let a = res.json()["challenge"].as_str().unwrap().to_string();
    assert_eq!(send(&app, send_code(&a)).await.status, StatusCode::ACCEPTED);
    let code = sms_code(nth_sms(&t, &sms, 2).await["text"].as_str().unwrap());
    assert!(sms.messages()[1]["text"].as_str().unwrap().starts_with("Je inlogcode voor Poort is "));
    // Resending within the minute: 429 with Retry-After.
    t.clock.advance(Duration::seconds(20));
    let res = send(&app, send_code(&a)).await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(res.header("retry-after").as_deref(), Some("40"));

    // Bound to this attempt: another sign-in's challenge does not take it.
    let b = send(&app, sign_in(ANNA)).await.json()["challenge"].as_str().unwrap().to_string();
    let res = send(&app, answer_sms(&b, &code)).await;
    assert_eq!(res.json()["fields"]["code"]["code"], "wrong_code");
    // A wrong code counts with the other second-factor failures.
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let res = send(&app, answer_sms(&a, wrong)).await;
    assert!(res.json()["fields"]["code"]["message"].as_str().unwrap().contains("4 attempts left"));

    // Valid 10 minutes, though the challenge alone lasts 5.
    t.clock.advance(Duration::minutes(9));
    let res = send(&app, answer_sms(&a, &code)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["name"], "Anna Jansen");
    // Single use.
    assert_eq!(send(&app, answer_sms(&a, &code)).await.status, StatusCode::UNAUTHORIZED);

    // A code left for 10 minutes no longer works.
    let c = send(&app, sign_in(ANNA)).await.json()["challenge"].as_str().unwrap().to_string();
    assert_eq!(send(&app, send_code(&c)).await.status, StatusCode::ACCEPTED);
    let late = sms_code(nth_sms(&t, &sms, 3).await["text"].as_str().unwrap());
    t.clock.advance(Duration::minutes(10));
    assert_eq!(send(&app, answer_sms(&c, &late)).await.status, StatusCode::UNAUTHORIZED);
}

#[actix_web::test]
async fn five_wrong_sms_codes_end_the_attempt_and_nobody_can_spam_a_number() {
    let (t, sms, _smtp) = app_with_sinks(0).await;
    let app = t.service().await;
    sms_for_anna(&t, &app, &sms).await;
    let a = send(&app, sign_in(ANNA)).await.json()["challenge"].as_str().unwrap().to_string();
    send(&app, send_code(&a)).await;
    let code = sms_code(nth_sms(&t, &sms, 2).await["text"].as_str().unwrap());
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..4 {
        assert_eq!(send(&app, answer_sms(&a, wrong)).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    assert_eq!(send(&app, answer_sms(&a, wrong)).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        send(&app, answer_sms(&a, &code)).await.status,
        StatusCode::UNAUTHORIZED,
        "the attempt is over"
    );
    assert_eq!(send(&app, send_code(&a)).await.status, StatusCode::UNAUTHORIZED);

    // Someone with the password asking for code after code: ten per number per hour.
    let mut sent = 2;
    for _ in 0..20 {
        t.clock.advance(Duration::seconds(61));
        let c = send(&app, sign_in(ANNA)).await.json()["challenge"].as_str().unwrap().to_string();
        let res = send(&app, send_code(&c)).await;
        if res.status == StatusCode::TOO_MANY_REQUESTS {
            assert!(res.header("retry-after").unwrap().parse::<i64>().unwrap() > 60);
            break;
        }
        assert_eq!(res.status, StatusCode::ACCEPTED);
        sent += 1;
    }
    assert_eq!(sent, 10, "at most ten codes to one number per hour");
}

#[actix_web::test]
async fn a_new_mobile_number_needs_the_password_and_stops_sms_codes_until_it_is_proven() {
    let (t, sms, _smtp) = app_with_sinks(0).await;
    let app = t.service().await;
    let anna = sms_for_anna(&t, &app, &sms).await;
    let change = |password: &str, mobile: Value| {
        anna.on(browser(Method::PUT, "/api/v1/me/mobile"))
            .set_json(json!({"password": password, "mobile": mobile}))
    };
    let res = send(&app, change("fout", json!("06 9876 5432"))).await;
    assert_eq!(res.json()["fields"]["password"]["code"], "wrong_password");
    let res = send(&app, change(PASSWORD, json!("0201234567"))).await;
    assert_eq!(res.json()["fields"]["mobile"]["code"], "invalid_mobile");
    let res = send(&app, change(PASSWORD, json!("06 9876 5432"))).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json(), json!({"email": ANNA, "mobile": "+31698765432", "mobile_verified": false}));
    let status = send(&app, anna.on(browser(Method::GET, "/api/v1/me/second-factor"))).await.json();
    assert_eq!(status["sms"], false);
    // No factor left: the password alone signs in again, and the recovery codes are gone.
    assert_eq!(status["recovery_codes_left"], 0);
    assert_eq!(send(&app, sign_in(ANNA)).await.status, StatusCode::OK);
    let fatima = login(&app, FATIMA).await;
    let audit = send(&app, fatima.on(browser(Method::GET, "/api/v1/audit"))).await.json();
    let actions: Vec<&str> =
        audit["items"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert!(actions.contains(&"mobile_changed") && actions.contains(&"second_factor_removed"), "{actions:?}");
}

#[actix_web::test]
async fn with_an_app_and_sms_both_are_offered_and_removing_one_keeps_the_recovery_codes() {
    let (t, sms, _smtp) = app_with_sinks(0).await;
    let app = t.service().await;
    let anna = login(&app, ANNA).await;
    let (_, codes) = enrol(&t, &app).await;
    assert_eq!(switch_on_sms(&t, &app, &sms, &anna).await, Vec::<Value>::new(), "the app's codes stay");
    let res = send(&app, sign_in(ANNA)).await;
    assert_eq!(res.json()["methods"], json!(["totp", "sms", "recovery_code"]));
    let res = send(
        &app,
        anna.on(browser(Method::POST, "/api/v1/me/totp/remove")).set_json(json!({"password": PASSWORD})),
    )
    .await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    // SMS codes still guard the account, and the recovery codes still stand in for them.
    let res = send(&app, sign_in(ANNA)).await;
    assert_eq!(res.json()["methods"], json!(["sms", "recovery_code"]));
    let challenge = res.json()["challenge"].as_str().unwrap().to_string();
    let res = send(
        &app,
        browser(Method::POST, "/api/v1/auth/second-factor")
            .set_json(json!({"challenge": challenge, "recovery_code": codes[0]})),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
}
