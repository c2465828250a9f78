//! Tenancy: the organisation comes from the session, never the request; another
//! organisation's objects answer 404; rights gate what members may do.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use common::*;
use serde_json::json;

#[actix_web::test]
async fn teams_are_listed_per_organisation_with_member_counts() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let anna = login(&app, ANNA).await;
    let res = send(&app, anna.on(browser(Method::GET, "/api/v1/teams"))).await;
    assert_eq!(res.status, StatusCode::OK);
    let teams = res.json();
    let names: Vec<&str> =
        teams["items"].as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert_eq!(names, vec!["Wijkteam Noord", "Wijkteam Zuid"]);
    // Noord: Anna, Daan, Mark, Sophie; Zuid: Noor, Mark, Sophie (the demo data).
    assert_eq!(teams["items"][0]["member_count"], 4);
    assert_eq!(teams["items"][1]["member_count"], 3);
    assert!(teams.get("next_cursor").is_none());
}

#[actix_web::test]
async fn another_organisations_team_and_organisation_answer_404() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let anna = login(&app, ANNA).await;
    let linde_team =
        send(&app, anna.on(browser(Method::GET, "/api/v1/teams"))).await.json()["items"][0]["id"].clone();
    let linde_org =
        send(&app, anna.on(browser(Method::GET, "/api/v1/me"))).await.json()["organisation_id"].clone();
    let own =
        send(&app, anna.on(browser(Method::GET, &format!("/api/v1/teams/{}", linde_team.as_str().unwrap()))))
            .await;
    assert_eq!(own.status, StatusCode::OK);

    let eva = login(&app, EVA).await;
    for path in [
        format!("/api/v1/teams/{}", linde_team.as_str().unwrap()),
        format!("/api/v1/organisations/{}", linde_org.as_str().unwrap()),
    ] {
        let res = send(&app, eva.on(browser(Method::GET, &path))).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(res.error_kind(), "not_found");
    }
    let eva_teams = send(&app, eva.on(browser(Method::GET, "/api/v1/teams"))).await.json();
    assert!(eva_teams["items"].as_array().unwrap().iter().all(|t| t["id"] != linde_team));
    let orgs = send(&app, eva.on(browser(Method::GET, "/api/v1/organisations"))).await.json();
    assert_eq!(orgs["items"].as_array().unwrap().len(), 1);
}

#[actix_web::test]
async fn only_rights_managers_create_teams_in_their_own_organisation() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let anna = login(&app, ANNA).await;
    let res = send(
        &app,
        anna.on(browser(Method::POST, "/api/v1/teams")).set_json(json!({"name": "Wijkteam Oost"})),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(res.error_kind(), "forbidden");

    let fatima = login(&app, FATIMA).await;
    let res = send(
        &app,
        fatima.on(browser(Method::POST, "/api/v1/teams")).set_json(json!({"name": "  Wijkteam Oost "})),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let team = res.json();
    assert_eq!(team["name"], "Wijkteam Oost");
    assert_eq!(res.header("location").unwrap(), format!("/api/v1/teams/{}", team["id"].as_str().unwrap()));

    // The tenant comes from the session: a body naming another organisation is refused outright.
    let res = send(
        &app,
        fatima
            .on(browser(Method::POST, "/api/v1/teams"))
            .set_json(json!({"name": "Sneaky", "organisation_id": uuid::Uuid::now_v7()})),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.json()["message"].as_str().unwrap().contains("unknown field"));

    let res = send(
        &app,
        fatima.on(browser(Method::POST, "/api/v1/teams")).set_json(json!({"name": "Wijkteam Oost"})),
    )
    .await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    let res =
        send(&app, fatima.on(browser(Method::POST, "/api/v1/teams")).set_json(json!({"name": "   "}))).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["fields"]["name"]["code"], "required");

    // Van Dijk can have its own "Wijkteam Oost": names are unique per organisation only.
    let eva = login(&app, EVA).await;
    let res =
        send(&app, eva.on(browser(Method::POST, "/api/v1/teams")).set_json(json!({"name": "Wijkteam Oost"})))
            .await;
    assert_eq!(res.status, StatusCode::CREATED);
    let names: Vec<String> = send(&app, anna.on(browser(Method::GET, "/api/v1/teams"))).await.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, vec!["Wijkteam Noord", "Wijkteam Oost", "Wijkteam Zuid"]);
}

#[actix_web::test]
async fn team_lists_page_with_a_cursor() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let fatima = login(&app, FATIMA).await;
    for i in 0..5 {
        let res = send(
            &app,
            fatima.on(browser(Method::POST, "/api/v1/teams")).set_json(json!({"name": format!("Team {i}")})),
        )
        .await;
        assert_eq!(res.status, StatusCode::CREATED);
    }
    let mut seen = Vec::new();
    let mut path = "/api/v1/teams?limit=3".to_string();
    loop {
        let page = send(&app, fatima.on(browser(Method::GET, &path))).await.json();
        for t in page["items"].as_array().unwrap() {
            seen.push(t["name"].as_str().unwrap().to_string());
        }
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/api/v1/teams?limit=3&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(
        seen,
        vec!["Team 0", "Team 1", "Team 2", "Team 3", "Team 4", "Wijkteam Noord", "Wijkteam Zuid"]
    );
    let res = send(&app, fatima.on(browser(Method::GET, "/api/v1/teams?cursor=tampered"))).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    let res = send(&app, fatima.on(browser(Method::GET, "/api/v1/teams?sort=name"))).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
}

#[actix_web::test]
async fn members_are_visible_to_rights_managers_only() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let anna = login(&app, ANNA).await;
    assert_eq!(
        send(&app, anna.on(browser(Method::GET, "/api/v1/members"))).await.status,
        StatusCode::FORBIDDEN
    );
    let fatima = login(&app, FATIMA).await;
    let res = send(&app, fatima.on(browser(Method::GET, "/api/v1/members"))).await;
    assert_eq!(res.status, StatusCode::OK);
    let members = res.json();
    let emails: Vec<&str> =
        members["items"].as_array().unwrap().iter().map(|m| m["email"].as_str().unwrap()).collect();
    // De Linde's demo people: six from the hours demo and Rachid, the care networks' second coordinator.
    assert_eq!(emails.len(), 7, "{emails:?}");
    assert!(emails.contains(&"rachid.bouzid@delinde.example"), "{emails:?}");
    assert!(emails.iter().all(|e| e.ends_with("@delinde.example")));
}

#[actix_web::test]
async fn the_helpdesk_sees_every_organisation_and_sets_the_status_message() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let res = send(&app, browser(Method::GET, "/api/v1/status")).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.json().get("message").is_none());

    let anna = login(&app, ANNA).await;
    let res =
        send(&app, anna.on(browser(Method::PUT, "/api/v1/status")).set_json(json!({"message": "Storing"})))
            .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);

    let helpdesk = login(&app, HELPDESK).await;
    let orgs = send(&app, helpdesk.on(browser(Method::GET, "/api/v1/organisations"))).await.json();
    assert_eq!(orgs["items"].as_array().unwrap().len(), 5);
    let msg = "Inloggen met sms-code is vertraagd";
    let res =
        send(&app, helpdesk.on(browser(Method::PUT, "/api/v1/status")).set_json(json!({"message": msg})))
            .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(send(&app, browser(Method::GET, "/api/v1/status")).await.json()["message"], msg);
    let too_long = "x".repeat(501);
    let res = send(
        &app,
        helpdesk.on(browser(Method::PUT, "/api/v1/status")).set_json(json!({"message": too_long})),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(send(&app, browser(Method::GET, "/api/v1/status")).await.json()["message"], msg);
    let res =
        send(&app, helpdesk.on(browser(Method::PUT, "/api/v1/status")).set_json(json!({"message": ""})))
            .await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(send(&app, browser(Method::GET, "/api/v1/status")).await.json().get("message").is_none());
}
