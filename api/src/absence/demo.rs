//! Demo absence (`poort seed --demo`): at Bouwbedrijf Van Dijk a long-term case
//! half-way back to work (problem analysis and plan of action done, a physician's
//! statement for the employer, a medical note only the physician sees, dossier
//! documents per audience), a fresh sick report whose step to the arbodienst falls
//! due this week, and a closed case. Pieter Smit has none: he is the demo employee
//! who reports sick himself.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, PaginatorTrait, QueryFilter, Set,
};
use shared::{
    absence::{CaseFacts, DocumentKind, ExpectedDuration},
    auth::Role,
};
use uuid::Uuid;

use super::{reports, store};
use crate::{
    auth::email,
    config::Config,
    crypto::DataKey,
    db::Db,
    entities::{absence_case, absence_document, absence_statement, medical_note, user},
    error::ApiError,
    files::{pdf, storage::Storage},
    seed,
};

const VAN_DIJK: &str = "Bouwbedrijf Van Dijk B.V.";

/// Demo employees without a login: their cases fill the employer's and arbodienst's lists.
const SICK: [(&str, &str); 3] = [
    ("Kees de Graaf", "kees.degraaf@vandijkbouw.example"),
    ("Bas Kuiper", "bas.kuiper@vandijkbouw.example"),
    ("Lisa Hoekstra", "lisa.hoekstra@vandijkbouw.example"),
];

async fn person(
    txn: &DatabaseTransaction,
    org: Uuid,
    name: &str,
    mail: &str,
    now: DateTime<Utc>,
) -> Result<user::Model, DbErr> {
    let account = seed::Account { email: mail, name, helpdesk: false, mobile: None };
    let id = seed::insert_user(txn, &account, None, now).await?;
    let m = seed::Membership {
        role: Role::Employee,
        rights: &[],
        main_contact: false,
        contract_minutes: Some(40 * 60),
        cost_centre: Some("Uitvoering 300"),
    };
    seed::insert_membership(txn, id, org, &m, now).await?;
    user::Entity::find_by_id(id).one(txn).await?.ok_or_else(|| DbErr::RecordNotFound(mail.into()))
}

async fn user_by_email(txn: &DatabaseTransaction, mail: &str) -> Result<user::Model, DbErr> {
    user::Entity::find()
        .filter(user::Column::Email.eq(email::canonical(mail)))
        .one(txn)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(mail.into()))
}

async fn mark_done(
    txn: &DatabaseTransaction,
    case: Uuid,
    key: &str,
    on: NaiveDate,
    by: &user::Model,
) -> Result<(), DbErr> {
    store::mark_done(txn, case, key, on, store::By { user_id: Some(by.id), name: &by.name }).await
}

fn err(e: ApiError) -> DbErr {
    DbErr::Custom(format!("{e:?}"))
}

/// Loads the demo cases (inside the demo seed's transaction).
pub async fn load(
    txn: &DatabaseTransaction,
    orgs: &HashMap<&str, Uuid>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let org = orgs[VAN_DIJK];
    let today = reports::today(now);
    let eva = user_by_email(txn, "eva.visser@vandijkbouw.example").await?;
    let jeroen = user_by_email(txn, "jeroen.hendriks@arbozorg.example").await?;
    let lotte = user_by_email(txn, "lotte.mulder@arbozorg.example").await?;
    let mut people = Vec::new();
    for (name, mail) in SICK {
        people.push(person(txn, org, name, mail, now).await?);
    }
    let by_eva = store::By { user_id: Some(eva.id), name: &eva.name };

    // Kees: sick for eleven weeks, back half-time for three.
    let first = today - Duration::days(76);
    let facts = CaseFacts {
        contact_phone: Some("06 12345678".into()),
        contact_address: None,
        expected_duration: Some(ExpectedDuration::MoreThanThreeMonths),
        ongoing_work: Some(
            "Uitvoering project Kerkstraat is overgedragen aan Bas; overleg op maandag verzet.".into(),
        ),
        safety_net: Some(false),
        work_accident: Some(false),
        third_party_liable: Some(false),
        labour_conflict: Some(false),
        pregnancy_leave: false,
    };
    let (kees, _) =
        reports::open(txn, now, org, &people[0], first, Some(150), &facts, by_eva).await.map_err(err)?;
    for (key, day, who) in
        [("report_to_arbodienst", 2, &eva), ("problem_analysis", 38, &jeroen), ("plan_of_action", 52, &lotte)]
    {
        mark_done(txn, kees.id, key, first + Duration::days(day), who).await?;
    }
    let spells = store::spells(txn, kees.id).await?;
    let kees = reports::apply_recovery(txn, kees, &spells, today - Duration::days(21), 50, by_eva, now)
        .await
        .map_err(err)?;
    absence_statement::ActiveModel {
        id: Set(Uuid::now_v7()),
        case_id: Set(kees.id),
        functional_limitations: Set(
            "Niet zwaar tillen (boven 10 kg) en niet langer dan een uur achtereen staan.".into(),
        ),
        remaining_capacity: Set(
            "Kan halve dagen werken: werkvoorbereiding en toezicht, geen werk op steigers.".into(),
        ),
        expected_duration: Set(Some(ExpectedDuration::MoreThanThreeMonths.as_str().into())),
        advice: Set("Opbouw in uren per twee weken; evaluatie over zes weken.".into()),
        author_id: Set(jeroen.id),
        author_name: Set(jeroen.name.clone()),
        created_at: Set(now - Duration::days(24)),
    }
    .insert(txn)
    .await?;
    medical_note::ActiveModel {
        id: Set(Uuid::now_v7()),
        case_id: Set(kees.id),
        author_id: Set(jeroen.id),
        author_name: Set(jeroen.name.clone()),
        body: Set("Demo: medische aantekening. Alleen de bedrijfsarts ziet deze tekst.".into()),
        created_at: Set(now - Duration::days(24)),
    }
    .insert(txn)
    .await?;

    // Bas: reported sick three days ago; the report to the arbodienst is due this week.
    reports::open(txn, now, org, &people[1], today - Duration::days(3), None, &CaseFacts::default(), by_eva)
        .await
        .map_err(err)?;

    // Lisa: six weeks ago, recovered after ten days.
    let first = today - Duration::days(42);
    let (lisa, _) = reports::open(txn, now, org, &people[2], first, Some(240), &CaseFacts::default(), by_eva)
        .await
        .map_err(err)?;
    mark_done(txn, lisa.id, "report_to_arbodienst", first + Duration::days(1), &eva).await?;
    let spells = store::spells(txn, lisa.id).await?;
    reports::apply_recovery(txn, lisa, &spells, first + Duration::days(10), 100, by_eva, now)
        .await
        .map_err(err)?;
    Ok(())
}

/// The demo documents of Kees's case, stored encrypted like any upload. Runs after
/// the seed (it needs the data key); does nothing when they are there already.
pub async fn documents(db: &Db, config: &Config, now: DateTime<Utc>) -> Result<(), String> {
    let e = |e: DbErr| e.to_string();
    let Some(kees) = user::Entity::find()
        .filter(user::Column::Email.eq(email::canonical(SICK[0].1)))
        .one(&db.write)
        .await
        .map_err(e)?
    else {
        return Ok(());
    };
    let Some(case) = absence_case::Entity::find()
        .filter(absence_case::Column::UserId.eq(kees.id))
        .one(&db.write)
        .await
        .map_err(e)?
    else {
        return Ok(());
    };
    let existing = absence_document::Entity::find()
        .filter(absence_document::Column::CaseId.eq(case.id))
        .count(&db.write)
        .await
        .map_err(e)?;
    if existing > 0 {
        return Ok(());
    }
    let lotte = user::Entity::find()
        .filter(user::Column::Email.eq("lotte.mulder@arbozorg.example"))
        .one(&db.write)
        .await
        .map_err(e)?
        .ok_or("demo case manager missing")?;
    let key = DataKey::load(config, db, now).await?;
    let storage = Storage::new(config.files_dir.clone());
    let first = case.first_sick_day.format("%d-%m-%Y").to_string();
    let docs: [(DocumentKind, &str, Vec<String>, bool, bool); 2] = [
        (
            DocumentKind::ProblemAnalysis,
            "Probleemanalyse",
            vec![
                format!("Werknemer: {}  -  dossier {}", kees.name, case.case_number),
                format!("Eerste ziektedag: {first}"),
                "Benutbare mogelijkheden: halve dagen, licht werk.".into(),
                "Advies: werkvoorbereiding en toezicht, opbouw per twee weken.".into(),
            ],
            true,
            true,
        ),
        (
            DocumentKind::PlanOfAction,
            "Plan van aanpak",
            vec![
                format!("Werknemer: {}  -  dossier {}", kees.name, case.case_number),
                "Doel: volledige terugkeer in eigen functie.".into(),
                "Stap 1: halve dagen werkvoorbereiding (gestart).".into(),
                "Stap 2: uitbreiden naar zes uur per dag na evaluatie.".into(),
                "Casemanager: Lotte Mulder, ArboZorg Zeeland.".into(),
            ],
            true,
            true,
        ),
    ];
    for (i, (kind, title, lines, employee, employer)) in docs.into_iter().enumerate() {
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        let bytes = pdf::simple(title, &lines);
        let storage_key = storage.put(&key, &bytes).await?;
        use sha2::Digest;
        absence_document::ActiveModel {
            id: Set(Uuid::now_v7()),
            case_id: Set(case.id),
            organisation_id: Set(case.organisation_id),
            kind: Set(kind.as_str().into()),
            title: Set(title.into()),
            file_name: Set(format!("{}.pdf", title.to_lowercase().replace(' ', "-"))),
            content_type: Set("application/pdf".into()),
            size_bytes: Set(bytes.len() as i64),
            sha256: Set(sha2::Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect()),
            storage_key: Set(storage_key),
            visible_employee: Set(employee),
            visible_employer: Set(employer),
            uploaded_by: Set(lotte.id),
            uploaded_by_name: Set(lotte.name.clone()),
            uploaded_at: Set(now - Duration::days(30 - 6 * i as i64)),
        }
        .insert(&db.write)
        .await
        .map_err(e)?;
    }
    Ok(())
}
