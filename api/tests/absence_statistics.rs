//! Absence statistics through the API (issue 7), against a hand-computed fixture: a
//! department of Bouwbedrijf Van Dijk ("Statistiek") with a full-timer whose case spans
//! the period's start and who relapses, a part-timer (24/40), a partial recovery (50 %),
//! open cases, an employee joining mid-period, one without absence and one who left
//! before it. The figures are checked by hand and against the pure rules in `shared`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use chrono::NaiveDate;
use common::*;
use poort::{
    absence_statistics::demo::{PastCase, insert_past_case},
    clock::Clock,
    entities::{absence_case, employee_record, employment_period, organisation, team, team_member},
    seed,
};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::Value;
use shared::{
    absence::statistics::{
        DEFAULT_DURATION_CLASSES, EmployeeAbsence, Employment, Period, SickCase, statistics,
    },
    auth::Role,
};
use uuid::Uuid;

const PIETER: &str = "pieter.smit@vandijkbouw.example";
const DEPARTMENT: &str = "Statistiek";

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// One fixture employee: name, employment periods (start, end, contract hours, full-time
/// hours) and cases (spells (first day, recovered on), partial steps (from, percent)).
struct Person {
    first: &'static str,
    last: &'static str,
    periods: Vec<(&'static str, Option<&'static str>, i32, i32)>,
    cases: Vec<FixtureCase>,
}

struct FixtureCase {
    spells: Vec<(&'static str, Option<&'static str>)>,
    steps: Vec<(&'static str, i32)>,
}

/// The fixture, for March 2026 (31 days):
///
/// | who   | employed (days × factor) | sick days in March (× factor × incapacity)        |
/// |-------|--------------------------|---------------------------------------------------|
/// | Anja  | 31 × 1.0 = 31            | 1–5 Mar (case from 20 Feb) = 5; relapse 26–31 = 6 |
/// | Bram  | 31 × 0.6 = 18.6 (24/40)  | 10–19 Mar: 10 × 0.6 = 6                           |
/// | Carla | 31 × 1.0 = 31 (36/36)    | 5–14 Mar: 10; 15–31 Mar at 50 %: 17 × 0.5 = 8.5   |
/// | Dirk  | 16 × 1.0 = 16 (from 16th)| 25–31 Mar: 7                                      |
/// | Eline | 31 × 0.8 = 24.8 (32/40)  | —                                                 |
/// | Frank | left 28 Feb: not counted | —                                                 |
///
/// Σ weighted employed = 121.4; Σ weighted sick = 11 + 6 + 18.5 + 7 = 42.5;
/// absence rate = 42.5 ÷ 121.4 × 100 = 35.0082… %.
/// Reports in March: Anja's relapse (26th), Bram, Carla, Dirk = 4 (Anja's case of 20 Feb
/// is not one); employees 5, with a report 4, so zero-absence 1 ÷ 5 = 20 %.
/// Report frequency = 4 ÷ (140 person-days ÷ 31) ÷ (31 ÷ 365) = 4 × 365 ÷ 140 = 10.4285…
/// Ended in March: Anja's first spell (20 Feb – 5 Mar: 14 days) and Bram's (10 days):
/// average 12. Running on 31 March: Anja's relapse (6 days), Carla (27), Dirk (7).
/// Classes: short (1–14) 2 ended + 2 running; medium (15–91) 1 running.
fn fixture() -> Vec<Person> {
    vec![
        Person {
            first: "Anja",
            last: "Aalbers",
            periods: vec![("2020-01-01", None, 40, 40)],
            cases: vec![FixtureCase {
                spells: vec![("2026-02-20", Some("2026-03-06")), ("2026-03-26", None)],
                steps: vec![],
            }],
        },
        Person {
            first: "Bram",
            last: "Bakker",
            periods: vec![("2022-01-01", None, 24, 40)],
            cases: vec![FixtureCase { spells: vec![("2026-03-10", Some("2026-03-20"))], steps: vec![] }],
        },
        Person {
            first: "Carla",
            last: "Claassen",
            periods: vec![("2019-01-01", None, 36, 36)],
            cases: vec![FixtureCase { spells: vec![("2026-03-05", None)], steps: vec![("2026-03-15", 50)] }],
        },
        Person {
            first: "Dirk",
            last: "Dekker",
            periods: vec![("2026-03-16", None, 40, 40)],
            cases: vec![FixtureCase { spells: vec![("2026-03-25", None)], steps: vec![] }],
        },
        Person { first: "Eline", last: "Evers", periods: vec![("2021-01-01", None, 32, 40)], cases: vec![] },
        Person {
            first: "Frank",
            last: "Franssen",
            periods: vec![("2025-01-01", Some("2026-02-28"), 40, 40)],
            cases: vec![],
        },
    ]
}

struct Loaded {
    org: Uuid,
    /// Record ids, in fixture order.
    records: Vec<Uuid>,
    /// Membership ids, in fixture order.
    memberships: Vec<Uuid>,
}

async fn load(t: &TestApp) -> Loaded {
    let db = &t.state.db.write;
    let now = t.clock.now();
    let org = organisation::Entity::find()
        .filter(organisation::Column::Name.eq("Bouwbedrijf Van Dijk B.V."))
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let (mut records, mut memberships) = (vec![], vec![]);
    for (n, p) in fixture().iter().enumerate() {
        let name = format!("{} {}", p.first, p.last);
        let email = format!("{}.{}@statistiek.example", p.first.to_lowercase(), p.last.to_lowercase());
        let account = seed::Account { email: &email, name: &name, helpdesk: false, mobile: None };
        let user = seed::insert_user(db, &account, None, now).await.unwrap();
        let m = seed::Membership {
            role: Role::Employee,
            rights: &[],
            main_contact: false,
            contract_minutes: None,
            cost_centre: Some("Statistiek 900"),
        };
        let membership = seed::insert_membership(db, user, org, &m, now).await.unwrap();
        let record = employee_record::ActiveModel {
            id: Set(Uuid::now_v7()),
            organisation_id: Set(org),
            membership_id: Set(membership),
            user_id: Set(user),
            personnel_number: Set(format!("9{n:03}")),
            first_name: Set(p.first.into()),
            last_name: Set(p.last.into()),
            sort_name: Set(format!("{}, {}", p.last.to_lowercase(), p.first.to_lowercase())),
            tax_credit: Set(true),
            department: Set(Some(DEPARTMENT.into())),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
        for &(start, end, contract, full) in &p.periods {
            employment_period::ActiveModel {
                id: Set(Uuid::now_v7()),
                record_id: Set(record.id),
                organisation_id: Set(org),
                starts_on: Set(d(start)),
                ends_on: Set(end.map(d)),
                contract_minutes: Set(contract * 60),
                full_time_minutes: Set(full * 60),
                job_title: Set(None),
            }
            .insert(db)
            .await
            .unwrap();
        }
        for (c, case) in p.cases.iter().enumerate() {
            let spells: Vec<_> =
                case.spells.iter().map(|&(first, recovered)| (d(first), recovered.map(d))).collect();
            let steps: Vec<_> = case.steps.iter().map(|&(from, percent)| (d(from), percent)).collect();
            let past = PastCase {
                organisation_id: org,
                user_id: user,
                case_number: &format!("S-{n}-{c}"),
                spells: &spells,
                steps: &steps,
                pregnancy_leave: false,
            };
            insert_past_case(db, &past, now).await.unwrap();
        }
        records.push(record.id);
        memberships.push(membership);
    }
    Loaded { org, records, memberships }
}

/// The fixture as the pure rules take it.
fn as_rules() -> Vec<EmployeeAbsence> {
    fixture()
        .iter()
        .map(|p| EmployeeAbsence {
            employments: p
                .periods
                .iter()
                .map(|&(s, e, c, f)| Employment {
                    starts_on: d(s),
                    ends_on: e.map(d),
                    contract_minutes: c * 60,
                    full_time_minutes: f * 60,
                })
                .collect(),
            cases: p
                .cases
                .iter()
                .flat_map(|c| {
                    c.spells.iter().map(|&(first, recovered)| SickCase {
                        first_sick_day: d(first),
                        recovered_on: recovered.map(d),
                        partial_recoveries: c
                            .steps
                            .iter()
                            .filter(|(from, _)| {
                                d(from) >= d(first) && recovered.is_none_or(|r| d(from) < d(r))
                            })
                            .map(|&(from, pct)| (d(from), pct as u8))
                            .collect(),
                        pregnancy_related: false,
                    })
                })
                .collect(),
        })
        .collect()
}

/// The open cases per stage, in the response's order.
fn open_cases(report: &Value) -> Vec<u64> {
    report["open_cases"].as_array().unwrap().iter().map(|c| c["cases"].as_u64().unwrap()).collect()
}

fn close(a: &Value, b: f64) {
    let a = a.as_f64().unwrap_or_else(|| panic!("not a number: {a}"));
    assert!((a - b).abs() < 1e-9, "{a} ≠ {b}");
}

async fn get_json<S: TestService<B>, B: MessageBody>(app: &S, who: &Session, path: &str) -> Value {
    let r = send(app, who.on(browser(Method::GET, path))).await;
    assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.text());
    r.json()
}

#[actix_web::test]
async fn the_figures_match_the_hand_computed_fixture_and_the_rules() {
    let t = TestApp::new().await;
    let loaded = load(&t).await;
    let app = t.service().await;
    let eva = login(&app, EVA).await;

    let march = format!("/api/v1/absence/statistics?period=month&year=2026&number=3&department={DEPARTMENT}");
    let body = get_json(&app, &eva, &march).await;
    assert_eq!(body["scope"]["organisation_id"], loaded.org.to_string());
    assert_eq!(body["scope"]["department"], DEPARTMENT);
    let s = &body["statistics"];
    assert_eq!(s["period"]["start"], "2026-03-01");
    assert_eq!(s["period"]["end"], "2026-03-31");
    close(&s["absence_rate"]["weighted_sick_days"], 42.5);
    close(&s["absence_rate"]["weighted_employed_days"], 121.4);
    close(&s["absence_rate"]["percent"], 42.5 / 121.4 * 100.0);
    close(&s["absence_rate_without_pregnancy"]["percent"], 42.5 / 121.4 * 100.0);
    assert_eq!(s["report_frequency"]["reports"], 4);
    close(&s["report_frequency"]["average_headcount"], 140.0 / 31.0);
    close(&s["report_frequency"]["per_year"], 4.0 * 365.0 / 140.0);
    assert_eq!(s["average_duration"]["cases"], 2);
    assert_eq!(s["average_duration"]["total_days"], 24);
    close(&s["average_duration"]["days"], 12.0);
    assert_eq!(s["zero_absence"]["employees"], 5);
    assert_eq!(s["zero_absence"]["without_report"], 1);
    close(&s["zero_absence"]["percent"], 20.0);
    let classes = s["duration_classes"].as_array().unwrap();
    assert_eq!(classes.len(), 4);
    assert_eq!(classes[0]["cases"], serde_json::json!({"ended": 2, "running": 2}));
    assert_eq!(classes[1]["cases"], serde_json::json!({"ended": 0, "running": 1}));
    assert_eq!(classes[2]["cases"], serde_json::json!({"ended": 0, "running": 0}));
    assert_eq!(s["outside_classes"], serde_json::json!({"ended": 0, "running": 0}));

    // The chart: March, and March 2025 (Anja, Bram, Carla, Eline and Frank employed, nobody sick).
    let monthly = body["monthly"].as_array().unwrap();
    assert_eq!(monthly.len(), 1);
    close(&monthly[0]["percent"], 42.5 / 121.4 * 100.0);
    assert_eq!(monthly[0]["previous_year"]["start"], "2025-03-01");
    close(&monthly[0]["previous_year_percent"], 0.0);

    // The SQL adds up what the pure rules compute, for other periods too.
    let people = as_rules();
    for (query, period) in [
        ("period=month&year=2026&number=3", Period::month(2026, 3).unwrap()),
        ("period=quarter&year=2026&number=1", Period::quarter(2026, 1).unwrap()),
        ("period=year&year=2026", Period::year(2026).unwrap()),
        ("from=2026-02-25&to=2026-03-17", Period::new(d("2026-02-25"), d("2026-03-17")).unwrap()),
        ("period=month&year=2026&number=2", Period::month(2026, 2).unwrap()),
        // Reaching past today (22 November 2026): only the days so far count, so the
        // running cases' days to come are not sick days yet.
        ("from=2026-11-01&to=2026-12-31", Period::new(d("2026-11-01"), d("2026-12-31")).unwrap()),
        // Wholly to come: nothing counted yet.
        ("period=month&year=2026&number=12", Period::month(2026, 12).unwrap()),
    ] {
        let body =
            get_json(&app, &eva, &format!("/api/v1/absence/statistics?{query}&department={DEPARTMENT}"))
                .await;
        let today = d("2026-11-22");
        let counted = period.up_to(today);
        let expected = serde_json::to_value(statistics(&people, counted, &DEFAULT_DURATION_CLASSES)).unwrap();
        let got = &body["statistics"];
        if period.reaches_past(today) {
            assert_eq!(body["counted_until"], "2026-11-22", "{query}");
        } else {
            assert!(body["counted_until"].is_null(), "{query}");
        }
        if counted.days() > 0 {
            assert_eq!(got["period"]["end"], counted.end.to_string(), "{query}");
        }
        for path in [
            "/absence_rate/weighted_sick_days",
            "/absence_rate/weighted_employed_days",
            "/report_frequency/average_headcount",
            "/report_frequency/years",
        ] {
            if counted.days() == 0 && path == "/report_frequency/years" {
                continue; // a period wholly to come keeps its own days, and has no frequency
            }
            close(got.pointer(path).unwrap(), expected.pointer(path).unwrap().as_f64().unwrap());
        }
        for path in [
            "/report_frequency/reports",
            "/average_duration",
            "/zero_absence",
            "/duration_classes",
            "/outside_classes",
        ] {
            assert_eq!(got.pointer(path), expected.pointer(path), "{query}: {path}");
        }
    }
    let year = get_json(
        &app,
        &eva,
        &format!("/api/v1/absence/statistics?period=year&year=2026&department={DEPARTMENT}"),
    )
    .await;
    // Open today (22 November 2026), by poortwachter stage: Anja on sick day 14 + 242 = 256
    // (week 37), Carla 263 (week 38), Dirk 243 (week 35): all three in re-integration
    // (weeks 9–42), whatever the period. Every stage is listed, in timeline order.
    let stages: Vec<&str> =
        year["open_cases"].as_array().unwrap().iter().map(|c| c["stage"].as_str().unwrap()).collect();
    assert_eq!(
        stages,
        [
            "first_weeks",
            "plan_of_action",
            "reintegration",
            "first_year_evaluation",
            "second_year",
            "wia_application",
            "beyond_104_weeks"
        ]
    );
    assert_eq!(open_cases(&year), [0, 0, 3, 0, 0, 0, 0]);
    let monthly = year["monthly"].as_array().unwrap();
    assert_eq!(monthly.len(), 12);
    close(&monthly[2]["percent"], 42.5 / 121.4 * 100.0);

    // Narrower scopes: the team of Carla and Dirk; a cost centre; a department nobody is in.
    let db = &t.state.db.write;
    let team_id = Uuid::now_v7();
    team::ActiveModel {
        id: Set(team_id),
        organisation_id: Set(loaded.org),
        name: Set("Team Statistiek".into()),
        created_at: Set(t.clock.now()),
    }
    .insert(db)
    .await
    .unwrap();
    for m in [loaded.memberships[2], loaded.memberships[3]] {
        team_member::ActiveModel {
            team_id: Set(team_id),
            membership_id: Set(m),
            main_contact: Set(false),
            created_at: Set(t.clock.now()),
        }
        .insert(db)
        .await
        .unwrap();
    }
    let body = get_json(
        &app,
        &eva,
        &format!("/api/v1/absence/statistics?period=month&year=2026&number=3&team_id={team_id}"),
    )
    .await;
    close(&body["statistics"]["absence_rate"]["weighted_sick_days"], 18.5 + 7.0);
    close(&body["statistics"]["absence_rate"]["weighted_employed_days"], 31.0 + 16.0);
    assert_eq!(body["statistics"]["zero_absence"]["employees"], 2);
    assert_eq!(open_cases(&body), [0, 0, 2, 0, 0, 0, 0]);
    let body = get_json(
        &app,
        &eva,
        "/api/v1/absence/statistics?period=month&year=2026&number=3&cost_centre=Statistiek%20900",
    )
    .await;
    close(&body["statistics"]["absence_rate"]["weighted_sick_days"], 42.5);
    // Mutations by cost centre (joined through the membership: PostgreSQL refused the
    // condition on it before the join once).
    let body = get_json(
        &app,
        &eva,
        "/api/v1/absence/statistics/mutations?period=month&year=2026&number=3&cost_centre=Statistiek%20900",
    )
    .await;
    assert_eq!(body["items"].as_array().unwrap().len(), 7, "{body}");
    let body =
        get_json(&app, &eva, "/api/v1/absence/statistics?period=month&year=2026&number=3&department=Nergens")
            .await;
    assert_eq!(body["statistics"]["zero_absence"]["employees"], 0);
    assert_eq!(open_cases(&body), [0; 7]);
    assert_eq!(body["statistics"]["absence_rate"]["percent"], Value::Null);

    // The case manager serving Van Dijk sees the same figures.
    let lotte = login(&app, LOTTE).await;
    let body = get_json(&app, &lotte, &format!("{march}&organisation_id={}", loaded.org)).await;
    close(&body["statistics"]["absence_rate"]["weighted_sick_days"], 42.5);
}

#[actix_web::test]
async fn pregnancy_leave_counts_in_the_rate_with_pregnancy_only() {
    let t = TestApp::new().await;
    let loaded = load(&t).await;
    let app = t.service().await;
    let eva = login(&app, EVA).await;
    // Carla's case (18.5 weighted days in March, a report on 5 March, running on 31 March
    // for 27 days, open today) is recorded as pregnancy leave by the employer.
    let carla = absence_case::Entity::find()
        .filter(absence_case::Column::OrganisationId.eq(loaded.org))
        .filter(absence_case::Column::CaseNumber.eq("S-2-0"))
        .one(&t.state.db.write)
        .await
        .unwrap()
        .unwrap();
    let r = send(
        &app,
        eva.on(browser(Method::PUT, &format!("/api/v1/absence-cases/{}/facts", carla.id)))
            .set_json(serde_json::json!({"facts": {"pregnancy_leave": true}, "version": carla.version})),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["facts"]["pregnancy_leave"], true);

    let base = format!("period=month&year=2026&number=3&department={DEPARTMENT}");
    let s = get_json(&app, &eva, &format!("/api/v1/absence/statistics?{base}")).await["statistics"].clone();
    // With pregnancy: as before, 42.5 ÷ 121.4; without: (42.5 − 18.5) ÷ 121.4.
    close(&s["absence_rate"]["percent"], 42.5 / 121.4 * 100.0);
    close(&s["absence_rate_without_pregnancy"]["weighted_sick_days"], 24.0);
    close(&s["absence_rate_without_pregnancy"]["percent"], 24.0 / 121.4 * 100.0);
    // Leave is no sick report: 3 reports, Carla now without one (2 of 5 = 40 %), her
    // running case gone from the medium class; the ended cases are Anja's and Bram's still.
    assert_eq!(s["report_frequency"]["reports"], 3);
    assert_eq!(s["zero_absence"]["without_report"], 2);
    close(&s["zero_absence"]["percent"], 40.0);
    assert_eq!(s["duration_classes"][0]["cases"], serde_json::json!({"ended": 2, "running": 2}));
    assert_eq!(s["duration_classes"][1]["cases"], serde_json::json!({"ended": 0, "running": 0}));
    close(&s["average_duration"]["days"], 12.0);
    // The same as the pure rules with her case marked.
    let mut people = as_rules();
    for case in &mut people[2].cases {
        case.pregnancy_related = true;
    }
    let expected =
        serde_json::to_value(statistics(&people, Period::month(2026, 3).unwrap(), &DEFAULT_DURATION_CLASSES))
            .unwrap();
    let rate = "/absence_rate_without_pregnancy/percent";
    close(s.pointer(rate).unwrap(), expected.pointer(rate).unwrap().as_f64().unwrap());
    for path in ["/report_frequency/reports", "/zero_absence", "/duration_classes"] {
        assert_eq!(s.pointer(path), expected.pointer(path), "{path}");
    }
    // No poortwachter stage for leave: Anja and Dirk open.
    let year = get_json(
        &app,
        &eva,
        &format!("/api/v1/absence/statistics?period=year&year=2026&department={DEPARTMENT}"),
    )
    .await;
    assert_eq!(open_cases(&year), [0, 0, 2, 0, 0, 0, 0]);
    // Per employee: her days count (the rate with pregnancy), not as a report, and on leave
    // she is not sick today.
    let page = get_json(&app, &eva, &format!("/api/v1/absence/statistics/employees?{base}&limit=50")).await;
    let row = &page["items"][2];
    assert_eq!(row["name"], "Carla Claassen");
    close(&row["weighted_sick_days"], 18.5);
    assert_eq!(row["reports"], 0);
    assert_eq!(row["current_state"], "fit");
    // Mutations: her sick report and partial recovery are no longer listed (7 − 2).
    let page = get_json(&app, &eva, &format!("/api/v1/absence/statistics/mutations?{base}&limit=50")).await;
    assert_eq!(page["items"].as_array().unwrap().len(), 5, "{page}");
}

#[actix_web::test]
async fn duration_classes_can_be_chosen_by_their_upper_bounds() {
    let t = TestApp::new().await;
    load(&t).await;
    let app = t.service().await;
    let eva = login(&app, EVA).await;
    let base = format!("/api/v1/absence/statistics?period=month&year=2026&number=3&department={DEPARTMENT}");
    let classes = |body: &Value| -> Vec<(u64, Option<u64>, u64, u64)> {
        body["statistics"]["duration_classes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["class"]["from_days"].as_u64().unwrap(),
                    c["class"]["to_days"].as_u64(),
                    c["cases"]["ended"].as_u64().unwrap(),
                    c["cases"]["running"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    // March: ended Anja 14 and Bram 10 days; running Anja's relapse 6, Carla 27, Dirk 7.
    let body = get_json(&app, &eva, &format!("{base}&classes=7,28")).await;
    assert_eq!(classes(&body), [(1, Some(7), 0, 2), (8, Some(28), 2, 1)]);
    assert_eq!(body["statistics"]["outside_classes"], serde_json::json!({"ended": 0, "running": 0}));
    // One class up to a week: the rest is counted apart.
    let body = get_json(&app, &eva, &format!("{base}&classes=7")).await;
    assert_eq!(classes(&body), [(1, Some(7), 0, 2)]);
    assert_eq!(body["statistics"]["outside_classes"], serde_json::json!({"ended": 2, "running": 1}));
    // Spaces and the standard bounds give the standard classes.
    let body = get_json(&app, &eva, &format!("{base}&classes=14,%2091,365,730")).await;
    assert_eq!(
        classes(&body),
        [(1, Some(14), 2, 2), (15, Some(91), 0, 1), (92, Some(365), 0, 0), (366, Some(730), 0, 0)]
    );
    // The PDF takes them too.
    let r = send(
        &app,
        eva.on(browser(
            Method::GET,
            &format!("{}&classes=7", base.replace("statistics?", "statistics/report.pdf?")),
        )),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    // Refused, with the field and why.
    for (bad, code) in [
        ("91,14", "not_ascending"),
        ("7,x", "not_a_number"),
        ("0", "out_of_range"),
        ("", "required"),
        ("1,2,3,4,5,6,7,8,9", "too_many"),
    ] {
        for path in ["statistics", "statistics/report.pdf"] {
            let url = format!("/api/v1/absence/{path}?period=year&year=2026&classes={bad}");
            let r = send(&app, eva.on(browser(Method::GET, &url))).await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{url}");
            assert_eq!(r.json()["fields"]["classes"]["code"], code, "{url}");
        }
    }
}

#[actix_web::test]
async fn per_employee_and_mutations() {
    let t = TestApp::new().await;
    let loaded = load(&t).await;
    let app = t.service().await;
    let eva = login(&app, EVA).await;
    let base = format!("period=month&year=2026&number=3&department={DEPARTMENT}");

    // Two per page, by name; Frank left before March and is not listed.
    let mut rows = vec![];
    let mut cursor: Option<String> = None;
    loop {
        let after = cursor.as_ref().map(|c| format!("&cursor={c}")).unwrap_or_default();
        let page =
            get_json(&app, &eva, &format!("/api/v1/absence/statistics/employees?{base}&limit=2{after}"))
                .await;
        rows.extend(page["items"].as_array().unwrap().iter().cloned());
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    let names: Vec<&str> = rows.iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Anja Aalbers", "Bram Bakker", "Carla Claassen", "Dirk Dekker", "Eline Evers"]);
    assert_eq!(rows[0]["record_id"], loaded.records[0].to_string());
    // (employed days, weighted, sick days, weighted, reports, state today: 22 November 2026)
    let expected = [
        (31, 31.0, 11, 11.0, 1, "sick"),
        (31, 18.6, 10, 6.0, 1, "fit"),
        (31, 31.0, 27, 18.5, 1, "partly_sick"),
        (16, 16.0, 7, 7.0, 1, "sick"),
        (31, 24.8, 0, 0.0, 0, "fit"),
    ];
    for (row, (employed, w_employed, sick, w_sick, reports, state)) in rows.iter().zip(expected) {
        assert_eq!(row["employed_days"], employed, "{row}");
        close(&row["weighted_employed_days"], w_employed);
        assert_eq!(row["sick_days"], sick, "{row}");
        close(&row["weighted_sick_days"], w_sick);
        assert_eq!(row["reports"], reports, "{row}");
        assert_eq!(row["current_state"], state, "{row}");
    }

    let page = get_json(&app, &eva, &format!("/api/v1/absence/statistics/mutations?{base}&limit=4")).await;
    let mut items = page["items"].as_array().unwrap().clone();
    let cursor = page["next_cursor"].as_str().unwrap();
    let more =
        get_json(&app, &eva, &format!("/api/v1/absence/statistics/mutations?{base}&limit=4&cursor={cursor}"))
            .await;
    assert!(more["next_cursor"].is_null());
    items.extend(more["items"].as_array().unwrap().iter().cloned());
    let seen: Vec<(String, String, String)> = items
        .iter()
        .map(|m| {
            (
                m["date"].as_str().unwrap().into(),
                m["kind"].as_str().unwrap().into(),
                m["name"].as_str().unwrap().into(),
            )
        })
        .collect();
    let want = [
        ("2026-03-05", "sick_report", "Carla Claassen"),
        ("2026-03-06", "recovery", "Anja Aalbers"),
        ("2026-03-10", "sick_report", "Bram Bakker"),
        ("2026-03-15", "partial_recovery", "Carla Claassen"),
        ("2026-03-20", "recovery", "Bram Bakker"),
        ("2026-03-25", "sick_report", "Dirk Dekker"),
        ("2026-03-26", "sick_report", "Anja Aalbers"),
    ];
    assert_eq!(seen, want.map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())));
    assert_eq!(items[3]["recovered_percent"], 50);

    // The downloads hold every row.
    let r = send(
        &app,
        eva.on(browser(Method::GET, &format!("/api/v1/absence/statistics/export/employees.csv?{base}"))),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert!(r.header("content-type").unwrap().starts_with("text/csv"));
    assert_eq!(
        r.header("content-disposition").unwrap(),
        "attachment; filename=\"verzuim-per-medewerker-2026-03-01-2026-03-31.csv\""
    );
    let csv = r.text();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 6, "{csv}");
    assert!(lines[0].starts_with("Personeelsnummer;Naam;Afdeling"), "{csv}");
    assert_eq!(lines[2], "9001;Bram Bakker;Statistiek;31;18,60;10;6,00;32,26;1;Hersteld");
    assert_eq!(lines[3], "9002;Carla Claassen;Statistiek;31;31,00;27;18,50;59,68;1;Gedeeltelijk ziek");
    let r = send(
        &app,
        eva.on(browser(Method::GET, &format!("/api/v1/absence/statistics/export/mutations.xlsx?{base}"))),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert!(r.body.starts_with(b"PK"));
    let r = send(
        &app,
        eva.on(browser(Method::GET, &format!("/api/v1/absence/statistics/export/mutations.csv?{base}"))),
    )
    .await;
    assert_eq!(r.text().lines().count(), 8, "{}", r.text());
    assert!(
        r.text().contains("15-03-2026;Gedeeltelijk herstel;Carla Claassen;9002;S-2-0;50"),
        "{}",
        r.text()
    );
    let r =
        send(&app, eva.on(browser(Method::GET, "/api/v1/absence/statistics/export/everything.pdf"))).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    for m in &items {
        for medical in ["diagnosis", "notes", "functional_limitations", "contact_phone"] {
            assert!(m.get(medical).is_none(), "{m}");
        }
    }
}

#[actix_web::test]
async fn only_those_who_see_the_organisations_absence_get_its_figures() {
    let t = TestApp::new().await;
    let loaded = load(&t).await;
    let app = t.service().await;
    let de_linde = organisation::Entity::find()
        .filter(organisation::Column::Name.eq("Thuiszorg De Linde"))
        .one(&t.state.db.write)
        .await
        .unwrap()
        .unwrap()
        .id;

    // An employee without the right to report absence.
    let pieter = login(&app, PIETER).await;
    for path in [
        "/api/v1/absence/statistics",
        "/api/v1/absence/statistics/employees",
        "/api/v1/absence/statistics/mutations",
        "/api/v1/absence/statistics/export/employees.xlsx",
    ] {
        let r = send(&app, pieter.on(browser(Method::GET, path))).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}: {}", r.text());
        assert_eq!(r.error_kind(), "forbidden");
    }
    // Another organisation is not there for Eva, nor Van Dijk for De Linde's Fatima.
    let eva = login(&app, EVA).await;
    for path in [
        "/api/v1/absence/statistics",
        "/api/v1/absence/statistics/employees",
        "/api/v1/absence/statistics/mutations",
    ] {
        let r = send(&app, eva.on(browser(Method::GET, &format!("{path}?organisation_id={de_linde}")))).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}: {}", r.text());
        assert_eq!(r.error_kind(), "not_found");
    }
    let fatima = login(&app, FATIMA).await;
    let r = send(
        &app,
        fatima
            .on(browser(Method::GET, &format!("/api/v1/absence/statistics?organisation_id={}", loaded.org))),
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text());
    // Without a session.
    let r = send(&app, browser(Method::GET, "/api/v1/absence/statistics")).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);

    // Periods that make no sense, and a team of another organisation.
    for (query, field) in [
        ("from=2026-03-10&to=2026-03-01", "to"),
        ("from=2020-01-01&to=2026-03-01", "to"),
        ("from=2026-03-10", "to"),
        ("period=month&year=2026&number=13", "number"),
        (&*format!("team_id={}", Uuid::now_v7()), "team_id"),
    ] {
        let r =
            send(&app, eva.on(browser(Method::GET, &format!("/api/v1/absence/statistics?{query}")))).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{query}: {}", r.text());
        assert!(r.json()["fields"][field].is_object(), "{query}: {}", r.text());
    }
    let r = send(&app, eva.on(browser(Method::GET, "/api/v1/absence/statistics?bogus=1"))).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());

    // The arbodienst's reads of named people's figures are in the employer's audit log.
    let lotte = login(&app, LOTTE).await;
    let path = format!("/api/v1/absence/statistics/employees?organisation_id={}", loaded.org);
    let r = send(&app, lotte.on(browser(Method::GET, &path))).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let events = poort::entities::audit_event::Entity::find()
        .filter(poort::entities::audit_event::Column::Action.eq("absence_statistics_employees_read"))
        .all(&t.state.db.write)
        .await
        .unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].organisation_id, Some(loaded.org));
}

#[actix_web::test]
async fn the_management_report_is_a_pdf_for_those_who_see_the_figures() {
    let t = TestApp::new().await;
    let loaded = load(&t).await;
    let app = t.service().await;
    let eva = login(&app, EVA).await;

    let path = format!(
        "/api/v1/absence/statistics/report.pdf?period=month&year=2026&number=3&department={DEPARTMENT}"
    );
    let r = send(&app, eva.on(browser(Method::GET, &path))).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.header("content-type").as_deref(), Some("application/pdf"));
    assert_eq!(
        r.header("content-disposition").as_deref(),
        Some("attachment; filename=\"managementrapportage-2026-03-01-2026-03-31.pdf\"")
    );
    assert!(r.body.starts_with(b"%PDF-"), "a PDF");
    let text = String::from_utf8_lossy(&r.body);
    // The scope, the period and the rate (35,01 %) are in the page's text; text with
    // marks outside ASCII stands in hex, in WinAnsi.
    let hex = |s: &str| {
        let bytes = poort::absence_statistics::pdf::win_ansi(s);
        format!("<{}>", bytes.iter().map(|b| format!("{b:02X}")).collect::<String>())
    };
    assert!(text.contains(&hex("Bouwbedrijf Van Dijk B.V. · Afdeling: Statistiek")), "the scope line");
    assert!(text.contains(&hex("Periode: 01-03-2026 – 31-03-2026")), "the period");
    assert!(text.contains("(35,01 %)"), "the absence rate");
    assert!(text.contains("/Count 1"), "one page");

    // The arbodienst serving Van Dijk gets it too, for Van Dijk.
    let lotte = login(&app, LOTTE).await;
    let r =
        send(&app, lotte.on(browser(Method::GET, &format!("{path}&organisation_id={}", loaded.org)))).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());

    // As the JSON: 403 without the right, 404 for an organisation one does not serve, 422 for a bad period.
    let pieter = login(&app, PIETER).await;
    let r = send(&app, pieter.on(browser(Method::GET, "/api/v1/absence/statistics/report.pdf"))).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    assert_eq!(r.error_kind(), "forbidden");
    let fatima = login(&app, FATIMA).await;
    for who in [&fatima] {
        let path = format!("/api/v1/absence/statistics/report.pdf?organisation_id={}", loaded.org);
        let r = send(&app, who.on(browser(Method::GET, &path))).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text());
        assert_eq!(r.error_kind(), "not_found");
    }
    let r = send(
        &app,
        eva.on(browser(Method::GET, "/api/v1/absence/statistics/report.pdf?from=2026-03-10&to=2026-03-01")),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text());
    let r = send(&app, browser(Method::GET, "/api/v1/absence/statistics/report.pdf")).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[actix_web::test]
async fn the_organisations_are_those_whose_figures_one_may_see() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let names = |body: Value| -> Vec<String> {
        body.as_array().unwrap().iter().map(|o| o["name"].as_str().unwrap().to_string()).collect()
    };
    const PATH: &str = "/api/v1/absence/statistics/organisations";

    // The case manager: her arbodienst and the employers she serves, by name; each gives figures.
    let lotte = login(&app, LOTTE).await;
    let body = get_json(&app, &lotte, PATH).await;
    assert_eq!(
        names(body.clone()),
        ["ArboZorg Zeeland", "Bouwbedrijf Van Dijk B.V.", "Kinderopvang De Vlinder"]
    );
    for org in body.as_array().unwrap() {
        let path = format!("/api/v1/absence/statistics?organisation_id={}", org["id"].as_str().unwrap());
        let report = get_json(&app, &lotte, &path).await;
        assert_eq!(report["scope"]["organisation_name"], org["name"]);
    }
    // An employer: her own.
    let eva = login(&app, EVA).await;
    assert_eq!(names(get_json(&app, &eva, PATH).await), ["Bouwbedrijf Van Dijk B.V."]);
    // A colleague without the right: refused, as for the figures.
    let pieter = login(&app, PIETER).await;
    let r = send(&app, pieter.on(browser(Method::GET, PATH))).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    assert_eq!(r.error_kind(), "forbidden");
}
