//! Rights management by the main contact, effective on the next request, and
//! the audit trail rights managers read.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use common::*;
use serde_json::{Value, json};

async fn membership_id<S: TestService<B>, B: MessageBody>(app: &S, manager: &Session, email: &str) -> String {
    let members = send(app, manager.on(browser(Method::GET, "/api/v1/members"))).await.json();
    members["items"].as_array().unwrap().iter().find(|m| m["email"] == email).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[actix_web::test]
async fn granted_and_revoked_rights_take_effect_on_the_very_next_request() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let fatima = login(&app, FATIMA).await;
    let anna = login(&app, ANNA).await;
    let id = membership_id(&app, &fatima, ANNA).await;
    assert_eq!(
        send(&app, anna.on(browser(Method::GET, "/api/v1/members"))).await.status,
        StatusCode::FORBIDDEN
    );

    let grant = json!({"role": "employee", "rights": ["manage_rights"]});
    let res =
        send(&app, fatima.on(browser(Method::PUT, &format!("/api/v1/members/{id}"))).set_json(grant)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["rights"], json!(["manage_rights"]));
    // Same session, no new sign-in: the right works at once…
    assert_eq!(send(&app, anna.on(browser(Method::GET, "/api/v1/members"))).await.status, StatusCode::OK);
    let revoke = json!({"role": "employee", "rights": []});
    send(&app, fatima.on(browser(Method::PUT, &format!("/api/v1/members/{id}"))).set_json(revoke)).await;
    // …and stops at once.
    assert_eq!(
        send(&app, anna.on(browser(Method::GET, "/api/v1/members"))).await.status,
        StatusCode::FORBIDDEN
    );
}

#[actix_web::test]
async fn nobody_raises_their_own_rights_or_touches_the_main_contact_or_another_organisation() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let fatima = login(&app, FATIMA).await;
    let own = membership_id(&app, &fatima, FATIMA).await;
    let res = send(
        &app,
        fatima
            .on(browser(Method::PUT, &format!("/api/v1/members/{own}")))
            .set_json(json!({"role": "employee", "rights": []})),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);

    let anna = login(&app, ANNA).await;
    let anna_id = membership_id(&app, &fatima, ANNA).await;
    let res = send(
        &app,
        anna.on(browser(Method::PUT, &format!("/api/v1/members/{anna_id}")))
            .set_json(json!({"role": "administrator", "rights": ["manage_rights"]})),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "an employee cannot raise herself");

    let eva = login(&app, EVA).await;
    let res = send(
        &app,
        eva.on(browser(Method::PUT, &format!("/api/v1/members/{anna_id}")))
            .set_json(json!({"role": "employee", "rights": []})),
    )
    .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    let res = send(
        &app,
        fatima
            .on(browser(Method::PUT, &format!("/api/v1/members/{anna_id}")))
            .set_json(json!({"role": "employee", "rights": [], "organisation_id": Value::Null})),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
}

#[actix_web::test]
async fn rights_managers_read_their_own_organisations_audit_trail() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let wrong = browser(Method::POST, "/api/v1/auth/login")
        .set_json(json!({"email": ANNA, "password": "fout-wachtwoord"}));
    assert_eq!(send(&app, wrong).await.status, StatusCode::UNAUTHORIZED);
    let fatima = login(&app, FATIMA).await;
    let anna_id = membership_id(&app, &fatima, ANNA).await;
    send(
        &app,
        fatima
            .on(browser(Method::PUT, &format!("/api/v1/members/{anna_id}")))
            .set_json(json!({"role": "employee", "rights": ["report_absence"]})),
    )
    .await;
    login(&app, EVA).await;

    let anna = login(&app, ANNA).await;
    assert_eq!(
        send(&app, anna.on(browser(Method::GET, "/api/v1/audit"))).await.status,
        StatusCode::FORBIDDEN
    );
    let res = send(&app, fatima.on(browser(Method::GET, "/api/v1/audit?limit=200"))).await;
    assert_eq!(res.status, StatusCode::OK);
    let entries = res.json()["items"].as_array().unwrap().clone();
    let actions: Vec<&str> = entries.iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions[0], "sign_in", "newest first: Anna's sign-in");
    assert!(actions.contains(&"rights_changed"), "{actions:?}");
    assert!(actions.contains(&"sign_in_failed"), "{actions:?}");
    let failed = entries.iter().find(|e| e["action"] == "sign_in_failed").unwrap();
    assert_eq!(failed["actor_name"], "Anna Jansen");
    assert_eq!(failed["ip"], "127.0.0.1");
    // Eva's sign-in belongs to Van Dijk's trail, not De Linde's; no secret is ever recorded.
    assert!(entries.iter().all(|e| e["actor_name"] != "Eva Visser"));
    let text = res.text();
    assert!(!text.contains(PASSWORD) && !text.contains("fout-wachtwoord"));
}
