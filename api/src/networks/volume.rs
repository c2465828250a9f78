//! Benchmark data (`poort seed --care-volume N`): N professionals in N/25 organisations
//! spread over the postcode regions, every category in turn, and a care coordinator
//! (`coordinator@carevolume.example`, demo password) with N/100 clients, so the
//! professional search sorts tens of thousands of candidates by distance.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{ColumnTrait, DbErr, EntityTrait, QueryFilter, Set, TransactionTrait};
use shared::{auth::Role, networks::geo};
use uuid::Uuid;

use super::{ORGANISATION, PROFESSIONAL, demo, format_modules};
use crate::{
    auth::password,
    db::Db,
    entities::{care_client, care_network_entry, membership, organisation, user},
    seed::{self, Account, Membership},
};

const FIRST: &[&str] =
    &["Anna", "Bram", "Carla", "Daan", "Esra", "Finn", "Gerda", "Hamza", "Iris", "Jan", "Kim", "Lars"];
const LAST: &[&str] = &[
    "de Jong", "Jansen", "de Vries", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Yilmaz",
    "Peters", "Hendriks",
];
const TITLES: &[&str] = &[
    "Wijkverpleegkundige",
    "Huisarts",
    "Praktijkondersteuner",
    "Sociaal werker",
    "Apotheker",
    "Fysiotherapeut",
];

/// Rows per multi-row insert: well under SQLite's bound-parameter limit.
const CHUNK: usize = 500;

/// The coordinator who signs in for the benchmark.
pub const COORDINATOR: &str = "coordinator@carevolume.example";

/// Loads the volume data; returns a one-line summary.
pub async fn load(db: &Db, professionals: usize, now: DateTime<Utc>) -> Result<String, String> {
    let e = |e: DbErr| e.to_string();
    if user::Entity::find()
        .filter(user::Column::Email.eq(COORDINATOR))
        .one(&db.write)
        .await
        .map_err(e)?
        .is_some()
    {
        return Err("care volume data is already loaded".into());
    }
    let hash = password::hash(seed::DEMO_PASSWORD.to_string()).await.map_err(|e| e.to_string())?;
    let txn = db.write.begin().await.map_err(e)?;
    demo::ensure_categories(&txn, now).await.map_err(e)?;
    let org_count = (professionals / 25).max(1);
    let mut orgs = Vec::with_capacity(org_count);
    let mut rows = Vec::with_capacity(CHUNK);
    for i in 0..org_count {
        let id = Uuid::now_v7();
        // Regions in a stride that visits all 90 before repeating; a small offset per
        // organisation so they do not all sit on the region's centre.
        let region = 10 + (i * 37) % 90;
        let postcode = format!("{region}{:02} AB", i % 100);
        let (category, ..) = demo::CATEGORIES[i % demo::CATEGORIES.len()];
        let mut row = demo::organisation_row(
            id,
            &format!("Zorgorganisatie {} {}", i + 1, category),
            category,
            "Hoofdstraat",
            &format!("{}", i % 300 + 1),
            &postcode,
            "Volumestad",
            None,
            now,
        );
        if let Some((lat, lon)) = geo::region_centre(&postcode) {
            let d = (i % 17) as f64 * 0.003;
            row.latitude = Set(Some(lat + d));
            row.longitude = Set(Some(lon - d));
        }
        rows.push(row);
        orgs.push(id);
        if rows.len() == CHUNK {
            organisation::Entity::insert_many(std::mem::take(&mut rows)).exec(&txn).await.map_err(e)?;
        }
    }
    if !rows.is_empty() {
        organisation::Entity::insert_many(rows).exec(&txn).await.map_err(e)?;
    }
    let mut users = Vec::with_capacity(CHUNK);
    let mut members = Vec::with_capacity(CHUNK);
    for n in 0..professionals {
        let user_id = Uuid::now_v7();
        let name = format!("{} {} {}", FIRST[n % FIRST.len()], LAST[(n / FIRST.len()) % LAST.len()], n + 1);
        users.push(user::ActiveModel {
            id: Set(user_id),
            email: Set(format!("professional{}@carevolume.example", n + 1)),
            name: Set(name),
            password_hash: Set(None),
            locale: Set("nl".into()),
            helpdesk: Set(false),
            birth_date: Set(None),
            must_change_password: Set(false),
            created_at: Set(now),
            updated_at: Set(now),
            mobile: Set(None),
            mobile_verified_at: Set(None),
            sms_second_factor: Set(false),
        });
        members.push(membership::ActiveModel {
            id: Set(Uuid::now_v7()),
            user_id: Set(user_id),
            organisation_id: Set(orgs[n % orgs.len()]),
            role: Set(Role::Employee.as_str().into()),
            rights: Set(String::new()),
            main_contact: Set(false),
            created_at: Set(now),
            contract_minutes: Set(None),
            cost_centre: Set(None),
            job_title: Set(Some(TITLES[n % TITLES.len()].into())),
        });
        if users.len() == CHUNK {
            user::Entity::insert_many(std::mem::take(&mut users)).exec(&txn).await.map_err(e)?;
            membership::Entity::insert_many(std::mem::take(&mut members)).exec(&txn).await.map_err(e)?;
        }
    }
    if !users.is_empty() {
        user::Entity::insert_many(users).exec(&txn).await.map_err(e)?;
        membership::Entity::insert_many(members).exec(&txn).await.map_err(e)?;
    }
    // The coordinator works at the first organisation, which is home care.
    let account = Account { email: COORDINATOR, name: "Volume Coördinator", helpdesk: false, mobile: None };
    let coordinator = seed::insert_user(&txn, &account, Some(&hash), now).await.map_err(e)?;
    let m = Membership {
        role: Role::CareCoordinator,
        rights: &[],
        main_contact: false,
        contract_minutes: None,
        cost_centre: None,
    };
    let coordinator_m = seed::insert_membership(&txn, coordinator, orgs[0], &m, now).await.map_err(e)?;
    let all: Vec<String> = demo::CATEGORIES.iter().map(|c| c.0.to_string()).collect();
    let client_count = (professionals / 100).max(1);
    let mut clients = Vec::with_capacity(CHUNK);
    let mut entries = Vec::with_capacity(CHUNK);
    for c in 0..client_count {
        let id = Uuid::now_v7();
        // The first client lives in Utrecht, the middle of the country; the rest anywhere.
        let region = if c == 0 { 35 } else { 10 + (c * 53) % 90 };
        let postcode = format!("{region}11 AB");
        let (lat, lon) = geo::region_centre(&postcode).unwrap_or((52.09, 5.12));
        let at = now + Duration::milliseconds(c as i64);
        clients.push(care_client::ActiveModel::from(care_client::Model {
            id,
            first_name: FIRST[c % FIRST.len()].into(),
            infix: None,
            last_name: format!("Cliënt {}", c + 1),
            name: format!("{} Cliënt {}", FIRST[c % FIRST.len()], c + 1),
            birth_date: NaiveDate::from_ymd_opt(
                1940 + (c % 40) as i32,
                1 + (c % 12) as u32,
                1 + (c % 28) as u32,
            )
            .unwrap_or_default(),
            street: "Dorpsweg".into(),
            house_number: format!("{}", c % 200 + 1),
            postcode,
            city: "Volumestad".into(),
            latitude: lat,
            longitude: lon,
            coordinates_approximate: true,
            modules: format_modules(&all),
            owner_organisation_id: orgs[0],
            version: 1,
            created_at: at,
            updated_at: at,
        }));
        let entry = |kind: &str, key: String| care_network_entry::ActiveModel {
            id: Set(Uuid::now_v7()),
            client_id: Set(id),
            kind: Set(kind.into()),
            subject_key: Set(key),
            organisation_id: Set(Some(orgs[0])),
            membership_id: Set(None),
            carer_id: Set(None),
            relation: Set(None),
            coordinator: Set(false),
            primary_coordinator: Set(false),
            added_at: Set(at),
            added_by: Set(Some(coordinator)),
        };
        entries.push(entry(ORGANISATION, format!("organisation:{}", orgs[0])));
        let mut me = entry(PROFESSIONAL, format!("professional:{coordinator_m}"));
        me.membership_id = Set(Some(coordinator_m));
        me.coordinator = Set(true);
        me.primary_coordinator = Set(true);
        entries.push(me);
        if clients.len() == CHUNK / 2 {
            care_client::Entity::insert_many(std::mem::take(&mut clients)).exec(&txn).await.map_err(e)?;
            care_network_entry::Entity::insert_many(std::mem::take(&mut entries))
                .exec(&txn)
                .await
                .map_err(e)?;
        }
    }
    if !clients.is_empty() {
        care_client::Entity::insert_many(clients).exec(&txn).await.map_err(e)?;
        care_network_entry::Entity::insert_many(entries).exec(&txn).await.map_err(e)?;
    }
    txn.commit().await.map_err(e)?;
    Ok(format!("{professionals} professionals in {org_count} organisations, {client_count} clients"))
}
