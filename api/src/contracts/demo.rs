//! Demo contracts (`poort seed --demo`): a contract to sign for Pieter Smit (Van Dijk) and
//! Anna Jansen (De Linde), Pieter's contract of last year signed with its audit trail, and
//! an addendum of Anna's that expired unsigned. Runs after the seed (the PDFs are stored
//! encrypted with the data key); does nothing when there are contracts already.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::{
    audit::ClientInfo,
    auth::email,
    config::Config,
    crypto::DataKey,
    db::Db,
    documents::stored::sha256_hex,
    entities::{contract, membership, person_document, user},
    files::{pdf, storage::Storage},
};

use super::service::{Step, record_step};

struct DemoContract {
    employee: &'static str,
    employer: &'static str,
    title: &'static str,
    lines: &'static [&'static str],
    offered_days_ago: i64,
    sign_by_days: i64,
    signed: bool,
}

const CONTRACTS: &[DemoContract] = &[
    DemoContract {
        employee: "pieter.smit@vandijkbouw.example",
        employer: "eva.visser@vandijkbouw.example",
        title: "Arbeidsovereenkomst 2026",
        lines: &[
            "Werkgever: Bouwbedrijf Van Dijk B.V., Goes",
            "Werknemer: Pieter Smit",
            "Functie: timmerman, 40 uur per week",
            "Looptijd: 1 januari 2026 tot en met 31 december 2026",
        ],
        offered_days_ago: 340,
        sign_by_days: -326,
        signed: true,
    },
    DemoContract {
        employee: "pieter.smit@vandijkbouw.example",
        employer: "eva.visser@vandijkbouw.example",
        title: "Arbeidsovereenkomst 2027",
        lines: &[
            "Werkgever: Bouwbedrijf Van Dijk B.V., Goes",
            "Werknemer: Pieter Smit",
            "Functie: timmerman, 40 uur per week",
            "Looptijd: 1 januari 2027 voor onbepaalde tijd",
            "Salaris: schaal C, trede 6 (CAO Bouw & Infra)",
        ],
        offered_days_ago: 1,
        sign_by_days: 14,
        signed: false,
    },
    DemoContract {
        employee: "anna.jansen@delinde.example",
        employer: "fatima.elamrani@delinde.example",
        title: "Contractwijziging 2027: 28 uur per week",
        lines: &[
            "Werkgever: Thuiszorg De Linde",
            "Werknemer: Anna Jansen",
            "Wijziging: de arbeidsduur wordt 28 uur per week per 1 januari 2027",
            "Overige voorwaarden blijven ongewijzigd (CAO VVT)",
        ],
        offered_days_ago: 2,
        sign_by_days: 10,
        signed: false,
    },
    DemoContract {
        employee: "anna.jansen@delinde.example",
        employer: "fatima.elamrani@delinde.example",
        title: "Addendum reiskostenregeling",
        lines: &["Werkgever: Thuiszorg De Linde", "Werknemer: Anna Jansen", "Reiskosten: 0,23 euro per km"],
        offered_days_ago: 40,
        sign_by_days: -10,
        signed: false,
    },
];

fn by<'a>(u: &'a user::Model, action: &'a str, detail: Option<String>) -> Step<'a> {
    Step { action, actor_user_id: Some(u.id), actor_name: &u.name, detail }
}

const DEMO_BROWSER: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Mobile Safari/604.1";

/// Adds the demo contracts with their PDFs.
pub async fn load(db: &Db, config: &Config, now: DateTime<Utc>) -> Result<(), String> {
    let e = |e: sea_orm::DbErr| e.to_string();
    if contract::Entity::find().count(&db.write).await.map_err(e)? > 0 {
        return Ok(());
    }
    let key = DataKey::load(config, db, now).await?;
    let storage = Storage::new(config.files_dir.clone());
    let today = super::service::today(now);
    for c in CONTRACTS {
        let find = |mail: &str| {
            user::Entity::find().filter(user::Column::Email.eq(email::canonical(mail))).one(&db.write)
        };
        let (Some(employee), Some(employer)) =
            (find(c.employee).await.map_err(e)?, find(c.employer).await.map_err(e)?)
        else {
            return Ok(());
        };
        let Some(m) = membership::Entity::find()
            .filter(membership::Column::UserId.eq(employee.id))
            .one(&db.write)
            .await
            .map_err(e)?
        else {
            return Ok(());
        };
        let org = m.organisation_id;
        let offered = now - Duration::days(c.offered_days_ago);
        let sign_by: NaiveDate = today + Duration::days(c.sign_by_days);
        let bytes = pdf::simple(c.title, c.lines);
        let hash = sha256_hex(&bytes);
        let storage_key = storage.put(&key, &bytes).await?;
        let doc = person_document::ActiveModel {
            id: Set(Uuid::now_v7()),
            organisation_id: Set(org),
            user_id: Set(employee.id),
            kind: Set("employment_contract".into()),
            title: Set(c.title.into()),
            period_start: Set(None),
            period_end: Set(None),
            file_name: Set(format!("{}.pdf", c.title.to_lowercase().replace([' ', ':'], "-"))),
            content_type: Set("application/pdf".into()),
            size_bytes: Set(bytes.len() as i64),
            sha256: Set(hash.clone()),
            storage_key: Set(storage_key),
            storage_backend: Set("local".into()),
            visible_employee: Set(true),
            visible_employer: Set(true),
            uploaded_by: Set(Some(employer.id)),
            uploaded_by_name: Set(employer.name.clone()),
            uploaded_at: Set(offered),
            read_at: Set(c.signed.then_some(offered + Duration::days(2))),
        }
        .insert(&db.write)
        .await
        .map_err(e)?;
        let signed_at = offered + Duration::days(3) + Duration::minutes(17);
        let ip = "192.0.2.41".to_string();
        let row = contract::ActiveModel {
            id: Set(Uuid::now_v7()),
            organisation_id: Set(org),
            user_id: Set(employee.id),
            title: Set(c.title.into()),
            document_id: Set(doc.id),
            document_sha256: Set(hash.clone()),
            sign_by: Set(sign_by),
            created_by: Set(Some(employer.id)),
            created_at: Set(offered),
            withdrawn_at: Set(None),
            signed_at: Set(c.signed.then_some(signed_at)),
            signed_typed_name: Set(c.signed.then(|| employee.name.clone())),
            signed_sha256: Set(c.signed.then(|| hash.clone())),
            signed_second_factor: Set(c.signed.then(|| "totp".to_string())),
            signed_ip: Set(c.signed.then(|| ip.clone())),
            signed_user_agent: Set(c.signed.then(|| DEMO_BROWSER.to_string())),
        }
        .insert(&db.write)
        .await
        .map_err(e)?;
        let office = ClientInfo {
            ip: Some("192.0.2.7".into()),
            user_agent: Some("Mozilla/5.0 (Windows NT 10.0) Firefox/133.0".into()),
            request_id: None,
        };
        let phone =
            ClientInfo { ip: Some(ip.clone()), user_agent: Some(DEMO_BROWSER.into()), request_id: None };
        record_step(&db.write, &row, by(&employer, "offered", Some(hash.clone())), &office, offered)
            .await
            .map_err(e)?;
        if c.signed {
            let opened = offered + Duration::days(2);
            record_step(&db.write, &row, by(&employee, "opened", None), &phone, opened).await.map_err(e)?;
            record_step(
                &db.write,
                &row,
                by(&employee, "sign_failed", Some("wrong_code".into())),
                &phone,
                signed_at - Duration::minutes(1),
            )
            .await
            .map_err(e)?;
            record_step(&db.write, &row, by(&employee, "signed", Some(hash.clone())), &phone, signed_at)
                .await
                .map_err(e)?;
        }
    }
    Ok(())
}
