//! Care networks through the API on both databases: creating clients, filling their
//! networks (module checks, nearest-first search, similar informal carers), handing over
//! coordination, history and paging — and the refusals that must change nothing, and the
//! 404 everyone outside a network gets, the helpdesk included.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use common::*;
use poort::{
    clock::Clock,
    entities::organisation,
    networks,
    seed::{self, Account, Membership},
};
use sea_orm::{ActiveModelTrait, Set};
use serde_json::{Value, json};
use shared::auth::Role;
use uuid::Uuid;

const MARK: &str = "mark.devries@delinde.example";
const RACHID: &str = "rachid.bouzid@delinde.example";
const OTHER_COORDINATOR: &str = "olga.coordinator@brinknear.example";
// The client's home: Utrecht, at exact coordinates.
const HOME: (f64, f64) = (52.0907, 5.1214);

macro_rules! get {
    ($app:expr, $who:expr, $path:expr) => {
        send($app, $who.on(browser(Method::GET, $path.as_ref()))).await
    };
}
macro_rules! post {
    ($app:expr, $who:expr, $path:expr, $body:expr) => {
        send($app, $who.on(browser(Method::POST, $path.as_ref())).set_json($body)).await
    };
}
macro_rules! put {
    ($app:expr, $who:expr, $path:expr, $body:expr) => {
        send($app, $who.on(browser(Method::PUT, $path.as_ref())).set_json($body)).await
    };
}
macro_rules! delete {
    ($app:expr, $who:expr, $path:expr) => {
        send($app, $who.on(browser(Method::DELETE, $path.as_ref()))).await
    };
}

/// Organisations at known places, each with professionals (membership ids by name).
struct World {
    orgs: std::collections::HashMap<&'static str, Uuid>,
    members: std::collections::HashMap<&'static str, Uuid>,
}

async fn org_at(t: &TestApp, name: &str, category: &str, at: (f64, f64)) -> Uuid {
    let id = Uuid::now_v7();
    let mut row = networks::demo::organisation_row(
        id,
        name,
        category,
        "Teststraat",
        "1",
        "3511 AB",
        "Utrecht",
        None,
        t.clock.now(),
    );
    row.latitude = Set(Some(at.0));
    row.longitude = Set(Some(at.1));
    row.coordinates_approximate = Set(false);
    row.insert(&t.state.db.write).await.unwrap();
    id
}

async fn professional(
    t: &TestApp,
    org: Uuid,
    name: &str,
    email: &str,
    title: &str,
    role: Role,
    pw: bool,
) -> Uuid {
    let db = &t.state.db.write;
    let hash = if pw { Some(poort::auth::password::hash(PASSWORD.to_string()).await.unwrap()) } else { None };
    let account = Account { email, name, helpdesk: false, mobile: Some("+31600000999") };
    let user = seed::insert_user(db, &account, hash.as_deref(), t.clock.now()).await.unwrap();
    let m = Membership { role, rights: &[], main_contact: false, contract_minutes: None, cost_centre: None };
    let id = seed::insert_membership(db, user, org, &m, t.clock.now()).await.unwrap();
    let am = poort::entities::membership::ActiveModel {
        id: sea_orm::Unchanged(id),
        job_title: Set(Some(title.into())),
        ..Default::default()
    };
    am.update(db).await.unwrap();
    id
}

async fn world(t: &TestApp) -> World {
    let db = &t.state.db.write;
    networks::demo::ensure_categories(db, t.clock.now()).await.unwrap();
    let linde = org_by_name(db, "Thuiszorg De Linde").await;
    let am = organisation::ActiveModel {
        id: sea_orm::Unchanged(linde),
        category: Set(Some("home_care".into())),
        latitude: Set(Some(HOME.0)),
        longitude: Set(Some(HOME.1)),
        ..Default::default()
    };
    am.update(db).await.unwrap();
    let mut orgs = std::collections::HashMap::new();
    orgs.insert("linde", linde);
    // Far, middle and near, inserted in that order so the database's own order is wrong.
    orgs.insert("far", org_at(t, "Huisartsen Groningen", "gp", (53.2194, 6.5665)).await);
    orgs.insert("mid", org_at(t, "Huisartsen Amersfoort", "gp", (52.1561, 5.3878)).await);
    orgs.insert("near", org_at(t, "Huisartsen Brink", "gp", (52.0950, 5.1300)).await);
    orgs.insert("pharmacy", org_at(t, "Apotheek Centrum", "pharmacy", (52.0910, 5.1220)).await);
    let mut members = std::collections::HashMap::new();
    for (key, org, name) in
        [("far", "far", "Gert Groen"), ("mid", "mid", "Mila Amers"), ("near", "near", "Nina Dichtbij")]
    {
        let mail = format!("{key}@huisarts.example");
        members.insert(key, professional(t, orgs[org], name, &mail, "Huisarts", Role::Employee, false).await);
    }
    members.insert(
        "other_coordinator",
        professional(
            t,
            orgs["near"],
            "Olga Coördinator",
            OTHER_COORDINATOR,
            "Zorgcoördinator",
            Role::CareCoordinator,
            true,
        )
        .await,
    );
    World { orgs, members }
}

async fn org_by_name(db: &sea_orm::DatabaseConnection, name: &str) -> Uuid {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    organisation::Entity::find()
        .filter(organisation::Column::Name.eq(name))
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn membership_of(t: &TestApp, email: &str, org: Uuid) -> Uuid {
    use poort::entities::{membership, user};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let db = &t.state.db.write;
    let u = user::Entity::find().filter(user::Column::Email.eq(email)).one(db).await.unwrap().unwrap();
    membership::Entity::find()
        .filter(membership::Column::UserId.eq(u.id))
        .filter(membership::Column::OrganisationId.eq(org))
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .id
}

fn new_client(first: &str, modules: &[&str]) -> Value {
    json!({
        "first_name": first, "infix": "van den", "last_name": "Berg", "birth_date": "1941-03-12",
        "address": {"street": "Oudegracht", "house_number": "250", "postcode": "3511nx", "city": "Utrecht",
                    "latitude": HOME.0, "longitude": HOME.1},
        "modules": modules,
    })
}

async fn create_client<S: TestService<B>, B: MessageBody>(
    app: &S,
    who: &Session,
    first: &str,
    modules: &[&str],
) -> Value {
    let res = post!(app, who, "/api/v1/care-clients", new_client(first, modules));
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    res.json()
}

fn entry_of<'a>(network: &'a Value, name: &str) -> &'a Value {
    network["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .unwrap_or_else(|| panic!("no {name} in {network}"))
}

async fn actions<S: TestService<B>, B: MessageBody>(app: &S, who: &Session, client: &str) -> Vec<String> {
    let res = get!(app, who, format!("/api/v1/care-clients/{client}/history"));
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    res.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_string())
        .collect()
}

#[actix_web::test]
async fn refusals_change_nothing() {
    let t = TestApp::new().await;
    let w = world(&t).await;
    let app = t.service().await;
    let mark = login(&app, MARK).await;
    let anna = login(&app, ANNA).await;

    // Anna is no care coordinator; an unknown module is a field error.
    let res = post!(&app, anna, "/api/v1/care-clients", new_client("Joke", &[]));
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = post!(&app, mark, "/api/v1/care-clients", new_client("Joke", &["astrology"]));
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["modules"]["code"], "unknown_category");

    let net = create_client(&app, &mark, "Joke", &[]).await;
    let id = net["client"]["id"].as_str().unwrap().to_string();
    assert_eq!(net["client"]["modules"], json!(["home_care"]));
    assert_eq!(net["client"]["address"]["postcode"], "3511 NX");
    assert_eq!(net["client"]["primary_coordinator"]["name"], "Mark de Vries");
    assert_eq!(net["may_edit"], true);
    let before = get!(&app, mark, format!("/api/v1/care-clients/{id}")).json();

    // The GP module is off: neither the practice nor its doctor may join.
    let res = post!(
        &app,
        mark,
        format!("/api/v1/care-clients/{id}/network/organisations"),
        json!({"organisation_id": w.orgs["near"]})
    );
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.text());
    assert_eq!(res.json()["fields"]["organisation_id"]["code"], "module_off");
    let res = post!(
        &app,
        mark,
        format!("/api/v1/care-clients/{id}/network/professionals"),
        json!({"membership_id": w.members["near"]})
    );
    assert_eq!(res.json()["fields"]["membership_id"]["code"], "module_off");

    // The primary coordinator cannot leave, nor can De Linde while Mark is in it.
    let mark_entry = entry_of(&before, "Mark de Vries")["id"].as_str().unwrap().to_string();
    let res = delete!(&app, mark, format!("/api/v1/care-clients/{id}/network/{mark_entry}"));
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(res.json()["fields"]["entry_id"]["code"], "primary_coordinator");
    let linde_entry = entry_of(&before, "Thuiszorg De Linde")["id"].as_str().unwrap().to_string();
    let res = delete!(&app, mark, format!("/api/v1/care-clients/{id}/network/{linde_entry}"));
    assert_eq!(res.json()["fields"]["entry_id"]["code"], "has_professionals");

    // Home care is in use; an old version is stale.
    let res =
        put!(&app, mark, format!("/api/v1/care-clients/{id}/modules"), json!({"modules": [], "version": 1}));
    assert_eq!(res.json()["fields"]["modules"]["code"], "module_in_use");
    let res = put!(
        &app,
        mark,
        format!("/api/v1/care-clients/{id}/modules"),
        json!({"modules": ["home_care"], "version": 7})
    );
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(res.json()["fields"]["version"]["code"], "stale");
    // A coordinator set without a primary.
    let res = put!(
        &app,
        mark,
        format!("/api/v1/care-clients/{id}/coordinators"),
        json!({"coordinators": [{"entry_id": mark_entry}]})
    );
    assert_eq!(res.json()["fields"]["coordinators"]["code"], "no_primary");

    let after = get!(&app, mark, format!("/api/v1/care-clients/{id}")).json();
    assert_eq!(before, after);
    assert_eq!(actions(&app, &mark, &id).await, vec!["client_created"]);

    // Switched on, the GP joins (with its practice) and the module then stays on.
    let res = put!(
        &app,
        mark,
        format!("/api/v1/care-clients/{id}/modules"),
        json!({"modules": ["home_care", "gp"], "version": 1})
    );
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let res = post!(
        &app,
        mark,
        format!("/api/v1/care-clients/{id}/network/professionals"),
        json!({"membership_id": w.members["near"]})
    );
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let res = post!(
        &app,
        mark,
        format!("/api/v1/care-clients/{id}/network/organisations"),
        json!({"organisation_id": w.orgs["near"]})
    );
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(res.json()["fields"]["organisation_id"]["code"], "already_in_network");
    let res = put!(
        &app,
        mark,
        format!("/api/v1/care-clients/{id}/modules"),
        json!({"modules": ["home_care"], "version": 2})
    );
    assert_eq!(res.json()["fields"]["modules"]["code"], "module_in_use");
}

#[actix_web::test]
async fn handover_to_a_colleague_or_another_organisation_then_leave() {
    let t = TestApp::new().await;
    let w = world(&t).await;
    let app = t.service().await;
    let mark = login(&app, MARK).await;
    let rachid = login(&app, RACHID).await;
    let olga = login(&app, OTHER_COORDINATOR).await;
    let linde = w.orgs["linde"];
    let rachid_m = membership_of(&t, RACHID, linde).await;

    // To a colleague: Rachid joins, becomes primary, Mark removes himself.
    let net = create_client(&app, &mark, "Joke", &[]).await;
    let id = net["client"]["id"].as_str().unwrap().to_string();
    let net = post!(
        &app,
        mark,
        format!("/api/v1/care-clients/{id}/network/professionals"),
        json!({"membership_id": rachid_m})
    )
    .json();
    let rachid_entry = entry_of(&net, "Rachid Bouzid")["id"].as_str().unwrap().to_string();
    let mark_entry = entry_of(&net, "Mark de Vries")["id"].as_str().unwrap().to_string();
    // Rachid is in the network but does not coordinate yet.
    let res = put!(
        &app,
        rachid,
        format!("/api/v1/care-clients/{id}/coordinators"),
        json!({"coordinators": [{"entry_id": rachid_entry, "primary": true}]})
    );
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = put!(
        &app,
        mark,
        format!("/api/v1/care-clients/{id}/coordinators"),
        json!({"coordinators": [{"entry_id": rachid_entry, "primary": true}, {"entry_id": mark_entry}]})
    );
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let net = res.json();
    assert_eq!(net["client"]["primary_coordinator"]["name"], "Rachid Bouzid");
    assert_eq!(net["entries"][0]["name"], "Rachid Bouzid", "the primary coordinator comes first");
    let res = delete!(&app, mark, format!("/api/v1/care-clients/{id}/network/{mark_entry}"));
    assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.text());
    assert_eq!(get!(&app, mark, format!("/api/v1/care-clients/{id}")).status, StatusCode::NOT_FOUND);
    let net = get!(&app, rachid, format!("/api/v1/care-clients/{id}")).json();
    assert_eq!(net["may_edit"], true);
    assert_eq!(entry_of(&net, "Rachid Bouzid")["is_me"], true);
    assert_eq!(
        actions(&app, &rachid, &id).await,
        vec!["professional_removed", "coordinators_changed", "professional_added", "client_created"]
    );

    // To a coordinator of another organisation in the network.
    let net = create_client(&app, &mark, "Hendrik", &["gp"]).await;
    let id = net["client"]["id"].as_str().unwrap().to_string();
    let net = post!(
        &app,
        mark,
        format!("/api/v1/care-clients/{id}/network/professionals"),
        json!({"membership_id": w.members["other_coordinator"]})
    )
    .json();
    let olga_entry = entry_of(&net, "Olga Coördinator")["id"].as_str().unwrap().to_string();
    assert_eq!(get!(&app, olga, format!("/api/v1/care-clients/{id}")).json()["may_edit"], false);
    // A plain professional is not eligible.
    let net = post!(
        &app,
        mark,
        format!("/api/v1/care-clients/{id}/network/professionals"),
        json!({"membership_id": w.members["near"]})
    )
    .json();
    let nina_entry = entry_of(&net, "Nina Dichtbij")["id"].as_str().unwrap().to_string();
    let res = put!(
        &app,
        mark,
        format!("/api/v1/care-clients/{id}/coordinators"),
        json!({"coordinators": [{"entry_id": nina_entry, "primary": true}]})
    );
    assert_eq!(res.json()["fields"]["coordinators"]["code"], "not_eligible");
    let res = put!(
        &app,
        mark,
        format!("/api/v1/care-clients/{id}/coordinators"),
        json!({"coordinators": [{"entry_id": olga_entry, "primary": true}]})
    );
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["may_edit"], false, "Mark no longer coordinates");
    let net = get!(&app, olga, format!("/api/v1/care-clients/{id}")).json();
    assert_eq!(net["may_edit"], true);
    assert_eq!(net["client"]["primary_coordinator"]["organisation_name"], "Huisartsen Brink");
    // Mark is only a professional now: he removes himself, nobody else.
    let mark_entry = entry_of(&net, "Mark de Vries")["id"].as_str().unwrap().to_string();
    let res = delete!(&app, mark, format!("/api/v1/care-clients/{id}/network/{nina_entry}"));
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = delete!(&app, mark, format!("/api/v1/care-clients/{id}/network/{mark_entry}"));
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    let list = get!(&app, olga, "/api/v1/care-clients").json();
    assert_eq!(list["items"][0]["my_role"], "coordinator");
    assert_eq!(list["items"][0]["primary_coordinator"], "Olga Coördinator");
}

#[actix_web::test]
async fn outsiders_and_the_helpdesk_get_404_everywhere() {
    let t = TestApp::new().await;
    let w = world(&t).await;
    let app = t.service().await;
    let mark = login(&app, MARK).await;
    let net = create_client(&app, &mark, "Joke", &["gp"]).await;
    let id = net["client"]["id"].as_str().unwrap().to_string();
    let entry = net["entries"][0]["id"].as_str().unwrap().to_string();
    let before = get!(&app, mark, format!("/api/v1/care-clients/{id}")).json();
    for who in [EVA, HELPDESK, ANNA, FATIMA] {
        let s = login(&app, who).await;
        let base = format!("/api/v1/care-clients/{id}");
        let calls = [
            get!(&app, s, base.clone()),
            get!(&app, s, format!("{base}/history")),
            get!(&app, s, format!("{base}/organisation-search")),
            get!(&app, s, format!("{base}/professional-search?q=huisarts")),
            put!(&app, s, format!("{base}/modules"), json!({"modules": ["home_care"], "version": 1})),
            put!(
                &app,
                s,
                format!("{base}/coordinators"),
                json!({"coordinators": [{"entry_id": entry, "primary": true}]})
            ),
            post!(
                &app,
                s,
                format!("{base}/network/organisations"),
                json!({"organisation_id": w.orgs["near"]})
            ),
            post!(
                &app,
                s,
                format!("{base}/network/professionals"),
                json!({"membership_id": w.members["near"]})
            ),
            post!(
                &app,
                s,
                format!("{base}/network/informal-carers"),
                json!({"relation": "buur", "person": {"first_name": "A", "last_name": "B", "email": "a@b.example"}})
            ),
            delete!(&app, s, format!("{base}/network/{entry}")),
        ];
        for (i, res) in calls.iter().enumerate() {
            assert_eq!(res.status, StatusCode::NOT_FOUND, "{who} call {i}: {}", res.text());
            assert_eq!(res.error_kind(), "not_found");
        }
        let list = get!(&app, s, "/api/v1/care-clients").json();
        assert_eq!(list["items"], json!([]), "{who}");
    }
    assert_eq!(get!(&app, mark, format!("/api/v1/care-clients/{id}")).json(), before);
}

#[actix_web::test]
async fn professionals_and_organisations_are_found_nearest_first() {
    let t = TestApp::new().await;
    let w = world(&t).await;
    let app = t.service().await;
    let mark = login(&app, MARK).await;
    let net = create_client(&app, &mark, "Joke", &[]).await;
    let id = net["client"]["id"].as_str().unwrap().to_string();

    let res = get!(&app, mark, format!("/api/v1/care-clients/{id}/professional-search?q=HUISARTS"));
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let hits = res.json();
    let names: Vec<&str> = hits.as_array().unwrap().iter().map(|h| h["name"].as_str().unwrap()).collect();
    // Olga matches through her organisation's name; the same place sorts by name.
    assert_eq!(names, vec!["Nina Dichtbij", "Olga Coördinator", "Mila Amers", "Gert Groen"]);
    let km: Vec<f64> = hits.as_array().unwrap().iter().map(|h| h["distance_km"].as_f64().unwrap()).collect();
    // Computed against the known coordinates: ~0.7 km, ~19 km, ~143 km.
    assert!(km[0] < 1.5 && (15.0..25.0).contains(&km[2]) && (130.0..160.0).contains(&km[3]), "{km:?}");
    assert_eq!(hits[0]["module_on"], false, "gp is off for this client");
    assert_eq!(hits[0]["in_network"], false);
    assert_eq!(hits[0]["category"], "gp");
    // Names and organisation names match too; one letter is too short.
    let hits = get!(&app, mark, format!("/api/v1/care-clients/{id}/professional-search?q=amersfoort")).json();
    assert_eq!(hits[0]["name"], "Mila Amers");
    let res = get!(&app, mark, format!("/api/v1/care-clients/{id}/professional-search?q=h"));
    assert_eq!(res.json()["fields"]["q"]["code"], "too_short");
    let hits =
        get!(&app, mark, format!("/api/v1/care-clients/{id}/professional-search?q=huisarts&limit=2")).json();
    assert_eq!(hits.as_array().unwrap().len(), 2);

    let hits = get!(&app, mark, format!("/api/v1/care-clients/{id}/organisation-search?category=gp")).json();
    let ids: Vec<&str> = hits.as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap()).collect();
    let expected: Vec<String> = ["near", "mid", "far"].iter().map(|k| w.orgs[k].to_string()).collect();
    assert_eq!(ids, expected);
    let hits = get!(&app, mark, format!("/api/v1/care-clients/{id}/organisation-search")).json();
    assert_eq!(hits[0]["name"], "Thuiszorg De Linde");
    assert_eq!(hits[0]["in_network"], true);
}

#[actix_web::test]
async fn similar_carers_are_offered_and_one_carer_serves_two_clients() {
    let t = TestApp::new().await;
    world(&t).await;
    let app = t.service().await;
    let mark = login(&app, MARK).await;
    let joke = create_client(&app, &mark, "Joke", &[]).await["client"]["id"].as_str().unwrap().to_string();
    let hendrik =
        create_client(&app, &mark, "Hendrik", &[]).await["client"]["id"].as_str().unwrap().to_string();
    let ingrid = json!({"first_name": "Ingrid", "infix": "van den", "last_name": "Berg", "email": "ingrid@mail.example", "birth_date": "1968-04-09", "gender": "female"});
    let res = post!(
        &app,
        mark,
        format!("/api/v1/care-clients/{joke}/network/informal-carers"),
        json!({"relation": "dochter", "person": ingrid})
    );
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let carer_id = entry_of(&res.json(), "Ingrid van den Berg")["carer_id"].as_str().unwrap().to_string();

    // Typed again with other case, accents and spacing (and another e-mail address).
    let again = json!({"first_name": "ÍNGRID", "infix": "Van Den", "last_name": "berg", "email": "i.berg@elders.example", "birth_date": "1968-04-09"});
    let res = post!(&app, mark, "/api/v1/informal-carers/similar", again.clone());
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let similar = res.json();
    assert_eq!(similar.as_array().unwrap().len(), 1);
    assert_eq!(similar[0]["id"], carer_id.as_str());
    assert_eq!(similar[0]["email_hint"], "i…@mail.example");
    assert_eq!(similar[0]["birth_year"], 1968);
    assert_eq!(similar[0]["networks"], 1);
    let res = post!(
        &app,
        mark,
        format!("/api/v1/care-clients/{hendrik}/network/informal-carers"),
        json!({"relation": "dochter", "person": again})
    );
    assert_eq!(res.status, StatusCode::CONFLICT);
    let body = res.json();
    assert_eq!(res.error_kind(), "conflict");
    assert_eq!(body["fields"]["person"]["code"], "similar_persons");
    assert_eq!(body["similar"][0]["id"], carer_id.as_str());
    assert_eq!(actions(&app, &mark, &hendrik).await, vec!["client_created"], "nothing was made");

    // Linked instead: one carer in two networks.
    let res = post!(
        &app,
        mark,
        format!("/api/v1/care-clients/{hendrik}/network/informal-carers"),
        json!({"relation": "dochter", "existing_id": carer_id})
    );
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let res = post!(
        &app,
        mark,
        format!("/api/v1/care-clients/{hendrik}/network/informal-carers"),
        json!({"relation": "dochter", "existing_id": carer_id})
    );
    assert_eq!(res.status, StatusCode::CONFLICT);
    let similar = post!(&app, mark, "/api/v1/informal-carers/similar", ingrid.clone()).json();
    assert_eq!(similar[0]["networks"], 2);

    // Both or neither of existing_id/person, and a missing relation, are field errors.
    let res = post!(
        &app,
        mark,
        format!("/api/v1/care-clients/{hendrik}/network/informal-carers"),
        json!({"relation": "", "existing_id": carer_id, "person": ingrid})
    );
    let fields = &res.json()["fields"];
    assert_eq!(fields["existing_id"]["code"], "one_of");
    assert_eq!(fields["relation"]["code"], "required");

    // Really someone else with the same name: made anyway.
    let namesake = json!({"first_name": "Ingrid", "infix": "van den", "last_name": "Berg", "email": "ingrid@mail.example"});
    let res = post!(
        &app,
        mark,
        format!("/api/v1/care-clients/{hendrik}/network/informal-carers"),
        json!({"relation": "buurvrouw", "person": namesake, "create_anyway": true})
    );
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let similar = post!(&app, mark, "/api/v1/informal-carers/similar", ingrid).json();
    assert_eq!(similar.as_array().unwrap().len(), 2);
    // Anna coordinates nothing and may not look people up.
    let anna = login(&app, ANNA).await;
    let res = post!(&app, anna, "/api/v1/informal-carers/similar", namesake_json());
    assert_eq!(res.status, StatusCode::FORBIDDEN);
}

fn namesake_json() -> Value {
    json!({"first_name": "Ingrid", "last_name": "Berg", "email": "x@y.example"})
}

#[actix_web::test]
async fn history_lists_each_change_and_clients_page_by_name() {
    let t = TestApp::new().await;
    let w = world(&t).await;
    let app = t.service().await;
    let mark = login(&app, MARK).await;
    let net = create_client(&app, &mark, "Joke", &["gp", "pharmacy"]).await;
    let id = net["client"]["id"].as_str().unwrap().to_string();
    post!(
        &app,
        mark,
        format!("/api/v1/care-clients/{id}/network/organisations"),
        json!({"organisation_id": w.orgs["pharmacy"]})
    );
    let net = post!(
        &app,
        mark,
        format!("/api/v1/care-clients/{id}/network/professionals"),
        json!({"membership_id": w.members["near"]})
    )
    .json();
    post!(
        &app,
        mark,
        format!("/api/v1/care-clients/{id}/network/informal-carers"),
        json!({"relation": "zoon", "person": {"first_name": "Kees", "last_name": "Berg", "email": "kees@mail.example"}})
    );
    let pharmacy = entry_of(&net, "Apotheek Centrum")["id"].as_str().unwrap().to_string();
    assert_eq!(
        delete!(&app, mark, format!("/api/v1/care-clients/{id}/network/{pharmacy}")).status,
        StatusCode::NO_CONTENT
    );
    let res = put!(
        &app,
        mark,
        format!("/api/v1/care-clients/{id}/modules"),
        json!({"modules": ["home_care", "gp"], "version": 1})
    );
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(
        actions(&app, &mark, &id).await,
        vec![
            "modules_changed",
            "organisation_removed",
            "carer_added",
            "professional_added",
            "organisation_added",
            "organisation_added",
            "client_created"
        ]
    );
    let page = get!(&app, mark, format!("/api/v1/care-clients/{id}/history?limit=4")).json();
    assert_eq!(page["items"][0]["actor_name"], "Mark de Vries");
    assert_eq!(page["items"][1]["subject"], "Apotheek Centrum");
    let cursor = page["next_cursor"].as_str().unwrap();
    let rest = get!(&app, mark, format!("/api/v1/care-clients/{id}/history?limit=4&cursor={cursor}")).json();
    assert_eq!(rest["items"].as_array().unwrap().len(), 3);
    assert!(rest.get("next_cursor").is_none());
    // Nina, now in the network, reads it too but may not change it.
    let net = get!(&app, mark, format!("/api/v1/care-clients/{id}")).json();
    let kinds: Vec<&str> =
        net["entries"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    // Coordinators, then organisations by category code (gp before home_care) each with
    // its professionals, then informal carers.
    assert_eq!(kinds, vec!["professional", "organisation", "professional", "organisation", "informal_carer"]);

    // Keyset pages of the client list, by name.
    for first in ["Anton", "Bea", "Cor", "Dirk"] {
        create_client(&app, &mark, first, &[]).await;
    }
    let mut names = vec![];
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/care-clients?limit=2&cursor={c}"),
            None => String::from("/api/v1/care-clients?limit=2"),
        };
        let page = get!(&app, mark, path).json();
        for item in page["items"].as_array().unwrap() {
            names.push(item["name"].as_str().unwrap().to_string());
            assert_eq!(item["my_role"], "coordinator");
        }
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    assert_eq!(
        names,
        vec![
            "Anton van den Berg",
            "Bea van den Berg",
            "Cor van den Berg",
            "Dirk van den Berg",
            "Joke van den Berg"
        ]
    );
    let found = get!(&app, mark, "/api/v1/care-clients?q=CO").json();
    assert_eq!(found["items"][0]["name"], "Cor van den Berg");
}

#[actix_web::test]
async fn the_demo_networks_load_once() {
    let t = TestApp::new().await;
    networks::demo::load(&t.state.db, t.clock.now()).await.unwrap();
    networks::demo::load(&t.state.db, t.clock.now()).await.unwrap();
    let app = t.service().await;
    let mark = login(&app, MARK).await;
    let list = get!(&app, mark, "/api/v1/care-clients").json();
    let names: Vec<&str> =
        list["items"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(names, vec!["Hendrik van den Berg", "Johanna (Joke) van den Berg"]);
    let anna = login(&app, ANNA).await;
    let list = get!(&app, anna, "/api/v1/care-clients").json();
    assert_eq!(list["items"][0]["my_role"], "professional");
    let joke = list["items"][0]["id"].as_str().unwrap();
    let net = get!(&app, anna, format!("/api/v1/care-clients/{joke}")).json();
    assert_eq!(entry_of(&net, "Ingrid van den Berg")["role_text"], "dochter");
    assert_eq!(entry_of(&net, "Rachid Bouzid")["coordinator"], true);
}
