//! API clients: created by rights managers, tokens by client credentials,
//! scoped, tenant-bound, revocable at once; never a person's session.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use common::*;
use serde_json::json;

#[actix_web::test]
async fn an_integration_reads_its_own_organisations_teams_within_its_scope() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let fatima = login(&app, FATIMA).await;
    let anna = login(&app, ANNA).await;
    let body = json!({"name": "Planningssysteem Nedap", "scopes": ["organisation:read"]});
    assert_eq!(
        send(&app, anna.on(browser(Method::POST, "/api/v1/api-clients")).set_json(body.clone())).await.status,
        StatusCode::FORBIDDEN
    );
    let res = send(&app, fatima.on(browser(Method::POST, "/api/v1/api-clients")).set_json(body)).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let created = res.json();
    let id = created["client"]["id"].as_str().unwrap().to_string();
    let secret = created["client_secret"].as_str().unwrap().to_string();
    // The secret is shown once: the list never has it.
    let list = send(&app, fatima.on(browser(Method::GET, "/api/v1/api-clients"))).await;
    assert!(!list.text().contains(&secret));

    let token_req = |secret: &str| {
        actix_web::test::TestRequest::post()
            .uri("/api/v1/auth/client-token")
            .set_json(json!({"client_id": id, "client_secret": secret}))
    };
    assert_eq!(send(&app, token_req("wrong")).await.status, StatusCode::UNAUTHORIZED);
    let res = send(&app, token_req(&secret)).await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json()["scope"], "organisation:read");
    let token = res.json()["access_token"].as_str().unwrap().to_string();

    let teams = send(&app, bearer(Method::GET, "/api/v1/teams", &token)).await;
    assert_eq!(teams.status, StatusCode::OK, "{}", teams.text());
    let body = teams.json();
    let names: Vec<&str> =
        body["items"].as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert_eq!(names, vec!["Wijkteam Noord", "Wijkteam Zuid"]);
    // A client token is not a person: /me and person-only endpoints refuse it.
    assert_eq!(send(&app, bearer(Method::GET, "/api/v1/me", &token)).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        send(&app, bearer(Method::GET, "/api/v1/members", &token)).await.status,
        StatusCode::UNAUTHORIZED
    );

    // Revoked: the very next request fails, and no new token is issued.
    let res = send(&app, fatima.on(browser(Method::DELETE, &format!("/api/v1/api-clients/{id}")))).await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(
        send(&app, bearer(Method::GET, "/api/v1/teams", &token)).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(send(&app, token_req(&secret)).await.status, StatusCode::UNAUTHORIZED);
}

#[actix_web::test]
async fn clients_belong_to_one_organisation() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let eva = login(&app, EVA).await;
    let res = send(
        &app,
        eva.on(browser(Method::POST, "/api/v1/api-clients"))
            .set_json(json!({"name": "Loket", "scopes": ["organisation:read"]})),
    )
    .await;
    let id = res.json()["client"]["id"].as_str().unwrap().to_string();
    let fatima = login(&app, FATIMA).await;
    assert_eq!(
        send(&app, fatima.on(browser(Method::DELETE, &format!("/api/v1/api-clients/{id}")))).await.status,
        StatusCode::NOT_FOUND
    );
    let secret = res.json()["client_secret"].as_str().unwrap().to_string();
    let token = send(
        &app,
        actix_web::test::TestRequest::post()
            .uri("/api/v1/auth/client-token")
            .set_json(json!({"client_id": id, "client_secret": secret})),
    )
    .await
    .json()["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    let teams = send(&app, bearer(Method::GET, "/api/v1/teams", &token)).await.json();
    let names: Vec<&str> =
        teams["items"].as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert_eq!(names, vec!["Kantoor", "Uitvoering"]);
    let bad = json!({"name": "x", "scopes": []});
    assert_eq!(
        send(&app, eva.on(browser(Method::POST, "/api/v1/api-clients")).set_json(bad)).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let unknown = json!({"name": "x", "scopes": ["payroll:write:everything"]});
    assert_eq!(
        send(&app, eva.on(browser(Method::POST, "/api/v1/api-clients")).set_json(unknown)).await.status,
        StatusCode::BAD_REQUEST
    );
}
