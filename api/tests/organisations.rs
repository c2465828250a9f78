//! The helpdesk creates an organisation and invites its first main contact,
//! who activates the account from the mail and holds all three rights.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use common::*;
use poort::config::Config;
use serde_json::json;

fn main_contact(email: &str) -> serde_json::Value {
    json!({"name": "Ingrid Vos", "email": email, "role": "employer", "birth_date": "1979-03-08",
        "mobile": "06 1111 2222"})
}

#[actix_web::test]
async fn the_helpdesk_creates_an_organisation_and_its_main_contact_activates_with_all_rights() {
    let sink = SmtpSink::start();
    let config = Config {
        smtp_url: Some(sink.url()),
        base_url: Some("https://poort.example".into()),
        ..Config::default()
    };
    let t = TestApp::with_config(config).await;
    let app = t.service().await;
    let helpdesk = login(&app, HELPDESK).await;
    let create = |name: &str| {
        helpdesk.on(browser(Method::POST, "/api/v1/organisations")).set_json(json!({"name": name}))
    };
    assert_eq!(send(&app, create("  ")).await.json()["fields"]["name"]["code"], "required");
    let res = send(&app, create("thuiszorg de linde")).await;
    assert_eq!(res.status, StatusCode::CONFLICT, "names are unique, whatever their case");
    assert_eq!(res.json()["fields"]["name"]["code"], "name_taken");
    let res = send(&app, create(" Schildersbedrijf Vos ")).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let org = res.json();
    assert_eq!(org["name"], "Schildersbedrijf Vos");
    let id = org["id"].as_str().unwrap().to_string();
    assert_eq!(res.header("location").unwrap(), format!("/api/v1/organisations/{id}"));

    let invite = |body: serde_json::Value| {
        helpdesk.on(browser(Method::POST, &format!("/api/v1/organisations/{id}/main-contact"))).set_json(body)
    };
    let res = send(&app, invite(main_contact("ingrid@vos.example"))).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let invitation = res.json();
    assert_eq!(invitation["rights"], json!(["manage_rights", "manage_employee_data", "report_absence"]));
    assert_eq!(invitation["mobile"], "+31611112222");
    // One main contact: a second invitation waits until this one is used or withdrawn.
    let res = send(&app, invite(main_contact("iemand@vos.example"))).await;
    assert_eq!(res.status, StatusCode::CONFLICT);

    poort::jobs::deliver_due(&t.state, "test").await.unwrap();
    let mail = mail_text(&sink.wait_for(1).await[0]);
    assert!(mail.contains("To: ingrid@vos.example"), "{mail}");
    assert!(
        mail.contains("Sanne de Wit nodigt je uit voor Poort, het portaal van Schildersbedrijf Vos"),
        "{mail}"
    );
    let token = link_token(&mail);
    let res = send(
        &app,
        browser(Method::POST, "/api/v1/activation").set_json(
            json!({"token": token, "birth_date": "1979-03-08", "password": "kwasten en rollers 2026"}),
        ),
    )
    .await;
    assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.text());
    let res = send(
        &app,
        browser(Method::POST, "/api/v1/auth/login")
            .set_json(json!({"email": "ingrid@vos.example", "password": "kwasten en rollers 2026"})),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let me = res.json();
    assert_eq!(me["organisation_name"], "Schildersbedrijf Vos");
    assert_eq!(me["role"], "employer");
    assert_eq!(me["main_contact"], true);
    assert_eq!(me["rights"], json!(["manage_rights", "manage_employee_data", "report_absence"]));
    // Her audit trail starts with the helpdesk's work.
    let ingrid = Session { cookies: res.cookies() };
    let audit = send(&app, ingrid.on(browser(Method::GET, "/api/v1/audit"))).await.json();
    let actions: Vec<&str> =
        audit["items"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert!(actions.ends_with(&["main_contact_invited", "organisation_created"]), "{actions:?}");
    // Now she is there, the helpdesk invites no second main contact.
    assert_eq!(send(&app, invite(main_contact("iemand@vos.example"))).await.status, StatusCode::CONFLICT);
}

#[actix_web::test]
async fn only_the_helpdesk_creates_organisations_and_invites_main_contacts() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let fatima = login(&app, FATIMA).await;
    let res = send(
        &app,
        fatima.on(browser(Method::POST, "/api/v1/organisations")).set_json(json!({"name": "Nieuw"})),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let own = send(&app, fatima.on(browser(Method::GET, "/api/v1/me"))).await.json()["organisation_id"]
        .as_str()
        .unwrap()
        .to_string();
    let invite = |session: &Session, org: &str, body: serde_json::Value| {
        session.on(browser(Method::POST, &format!("/api/v1/organisations/{org}/main-contact"))).set_json(body)
    };
    let res = send(&app, invite(&fatima, &own, main_contact("x@delinde.example"))).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let helpdesk = login(&app, HELPDESK).await;
    let nowhere = uuid::Uuid::now_v7().to_string();
    let res = send(&app, invite(&helpdesk, &nowhere, main_contact("x@nergens.example"))).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    // The tenant and rights cannot be smuggled in.
    let mut body = main_contact("x@delinde.example");
    body["rights"] = json!([]);
    assert_eq!(send(&app, invite(&helpdesk, &own, body)).await.status, StatusCode::BAD_REQUEST);
    // De Linde has its main contact (Fatima) already.
    let res = send(&app, invite(&helpdesk, &own, main_contact("x@delinde.example"))).await;
    assert_eq!(res.status, StatusCode::CONFLICT);
}
