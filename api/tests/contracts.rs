//! Contracts end to end through the API: the employer offers a PDF, the employee signs
//! with their second factor, a ticked agreement and their typed name, and the employer
//! reads the audit trail — and every refusal that must leave the contract unsigned.
//! News per audience at the end.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use chrono::Duration;
use common::*;
use poort::{config::Config, entities::contract};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
use serde_json::{Value, json};

const PIETER: &str = "pieter.smit@vandijkbouw.example";
const AGENT: &str = "Mozilla/5.0 (X11; Linux x86_64) PoortTest/1.0";

macro_rules! get {
    ($app:expr, $who:expr, $path:expr) => {
        send($app, $who.on(browser(Method::GET, $path))).await
    };
}

macro_rules! post {
    ($app:expr, $who:expr, $path:expr, $body:expr) => {
        send($app, $who.on(browser(Method::POST, $path)).insert_header(("user-agent", AGENT)).set_json($body))
            .await
    };
}

fn contract_pdf(title: &str) -> Vec<u8> {
    poort::files::pdf::simple(title, &["Werkgever: Bouwbedrijf Van Dijk B.V.", "Werknemer: Pieter Smit"])
}

/// Access tokens that outlive the clock moves of these tests.
fn long_tokens() -> Config {
    Config { access_token_ttl_secs: 24 * 3600, ..Config::default() }
}

async fn app_with_sink() -> (TestApp, SmtpSink) {
    let sink = SmtpSink::start();
    let config = Config {
        smtp_url: Some(sink.url()),
        base_url: Some("https://poort.example".into()),
        ..long_tokens()
    };
    (TestApp::with_config(config).await, sink)
}

async fn id_of<S: TestService<B>, B: MessageBody>(app: &S, who: &Session) -> String {
    get!(app, who, "/api/v1/me").json()["id"].as_str().unwrap().to_string()
}

/// Offers a contract to `user` as `who`; returns the response.
async fn offer<S: TestService<B>, B: MessageBody>(
    app: &S,
    who: &Session,
    user: &str,
    title: &str,
    sign_by: &str,
    bytes: Vec<u8>,
) -> Resp {
    let q = format!(
        "/api/v1/contracts?user_id={user}&title={}&sign_by={sign_by}&file_name=contract.pdf",
        title.replace(' ', "%20")
    );
    send(
        app,
        who.on(browser(Method::POST, &q))
            .insert_header(("content-type", "application/pdf"))
            .set_payload(bytes),
    )
    .await
}

/// Sets up an authenticator app for the signed-in person; returns its manual key. Moves
/// the clock on a step so the confirming code is not the next one asked for.
async fn enrol_app<S: TestService<B>, B: MessageBody>(t: &TestApp, app: &S, who: &Session) -> String {
    let res = send(app, who.on(browser(Method::POST, "/api/v1/me/totp")).set_json(json!({}))).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let key = res.json()["manual_key"].as_str().unwrap().to_string();
    let res = post!(app, who, "/api/v1/me/totp/confirm", json!({"code": app_code(t, &key)}));
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    t.clock.advance(Duration::seconds(30));
    key
}

fn sign_body(agree: bool, name: &str, code: &str) -> Value {
    json!({"agree": agree, "typed_name": name, "code": code})
}

async fn row(t: &TestApp, id: &str) -> contract::Model {
    contract::Entity::find_by_id(id.parse::<uuid::Uuid>().unwrap())
        .one(&t.state.db.read)
        .await
        .unwrap()
        .unwrap()
}

#[actix_web::test]
async fn an_employee_signs_with_the_authenticator_app_and_the_employer_reads_the_trail() {
    let (t, sink) = app_with_sink().await;
    let app = t.service().await;
    let eva = login(&app, EVA).await;
    let pieter = login(&app, PIETER).await;
    let pieter_id = id_of(&app, &pieter).await;
    let pdf = contract_pdf("Arbeidsovereenkomst 2027");
    let hash = poort::documents::stored::sha256_hex(&pdf);

    // Bad offers change nothing: a sign-by date in the past, a file that is not a PDF,
    // an employee's own attempt, a body announced larger than the limit.
    let res =
        offer(&app, &eva, &pieter_id, "Arbeidsovereenkomst 2027", "2026-11-21", b"MZ\x90\x00".to_vec()).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.text());
    assert_eq!(res.json()["fields"]["sign_by"]["code"], "in_past");
    assert_eq!(res.json()["fields"]["file"]["code"], "type");
    let res = offer(&app, &pieter, &pieter_id, "Zelf", "2026-12-01", pdf.clone()).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let big = send(
        &app,
        eva.on(browser(
            Method::POST,
            &format!("/api/v1/contracts?user_id={pieter_id}&title=X&sign_by=2026-12-01&file_name=x.pdf"),
        ))
        .insert_header(("content-length", (16 * 1024 * 1024).to_string())),
    )
    .await;
    assert_eq!(big.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", big.text());
    assert!(get!(&app, eva, "/api/v1/contracts").json()["items"].as_array().unwrap().is_empty());

    // Eva offers; Pieter gets a Dutch mail with the deep link.
    let res = offer(&app, &eva, &pieter_id, "Arbeidsovereenkomst 2027", "2026-12-06", pdf.clone()).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let c = res.json();
    let id = c["id"].as_str().unwrap().to_string();
    assert_eq!(c["status"], "to_sign");
    assert_eq!(c["document_sha256"], hash.as_str());
    assert_eq!(c["person_name"], "Pieter Smit");
    poort::jobs::deliver_due(&t.state, "test").await.unwrap();
    let mails = sink.wait_for(1).await;
    let text = mail_text(&mails[0]);
    assert!(text.contains("To: pieter.smit@vandijkbouw.example"), "{text}");
    assert!(text.contains("Contract om te ondertekenen"), "{text}");
    assert!(text.contains(&format!("https://poort.example/contracten/{id}")), "{text}");

    // Pieter sees it, opens it (recorded once) and downloads the PDF.
    let mine = get!(&app, pieter, "/api/v1/me/contracts").json();
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(get!(&app, pieter, &format!("/api/v1/me/contracts/{id}")).json()["status"], "to_sign");
    get!(&app, pieter, &format!("/api/v1/me/contracts/{id}"));
    let file = get!(&app, pieter, &format!("/api/v1/contracts/{id}/file"));
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.body, pdf);
    assert!(file.header("content-disposition").unwrap().starts_with("attachment"));

    // Without a second factor there is no signing: set one up in Mijn account first.
    let res = post!(
        &app,
        pieter,
        &format!("/api/v1/me/contracts/{id}/sign"),
        sign_body(true, "Pieter Smit", "123456")
    );
    assert_eq!(res.status, StatusCode::CONFLICT, "{}", res.text());
    assert_eq!(res.json()["fields"]["code"]["code"], "no_second_factor");
    let res = post!(&app, pieter, &format!("/api/v1/me/contracts/{id}/sign-code"), json!({}));
    assert_eq!(res.status, StatusCode::CONFLICT, "no SMS factor: {}", res.text());

    let key = enrol_app(&t, &app, &pieter).await;

    // Unticked agreement and a wrong name: field errors, the code not even tried.
    let res = post!(
        &app,
        pieter,
        &format!("/api/v1/me/contracts/{id}/sign"),
        sign_body(false, "Piet Smid", &app_code(&t, &key))
    );
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = &res.json()["fields"];
    assert_eq!(fields["agree"]["code"], "required");
    assert_eq!(fields["typed_name"]["code"], "mismatch");
    assert!(fields.get("code").is_none(), "{fields}");
    // A wrong code.
    let res = post!(
        &app,
        pieter,
        &format!("/api/v1/me/contracts/{id}/sign"),
        sign_body(true, "pieter smit", "000000")
    );
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["code"]["code"], "wrong_code");
    assert!(row(&t, &id).await.signed_at.is_none(), "nothing signed");

    // The right code signs, with the trail.
    let code = app_code(&t, &key);
    let res = post!(
        &app,
        pieter,
        &format!("/api/v1/me/contracts/{id}/sign"),
        sign_body(true, " pieter  smit ", &code)
    );
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let signed = res.json();
    assert_eq!(signed["status"], "signed");
    let sig = &signed["signature"];
    assert_eq!(sig["document_sha256"], hash.as_str());
    assert_eq!(sig["second_factor"], "totp");
    assert_eq!(sig["ip"], "127.0.0.1");
    assert_eq!(sig["user_agent"], AGENT);
    assert_eq!(sig["signer_user_id"], pieter_id.as_str());
    assert_eq!(sig["typed_name"], "pieter  smit");

    // Signing twice is refused.
    t.clock.advance(Duration::seconds(30));
    let res = post!(
        &app,
        pieter,
        &format!("/api/v1/me/contracts/{id}/sign"),
        sign_body(true, "Pieter Smit", &app_code(&t, &key))
    );
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(res.json()["fields"]["status"]["code"], "signed");

    // The employer hears of it and reads the trail; the organisation's audit log has it.
    poort::jobs::deliver_due(&t.state, "test").await.unwrap();
    let mails = sink.wait_for(2).await;
    let text = mail_text(&mails[1]);
    assert!(text.contains("To: eva.visser@vandijkbouw.example") && text.contains("Pieter Smit"), "{text}");
    let trail = get!(&app, eva, &format!("/api/v1/contracts/{id}/audit")).json();
    let actions: Vec<&str> =
        trail.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["offered", "opened", "sign_failed", "sign_failed", "signed"], "{trail}");
    let last = trail.as_array().unwrap().last().unwrap();
    assert_eq!(last["actor_name"], "Pieter Smit");
    assert_eq!(last["detail"], hash.as_str());
    assert_eq!(last["ip"], "127.0.0.1");
    assert_eq!(last["user_agent"], AGENT);
    assert_eq!(trail[3]["detail"], "wrong_code");
    let n = poort::entities::audit_event::Entity::find()
        .filter(poort::entities::audit_event::Column::Action.eq("contract_signed"))
        .filter(poort::entities::audit_event::Column::Subject.eq(id.clone()))
        .all(&t.state.db.read)
        .await
        .unwrap()
        .len();
    assert_eq!(n, 1);
    // The signer reads the trail too; the employer's list shows it signed.
    assert_eq!(get!(&app, pieter, &format!("/api/v1/contracts/{id}/audit")).status, StatusCode::OK);
    let list = get!(&app, eva, "/api/v1/contracts?status=signed").json();
    assert_eq!(list["items"][0]["id"], id.as_str());
    assert!(
        get!(&app, eva, "/api/v1/contracts?status=to_sign").json()["items"].as_array().unwrap().is_empty()
    );
}

#[actix_web::test]
async fn replayed_codes_tampered_files_and_closed_contracts_are_refused() {
    let t = TestApp::with_config(long_tokens()).await;
    let app = t.service().await;
    let eva = login(&app, EVA).await;
    let pieter = login(&app, PIETER).await;
    let pieter_id = id_of(&app, &pieter).await;
    let key = enrol_app(&t, &app, &pieter).await;
    let mut ids = Vec::new();
    for title in ["Contract A", "Contract B", "Contract C", "Contract D"] {
        let res = offer(&app, &eva, &pieter_id, title, "2026-11-30", contract_pdf(title)).await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
        ids.push(res.json()["id"].as_str().unwrap().to_string());
    }
    let sign = |id: &str| format!("/api/v1/me/contracts/{id}/sign");

    // A code signs once: the same code for the next contract is refused.
    let code = app_code(&t, &key);
    assert_eq!(
        post!(&app, pieter, &sign(&ids[0]), sign_body(true, "Pieter Smit", &code)).status,
        StatusCode::OK
    );
    let res = post!(&app, pieter, &sign(&ids[1]), sign_body(true, "Pieter Smit", &code));
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["code"]["code"], "wrong_code");
    assert!(row(&t, &ids[1]).await.signed_at.is_none());

    // A stored file that is not the offered one is never signed: the row's hash changed…
    t.clock.advance(Duration::seconds(30));
    contract::Entity::update_many()
        .col_expr(contract::Column::DocumentSha256, Expr::value("0".repeat(64)))
        .filter(contract::Column::Id.eq(ids[1].parse::<uuid::Uuid>().unwrap()))
        .exec(&t.state.db.write)
        .await
        .unwrap();
    let res = post!(&app, pieter, &sign(&ids[1]), sign_body(true, "Pieter Smit", &app_code(&t, &key)));
    assert_eq!(res.status, StatusCode::CONFLICT, "{}", res.text());
    assert_eq!(res.json()["fields"]["document"]["code"], "document_changed");
    // …or the bytes on disk were replaced.
    let c2 = row(&t, &ids[2]).await;
    let doc = poort::entities::person_document::Entity::find_by_id(c2.document_id)
        .one(&t.state.db.read)
        .await
        .unwrap()
        .unwrap();
    let path = t.state.config.files_dir.join(&doc.storage_key[..2]).join(&doc.storage_key);
    let other = t.state.data_key.seal_bytes(&contract_pdf("Een ander contract")).unwrap();
    std::fs::write(&path, other).unwrap();
    let res = post!(&app, pieter, &sign(&ids[2]), sign_body(true, "Pieter Smit", &app_code(&t, &key)));
    assert_eq!(res.status, StatusCode::CONFLICT, "{}", res.text());
    assert_eq!(res.json()["fields"]["document"]["code"], "document_changed");
    assert!(row(&t, &ids[2]).await.signed_at.is_none());

    // Withdrawn: 409 for signing, and only a contract to sign can be withdrawn.
    let res = post!(&app, eva, &format!("/api/v1/contracts/{}/withdraw", ids[3]), json!({}));
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["status"], "withdrawn");
    let res = post!(&app, pieter, &sign(&ids[3]), sign_body(true, "Pieter Smit", &app_code(&t, &key)));
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(res.json()["fields"]["status"]["code"], "withdrawn");
    assert_eq!(
        post!(&app, eva, &format!("/api/v1/contracts/{}/withdraw", ids[0]), json!({})).status,
        StatusCode::CONFLICT
    );
    // An employee cannot withdraw.
    assert_eq!(
        post!(&app, pieter, &format!("/api/v1/contracts/{}/withdraw", ids[1]), json!({})).status,
        StatusCode::FORBIDDEN
    );

    // Expired after its sign-by day (Amsterdam): 409.
    contract::Entity::update_many()
        .col_expr(
            contract::Column::SignBy,
            Expr::value(chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()),
        )
        .filter(contract::Column::Id.is_in([ids[1].parse::<uuid::Uuid>().unwrap(), ids[2].parse().unwrap()]))
        .exec(&t.state.db.write)
        .await
        .unwrap();
    let res = post!(&app, pieter, &sign(&ids[1]), sign_body(true, "Pieter Smit", &app_code(&t, &key)));
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(res.json()["fields"]["status"]["code"], "expired");
    assert_eq!(get!(&app, pieter, &format!("/api/v1/me/contracts/{}", ids[1])).json()["status"], "expired");
    assert_eq!(
        get!(&app, eva, "/api/v1/contracts?status=expired").json()["items"].as_array().unwrap().len(),
        2
    );
}

#[actix_web::test]
async fn colleagues_and_other_organisations_never_see_a_contract() {
    let t = TestApp::with_config(long_tokens()).await;
    let app = t.service().await;
    let eva = login(&app, EVA).await;
    let pieter = login(&app, PIETER).await;
    let anna = login(&app, ANNA).await;
    let fatima = login(&app, FATIMA).await;
    let lotte = login(&app, LOTTE).await;
    let pieter_id = id_of(&app, &pieter).await;
    let anna_id = id_of(&app, &anna).await;

    // Anna is not in Van Dijk: a field error, not a contract.
    let res = offer(&app, &eva, &anna_id, "Niet van ons", "2026-12-01", contract_pdf("x")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["user_id"]["code"], "not_member");

    let id = offer(&app, &eva, &pieter_id, "Arbeidsovereenkomst", "2026-12-01", contract_pdf("x"))
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    // The arbodienst in Van Dijk (no manage employee data) and another organisation: 404 everywhere.
    for who in [&lotte, &fatima, &anna] {
        for path in [
            format!("/api/v1/contracts/{id}"),
            format!("/api/v1/contracts/{id}/audit"),
            format!("/api/v1/contracts/{id}/file"),
            format!("/api/v1/me/contracts/{id}"),
        ] {
            assert_eq!(get!(&app, who, &path).status, StatusCode::NOT_FOUND, "{path}");
        }
    }
    let res = post!(
        &app,
        fatima,
        &format!("/api/v1/me/contracts/{id}/sign"),
        sign_body(true, "Pieter Smit", "123456")
    );
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(
        post!(&app, fatima, &format!("/api/v1/contracts/{id}/withdraw"), json!({})).status,
        StatusCode::NOT_FOUND
    );
    // The employer's endpoints are not for employees.
    assert_eq!(get!(&app, pieter, "/api/v1/contracts").status, StatusCode::FORBIDDEN);
    // The employer sees it, but it is not "theirs" to sign.
    assert_eq!(get!(&app, eva, &format!("/api/v1/contracts/{id}")).status, StatusCode::OK);
    assert_eq!(get!(&app, eva, &format!("/api/v1/me/contracts/{id}")).status, StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn an_sms_code_signs_once_and_wrong_codes_are_throttled() {
    let t = TestApp::with_config(long_tokens()).await;
    let app = t.service().await;
    let eva = login(&app, EVA).await;
    let pieter = login(&app, PIETER).await;
    let pieter_id = id_of(&app, &pieter).await;
    // Pieter uses SMS codes (his number proven).
    poort::entities::user::Entity::update_many()
        .col_expr(poort::entities::user::Column::SmsSecondFactor, Expr::value(true))
        .col_expr(poort::entities::user::Column::MobileVerifiedAt, Expr::value(t.state.clock.now()))
        .filter(poort::entities::user::Column::Id.eq(pieter_id.parse::<uuid::Uuid>().unwrap()))
        .exec(&t.state.db.write)
        .await
        .unwrap();
    let mut ids = Vec::new();
    for title in ["SMS A", "SMS B"] {
        ids.push(
            offer(&app, &eva, &pieter_id, title, "2026-12-01", contract_pdf(title)).await.json()["id"]
                .as_str()
                .unwrap()
                .to_string(),
        );
    }
    let res = post!(&app, pieter, &format!("/api/v1/me/contracts/{}/sign-code", ids[0]), json!({}));
    assert_eq!(res.status, StatusCode::ACCEPTED, "{}", res.text());
    let outbox = poort::notifications::outbox::recent(&t.state.db.read, None, 5).await.unwrap();
    let sms = outbox.iter().find(|m| m.channel == "sms").unwrap();
    assert!(sms.body_text.contains("contract"), "{}", sms.body_text);
    let code = sms_code(&sms.body_text);
    // The code is bound to that contract.
    let res = post!(
        &app,
        pieter,
        &format!("/api/v1/me/contracts/{}/sign", ids[1]),
        sign_body(true, "Pieter Smit", &code)
    );
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = post!(
        &app,
        pieter,
        &format!("/api/v1/me/contracts/{}/sign", ids[0]),
        sign_body(true, "Pieter Smit", &code)
    );
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["signature"]["second_factor"], "sms");

    // Five wrong codes, then the sixth attempt waits (429) even with a right code.
    for _ in 0..4 {
        let res = post!(
            &app,
            pieter,
            &format!("/api/v1/me/contracts/{}/sign", ids[1]),
            sign_body(true, "Pieter Smit", "999999")
        );
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    t.clock.advance(Duration::seconds(61));
    assert_eq!(
        post!(&app, pieter, &format!("/api/v1/me/contracts/{}/sign-code", ids[1]), json!({})).status,
        StatusCode::ACCEPTED
    );
    let outbox = poort::notifications::outbox::recent(&t.state.db.read, None, 5).await.unwrap();
    let code = sms_code(&outbox.iter().find(|m| m.channel == "sms").unwrap().body_text);
    let res = post!(
        &app,
        pieter,
        &format!("/api/v1/me/contracts/{}/sign", ids[1]),
        sign_body(true, "Pieter Smit", &code)
    );
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS, "{}", res.text());
    assert!(row(&t, &ids[1]).await.signed_at.is_none());
    t.clock.advance(Duration::minutes(16));
    let res = post!(
        &app,
        pieter,
        &format!("/api/v1/me/contracts/{}/sign", ids[1]),
        sign_body(true, "Pieter Smit", &code)
    );
    assert_eq!(
        res.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the SMS code expired meanwhile: {}",
        res.text()
    );
}

#[actix_web::test]
async fn news_reaches_its_audience_and_only_writers_write() {
    let t = TestApp::with_config(long_tokens()).await;
    let app = t.service().await;
    let eva = login(&app, EVA).await;
    let pieter = login(&app, PIETER).await;
    let fatima = login(&app, FATIMA).await;
    let anna = login(&app, ANNA).await;
    let titles = |v: &Value| -> Vec<String> {
        v["items"].as_array().unwrap().iter().map(|n| n["title"].as_str().unwrap().to_string()).collect()
    };

    let res = post!(
        &app,
        pieter,
        "/api/v1/news",
        json!({"title": "Hoi", "body": "x", "audience": "everyone", "publish": true})
    );
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = post!(
        &app,
        eva,
        "/api/v1/news",
        json!({"title": " ", "body": "", "audience": "staff", "publish": true})
    );
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["title"]["code"], "required");
    assert_eq!(res.json()["fields"]["body"]["code"], "required");

    let staff = post!(
        &app,
        eva,
        "/api/v1/news",
        json!({"title": "Alleen kantoor", "body": "Overleg.", "audience": "staff", "publish": true})
    );
    assert_eq!(staff.status, StatusCode::CREATED, "{}", staff.text());
    let emp = post!(
        &app,
        eva,
        "/api/v1/news",
        json!({"title": "Voor de bouwplaats", "body": "Helm op.", "audience": "employees", "publish": true})
    );
    let draft = post!(
        &app,
        eva,
        "/api/v1/news",
        json!({"title": "Nog niet af", "body": "…", "audience": "everyone", "publish": false})
    );
    let draft_id = draft.json()["id"].as_str().unwrap().to_string();

    let for_pieter = titles(&get!(&app, pieter, "/api/v1/news").json());
    assert!(for_pieter.contains(&"Voor de bouwplaats".to_string()));
    assert!(!for_pieter.contains(&"Alleen kantoor".to_string()));
    assert!(!for_pieter.contains(&"Nog niet af".to_string()));
    let for_eva = titles(&get!(&app, eva, "/api/v1/news").json());
    assert!(
        for_eva.contains(&"Alleen kantoor".to_string())
            && !for_eva.contains(&"Voor de bouwplaats".to_string())
    );
    // Another organisation sees none of it and cannot touch it.
    assert!(!titles(&get!(&app, anna, "/api/v1/news").json()).iter().any(|t| t == "Voor de bouwplaats"));
    let id = emp.json()["id"].as_str().unwrap().to_string();
    let res = send(&app, fatima.on(browser(Method::DELETE, &format!("/api/v1/news/{id}")))).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);

    // Drafts for writers; publishing one puts it on the news page; delete removes it.
    assert_eq!(get!(&app, pieter, "/api/v1/news/drafts").status, StatusCode::FORBIDDEN);
    assert!(
        get!(&app, eva, "/api/v1/news/drafts")
            .json()
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["id"] == draft_id.as_str())
    );
    let res = send(
        &app,
        eva.on(browser(Method::PUT, &format!("/api/v1/news/{draft_id}"))).set_json(
            json!({"title": "Nu wel af", "body": "Klaar.", "audience": "everyone", "publish": true}),
        ),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert!(res.json()["published_at"].is_string());
    assert_eq!(titles(&get!(&app, pieter, "/api/v1/news?limit=1").json()), ["Nu wel af"]);
    let page = get!(&app, pieter, "/api/v1/news?limit=1").json();
    let next = page["next_cursor"].as_str().unwrap();
    assert_eq!(
        titles(&get!(&app, pieter, &format!("/api/v1/news?limit=1&cursor={next}")).json()),
        ["Voor de bouwplaats"]
    );
    let res = send(&app, eva.on(browser(Method::DELETE, &format!("/api/v1/news/{draft_id}")))).await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    assert!(!titles(&get!(&app, pieter, "/api/v1/news").json()).contains(&"Nu wel af".to_string()));
}
