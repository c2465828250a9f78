//! Payroll and agency work end to end through the API: a payroll system pushes payslips
//! (idempotent, scope-checked, the PDF checked, the employee found by personnel number and
//! mailed through the real SMTP sink), accruals and payments; the employee reads them and opens
//! the PDF; nobody reads a colleague's payslip; placements CRUD and the phase progress.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use base64::{Engine, engine::general_purpose::STANDARD};
use common::*;
use poort::{
    config::Config,
    entities::{employee_record, membership, user},
};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set, sea_query::Expr};
use serde_json::{Value, json};
use uuid::Uuid;

const PIETER: &str = "pieter.smit@vandijkbouw.example";
const NOOR: &str = "noor.willems@delinde.example";

async fn user_id(t: &TestApp, email: &str) -> Uuid {
    user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(&t.state.db.read)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// The employee record payroll finds people by (normally made by the records screens).
async fn record(t: &TestApp, email: &str, number: &str) -> Uuid {
    let u = user_id(t, email).await;
    let m = membership::Entity::find()
        .filter(membership::Column::UserId.eq(u))
        .one(&t.state.db.read)
        .await
        .unwrap()
        .unwrap();
    let now = poort::clock::Clock::now(&t.clock);
    // The demo already gives many people a record: take over theirs (and free the number).
    let db = &t.state.db.write;
    employee_record::Entity::update_many()
        .col_expr(employee_record::Column::PersonnelNumber, Expr::value(format!("old-{number}")))
        .filter(employee_record::Column::OrganisationId.eq(m.organisation_id))
        .filter(employee_record::Column::PersonnelNumber.eq(number))
        .exec(db)
        .await
        .unwrap();
    if let Some(existing) = employee_record::Entity::find()
        .filter(employee_record::Column::MembershipId.eq(m.id))
        .one(db)
        .await
        .unwrap()
    {
        let mut r: employee_record::ActiveModel = existing.into();
        r.personnel_number = Set(number.into());
        r.update(db).await.unwrap();
        return u;
    }
    employee_record::ActiveModel {
        id: Set(Uuid::now_v7()),
        organisation_id: Set(m.organisation_id),
        membership_id: Set(m.id),
        user_id: Set(u),
        personnel_number: Set(number.into()),
        first_name: Set("Test".into()),
        infix: Set(None),
        last_name: Set("Persoon".into()),
        sort_name: Set("persoon, test".into()),
        birth_date: Set(None),
        street: Set(None),
        house_number: Set(None),
        postcode: Set(None),
        city: Set(None),
        country: Set(None),
        phone: Set(None),
        emergency_phone: Set(None),
        bsn_sealed: Set(None),
        bsn_digest: Set(None),
        bsn_tail: Set(None),
        iban_sealed: Set(None),
        iban_country: Set(None),
        iban_tail: Set(None),
        tax_credit: Set(true),
        id_kind: Set(None),
        id_number_sealed: Set(None),
        id_number_tail: Set(None),
        id_expires_on: Set(None),
        department: Set(None),
        reviewed_year: Set(None),
        reviewed_at: Set(None),
        reviewed_by: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&t.state.db.write)
    .await
    .unwrap();
    u
}

/// An API client of the signed-in rights manager's organisation with `scopes`; returns its token.
async fn client_token<S: TestService<B>, B: MessageBody>(
    app: &S,
    admin: &Session,
    scopes: &[&str],
) -> String {
    let res = send(
        app,
        admin
            .on(browser(Method::POST, "/api/v1/api-clients"))
            .set_json(json!({"name": "Loket.nl", "scopes": scopes})),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let c = res.json();
    let res = send(
        app,
        actix_web::test::TestRequest::post().uri("/api/v1/auth/client-token").set_json(json!({
            "client_id": c["client"]["id"], "client_secret": c["client_secret"]
        })),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    res.json()["access_token"].as_str().unwrap().to_string()
}

fn payslip_push(external: &str, number: &str, period: u32, pdf: &[u8]) -> Value {
    json!({
        "external_id": external, "personnel_number": number, "kind": "payslip", "year": 2026,
        "period_kind": "month", "period": period, "pay_date": "2026-10-23",
        "gross_cents": 345000, "net_cents": 261235, "tax_cents": 65550,
        "pdf_base64": STANDARD.encode(pdf),
    })
}

#[actix_web::test]
async fn a_payslip_pushed_by_payroll_reaches_the_employee_once() {
    let sink = SmtpSink::start();
    let t = TestApp::with_config(Config { smtp_url: Some(sink.url()), ..Config::default() }).await;
    let app = t.service().await;
    let pieter_id = record(&t, PIETER, "1001").await;
    let eva = login(&app, EVA).await;
    let pieter = login(&app, PIETER).await;
    let token = client_token(&app, &eva, &["payroll:write"]).await;
    let pdf = poort::files::pdf::simple("Loonstrook 2026-10", &["Nettoloon: 2.612,35"]);

    let push = |body: Value| bearer(Method::POST, "/api/v1/payroll/payslips", &token).set_json(body);
    let res = send(&app, push(payslip_push("LK-2026-10-1001", "1001", 10, &pdf))).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let slip = res.json();
    assert_eq!(slip["period_label"], "2026-10");
    assert_eq!(slip["person_name"], "Pieter Smit");
    // The same payslip again: the stored one, 200, nothing new.
    let again = send(&app, push(payslip_push("LK-2026-10-1001", "1001", 10, &pdf))).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json()["id"], slip["id"]);

    // Refusals, each naming the field.
    let res = send(&app, push(payslip_push("LK-x", "9999", 10, &pdf))).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["personnel_number"]["code"], "not_found");
    let res = send(&app, push(payslip_push("LK-y", "1001", 10, b"geen pdf"))).await;
    assert_eq!(res.json()["fields"]["pdf_base64"]["code"], "type");
    let res = send(&app, push(payslip_push("LK-z", "1001", 13, &pdf))).await;
    assert_eq!(res.json()["fields"]["period"]["code"], "out_of_range");
    let mut bad = payslip_push("LK-w", "1001", 10, &pdf);
    bad["pdf_base64"] = json!("!!!");
    assert_eq!(send(&app, push(bad)).await.json()["fields"]["pdf_base64"]["code"], "invalid");
    // A client without payroll:write may not push; a person without the right neither.
    let reader = client_token(&app, &eva, &["organisation:read"]).await;
    let res = send(
        &app,
        bearer(Method::POST, "/api/v1/payroll/payslips", &reader)
            .set_json(payslip_push("LK-v", "1001", 9, &pdf)),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = send(
        &app,
        pieter
            .on(browser(Method::POST, "/api/v1/payroll/payslips"))
            .set_json(payslip_push("LK-u", "1001", 9, &pdf)),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);

    // One mail to the employee, with the link to Loonstroken.
    assert_eq!(poort::jobs::deliver_due(&t.state, "test").await.unwrap(), 1);
    let mail = mail_text(&sink.wait_for(1).await[0]);
    assert!(mail.contains(PIETER) && mail.contains("2026-10") && mail.contains("/loonstroken"), "{mail}");

    // The employee sees it by year and opens the PDF, which marks it read.
    assert_eq!(
        send(&app, pieter.on(browser(Method::GET, "/api/v1/me/payslips/years"))).await.json(),
        json!([2026])
    );
    let mine = send(&app, pieter.on(browser(Method::GET, "/api/v1/me/payslips?year=2026"))).await.json();
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(mine[0]["gross_cents"], 345000);
    assert!(mine[0].get("read_at").is_none());
    let doc = mine[0]["document_id"].as_str().unwrap().to_string();
    let res = send(&app, pieter.on(browser(Method::GET, &format!("/api/v1/documents/{doc}/file")))).await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.body, pdf, "the PDF as pushed");
    let mine = send(&app, pieter.on(browser(Method::GET, "/api/v1/me/payslips"))).await.json();
    assert!(mine[0]["read_at"].is_string());
    // The payslip's PDF cannot be deleted on its own.
    assert_eq!(
        send(&app, eva.on(browser(Method::DELETE, &format!("/api/v1/documents/{doc}")))).await.status,
        StatusCode::CONFLICT
    );

    // The employer sees the person's payslips; nobody else does.
    let res =
        send(&app, eva.on(browser(Method::GET, &format!("/api/v1/payslips?user_id={pieter_id}&year=2026"))))
            .await;
    assert_eq!(res.json().as_array().unwrap().len(), 1);
    let anna = login(&app, ANNA).await;
    assert_eq!(
        send(&app, anna.on(browser(Method::GET, &format!("/api/v1/documents/{doc}/file")))).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(
        send(&app, anna.on(browser(Method::GET, "/api/v1/me/payslips")))
            .await
            .json()
            .as_array()
            .unwrap()
            .is_empty()
    );
    let fatima = login(&app, FATIMA).await;
    assert_eq!(
        send(&app, fatima.on(browser(Method::GET, &format!("/api/v1/documents/{doc}/file")))).await.status,
        StatusCode::NOT_FOUND
    );
    let res =
        send(&app, fatima.on(browser(Method::GET, &format!("/api/v1/payslips?user_id={pieter_id}")))).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "not a person of Fatima's organisation");
    assert_eq!(
        send(&app, pieter.on(browser(Method::GET, &format!("/api/v1/payslips?user_id={pieter_id}"))))
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    // The employer uploads an annual statement PDF with its totals.
    let annual = poort::files::pdf::simple("Jaaropgave 2025", &["Loon: 41.400,00"]);
    let res = send(
        &app,
        eva.on(browser(
            Method::POST,
            &format!("/api/v1/payslips?user_id={pieter_id}&kind=annual_statement&year=2025&period_kind=year&period=0&gross_cents=4140000"),
        ))
        .insert_header(("content-type", "application/pdf"))
        .set_payload(annual),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    assert_eq!(
        send(&app, pieter.on(browser(Method::GET, "/api/v1/me/payslips/years"))).await.json(),
        json!([2026, 2025])
    );
    let res = send(
        &app,
        eva.on(browser(
            Method::POST,
            &format!(
                "/api/v1/payslips?user_id={pieter_id}&kind=payslip&year=2026&period_kind=month&period=9"
            ),
        ))
        .set_payload(b"tekst".to_vec()),
    )
    .await;
    assert_eq!(res.json()["fields"]["file"]["code"], "type");
}

#[actix_web::test]
async fn accruals_and_payments_pushed_by_payroll_are_listed_for_the_employee() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let pieter_id = record(&t, PIETER, "1001").await;
    let eva = login(&app, EVA).await;
    let pieter = login(&app, PIETER).await;
    let token = client_token(&app, &eva, &["payroll:write"]).await;
    for (ext, as_of, balance) in [("VU-09", "2026-09-30", 9600), ("VU-10", "2026-10-31", 10400)] {
        let res = send(
            &app,
            bearer(Method::POST, "/api/v1/payroll/accruals", &token).set_json(json!({
                "external_id": ext, "personnel_number": "1001", "kind": "vacation_hours",
                "label": "Vakantie-uren 2026", "as_of": as_of, "built_up": 800, "taken": 0, "balance": balance,
            })),
        )
        .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    }
    let again = send(
        &app,
        bearer(Method::POST, "/api/v1/payroll/accruals", &token).set_json(json!({
            "external_id": "VU-10", "personnel_number": "1001", "kind": "vacation_hours",
            "label": "Vakantie-uren 2026", "as_of": "2026-10-31", "built_up": 800, "taken": 0, "balance": 10400,
        })),
    )
    .await;
    assert_eq!(again.status, StatusCode::OK);
    let accruals = send(&app, pieter.on(browser(Method::GET, "/api/v1/me/accruals"))).await.json();
    let balances: Vec<i64> =
        accruals.as_array().unwrap().iter().map(|a| a["balance"].as_i64().unwrap()).collect();
    assert_eq!(balances, vec![9600, 10400], "oldest first; the last is the balance now");
    let res =
        send(&app, eva.on(browser(Method::GET, &format!("/api/v1/accruals?user_id={pieter_id}")))).await;
    assert_eq!(res.json().as_array().unwrap().len(), 2);

    for (ext, day, cents) in
        [("P-09", "2026-09-25", 261235), ("P-10", "2026-10-23", 261235), ("P-VG", "2026-05-22", 198000)]
    {
        let res = send(
            &app,
            bearer(Method::POST, "/api/v1/payroll/payments", &token).set_json(json!({
                "external_id": ext, "personnel_number": "1001", "paid_on": day, "amount_cents": cents,
                "description": format!("Betaling {ext}"), "iban_tail": "4300",
            })),
        )
        .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    }
    let res = send(
        &app,
        bearer(Method::POST, "/api/v1/payroll/payments", &token).set_json(json!({
            "external_id": "P-bad", "personnel_number": "1001", "paid_on": "2026-10-01", "amount_cents": 1,
            "description": " ", "iban_tail": "NL91ABNA0417164300",
        })),
    )
    .await;
    let fields = &res.json()["fields"];
    assert_eq!(
        (fields["description"]["code"].as_str(), fields["iban_tail"]["code"].as_str()),
        (Some("required"), Some("invalid"))
    );
    // Newest first, a page at a time, and the period filter.
    let first = send(&app, pieter.on(browser(Method::GET, "/api/v1/me/payments?limit=2"))).await.json();
    let days: Vec<&str> =
        first["items"].as_array().unwrap().iter().map(|p| p["paid_on"].as_str().unwrap()).collect();
    assert_eq!(days, vec!["2026-10-23", "2026-09-25"]);
    let cursor = first["next_cursor"].as_str().unwrap();
    let rest =
        send(&app, pieter.on(browser(Method::GET, &format!("/api/v1/me/payments?limit=2&cursor={cursor}"))))
            .await
            .json();
    assert_eq!(rest["items"][0]["paid_on"], "2026-05-22");
    assert!(rest.get("next_cursor").is_none());
    let summer =
        send(&app, pieter.on(browser(Method::GET, "/api/v1/me/payments?from=2026-05-01&to=2026-09-30")))
            .await
            .json();
    assert_eq!(summer["items"].as_array().unwrap().len(), 2);
    // A colleague's own list is empty; the employer reads the person's.
    let anna = login(&app, ANNA).await;
    assert!(
        send(&app, anna.on(browser(Method::GET, "/api/v1/me/payments"))).await.json()["items"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert!(
        send(&app, anna.on(browser(Method::GET, "/api/v1/me/accruals")))
            .await
            .json()
            .as_array()
            .unwrap()
            .is_empty()
    );
    let res =
        send(&app, eva.on(browser(Method::GET, &format!("/api/v1/payments?user_id={pieter_id}")))).await;
    assert_eq!(res.json()["items"].as_array().unwrap().len(), 3);
}

#[actix_web::test]
async fn placements_are_kept_by_the_employer_and_count_the_workers_phase() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let noor_id = user_id(&t, NOOR).await;
    let fatima = login(&app, FATIMA).await;
    let noor = login(&app, NOOR).await;
    let eva = login(&app, EVA).await;
    let anna = login(&app, ANNA).await;
    let body = json!({
        "user_id": noor_id, "hirer": "Zorggroep Walcheren", "function": "Verzorgende IG",
        "starts_on": "2026-01-05", "minutes_per_week": 1440, "cost_centre": "ZW-210",
    });
    // Bad input: every reason at once, nothing stored.
    let mut bad = body.clone();
    bad["hirer"] = json!(" ");
    bad["ends_on"] = json!("2025-12-31");
    bad["minutes_per_week"] = json!(0);
    let res = send(&app, fatima.on(browser(Method::POST, "/api/v1/placements")).set_json(bad)).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = res.json()["fields"].clone();
    assert!(
        fields["hirer"].is_object()
            && fields["ends_on"].is_object()
            && fields["minutes_per_week"].is_object(),
        "{fields}"
    );
    assert_eq!(
        send(&app, anna.on(browser(Method::POST, "/api/v1/placements")).set_json(body.clone())).await.status,
        StatusCode::FORBIDDEN
    );
    let mut elsewhere = body.clone();
    elsewhere["user_id"] = json!(user_id(&t, PIETER).await);
    let res = send(&app, fatima.on(browser(Method::POST, "/api/v1/placements")).set_json(elsewhere)).await;
    assert_eq!(res.json()["fields"]["user_id"]["code"], "unknown");

    let res = send(&app, fatima.on(browser(Method::POST, "/api/v1/placements")).set_json(body.clone())).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let id = res.json()["id"].as_str().unwrap().to_string();
    let mut earlier = body.clone();
    earlier["hirer"] = json!("Ziekenhuis Zeeland");
    earlier["starts_on"] = json!("2025-06-02");
    earlier["ends_on"] = json!("2025-08-29");
    assert_eq!(
        send(&app, fatima.on(browser(Method::POST, "/api/v1/placements")).set_json(earlier)).await.status,
        StatusCode::CREATED
    );

    // Lists: filters by hirer and period; the worker sees their own.
    let list = send(&app, fatima.on(browser(Method::GET, "/api/v1/placements?hirer=walcheren"))).await.json();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert_eq!(list["items"][0]["person_name"], "Noor Willems");
    let in_2025 =
        send(&app, fatima.on(browser(Method::GET, "/api/v1/placements?from=2025-07-01&to=2025-12-31")))
            .await
            .json();
    assert_eq!(in_2025["items"][0]["hirer"], "Ziekenhuis Zeeland");
    assert_eq!(in_2025["items"].as_array().unwrap().len(), 1);
    let paged = send(&app, fatima.on(browser(Method::GET, "/api/v1/placements?limit=1"))).await.json();
    assert_eq!(paged["items"][0]["hirer"], "Zorggroep Walcheren", "latest start first");
    let cursor = paged["next_cursor"].as_str().unwrap();
    let next =
        send(&app, fatima.on(browser(Method::GET, &format!("/api/v1/placements?limit=1&cursor={cursor}"))))
            .await
            .json();
    assert_eq!(next["items"][0]["hirer"], "Ziekenhuis Zeeland");
    let mine = send(&app, noor.on(browser(Method::GET, "/api/v1/me/placements"))).await.json();
    assert_eq!(mine.as_array().unwrap().len(), 2);
    assert!(
        send(&app, anna.on(browser(Method::GET, "/api/v1/me/placements")))
            .await
            .json()
            .as_array()
            .unwrap()
            .is_empty()
    );

    // Changing and another organisation's id.
    let mut changed = body.clone();
    changed["minutes_per_week"] = json!(1920);
    let res = send(
        &app,
        fatima.on(browser(Method::PUT, &format!("/api/v1/placements/{id}"))).set_json(changed.clone()),
    )
    .await;
    assert_eq!(res.json()["minutes_per_week"], 1920);
    let res =
        send(&app, eva.on(browser(Method::PUT, &format!("/api/v1/placements/{id}"))).set_json(changed)).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(
        send(&app, eva.on(browser(Method::DELETE, &format!("/api/v1/placements/{id}")))).await.status,
        StatusCode::NOT_FOUND
    );

    // The phase: none yet (404); set by the employer; counted in worked weeks.
    assert_eq!(
        send(&app, noor.on(browser(Method::GET, "/api/v1/me/phase"))).await.status,
        StatusCode::NOT_FOUND
    );
    let phase = json!({"phase": "a", "started_on": "2025-06-02"});
    let res = send(
        &app,
        fatima
            .on(browser(Method::PUT, &format!("/api/v1/employees/{noor_id}/phase")))
            .set_json(phase.clone()),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(
        send(
            &app,
            noor.on(browser(Method::PUT, &format!("/api/v1/employees/{noor_id}/phase"))).set_json(phase)
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    let mine = send(&app, noor.on(browser(Method::GET, "/api/v1/me/phase"))).await.json();
    // 13 weeks in 2025, then 18 idle weeks (fewer than 26, so the count goes on), then 46 weeks
    // from 5 January to Sunday 22 November 2026: 59, past phase A's 52.
    assert_eq!(mine["phase"], "a");
    assert_eq!(mine["next"], "b");
    assert_eq!(mine["weeks_counted"], 59, "{mine}");
    assert_eq!(mine["weeks_left"], 0);
    let res = send(&app, fatima.on(browser(Method::GET, &format!("/api/v1/employees/{noor_id}/phase"))))
        .await
        .json();
    assert_eq!(res, mine);
    // Removing the current placement leaves only the 2025 weeks, long interrupted: the count starts again.
    assert_eq!(
        send(&app, fatima.on(browser(Method::DELETE, &format!("/api/v1/placements/{id}")))).await.status,
        StatusCode::NO_CONTENT
    );
    let after = send(&app, noor.on(browser(Method::GET, "/api/v1/me/phase"))).await.json();
    assert_eq!(after["weeks_counted"], 0);
    assert_eq!(after["weeks_left"], 52);
}
