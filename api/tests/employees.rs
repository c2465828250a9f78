//! Employee records end to end through the API: the employer's records with BSN/IBAN
//! checks and reveal, the CSV/XLSX import (dry run, real run, idempotent, nothing
//! half-imported), the employee's own data and IBAN change (mail to the employer through a
//! real SMTP server), change requests, the yearly review and the payroll feed — and the
//! refusals that must change nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use common::*;
use poort::{
    clock::Clock,
    config::Config,
    entities::{audit_event, employee_record, membership, outbox_message, user},
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

const PIETER: &str = "pieter.smit@vandijkbouw.example";
const PIETER_BSN: &str = "234568045";
const KEES_BSN: &str = "234568094";

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

/// The test app with the demo's BSNs and IBANs sealed (as `poort seed --demo` does).
async fn setup(config: Config) -> TestApp {
    let t = TestApp::with_config(config).await;
    poort::employees::demo::secrets(&t.state.db, &t.state.config, t.clock.now()).await.unwrap();
    t
}

async fn with_sink() -> (TestApp, SmtpSink) {
    let sink = SmtpSink::start();
    let config = Config {
        smtp_url: Some(sink.url()),
        base_url: Some("https://poort.example".into()),
        ..Config::default()
    };
    (setup(config).await, sink)
}

async fn record_id<S: TestService<B>, B: MessageBody>(app: &S, eva: &Session, q: &str) -> String {
    let res = get!(app, eva, &format!("/api/v1/employees?q={q}"));
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    res.json()["items"][0]["id"].as_str().unwrap_or_else(|| panic!("no {q}")).to_string()
}

fn new_employee() -> Value {
    json!({
        "personnel_number": "1010",
        "first_name": "Sanne",
        "infix": "van",
        "last_name": "Dam",
        "birth_date": "1992-03-04",
        "email": "sanne.vandam@vandijkbouw.example",
        "address": {"street": "Molenweg", "house_number": "7", "postcode": "4331ab", "city": "Middelburg"},
        "phone": "06 00000250",
        "bsn": "111222333",
        "iban": "NL91 ABNA 0417 1643 00",
        "tax_credit": true,
        "department": "Kantoor",
        "cost_centre": "Kantoor 100",
        "employment": [{"starts_on": "2026-12-01", "contract_minutes": 1440, "full_time_minutes": 2280, "job_title": "Calculator"}]
    })
}

async fn count_records(t: &TestApp) -> u64 {
    employee_record::Entity::find().count(&t.state.db.read).await.unwrap()
}

#[actix_web::test]
async fn an_employer_creates_and_changes_a_record_and_a_stale_version_is_refused() {
    let t = setup(Config::default()).await;
    let app = t.service().await;
    let eva = login(&app, EVA).await;

    // Van Dijk activates with an SMS PIN: without a mobile number nobody could activate.
    let mut no_mobile = new_employee();
    no_mobile["phone"] = json!("0118 123456");
    let res = post!(&app, eva, "/api/v1/employees", no_mobile);
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.text());
    assert_eq!(res.json()["fields"]["phone"]["code"], "mobile_required");

    let res = post!(&app, eva, "/api/v1/employees", new_employee());
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let rec = res.json();
    assert_eq!(rec["name"], "Sanne van Dam");
    assert_eq!(rec["address"]["postcode"], "4331 AB");
    assert_eq!(rec["bsn_masked"], "••••••333");
    assert_eq!(rec["iban_masked"], "NL•• •••• •••• ••4300");
    assert!(!res.text().contains("111222333") && !res.text().contains("0417164300"));
    assert_eq!(rec["employment"][0]["part_time_factor"].as_f64().unwrap(), 1440.0 / 2280.0);
    let id = rec["id"].as_str().unwrap().to_string();
    // An account without password, a membership and the invitation.
    let u = user::Entity::find()
        .filter(user::Column::Email.eq("sanne.vandam@vandijkbouw.example"))
        .one(&t.state.db.read)
        .await
        .unwrap()
        .unwrap();
    assert!(u.password_hash.is_none());
    assert_eq!(u.name, "Sanne van Dam");
    let outbox = poort::notifications::outbox::recent(&t.state.db.read, None, 50).await.unwrap();
    assert!(outbox.iter().any(|m| m.recipient == "sanne.vandam@vandijkbouw.example"), "invitation sent");
    // The same person again: 409.
    let mut again = new_employee();
    again["personnel_number"] = json!("1011");
    again["bsn"] = json!("123456782");
    let res = post!(&app, eva, "/api/v1/employees", again);
    assert_eq!(res.status, StatusCode::CONFLICT, "{}", res.text());

    // A change with the version read.
    let mut change = new_employee();
    change["version"] = rec["version"].clone();
    change["last_name"] = json!("Dijk");
    change["employment"][0]["contract_minutes"] = json!(1920);
    change.as_object_mut().unwrap().remove("bsn");
    change.as_object_mut().unwrap().remove("iban");
    let res = put!(&app, eva, &format!("/api/v1/employees/{id}"), change.clone());
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["name"], "Sanne van Dijk");
    assert_eq!(res.json()["version"], 2);
    assert_eq!(res.json()["bsn_masked"], "••••••333", "left out keeps the BSN");
    // users.name and the membership follow the record.
    let u = user::Entity::find_by_id(u.id).one(&t.state.db.read).await.unwrap().unwrap();
    assert_eq!(u.name, "Sanne van Dijk");
    let m = membership::Entity::find()
        .filter(membership::Column::UserId.eq(u.id))
        .one(&t.state.db.read)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (m.contract_minutes, m.cost_centre.as_deref(), m.job_title.as_deref()),
        (Some(1920), Some("Kantoor 100"), Some("Calculator"))
    );

    // The same version again is stale: 409 and nothing changes.
    change["last_name"] = json!("Damme");
    let res = put!(&app, eva, &format!("/api/v1/employees/{id}"), change);
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(res.json()["fields"]["version"]["code"], "stale");
    let res = get!(&app, eva, &format!("/api/v1/employees/{id}"));
    assert_eq!(res.json()["last_name"], "Dijk");

    // Periods that overlap are named per period.
    let mut bad = new_employee();
    bad["version"] = json!(2);
    bad.as_object_mut().unwrap().remove("bsn");
    bad["employment"] = json!([
        {"starts_on": "2026-12-01", "contract_minutes": 1440, "full_time_minutes": 2280},
        {"starts_on": "2027-01-01", "contract_minutes": 2400, "full_time_minutes": 2280}
    ]);
    let res = put!(&app, eva, &format!("/api/v1/employees/{id}"), bad);
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = &res.json()["fields"];
    assert_eq!(fields["employment.1.starts_on"]["code"], "overlap", "{fields}");
    assert_eq!(fields["employment.1.contract_minutes"]["code"], "above_full_time", "{fields}");

    // The history shows who did what, newest first.
    let res = get!(&app, eva, &format!("/api/v1/employees/{id}/history"));
    let h = res.json();
    assert_eq!(h[0]["action"], "updated");
    assert!(h[0]["fields"].as_array().unwrap().contains(&json!("last_name")));
    assert_eq!(h[1]["action"], "created");
    assert_eq!(h[0]["actor_name"], "Eva Visser");

    // The list by name, with filters.
    let res = get!(&app, eva, "/api/v1/employees?department=Kantoor");
    let names: Vec<String> = res.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, vec!["Sanne van Dijk".to_string(), "Lisa Hoekstra".to_string()]);
    let res = get!(&app, eva, "/api/v1/employees?limit=2");
    let page1 = res.json();
    assert_eq!(page1["items"].as_array().unwrap().len(), 2);
    let cursor = page1["next_cursor"].as_str().unwrap();
    let res = get!(&app, eva, &format!("/api/v1/employees?limit=2&cursor={cursor}"));
    let page2 = res.json();
    assert_ne!(page1["items"][0]["id"], page2["items"][0]["id"]);
    let res = get!(&app, eva, "/api/v1/employees?employed_on=2026-11-22&q=smit");
    let items = res.json()["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["contract_minutes"], 1920);
    assert_eq!(items[0]["pending_changes"], 1);
}

#[actix_web::test]
async fn bad_and_duplicate_bsn_and_iban_are_named_and_the_bsn_never_leaks() {
    let t = setup(Config::default()).await;
    let app = t.service().await;
    let eva = login(&app, EVA).await;
    let before = count_records(&t).await;
    for (field, value, code) in [
        ("bsn", "123456783", "checksum"),
        ("bsn", "12345", "format"),
        ("iban", "NL91ABNA0417164301", "checksum"),
        ("iban", "NL91ABNA041716430", "length"),
        ("bsn", PIETER_BSN, "duplicate"),
    ] {
        let mut body = new_employee();
        body[field] = json!(value);
        let res = post!(&app, eva, "/api/v1/employees", body);
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{field} {value}: {}", res.text());
        assert_eq!(res.json()["fields"][field]["code"], code, "{field} {value}");
        assert!(!res.text().contains(value) || value.len() < 6, "the value is not echoed");
    }
    assert_eq!(count_records(&t).await, before, "nothing was created");

    // Masked in the list and the record; in full only through reveal, which is audited.
    let kees = record_id(&app, &eva, "graaf").await;
    let res = get!(&app, eva, &format!("/api/v1/employees/{kees}"));
    assert_eq!(res.json()["bsn_masked"], "••••••094");
    assert!(!res.text().contains(KEES_BSN));
    assert!(!get!(&app, eva, "/api/v1/employees").text().contains(KEES_BSN));
    let res = post!(&app, eva, &format!("/api/v1/employees/{kees}/reveal"), json!({}));
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json()["bsn"], KEES_BSN);
    assert_eq!(res.json()["iban"], "NL20 INGB 0001 2345 67");
    let revealed = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("employee_data_revealed"))
        .all(&t.state.db.read)
        .await
        .unwrap();
    assert_eq!(revealed.len(), 1);
    assert_eq!(revealed[0].subject.as_deref(), Some(kees.as_str()));
    // No BSN anywhere in the audit trail or the outbox.
    for e in audit_event::Entity::find().all(&t.state.db.read).await.unwrap() {
        let text = format!("{:?} {:?} {:?}", e.action, e.subject, e.user_agent);
        assert!(!text.contains(KEES_BSN) && !text.contains(PIETER_BSN), "{text}");
    }
    for m in outbox_message::Entity::find().all(&t.state.db.read).await.unwrap() {
        assert!(!m.body_text.contains(KEES_BSN) && !m.body_text.contains(PIETER_BSN));
    }
    // The stored row holds no BSN in the clear.
    let row = employee_record::Entity::find_by_id(uuid::Uuid::parse_str(&kees).unwrap())
        .one(&t.state.db.read)
        .await
        .unwrap()
        .unwrap();
    assert!(!format!("{row:?}").contains(KEES_BSN));
}

#[actix_web::test]
async fn only_those_with_the_right_see_and_change_records() {
    let t = setup(Config::default()).await;
    let app = t.service().await;
    let eva = login(&app, EVA).await;
    let kees = record_id(&app, &eva, "graaf").await;
    // An adviser at Van Dijk: employer role, but only the right to report absence.
    let van_dijk = membership::Entity::find()
        .filter(
            membership::Column::UserId.eq(user::Entity::find()
                .filter(user::Column::Email.eq(EVA))
                .one(&t.state.db.read)
                .await
                .unwrap()
                .unwrap()
                .id),
        )
        .one(&t.state.db.read)
        .await
        .unwrap()
        .unwrap()
        .organisation_id;
    let hash = poort::auth::password::hash(PASSWORD.to_string()).await.unwrap();
    let account = poort::seed::Account {
        email: "adviseur@vandijkbouw.example",
        name: "Ad Viseur",
        helpdesk: false,
        mobile: None,
    };
    let uid =
        poort::seed::insert_user(&t.state.db.write, &account, Some(&hash), t.clock.now()).await.unwrap();
    let m = poort::seed::Membership {
        role: shared::auth::Role::Employer,
        rights: &[shared::auth::Right::ReportAbsence],
        main_contact: false,
        contract_minutes: None,
        cost_centre: None,
    };
    poort::seed::insert_membership(&t.state.db.write, uid, van_dijk, &m, t.clock.now()).await.unwrap();
    let adviser = login(&app, "adviseur@vandijkbouw.example").await;

    let before = get!(&app, eva, &format!("/api/v1/employees/{kees}")).json();
    let mut change = before.clone();
    for k in [
        "id",
        "user_id",
        "membership_id",
        "name",
        "bsn_masked",
        "iban_masked",
        "reviewed_year",
        "updated_at",
        "id_document",
    ] {
        change.as_object_mut().unwrap().remove(k);
    }
    change["last_name"] = json!("Gewijzigd");
    change["employment"] = json!([{"starts_on": "2012-05-01", "contract_minutes": 2400, "full_time_minutes": 2400, "job_title": "Uitvoerder"}]);
    assert_eq!(
        put!(&app, adviser, &format!("/api/v1/employees/{kees}"), change.clone()).status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(get!(&app, adviser, "/api/v1/employees").status, StatusCode::FORBIDDEN);
    assert_eq!(post!(&app, adviser, "/api/v1/employees", new_employee()).status, StatusCode::FORBIDDEN);
    assert_eq!(
        post!(&app, adviser, &format!("/api/v1/employees/{kees}/reveal"), json!({})).status,
        StatusCode::NOT_FOUND
    );
    let csv =
        "Personeelsnummer;Voornaam;Achternaam;E-mail\n1002;Kees;Anders;kees.degraaf@vandijkbouw.example\n";
    let res = send(
        &app,
        adviser.on(browser(Method::POST, "/api/v1/employee-imports?dry_run=false")).set_payload(csv),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(get!(&app, eva, &format!("/api/v1/employees/{kees}")).json(), before, "nothing changed");

    // Another organisation's record does not exist for Fatima; a colleague's not for Pieter.
    let fatima = login(&app, FATIMA).await;
    assert_eq!(get!(&app, fatima, &format!("/api/v1/employees/{kees}")).status, StatusCode::NOT_FOUND);
    assert_eq!(
        put!(&app, fatima, &format!("/api/v1/employees/{kees}"), change).status,
        StatusCode::NOT_FOUND
    );
    let pieter = login(&app, PIETER).await;
    assert_eq!(get!(&app, pieter, &format!("/api/v1/employees/{kees}")).status, StatusCode::NOT_FOUND);
    assert_eq!(
        get!(&app, pieter, &format!("/api/v1/employees/{kees}/history")).status,
        StatusCode::NOT_FOUND
    );
    // Pieter sees his own via /me; Eva has no record of her own.
    let res = get!(&app, pieter, "/api/v1/me/employee-record");
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json()["personnel_number"], "1001");
    assert_eq!(get!(&app, eva, "/api/v1/me/employee-record").status, StatusCode::NOT_FOUND);
}

const HEADER: &str = "Personeelsnummer;Voornaam;Tussenvoegsel;Achternaam;Geboortedatum;E-mail;Telefoon;BSN;IBAN;Afdeling;Kostenplaats;In dienst;Contracturen";

fn import_req(who: &Session, dry_run: bool, body: impl Into<Vec<u8>>) -> actix_web::test::TestRequest {
    who.on(browser(
        Method::POST,
        &format!("/api/v1/employee-imports?dry_run={dry_run}&file_name=medewerkers.csv"),
    ))
    .insert_header(("content-type", "application/octet-stream"))
    .set_payload(body.into())
}

fn row<'a>(result: &'a Value, number: &str) -> &'a Value {
    result["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["personnel_number"] == number)
        .unwrap_or_else(|| panic!("no row {number}"))
}

#[actix_web::test]
async fn an_import_is_checked_per_row_applied_whole_and_idempotent() {
    let t = setup(Config::default()).await;
    let app = t.service().await;
    let eva = login(&app, EVA).await;
    let good = [
        // New.
        "1020;Joris;;Bakker;15-08-1990;joris.bakker@vandijkbouw.example;06 00000260;123456782;NL91ABNA0417164300;Uitvoering;Uitvoering 300;01-12-2026;38",
        // Kees moves to the office.
        "1002;Kees;de;Graaf;03-02-1971;kees.degraaf@vandijkbouw.example;;;;Kantoor;;;",
        // Pieter as stored.
        "1001;Pieter;;Smit;12-06-1984;pieter.smit@vandijkbouw.example;;;;Uitvoering;Uitvoering 300;01-03-2019;32",
    ];
    let broken = [
        "1021;Ilse;;Vos;01-01-1999;ilse.vos@vandijkbouw.example;06 00000261;123456783;;;;;",
        "1022;Tom;;Vos;01-01-1998;tom.vos@vandijkbouw.example;06 00000262;;;;;;",
        "1022;Tim;;Vos;01-01-1997;tim.vos@vandijkbouw.example;06 00000263;;;;;;",
        "1023;Bram;;Jansen;01-01-1997;pieter.smit@vandijkbouw.example;06 00000264;;;;;;",
    ];
    let file = format!("\u{feff}{HEADER}\n{}\n{}\n", good.join("\n"), broken.join("\n"));
    let before = count_records(&t).await;

    let res = send(&app, import_req(&eva, true, file.clone())).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let r = res.json();
    assert_eq!(r["applied"], false);
    assert_eq!(
        (r["created"].as_u64(), r["changed"].as_u64(), r["unchanged"].as_u64(), r["rejected"].as_u64()),
        (Some(2), Some(1), Some(1), Some(3)),
        "{r}"
    );
    assert_eq!(row(&r, "1020")["outcome"], "created");
    assert_eq!(row(&r, "1002")["outcome"], "changed");
    assert_eq!(row(&r, "1002")["changed_fields"], json!(["department"]));
    assert_eq!(row(&r, "1001")["outcome"], "unchanged", "{}", row(&r, "1001"));
    let ilse = row(&r, "1021");
    assert_eq!(ilse["outcome"], "rejected");
    assert_eq!(ilse["problems"][0]["column"], "BSN");
    assert_eq!(ilse["problems"][0]["code"], "checksum");
    assert_eq!(ilse["problems"][0]["message"], "Controlecijfer klopt niet", "Eva's language");
    let dup =
        r["rows"].as_array().unwrap().iter().filter(|x| x["personnel_number"] == "1022").collect::<Vec<_>>();
    assert_eq!(dup[0]["outcome"], "created");
    assert_eq!(dup[1]["problems"][0]["code"], "duplicate_in_file");
    let bram: Vec<&str> =
        row(&r, "1023")["problems"].as_array().unwrap().iter().map(|p| p["code"].as_str().unwrap()).collect();
    assert!(bram.contains(&"has_record"), "Pieter's address is Pieter's: {bram:?}");
    assert_eq!(count_records(&t).await, before, "the dry run writes nothing");

    // The real run refuses while rows are rejected, and writes nothing.
    let res = send(&app, import_req(&eva, false, file)).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["file"]["code"], "rejected_rows");
    assert_eq!(count_records(&t).await, before);

    // The good rows apply, in one go.
    let file = format!("{HEADER}\n{}\n", good.join("\n"));
    let res = send(&app, import_req(&eva, false, file.clone())).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let r = res.json();
    assert_eq!(r["applied"], true);
    assert_eq!(
        (r["created"].as_u64(), r["changed"].as_u64(), r["unchanged"].as_u64()),
        (Some(1), Some(1), Some(1))
    );
    assert_eq!(count_records(&t).await, before + 1);
    let joris = record_id(&app, &eva, "bakker").await;
    let rec = get!(&app, eva, &format!("/api/v1/employees/{joris}")).json();
    assert_eq!(rec["employment"][0]["contract_minutes"], 38 * 60);
    assert_eq!(
        get!(&app, eva, &format!("/api/v1/employees/{joris}/history")).json()[0]["action"],
        "imported"
    );
    let outbox = poort::notifications::outbox::recent(&t.state.db.read, None, 50).await.unwrap();
    assert!(outbox.iter().any(|m| m.recipient == "joris.bakker@vandijkbouw.example"), "invited");

    // The same file again changes nothing.
    let res = send(&app, import_req(&eva, false, file)).await;
    let r = res.json();
    assert_eq!(
        (r["created"].as_u64(), r["changed"].as_u64(), r["unchanged"].as_u64()),
        (Some(0), Some(0), Some(3)),
        "{r}"
    );

    // Files that are not what they claim.
    let res = send(&app, import_req(&eva, true, "Naam,Adres\nJan,Dorpsstraat 1\n")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["file"]["code"], "missing_columns");
    let res = send(&app, import_req(&eva, true, vec![0xff, 0xfe, 0x00, 0x01, 0x02])).await;
    assert_eq!(res.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let res = send(&app, import_req(&eva, true, b"PK\x03\x04not really a zip".to_vec())).await;
    assert_eq!(res.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let res = send(
        &app,
        eva.on(browser(Method::POST, "/api/v1/employee-imports?dry_run=true&file_name=../../etc/passwd"))
            .set_payload(HEADER),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count_records(&t).await, before + 1);

    // Too large: refused from the Content-Length, before the body is read.
    let res = send(
        &app,
        eva.on(browser(Method::POST, "/api/v1/employee-imports?dry_run=true"))
            .set_payload("x")
            .insert_header(("content-length", (6 * 1024 * 1024).to_string())),
    )
    .await;
    assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[actix_web::test]
async fn an_xlsx_import_reads_the_first_sheet() {
    let t = setup(Config::default()).await;
    let app = t.service().await;
    let eva = login(&app, EVA).await;
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let head = [
        "Personeelsnummer",
        "Voornaam",
        "Achternaam",
        "Geboortedatum",
        "E-mail",
        "Telefoon",
        "BSN",
        "In dienst",
        "Contracturen",
        "Fulltime uren",
    ];
    for (c, h) in head.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_number(1, 0, 1030.0).unwrap();
    ws.write_string(1, 1, "Fenna").unwrap();
    ws.write_string(1, 2, "Kok").unwrap();
    ws.write_string(1, 3, "1994-05-06").unwrap();
    ws.write_string(1, 4, "fenna.kok@vandijkbouw.example").unwrap();
    ws.write_string(1, 5, "06 00000270").unwrap();
    ws.write_number(1, 6, 111222333.0).unwrap();
    ws.write_string(1, 7, "2027-01-01").unwrap();
    ws.write_number(1, 8, 24.0).unwrap();
    ws.write_number(1, 9, 40.0).unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let res = send(&app, import_req(&eva, false, bytes)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["created"], 1, "{}", res.text());
    let id = record_id(&app, &eva, "fenna").await;
    let rec = get!(&app, eva, &format!("/api/v1/employees/{id}")).json();
    assert_eq!(rec["personnel_number"], "1030");
    assert_eq!(rec["bsn_masked"], "••••••333");
    assert_eq!(rec["employment"][0]["part_time_factor"], 0.6);
}

#[actix_web::test]
async fn an_employee_changes_contact_and_iban_and_the_employer_is_told() {
    let (t, sink) = with_sink().await;
    let app = t.service().await;
    let pieter = login(&app, PIETER).await;
    let me = get!(&app, pieter, "/api/v1/me/employee-record").json();
    assert_eq!(me["bsn_masked"], "••••••045");
    let version = me["version"].as_i64().unwrap();

    let address =
        json!({"street": "Kanaalweg", "house_number": "2", "postcode": "4337pr", "city": "Middelburg"});
    let res = put!(
        &app,
        pieter,
        "/api/v1/me/employee-record/contact",
        json!({"address": address, "phone": "bel me", "version": version})
    );
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["phone"]["code"], "invalid_phone");
    let res = put!(
        &app,
        pieter,
        "/api/v1/me/employee-record/contact",
        json!({"address": {"street": "Kanaalweg", "house_number": "2", "postcode": "99", "city": "Middelburg"}, "version": version})
    );
    assert_eq!(res.json()["fields"]["address.postcode"]["code"], "invalid_postcode");
    let res = put!(
        &app,
        pieter,
        "/api/v1/me/employee-record/contact",
        json!({"address": address, "phone": "06 00000202", "version": version})
    );
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["address"]["postcode"], "4337 PR");
    let res = put!(
        &app,
        pieter,
        "/api/v1/me/employee-record/contact",
        json!({"address": address, "version": version})
    );
    assert_eq!(res.status, StatusCode::CONFLICT, "stale");

    let res = put!(
        &app,
        pieter,
        "/api/v1/me/employee-record/iban",
        json!({"iban": "NL91ABNA0417164300", "password": "niet-mijn-wachtwoord"})
    );
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["password"]["code"], "wrong_password");
    let res = put!(
        &app,
        pieter,
        "/api/v1/me/employee-record/iban",
        json!({"iban": "NL91ABNA0417164301", "password": PASSWORD})
    );
    assert_eq!(res.json()["fields"]["iban"]["code"], "checksum");
    assert_eq!(
        get!(&app, pieter, "/api/v1/me/employee-record").json()["iban_masked"],
        "NL•• •••• •••• ••6789"
    );
    let res = put!(
        &app,
        pieter,
        "/api/v1/me/employee-record/iban",
        json!({"iban": "NL91ABNA0417164300", "password": PASSWORD})
    );
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["iban_masked"], "NL•• •••• •••• ••4300");

    poort::jobs::deliver_due(&t.state, "test").await.unwrap();
    let mails = sink.wait_for(1).await;
    let to_eva: Vec<String> = mails
        .iter()
        .map(|m| mail_text(m))
        .filter(|m| m.contains("To: eva.visser@vandijkbouw.example"))
        .collect();
    assert_eq!(to_eva.len(), 1, "{mails:?}");
    assert!(to_eva[0].contains("nieuw IBAN") || to_eva[0].contains("IBAN"), "{}", to_eva[0]);
    assert!(!to_eva[0].contains("0417164300") && !to_eva[0].contains("4300"), "never the number");
    let eva = login(&app, EVA).await;
    let id = me["id"].as_str().unwrap();
    let h = get!(&app, eva, &format!("/api/v1/employees/{id}/history")).json();
    assert_eq!(h[0]["action"], "iban_changed");
    assert_eq!(h[1]["action"], "contact_changed");
}

#[actix_web::test]
async fn a_contract_hours_request_is_approved_into_a_new_employment_period() {
    let (t, sink) = with_sink().await;
    let app = t.service().await;
    let pieter = login(&app, PIETER).await;
    let eva = login(&app, EVA).await;

    // The demo's request for January is pending; another for the same field waits.
    let mine = get!(&app, pieter, "/api/v1/me/change-requests").json();
    assert_eq!(mine[0]["status"], "pending");
    let demo_id = mine[0]["id"].as_str().unwrap().to_string();
    let body = json!({"field": "contract_minutes", "new_value": "2160", "effective_on": "2026-11-22"});
    assert_eq!(post!(&app, pieter, "/api/v1/me/change-requests", body.clone()).status, StatusCode::CONFLICT);
    let res = post!(&app, pieter, &format!("/api/v1/me/change-requests/{demo_id}/withdraw"), json!({}));
    assert_eq!(res.json()["status"], "withdrawn");
    let past = json!({"field": "contract_minutes", "new_value": "2160", "effective_on": "2026-11-01"});
    assert_eq!(
        post!(&app, pieter, "/api/v1/me/change-requests", past).json()["fields"]["effective_on"]["code"],
        "past"
    );
    let res = post!(&app, pieter, "/api/v1/me/change-requests", body);
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let req_id = res.json()["id"].as_str().unwrap().to_string();
    assert_eq!(res.json()["old_value"], "1920");

    // Eva's queue; declining needs a note.
    let queue = get!(&app, eva, "/api/v1/change-requests?status=pending").json();
    assert_eq!(queue["items"].as_array().unwrap().len(), 1);
    assert_eq!(queue["items"][0]["employee_name"], "Pieter Smit");
    let res =
        post!(&app, eva, &format!("/api/v1/change-requests/{req_id}/decision"), json!({"approve": false}));
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["note"]["code"], "required");
    assert_eq!(
        post!(&app, pieter, &format!("/api/v1/change-requests/{req_id}/decision"), json!({"approve": true}))
            .status,
        StatusCode::FORBIDDEN
    );
    let res =
        post!(&app, eva, &format!("/api/v1/change-requests/{req_id}/decision"), json!({"approve": true}));
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["status"], "approved");
    assert_eq!(
        post!(&app, eva, &format!("/api/v1/change-requests/{req_id}/decision"), json!({"approve": true}))
            .status,
        StatusCode::CONFLICT
    );

    // A new period from today with the same full-time week; the membership follows.
    let me = get!(&app, pieter, "/api/v1/me/employee-record").json();
    let periods = me["employment"].as_array().unwrap();
    assert_eq!(periods.len(), 2);
    assert_eq!(
        (
            periods[0]["starts_on"].as_str(),
            periods[0]["contract_minutes"].as_i64(),
            periods[0]["full_time_minutes"].as_i64()
        ),
        (Some("2026-11-22"), Some(2160), Some(2280))
    );
    assert_eq!(periods[1]["ends_on"], "2026-11-21");
    let u = user::Entity::find()
        .filter(user::Column::Email.eq(PIETER))
        .one(&t.state.db.read)
        .await
        .unwrap()
        .unwrap();
    let m = membership::Entity::find()
        .filter(membership::Column::UserId.eq(u.id))
        .one(&t.state.db.read)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(m.contract_minutes, Some(2160));

    // A declined name change keeps the name; the note reaches Pieter.
    let res = post!(
        &app,
        pieter,
        "/api/v1/me/change-requests",
        json!({"field": "last_name", "new_value": "Smit-de Wit", "effective_on": "2026-12-01", "reason": "Getrouwd"})
    );
    let name_req = res.json()["id"].as_str().unwrap().to_string();
    let res = post!(
        &app,
        eva,
        &format!("/api/v1/change-requests/{name_req}/decision"),
        json!({"approve": false, "note": "Stuur eerst de akte mee"})
    );
    assert_eq!(res.json()["status"], "declined");
    assert_eq!(get!(&app, pieter, "/api/v1/me/employee-record").json()["name"], "Pieter Smit");

    poort::jobs::deliver_due(&t.state, "test").await.unwrap();
    let mails: Vec<String> = sink.wait_for(4).await.iter().map(|m| mail_text(m)).collect();
    assert!(
        mails.iter().any(|m| m.contains("To: eva.visser@vandijkbouw.example")
            && m.contains("Wijzigingsverzoek van Pieter Smit")),
        "{mails:?}"
    );
    assert!(
        mails.iter().any(|m| m.contains("To: pieter.smit@vandijkbouw.example") && m.contains("goedgekeurd"))
    );
    assert!(
        mails
            .iter()
            .any(|m| m.contains("To: pieter.smit@vandijkbouw.example")
                && m.contains("Stuur eerst de akte mee"))
    );
}

#[actix_web::test]
async fn the_yearly_review_counts_last_years_employees() {
    let t = setup(Config::default()).await;
    let app = t.service().await;
    let eva = login(&app, EVA).await;
    let res = get!(&app, eva, "/api/v1/employee-review?year=2026");
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json(), json!({"year": 2026, "total": 4, "confirmed": 2}));
    let open = get!(&app, eva, "/api/v1/employees?unreviewed_for=2026").json();
    let names: Vec<&str> =
        open["items"].as_array().unwrap().iter().map(|i| i["name"].as_str().unwrap()).collect();
    assert_eq!(names, vec!["Bas Kuiper", "Pieter Smit"]);
    let pieter = open["items"][1]["id"].as_str().unwrap().to_string();
    let version = get!(&app, eva, &format!("/api/v1/employees/{pieter}")).json()["version"].clone();
    let res = post!(
        &app,
        eva,
        &format!("/api/v1/employees/{pieter}/review"),
        json!({"year": 2026, "version": version})
    );
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["reviewed_year"], 2026);
    let res = post!(
        &app,
        eva,
        &format!("/api/v1/employees/{pieter}/review"),
        json!({"year": 2026, "version": version})
    );
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(get!(&app, eva, "/api/v1/employee-review?year=2026").json()["confirmed"], 3);
    assert_eq!(get!(&app, eva, "/api/v1/employee-review?year=1990").status, StatusCode::UNPROCESSABLE_ENTITY);
    let anna = login(&app, ANNA).await;
    assert_eq!(get!(&app, anna, "/api/v1/employee-review?year=2026").status, StatusCode::FORBIDDEN);
}

async fn client_token<S: TestService<B>, B: MessageBody>(app: &S, eva: &Session, scopes: Value) -> String {
    let res =
        post!(app, eva, "/api/v1/api-clients", json!({"name": format!("Loket {scopes}"), "scopes": scopes}));
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let c = res.json();
    let res = send(
        app,
        actix_web::test::TestRequest::post()
            .uri("/api/v1/auth/client-token")
            .set_json(json!({"client_id": c["client"]["id"], "client_secret": c["client_secret"]})),
    )
    .await;
    res.json()["access_token"].as_str().unwrap().to_string()
}

#[actix_web::test]
async fn payroll_pulls_changes_with_the_scope_page_by_page() {
    let t = setup(Config::default()).await;
    let app = t.service().await;
    let eva = login(&app, EVA).await;
    let payroll = client_token(&app, &eva, json!(["employees:read"])).await;
    let other = client_token(&app, &eva, json!(["organisation:read"])).await;
    assert_eq!(
        send(&app, bearer(Method::GET, "/api/v1/payroll/employee-changes", &other)).await.status,
        StatusCode::FORBIDDEN
    );

    let res = send(&app, bearer(Method::GET, "/api/v1/payroll/employee-changes?limit=3", &payroll)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let page = res.json();
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["personnel_number"], "1001");
    assert_eq!(items[0]["record"]["bsn"], PIETER_BSN, "payroll gets the BSN in full");
    assert_eq!(items[0]["record"]["iban"], "NL44RABO0123456789");
    let cursor = page["next_cursor"].as_str().unwrap().to_string();
    let res = send(
        &app,
        bearer(Method::GET, &format!("/api/v1/payroll/employee-changes?limit=3&cursor={cursor}"), &payroll),
    )
    .await;
    let rest = res.json();
    assert_eq!(
        rest["items"].as_array().unwrap().len(),
        1,
        "Van Dijk's four demo records, none of De Linde's"
    );
    assert!(rest["next_cursor"].is_null());

    // A change shows up after the cursor.
    let last = rest["items"][0]["id"].as_str().unwrap().to_string();
    let kees = record_id(&app, &eva, "graaf").await;
    let version = get!(&app, eva, &format!("/api/v1/employees/{kees}")).json()["version"].clone();
    post!(&app, eva, &format!("/api/v1/employees/{kees}/review"), json!({"year": 2026, "version": version}));
    let res =
        send(&app, bearer(Method::GET, &format!("/api/v1/payroll/employee-changes?cursor={last}"), &payroll))
            .await;
    let new = res.json();
    assert_eq!(new["items"][0]["record_id"], kees.as_str());
    assert_eq!(new["items"][0]["fields"], json!(["2026"]));
    let pulls = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("employee_changes_pulled"))
        .count(&t.state.db.read)
        .await
        .unwrap();
    assert_eq!(pulls, 3, "each pull audited (the refused one is not a pull)");
    let pieter = login(&app, PIETER).await;
    assert_eq!(get!(&app, pieter, "/api/v1/payroll/employee-changes").status, StatusCode::FORBIDDEN);
}
