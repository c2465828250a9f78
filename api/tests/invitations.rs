//! Invitations and activation, from the mail in a real SMTP sink to signing in.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use chrono::Duration;
use common::*;
use poort::config::Config;
use serde_json::{Value, json};

async fn app_with_sink() -> (TestApp, SmtpSink) {
    let sink = SmtpSink::start();
    let config = Config {
        smtp_url: Some(sink.url()),
        base_url: Some("https://poort.example".into()),
        ..Config::default()
    };
    (TestApp::with_config(config).await, sink)
}

fn invite(email: &str, role: &str, rights: Value) -> Value {
    json!({"email": email, "name": "Daan Koster", "role": role, "rights": rights, "birth_date": "1990-04-12"})
}

fn activate(token: &str, birth_date: &str, password: &str) -> actix_web::test::TestRequest {
    browser(Method::POST, "/api/v1/activation")
        .set_json(json!({"token": token, "birth_date": birth_date, "password": password}))
}

/// Van Dijk's demo activates invitees with an SMS PIN (tests/sms.rs); the tests here
/// prove the birth date, so Eva switches it back first.
async fn birth_date_at_van_dijk<S: TestService<B>, B: MessageBody>(app: &S, eva: &Session) {
    let mut settings = send(app, eva.on(browser(Method::GET, "/api/v1/organisation/security"))).await.json();
    assert_eq!(settings["activation_proof"], "sms_pin");
    settings["activation_proof"] = json!("birth_date");
    let res =
        send(app, eva.on(browser(Method::PUT, "/api/v1/organisation/security")).set_json(settings)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
}

/// Sends the outbox and returns the token of the newest invitation mail.
async fn mailed_token(t: &TestApp, sink: &SmtpSink, expected: usize) -> String {
    poort::jobs::deliver_due(&t.state, "test").await.unwrap();
    let mails = sink.wait_for(expected).await;
    link_token(mails.last().unwrap())
}

#[actix_web::test]
async fn an_invited_person_activates_with_their_birth_date_and_signs_in() {
    let (t, sink) = app_with_sink().await;
    let app = t.service().await;
    let fatima = login(&app, FATIMA).await;
    let res = send(
        &app,
        fatima.on(browser(Method::POST, "/api/v1/invitations")).set_json(invite(
            "daan.koster@delinde.example",
            "employee",
            json!([]),
        )),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    assert_eq!(res.json()["status"], "pending");

    poort::jobs::deliver_due(&t.state, "test").await.unwrap();
    let mail = mail_text(&sink.wait_for(1).await[0]);
    assert!(mail.contains("To: daan.koster@delinde.example"), "{mail}");
    assert!(mail.contains("Fatima El Amrani"), "{mail}");
    assert!(mail.contains("https://poort.example/activeren?token="), "{mail}");
    let token = link_token(&sink.messages()[0]);

    let info =
        send(&app, browser(Method::POST, "/api/v1/activation/lookup").set_json(json!({"token": token})))
            .await;
    assert_eq!(info.status, StatusCode::OK);
    let info = info.json();
    assert_eq!(info["organisation_name"], "Thuiszorg De Linde");
    assert!(info["organisation_id"].is_string());
    let again = send(
        &app,
        fatima.on(browser(Method::POST, "/api/v1/invitations")).set_json(invite(
            "daan.koster@delinde.example",
            "employee",
            json!([]),
        )),
    )
    .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(again.json()["fields"]["email"]["code"], "open_invitation");
    assert_eq!(info["existing_account"], false);
    assert_eq!(info["proof"], "birth_date");

    let res = send(&app, activate(&token, "1990-12-04", "lange zin met woorden")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["birth_date"]["code"], "wrong_proof");
    let res = send(&app, activate(&token, "1990-04-12", "daan koster zorgt")).await;
    assert_eq!(res.json()["fields"]["password"]["code"], "contains_personal_info");
    let res = send(&app, activate(&token, "1990-04-12", "lange zin met woorden")).await;
    assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.text());

    let res = send(
        &app,
        browser(Method::POST, "/api/v1/auth/login")
            .set_json(json!({"email": "daan.koster@delinde.example", "password": "lange zin met woorden"})),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json()["role"], "employee");
    assert_eq!(res.json()["organisation_name"], "Thuiszorg De Linde");
    // The link worked once.
    let res = send(&app, activate(&token, "1990-04-12", "nog een lange zin")).await;
    assert_eq!(res.json()["fields"]["token"]["code"], "invalid_link");
    let list = send(&app, fatima.on(browser(Method::GET, "/api/v1/invitations"))).await.json();
    assert_eq!(list["items"][0]["status"], "accepted");
}

#[actix_web::test]
async fn five_wrong_birth_dates_burn_the_link_and_a_resend_gives_a_new_one() {
    let (t, sink) = app_with_sink().await;
    let app = t.service().await;
    let fatima = login(&app, FATIMA).await;
    let created = send(
        &app,
        fatima.on(browser(Method::POST, "/api/v1/invitations")).set_json(invite(
            "daan@delinde.example",
            "employee",
            json!([]),
        )),
    )
    .await
    .json();
    let token = mailed_token(&t, &sink, 1).await;
    for _ in 0..4 {
        let res = send(&app, activate(&token, "2000-01-01", "lange zin met woorden")).await;
        assert_eq!(res.json()["fields"]["birth_date"]["code"], "wrong_proof");
    }
    let res = send(&app, activate(&token, "2000-01-01", "lange zin met woorden")).await;
    assert_eq!(res.json()["fields"]["token"]["code"], "invalid_link");
    let res = send(&app, activate(&token, "1990-04-12", "lange zin met woorden")).await;
    assert_eq!(res.json()["fields"]["token"]["code"], "invalid_link", "the right date no longer helps");
    let list = send(&app, fatima.on(browser(Method::GET, "/api/v1/invitations"))).await.json();
    assert_eq!(list["items"][0]["status"], "burned");

    let id = created["id"].as_str().unwrap();
    let res = send(
        &app,
        fatima.on(browser(Method::POST, &format!("/api/v1/invitations/{id}/resend"))).set_json(json!({})),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK);
    let fresh = mailed_token(&t, &sink, 2).await;
    assert_ne!(fresh, token);
    assert_eq!(
        send(&app, activate(&fresh, "1990-04-12", "lange zin met woorden")).await.status,
        StatusCode::NO_CONTENT
    );
}

#[actix_web::test]
async fn revoked_and_expired_links_stop_working() {
    let (t, sink) = app_with_sink().await;
    let app = t.service().await;
    let fatima = login(&app, FATIMA).await;
    let a = send(
        &app,
        fatima.on(browser(Method::POST, "/api/v1/invitations")).set_json(invite(
            "a@delinde.example",
            "employee",
            json!([]),
        )),
    )
    .await
    .json();
    let token_a = mailed_token(&t, &sink, 1).await;
    send(
        &app,
        fatima.on(browser(Method::POST, "/api/v1/invitations")).set_json(invite(
            "b@delinde.example",
            "employee",
            json!([]),
        )),
    )
    .await;
    let token_b = mailed_token(&t, &sink, 2).await;
    let res = send(
        &app,
        fatima.on(browser(Method::DELETE, &format!("/api/v1/invitations/{}", a["id"].as_str().unwrap()))),
    )
    .await;
    assert_eq!(res.json()["status"], "revoked");
    assert_eq!(
        send(&app, activate(&token_a, "1990-04-12", "lange zin met woorden")).await.json()["fields"]["token"]
            ["code"],
        "invalid_link"
    );
    t.clock.advance(Duration::days(7));
    assert_eq!(
        send(&app, activate(&token_b, "1990-04-12", "lange zin met woorden")).await.json()["fields"]["token"]
            ["code"],
        "invalid_link"
    );
}

#[actix_web::test]
async fn nobody_grants_what_they_do_not_hold() {
    let (t, sink) = app_with_sink().await;
    let app = t.service().await;
    let anna = login(&app, ANNA).await;
    let res = send(
        &app,
        anna.on(browser(Method::POST, "/api/v1/invitations")).set_json(invite(
            "x@delinde.example",
            "employee",
            json!([]),
        )),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);

    // Eva (main contact) makes Kees an employer who may manage rights and report absence, nothing more.
    let eva = login(&app, EVA).await;
    birth_date_at_van_dijk(&app, &eva).await;
    let body = json!({"email": "kees@vandijkbouw.example", "name": "Kees Bakker", "role": "employer",
        "rights": ["manage_rights", "report_absence"], "birth_date": "1975-09-30"});
    assert_eq!(
        send(&app, eva.on(browser(Method::POST, "/api/v1/invitations")).set_json(body)).await.status,
        StatusCode::CREATED
    );
    let token = mailed_token(&t, &sink, 1).await;
    assert_eq!(
        send(&app, activate(&token, "1975-09-30", "Stenen2026!")).await.status,
        StatusCode::NO_CONTENT
    );
    let kees = {
        let res = send(
            &app,
            browser(Method::POST, "/api/v1/auth/login")
                .set_json(json!({"email": "kees@vandijkbouw.example", "password": "Stenen2026!"})),
        )
        .await;
        Session { cookies: res.cookies() }
    };
    for (role, rights) in [("employer", json!(["manage_employee_data"])), ("administrator", json!([]))] {
        let res = send(
            &app,
            kees.on(browser(Method::POST, "/api/v1/invitations")).set_json(invite(
                "y@vandijkbouw.example",
                role,
                rights.clone(),
            )),
        )
        .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{role} {rights}");
    }
    let res = send(
        &app,
        kees.on(browser(Method::POST, "/api/v1/invitations")).set_json(invite(
            "y@vandijkbouw.example",
            "employee",
            json!(["report_absence"]),
        )),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED);
    // The tenant comes from the session, never the body.
    let mut sneaky = invite("z@vandijkbouw.example", "employee", json!([]));
    sneaky["organisation_id"] = json!(uuid::Uuid::now_v7());
    assert_eq!(
        send(&app, kees.on(browser(Method::POST, "/api/v1/invitations")).set_json(sneaky)).await.status,
        StatusCode::BAD_REQUEST
    );
    // Another organisation's invitation is not found.
    let theirs =
        send(&app, kees.on(browser(Method::GET, "/api/v1/invitations"))).await.json()["items"][0]["id"]
            .clone();
    let fatima = login(&app, FATIMA).await;
    let res = send(
        &app,
        fatima.on(browser(Method::DELETE, &format!("/api/v1/invitations/{}", theirs.as_str().unwrap()))),
    )
    .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn a_person_invited_by_a_second_organisation_keeps_one_account() {
    let (t, sink) = app_with_sink().await;
    let app = t.service().await;
    let eva = login(&app, EVA).await;
    birth_date_at_van_dijk(&app, &eva).await;
    // A look-alike spelling of Anna's address (full-width letters, capitals) is the same person.
    let res = send(&app, eva.on(browser(Method::POST, "/api/v1/invitations")).set_json(json!({
        "email": "\u{ff21}nna.Jansen@DeLinde.example", "name": "Anna Jansen", "role": "employee", "rights": [], "birth_date": "1988-02-29"
    }))).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    assert_eq!(res.json()["email"], ANNA);
    let token = mailed_token(&t, &sink, 1).await;
    let info =
        send(&app, browser(Method::POST, "/api/v1/activation/lookup").set_json(json!({"token": token})))
            .await
            .json();
    assert_eq!(info["existing_account"], true);
    let res = send(&app, activate(&token, "1988-02-29", "niet haar wachtwoord")).await;
    assert_eq!(res.json()["fields"]["password"]["code"], "wrong_proof");
    assert_eq!(send(&app, activate(&token, "1988-02-29", PASSWORD)).await.status, StatusCode::NO_CONTENT);
    let anna = login(&app, ANNA).await;
    let me = send(&app, anna.on(browser(Method::GET, "/api/v1/me"))).await.json();
    let orgs: Vec<&str> = me["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["organisation_name"].as_str().unwrap())
        .collect();
    assert_eq!(orgs, vec!["Thuiszorg De Linde", "Bouwbedrijf Van Dijk B.V."]);
}

#[actix_web::test]
async fn password_feedback_uses_the_same_rules_as_the_server() {
    let (t, sink) = app_with_sink().await;
    let app = t.service().await;
    let check = |pw: &str, token: Option<&str>| {
        browser(Method::POST, "/api/v1/password-check").set_json(json!({"password": pw, "token": token}))
    };
    let res = send(&app, check("wachtwoord123", None)).await.json();
    assert_eq!(res["problems"][0]["problem"], "common");
    let res = send(&app, check("kort", None)).await.json();
    assert_eq!(res["problems"][0], json!({"problem": "too_short", "min": 12}));
    assert_eq!(send(&app, check("paarden eten graag hooi", None)).await.json()["problems"], json!([]));
    let fatima = login(&app, FATIMA).await;
    send(
        &app,
        fatima.on(browser(Method::POST, "/api/v1/invitations")).set_json(invite(
            "daan@delinde.example",
            "employee",
            json!([]),
        )),
    )
    .await;
    let token = mailed_token(&t, &sink, 1).await;
    let res = send(&app, check("koster in de linde", Some(&token))).await.json();
    assert_eq!(res["problems"][0]["problem"], "contains_personal_info");
}
