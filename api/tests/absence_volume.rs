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
    entities::{absence_activity, absence_case, organisation, user},
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

/// One set of filters of `GET /api/v1/absence-activities`.
#[derive(Default, Clone)]
struct Filter {
    done: Option<bool>,
    overdue: bool,
    due_from: Option<chrono::NaiveDate>,
    due_to: Option<chrono::NaiveDate>,
    kind: Option<&'static str>,
    employee: Option<uuid::Uuid>,
    q: Option<String>,
}

impl Filter {
    fn query(&self) -> String {
        let mut q = vec![];
        if let Some(d) = self.done {
            q.push(format!("done={d}"));
        }
        if self.overdue {
            q.push("overdue=true".into());
        }
        if let Some(d) = self.due_from {
            q.push(format!("due_from={d}"));
        }
        if let Some(d) = self.due_to {
            q.push(format!("due_to={d}"));
        }
        if let Some(k) = self.kind {
            q.push(format!("kind={k}"));
        }
        if let Some(e) = self.employee {
            q.push(format!("employee_id={e}"));
        }
        if let Some(s) = &self.q {
            q.push(format!("q={}", s.replace(' ', "%20")));
        }
        q.join("&")
    }
}

/// What the dossier list must show for `f`, worked out row by row from the tables: the
/// activities of live cases in `orgs`, filtered, by due date and id.
fn reference(
    acts: &[absence_activity::Model],
    cases: &std::collections::HashMap<uuid::Uuid, absence_case::Model>,
    names: &std::collections::HashMap<uuid::Uuid, String>,
    orgs: &[uuid::Uuid],
    today: chrono::NaiveDate,
    f: &Filter,
) -> Vec<uuid::Uuid> {
    let needle = f.q.as_deref().map(|s| s.trim().to_lowercase().replace(['%', '_'], ""));
    let mut rows: Vec<&absence_activity::Model> = acts
        .iter()
        .filter(|a| {
            let Some(c) = cases.get(&a.case_id) else { return false };
            let name = c.user_id.and_then(|u| names.get(&u)).map(|n| n.to_lowercase());
            orgs.contains(&a.organisation_id)
                && orgs.contains(&c.organisation_id)
                && c.anonymised_at.is_none()
                && match f.done {
                    Some(true) => a.state == store::DONE,
                    Some(false) => a.state == store::OPEN,
                    None => true,
                }
                && (!f.overdue || (a.state == store::OPEN && a.due_on < today))
                && f.due_from.is_none_or(|d| a.due_on >= d)
                && f.due_to.is_none_or(|d| a.due_on <= d)
                && f.kind.is_none_or(|k| a.kind == k && !a.custom)
                && f.employee.is_none_or(|e| c.user_id == Some(e))
                && needle.as_deref().is_none_or(|n| {
                    name.is_some_and(|m| m.contains(n)) || c.case_number.to_lowercase().contains(n)
                })
        })
        .collect();
    rows.sort_by_key(|a| (a.due_on, a.id));
    rows.into_iter().map(|a| a.id).collect()
}

async fn org_named(db: &sea_orm::DatabaseConnection, name: &str) -> uuid::Uuid {
    organisation::Entity::find()
        .filter(organisation::Column::Name.eq(name))
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// Every page of the list for `f`, walked with the cursor.
async fn walk<S: TestService<B>, B: actix_web::body::MessageBody>(
    app: &S,
    who: &str,
    f: &Filter,
    limit: usize,
) -> Vec<uuid::Uuid> {
    let mut ids = vec![];
    let mut cursor: Option<String> = None;
    loop {
        let mut path = format!("/api/v1/absence-activities?{}&limit={limit}", f.query());
        if let Some(c) = &cursor {
            path.push_str(&format!("&cursor={c}"));
        }
        let r = send(app, bearer(Method::GET, &path, who)).await;
        assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.text());
        let page = r.json();
        let items = page["items"].as_array().unwrap();
        assert!(items.len() <= limit, "{path}");
        ids.extend(items.iter().map(|a| a["id"].as_str().unwrap().parse::<uuid::Uuid>().unwrap()));
        match page["next_cursor"].as_str() {
            Some(c) => {
                assert_eq!(items.len(), limit, "{path}: a short page with a next cursor");
                cursor = Some(c.to_string());
            }
            None => break,
        }
    }
    ids
}

/// The dossier list, walked page by page for a case manager serving three organisations
/// (their arbodienst, Volume Bouw and Van Dijk) and for an employer, shows exactly the
/// rows a plain reading of the tables gives, in order, for every filter, a search by
/// name and by case number (also one matching hundreds of cases), and an employee.
#[actix_web::test]
async fn dossier_lists_match_the_tables_page_by_page() {
    let t = TestApp::new().await;
    let now = t.clock.now();
    let today = today_of(now);
    volume::load(&t.state.db, EMPLOYEES, now, t.state.config.absence_retention_days).await.unwrap();
    let db = &t.state.db.write;
    let bouw = org_named(db, volume::ORGANISATION).await;
    let arbo = org_named(db, volume::ARBODIENST).await;
    let van_dijk = org_named(db, "Bouwbedrijf Van Dijk B.V.").await;
    // The volume case manager also serves Van Dijk, whose demo cases fall among Volume Bouw's.
    let manager_id = user::Entity::find()
        .filter(user::Column::Email.eq(volume::CASE_MANAGER_EMAIL))
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let serves = poort::seed::Membership {
        role: shared::auth::Role::CaseManager,
        rights: &[],
        main_contact: false,
        contract_minutes: None,
        cost_centre: None,
    };
    poort::seed::insert_membership(db, manager_id, van_dijk, &serves, now).await.unwrap();

    let acts = absence_activity::Entity::find().all(db).await.unwrap();
    let cases: std::collections::HashMap<_, _> =
        absence_case::Entity::find().all(db).await.unwrap().into_iter().map(|c| (c.id, c)).collect();
    let names: std::collections::HashMap<_, _> =
        user::Entity::find().all(db).await.unwrap().into_iter().map(|u| (u.id, u.name)).collect();
    assert!(acts.iter().any(|a| a.organisation_id == van_dijk));

    // An employee with several live cases, and one of Van Dijk's case numbers.
    let mut per_user: std::collections::HashMap<uuid::Uuid, usize> = Default::default();
    for c in cases.values().filter(|c| c.organisation_id == bouw && c.anonymised_at.is_none()) {
        *per_user.entry(c.user_id.unwrap()).or_default() += 1;
    }
    let (&employee, _) = per_user.iter().max_by_key(|(id, n)| (**n, **id)).unwrap();
    let employee_name = names[&employee].clone();
    let surname = employee_name.rsplit(' ').next().unwrap().to_lowercase();
    let van_dijk_case =
        cases.values().find(|c| c.organisation_id == van_dijk && c.anonymised_at.is_none()).unwrap();

    let f = Filter::default;
    let filters = vec![
        f(),
        Filter { done: Some(false), ..f() },
        Filter { done: Some(true), ..f() },
        Filter { overdue: true, ..f() },
        Filter { done: Some(true), overdue: true, ..f() },
        Filter {
            done: Some(false),
            due_from: Some(today - chrono::Duration::days(30)),
            due_to: Some(today + chrono::Duration::days(60)),
            ..f()
        },
        Filter { kind: Some("problem_analysis"), ..f() },
        Filter { kind: Some("wia_application"), done: Some(false), ..f() },
        Filter { employee: Some(employee), ..f() },
        Filter { employee: Some(employee), done: Some(true), ..f() },
        Filter { employee: Some(employee), q: Some(employee_name.clone()), ..f() },
        Filter { employee: Some(uuid::Uuid::now_v7()), ..f() },
        Filter { q: Some(employee_name.clone()), ..f() },
        Filter { q: Some(format!("  {}  ", surname.to_uppercase())), done: Some(false), ..f() },
        Filter { q: Some(van_dijk_case.case_number.clone()), ..f() },
        Filter { q: Some("niemand-heet-zo".into()), ..f() },
        // Matches every case number: hundreds of cases, past the list of ids.
        Filter { q: Some("-".into()), done: Some(false), ..f() },
        Filter { q: Some("-".into()), kind: Some("plan_of_action"), ..f() },
    ];
    let app = t.service().await;
    let (manager, _) = token(&app, volume::CASE_MANAGER_EMAIL).await;
    let (employer, _) = token(&app, volume::EMPLOYER_EMAIL).await;
    let all = reference(
        &acts,
        &cases,
        &names,
        &[arbo, bouw, van_dijk],
        today,
        &Filter { q: Some("-".into()), ..f() },
    );
    let live_cases: std::collections::HashSet<_> =
        all.iter().map(|id| acts.iter().find(|a| a.id == *id).unwrap().case_id).collect();
    assert!(live_cases.len() > 500, "the '-' search must match more cases than are listed by id");
    for (who, orgs) in [(&manager, vec![arbo, bouw, van_dijk]), (&employer, vec![bouw])] {
        for (i, filter) in filters.iter().enumerate() {
            let want = reference(&acts, &cases, &names, &orgs, today, filter);
            let limit = if want.len() > 2000 { 200 } else { 37 };
            let got = walk(&app, who, filter, limit).await;
            assert_eq!(got.len(), want.len(), "filter {i} ({}): row count", filter.query());
            assert!(got == want, "filter {i} ({}): rows or order differ", filter.query());
        }
    }
}
