//! Absence end to end through the API: sick and recovery reports, the case file
//! with its poortwachter activities, documents per audience, the physician's
//! notes kept from everyone else, relapses, the due-date notices and retention —
//! and the refusals that must change nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use chrono::Duration;
use common::*;
use poort::clock::Clock;
use serde_json::{Value, json};

const PIETER: &str = "pieter.smit@vandijkbouw.example";
const EVA: &str = "eva.visser@vandijkbouw.example";
const LOTTE: &str = "lotte.mulder@arbozorg.example";
const JEROEN: &str = "jeroen.hendriks@arbozorg.example";
const FATIMA: &str = "fatima.elamrani@delinde.example";
// The test clock stands at Sunday 22 November 2026 10:00 UTC.
const TODAY: &str = "2026-11-22";
const CANARY: &str = "CANARY-MEDISCH-7f3a";

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

macro_rules! put {
    ($app:expr, $who:expr, $path:expr, $body:expr) => {
        send($app, $who.on(browser(Method::PUT, $path)).set_json($body)).await
    };
}

fn a_pdf() -> Vec<u8> {
    poort::files::pdf::simple("Plan van aanpak", &["Stap 1: halve dagen", "Stap 2: opbouw"])
}

fn upload_req(who: &Session, case: &str, query: &str, bytes: Vec<u8>) -> actix_web::test::TestRequest {
    who.on(browser(Method::POST, &format!("/api/v1/absence-cases/{case}/documents?{query}")))
        .insert_header(("content-type", "application/octet-stream"))
        .set_payload(bytes)
}

fn activity<'a>(case: &'a Value, key: &str) -> &'a Value {
    case["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["key"] == key)
        .unwrap_or_else(|| panic!("no {key}"))
}

fn user_id_of(case_list: &Value, name: &str) -> Option<String> {
    case_list.as_array()?.iter().find(|p| p["name"] == name).map(|p| p["id"].as_str().unwrap().to_string())
}

#[actix_web::test]
async fn a_case_from_sick_report_to_full_recovery() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let pieter = login(&app, PIETER).await;
    let eva = login(&app, EVA).await;
    let lotte = login(&app, LOTTE).await;
    let jeroen = login(&app, JEROEN).await;

    // Pieter reports sick on Friday, having worked two hours that day.
    let res = post!(
        &app,
        pieter,
        "/api/v1/me/absence",
        json!({"first_sick_day": "2026-11-20", "hours_worked_minutes": 120, "contact_phone": "06 11112222"})
    );
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let case = res.json();
    let id = case["id"].as_str().unwrap().to_string();
    assert_eq!(case["status"], "open");
    assert_eq!(case["sick_days"], 3);
    assert_eq!(activity(&case, "sick_report")["state"], "done");
    assert_eq!(activity(&case, "problem_analysis")["due_on"], "2026-12-31", "day 42 from 20 November");
    assert_eq!(activity(&case, "plan_of_action")["due_on"], "2027-01-14");
    assert_eq!(activity(&case, "report_to_arbodienst")["owner"], "employer");
    assert!(case["case_number"].as_str().unwrap().starts_with("2026-"));

    // The employer and the arbodienst are told; the mail names no illness.
    let outbox = poort::notifications::outbox::recent(&t.state.db.read, None, 50).await.unwrap();
    let opened: Vec<_> = outbox.iter().filter(|m| m.subject.starts_with("Ziekmelding Pieter Smit")).collect();
    let to: Vec<&str> = opened.iter().map(|m| m.recipient.as_str()).collect();
    assert!(to.contains(&EVA) && to.contains(&LOTTE) && to.contains(&JEROEN), "{to:?}");
    assert!(!to.contains(&PIETER));
    assert!(opened[0].body_text.contains(&format!("/verzuim/{id}")));

    // A second open case is refused.
    let res = post!(&app, pieter, "/api/v1/me/absence", json!({"first_sick_day": TODAY}));
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(res.json()["fields"]["first_sick_day"]["code"], "open_case");

    // The employer sees it in the list and in full; the case manager too (serving Van Dijk from ArboZorg).
    let list = get!(&app, eva, "/api/v1/absence-cases?status=open&q=pieter").json();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert_eq!(list["items"][0]["id"], id.as_str());
    let seen = get!(&app, lotte, &format!("/api/v1/absence-cases/{id}")).json();
    assert_eq!(seen["organisation_name"], "Bouwbedrijf Van Dijk B.V.");
    assert_eq!(seen["may"]["set_visibility"], true);
    assert_eq!(seen["may"]["medical_notes"], false);

    // The case manager uploads the plan of action for the employee (not the employer).
    let res = send(
        &app,
        upload_req(
            &lotte,
            &id,
            "kind=plan_of_action&title=Plan%20van%20aanpak&file_name=pva.exe&employee=true&employer=false",
            a_pdf(),
        ),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let doc = res.json();
    assert_eq!(doc["file_name"], "pva.pdf", "the name follows the content");
    assert_eq!(doc["content_type"], "application/pdf");
    let doc_id = doc["id"].as_str().unwrap().to_string();
    let outbox = poort::notifications::outbox::recent(&t.state.db.read, None, 50).await.unwrap();
    let mail = outbox
        .iter()
        .find(|m| m.recipient == PIETER && m.subject.contains("Nieuw document"))
        .expect("document mail");
    assert!(mail.body_text.contains("Plan van aanpak"));
    assert!(
        !outbox.iter().any(|m| m.recipient == EVA && m.subject.contains("Nieuw document")),
        "not for the employer"
    );

    // Pieter reads it; the employer cannot even see it exists.
    let mine = get!(&app, pieter, &format!("/api/v1/absence-cases/{id}")).json();
    assert_eq!(mine["documents"].as_array().unwrap().len(), 1);
    let file = get!(&app, pieter, &format!("/api/v1/absence-cases/{id}/documents/{doc_id}"));
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.body, a_pdf());
    assert!(file.header("content-disposition").unwrap().starts_with("attachment;"));
    let theirs = get!(&app, eva, &format!("/api/v1/absence-cases/{id}")).json();
    assert!(theirs["documents"].as_array().unwrap().is_empty());
    assert_eq!(
        get!(&app, eva, &format!("/api/v1/absence-cases/{id}/documents/{doc_id}")).status,
        StatusCode::NOT_FOUND
    );

    // A file that is not what it claims is refused, and nothing is stored.
    let res = send(
        &app,
        upload_req(
            &lotte,
            &id,
            "kind=report&title=Verslag&file_name=verslag.pdf",
            b"<html><script>x</script>".to_vec(),
        ),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["file"]["code"], "type");
    assert_eq!(
        get!(&app, lotte, &format!("/api/v1/absence-cases/{id}")).json()["documents"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // The physician writes a note and a statement for the employer.
    let res = post!(
        &app,
        jeroen,
        &format!("/api/v1/absence-cases/{id}/medical-notes"),
        json!({"body": format!("{CANARY} rugklachten")})
    );
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let res = post!(
        &app,
        jeroen,
        &format!("/api/v1/absence-cases/{id}/statements"),
        json!({
        "functional_limitations": "Niet tillen", "remaining_capacity": "Kantoorwerk", "advice": "Opbouw", "expected_duration": "one_to_six_weeks"})
    );
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    assert_eq!(
        get!(&app, eva, &format!("/api/v1/absence-cases/{id}")).json()["statements"][0]["functional_limitations"],
        "Niet tillen"
    );

    // The case manager marks the report to the arbodienst done.
    let act = activity(&theirs, "report_to_arbodienst")["id"].as_str().unwrap().to_string();
    let res = post!(&app, lotte, &format!("/api/v1/absence-activities/{act}/done"), json!({}));
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["state"], "done");

    // Bad recovery input is refused and changes nothing.
    let before = get!(&app, eva, &format!("/api/v1/absence-cases/{id}")).json();
    let res = post!(
        &app,
        eva,
        &format!("/api/v1/absence-cases/{id}/recoveries"),
        json!({"from_date": "2026-11-19", "percent": 50})
    );
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["from_date"]["code"], "before_first_sick_day");
    let res = post!(
        &app,
        eva,
        &format!("/api/v1/absence-cases/{id}/recoveries"),
        json!({"from_date": TODAY, "percent": 150})
    );
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["percent"]["code"], "out_of_range");
    let after = get!(&app, eva, &format!("/api/v1/absence-cases/{id}")).json();
    assert_eq!(before["version"], after["version"]);
    assert_eq!(before["recoveries"], after["recoveries"]);

    // 50 % recovered: the clock runs on, due dates stay.
    let res = post!(
        &app,
        eva,
        &format!("/api/v1/absence-cases/{id}/recoveries"),
        json!({"from_date": TODAY, "percent": 50})
    );
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let half = res.json();
    assert_eq!(half["incapacity_percent"], 50);
    assert_eq!(half["status"], "open");
    assert_eq!(activity(&half, "problem_analysis")["due_on"], "2026-12-31");

    // A week later fully recovered: what is open closes; what was done stays done.
    t.clock.advance(Duration::days(7));
    let eva = login(&app, EVA).await;
    let res = post!(
        &app,
        eva,
        &format!("/api/v1/absence-cases/{id}/recoveries"),
        json!({"from_date": "2026-11-29", "percent": 100})
    );
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let closed = res.json();
    assert_eq!(closed["status"], "closed");
    assert_eq!(closed["recovered_on"], "2026-11-29");
    assert_eq!(activity(&closed, "problem_analysis")["state"], "closed");
    assert_eq!(activity(&closed, "report_to_arbodienst")["state"], "done");
    assert_eq!(closed["may"]["report_recovery"], false);
    let timeline: Vec<&str> =
        closed["timeline"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(&timeline[..3], &["recovered", "partly_recovered", "activity_done"], "{timeline:?}");
}

/// Walks every endpoint an employer can call after the physician wrote a note, and
/// fails if the note (or any medical field) appears anywhere.
#[actix_web::test]
async fn the_employer_never_sees_anything_medical() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let eva = login(&app, EVA).await;
    let jeroen = login(&app, JEROEN).await;
    let lotte = login(&app, LOTTE).await;

    let people = get!(&app, eva, "/api/v1/absence-cases/reportable?q=pieter").json();
    let pieter_id = user_id_of(&people, "Pieter Smit").expect("Pieter is reportable");
    let res = post!(
        &app,
        eva,
        "/api/v1/absence-cases",
        json!({"user_id": pieter_id, "first_sick_day": "2026-11-16",
        "facts": {"expected_duration": "one_to_six_weeks", "work_accident": false, "safety_net": true}})
    );
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let id = res.json()["id"].as_str().unwrap().to_string();
    let res = post!(
        &app,
        jeroen,
        &format!("/api/v1/absence-cases/{id}/medical-notes"),
        json!({"body": format!("{CANARY} diagnose")})
    );
    assert_eq!(res.status, StatusCode::CREATED);
    assert_eq!(
        get!(&app, jeroen, &format!("/api/v1/absence-cases/{id}/medical-notes")).json()[0]["body"],
        format!("{CANARY} diagnose")
    );
    // A document only the arbodienst sees, titled innocently.
    let res =
        send(&app, upload_req(&lotte, &id, "kind=report&title=Verslag%20spreekuur&file_name=v.pdf", a_pdf()))
            .await;
    assert_eq!(res.status, StatusCode::CREATED);
    let doc = res.json()["id"].as_str().unwrap().to_string();
    let act = get!(&app, eva, &format!("/api/v1/absence-cases/{id}")).json()["activities"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();

    let mut answers = Vec::new();
    for path in [
        "/api/v1/absence-cases".to_string(),
        "/api/v1/absence-cases?status=open".into(),
        format!("/api/v1/absence-cases?q={CANARY}"),
        format!("/api/v1/absence-cases/{id}"),
        "/api/v1/absence-activities".into(),
        format!("/api/v1/absence-activities?q={CANARY}"),
        "/api/v1/absence-activities?done=false&overdue=true".into(),
        format!("/api/v1/absence-cases/{id}/medical-notes"),
        format!("/api/v1/absence-cases/{id}/documents/{doc}"),
        "/api/v1/me/absence/pending".into(),
        "/api/v1/me/absence".into(),
        "/api/v1/audit".into(),
        "/api/v1/absence-cases/reportable?q=".into(),
    ] {
        answers.push((path.clone(), get!(&app, eva, &path)));
    }
    // …and the error paths.
    answers.push((
        "medical note write".into(),
        post!(&app, eva, &format!("/api/v1/absence-cases/{id}/medical-notes"), json!({"body": "x"})),
    ));
    answers.push((
        "statement write".into(),
        post!(
            &app,
            eva,
            &format!("/api/v1/absence-cases/{id}/statements"),
            json!({"functional_limitations": "x", "remaining_capacity": "x", "advice": "x"})
        ),
    ));
    answers.push((
        "bad recovery".into(),
        post!(
            &app,
            eva,
            &format!("/api/v1/absence-cases/{id}/recoveries"),
            json!({"from_date": "2020-01-01", "percent": 10})
        ),
    ));
    answers.push((
        "visibility".into(),
        put!(
            &app,
            eva,
            &format!("/api/v1/absence-cases/{id}/documents/{doc}/visibility"),
            json!({"employee": true, "employer": true})
        ),
    ));
    answers.push((
        "done".into(),
        post!(&app, eva, &format!("/api/v1/absence-activities/{act}/done"), json!({})),
    ));
    answers.push((
        "facts".into(),
        put!(
            &app,
            eva,
            &format!("/api/v1/absence-cases/{id}/facts"),
            json!({"facts": {"ongoing_work": "Overleg"}, "version": 0})
        ),
    ));
    for (path, res) in &answers {
        let text = res.text();
        assert!(!text.contains(CANARY), "{path} leaked the medical note: {text}");
        assert!(!text.to_lowercase().contains("diagnos"), "{path}: {text}");
        assert!(!text.contains("Verslag spreekuur"), "{path} leaked an arbodienst-only document: {text}");
        if let Ok(json) = serde_json::from_str::<Value>(&text) {
            let mut keys = Vec::new();
            keys_of(&json, &mut keys);
            assert!(
                !keys.iter().any(|k| k == "body" || k.contains("diagnos") || k == "notes"),
                "{path}: {keys:?}"
            );
        }
    }
    let status = |p: &str| answers.iter().find(|(q, _)| q == p).unwrap().1.status;
    assert_eq!(status(&format!("/api/v1/absence-cases/{id}/medical-notes")), StatusCode::NOT_FOUND);
    assert_eq!(status(&format!("/api/v1/absence-cases/{id}/documents/{doc}")), StatusCode::NOT_FOUND);
    assert_eq!(status("medical note write"), StatusCode::NOT_FOUND);
    assert_eq!(status("statement write"), StatusCode::NOT_FOUND);
    assert_eq!(status("visibility"), StatusCode::NOT_FOUND);
    assert_eq!(status("facts"), StatusCode::OK);

    // Reads by the arbodienst (outside the employer) are in the audit log.
    let reads = poort::entities::audit_event::Entity::find()
        .filter(poort::entities::audit_event::Column::Action.eq("medical_notes_read"))
        .all(&t.state.db.read)
        .await
        .unwrap();
    assert_eq!(reads.len(), 1, "the physician's read of the notes is audited");
    // The case manager's read of the case is in the employer's own audit trail.
    let lotte_reads = get!(&app, lotte, &format!("/api/v1/absence-cases/{id}"));
    assert_eq!(lotte_reads.status, StatusCode::OK);
    let eva = login(&app, EVA).await;
    let trail = get!(&app, eva, "/api/v1/audit").json();
    assert!(
        trail["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "absence_case_read" && e["subject"] == id.as_str()),
        "{trail}"
    );
}

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

#[actix_web::test]
async fn nobody_reads_or_reports_outside_their_reach() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let eva = login(&app, EVA).await;
    let pieter = login(&app, PIETER).await;
    let fatima = login(&app, FATIMA).await;
    let anna = login(&app, ANNA).await;
    let lotte = login(&app, LOTTE).await;

    // Van Dijk's demo case of Kees, as the employer sees it.
    let cases = get!(&app, eva, "/api/v1/absence-cases?q=kees").json();
    let kees = cases["items"][0]["id"].as_str().unwrap().to_string();

    // A colleague (employee) cannot read it: 404, as if it did not exist.
    assert_eq!(get!(&app, pieter, &format!("/api/v1/absence-cases/{kees}")).status, StatusCode::NOT_FOUND);
    // Another organisation's administrator (with every right) neither.
    assert_eq!(get!(&app, fatima, &format!("/api/v1/absence-cases/{kees}")).status, StatusCode::NOT_FOUND);
    let res = post!(
        &app,
        fatima,
        &format!("/api/v1/absence-cases/{kees}/recoveries"),
        json!({"from_date": TODAY, "percent": 100})
    );
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    // Employees have no case list.
    assert_eq!(get!(&app, pieter, "/api/v1/absence-cases").status, StatusCode::FORBIDDEN);

    // A report for someone outside the organisation is refused clearly.
    let anna_id = get!(&app, anna, "/api/v1/me").json()["id"].as_str().unwrap().to_string();
    let res = post!(&app, eva, "/api/v1/absence-cases", json!({"user_id": anna_id, "first_sick_day": TODAY}));
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["user_id"]["code"], "not_a_member");
    // A first sick day in the future, too.
    let res = post!(&app, pieter, "/api/v1/me/absence", json!({"first_sick_day": "2026-12-01"}));
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["first_sick_day"]["code"], "in_future");
    assert!(
        get!(&app, pieter, "/api/v1/me/absence").json().as_array().unwrap().is_empty(),
        "nothing was opened"
    );

    // De Linde reports Anna sick; the case manager, who does not serve De Linde, cannot read it.
    let res =
        post!(&app, fatima, "/api/v1/absence-cases", json!({"user_id": anna_id, "first_sick_day": TODAY}));
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let annas = res.json()["id"].as_str().unwrap().to_string();
    assert_eq!(get!(&app, lotte, &format!("/api/v1/absence-cases/{annas}")).status, StatusCode::NOT_FOUND);
    let listed = get!(&app, lotte, "/api/v1/absence-cases").json();
    assert!(
        listed["items"]
            .as_array()
            .unwrap()
            .iter()
            // The employers she serves (the demo's Van Dijk and De Vlinder), never De Linde.
            .all(|c| ["Bouwbedrijf Van Dijk B.V.", "Kinderopvang De Vlinder"]
                .contains(&c["organisation_name"].as_str().unwrap()))
    );
    assert!(get!(&app, lotte, &format!("/api/v1/absence-cases/{kees}")).status.is_success());
    // An unknown id is the same 404.
    assert_eq!(
        get!(&app, eva, &format!("/api/v1/absence-cases/{}", uuid::Uuid::now_v7())).status,
        StatusCode::NOT_FOUND
    );
}

#[actix_web::test]
async fn pregnancy_leave_has_no_poortwachter_steps() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let eva = login(&app, EVA).await;
    let people = get!(&app, eva, "/api/v1/absence-cases/reportable?q=pieter").json();
    let pieter_id = user_id_of(&people, "Pieter Smit").expect("Pieter is reportable");
    // Leave since 1 October: sick, the problem analysis would be overdue by now.
    let res = post!(
        &app,
        eva,
        "/api/v1/absence-cases",
        json!({"user_id": pieter_id, "first_sick_day": "2026-10-01", "facts": {"pregnancy_leave": true}})
    );
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let case = res.json();
    let id = case["id"].as_str().unwrap().to_string();
    assert_eq!(case["facts"]["pregnancy_leave"], true);
    let open = |case: &Value| -> Vec<String> {
        case["activities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["state"] == "open" || a["state"] == "overdue")
            .map(|a| a["key"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(open(&case).is_empty(), "{:?}", open(&case));
    let todo = get!(&app, eva, "/api/v1/absence-activities?done=false&limit=100").json();
    assert!(todo["items"].as_array().unwrap().iter().all(|a| a["case_id"] != id.as_str()), "{todo}");

    // Not leave after all: the steps are planned (the analysis overdue); leave again: closed.
    let res = put!(
        &app,
        eva,
        &format!("/api/v1/absence-cases/{id}/facts"),
        json!({"facts": {"pregnancy_leave": false}, "version": case["version"]})
    );
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let case = res.json();
    assert_eq!(activity(&case, "problem_analysis")["state"], "overdue");
    assert!(open(&case).contains(&"plan_of_action".to_string()));
    let res = put!(
        &app,
        eva,
        &format!("/api/v1/absence-cases/{id}/facts"),
        json!({"facts": {"pregnancy_leave": true}, "version": case["version"]})
    );
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let case = res.json();
    assert!(open(&case).is_empty(), "{:?}", open(&case));
    assert_eq!(activity(&case, "problem_analysis")["state"], "closed");

    // Back from leave on the 16th, sick on the 20th: a new sick case with its own clock,
    // not a relapse of the leave (nor would leave continue a sick case).
    let res = post!(
        &app,
        eva,
        &format!("/api/v1/absence-cases/{id}/recoveries"),
        json!({"from_date": "2026-11-16", "percent": 100})
    );
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let res = post!(
        &app,
        eva,
        "/api/v1/absence-cases",
        json!({"user_id": pieter_id, "first_sick_day": "2026-11-20"})
    );
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let sick = res.json();
    assert_ne!(sick["id"], id.as_str(), "a new case");
    assert_eq!(sick["facts"]["pregnancy_leave"], false);
    assert_eq!(activity(&sick, "problem_analysis")["due_on"], "2026-12-31", "day 42 from 20 November");
}

#[actix_web::test]
async fn a_relapse_within_28_days_continues_the_case_and_its_clock() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let pieter = login(&app, PIETER).await;
    let eva = login(&app, EVA).await;
    let case = post!(&app, pieter, "/api/v1/me/absence", json!({"first_sick_day": "2026-11-02"})).json();
    let id = case["id"].as_str().unwrap().to_string();
    assert_eq!(activity(&case, "problem_analysis")["due_on"], "2026-12-13");
    // Back at work on the 12th: ten sick days (2–11 November).
    let res = post!(
        &app,
        pieter,
        &format!("/api/v1/me/absence/{id}/recovered"),
        json!({"from_date": "2026-11-12"})
    );
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    // Sick again on the 20th, 8 days later: the same case, every due date 8 days later.
    let res = post!(&app, pieter, "/api/v1/me/absence", json!({"first_sick_day": "2026-11-20"}));
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let again = res.json();
    assert_eq!(again["id"], id.as_str(), "continued, not a new case");
    assert_eq!(again["spells"].as_array().unwrap().len(), 2);
    assert_eq!(activity(&again, "problem_analysis")["due_on"], "2026-12-21");
    assert_eq!(activity(&again, "problem_analysis")["state"], "open");
    assert_eq!(again["sick_days"], 13);

    // Recovered again, and sick 28 days later: a new case with a new clock.
    let res = post!(
        &app,
        eva,
        &format!("/api/v1/absence-cases/{id}/recoveries"),
        json!({"from_date": TODAY, "percent": 100})
    );
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    t.clock.advance(Duration::days(28));
    let pieter = login(&app, PIETER).await;
    let res = post!(&app, pieter, "/api/v1/me/absence", json!({"first_sick_day": "2026-12-20"}));
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    assert_ne!(res.json()["id"], id.as_str());
    assert_eq!(get!(&app, pieter, "/api/v1/me/absence").json().as_array().unwrap().len(), 2);
}

#[actix_web::test]
async fn steps_falling_due_are_mailed_once_and_old_cases_are_anonymised() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let lotte = login(&app, LOTTE).await;
    let pieter = login(&app, PIETER).await;
    let case = post!(&app, pieter, "/api/v1/me/absence", json!({"first_sick_day": TODAY})).json();
    let id = case["id"].as_str().unwrap().to_string();
    let res = send(
        &app,
        upload_req(&lotte, &id, "kind=report&title=Verslag&file_name=v.pdf&employee=true", a_pdf()),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED);

    // The report to the arbodienst (day 7, 28 November) is within a week: Eva is told, once.
    let r = poort::absence::jobs::run_due(&t.state, t.clock.now()).await.unwrap();
    assert!(r.noticed >= 1, "{r:?}");
    let again = poort::absence::jobs::run_due(&t.state, t.clock.now()).await.unwrap();
    assert_eq!(again.noticed, 0, "no second mail for the same due date");
    let outbox = poort::notifications::outbox::recent(&t.state.db.read, None, 100).await.unwrap();
    let number = case["case_number"].as_str().unwrap();
    let due: Vec<_> = outbox
        .iter()
        .filter(|m| {
            m.recipient == EVA
                && m.subject.contains(number)
                && m.subject.contains("ziekmelding aan de arbodienst")
        })
        .collect();
    // The sick report itself was done by reporting: nobody is reminded of it.
    assert!(
        !outbox.iter().any(|m| m.subject.contains(number) && m.subject.contains("ziekmelding uiterlijk"))
    );
    assert_eq!(due.len(), 1, "{:?}", outbox.iter().map(|m| &m.subject).collect::<Vec<_>>());
    assert!(due[0].subject.contains("28-11-2026"));

    // Recovered; two years and a day later the case is anonymised and its file deleted.
    let eva = login(&app, EVA).await;
    let res = post!(
        &app,
        eva,
        &format!("/api/v1/absence-cases/{id}/recoveries"),
        json!({"from_date": TODAY, "percent": 100})
    );
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let files = || walkdir(&t.state.config.files_dir);
    assert_eq!(files(), 1);
    let case_row = || async {
        poort::entities::absence_case::Entity::find_by_id(uuid::Uuid::parse_str(&id).unwrap())
            .one(&t.state.db.read)
            .await
            .unwrap()
            .unwrap()
    };
    t.clock.advance(Duration::days(729));
    poort::absence::jobs::run_due(&t.state, t.clock.now()).await.unwrap();
    assert!(case_row().await.anonymised_at.is_none(), "not yet");
    assert_eq!(files(), 1);
    t.clock.advance(Duration::days(2));
    assert!(poort::absence::jobs::run_due(&t.state, t.clock.now()).await.unwrap().anonymised >= 1);
    assert_eq!(files(), 0, "the document's file is gone");
    let row = case_row().await;
    assert!(row.user_id.is_none() && row.contact_phone.is_none() && row.anonymised_at.is_some());
    assert_eq!(row.first_sick_day.to_string(), TODAY, "dates stay for the statistics");
    let eva = login(&app, EVA).await;
    assert_eq!(get!(&app, eva, &format!("/api/v1/absence-cases/{id}")).status, StatusCode::NOT_FOUND);
}

fn keys_of(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                out.push(k.clone());
                keys_of(v, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|v| keys_of(v, out)),
        _ => {}
    }
}

fn walkdir(dir: &std::path::Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    entries.filter_map(Result::ok).map(|e| if e.path().is_dir() { walkdir(&e.path()) } else { 1 }).sum()
}
