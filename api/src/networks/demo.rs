//! Demo data for care networks (`poort seed --demo`): the default categories (when the
//! categories migration has not put them there), De Linde as home care in Utrecht, five
//! more organisations around it with their professionals, and the networks of Joke and
//! Hendrik van den Berg, who share their daughter Ingrid as informal carer. Idempotent.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set, TransactionTrait,
    sea_query::Expr,
};
use shared::{
    auth::Role,
    networks::{geo, similar},
};
use uuid::Uuid;

use super::{entries, format_modules, history, view};
use crate::{
    auth::email,
    db::Db,
    entities::{
        care_client, care_network_entry, informal_carer, membership, organisation, organisation_category,
        team, team_member, user,
    },
    seed::{self, Account, Membership},
};

/// The default categories: code, Dutch name, English name.
pub const CATEGORIES: &[(&str, &str, &str)] = &[
    ("home_care", "Thuiszorg", "Home care"),
    ("gp", "Huisarts", "GP"),
    ("district_team", "Wijkteam", "District team"),
    ("mental_health", "GGZ", "Mental health care"),
    ("pharmacy", "Apotheek", "Pharmacy"),
    ("physiotherapy", "Fysiotherapie", "Physiotherapy"),
    ("municipality", "Gemeente (Wmo)", "Municipality (Wmo)"),
    ("hospital", "Ziekenhuis", "Hospital"),
    ("nursing_home", "Verpleeghuis", "Nursing home"),
    ("disability_care", "Gehandicaptenzorg", "Disability care"),
    ("day_care", "Dagbesteding", "Day care"),
];

/// Inserts the default categories that are missing (the categories migration may have
/// put them there already; codes the helpdesk renamed are left alone).
pub async fn ensure_categories(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<(), DbErr> {
    for (code, nl, en) in CATEGORIES {
        if organisation_category::Entity::find_by_id(*code).one(db).await?.is_none() {
            organisation_category::ActiveModel {
                code: Set((*code).into()),
                name_nl: Set((*nl).into()),
                name_en: Set((*en).into()),
                created_at: Set(now),
            }
            .insert(db)
            .await?;
        }
    }
    Ok(())
}

struct DemoOrg {
    name: &'static str,
    category: &'static str,
    street: &'static str,
    number: &'static str,
    postcode: &'static str,
    city: &'static str,
    phone: &'static str,
    people: &'static [(&'static str, &'static str, &'static str)],
}

const ORGS: &[DemoOrg] = &[
    DemoOrg {
        name: "Huisartsenpraktijk De Brink",
        category: "gp",
        street: "Slotlaan",
        number: "10",
        postcode: "3701 GL",
        city: "Zeist",
        phone: "030-0000101",
        people: &[
            ("Ellen Brink", "ellen.brink@debrink.example", "Huisarts"),
            ("Tim Kok", "tim.kok@debrink.example", "Praktijkondersteuner"),
        ],
    },
    DemoOrg {
        name: "Wijkteam Utrecht Oost",
        category: "district_team",
        street: "Biltstraat",
        number: "200",
        postcode: "3572 BL",
        city: "Utrecht",
        phone: "030-0000102",
        people: &[
            ("Joost van Leeuwen", "joost.vanleeuwen@wijkteamoost.example", "Sociaal werker"),
            ("Femke de Graaf", "femke.degraaf@wijkteamoost.example", "Wijkverpleegkundige"),
        ],
    },
    DemoOrg {
        name: "GGZ Centraal Amersfoort",
        category: "mental_health",
        street: "Utrechtseweg",
        number: "185",
        postcode: "3818 ES",
        city: "Amersfoort",
        phone: "033-0000103",
        people: &[
            ("Laura Peters", "laura.peters@ggzamersfoort.example", "Sociaal werker"),
            ("Bas Vermeulen", "bas.vermeulen@ggzamersfoort.example", "Praktijkondersteuner"),
        ],
    },
    DemoOrg {
        name: "Apotheek Lombok",
        category: "pharmacy",
        street: "Kanaalstraat",
        number: "50",
        postcode: "3531 CJ",
        city: "Utrecht",
        phone: "030-0000104",
        people: &[("Sara Yilmaz", "sara.yilmaz@apotheeklombok.example", "Apotheker")],
    },
    DemoOrg {
        name: "Fysio Vleuten",
        category: "physiotherapy",
        street: "Dorpsstraat",
        number: "5",
        postcode: "3451 BG",
        city: "Vleuten",
        phone: "030-0000105",
        people: &[("Ruben Smits", "ruben.smits@fysiovleuten.example", "Fysiotherapeut")],
    },
];

const JOKE: &str = "Johanna (Joke) van den Berg";

/// An organisation row for demo or volume data, placed at its postcode region's centre.
#[allow(clippy::too_many_arguments)]
pub fn organisation_row(
    id: Uuid,
    name: &str,
    category: &str,
    street: &str,
    number: &str,
    postcode: &str,
    city: &str,
    phone: Option<&str>,
    now: DateTime<Utc>,
) -> organisation::ActiveModel {
    let (lat, lon) = geo::region_centre(postcode).unzip();
    organisation::ActiveModel {
        id: Set(id),
        name: Set(name.into()),
        lockout_failures: Set(None),
        lockout_minutes: Set(None),
        password_profile: Set("standard".into()),
        password_min_length: Set(12),
        require_second_factor: Set(false),
        activation_proof: Set("birth_date".into()),
        created_at: Set(now),
        category: Set(Some(category.into())),
        street: Set(Some(street.into())),
        house_number: Set(Some(number.into())),
        postcode: Set(Some(postcode.into())),
        city: Set(Some(city.into())),
        latitude: Set(lat),
        longitude: Set(lon),
        coordinates_approximate: Set(true),
        phone: Set(phone.map(String::from)),
    }
}

async fn membership_of(db: &impl ConnectionTrait, mail: &str, org: Uuid) -> Result<Option<Uuid>, DbErr> {
    let Some(u) = user::Entity::find().filter(user::Column::Email.eq(email::canonical(mail))).one(db).await?
    else {
        return Ok(None);
    };
    Ok(membership::Entity::find()
        .filter(membership::Column::UserId.eq(u.id))
        .filter(membership::Column::OrganisationId.eq(org))
        .one(db)
        .await?
        .map(|m| m.id))
}

/// Loads the care-network demo data unless it is there already.
pub async fn load(db: &Db, now: DateTime<Utc>) -> Result<(), String> {
    let e = |e: DbErr| e.to_string();
    let txn = db.write.begin().await.map_err(e)?;
    ensure_categories(&txn, now).await.map_err(e)?;
    let Some(linde) = organisation::Entity::find()
        .filter(organisation::Column::Name.eq("Thuiszorg De Linde"))
        .one(&txn)
        .await
        .map_err(e)?
    else {
        return txn.commit().await.map_err(e);
    };
    let done =
        care_client::Entity::find().filter(care_client::Column::Name.eq(JOKE)).one(&txn).await.map_err(e)?;
    if done.is_some() {
        return txn.commit().await.map_err(e);
    }
    if linde.category.is_none() {
        let (lat, lon) = geo::region_centre("3572 BJ").unzip();
        organisation::ActiveModel {
            id: sea_orm::Unchanged(linde.id),
            category: Set(Some("home_care".into())),
            street: Set(Some("Biltstraat".into())),
            house_number: Set(Some("120".into())),
            postcode: Set(Some("3572 BJ".into())),
            city: Set(Some("Utrecht".into())),
            latitude: Set(lat),
            longitude: Set(lon),
            coordinates_approximate: Set(true),
            phone: Set(Some("030-0000100".into())),
            ..Default::default()
        }
        .update(&txn)
        .await
        .map_err(e)?;
    }
    // Professionals without a password: their profiles exist for networks; nobody signs in.
    let mut orgs: HashMap<&str, Uuid> = HashMap::new();
    let mut people: HashMap<&str, Uuid> = HashMap::new();
    for (i, o) in ORGS.iter().enumerate() {
        let id = match organisation::Entity::find()
            .filter(organisation::Column::Name.eq(o.name))
            .one(&txn)
            .await
            .map_err(e)?
        {
            Some(found) => found.id,
            None => {
                let id = Uuid::now_v7();
                let at = now + Duration::milliseconds(10 + i as i64);
                organisation_row(
                    id,
                    o.name,
                    o.category,
                    o.street,
                    o.number,
                    o.postcode,
                    o.city,
                    Some(o.phone),
                    at,
                )
                .insert(&txn)
                .await
                .map_err(e)?;
                id
            }
        };
        orgs.insert(o.name, id);
        for (name, mail, title) in o.people {
            let m = match membership_of(&txn, mail, id).await.map_err(e)? {
                Some(m) => m,
                None => {
                    let account = Account { email: mail, name, helpdesk: false, mobile: None };
                    let user_id = seed::insert_user(&txn, &account, None, now).await.map_err(e)?;
                    let role = if *title == "Huisarts" { Role::Administrator } else { Role::Employee };
                    let m = Membership {
                        role,
                        rights: &[],
                        main_contact: false,
                        contract_minutes: None,
                        cost_centre: None,
                    };
                    seed::insert_membership(&txn, user_id, id, &m, now).await.map_err(e)?
                }
            };
            membership::Entity::update_many()
                .col_expr(membership::Column::JobTitle, Expr::value(*title))
                .filter(membership::Column::Id.eq(m))
                .exec(&txn)
                .await
                .map_err(e)?;
            people.insert(name, m);
        }
    }
    let mark = membership_of(&txn, "mark.devries@delinde.example", linde.id).await.map_err(e)?;
    let rachid = membership_of(&txn, "rachid.bouzid@delinde.example", linde.id).await.map_err(e)?;
    let anna = membership_of(&txn, "anna.jansen@delinde.example", linde.id).await.map_err(e)?;
    let Some(mark) = mark else { return txn.commit().await.map_err(e) };
    for (m, title) in
        [(Some(mark), "Zorgcoördinator"), (rachid, "Zorgcoördinator"), (anna, "Wijkverpleegkundige")]
    {
        if let Some(m) = m {
            membership::Entity::update_many()
                .col_expr(membership::Column::JobTitle, Expr::value(title))
                .filter(membership::Column::Id.eq(m))
                .filter(membership::Column::JobTitle.is_null())
                .exec(&txn)
                .await
                .map_err(e)?;
        }
    }
    // Mark is the main contact of Wijkteam Noord: he may remove its members.
    if let Some(noord) = team::Entity::find()
        .filter(team::Column::OrganisationId.eq(linde.id))
        .filter(team::Column::Name.eq("Wijkteam Noord"))
        .one(&txn)
        .await
        .map_err(e)?
    {
        team_member::Entity::update_many()
            .col_expr(team_member::Column::MainContact, Expr::value(true))
            .filter(team_member::Column::TeamId.eq(noord.id))
            .filter(team_member::Column::MembershipId.eq(mark))
            .exec(&txn)
            .await
            .map_err(e)?;
    }
    let mark_user = membership::Entity::find_by_id(mark).one(&txn).await.map_err(e)?.map(|m| m.user_id);
    let ingrid = informal_carer::Model {
        id: Uuid::now_v7(),
        first_name: "Ingrid".into(),
        infix: Some("van den".into()),
        last_name: "Berg".into(),
        name_key: similar::name_key(Some("van den"), "Berg"),
        gender: Some("female".into()),
        email: "ingrid.vandenberg@mail.example".into(),
        birth_date: NaiveDate::from_ymd_opt(1968, 4, 9),
        phone: Some("+31600000401".into()),
        user_id: None,
        created_by_organisation_id: linde.id,
        created_at: now,
    };
    informal_carer::ActiveModel::from(ingrid.clone()).insert(&txn).await.map_err(e)?;
    let brink = orgs["Huisartsenpraktijk De Brink"];
    let lombok = orgs["Apotheek Lombok"];
    let clients = [("Johanna (Joke)", (1941, 3, 12), true), ("Hendrik", (1938, 7, 30), false)];
    for (i, (first, (y, mo, d), joke)) in clients.into_iter().enumerate() {
        let at = now + Duration::seconds(i as i64);
        let id = Uuid::now_v7();
        let name = view::display_name(first, Some("van den"), "Berg");
        let (lat, lon) = geo::region_centre("3511 NX").unwrap_or((52.09, 5.12));
        let modules: Vec<String> =
            ["home_care", "gp", "pharmacy", "district_team", "physiotherapy"].map(String::from).into();
        care_client::ActiveModel::from(care_client::Model {
            id,
            first_name: first.into(),
            infix: Some("van den".into()),
            last_name: "Berg".into(),
            name: name.clone(),
            birth_date: NaiveDate::from_ymd_opt(y, mo, d).unwrap_or_default(),
            street: "Oudegracht".into(),
            house_number: "250".into(),
            postcode: "3511 NX".into(),
            city: "Utrecht".into(),
            latitude: lat,
            longitude: lon,
            coordinates_approximate: true,
            modules: format_modules(&modules),
            owner_organisation_id: linde.id,
            version: 1,
            created_at: at,
            updated_at: at,
        })
        .insert(&txn)
        .await
        .map_err(e)?;
        let by = mark_user;
        history::record(&txn, id, by, history::CLIENT_CREATED, Some(name), at).await.map_err(e)?;
        entries::insert_organisation(&txn, id, linde.id, by, at).await.map_err(e)?;
        entries::insert_professional(&txn, id, mark, linde.id, by, at, true).await.map_err(e)?;
        let mut add: Vec<(Uuid, Uuid, &str)> =
            vec![(brink, people["Ellen Brink"], "Ellen Brink (Huisartsenpraktijk De Brink)")];
        if joke {
            if let Some(a) = anna {
                add.push((linde.id, a, "Anna Jansen (Thuiszorg De Linde)"));
            }
            if let Some(r) = rachid {
                add.push((linde.id, r, "Rachid Bouzid (Thuiszorg De Linde)"));
            }
        } else {
            add.push((lombok, people["Sara Yilmaz"], "Sara Yilmaz (Apotheek Lombok)"));
        }
        for (org, m, subject) in add {
            if org != linde.id {
                let exists = care_network_entry::Entity::find()
                    .filter(care_network_entry::Column::ClientId.eq(id))
                    .filter(care_network_entry::Column::OrganisationId.eq(org))
                    .one(&txn)
                    .await
                    .map_err(e)?;
                if exists.is_none() {
                    entries::insert_organisation(&txn, id, org, by, at).await.map_err(e)?;
                    let org_name = ORGS.iter().find(|o| orgs[o.name] == org).map(|o| o.name.to_string());
                    history::record(&txn, id, by, history::ORGANISATION_ADDED, org_name, at)
                        .await
                        .map_err(e)?;
                }
            }
            let entry = entries::insert_professional(&txn, id, m, org, by, at, false).await.map_err(e)?;
            history::record(&txn, id, by, history::PROFESSIONAL_ADDED, Some(subject.into()), at)
                .await
                .map_err(e)?;
            if Some(m) == rachid {
                // Rachid helps Mark coordinate Joke's network: a colleague to hand over to.
                care_network_entry::Entity::update_many()
                    .col_expr(care_network_entry::Column::Coordinator, Expr::value(true))
                    .filter(care_network_entry::Column::Id.eq(entry))
                    .exec(&txn)
                    .await
                    .map_err(e)?;
                let subject = "Mark de Vries, Rachid Bouzid".to_string();
                history::record(&txn, id, by, history::COORDINATORS_CHANGED, Some(subject), at)
                    .await
                    .map_err(e)?;
            }
        }
        entries::insert_carer(&txn, id, ingrid.id, "dochter", by, at).await.map_err(e)?;
        let subject = "Ingrid van den Berg (dochter)".to_string();
        history::record(&txn, id, by, history::CARER_ADDED, Some(subject), at).await.map_err(e)?;
    }
    txn.commit().await.map_err(e)
}
