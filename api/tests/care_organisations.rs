//! The organisations side of care networks: the category list, organisation profiles,
//! professionals an administrator creates (and who then activate from the mail), and team
//! members with main contacts. Each refusal leaves nothing changed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use common::*;
use poort::config::Config;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use serde_json::{Value, json};

const DAAN: &str = "daan.meijer@delinde.example";
const NOOR: &str = "noor.willems@delinde.example";
const LISA: &str = "lisa.deboer@delinde.example";

async fn get<S: TestService<B>, B: MessageBody>(app: &S, who: &Session, path: &str) -> Resp {
    send(app, who.on(browser(Method::GET, path))).await
}

async fn call<S: TestService<B>, B: MessageBody>(
    app: &S,
    who: &Session,
    method: Method,
    path: &str,
    body: Value,
) -> Resp {
    send(app, who.on(browser(method, path)).set_json(body)).await
}

async fn my_organisation<S: TestService<B>, B: MessageBody>(app: &S, who: &Session) -> String {
    get(app, who, "/api/v1/me").await.json()["organisation_id"].as_str().unwrap().to_string()
}

async fn team_id<S: TestService<B>, B: MessageBody>(app: &S, who: &Session, name: &str) -> String {
    let teams = get(app, who, "/api/v1/teams").await.json();
    let team = teams["items"].as_array().unwrap().iter().find(|t| t["name"] == name).unwrap();
    team["id"].as_str().unwrap().to_string()
}

/// The membership id of `email` in the administrator's organisation.
async fn membership_of<S: TestService<B>, B: MessageBody>(app: &S, admin: &Session, email: &str) -> String {
    let members = get(app, admin, "/api/v1/members?limit=200").await.json();
    let m = members["items"].as_array().unwrap().iter().find(|m| m["email"] == email).unwrap();
    m["id"].as_str().unwrap().to_string()
}

async fn member_names<S: TestService<B>, B: MessageBody>(app: &S, who: &Session, team: &str) -> Vec<String> {
    let res = get(app, who, &format!("/api/v1/teams/{team}/members")).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    res.json().as_array().unwrap().iter().map(|m| m["name"].as_str().unwrap().to_string()).collect()
}

#[actix_web::test]
async fn the_helpdesk_keeps_categories_and_profiles_and_administrators_keep_their_address() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let (anna, fatima, eva, helpdesk) = (
        login(&app, ANNA).await,
        login(&app, FATIMA).await,
        login(&app, EVA).await,
        login(&app, HELPDESK).await,
    );

    // The migration's default list, by Dutch name.
    let list = get(&app, &anna, "/api/v1/organisation-categories").await.json();
    let names: Vec<&str> = list.as_array().unwrap().iter().map(|c| c["name_nl"].as_str().unwrap()).collect();
    assert_eq!(names.len(), 11, "{names:?}");
    assert_eq!(names[0], "Apotheek");
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    assert!(
        list.as_array()
            .unwrap()
            .contains(&json!({"code": "home_care", "name_nl": "Thuiszorg", "name_en": "Home care"}))
    );

    let youth = json!({"code": "youth_care", "name_nl": "Jeugdzorg", "name_en": "Youth care"});
    let res = call(&app, &fatima, Method::POST, "/api/v1/organisation-categories", youth.clone()).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "the helpdesk keeps the list");
    let res = call(
        &app,
        &helpdesk,
        Method::POST,
        "/api/v1/organisation-categories",
        json!({"code": "Youth care", "name_nl": "", "name_en": "Youth care"}),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["code"]["code"], "invalid_code");
    assert_eq!(res.json()["fields"]["name_nl"]["code"], "required");
    let res = call(&app, &helpdesk, Method::POST, "/api/v1/organisation-categories", youth.clone()).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    assert_eq!(res.json(), youth);
    let res = call(&app, &helpdesk, Method::POST, "/api/v1/organisation-categories", youth).await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(res.json()["fields"]["code"]["code"], "code_taken");
    assert_eq!(
        get(&app, &anna, "/api/v1/organisation-categories").await.json().as_array().unwrap().len(),
        12
    );

    // A new organisation with its care profile; a wrong category or postcode is named.
    let brink = |category: &str, postcode: &str| {
        json!({"name": "Huisartsenpraktijk De Brink", "category": category, "phone": "030 691 23 45",
            "address": {"street": "Slotlaan", "house_number": "1", "postcode": postcode, "city": "Zeist"}})
    };
    let res = call(&app, &helpdesk, Method::POST, "/api/v1/organisations", brink("huisarts", "370 GB")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.text());
    assert_eq!(res.json()["fields"]["category"]["code"], "unknown_category");
    assert_eq!(res.json()["fields"]["address.postcode"]["code"], "invalid_postcode");
    let res = call(&app, &helpdesk, Method::POST, "/api/v1/organisations", brink("gp", "3701gb")).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let brink_id = res.json()["id"].as_str().unwrap().to_string();
    let profile = get(&app, &anna, &format!("/api/v1/organisations/{brink_id}/profile")).await;
    assert_eq!(profile.status, StatusCode::OK, "every signed-in person reads profiles");
    let profile = profile.json();
    assert_eq!(profile["category"], "gp");
    assert_eq!(profile["phone"], "030 691 23 45");
    assert_eq!(profile["address"]["postcode"], "3701 GB");
    assert_eq!(profile["address"]["approximate"], true, "placed at the centre of region 37");
    // Organisations outside care keep being created with a name only.
    let res =
        call(&app, &helpdesk, Method::POST, "/api/v1/organisations", json!({"name": "Schilder Vos"})).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    assert!(res.json().get("category").is_none());
    let res = get(&app, &anna, &format!("/api/v1/organisations/{}/profile", uuid::Uuid::now_v7())).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);

    let linde = my_organisation(&app, &fatima).await;
    let linde_profile = format!("/api/v1/organisations/{linde}/profile");
    assert_eq!(get(&app, &fatima, "/api/v1/me").await.json()["networks_enabled"], false);
    let address =
        json!({"street": "Biltstraat", "house_number": "12a", "postcode": "3572 AN", "city": "Utrecht"});
    // An administrator may not give their own organisation a category.
    let res = call(
        &app,
        &fatima,
        Method::PUT,
        &linde_profile,
        json!({"category": "home_care", "address": address, "phone": "030 123 45 67"}),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "{}", res.text());
    assert_eq!(res.json()["fields"]["category"]["code"], "helpdesk_only");
    let res = call(&app, &fatima, Method::PUT, &linde_profile, json!({"colour": "green"})).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "unknown fields are refused");
    assert_eq!(
        get(&app, &anna, &linde_profile).await.json(),
        json!({"id": linde, "name": "Thuiszorg De Linde"})
    );

    let mut exact = address.clone();
    exact["latitude"] = json!(52.0931);
    exact["longitude"] = json!(5.1322);
    let res = call(
        &app,
        &helpdesk,
        Method::PUT,
        &linde_profile,
        json!({"category": "home_care", "address": exact}),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["address"]["approximate"], false);
    assert_eq!(res.json()["address"]["latitude"], 52.0931);
    assert_eq!(get(&app, &fatima, "/api/v1/me").await.json()["networks_enabled"], true);
    assert_eq!(get(&app, &eva, "/api/v1/me").await.json()["networks_enabled"], false);

    // Now that it has one, the administrator sends it back unchanged with her own fields.
    let res = call(
        &app,
        &fatima,
        Method::PUT,
        &linde_profile,
        json!({"category": "home_care", "address": address, "phone": "030 123 45 67"}),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["phone"], "030 123 45 67");
    assert_eq!(res.json()["address"]["approximate"], true);
    let mut bad = address.clone();
    bad["postcode"] = json!("0123 AB");
    let res =
        call(&app, &fatima, Method::PUT, &linde_profile, json!({"category": "home_care", "address": bad}))
            .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["address.postcode"]["code"], "invalid_postcode");
    let res = call(&app, &fatima, Method::PUT, &linde_profile, json!({"category": "gp"})).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(get(&app, &anna, &linde_profile).await.json()["category"], "home_care");

    // Another organisation's administrator finds nothing to change; a colleague may not.
    let res = call(&app, &eva, Method::PUT, &linde_profile, json!({"category": "home_care"})).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    let res = call(&app, &anna, Method::PUT, &linde_profile, json!({"category": "home_care"})).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(get(&app, &anna, &linde_profile).await.json()["phone"], "030 123 45 67");

    let audit = get(&app, &fatima, "/api/v1/audit").await.json();
    let actions: Vec<&str> =
        audit["items"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions.iter().filter(|a| **a == "organisation_profile_changed").count(), 2, "{actions:?}");
}

fn lisa(team: Option<&str>) -> Value {
    json!({"name": "Lisa de Boer", "email": LISA, "job_title": "Wijkverpleegkundige", "role": "employee",
        "birth_date": "1991-05-17", "team_id": team})
}

#[actix_web::test]
async fn an_administrator_creates_a_professional_who_activates_from_the_mail_and_signs_in() {
    let sink = SmtpSink::start();
    let config = Config {
        smtp_url: Some(sink.url()),
        base_url: Some("https://poort.example".into()),
        ..Config::default()
    };
    let t = TestApp::with_config(config).await;
    let app = t.service().await;
    let (anna, fatima) = (login(&app, ANNA).await, login(&app, FATIMA).await);
    let noord = team_id(&app, &fatima, "Wijkteam Noord").await;
    let linde = my_organisation(&app, &fatima).await;

    // Not an administrator: refused, and nothing made.
    let res = call(&app, &anna, Method::POST, "/api/v1/professionals", lisa(Some(&noord))).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(get(&app, &fatima, "/api/v1/professionals?q=lisa").await.json()["items"], json!([]));
    let res = call(
        &app,
        &fatima,
        Method::POST,
        "/api/v1/professionals",
        json!({"name": "Lisa de Boer", "email": "lisa", "job_title": "", "role": "employer",
            "birth_date": "1991-05-17", "team_id": uuid::Uuid::now_v7()}),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = &res.json()["fields"];
    assert_eq!(fields["role"]["code"], "not_allowed");
    assert_eq!(fields["email"]["code"], "invalid_email");
    assert_eq!(fields["job_title"]["code"], "required");
    assert_eq!(fields["team_id"]["code"], "unknown_team");
    assert_eq!(get(&app, &fatima, "/api/v1/professionals?q=lisa").await.json()["items"], json!([]));

    // A coordinator entered Lisa as an informal carer (of her mother) before she had an account.
    let carer = poort::entities::informal_carer::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        first_name: Set("Lisa".into()),
        infix: Set(Some("de".into())),
        last_name: Set("Boer".into()),
        name_key: Set("deboer".into()),
        gender: Set(None),
        email: Set(LISA.into()),
        birth_date: Set(None),
        phone: Set(None),
        user_id: Set(None),
        created_by_organisation_id: Set(linde.parse().unwrap()),
        created_at: Set(chrono::Utc::now()),
    }
    .insert(&t.state.db.write)
    .await
    .unwrap();

    let res = call(&app, &fatima, Method::POST, "/api/v1/professionals", lisa(Some(&noord))).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let made = res.json();
    assert_eq!(made["job_title"], "Wijkverpleegkundige");
    assert_eq!(made["activated"], false);
    assert_eq!(made["organisation_name"], "Thuiszorg De Linde");
    assert_eq!(made["teams"], json!([{"id": noord, "name": "Wijkteam Noord"}]));
    assert_eq!(member_names(&app, &anna, &noord).await.iter().filter(|n| *n == "Lisa de Boer").count(), 1);
    // The profile exists, but nobody signs in with it before activation.
    let res = send(
        &app,
        browser(Method::POST, "/api/v1/auth/login")
            .set_json(json!({"email": LISA, "password": "willekeurig wachtwoord"})),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);

    // Once a member, twice refused: as a professional and as an invitation.
    let res = call(&app, &fatima, Method::POST, "/api/v1/professionals", lisa(None)).await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(res.json()["fields"]["email"]["code"], "already_member");
    let res = call(
        &app,
        &fatima,
        Method::POST,
        "/api/v1/invitations",
        json!({"email": LISA, "name": "Lisa de Boer", "role": "employee", "birth_date": "1991-05-17"}),
    )
    .await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(res.json()["fields"]["email"]["code"], "already_member");

    // The list: search by function, filter by team, page by name.
    let found = get(&app, &anna, "/api/v1/professionals?q=VERPLEEG").await.json();
    assert_eq!(found["items"].as_array().unwrap().len(), 1, "{found}");
    assert_eq!(found["items"][0]["email"], LISA);
    let mut names = Vec::new();
    let mut path = format!("/api/v1/professionals?team_id={noord}&limit=2");
    loop {
        let page = get(&app, &fatima, &path).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text());
        let page = page.json();
        for p in page["items"].as_array().unwrap() {
            assert!(p["teams"].as_array().unwrap().iter().any(|t| t["id"] == noord.as_str()), "{p}");
            names.push(p["name"].as_str().unwrap().to_string());
        }
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/api/v1/professionals?team_id={noord}&limit=2&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(names, ["Anna Jansen", "Daan Meijer", "Lisa de Boer", "Mark de Vries", "Sophie Bakker"]);

    // The mailed link: she chooses a password (there is none to confirm) and signs in.
    poort::jobs::deliver_due(&t.state, "test").await.unwrap();
    let mail = sink.wait_for(1).await[0].clone();
    assert!(mail_text(&mail).contains(&format!("To: {LISA}")), "{mail}");
    let token = link_token(&mail);
    let info =
        send(&app, browser(Method::POST, "/api/v1/activation/lookup").set_json(json!({"token": token})))
            .await
            .json();
    assert_eq!(info["existing_account"], false, "{info}");
    let activate = |password: &str| {
        browser(Method::POST, "/api/v1/activation")
            .set_json(json!({"token": token, "birth_date": "1991-05-17", "password": password}))
    };
    let res = send(&app, activate("kort")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "the password policy applies");
    let res = send(&app, activate("lange zin met woorden")).await;
    assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.text());
    let res = send(
        &app,
        browser(Method::POST, "/api/v1/auth/login")
            .set_json(json!({"email": LISA, "password": "lange zin met woorden"})),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["role"], "employee");
    assert_eq!(res.json()["memberships"].as_array().unwrap().len(), 1, "one membership, not two");
    let me = get(&app, &fatima, "/api/v1/professionals?q=lisa").await.json();
    assert_eq!(me["items"][0]["activated"], true);
    let linked = poort::entities::informal_carer::Entity::find_by_id(carer.id)
        .one(&t.state.db.read)
        .await
        .unwrap()
        .unwrap();
    assert!(linked.user_id.is_some(), "her carer record now has her account");

    let audit = get(&app, &fatima, "/api/v1/audit").await.json();
    let actions: Vec<&str> =
        audit["items"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert!(actions.contains(&"professional_created"), "{actions:?}");
    assert!(actions.contains(&"invitation_accepted"), "{actions:?}");
}

#[actix_web::test]
async fn a_professional_with_an_account_elsewhere_keeps_it() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let eva = login(&app, EVA).await;
    // Anna (De Linde) also does odd jobs at Van Dijk: linked, not a second account.
    let res = call(
        &app,
        &eva,
        Method::POST,
        "/api/v1/professionals",
        json!({"name": "A. Jansen", "email": ANNA, "job_title": "Schoonmaker", "role": "employee",
            "birth_date": "1990-01-01", "mobile": "06 0000 0101"}),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    assert_eq!(res.json()["name"], "Anna Jansen", "her own account, with her own name");
    assert_eq!(res.json()["activated"], true);
    let anna = login(&app, ANNA).await;
    assert_eq!(get(&app, &anna, "/api/v1/me").await.json()["memberships"].as_array().unwrap().len(), 2);
}

#[actix_web::test]
async fn administrators_keep_teams_and_main_contacts_remove_members_of_their_own_team_only() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let (anna, fatima, eva) = (login(&app, ANNA).await, login(&app, FATIMA).await, login(&app, EVA).await);
    let daan = login(&app, DAAN).await;
    let (noord, zuid) =
        (team_id(&app, &fatima, "Wijkteam Noord").await, team_id(&app, &fatima, "Wijkteam Zuid").await);
    let anna_m = membership_of(&app, &fatima, ANNA).await;
    let daan_m = membership_of(&app, &fatima, DAAN).await;
    let noor_m = membership_of(&app, &fatima, NOOR).await;
    let eva_m = membership_of(&app, &eva, EVA).await;
    assert_eq!(
        member_names(&app, &anna, &noord).await,
        ["Anna Jansen", "Daan Meijer", "Mark de Vries", "Sophie Bakker"]
    );

    let main = |id: &str| format!("/api/v1/teams/{noord}/members/{id}");
    let res = call(&app, &anna, Method::PUT, &main(&anna_m), json!({"main_contact": true})).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "administrators name main contacts");
    let res = call(&app, &fatima, Method::PUT, &main(&anna_m), json!({"main_contact": true})).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json(), json!({"membership_id": anna_m, "name": "Anna Jansen", "main_contact": true}));
    let res = call(&app, &fatima, Method::PUT, &main(&noor_m), json!({"main_contact": true})).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND, "Noor is not in Noord");

    // Anna, main contact of Noord, cannot touch Zuid; Daan, a plain member, not even Noord.
    let res =
        send(&app, anna.on(browser(Method::DELETE, &format!("/api/v1/teams/{zuid}/members/{noor_m}")))).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert!(member_names(&app, &anna, &zuid).await.contains(&"Noor Willems".to_string()));
    let res = send(&app, daan.on(browser(Method::DELETE, &main(&anna_m)))).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    // Another organisation's team is not there at all.
    assert_eq!(
        get(&app, &eva, &format!("/api/v1/teams/{noord}/members")).await.status,
        StatusCode::NOT_FOUND
    );
    let res = send(&app, eva.on(browser(Method::DELETE, &main(&daan_m)))).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    let res = call(
        &app,
        &eva,
        Method::POST,
        &format!("/api/v1/teams/{noord}/members"),
        json!({"membership_id": eva_m}),
    )
    .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);

    let res = send(&app, anna.on(browser(Method::DELETE, &main(&daan_m)))).await;
    assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.text());
    assert!(!member_names(&app, &anna, &noord).await.contains(&"Daan Meijer".to_string()));
    assert_eq!(
        send(&app, anna.on(browser(Method::DELETE, &main(&daan_m)))).await.status,
        StatusCode::NOT_FOUND
    );
    // He keeps his place in the organisation.
    assert_eq!(membership_of(&app, &fatima, DAAN).await, daan_m);
    assert_eq!(get(&app, &daan, "/api/v1/me").await.status, StatusCode::OK);

    let zuid_members = format!("/api/v1/teams/{zuid}/members");
    let add = |body: Value| call(&app, &fatima, Method::POST, &zuid_members, body);
    let res = add(json!({"membership_id": daan_m, "main_contact": true})).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    assert_eq!(res.json()["main_contact"], true);
    let res = add(json!({"membership_id": daan_m})).await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(res.json()["fields"]["membership_id"]["code"], "already_in_team");
    let res = add(json!({"membership_id": eva_m})).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["membership_id"]["code"], "unknown_member");
    let res = call(
        &app,
        &anna,
        Method::POST,
        &format!("/api/v1/teams/{zuid}/members"),
        json!({"membership_id": anna_m}),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    // Daan, now main contact of Zuid, removes someone there.
    let res =
        send(&app, daan.on(browser(Method::DELETE, &format!("/api/v1/teams/{zuid}/members/{noor_m}")))).await;
    assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.text());

    let audit = get(&app, &fatima, "/api/v1/audit").await.json();
    let actions: Vec<&str> =
        audit["items"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    for action in ["team_main_contact_set", "team_member_removed", "team_member_added"] {
        assert!(actions.contains(&action), "{action} in {actions:?}");
    }
}
