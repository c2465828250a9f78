//! Hours end to end through the API: fill in, sign, reject, approve, corrections,
//! the deadline lock and reminders (manual clock), bulk approval, exports and
//! planned hours — with the refusals that must change nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use chrono::{TimeZone, Utc};
use common::*;
use poort::clock::Clock;
use serde_json::{Value, json};

const MARK: &str = "mark.devries@delinde.example";
const SOPHIE: &str = "sophie.bakker@delinde.example";
const DAAN: &str = "daan.meijer@delinde.example";
// The test clock stands at Sunday 22 November 2026 10:00 UTC: week 47 is due
// Monday 23 November 09:00 Amsterdam (08:00 UTC); week 46 is past its deadline.
const THIS_WEEK: &str = "2026-W47";
const LAST_WEEK: &str = "2026-W46";

fn shift(day: &str, client: Option<&str>, start: &str, end: &str) -> Value {
    let mut e = json!({"day": day, "hour_type": "direct_care", "start": start, "end": end});
    if let Some(c) = client {
        e["client_id"] = json!(c);
    }
    e
}

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

async fn client_id<S, B>(app: &S, who: &Session, name: &str) -> String
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let res = get!(app, who, &format!("/api/v1/clients?q={}", name.replace(' ', "%20")));
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    res.json()["items"][0]["id"].as_str().unwrap().to_string()
}

#[actix_web::test]
async fn a_week_is_filled_signed_rejected_corrected_and_approved() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let anna = login(&app, ANNA).await;
    let mark = login(&app, MARK).await;
    let kramer = client_id(&app, &anna, "Kramer").await;

    let week = get!(&app, anna, &format!("/api/v1/me/timesheets/{THIS_WEEK}")).json();
    assert_eq!(week["status"], "open");
    assert_eq!(week["may"]["edit"], true);
    let planned = week["entries"].as_array().unwrap().iter().filter(|e| e["source"] == "planning").count();
    assert_eq!(planned, 2, "the planning system's lines wait for Anna's confirmation");

    let mut lines: Vec<Value> = week["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let mut l = json!({"id": e["id"], "day": e["day"], "hour_type": e["hour_type"], "start": e["start"], "end": e["end"]});
            if let Some(c) = e["client"]["id"].as_str() {
                l["client_id"] = json!(c);
            }
            l
        })
        .collect();
    lines.push(shift("2026-11-18", Some(&kramer), "08:00:00", "12:30:00"));
    lines.push(json!({"day": "2026-11-18", "hour_type": "travel", "minutes": 45}));
    let res = put!(
        &app,
        anna,
        &format!("/api/v1/me/timesheets/{THIS_WEEK}/entries"),
        json!({"version": week["version"], "entries": lines})
    );
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let saved = res.json();
    assert_eq!(saved["totals"]["per_day"][2], 270 + 45);
    assert_eq!(saved["total_minutes"], week["total_minutes"].as_i64().unwrap() + 315);
    let still_planned =
        saved["entries"].as_array().unwrap().iter().filter(|e| e["source"] == "planning").count();
    assert_eq!(still_planned, 2, "unchanged planned lines keep their origin");

    let res = post!(
        &app,
        anna,
        &format!("/api/v1/me/timesheets/{THIS_WEEK}/sign"),
        json!({"version": saved["version"]})
    );
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let signed = res.json();
    assert_eq!(signed["status"], "submitted");
    assert_eq!(signed["late"], false);
    assert_eq!(signed["may"]["edit"], false);
    let id = signed["id"].as_str().unwrap().to_string();

    // The coordinator finds it among the submitted weeks of their teams.
    let list = get!(&app, mark, "/api/v1/timesheets?status=submitted&q=anna").json();
    assert!(list["items"].as_array().unwrap().iter().any(|w| w["id"] == id.as_str()));

    let res = post!(&app, mark, &format!("/api/v1/timesheets/{id}/reject"), json!({"reason": "  "}));
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["reason"]["code"], "required");
    let reason = "Woensdag mist de pauze";
    let res = post!(&app, mark, &format!("/api/v1/timesheets/{id}/reject"), json!({"reason": reason}));
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["status"], "rejected");

    // Anna is told by mail, with a deep link to the week.
    let outbox = poort::notifications::outbox::recent(&t.state.db.read, None, 50).await.unwrap();
    let mail = outbox
        .iter()
        .find(|m| m.recipient == ANNA && m.subject.contains("afgewezen"))
        .expect("rejection mail");
    assert!(mail.body_text.contains(reason));
    assert!(mail.body_text.contains(&format!("/uren/week/{THIS_WEEK}")));

    // The rejection reopens the week for her; she corrects and signs again.
    let week = get!(&app, anna, &format!("/api/v1/me/timesheets/{THIS_WEEK}")).json();
    assert_eq!(week["rejection_reason"], reason);
    assert_eq!(week["may"]["edit"], true);
    let mut lines: Vec<Value> = week["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let mut l = json!({"id": e["id"], "day": e["day"], "hour_type": e["hour_type"]});
            if e["start"].is_string() {
                l["start"] = e["start"].clone();
                l["end"] = e["end"].clone();
            } else {
                l["minutes"] = e["minutes"].clone();
            }
            if let Some(c) = e["client"]["id"].as_str() {
                l["client_id"] = json!(c);
            }
            l
        })
        .collect();
    let wed = lines.iter_mut().find(|l| l["day"] == "2026-11-18" && l["hour_type"] == "direct_care").unwrap();
    wed["break_minutes"] = json!(30);
    let res = put!(
        &app,
        anna,
        &format!("/api/v1/me/timesheets/{THIS_WEEK}/entries"),
        json!({"version": week["version"], "entries": lines})
    );
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let v = res.json()["version"].clone();
    assert_eq!(
        post!(&app, anna, &format!("/api/v1/me/timesheets/{THIS_WEEK}/sign"), json!({"version": v})).status,
        StatusCode::OK
    );

    let res = post!(&app, mark, &format!("/api/v1/timesheets/{id}/approve"), json!({}));
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let approved = res.json();
    assert_eq!(approved["status"], "approved");
    assert_eq!(approved["decided_by"], "Mark de Vries");
    let actions: Vec<&str> =
        approved["history"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["saved", "saved", "signed", "rejected", "saved", "signed", "approved"]);
}

#[actix_web::test]
async fn bad_lines_are_refused_per_field_and_change_nothing() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let anna = login(&app, ANNA).await;
    let eva = login(&app, EVA).await;
    let before = get!(&app, anna, &format!("/api/v1/me/timesheets/{THIS_WEEK}")).json();
    let path = format!("/api/v1/me/timesheets/{THIS_WEEK}/entries");
    // A client of another organisation (Van Dijk's).
    let van_dijk: uuid::Uuid =
        get!(&app, eva, "/api/v1/me").json()["organisation_id"].as_str().unwrap().parse().unwrap();
    let other_org_client = uuid::Uuid::now_v7();
    use sea_orm::ActiveModelTrait;
    poort::entities::client::ActiveModel {
        id: sea_orm::Set(other_org_client),
        organisation_id: sea_orm::Set(van_dijk),
        name: sea_orm::Set("Klant van Van Dijk".into()),
        municipality: sea_orm::Set(None),
        client_number: sea_orm::Set(None),
        active: sea_orm::Set(true),
        created_at: sea_orm::Set(t.clock.now()),
    }
    .insert(&t.state.db.write)
    .await
    .unwrap();
    let other_org_client = other_org_client.to_string();
    let cases = [
        (
            vec![
                shift("2026-11-16", None, "08:00:00", "12:00:00"),
                shift("2026-11-16", None, "11:00:00", "13:00:00"),
            ],
            "entries[1].start",
            "overlaps",
        ),
        (
            vec![
                json!({"day": "2026-11-17", "hour_type": "direct_care", "minutes": 20 * 60}),
                json!({"day": "2026-11-17", "hour_type": "travel", "minutes": 5 * 60}),
            ],
            "entries[0].day",
            "day_over_24_hours",
        ),
        (
            vec![json!({"day": "2026-11-17", "hour_type": "direct_care", "minutes": -30})],
            "entries[0].minutes",
            "negative",
        ),
        (vec![shift("2026-11-17", None, "12:00:00", "08:00:00")], "entries[0].end", "end_before_start"),
        (vec![shift("2026-11-24", None, "08:00:00", "12:00:00")], "entries[0].day", "outside_week"),
        (
            vec![json!({"day": "2026-11-17", "hour_type": "sleeping", "minutes": 60})],
            "entries[0].hour_type",
            "unknown",
        ),
        (
            vec![shift("2026-11-17", Some(&other_org_client), "08:00:00", "09:00:00")],
            "entries[0].client_id",
            "unknown",
        ),
    ];
    for (lines, field, code) in cases {
        let res = put!(&app, anna, &path, json!({"version": before["version"], "entries": lines}));
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}: {}", res.text());
        let fields = res.json()["fields"].clone();
        assert_eq!(fields[field]["code"], code, "{field}: {fields}");
    }
    // A stale version: someone (another tab) saved in between.
    let res =
        put!(&app, anna, &path, json!({"version": before["version"].as_i64().unwrap() + 7, "entries": []}));
    assert_eq!(res.status, StatusCode::CONFLICT);
    let after = get!(&app, anna, &format!("/api/v1/me/timesheets/{THIS_WEEK}")).json();
    assert_eq!(after["entries"], before["entries"]);
    assert_eq!(after["version"], before["version"]);
    // Unknown fields such as a status or another worker are refused outright.
    let res =
        put!(&app, anna, &path, json!({"version": before["version"], "entries": [], "status": "approved"}));
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert_eq!(get!(&app, anna, "/api/v1/me/timesheets/2026-W99").status, StatusCode::BAD_REQUEST);
    let res = get!(&app, anna, "/api/v1/me/timesheets/2031-W01");
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "no weeks years ahead");
    assert_eq!(res.json()["fields"]["week"]["code"], "too_far_ahead");
}

#[actix_web::test]
async fn nobody_sees_or_decides_weeks_that_are_not_theirs() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let anna = login(&app, ANNA).await;
    let daan = login(&app, DAAN).await;
    let mark = login(&app, MARK).await;
    let eva = login(&app, EVA).await;
    let fatima = login(&app, FATIMA).await;
    let daans = get!(&app, daan, "/api/v1/me/timesheets?status=submitted").json();
    let id = daans["items"][0]["id"].as_str().unwrap().to_string();

    assert_eq!(
        get!(&app, anna, &format!("/api/v1/timesheets/{id}")).status,
        StatusCode::NOT_FOUND,
        "a colleague's week"
    );
    assert_eq!(
        get!(&app, eva, &format!("/api/v1/timesheets/{id}")).status,
        StatusCode::NOT_FOUND,
        "another organisation"
    );
    assert_eq!(
        post!(&app, eva, &format!("/api/v1/timesheets/{id}/approve"), json!({})).status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get!(&app, anna, "/api/v1/timesheets").status,
        StatusCode::FORBIDDEN,
        "workers have no approval list"
    );
    let res = post!(&app, daan, &format!("/api/v1/timesheets/{id}/approve"), json!({}));
    assert_eq!(res.status, StatusCode::FORBIDDEN, "a worker approves nothing, not even their own week");
    // Eva's list holds only Van Dijk's weeks (none), never De Linde's.
    let list = get!(&app, eva, "/api/v1/timesheets").json();
    assert_eq!(list["items"].as_array().unwrap().len(), 0);
    // The administrator approves for the whole organisation, but not their own week.
    let own = get!(&app, fatima, &format!("/api/v1/me/timesheets/{LAST_WEEK}")).json();
    let own_id = own["id"].as_str().unwrap();
    let v = own["version"].clone();
    assert_eq!(
        post!(&app, fatima, &format!("/api/v1/me/timesheets/{LAST_WEEK}/sign"), json!({"version": v})).status,
        StatusCode::OK
    );
    let res = post!(&app, fatima, &format!("/api/v1/timesheets/{own_id}/approve"), json!({}));
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert!(res.text().contains("own week"));
    // Mark (coordinator of Noord and Zuid) sees Daan's and Noor's weeks; Fatima too.
    let names = |v: Value| -> Vec<String> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["worker_name"].as_str().unwrap().to_string())
            .collect()
    };
    let marks = names(get!(&app, mark, "/api/v1/timesheets?status=submitted").json());
    assert!(marks.contains(&"Daan Meijer".to_string()) && marks.contains(&"Noor Willems".to_string()));
    assert!(!marks.contains(&"Fatima El Amrani".to_string()), "Fatima is in none of Mark's teams");
    let fatimas = names(get!(&app, fatima, "/api/v1/timesheets?status=submitted").json());
    assert!(fatimas.contains(&"Fatima El Amrani".to_string()));
}

#[actix_web::test]
async fn at_the_deadline_the_week_locks_and_a_correction_goes_through_the_planner() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let anna = login(&app, ANNA).await;
    let week = get!(&app, anna, &format!("/api/v1/me/timesheets/{THIS_WEEK}")).json();
    let path = format!("/api/v1/me/timesheets/{THIS_WEEK}/entries");
    // One second before Monday 09:00 Amsterdam she may still save…
    t.clock.set(Utc.with_ymd_and_hms(2026, 11, 23, 7, 59, 59).unwrap());
    // Access tokens are short-lived; after the clock jump everyone signs in again.
    let anna = login(&app, ANNA).await;
    let lines = vec![shift("2026-11-16", None, "08:00:00", "12:00:00")];
    let res = put!(&app, anna, &path, json!({"version": week["version"], "entries": lines}));
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let version = res.json()["version"].clone();
    // …at 09:00 the week is locked and late.
    t.clock.set(Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap());
    let (anna, sophie, mark) = (login(&app, ANNA).await, login(&app, SOPHIE).await, login(&app, MARK).await);
    let res = put!(&app, anna, &path, json!({"version": version, "entries": []}));
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert!(res.text().contains("deadline"), "{}", res.text());
    let report =
        poort::hours::jobs::run_due(&t.state.db, "http://127.0.0.1:8080", t.clock.now()).await.unwrap();
    assert!(report.locked >= 1, "{report:?}");
    let week = get!(&app, anna, &format!("/api/v1/me/timesheets/{THIS_WEEK}")).json();
    assert_eq!(week["late"], true);
    assert_eq!(week["may"]["edit"], false);
    assert_eq!(week["may"]["request_correction"], true);
    assert_eq!(week["history"].as_array().unwrap().last().unwrap()["action"], "locked");
    // Missing weeks of the other workers were created, late, so the coordinator sees who is missing.
    let late =
        get!(&app, mark, &format!("/api/v1/timesheets?late=true&from={THIS_WEEK}&to={THIS_WEEK}")).json();
    let names: Vec<&str> =
        late["items"].as_array().unwrap().iter().map(|w| w["worker_name"].as_str().unwrap()).collect();
    assert!(names.contains(&"Daan Meijer") && names.contains(&"Anna Jansen"), "{names:?}");

    // A correction: the proposal and the reason go to the planner.
    let kramer = client_id(&app, &anna, "Kramer").await;
    let proposal = vec![
        shift("2026-11-16", None, "08:00:00", "12:00:00"),
        shift("2026-11-17", Some(&kramer), "13:00:00", "17:00:00"),
    ];
    let res = post!(
        &app,
        anna,
        &format!("/api/v1/me/timesheets/{THIS_WEEK}/corrections"),
        json!({"reason": "", "entries": proposal})
    );
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "a reason is required");
    let res = post!(
        &app,
        anna,
        &format!("/api/v1/me/timesheets/{THIS_WEEK}/corrections"),
        json!({"reason": "Dinsdagmiddag vergeten", "entries": proposal})
    );
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let correction = res.json();
    assert_eq!(
        (correction["minutes_before"].as_i64(), correction["minutes_after"].as_i64()),
        (Some(240), Some(480))
    );
    let res = post!(
        &app,
        anna,
        &format!("/api/v1/me/timesheets/{THIS_WEEK}/corrections"),
        json!({"reason": "nog een", "entries": proposal})
    );
    assert_eq!(res.status, StatusCode::CONFLICT, "one request at a time");
    let cid = correction["id"].as_str().unwrap();
    assert_eq!(
        post!(&app, anna, &format!("/api/v1/hour-corrections/{cid}/accept"), json!({})).status,
        StatusCode::FORBIDDEN
    );
    // The planner sees whose care the hours were for by name, not by id.
    assert_eq!(
        correction["clients"],
        json!([{"id": kramer, "name": "Mevrouw A. Kramer", "municipality": "Zeist"}])
    );
    let pending = get!(&app, sophie, "/api/v1/hour-corrections?status=pending").json();
    let listed = pending["items"].as_array().unwrap().iter().find(|c| c["id"] == cid).unwrap().clone();
    assert_eq!(listed["clients"], correction["clients"]);
    let week = get!(&app, anna, &format!("/api/v1/me/timesheets/{THIS_WEEK}")).json();
    assert_eq!(week["pending_correction"]["clients"][0]["name"], "Mevrouw A. Kramer");
    let res = post!(&app, sophie, &format!("/api/v1/hour-corrections/{cid}/accept"), json!({}));
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["decided_by"], "Sophie Bakker");
    let week = get!(&app, anna, &format!("/api/v1/me/timesheets/{THIS_WEEK}")).json();
    assert_eq!(week["total_minutes"], 480);
    assert!(week["entries"].as_array().unwrap().iter().all(|e| e["source"] == "correction"));
    let last = week["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (last["action"].as_str(), last["actor_name"].as_str()),
        (Some("correction_accepted"), Some("Sophie Bakker"))
    );
    assert_eq!(last["reason"], "Dinsdagmiddag vergeten");
    // Signing after the deadline is still possible, and stays marked late.
    let res = post!(
        &app,
        anna,
        &format!("/api/v1/me/timesheets/{THIS_WEEK}/sign"),
        json!({"version": week["version"]})
    );
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(
        (res.json()["status"].as_str(), res.json()["late"].as_bool()),
        (Some("submitted"), Some(true))
    );
}

#[actix_web::test]
async fn reminders_go_once_to_those_who_have_not_signed() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let anna = login(&app, ANNA).await;
    let w = get!(&app, anna, &format!("/api/v1/me/timesheets/{THIS_WEEK}")).json();
    assert_eq!(
        post!(
            &app,
            anna,
            &format!("/api/v1/me/timesheets/{THIS_WEEK}/sign"),
            json!({"version": w["version"]})
        )
        .status,
        StatusCode::OK
    );
    // Monday 07:00 Amsterdam = 06:00 UTC: the second reminder moment of week 47.
    t.clock.set(Utc.with_ymd_and_hms(2026, 11, 23, 6, 0, 0).unwrap());
    let first =
        poort::hours::jobs::run_due(&t.state.db, "http://poort.example", t.clock.now()).await.unwrap();
    assert_eq!(first.reminded, 2, "Daan and Noor have not signed; Anna has");
    let again =
        poort::hours::jobs::run_due(&t.state.db, "http://poort.example", t.clock.now()).await.unwrap();
    assert_eq!(again.reminded, 0, "each moment runs once");
    let outbox = poort::notifications::outbox::recent(&t.state.db.read, None, 50).await.unwrap();
    let reminders: Vec<_> = outbox.iter().filter(|m| m.subject.contains("Onderteken je uren")).collect();
    assert_eq!(reminders.len(), 2);
    assert!(reminders.iter().all(|m| m.recipient != ANNA));
    assert!(reminders[0].body_text.contains("http://poort.example/uren/week/2026-W47"));
    assert!(reminders[0].body_text.contains("23-11-2026 09:00"), "{}", reminders[0].body_text);
}

#[actix_web::test]
async fn bulk_approval_takes_what_may_be_approved_and_says_why_not_for_the_rest() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let mark = login(&app, MARK).await;
    let submitted = get!(&app, mark, "/api/v1/timesheets?status=submitted").json();
    let mut ids: Vec<String> = submitted["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["id"].as_str().unwrap().to_string())
        .collect();
    let n = ids.len();
    assert!(n >= 4, "{submitted}");
    let open = get!(&app, mark, "/api/v1/timesheets?status=open").json()["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let stranger = uuid::Uuid::now_v7().to_string();
    ids.push(open.clone());
    ids.push(stranger.clone());
    let res = post!(&app, mark, "/api/v1/timesheets/approve", json!({"ids": ids}));
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let out = res.json();
    assert_eq!(out["approved"].as_array().unwrap().len(), n);
    let refused = out["refused"].as_array().unwrap();
    assert!(refused.contains(&json!({"id": open, "reason": "not_submitted"})));
    assert!(refused.contains(&json!({"id": stranger, "reason": "not_found"})));
    assert_eq!(
        get!(&app, mark, "/api/v1/timesheets?status=submitted").json()["items"].as_array().unwrap().len(),
        0
    );
    let too_many: Vec<String> = (0..201).map(|_| uuid::Uuid::now_v7().to_string()).collect();
    assert_eq!(
        post!(&app, mark, "/api/v1/timesheets/approve", json!({"ids": too_many})).status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

#[actix_web::test]
async fn exports_are_idempotent_and_processed_weeks_never_change() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let fatima = login(&app, FATIMA).await;
    let anna = login(&app, ANNA).await;
    let body = json!({"idempotency_key": "payroll-2026-11-22"});
    assert_eq!(post!(&app, anna, "/api/v1/hour-exports", body.clone()).status, StatusCode::FORBIDDEN);
    let res = post!(&app, fatima, "/api/v1/hour-exports", body.clone());
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let batch = res.json();
    assert_eq!(batch["timesheet_count"], 2, "Anna's and Daan's approved weeks");
    assert_eq!(batch["total_minutes"], 1200 + 1500);
    let again = post!(&app, fatima, "/api/v1/hour-exports", body.clone());
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json()["id"], batch["id"]);
    let res = post!(&app, fatima, "/api/v1/hour-exports", json!({"idempotency_key": "payroll-second"}));
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "nothing approved is left");

    let id = batch["id"].as_str().unwrap();
    let csv = get!(&app, fatima, &format!("/api/v1/hour-exports/{id}/payroll.csv"));
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.header("content-disposition").unwrap().starts_with("attachment; filename=\"uren-salaris-"));
    let text = csv.text();
    assert!(text.starts_with("Medewerker;Medewerker-id;Week;Kostenplaats;Uursoort;Uren;Minuten\n"), "{text}");
    // Anna's week 44 was worked in Zuid, before she moved to Noord; Daan works in Noord.
    assert!(
        text.contains("Anna Jansen;") && text.contains(";2026-W44;Wijkzorg Zuid 4200;direct_care;18,00;1080"),
        "{text}"
    );
    assert!(text.contains(";2026-W44;Wijkzorg Noord 4100;direct_care;"), "{text}");
    let billing = get!(&app, fatima, &format!("/api/v1/hour-exports/{id}/billing.csv")).text();
    assert!(billing.contains("Utrecht;Mevrouw J. de Groot;"), "{billing}");
    assert!(billing.starts_with("Gemeente;Cliënt;Cliënt-id;Kostenplaats;Uursoort;"), "{billing}");
    let xlsx = get!(&app, fatima, &format!("/api/v1/hour-exports/{id}/billing.xlsx"));
    assert_eq!(&xlsx.body[..2], b"PK", "an XLSX file is a zip");
    let lines = get!(&app, fatima, &format!("/api/v1/hour-exports/{id}/lines?limit=5")).json();
    assert_eq!(lines["items"].as_array().unwrap().len(), 5);
    assert!(
        lines["items"].as_array().unwrap().iter().all(|l| l["cost_centre"].as_str().is_some()),
        "{lines}"
    );
    assert!(lines["next_cursor"].is_string());

    // Another organisation's export does not exist for Eva, even with the right.
    let eva = login(&app, EVA).await;
    assert_eq!(get!(&app, eva, &format!("/api/v1/hour-exports/{id}")).status, StatusCode::NOT_FOUND);
    assert_eq!(
        get!(&app, eva, &format!("/api/v1/hour-exports/{id}/payroll.csv")).status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(get!(&app, eva, &format!("/api/v1/hour-exports/{id}/lines")).status, StatusCode::NOT_FOUND);

    // Processed: Anna can no longer ask for a correction of that week.
    let res = post!(
        &app,
        anna,
        "/api/v1/me/timesheets/2026-W44/corrections",
        json!({"reason": "te laat gezien", "entries": []})
    );
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(get!(&app, anna, "/api/v1/me/timesheets/2026-W44").json()["status"], "processed");
}

#[actix_web::test]
async fn a_planning_system_puts_planned_hours_in_open_weeks() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let fatima = login(&app, FATIMA).await;
    let anna = login(&app, ANNA).await;
    let res = post!(
        &app,
        fatima,
        "/api/v1/api-clients",
        json!({"name": "Nedap ONS planning", "scopes": ["hours:plan"]})
    );
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let (cid, secret) = (res.json()["client"]["id"].clone(), res.json()["client_secret"].clone());
    let token = send(
        &app,
        actix_web::test::TestRequest::post()
            .uri("/api/v1/auth/client-token")
            .set_json(json!({"client_id": cid, "client_secret": secret})),
    )
    .await
    .json()["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    let me = get!(&app, anna, "/api/v1/me").json();
    let worker = me["id"].clone();
    let bos = send(&app, bearer(Method::GET, "/api/v1/clients?q=bos", &token)).await.json()["items"][0]["id"]
        .clone();
    let plan = |start: &str| {
        json!({"entries": [
            {"external_id": "ONS-1", "worker_id": worker, "client_id": bos, "day": "2026-11-19", "hour_type": "direct_care", "start": start, "end": "12:00:00"},
            {"external_id": "ONS-2", "worker_id": worker, "day": "2026-11-12", "hour_type": "direct_care", "start": "08:00:00", "end": "09:00:00"},
            {"external_id": "ONS-3", "worker_id": uuid::Uuid::now_v7(), "day": "2026-11-19", "hour_type": "direct_care", "start": "08:00:00", "end": "09:00:00"}
        ]})
    };
    let res =
        send(&app, bearer(Method::POST, "/api/v1/planned-hours", &token).set_json(plan("09:00:00"))).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let out = res.json();
    assert_eq!((out["created"].as_i64(), out["updated"].as_i64()), (Some(1), Some(0)));
    let mut skipped: Vec<(&str, &str)> = out["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["external_id"].as_str().unwrap(), s["reason"].as_str().unwrap()))
        .collect();
    skipped.sort();
    assert_eq!(skipped, [("ONS-2", "week_locked"), ("ONS-3", "unknown_worker")]);
    let res =
        send(&app, bearer(Method::POST, "/api/v1/planned-hours", &token).set_json(plan("10:00:00"))).await;
    assert_eq!(res.json()["updated"], 1, "the same external id updates the line");
    let week = get!(&app, anna, &format!("/api/v1/me/timesheets/{THIS_WEEK}")).json();
    let line = week["entries"].as_array().unwrap().iter().find(|e| e["day"] == "2026-11-19").unwrap().clone();
    assert_eq!((line["source"].as_str(), line["minutes"].as_i64()), (Some("planning"), Some(120)));
    // Without the scope: no.
    let res = send(
        &app,
        bearer(Method::POST, "/api/v1/hour-exports", &token).set_json(json!({"idempotency_key": "abcdefgh"})),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
}

#[actix_web::test]
async fn deadline_settings_are_checked_and_move_open_weeks() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let fatima = login(&app, FATIMA).await;
    let anna = login(&app, ANNA).await;
    let bad = json!({"enabled": true, "deadline": {"day_offset": 6, "time": "23:00:00"}, "reminders": []});
    assert_eq!(put!(&app, anna, "/api/v1/hours/settings", bad.clone()).status, StatusCode::FORBIDDEN);
    let res = put!(&app, fatima, "/api/v1/hours/settings", bad);
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["deadline"]["code"], "deadline_before_week_ends");
    // Tuesday 12:00 instead of Monday 09:00: this week's deadline moves, last week's does not.
    let good = json!({"enabled": true, "deadline": {"day_offset": 8, "time": "12:00:00"}, "reminders": [{"day_offset": 7, "time": "10:00:00"}]});
    assert_eq!(put!(&app, fatima, "/api/v1/hours/settings", good.clone()).status, StatusCode::OK);
    assert_eq!(get!(&app, fatima, "/api/v1/hours/settings").json(), good);
    let w = get!(&app, anna, &format!("/api/v1/me/timesheets/{THIS_WEEK}")).json();
    assert_eq!(w["deadline_at"], "2026-11-24T11:00:00Z");
    let last = get!(&app, anna, &format!("/api/v1/me/timesheets/{LAST_WEEK}")).json();
    assert_eq!(last["deadline_at"], "2026-11-16T08:00:00Z");
    let due = get!(&app, anna, "/api/v1/me/hours/due").json();
    assert_eq!((due["week"].as_str(), due["overdue"][0].as_str()), (Some(THIS_WEEK), Some(LAST_WEEK)));
}

fn weeks_of(page: &Value) -> Vec<String> {
    page["items"].as_array().unwrap().iter().map(|w| w["week"].as_str().unwrap().to_string()).collect()
}

#[actix_web::test]
async fn a_week_keeps_the_cost_centre_it_was_worked_under_and_lists_filter_on_it() {
    use poort::entities::membership;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};

    let t = TestApp::new().await;
    let app = t.service().await;
    let anna = login(&app, ANNA).await;
    let mine = get!(&app, anna, "/api/v1/me/timesheets").json();
    let cost_centre = |week: &str| {
        mine["items"].as_array().unwrap().iter().find(|w| w["week"] == week).unwrap()["cost_centre"].clone()
    };
    assert_eq!(cost_centre("2026-W43"), "Wijkzorg Zuid 4200");
    assert_eq!(cost_centre(THIS_WEEK), "Wijkzorg Noord 4100");
    let res = get!(&app, anna, "/api/v1/me/timesheets?cost_centre=Wijkzorg%20Zuid%204200");
    assert_eq!(weeks_of(&res.json()), ["2026-W44", "2026-W43"]);
    let choices = get!(&app, anna, "/api/v1/hours/cost-centres?mine=true").json();
    assert_eq!(choices, json!(["Wijkzorg Noord 4100", "Wijkzorg Zuid 4200"]));

    // She moves to Zuid: a new week is worked there, the weeks she had stay Noord.
    let anna_id =
        get!(&app, anna, "/api/v1/me").json()["id"].as_str().unwrap().parse::<uuid::Uuid>().unwrap();
    membership::Entity::update_many()
        .col_expr(membership::Column::CostCentre, Expr::value("Wijkzorg Zuid 4200"))
        .filter(membership::Column::UserId.eq(anna_id))
        .exec(&t.state.db.write)
        .await
        .unwrap();
    let next = get!(&app, anna, "/api/v1/me/timesheets/2026-W48").json();
    assert_eq!(next["cost_centre"], "Wijkzorg Zuid 4200");
    let this = get!(&app, anna, &format!("/api/v1/me/timesheets/{THIS_WEEK}")).json();
    assert_eq!(this["cost_centre"], "Wijkzorg Noord 4100");

    // The coordinator filters his teams' weeks the same way; Noor works in Zuid.
    let mark = login(&app, MARK).await;
    let zuid = get!(&app, mark, "/api/v1/timesheets?cost_centre=Wijkzorg%20Zuid%204200").json();
    let names: std::collections::BTreeSet<&str> =
        zuid["items"].as_array().unwrap().iter().map(|w| w["worker_name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Anna Jansen", "Noor Willems"].into());
    assert!(zuid["items"].as_array().unwrap().iter().all(|w| w["cost_centre"] == "Wijkzorg Zuid 4200"));
    let choices = get!(&app, mark, "/api/v1/hours/cost-centres").json();
    assert_eq!(choices, json!(["Wijkzorg Noord 4100", "Wijkzorg Zuid 4200"]));
    // A worker has no list of others' cost centres; another organisation has none of these.
    assert_eq!(get!(&app, anna, "/api/v1/hours/cost-centres").status, StatusCode::FORBIDDEN);
    let eva = login(&app, EVA).await;
    assert_eq!(get!(&app, eva, "/api/v1/hours/cost-centres").json(), json!([]));
    assert_eq!(
        get!(&app, eva, "/api/v1/timesheets?cost_centre=Wijkzorg%20Zuid%204200").json()["items"],
        json!([])
    );
}

#[actix_web::test]
async fn the_declarations_search_finds_a_week_and_a_rejection_reason() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let anna = login(&app, ANNA).await;
    for q in ["2026-W45", "2026-w45", "45", "week%2045"] {
        let res = get!(&app, anna, &format!("/api/v1/me/timesheets?q={q}"));
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
        assert_eq!(weeks_of(&res.json()), ["2026-W45"], "q={q}");
    }
    assert_eq!(weeks_of(&get!(&app, anna, "/api/v1/me/timesheets?q=2026-W30").json()), Vec::<String>::new());
    // Noor looks for the week that came back because of the travel time.
    let noor = login(&app, "noor.willems@delinde.example").await;
    let found = get!(&app, noor, "/api/v1/me/timesheets?q=REISTIJD").json();
    assert_eq!(weeks_of(&found), [LAST_WEEK]);
    assert_eq!(found["items"][0]["status"], "rejected");
    // The coordinator's list searches the same way, besides names.
    let mark = login(&app, MARK).await;
    let found = get!(&app, mark, "/api/v1/timesheets?status=rejected&q=reistijd").json();
    assert_eq!(weeks_of(&found), [LAST_WEEK]);
    let by_week = get!(&app, mark, "/api/v1/timesheets?q=45").json();
    assert!(!weeks_of(&by_week).is_empty() && weeks_of(&by_week).iter().all(|w| w == "2026-W45"));
}

#[actix_web::test]
async fn me_says_whether_the_organisation_keeps_hours() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let (anna, fatima, eva) = (login(&app, ANNA).await, login(&app, FATIMA).await, login(&app, EVA).await);
    assert_eq!(get!(&app, anna, "/api/v1/me").json()["hours_enabled"], true);
    assert_eq!(get!(&app, eva, "/api/v1/me").json()["hours_enabled"], false, "Van Dijk keeps no hours");
    let mut settings = get!(&app, fatima, "/api/v1/hours/settings").json();
    settings["enabled"] = json!(false);
    assert_eq!(put!(&app, fatima, "/api/v1/hours/settings", settings).status, StatusCode::OK);
    assert_eq!(get!(&app, anna, "/api/v1/me").json()["hours_enabled"], false);
}

#[actix_web::test]
async fn at_the_deadline_a_large_organisation_gets_every_missing_week() {
    use poort::seed::{Account, Membership, insert_membership, insert_user};
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, TransactionTrait};
    use shared::auth::Role;

    // More workers than one insert of their weeks can bind on SQLite (32,766 values, 20
    // per week): the job failed on every run and no week was created, anywhere.
    const WORKERS: usize = 1_700;
    let t = TestApp::new().await;
    let db = &t.state.db;
    let anna = poort::entities::user::Entity::find()
        .filter(poort::entities::user::Column::Email.eq(ANNA))
        .one(&db.read)
        .await
        .unwrap()
        .unwrap();
    let org = poort::entities::membership::Entity::find()
        .filter(poort::entities::membership::Column::UserId.eq(anna.id))
        .one(&db.read)
        .await
        .unwrap()
        .unwrap()
        .organisation_id;
    let txn = db.write.begin().await.unwrap();
    for n in 0..WORKERS {
        let email = format!("invaller{n}@delinde.example");
        let account = Account { email: &email, name: "Invaller", helpdesk: false, mobile: None };
        let uid = insert_user(&txn, &account, None, t.clock.now()).await.unwrap();
        let membership = Membership {
            role: Role::Employee,
            rights: &[],
            main_contact: false,
            contract_minutes: Some(8 * 60),
            cost_centre: None,
        };
        insert_membership(&txn, uid, org, &membership, t.clock.now()).await.unwrap();
    }
    txn.commit().await.unwrap();

    // Monday 09:00 Amsterdam: week 47 closes.
    t.clock.set(Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap());
    let report = poort::hours::jobs::run_due(db, "http://poort.example", t.clock.now()).await.unwrap();
    assert!(report.created >= WORKERS, "{report:?}");
    let weeks = poort::entities::timesheet::Entity::find()
        .filter(poort::entities::timesheet::Column::OrganisationId.eq(org))
        .filter(
            poort::entities::timesheet::Column::WeekStart.eq(chrono::NaiveDate::from_ymd_opt(2026, 11, 16)),
        )
        .filter(poort::entities::timesheet::Column::Late.eq(true))
        .count(&db.read)
        .await
        .unwrap();
    assert!(weeks >= WORKERS as u64, "{weeks} late weeks for week 47");
}
