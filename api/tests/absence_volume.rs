//! The absence benchmark's data (`poort seed --absence-volume N`) looks exactly as
//! the app would have written it: recomputing every case's activities on the
//! loading day changes nothing, the due-date job finds nothing left to mail and the
//! retention job nothing left to anonymise; and the lists the benchmark measures
//! answer for its employer and case manager.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;

use actix_web::http::{Method, StatusCode};
use common::*;
use poort::{
    absence::{jobs, reports, store, volume},
    clock::Clock,
    entities::{absence_activity, absence_case, organisation},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::Value;
use shared::absence::poortwachter::{self, CaseHistory, SickSpell};

const EMPLOYEES: usize = 300;

fn today_of(now: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDate {
    reports::today(now)
}

type Snapshot = BTreeMap<uuid::Uuid, (String, chrono::NaiveDate, Option<chrono::NaiveDate>, String, bool)>;

async fn activities(t: &TestApp, org: uuid::Uuid) -> Snapshot {
    absence_activity::Entity::find()
        .filter(absence_activity::Column::OrganisationId.eq(org))
        .all(&t.state.db.write)
        .await
        .unwrap()
        .into_iter()
        .map(|a| (a.id, (a.key, a.due_on, a.window_from, a.state, a.notified_due)))
        .collect()
}

#[actix_web::test]
async fn volume_data_is_what_the_app_would_have_stored() {
    let t = TestApp::new().await;
    let now = t.clock.now();
    // The demo's own notices first, so what the job finds later is the volume data's.
    jobs::run_due(&t.state, now).await.unwrap();
    let summary =
        volume::load(&t.state.db, EMPLOYEES, now, t.state.config.absence_retention_days).await.unwrap();
    assert_eq!(summary.employees, EMPLOYEES);
    assert!(summary.cases > 2 * EMPLOYEES, "{summary}");
    assert!(
        summary.open_cases > 0 && summary.relapsed_cases > 0 && summary.anonymised_cases > 0,
        "{summary}"
    );

    let org = organisation::Entity::find()
        .filter(organisation::Column::Name.eq(volume::ORGANISATION))
        .one(&t.state.db.write)
        .await
        .unwrap()
        .unwrap()
        .id;
    let cases = absence_case::Entity::find()
        .filter(absence_case::Column::OrganisationId.eq(org))
        .order_by_asc(absence_case::Column::CaseNumber)
        .all(&t.state.db.write)
        .await
        .unwrap();
    assert_eq!(cases.len(), summary.cases);
    let before = activities(&t, org).await;
    assert_eq!(before.len(), summary.activities);
    // Every step of the law, for every case.
    let per_case = poortwachter::plan(&CaseHistory {
        spells: vec![SickSpell { first_day: today_of(now), recovered_on: None }],
        out_of_employment_on: None,
    })
    .len();
    assert_eq!(before.len(), summary.cases * per_case);
    assert_eq!(before.values().filter(|a| a.3 == store::OPEN).count(), summary.open_activities);
    for c in cases.iter().filter(|c| c.anonymised_at.is_some()) {
        assert!(c.user_id.is_none() && c.contact_phone.is_none() && c.expected_duration.is_none());
    }

    // The app's own recomputation on the loading day changes nothing.
    let today = today_of(now);
    for case in &cases {
        store::replan(&t.state.db.write, case, today, now).await.unwrap();
    }
    let after = activities(&t, org).await;
    for (id, row) in &before {
        assert_eq!(Some(row), after.get(id), "activity {id} changed on replan");
    }
    assert_eq!(before.len(), after.len(), "replan added activities");

    // Nothing left for the jobs: every notice was sent, every expired case anonymised.
    assert_eq!(jobs::run_due(&t.state, now).await.unwrap(), jobs::Report::default());

    // The lists the benchmark measures.
    let app = t.service().await;
    let (manager, _) = token(&app, volume::CASE_MANAGER_EMAIL).await;
    let (employer, _) = token(&app, volume::EMPLOYER_EMAIL).await;
    let get = |path: String, who: &str| bearer(Method::GET, &path, who);
    let r = send(&app, get("/api/v1/absence-activities?done=false&limit=50".into(), &manager)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let page = r.json();
    assert_eq!(page["items"].as_array().unwrap().len(), 50);
    let cursor = page["next_cursor"].as_str().unwrap().to_string();
    let r =
        send(&app, get(format!("/api/v1/absence-activities?done=false&limit=50&cursor={cursor}"), &manager))
            .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let r = send(&app, get("/api/v1/absence-activities?overdue=true&limit=50".into(), &manager)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert!(r.json()["items"].as_array().unwrap().iter().all(|a| a["state"] == "overdue"));
    let r = send(&app, get("/api/v1/absence-cases?status=open&limit=50".into(), &employer)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let open: Vec<Value> = r.json()["items"].as_array().unwrap().clone();
    assert!(!open.is_empty() && open.iter().all(|c| c["status"] == "open"));

    // The longest open case (its WIA application falls due first) and a search for its employee.
    let r = send(
        &app,
        get("/api/v1/absence-activities?kind=wia_application&done=false&limit=1".into(), &manager),
    )
    .await;
    let first = &r.json()["items"][0];
    let case_id = first["case_id"].as_str().unwrap().to_string();
    let name = first["employee_name"].as_str().unwrap().to_string();
    for who in [&employer, &manager] {
        let r = send(&app, get(format!("/api/v1/absence-cases/{case_id}"), who)).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        assert_eq!(r.json()["activities"].as_array().unwrap().len(), per_case);
    }
    let q = name.replace(' ', "%20");
    let r = send(&app, get(format!("/api/v1/absence-activities?q={q}&limit=50"), &manager)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let items = r.json()["items"].as_array().unwrap().clone();
    assert!(!items.is_empty() && items.iter().all(|a| a["employee_name"] == name.as_str()));
}
