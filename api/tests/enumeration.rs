//! Nobody learns whether an address has an account, or a link was ever valid,
//! from the answers of sign-in, password reset and activation: the status and
//! body are the same, and both paths do the same expensive work. Timing itself
//! is never measured (tests do not assert wall-clock time); what is asserted is
//! the work: one argon2 check per sign-in, known address or not, and one queued
//! row per reset request, known address or not.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use chrono::Duration;
use common::*;
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};

/// The body without its request id, which differs per request by design.
fn comparable(res: &Resp) -> Value {
    let mut body = res.json();
    if let Some(map) = body.as_object_mut() {
        map.remove("request_id");
    }
    body
}

fn sign_in(email: &str, password: &str) -> actix_web::test::TestRequest {
    browser(Method::POST, "/api/v1/auth/login").set_json(json!({"email": email, "password": password}))
}

#[actix_web::test]
async fn sign_in_answers_and_works_alike_for_unknown_and_known_addresses() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let checks = || t.state.metrics.password_checks();

    let before = checks();
    let known = send(&app, sign_in(ANNA, "niet het wachtwoord")).await;
    let after_known = checks();
    let unknown = send(&app, sign_in("niemand@delinde.example", "niet het wachtwoord")).await;
    let after_unknown = checks();
    assert_eq!(known.status, StatusCode::UNAUTHORIZED);
    assert_eq!((known.status, comparable(&known)), (unknown.status, comparable(&unknown)));
    // One argon2 check each: against Anna's hash, and against the dummy hash.
    assert_eq!(after_known, (before.0 + 1, before.1));
    assert_eq!(after_unknown, (after_known.0, after_known.1 + 1));

    // A locked account (Van Dijk: 3 wrong → an hour) answers like a wrong password and is
    // checked against the dummy hash, with the right password too.
    for _ in 0..3 {
        send(&app, sign_in(EVA, "niet het wachtwoord")).await;
    }
    let before = checks();
    let locked = send(&app, sign_in(EVA, PASSWORD)).await;
    assert_eq!((locked.status, comparable(&locked)), (unknown.status, comparable(&unknown)));
    assert_eq!(checks(), (before.0, before.1 + 1));
    // The operators see the same counters.
    let metrics = send(&app, browser(Method::GET, "/metrics")).await.text();
    assert!(metrics.contains("poort_password_checks_total{hash=\"dummy\"} 2"), "{metrics}");
}

#[actix_web::test]
async fn reset_requests_answer_and_work_alike_for_unknown_and_known_addresses() {
    let sink = SmtpSink::start();
    let t = TestApp::with_config(poort::config::Config { smtp_url: Some(sink.url()), ..Default::default() })
        .await;
    let app = t.service().await;
    let request =
        |email: &str| browser(Method::POST, "/api/v1/auth/password-reset").set_json(json!({"email": email}));
    let count = || async {
        (
            poort::entities::outbox_message::Entity::find().count(&t.state.db.read).await.unwrap(),
            poort::entities::password_reset::Entity::find().count(&t.state.db.read).await.unwrap(),
        )
    };
    let before = count().await;
    let known = send(&app, request(ANNA)).await;
    let after_known = count().await;
    let unknown = send(&app, request("niemand@delinde.example")).await;
    let after_unknown = count().await;
    assert_eq!(known.status, StatusCode::ACCEPTED);
    assert_eq!((known.status, known.json()), (unknown.status, unknown.json()));
    // Each request queued one row and did nothing else: no reset link exists yet for either.
    assert_eq!(after_known, (before.0 + 1, before.1));
    assert_eq!(after_unknown, (after_known.0 + 1, after_known.1));

    // The worker turns the known one into a mail and drops the other.
    poort::jobs::deliver_due(&t.state, "test").await.unwrap();
    let mails = sink.wait_for(1).await;
    assert!(mail_text(&mails[0]).contains(&format!("To: {ANNA}")));
    actix_web::rt::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(sink.messages().len(), 1);
    assert_eq!(count().await, (before.0 + 1, before.1 + 1));
    // The helpdesk's outbox never showed the queued addresses.
    let helpdesk = login(&app, HELPDESK).await;
    let outbox = send(&app, helpdesk.on(browser(Method::GET, "/api/v1/outbox"))).await.json();
    assert!(outbox["items"].as_array().unwrap().iter().all(|m| m["recipient"] != "niemand@delinde.example"));
    // The reset is audited with where it was asked from.
    let fatima = login(&app, FATIMA).await;
    let audit = send(&app, fatima.on(browser(Method::GET, "/api/v1/audit"))).await.json();
    let event = audit["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "password_reset_requested")
        .unwrap();
    assert_eq!(event["ip"], "127.0.0.1");
}

#[actix_web::test]
async fn activation_answers_alike_for_unknown_expired_withdrawn_burned_and_used_links() {
    let sink = SmtpSink::start();
    let t = TestApp::with_config(poort::config::Config { smtp_url: Some(sink.url()), ..Default::default() })
        .await;
    let app = t.service().await;
    let invite = |session: &Session, name: &str| {
        let body = json!({"email": format!("{}@delinde.example", name.to_lowercase()), "name": name,
            "role": "employee", "birth_date": "1990-04-12"});
        session.on(browser(Method::POST, "/api/v1/invitations")).set_json(body)
    };
    // One invitation left for eight days (links work seven), then one to withdraw, one to
    // burn with wrong birth dates and one to use.
    let fatima = login(&app, FATIMA).await;
    assert_eq!(send(&app, invite(&fatima, "Verlopen")).await.status, StatusCode::CREATED);
    t.clock.advance(Duration::days(8));
    let fatima = login(&app, FATIMA).await;
    let withdraw = send(&app, invite(&fatima, "Intrekken")).await.json()["id"].as_str().unwrap().to_string();
    send(&app, invite(&fatima, "Opbranden")).await;
    send(&app, invite(&fatima, "Gebruiken")).await;
    poort::jobs::deliver_due(&t.state, "test").await.unwrap();
    let mails = sink.wait_for(4).await;
    let token_for = |name: &str| {
        let mail =
            mails.iter().find(|m| m.contains(&format!("{}@delinde.example", name.to_lowercase()))).unwrap();
        link_token(mail)
    };
    let (withdrawn, burned, used, expired) =
        (token_for("Intrekken"), token_for("Opbranden"), token_for("Gebruiken"), token_for("Verlopen"));
    let activate = |token: &str, birth_date: &str| {
        browser(Method::POST, "/api/v1/activation").set_json(
            json!({"token": token, "birth_date": birth_date, "password": "paarden eten graag hooi"}),
        )
    };
    send(&app, fatima.on(browser(Method::DELETE, &format!("/api/v1/invitations/{withdraw}")))).await;
    for _ in 0..5 {
        send(&app, activate(&burned, "2000-01-01")).await;
    }
    assert_eq!(send(&app, activate(&used, "1990-04-12")).await.status, StatusCode::NO_CONTENT);
    let unknown = "dit-is-geen-uitnodiging".to_string();

    let mut answers = Vec::new();
    for token in [&unknown, &withdrawn, &burned, &used, &expired] {
        let lookup =
            send(&app, browser(Method::POST, "/api/v1/activation/lookup").set_json(json!({"token": token})))
                .await;
        let activation = send(&app, activate(token, "1990-04-12")).await;
        let pin =
            send(&app, browser(Method::POST, "/api/v1/activation/pin").set_json(json!({"token": token})))
                .await;
        // Each is refused at the link, before any proof or password is looked at.
        answers.push((
            (lookup.status, comparable(&lookup)),
            (activation.status, comparable(&activation)),
            (pin.status, comparable(&pin)),
        ));
    }
    assert_eq!(answers[0].0.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answers[0].0.1["fields"]["token"]["code"], "invalid_link");
    for (i, a) in answers.iter().enumerate() {
        assert_eq!(a, &answers[0], "link {i} answers like an unknown one");
    }
}
