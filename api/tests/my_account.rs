//! My account: change password, see and end sessions.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use common::*;
use serde_json::json;

#[actix_web::test]
async fn changing_the_password_keeps_this_session_and_ends_the_others() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let laptop = login(&app, ANNA).await;
    let phone = login(&app, ANNA).await;
    let change = |current: &str, new: &str| {
        laptop
            .on(browser(Method::POST, "/api/v1/me/password"))
            .set_json(json!({"current_password": current, "new_password": new}))
    };
    let res = send(&app, change("fout", "paarden eten graag hooi")).await;
    assert_eq!(res.json()["fields"]["current_password"]["code"], "wrong_password");
    let res = send(&app, change(PASSWORD, "wachtwoord123")).await;
    assert_eq!(res.json()["fields"]["new_password"]["code"], "common");
    let res = send(&app, change(PASSWORD, "paarden eten graag hooi")).await;
    assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.text());
    assert_eq!(send(&app, laptop.on(browser(Method::GET, "/api/v1/me"))).await.status, StatusCode::OK);
    assert_eq!(
        send(&app, phone.on(browser(Method::GET, "/api/v1/me"))).await.status,
        StatusCode::UNAUTHORIZED
    );
    let old =
        browser(Method::POST, "/api/v1/auth/login").set_json(json!({"email": ANNA, "password": PASSWORD}));
    assert_eq!(send(&app, old).await.status, StatusCode::UNAUTHORIZED);
}

#[actix_web::test]
async fn people_see_their_own_sessions_and_end_any_or_all() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let laptop = login(&app, ANNA).await;
    let phone = login(&app, ANNA).await;
    let tablet = login(&app, ANNA).await;
    let list = send(&app, laptop.on(browser(Method::GET, "/api/v1/me/sessions"))).await.json();
    let sessions = list.as_array().unwrap();
    assert_eq!(sessions.len(), 3);
    assert_eq!(sessions.iter().filter(|s| s["current"] == true).count(), 1);
    assert_eq!(sessions[0]["organisation_name"], "Thuiszorg De Linde");

    // End the phone's session (the newest but one).
    let phone_id = sessions[1]["id"].as_str().unwrap();
    let res =
        send(&app, laptop.on(browser(Method::DELETE, &format!("/api/v1/me/sessions/{phone_id}")))).await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    assert_eq!(
        send(&app, phone.on(browser(Method::GET, "/api/v1/me"))).await.status,
        StatusCode::UNAUTHORIZED
    );

    // Someone else's session id is not found.
    let eva = login(&app, EVA).await;
    let tablet_id = sessions[0]["id"].as_str().unwrap();
    let res = send(&app, eva.on(browser(Method::DELETE, &format!("/api/v1/me/sessions/{tablet_id}")))).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(send(&app, tablet.on(browser(Method::GET, "/api/v1/me"))).await.status, StatusCode::OK);

    let res =
        send(&app, laptop.on(browser(Method::POST, "/api/v1/me/sessions/end-others")).set_json(json!({})))
            .await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    assert_eq!(
        send(&app, tablet.on(browser(Method::GET, "/api/v1/me"))).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(send(&app, laptop.on(browser(Method::GET, "/api/v1/me"))).await.status, StatusCode::OK);
}

#[actix_web::test]
async fn a_new_e_mail_address_needs_the_password_and_the_old_address_is_told() {
    let sink = SmtpSink::start();
    let t = TestApp::with_config(poort::config::Config { smtp_url: Some(sink.url()), ..Default::default() })
        .await;
    let app = t.service().await;
    let anna = login(&app, ANNA).await;
    // A reset link sent to the old address before the change.
    send(&app, browser(Method::POST, "/api/v1/auth/password-reset").set_json(json!({"email": ANNA}))).await;
    poort::jobs::deliver_due(&t.state, "test").await.unwrap();
    let reset_token = link_token(&sink.wait_for(1).await[0]);

    let change = |password: &str, email: &str| {
        anna.on(browser(Method::PUT, "/api/v1/me/email"))
            .set_json(json!({"password": password, "email": email}))
    };
    let res = send(&app, change("fout", "anna@nieuw.example")).await;
    assert_eq!(res.json()["fields"]["password"]["code"], "wrong_password");
    let res = send(&app, change(PASSWORD, "geen adres")).await;
    assert_eq!(res.json()["fields"]["email"]["code"], "invalid_email");
    let res = send(&app, change(PASSWORD, "Mark.deVries@delinde.example")).await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(res.json()["fields"]["email"]["code"], "email_taken");
    let res = send(&app, change(PASSWORD, " Anna@Nieuw.example ")).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["email"], "anna@nieuw.example");

    // The old address hears of it.
    poort::jobs::deliver_due(&t.state, "test").await.unwrap();
    let mails = sink.wait_for(2).await;
    let text = mail_text(&mails[1]);
    assert!(text.contains(&format!("To: {ANNA}")), "{text}");
    assert!(text.contains("anna@nieuw.example"), "{text}");
    // This session goes on; the new address signs in, the old one no longer does.
    assert_eq!(
        send(&app, anna.on(browser(Method::GET, "/api/v1/me"))).await.json()["email"],
        "anna@nieuw.example"
    );
    let sign_in = |email: &str| {
        browser(Method::POST, "/api/v1/auth/login").set_json(json!({"email": email, "password": PASSWORD}))
    };
    assert_eq!(send(&app, sign_in("anna@nieuw.example")).await.status, StatusCode::OK);
    assert_eq!(send(&app, sign_in(ANNA)).await.status, StatusCode::UNAUTHORIZED);
    // The reset link that went to the old address stopped working.
    let res = send(
        &app,
        browser(Method::POST, "/api/v1/auth/password-reset/confirm")
            .set_json(json!({"token": reset_token, "password": "paarden eten graag hooi"})),
    )
    .await;
    assert_eq!(res.json()["fields"]["token"]["code"], "invalid_link");
    let fatima = login(&app, FATIMA).await;
    let audit = send(&app, fatima.on(browser(Method::GET, "/api/v1/audit"))).await.json();
    let actions: Vec<&str> =
        audit["items"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert!(actions.contains(&"email_changed"), "{actions:?}");
}

#[actix_web::test]
async fn preferences_are_remembered_per_person_and_only_known_keys_are_kept() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let anna = login(&app, ANNA).await;
    let get =
        |who: &Session, key: &str| who.on(browser(Method::GET, &format!("/api/v1/me/preferences/{key}")));
    let put = |who: &Session, key: &str, values: serde_json::Value| {
        who.on(browser(Method::PUT, &format!("/api/v1/me/preferences/{key}")))
            .set_json(json!({"values": values}))
    };
    assert_eq!(send(&app, get(&anna, "columns.documents")).await.json()["values"], json!([]));
    let res = send(&app, put(&anna, "columns.documents", json!(["kind", "title"]))).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    // Changing it again replaces the choice (an update, not a second row).
    send(&app, put(&anna, "columns.documents", json!(["title", "uploaded_at"]))).await;
    assert_eq!(
        send(&app, get(&anna, "columns.documents")).await.json()["values"],
        json!(["title", "uploaded_at"])
    );

    // Someone else's choice is their own.
    let other = login(&app, FATIMA).await;
    assert_eq!(send(&app, get(&other, "columns.documents")).await.json()["values"], json!([]));

    // Unknown keys and odd names are refused and change nothing.
    let res = send(&app, put(&anna, "theme", json!(["dark"]))).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["key"]["code"], "unknown");
    let res = send(&app, put(&anna, "columns.documents", json!(["<b>"]))).await;
    assert_eq!(res.json()["fields"]["values"]["code"], "format");
    assert_eq!(
        send(&app, get(&anna, "columns.documents")).await.json()["values"],
        json!(["title", "uploaded_at"])
    );
    assert_eq!(send(&app, get(&anna, "hours.declaration_columns")).await.status, StatusCode::NOT_FOUND);

    // An empty list forgets the choice.
    send(&app, put(&anna, "dashboard.collapsed", json!(["news"]))).await;
    send(&app, put(&anna, "dashboard.collapsed", json!([]))).await;
    assert_eq!(send(&app, get(&anna, "dashboard.collapsed")).await.json()["values"], json!([]));
}

#[actix_web::test]
async fn the_audit_trail_narrows_to_a_period_and_an_action() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let fatima = login(&app, FATIMA).await;
    login(&app, ANNA).await;
    let audit = |q: &str| fatima.on(browser(Method::GET, &format!("/api/v1/audit{q}")));
    let actions = |v: serde_json::Value| -> Vec<String> {
        v["items"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap().to_string()).collect()
    };
    // The test clock stands at 2026-11-22 10:00 UTC: the events fall on that Dutch day.
    let all = actions(send(&app, audit("")).await.json());
    assert!(all.iter().filter(|a| *a == "sign_in").count() >= 2, "{all:?}");
    let today = actions(send(&app, audit("?from=2026-11-22&to=2026-11-22")).await.json());
    assert_eq!(today, all);
    let only = actions(send(&app, audit("?action=sign_in")).await.json());
    assert!(!only.is_empty() && only.iter().all(|a| a == "sign_in"), "{only:?}");
    assert!(actions(send(&app, audit("?from=2026-11-23")).await.json()).is_empty());
    assert!(actions(send(&app, audit("?to=2026-11-21")).await.json()).is_empty());
    let res = send(&app, audit("?from=gisteren")).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
}
