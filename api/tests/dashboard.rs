//! The dashboard through the API: each kind of pending action appears for the person it
//! needs and goes away once handled; recently viewed items; news; collapsed sections.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use chrono::{Duration, TimeZone, Utc};
use common::*;
use poort::{
    clock::Clock,
    config::Config,
    entities::{employee_change_request, employee_record, person_document, user_setting},
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set, sea_query::Expr,
};
use serde_json::{Value, json};
use uuid::Uuid;

const PIETER: &str = "pieter.smit@vandijkbouw.example";
const MARK: &str = "mark.devries@delinde.example";

macro_rules! get {
    ($app:expr, $who:expr, $path:expr) => {
        send($app, $who.on(browser(Method::GET, $path))).await
    };
}

macro_rules! post {
    ($app:expr, $who:expr, $path:expr, $body:expr) => {
        send($app, $who.on(browser(Method::POST, $path)).set_json($body)).await
    };
}

fn long_tokens() -> Config {
    Config { access_token_ttl_secs: 24 * 3600, ..Config::default() }
}

async fn dashboard<S: TestService<B>, B: MessageBody>(app: &S, who: &Session) -> Value {
    let res = get!(app, who, "/api/v1/me/dashboard");
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    res.json()
}

fn of_kind<'a>(d: &'a Value, kind: &str) -> Vec<&'a Value> {
    d["pending"].as_array().unwrap().iter().filter(|p| p["kind"] == kind).collect()
}

fn count(d: &Value, kind: &str) -> i64 {
    d["counts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == kind)
        .map_or(0, |c| c["count"].as_i64().unwrap())
}

async fn id_of<S: TestService<B>, B: MessageBody>(app: &S, who: &Session) -> Uuid {
    get!(app, who, "/api/v1/me").json()["id"].as_str().unwrap().parse().unwrap()
}

async fn org_of<S: TestService<B>, B: MessageBody>(app: &S, who: &Session) -> Uuid {
    get!(app, who, "/api/v1/me").json()["organisation_id"].as_str().unwrap().parse().unwrap()
}

#[actix_web::test]
async fn a_contract_and_documents_to_read_appear_and_clear() {
    let t = TestApp::with_config(long_tokens()).await;
    let app = t.service().await;
    let eva = login(&app, EVA).await;
    let pieter = login(&app, PIETER).await;
    let pieter_id = id_of(&app, &pieter).await;
    let org = org_of(&app, &pieter).await;

    let d = dashboard(&app, &pieter).await;
    assert!(of_kind(&d, "contract_to_sign").is_empty());
    // Van Dijk keeps no weekly hours in Poort: no weeks to sign.
    assert!(of_kind(&d, "week_to_sign").is_empty(), "{d}");

    // A contract to sign.
    let pdf = poort::files::pdf::simple("Arbeidsovereenkomst 2027", &["Werknemer: Pieter Smit"]);
    let res = send(
        &app,
        eva.on(browser(
            Method::POST,
            &format!(
                "/api/v1/contracts?user_id={pieter_id}&title=Arbeidsovereenkomst%202027&sign_by=2026-12-04&file_name=c.pdf"
            ),
        ))
        .set_payload(pdf),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let contract_id = res.json()["id"].as_str().unwrap().to_string();

    // A document and a payslip, stored the one way documents are stored.
    let now = t.clock.now();
    for (kind, title) in [
        (shared::documents::PersonDocumentKind::Certificate, "VCA-diploma"),
        (shared::documents::PersonDocumentKind::Payslip, "Loonstrook oktober 2026"),
    ] {
        poort::documents::stored::store(
            &t.state,
            &t.state.db.write,
            poort::documents::stored::NewDocument {
                organisation_id: org,
                user_id: pieter_id,
                kind,
                title,
                file_name: "doc.pdf",
                period_start: None,
                period_end: None,
                visible_employee: true,
                visible_employer: true,
                uploaded_by: None,
                uploaded_by_name: "Salarisadministratie",
            },
            &poort::files::pdf::simple(title, &["x"]),
            now,
        )
        .await
        .unwrap();
    }
    // One the employee may not see is not theirs to read.
    poort::documents::stored::store(
        &t.state,
        &t.state.db.write,
        poort::documents::stored::NewDocument {
            organisation_id: org,
            user_id: pieter_id,
            kind: shared::documents::PersonDocumentKind::Other,
            title: "Beoordeling (intern)",
            file_name: "b.pdf",
            period_start: None,
            period_end: None,
            visible_employee: false,
            visible_employer: true,
            uploaded_by: None,
            uploaded_by_name: "Eva Visser",
        },
        &poort::files::pdf::simple("b", &["x"]),
        now,
    )
    .await
    .unwrap();

    let d = dashboard(&app, &pieter).await;
    let c = of_kind(&d, "contract_to_sign");
    assert_eq!(c.len(), 1, "{d}");
    assert_eq!(c[0]["title"], "Arbeidsovereenkomst 2027");
    assert_eq!(c[0]["link"], format!("/contracten/{contract_id}"));
    assert_eq!(c[0]["due_on"], "2026-12-04");
    assert_eq!(count(&d, "contract_to_sign"), 1);
    let docs = of_kind(&d, "document_to_read");
    assert_eq!(docs.len(), 1, "the contract's PDF counts as the contract, the hidden one not at all: {d}");
    assert_eq!(docs[0]["title"], "VCA-diploma");
    assert_eq!(of_kind(&d, "payslip_to_read")[0]["title"], "Loonstrook oktober 2026");
    // Eva has none of Pieter's.
    let e = dashboard(&app, &eva).await;
    assert!(of_kind(&e, "contract_to_sign").is_empty() && of_kind(&e, "document_to_read").is_empty());

    // Pieter signs: gone.
    let res = send(&app, pieter.on(browser(Method::POST, "/api/v1/me/totp")).set_json(json!({}))).await;
    let key = res.json()["manual_key"].as_str().unwrap().to_string();
    let res = post!(&app, pieter, "/api/v1/me/totp/confirm", json!({"code": app_code(&t, &key)}));
    assert_eq!(res.status, StatusCode::OK);
    t.clock.advance(Duration::seconds(30));
    let res = post!(
        &app,
        pieter,
        &format!("/api/v1/me/contracts/{contract_id}/sign"),
        json!({"agree": true, "typed_name": "Pieter Smit", "code": app_code(&t, &key)})
    );
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    // Reading the documents (the documents module stamps `read_at` when the employee opens one).
    person_document::Entity::update_many()
        .col_expr(person_document::Column::ReadAt, Expr::value(t.clock.now()))
        .filter(person_document::Column::UserId.eq(pieter_id))
        .exec(&t.state.db.write)
        .await
        .unwrap();
    let d = dashboard(&app, &pieter).await;
    for kind in ["contract_to_sign", "document_to_read", "payslip_to_read"] {
        assert!(of_kind(&d, kind).is_empty(), "{kind}: {d}");
        assert_eq!(count(&d, kind), 0);
    }
}

#[actix_web::test]
async fn change_requests_and_the_january_review_reach_the_employer_side() {
    let t = TestApp::with_config(Config { access_token_ttl_secs: 90 * 24 * 3600, ..Config::default() }).await;
    let app = t.service().await;
    let eva = login(&app, EVA).await;
    let pieter = login(&app, PIETER).await;
    let pieter_id = id_of(&app, &pieter).await;
    let org = org_of(&app, &eva).await;
    let now = t.clock.now();
    // The demo has Pieter asking 36 instead of 32 hours from 1 January (as the records module writes it).
    let record = employee_record::Entity::find()
        .filter(employee_record::Column::UserId.eq(pieter_id))
        .filter(employee_record::Column::OrganisationId.eq(org))
        .one(&t.state.db.read)
        .await
        .unwrap()
        .unwrap();
    let _ = now;

    let d = dashboard(&app, &eva).await;
    let cr = of_kind(&d, "change_request_to_handle");
    assert_eq!(cr.len(), 1, "{d}");
    assert_eq!(cr[0]["title"], "Wijzigingsverzoek contracturen");
    assert_eq!(cr[0]["subject"], "Pieter Smit");
    assert_eq!(cr[0]["due_on"], "2027-01-01");
    assert!(of_kind(&dashboard(&app, &pieter).await, "change_request_to_handle").is_empty());
    // Not January: no review.
    assert!(of_kind(&d, "employee_review_due").is_empty());

    // Decided: gone.
    employee_change_request::Entity::update_many()
        .col_expr(employee_change_request::Column::Status, Expr::value("approved"))
        .filter(employee_change_request::Column::RecordId.eq(record.id))
        .exec(&t.state.db.write)
        .await
        .unwrap();
    assert!(of_kind(&dashboard(&app, &eva).await, "change_request_to_handle").is_empty());

    // In January the records not yet confirmed this year are due; confirmed, gone.
    t.clock.set(Utc.with_ymd_and_hms(2027, 1, 5, 9, 0, 0).unwrap());
    let eva = login(&app, EVA).await;
    let d = dashboard(&app, &eva).await;
    let review = of_kind(&d, "employee_review_due");
    assert_eq!(review.len(), 1, "{d}");
    let records = employee_record::Entity::find()
        .filter(employee_record::Column::OrganisationId.eq(org))
        .count(&t.state.db.read)
        .await
        .unwrap();
    assert_eq!(
        count(&d, "employee_review_due"),
        records as i64,
        "every demo record still to confirm for 2027"
    );
    assert_eq!(review[0]["due_on"], "2027-01-31");
    // The browser's review page (frontend/src/app.rs: medewerkers/controle).
    assert_eq!(review[0]["link"], "/medewerkers/controle");
    employee_record::Entity::update_many()
        .col_expr(employee_record::Column::ReviewedYear, Expr::value(2027))
        .filter(employee_record::Column::OrganisationId.eq(org))
        .exec(&t.state.db.write)
        .await
        .unwrap();
    assert!(of_kind(&dashboard(&app, &eva).await, "employee_review_due").is_empty());
}

#[actix_web::test]
async fn weeks_to_approve_and_absence_steps_come_from_their_modules() {
    let t = TestApp::with_config(long_tokens()).await;
    let app = t.service().await;
    let mark = login(&app, MARK).await;
    let eva = login(&app, EVA).await;
    let pieter = login(&app, PIETER).await;

    // Anna (De Linde keeps weekly hours) has this week to fill in and sign; signed, it is gone.
    let anna = login(&app, ANNA).await;
    let d = dashboard(&app, &anna).await;
    let this_week: Vec<&Value> =
        of_kind(&d, "week_to_sign").into_iter().filter(|w| w["link"] == "/uren/week/2026-W47").collect();
    assert_eq!(this_week.len(), 1, "{d}");
    assert_eq!(this_week[0]["title"], "Week 47 invullen en ondertekenen");
    let version = get!(&app, anna, "/api/v1/me/timesheets/2026-W47").json()["version"].clone();
    let res = post!(&app, anna, "/api/v1/me/timesheets/2026-W47/sign", json!({"version": version}));
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let d = dashboard(&app, &anna).await;
    assert!(of_kind(&d, "week_to_sign").iter().all(|w| w["link"] != "/uren/week/2026-W47"), "{d}");

    // Mark coordinates Daan, whose demo weeks wait for approval.
    let d = dashboard(&app, &mark).await;
    let waiting = of_kind(&d, "week_to_approve");
    assert!(!waiting.is_empty(), "{d}");
    let n = count(&d, "week_to_approve");
    assert!(waiting.iter().any(|w| w["subject"] == "Daan Meijer"));
    let link = waiting[0]["link"].as_str().unwrap();
    let id = link.strip_prefix("/uren/goedkeuren/").unwrap();
    let res = post!(&app, mark, &format!("/api/v1/timesheets/{id}/approve"), json!({}));
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(count(&dashboard(&app, &mark).await, "week_to_approve"), n - 1);
    // Pieter approves nothing.
    assert!(of_kind(&dashboard(&app, &pieter).await, "week_to_approve").is_empty());

    // Pieter reports sick: the employer's step to the arbodienst falls due within the week.
    let res = post!(&app, pieter, "/api/v1/me/absence", json!({"first_sick_day": "2026-11-22"}));
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let case = res.json()["id"].as_str().unwrap().to_string();
    let d = dashboard(&app, &eva).await;
    let steps: Vec<&Value> = of_kind(&d, "absence_activity_due")
        .into_iter()
        .filter(|a| a["link"] == format!("/verzuim/{case}"))
        .collect();
    assert!(!steps.is_empty(), "{d}");
    assert_eq!(steps[0]["subject"], "Pieter Smit");
    assert!(count(&d, "absence_activity_due") >= steps.len() as i64);
}

#[actix_web::test]
async fn recent_visits_upsert_and_only_app_paths_are_kept() {
    let t = TestApp::with_config(long_tokens()).await;
    let app = t.service().await;
    let pieter = login(&app, PIETER).await;
    let eva = login(&app, EVA).await;

    for (i, (title, link)) in
        [("Contracten", "/contracten"), ("Nieuws", "/nieuws"), ("Week 47", "/uren/week/2026-W47")]
            .iter()
            .enumerate()
    {
        t.clock.advance(Duration::seconds(i as i64 + 1));
        let res = post!(&app, pieter, "/api/v1/me/recent", json!({"title": title, "link": link}));
        assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.text());
    }
    // Opening "Contracten" again moves it to the top, once.
    t.clock.advance(Duration::seconds(5));
    post!(&app, pieter, "/api/v1/me/recent", json!({"title": "Mijn contracten", "link": "/contracten"}));
    let d = dashboard(&app, &pieter).await;
    let recent: Vec<(&str, &str)> = d["recent"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["title"].as_str().unwrap(), r["link"].as_str().unwrap()))
        .collect();
    assert_eq!(
        recent,
        [("Mijn contracten", "/contracten"), ("Week 47", "/uren/week/2026-W47"), ("Nieuws", "/nieuws")]
    );

    for link in ["//evil.example/x", "https://evil.example", "/\\evil", "contracten"] {
        let res = post!(&app, pieter, "/api/v1/me/recent", json!({"title": "x", "link": link}));
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{link}");
        assert_eq!(res.json()["fields"]["link"]["code"], "not_app_link");
    }
    assert_eq!(dashboard(&app, &pieter).await["recent"].as_array().unwrap().len(), 3);
    // Only eight are shown; someone else's are their own.
    for i in 0..10 {
        t.clock.advance(Duration::seconds(1));
        post!(
            &app,
            pieter,
            "/api/v1/me/recent",
            json!({"title": format!("Item {i}"), "link": format!("/x/{i}")})
        );
    }
    let d = dashboard(&app, &pieter).await;
    assert_eq!(d["recent"].as_array().unwrap().len(), 8);
    assert_eq!(d["recent"][0]["title"], "Item 9");
    assert!(dashboard(&app, &eva).await["recent"].as_array().unwrap().is_empty());

    // News: the latest five for the reader's audience; collapsed sections as remembered.
    assert!(d["news"].as_array().unwrap().len() <= 5);
    assert!(d["news"].as_array().unwrap().iter().all(|n| n["audience"] != "staff"), "{}", d["news"]);
    assert!(
        dashboard(&app, &eva).await["news"].as_array().unwrap().iter().all(|n| n["audience"] != "employees")
    );
    assert_eq!(d["collapsed"], json!([]));
    let pieter_id = id_of(&app, &pieter).await;
    user_setting::ActiveModel {
        user_id: Set(pieter_id),
        key: Set("dashboard.collapsed".into()),
        value: Set(r#"["news","recent"]"#.into()),
    }
    .insert(&t.state.db.write)
    .await
    .unwrap();
    assert_eq!(dashboard(&app, &pieter).await["collapsed"], json!(["news", "recent"]));
}
