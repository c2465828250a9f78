//! Demo records (`poort seed --demo`): the employees of Bouwbedrijf Van Dijk and Thuiszorg
//! De Linde with addresses, employment periods (part-timers among them), departments and
//! cost centres that match the hours demo, a pending change request (Pieter Smit asks
//! for 36 instead of 32 hours from January) and records still to confirm in the yearly
//! review. BSNs and IBANs are sealed in a second step that has the data key ([`secrets`]).

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, QueryFilter, Set};
use shared::employees::{EmploymentPeriodInput, changes::ChangeRequestStatus};
use uuid::Uuid;

use super::{
    store::{self, By},
    validate::{Secret, sort_name},
};
use crate::{
    absence::reports::today,
    config::Config,
    crypto::DataKey,
    db::Db,
    entities::{employee_change_request, employee_record, membership, user},
};

const VAN_DIJK: &str = "Bouwbedrijf Van Dijk B.V.";
const DE_LINDE: &str = "Thuiszorg De Linde";

/// (start, end, contract hours, full-time hours, function).
type Period = ((i32, u32, u32), Option<(i32, u32, u32)>, i32, i32, &'static str);

struct Demo {
    org: &'static str,
    email: &'static str,
    number: &'static str,
    first: &'static str,
    infix: Option<&'static str>,
    last: &'static str,
    birth: (i32, u32, u32),
    address: (&'static str, &'static str, &'static str, &'static str),
    phone: &'static str,
    emergency: Option<&'static str>,
    bsn: &'static str,
    iban: &'static str,
    tax_credit: bool,
    department: &'static str,
    cost_centre: &'static str,
    /// (start, end, contract hours, full-time hours, function)
    periods: &'static [Period],
    reviewed: Option<i32>,
}

const DEMO: &[Demo] = &[
    Demo {
        org: VAN_DIJK,
        email: "pieter.smit@vandijkbouw.example",
        number: "1001",
        first: "Pieter",
        infix: None,
        last: "Smit",
        birth: (1984, 6, 12),
        address: ("Lange Nieuwstraat", "14", "4331 JA", "Middelburg"),
        phone: "06 00000202",
        emergency: Some("0118 000 202"),
        bsn: "234568045",
        iban: "NL44RABO0123456789",
        tax_credit: true,
        department: "Uitvoering",
        cost_centre: "Uitvoering 300",
        periods: &[((2019, 3, 1), None, 32, 38, "Timmerman")],
        reviewed: None,
    },
    Demo {
        org: VAN_DIJK,
        email: "kees.degraaf@vandijkbouw.example",
        number: "1002",
        first: "Kees",
        infix: Some("de"),
        last: "Graaf",
        birth: (1971, 2, 3),
        address: ("Markt", "3", "4461 ET", "Goes"),
        phone: "06 00000211",
        emergency: None,
        bsn: "234568094",
        iban: "NL20INGB0001234567",
        tax_credit: true,
        department: "Uitvoering",
        cost_centre: "Uitvoering 300",
        periods: &[((2012, 5, 1), None, 40, 40, "Uitvoerder")],
        reviewed: Some(2026),
    },
    Demo {
        org: VAN_DIJK,
        email: "bas.kuiper@vandijkbouw.example",
        number: "1003",
        first: "Bas",
        infix: None,
        last: "Kuiper",
        birth: (1995, 11, 20),
        address: ("Vlissingsestraat", "88", "4382 BB", "Vlissingen"),
        phone: "06 00000212",
        emergency: None,
        bsn: "234568136",
        iban: "NL65ABNA0602183344",
        tax_credit: true,
        department: "Uitvoering",
        cost_centre: "Uitvoering 300",
        periods: &[
            ((2021, 9, 1), Some((2023, 8, 31)), 32, 40, "Leerling-metselaar"),
            ((2023, 9, 1), None, 40, 40, "Metselaar"),
        ],
        reviewed: None,
    },
    Demo {
        org: VAN_DIJK,
        email: "lisa.hoekstra@vandijkbouw.example",
        number: "1004",
        first: "Lisa",
        infix: None,
        last: "Hoekstra",
        birth: (1990, 4, 8),
        address: ("Stationsweg", "5b", "4331 LD", "Middelburg"),
        phone: "06 00000213",
        emergency: Some("06 00000299"),
        bsn: "234568185",
        iban: "NL28RABO0334218871",
        tax_credit: false,
        department: "Kantoor",
        cost_centre: "Kantoor 100",
        periods: &[((2024, 2, 1), None, 24, 40, "Werkvoorbereider")],
        reviewed: Some(2026),
    },
    Demo {
        org: DE_LINDE,
        email: "anna.jansen@delinde.example",
        number: "D-0417",
        first: "Anna",
        infix: None,
        last: "Jansen",
        birth: (1988, 9, 14),
        address: ("Biltstraat", "120", "3572 BJ", "Utrecht"),
        phone: "06 00000101",
        emergency: Some("030 000 0101"),
        bsn: "234568227",
        iban: "NL62INGB0007651234",
        tax_credit: true,
        department: "Wijkteam Noord",
        cost_centre: "Wijkzorg Noord 4100",
        periods: &[((2018, 1, 1), None, 24, 36, "Wijkverpleegkundige")],
        reviewed: Some(2026),
    },
    Demo {
        org: DE_LINDE,
        email: "daan.meijer@delinde.example",
        number: "D-0522",
        first: "Daan",
        infix: None,
        last: "Meijer",
        birth: (1993, 1, 30),
        address: ("Amsterdamsestraatweg", "301", "3551 CC", "Utrecht"),
        phone: "06 00000105",
        emergency: None,
        bsn: "234568276",
        iban: "NL22SNSB0912345678",
        tax_credit: true,
        department: "Wijkteam Noord",
        cost_centre: "Wijkzorg Noord 4100",
        periods: &[((2020, 6, 1), None, 32, 36, "Verzorgende IG")],
        reviewed: None,
    },
    Demo {
        org: DE_LINDE,
        email: "noor.willems@delinde.example",
        number: "D-0688",
        first: "Noor",
        infix: None,
        last: "Willems",
        birth: (2001, 7, 2),
        address: ("Hoofdstraat", "9", "3731 CE", "De Bilt"),
        phone: "06 00000106",
        emergency: None,
        bsn: "234568318",
        iban: "NL94ASNB0707123456",
        tax_credit: false,
        department: "Wijkteam Zuid",
        cost_centre: "Wijkzorg Zuid 4200",
        periods: &[
            ((2023, 1, 1), Some((2024, 12, 31)), 16, 36, "Helpende"),
            ((2025, 1, 1), None, 20, 36, "Helpende Plus"),
        ],
        reviewed: None,
    },
];

fn date((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// Loads the records (inside the seed's transaction; without BSN/IBAN, see [`secrets`]).
pub async fn load(
    txn: &DatabaseTransaction,
    orgs: &HashMap<&str, Uuid>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let by = By { user_id: None, name: "Demo".into() };
    let mut records = HashMap::new();
    for d in DEMO {
        let Some(&org) = orgs.get(d.org) else { continue };
        let Some(u) = user::Entity::find().filter(user::Column::Email.eq(d.email)).one(txn).await? else {
            continue;
        };
        let Some(m) = membership::Entity::find()
            .filter(membership::Column::UserId.eq(u.id))
            .filter(membership::Column::OrganisationId.eq(org))
            .one(txn)
            .await?
        else {
            continue;
        };
        let (street, house, postcode, city) = d.address;
        let record = employee_record::ActiveModel {
            id: Set(Uuid::now_v7()),
            organisation_id: Set(org),
            membership_id: Set(m.id),
            user_id: Set(u.id),
            personnel_number: Set(d.number.into()),
            first_name: Set(d.first.into()),
            infix: Set(d.infix.map(String::from)),
            last_name: Set(d.last.into()),
            sort_name: Set(sort_name(d.first, d.infix, d.last)),
            birth_date: Set(Some(date(d.birth))),
            street: Set(Some(street.into())),
            house_number: Set(Some(house.into())),
            postcode: Set(Some(postcode.into())),
            city: Set(Some(city.into())),
            country: Set(Some("NL".into())),
            phone: Set(Some(d.phone.into())),
            emergency_phone: Set(d.emergency.map(String::from)),
            bsn_sealed: Set(None),
            bsn_digest: Set(None),
            bsn_tail: Set(None),
            iban_sealed: Set(None),
            iban_country: Set(None),
            iban_tail: Set(None),
            tax_credit: Set(d.tax_credit),
            id_kind: Set(None),
            id_number_sealed: Set(None),
            id_number_tail: Set(None),
            id_expires_on: Set(None),
            department: Set(Some(d.department.into())),
            reviewed_year: Set(d.reviewed),
            reviewed_at: Set(d.reviewed.map(|_| now - Duration::days(3))),
            reviewed_by: Set(None),
            version: Set(1),
            created_at: Set(now - Duration::days(30)),
            updated_at: Set(now - Duration::days(30)),
        }
        .insert(txn)
        .await?;
        let periods: Vec<EmploymentPeriodInput> = d
            .periods
            .iter()
            .map(|(s, e, c, f, job)| EmploymentPeriodInput {
                starts_on: date(*s),
                ends_on: e.map(date),
                contract_minutes: c * 60,
                full_time_minutes: f * 60,
                job_title: Some((*job).into()),
            })
            .collect();
        store::replace_periods(txn, &record, &periods).await?;
        store::sync(txn, &record, Some(d.cost_centre.into()), &periods, today(now), now).await?;
        // The functions other demos (care networks) give these people stay theirs.
        membership::Entity::update_many()
            .col_expr(membership::Column::JobTitle, sea_orm::sea_query::Expr::value(m.job_title.clone()))
            .filter(membership::Column::Id.eq(m.id))
            .exec(txn)
            .await?;
        store::event(txn, &record, &by, "created", &["created".into()], now - Duration::days(30)).await?;
        records.insert(d.email, record);
    }
    if let Some(pieter) = records.get("pieter.smit@vandijkbouw.example") {
        employee_change_request::ActiveModel {
            id: Set(Uuid::now_v7()),
            organisation_id: Set(pieter.organisation_id),
            record_id: Set(pieter.id),
            requested_by: Set(pieter.user_id),
            field: Set("contract_minutes".into()),
            old_value: Set((32 * 60).to_string()),
            new_value: Set((36 * 60).to_string()),
            effective_on: Set(date((2027, 1, 1))),
            reason: Set(Some("Vanaf januari wil ik een dag extra werken (vrijdagochtend).".into())),
            status: Set(ChangeRequestStatus::Pending.as_str().into()),
            requested_at: Set(now - Duration::days(2)),
            decided_by: Set(None),
            decided_by_name: Set(None),
            decided_at: Set(None),
            decision_note: Set(None),
        }
        .insert(txn)
        .await?;
    }
    Ok(())
}

/// Seals the demo BSNs and IBANs with the data key (runs after the seed, like the absence
/// demo's documents); records that have them already are left alone.
pub async fn secrets(db: &Db, config: &Config, now: DateTime<Utc>) -> Result<(), String> {
    let e = |e: DbErr| e.to_string();
    let key = DataKey::load(config, db, now).await?;
    for d in DEMO {
        let Some(u) =
            user::Entity::find().filter(user::Column::Email.eq(d.email)).one(&db.write).await.map_err(e)?
        else {
            continue;
        };
        let rows = employee_record::Entity::find()
            .filter(employee_record::Column::UserId.eq(u.id))
            .filter(employee_record::Column::PersonnelNumber.eq(d.number))
            .filter(employee_record::Column::BsnSealed.is_null())
            .all(&db.write)
            .await
            .map_err(e)?;
        for r in rows {
            let mut m: employee_record::ActiveModel = r.clone().into();
            let bsn = Secret::Set(d.bsn.into());
            if let Secret::Set(b) = &bsn {
                m.bsn_sealed = Set(Some(key.seal(b.as_bytes())?));
                m.bsn_digest = Set(Some(store::bsn_digest(&key, r.organisation_id, b)));
                m.bsn_tail = Set(Some(b[6..].to_string()));
            }
            store::set_iban(&key, &mut m, &Secret::Set(d.iban.into())).map_err(|e| e.to_string())?;
            m.update(&db.write).await.map_err(e)?;
        }
    }
    Ok(())
}
