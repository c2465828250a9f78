//! Personal documents end to end through the API: uploads checked from their content, sizes
//! refused before reading, names without paths, visibility per audience with a mail through
//! the real SMTP sink, the first download marking a document read, the tenant and colleague
//! boundaries, and files in a real S3-compatible bucket (moto's server mode).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use common::*;
use poort::{
    config::{Config, FilesBackend, Secret},
    entities::{person_document, user},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

const PIETER: &str = "pieter.smit@vandijkbouw.example";
const NOOR: &str = "noor.willems@delinde.example";

fn a_pdf(text: &str) -> Vec<u8> {
    poort::files::pdf::simple("Diploma", &[text])
}

fn upload(who: &Session, query: &str, content_type: &str, bytes: Vec<u8>) -> actix_web::test::TestRequest {
    who.on(browser(Method::POST, &format!("/api/v1/documents?{query}")))
        .insert_header(("content-type", content_type.to_string()))
        .set_payload(bytes)
}

async fn user_id(t: &TestApp, email: &str) -> String {
    user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(&t.state.db.read)
        .await
        .unwrap()
        .unwrap()
        .id
        .to_string()
}

fn ids(page: &Value) -> Vec<String> {
    page["items"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap().to_string()).collect()
}

#[actix_web::test]
async fn an_employee_uploads_their_own_documents_and_bad_files_change_nothing() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let pieter = login(&app, PIETER).await;
    let eva = login(&app, EVA).await;
    let bytes = a_pdf("VCA Basis, Pieter Smit");

    // A name with path parts keeps only its last part; the extension is what the file is.
    let q = "kind=certificate&title=Diploma%20VCA&file_name=C%3A%5Cfakepath%5C..%5Cdiploma%20vca.PDF";
    let res = send(&app, upload(&pieter, q, "application/pdf", bytes.clone())).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let doc = res.json();
    assert_eq!(doc["file_name"], "diploma vca.pdf");
    assert_eq!(doc["content_type"], "application/pdf");
    assert_eq!(
        (doc["visible_employee"].as_bool(), doc["visible_employer"].as_bool()),
        (Some(true), Some(true))
    );
    assert!(doc["read_at"].is_string(), "one's own upload is nothing new to read");
    let id = doc["id"].as_str().unwrap().to_string();

    // Refused, each with a clear field, and nothing stored.
    let before = person_document::Entity::find().all(&t.state.db.read).await.unwrap().len();
    let text_as_pdf = b"Dit is geen PDF maar gewone tekst".to_vec();
    let res = send(
        &app,
        upload(&pieter, "kind=certificate&title=Nep&file_name=nep.pdf", "application/pdf", text_as_pdf),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["file"]["code"], "type");
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    let res = send(
        &app,
        upload(
            &pieter,
            "kind=certificate&title=Scan&file_name=scan.pdf",
            "application/octet-stream",
            png.clone(),
        ),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "a PNG that claims to be a PDF");
    assert_eq!(res.json()["fields"]["file"]["code"], "type_mismatch");
    let res =
        send(&app, upload(&pieter, "kind=certificate&title=Scan&file_name=scan", "application/pdf", png))
            .await;
    assert_eq!(res.json()["fields"]["file"]["code"], "type_mismatch", "the Content-Type claims a PDF");
    let res = send(
        &app,
        upload(&pieter, "kind=payslip&title=Loon&file_name=x.pdf", "application/pdf", bytes.clone()),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "employees do not upload payslips");
    assert_eq!(res.json()["fields"]["kind"]["code"], "not_allowed");
    let res = send(
        &app,
        upload(&pieter, "kind=certificate&title=&file_name=x.pdf", "application/pdf", bytes.clone()),
    )
    .await;
    assert_eq!(res.json()["fields"]["title"]["code"], "required");
    // Oversized: 413 from the declared length, before the body is read.
    let res = send(
        &app,
        pieter
            .on(browser(Method::POST, "/api/v1/documents?kind=other&title=Groot&file_name=groot.pdf"))
            .set_payload(b"%PDF-1.7 small".to_vec())
            .insert_header(("content-length", (16 * 1024 * 1024).to_string())),
    )
    .await;
    assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(res.error_kind(), "payload_too_large");
    // Uploading for someone else needs the employer's right.
    let anna_id = user_id(&t, ANNA).await;
    let eva_id = user_id(&t, EVA).await;
    let res = send(
        &app,
        upload(
            &pieter,
            &format!("user_id={eva_id}&kind=other&title=X&file_name=x.pdf"),
            "application/pdf",
            bytes.clone(),
        ),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    // …and the person must be of the employer's organisation.
    let res = send(
        &app,
        upload(
            &eva,
            &format!("user_id={anna_id}&kind=other&title=X&file_name=x.pdf"),
            "application/pdf",
            bytes.clone(),
        ),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["user_id"]["code"], "unknown");
    assert_eq!(person_document::Entity::find().all(&t.state.db.read).await.unwrap().len(), before);

    // The employer sees it, found by the person's name.
    let list = send(&app, eva.on(browser(Method::GET, "/api/v1/documents?q=smit&kind=certificate"))).await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.text());
    assert_eq!(ids(&list.json()), vec![id.clone()]);
    assert_eq!(list.json()["items"][0]["person_name"], "Pieter Smit");
    assert_eq!(
        send(&app, pieter.on(browser(Method::GET, "/api/v1/documents"))).await.status,
        StatusCode::FORBIDDEN
    );

    // The employer's upload for him is new to him until his first download; the employer
    // opening it changes nothing.
    let pieter_id = user_id(&t, PIETER).await;
    let q = format!("user_id={pieter_id}&kind=other&title=Reglement&file_name=reglement.pdf");
    let res = send(&app, upload(&eva, &q, "application/pdf", bytes.clone())).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let id = res.json()["id"].as_str().unwrap().to_string();
    let unread = send(&app, pieter.on(browser(Method::GET, "/api/v1/me/documents?unread=true"))).await.json();
    assert_eq!(ids(&unread), vec![id.clone()]);
    let res = send(&app, eva.on(browser(Method::GET, &format!("/api/v1/documents/{id}/file")))).await;
    assert_eq!(res.body, bytes);
    let unread = send(&app, pieter.on(browser(Method::GET, "/api/v1/me/documents?unread=true"))).await.json();
    assert_eq!(ids(&unread), vec![id.clone()]);
    let res = send(&app, pieter.on(browser(Method::GET, &format!("/api/v1/documents/{id}/file")))).await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.body, bytes, "download bytes equal the upload");
    assert_eq!(res.header("content-type").as_deref(), Some("application/pdf"));
    let disposition = res.header("content-disposition").unwrap();
    assert!(disposition.starts_with("attachment; filename=\"reglement.pdf\""), "{disposition}");
    assert_eq!(res.header("x-content-type-options").as_deref(), Some("nosniff"));
    let unread = send(&app, pieter.on(browser(Method::GET, "/api/v1/me/documents?unread=true"))).await.json();
    assert!(ids(&unread).is_empty());
    let all = send(&app, pieter.on(browser(Method::GET, "/api/v1/me/documents"))).await.json();
    assert!(all["items"][0]["read_at"].is_string());

    // The file on disk is encrypted.
    let row = person_document::Entity::find_by_id(id.parse::<uuid::Uuid>().unwrap())
        .one(&t.state.db.read)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.storage_backend, "local");
    let path = t.state.config.files_dir.join(&row.storage_key[..2]).join(&row.storage_key);
    let raw = std::fs::read(path).unwrap();
    assert!(!raw.windows(4).any(|w| w == b"%PDF"), "stored encrypted");
}

#[actix_web::test]
async fn the_employer_chooses_who_sees_a_document_and_the_employee_gets_a_mail() {
    let sink = SmtpSink::start();
    let t = TestApp::with_config(Config { smtp_url: Some(sink.url()), ..Config::default() }).await;
    let app = t.service().await;
    let pieter = login(&app, PIETER).await;
    let eva = login(&app, EVA).await;
    let pieter_id = user_id(&t, PIETER).await;
    let bytes = a_pdf("Arbeidsovereenkomst");

    // Hidden from the employee at first: not in their list, a 404 to open, no mail.
    let q = format!(
        "user_id={pieter_id}&kind=employment_contract&title=Arbeidsovereenkomst%202027&file_name=contract.pdf\
         &period_start=2027-01-01&period_end=2027-12-31&visible_employee=false"
    );
    let res = send(&app, upload(&eva, &q, "application/pdf", bytes.clone())).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let id = res.json()["id"].as_str().unwrap().to_string();
    assert!(
        ids(&send(&app, pieter.on(browser(Method::GET, "/api/v1/me/documents"))).await.json()).is_empty()
    );
    assert_eq!(
        send(&app, pieter.on(browser(Method::GET, &format!("/api/v1/documents/{id}/file")))).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(poort::jobs::deliver_due(&t.state, "test").await.unwrap(), 0);

    // The period filter finds documents whose period overlaps.
    let found =
        send(&app, eva.on(browser(Method::GET, "/api/v1/documents?from=2027-06-01&to=2027-06-30"))).await;
    assert_eq!(ids(&found.json()), vec![id.clone()]);
    let later = send(&app, eva.on(browser(Method::GET, "/api/v1/documents?from=2028-01-01"))).await;
    assert!(ids(&later.json()).is_empty());
    let earlier = send(&app, eva.on(browser(Method::GET, "/api/v1/documents?to=2026-12-31"))).await;
    assert!(ids(&earlier.json()).is_empty());

    // Shown: the employee is told, with a link to Documenten.
    let res = send(
        &app,
        eva.on(browser(Method::PUT, &format!("/api/v1/documents/{id}/visibility")))
            .set_json(json!({"visible_employee": true})),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(poort::jobs::deliver_due(&t.state, "test").await.unwrap(), 1);
    let mails = sink.wait_for(1).await;
    let mail = mail_text(&mails[0]);
    assert!(mail.contains("pieter.smit@vandijkbouw.example"), "{mail}");
    assert!(mail.contains("Arbeidsovereenkomst 2027") && mail.contains("/documenten"), "{mail}");
    assert_eq!(
        ids(&send(&app, pieter.on(browser(Method::GET, "/api/v1/me/documents?unread=true"))).await.json()),
        vec![id.clone()]
    );
    // The employee cannot change visibility or delete.
    let res = send(
        &app,
        pieter
            .on(browser(Method::PUT, &format!("/api/v1/documents/{id}/visibility")))
            .set_json(json!({"visible_employee": false})),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(
        send(&app, pieter.on(browser(Method::DELETE, &format!("/api/v1/documents/{id}")))).await.status,
        StatusCode::FORBIDDEN
    );

    // A second upload visible from the start mails at once; keyset pages walk both.
    let q = format!("user_id={pieter_id}&kind=other&title=Loonbeslag%20brief&file_name=brief.pdf");
    assert_eq!(
        send(&app, upload(&eva, &q, "application/pdf", bytes.clone())).await.status,
        StatusCode::CREATED
    );
    assert_eq!(poort::jobs::deliver_due(&t.state, "test").await.unwrap(), 1);
    let first = send(&app, pieter.on(browser(Method::GET, "/api/v1/me/documents?limit=1"))).await.json();
    assert_eq!(first["items"][0]["title"], "Loonbeslag brief");
    let cursor = first["next_cursor"].as_str().unwrap().to_string();
    let second =
        send(&app, pieter.on(browser(Method::GET, &format!("/api/v1/me/documents?limit=1&cursor={cursor}"))))
            .await
            .json();
    assert_eq!(ids(&second), vec![id.clone()]);
    assert!(second.get("next_cursor").is_none());

    // Deleted by the employer: gone for both, the file too.
    let row = person_document::Entity::find_by_id(id.parse::<uuid::Uuid>().unwrap())
        .one(&t.state.db.read)
        .await
        .unwrap()
        .unwrap();
    let res = send(&app, eva.on(browser(Method::DELETE, &format!("/api/v1/documents/{id}")))).await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    assert_eq!(
        send(&app, pieter.on(browser(Method::GET, &format!("/api/v1/documents/{id}/file")))).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(!t.state.config.files_dir.join(&row.storage_key[..2]).join(&row.storage_key).exists());
}

#[actix_web::test]
async fn nobody_reads_a_colleagues_or_another_organisations_document() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let anna = login(&app, ANNA).await;
    let noor = login(&app, NOOR).await;
    let fatima = login(&app, FATIMA).await;
    let eva = login(&app, EVA).await;
    let res = send(
        &app,
        upload(
            &anna,
            "kind=id_document&title=Paspoort&file_name=paspoort.pdf",
            "application/pdf",
            a_pdf("Paspoort"),
        ),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED);
    let id = res.json()["id"].as_str().unwrap().to_string();
    // A colleague: 404, as if it did not exist.
    assert_eq!(
        send(&app, noor.on(browser(Method::GET, &format!("/api/v1/documents/{id}/file")))).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(ids(&send(&app, noor.on(browser(Method::GET, "/api/v1/me/documents"))).await.json()).is_empty());
    // Another organisation's employer: 404 for every call.
    let file = format!("/api/v1/documents/{id}/file");
    assert_eq!(send(&app, eva.on(browser(Method::GET, &file))).await.status, StatusCode::NOT_FOUND);
    let vis = format!("/api/v1/documents/{id}/visibility");
    let res =
        send(&app, eva.on(browser(Method::PUT, &vis)).set_json(json!({"visible_employee": false}))).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(
        send(&app, eva.on(browser(Method::DELETE, &format!("/api/v1/documents/{id}")))).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(ids(&send(&app, eva.on(browser(Method::GET, "/api/v1/documents"))).await.json()).is_empty());
    // Their own employer sees it, but cannot hide the employee's own upload from them.
    assert_eq!(send(&app, fatima.on(browser(Method::GET, &file))).await.status, StatusCode::OK);
    let res =
        send(&app, fatima.on(browser(Method::PUT, &vis)).set_json(json!({"visible_employee": false}))).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["visible_employee"]["code"], "own_upload");
    // A malformed id is a 404 too.
    assert_eq!(
        send(&app, anna.on(browser(Method::GET, "/api/v1/documents/nope/file"))).await.status,
        StatusCode::NOT_FOUND
    );
}

/// moto's S3 server on a free port (`pip install 'moto[server]'`; scripts/test installs it).
struct Moto {
    child: std::process::Child,
    port: u16,
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn start_moto() -> Option<Moto> {
    let port = std::net::TcpListener::bind("127.0.0.1:0").ok()?.local_addr().ok()?.port();
    let child = std::process::Command::new("python3")
        .args(["-m", "moto.server", "-H", "127.0.0.1", "-p", &port.to_string()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    let moto = Moto { child, port };
    for _ in 0..150 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Some(moto);
        }
        actix_web::rt::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    None
}

#[actix_web::test]
async fn files_live_encrypted_in_an_s3_bucket_when_configured() {
    let Some(moto) = start_moto().await else {
        eprintln!(
            "SKIPPED: moto's S3 server did not start (python3 -m pip install 'moto[server]'; scripts/test's tools step installs it)"
        );
        return;
    };
    let endpoint = format!("http://127.0.0.1:{}", moto.port);
    // The bucket, made the way an operator would (moto accepts any credentials).
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = reqwest::Client::new();
    let res = client.put(format!("{endpoint}/poort-files")).send().await.unwrap();
    assert!(res.status().is_success(), "create bucket: {}", res.status());
    let config = Config {
        files_backend: FilesBackend::S3,
        s3_endpoint: Some(endpoint.clone()),
        s3_bucket: Some("poort-files".into()),
        s3_access_key: Some(Secret::new("test-access")),
        s3_secret_key: Some(Secret::new("test-secret")),
        ..Config::default()
    };
    let t = TestApp::with_config(config).await;
    let app = t.service().await;
    let pieter = login(&app, PIETER).await;
    let bytes = a_pdf("Opgeslagen in de bucket");
    let res = send(
        &app,
        upload(
            &pieter,
            "kind=certificate&title=Bucket&file_name=bucket.pdf",
            "application/pdf",
            bytes.clone(),
        ),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let id: uuid::Uuid = res.json()["id"].as_str().unwrap().parse().unwrap();
    let row = person_document::Entity::find_by_id(id).one(&t.state.db.read).await.unwrap().unwrap();
    assert_eq!(row.storage_backend, "s3");
    // In the bucket, sealed; nothing on local disk.
    // Read the object directly, signed as any S3 client would.
    let bucket = rusty_s3::Bucket::new(
        endpoint.parse().unwrap(),
        rusty_s3::UrlStyle::Path,
        "poort-files",
        "us-east-1",
    )
    .unwrap();
    let creds = rusty_s3::Credentials::new("test-access", "test-secret");
    let signed = |key: &str| {
        use rusty_s3::S3Action;
        bucket.get_object(Some(&creds), key).sign(std::time::Duration::from_secs(60))
    };
    let raw = client.get(signed(&row.storage_key)).send().await.unwrap();
    assert!(raw.status().is_success(), "{}", raw.status());
    let raw = raw.bytes().await.unwrap();
    assert!(!raw.is_empty() && !raw.windows(4).any(|w| w == b"%PDF"), "stored encrypted");
    assert!(!t.state.config.files_dir.join(&row.storage_key[..2]).join(&row.storage_key).exists());
    let res = send(&app, pieter.on(browser(Method::GET, &format!("/api/v1/documents/{id}/file")))).await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.body, bytes, "round trip through the bucket");

    // A document stored on local disk before the switch still opens: reading follows the row.
    let local = poort::files::storage::Storage::new(t.state.config.files_dir.clone());
    let old = a_pdf("Van voor de overstap");
    let key = local.put(&t.state.data_key, &old).await.unwrap();
    use sea_orm::{ActiveModelTrait, Set};
    let mut m = person_document::ActiveModel::from(row.clone()).reset_all();
    m.id = Set(uuid::Uuid::now_v7());
    m.storage_key = Set(key);
    m.storage_backend = Set("local".into());
    let old_row = m.insert(&t.state.db.write).await.unwrap();
    let res =
        send(&app, pieter.on(browser(Method::GET, &format!("/api/v1/documents/{}/file", old_row.id)))).await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.body, old);

    // Deleting removes the object from the bucket.
    let eva = login(&app, EVA).await;
    let res = send(&app, eva.on(browser(Method::DELETE, &format!("/api/v1/documents/{id}")))).await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    let gone = client.get(signed(&row.storage_key)).send().await.unwrap();
    assert_eq!(gone.status(), reqwest::StatusCode::NOT_FOUND);
}
