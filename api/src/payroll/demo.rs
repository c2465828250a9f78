//! Demo self-service (`poort seed --demo`): Pieter Smit (Van Dijk), Anna Jansen and Noor Willems
//! (De Linde) get payslips for the last four months and last year's annual statement, accruals
//! (vacation hours, holiday pay), payments, and a few documents (employment contract, a
//! certificate, one unread). Noor works through the agency: two placements at hirers and phase A
//! with her weeks counted. Files are stored encrypted like any upload, so this runs after the
//! seed (it needs the data key) and does nothing when Pieter has payslips already.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, Set,
};
use shared::{
    documents::PersonDocumentKind,
    payroll::{AccrualKind, PayPeriodKind, PayslipKind, format_euros, period_label},
};
use uuid::Uuid;

use super::service::period_days;
use crate::{
    absence::reports::today,
    config::Config,
    crypto::DataKey,
    db::Db,
    documents::stored::sha256_hex,
    entities::{
        accrual, agency_phase, employee_record, membership, payment, payslip, person_document, placement,
        user,
    },
    files::{pdf, storage::Storage},
};

/// (e-mail, monthly gross in cents, contract hours a week, IBAN tail).
const PEOPLE: [(&str, i64, i64, &str); 3] = [
    ("pieter.smit@vandijkbouw.example", 345_000, 40, "4300"),
    ("anna.jansen@delinde.example", 298_000, 32, "1234"),
    ("noor.willems@delinde.example", 241_000, 24, "5678"),
];

struct Files<'a> {
    storage: Storage,
    key: &'a DataKey,
}

#[allow(clippy::too_many_arguments)]
async fn document(
    db: &impl ConnectionTrait,
    files: &Files<'_>,
    who: &membership::Model,
    kind: PersonDocumentKind,
    title: &str,
    file_name: &str,
    lines: &[&str],
    period: Option<(NaiveDate, NaiveDate)>,
    uploaded: (Option<Uuid>, &str, DateTime<Utc>),
    read: bool,
) -> Result<person_document::Model, String> {
    let bytes = pdf::simple(title, lines);
    let storage_key = files.storage.put(files.key, &bytes).await?;
    person_document::ActiveModel {
        id: Set(Uuid::now_v7()),
        organisation_id: Set(who.organisation_id),
        user_id: Set(who.user_id),
        kind: Set(kind.as_str().into()),
        title: Set(title.into()),
        period_start: Set(period.map(|p| p.0)),
        period_end: Set(period.map(|p| p.1)),
        file_name: Set(file_name.into()),
        content_type: Set("application/pdf".into()),
        size_bytes: Set(bytes.len() as i64),
        sha256: Set(sha256_hex(&bytes)),
        storage_key: Set(storage_key),
        storage_backend: Set(files.storage.backend().into()),
        visible_employee: Set(true),
        visible_employer: Set(true),
        uploaded_by: Set(uploaded.0),
        uploaded_by_name: Set(uploaded.1.into()),
        uploaded_at: Set(uploaded.2),
        read_at: Set(read.then_some(uploaded.2 + Duration::hours(20))),
    }
    .insert(db)
    .await
    .map_err(|e| e.to_string())
}

fn months_back(today: NaiveDate, n: u32) -> (i32, u32) {
    let index = today.year() * 12 + today.month0() as i32 - n as i32;
    (index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
}

/// Loads the demo self-service data unless it is there.
pub async fn load(dbs: &Db, config: &Config, now: DateTime<Utc>) -> Result<(), String> {
    let e = |e: DbErr| e.to_string();
    let db = &dbs.write;
    let Some(pieter) =
        user::Entity::find().filter(user::Column::Email.eq(PEOPLE[0].0)).one(db).await.map_err(e)?
    else {
        return Ok(());
    };
    if payslip::Entity::find().filter(payslip::Column::UserId.eq(pieter.id)).count(db).await.map_err(e)? > 0 {
        return Ok(());
    }
    let key = DataKey::load(config, dbs, now).await?;
    let files = Files { storage: Storage::from_config(config)?, key: &key };
    let today = today(now);
    for (email, gross, hours, tail) in PEOPLE {
        let Some(u) = user::Entity::find().filter(user::Column::Email.eq(email)).one(db).await.map_err(e)?
        else {
            continue;
        };
        let Some(m) = membership::Entity::find()
            .filter(membership::Column::UserId.eq(u.id))
            .one(db)
            .await
            .map_err(e)?
        else {
            continue;
        };
        person(db, &files, &m, &u, gross, hours, tail, today, now).await?;
        payroll_record(db, &m, &u, now).await.map_err(e)?;
    }
    if let Some(noor) =
        user::Entity::find().filter(user::Column::Email.eq(PEOPLE[2].0)).one(db).await.map_err(e)?
        && let Some(m) = membership::Entity::find()
            .filter(membership::Column::UserId.eq(noor.id))
            .one(db)
            .await
            .map_err(e)?
    {
        agency(db, &m, today, now).await.map_err(e)?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn person(
    db: &impl ConnectionTrait,
    files: &Files<'_>,
    m: &membership::Model,
    u: &user::Model,
    gross: i64,
    hours: i64,
    tail: &str,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), String> {
    let e = |e: DbErr| e.to_string();
    let payroll_name = "Loket.nl salarisverwerking";
    let tax = gross * 19 / 100;
    let net = gross - tax - gross * 6 / 100;
    // Payslips for the last four months (the newest not opened yet) and last year's annual statement.
    let mut vacation_minutes = 6 * 60 * hours / 40 * 10;
    let mut holiday_cents = 0;
    for n in (1..=4).rev() {
        let (year, month) = months_back(today, n);
        let label = period_label(PayPeriodKind::Month, year, month);
        let period = period_days(PayPeriodKind::Month, year, month);
        let pay_date = period.map(|p| p.1 - Duration::days(5));
        let arrived = pay_date.and_then(|d| d.and_hms_opt(8, 0, 0)).map(|d| d.and_utc()).unwrap_or(now);
        let lines = [
            format!("Werknemer: {}", u.name),
            format!("Periode: {label}"),
            format!("Brutoloon: {}", format_euros(gross)),
            format!("Loonheffing: {}", format_euros(tax)),
            format!("Pensioenpremie: {}", format_euros(gross * 6 / 100)),
            format!("Nettoloon: {}", format_euros(net)),
        ];
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        let doc = document(
            db,
            files,
            m,
            PersonDocumentKind::Payslip,
            &format!("Loonstrook {label}"),
            &format!("loonstrook-{label}.pdf"),
            &lines,
            period,
            (None, payroll_name, arrived),
            n > 1,
        )
        .await?;
        payslip::ActiveModel {
            id: Set(Uuid::now_v7()),
            organisation_id: Set(m.organisation_id),
            user_id: Set(m.user_id),
            kind: Set(PayslipKind::Payslip.as_str().into()),
            year: Set(year),
            period_kind: Set(PayPeriodKind::Month.as_str().into()),
            period: Set(month as i32),
            pay_date: Set(pay_date),
            gross_cents: Set(gross),
            net_cents: Set(net),
            tax_cents: Set(tax),
            document_id: Set(doc.id),
            external_id: Set(Some(format!("demo-{}-{label}", m.user_id.simple()))),
            created_at: Set(arrived),
        }
        .insert(db)
        .await
        .map_err(e)?;
        // Accruals as payroll reports them with each payslip.
        let as_of = period.map(|p| p.1).unwrap_or(today);
        let built = 13 * 60 * hours / 40 + 20;
        let taken = if n == 3 { 8 * 60 } else { 0 };
        vacation_minutes += built - taken;
        holiday_cents += gross * 8 / 100;
        for (kind, label, built_up, taken, balance) in [
            (AccrualKind::VacationHours, format!("Vakantie-uren {year}"), built, taken, vacation_minutes),
            (AccrualKind::HolidayPay, format!("Vakantiegeld {year}"), gross * 8 / 100, 0, holiday_cents),
        ] {
            accrual::ActiveModel {
                id: Set(Uuid::now_v7()),
                organisation_id: Set(m.organisation_id),
                user_id: Set(m.user_id),
                kind: Set(kind.as_str().into()),
                label: Set(label.clone()),
                as_of: Set(as_of),
                built_up: Set(built_up),
                taken: Set(taken),
                balance: Set(balance),
                external_id: Set(Some(format!("demo-{}-{}-{as_of}", kind.as_str(), m.user_id.simple()))),
                created_at: Set(arrived),
            }
            .insert(db)
            .await
            .map_err(e)?;
        }
        if let Some(paid_on) = pay_date {
            let month_name = chrono::Month::try_from(month as u8).map(|m| m.name()).unwrap_or_default();
            payment::ActiveModel {
                id: Set(Uuid::now_v7()),
                organisation_id: Set(m.organisation_id),
                user_id: Set(m.user_id),
                paid_on: Set(paid_on),
                amount_cents: Set(net),
                description: Set(format!("Salaris {} {year}", dutch_month(month_name))),
                iban_tail: Set(Some(tail.into())),
                external_id: Set(Some(format!("demo-pay-{}-{label}", m.user_id.simple()))),
                created_at: Set(arrived),
            }
            .insert(db)
            .await
            .map_err(e)?;
        }
    }
    // Holiday pay went out in May.
    let may = NaiveDate::from_ymd_opt(today.year(), 5, 25).filter(|d| *d < today);
    if let Some(paid_on) = may {
        payment::ActiveModel {
            id: Set(Uuid::now_v7()),
            organisation_id: Set(m.organisation_id),
            user_id: Set(m.user_id),
            paid_on: Set(paid_on),
            amount_cents: Set(gross * 12 * 8 / 100 * 62 / 100),
            description: Set(format!("Vakantiegeld {}-{}", today.year() - 1, today.year())),
            iban_tail: Set(Some(tail.into())),
            external_id: Set(Some(format!("demo-holiday-{}", m.user_id.simple()))),
            created_at: Set(now),
        }
        .insert(db)
        .await
        .map_err(e)?;
    }
    let last_year = today.year() - 1;
    let annual_lines = [
        format!("Werknemer: {}", u.name),
        format!("Jaar: {last_year}"),
        format!("Loon voor de loonheffing: {}", format_euros(gross * 12)),
        format!("Ingehouden loonheffing: {}", format_euros(tax * 12)),
    ];
    let annual_lines: Vec<&str> = annual_lines.iter().map(String::as_str).collect();
    let arrived = NaiveDate::from_ymd_opt(today.year(), 1, 28)
        .and_then(|d| d.and_hms_opt(8, 0, 0))
        .map(|d| d.and_utc())
        .unwrap_or(now);
    let doc = document(
        db,
        files,
        m,
        PersonDocumentKind::AnnualStatement,
        &format!("Jaaropgave {last_year}"),
        &format!("jaaropgave-{last_year}.pdf"),
        &annual_lines,
        period_days(PayPeriodKind::Year, last_year, 0),
        (None, payroll_name, arrived),
        true,
    )
    .await?;
    payslip::ActiveModel {
        id: Set(Uuid::now_v7()),
        organisation_id: Set(m.organisation_id),
        user_id: Set(m.user_id),
        kind: Set(PayslipKind::AnnualStatement.as_str().into()),
        year: Set(last_year),
        period_kind: Set(PayPeriodKind::Year.as_str().into()),
        period: Set(0),
        pay_date: Set(None),
        gross_cents: Set(gross * 12),
        net_cents: Set(net * 12),
        tax_cents: Set(tax * 12),
        document_id: Set(doc.id),
        external_id: Set(Some(format!("demo-{}-{last_year}", m.user_id.simple()))),
        created_at: Set(arrived),
    }
    .insert(db)
    .await
    .map_err(e)?;
    // The contract (read), a certificate the employee uploaded, and a handbook still unread.
    let hired = NaiveDate::from_ymd_opt(today.year() - 3, 3, 1).unwrap_or(today);
    let at = |days: i64| now - Duration::days(days);
    let contract_lines = [
        format!("Werknemer: {}", u.name),
        format!("Uren per week: {hours}"),
        format!("In dienst per {}", hired.format("%d-%m-%Y")),
    ];
    let contract_lines: Vec<&str> = contract_lines.iter().map(String::as_str).collect();
    document(
        db,
        files,
        m,
        PersonDocumentKind::EmploymentContract,
        "Arbeidsovereenkomst",
        "arbeidsovereenkomst.pdf",
        &contract_lines,
        Some((hired, hired)),
        (None, "Personeelsadministratie", at(400)),
        true,
    )
    .await?;
    let (cert_title, cert_file) = if u.email.contains("vandijkbouw") {
        ("Diploma VCA Basis", "diploma-vca-basis.pdf")
    } else {
        ("Certificaat Medicatieveiligheid", "certificaat-medicatieveiligheid.pdf")
    };
    let issued = today - Duration::days(120);
    document(
        db,
        files,
        m,
        PersonDocumentKind::Certificate,
        cert_title,
        cert_file,
        &[&format!("Uitgereikt aan {}", u.name), &format!("Datum: {}", issued.format("%d-%m-%Y"))],
        Some((issued, issued)),
        (Some(u.id), &u.name, at(110)),
        true,
    )
    .await?;
    let next = today.year() + 1;
    document(
        db,
        files,
        m,
        PersonDocumentKind::Other,
        &format!("Personeelshandboek {next}"),
        &format!("personeelshandboek-{next}.pdf"),
        &[
            "Wat verandert er per 1 januari:",
            "- nieuwe reiskostenregeling",
            "- extra verlofdag bij 10 jaar dienst",
        ],
        None,
        (None, "Personeelsadministratie", at(2)),
        false,
    )
    .await?;
    Ok(())
}

/// Payroll finds people by personnel number, on their employee record. The records demo
/// (`employees::demo`) makes those; where it has not, a minimal record keeps the payroll push of
/// the demo and its browser test working (`DEMO_PERSONNEL_NUMBERS`).
async fn payroll_record(
    db: &impl ConnectionTrait,
    m: &membership::Model,
    u: &user::Model,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let Some(number) = DEMO_PERSONNEL_NUMBERS.iter().find(|(mail, _)| *mail == u.email).map(|(_, n)| *n)
    else {
        return Ok(());
    };
    let exists = employee_record::Entity::find()
        .filter(employee_record::Column::MembershipId.eq(m.id))
        .count(db)
        .await?
        > 0;
    if exists {
        return Ok(());
    }
    let (first, last) = u.name.split_once(' ').unwrap_or((u.name.as_str(), ""));
    employee_record::ActiveModel {
        id: Set(Uuid::now_v7()),
        organisation_id: Set(m.organisation_id),
        membership_id: Set(m.id),
        user_id: Set(u.id),
        personnel_number: Set(number.into()),
        first_name: Set(first.into()),
        infix: Set(None),
        last_name: Set(last.into()),
        sort_name: Set(format!("{}, {}", last.to_lowercase(), first.to_lowercase())),
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
    .insert(db)
    .await?;
    Ok(())
}

/// Personnel numbers the demo gives when no employee record exists yet.
pub const DEMO_PERSONNEL_NUMBERS: [(&str, &str); 3] = [
    ("pieter.smit@vandijkbouw.example", "VD-1002"),
    ("anna.jansen@delinde.example", "DL-2001"),
    ("noor.willems@delinde.example", "DL-2006"),
];

fn dutch_month(english: &str) -> &'static str {
    match english {
        "January" => "januari",
        "February" => "februari",
        "March" => "maart",
        "April" => "april",
        "May" => "mei",
        "June" => "juni",
        "July" => "juli",
        "August" => "augustus",
        "September" => "september",
        "October" => "oktober",
        "November" => "november",
        _ => "december",
    }
}

/// Noor works through the agency: an ended placement, a current one, and phase A.
async fn agency(
    db: &impl ConnectionTrait,
    m: &membership::Model,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let weeks = |n: i64| today - Duration::weeks(n);
    let monday = |d: NaiveDate| d - Duration::days(i64::from(d.weekday().num_days_from_monday()));
    let first_start = monday(weeks(40));
    let first_end = first_start + Duration::weeks(14) - Duration::days(3);
    let second_start = monday(weeks(22));
    for (hirer, function, start, end, minutes, cc) in [
        (
            "Ziekenhuis Zeeland",
            "Helpende zorg en welzijn",
            first_start,
            Some(first_end),
            32 * 60,
            Some("ZZ-4100"),
        ),
        ("Zorggroep Walcheren", "Verzorgende IG", second_start, None, 24 * 60, Some("ZW-210")),
    ] {
        placement::ActiveModel {
            id: Set(Uuid::now_v7()),
            organisation_id: Set(m.organisation_id),
            user_id: Set(m.user_id),
            hirer: Set(hirer.into()),
            function: Set(function.into()),
            starts_on: Set(start),
            ends_on: Set(end),
            minutes_per_week: Set(minutes),
            cost_centre: Set(cc.map(String::from)),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(db)
        .await?;
    }
    agency_phase::ActiveModel {
        id: Set(Uuid::now_v7()),
        organisation_id: Set(m.organisation_id),
        user_id: Set(m.user_id),
        phase: Set("a".into()),
        started_on: Set(first_start),
        contracts_in_phase: Set(0),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(())
}
