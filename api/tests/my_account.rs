//! My account: change password, see and end sessions.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use common::*;
use serde_json::json;

#[actix_web::test]
async fn changing_the_password_keeps_this_session_and_ends_the_others() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let laptop = login(&app, ANNA).await;
    let phone = login(&app, ANNA).await;
    let change = |current: &str, new: &str| {
        laptop
            .on(browser(Method::POST, "/api/v1/me/password"))
            .set_json(json!({"current_password": current, "new_password": new}))
    };
    let res = send(&app, change("fout", "paarden eten graag hooi")).await;
    assert_eq!(res.json()["fields"]["current_password"]["code"], "wrong_password");
    let res = send(&app, change(PASSWORD, "wachtwoord123")).await;
    assert_eq!(res.json()["fields"]["new_password"]["code"], "common");
    let res = send(&app, change(PASSWORD, "paarden eten graag hooi")).await;
    assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.text());
    assert_eq!(send(&app, laptop.on(browser(Method::GET, "/api/v1/me"))).await.status, StatusCode::OK);
    assert_eq!(
        send(&app, phone.on(browser(Method::GET, "/api/v1/me"))).await.status,
        StatusCode::UNAUTHORIZED
    );
    let old =
        browser(Method::POST, "/api/v1/auth/login").set_json(json!({"email": ANNA, "password": PASSWORD}));
    assert_eq!(send(&app, old).await.status, StatusCode::UNAUTHORIZED);
}

#[actix_web::test]
async fn people_see_their_own_sessions_and_end_any_or_all() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let laptop = login(&app, ANNA).await;
    let phone = login(&app, ANNA).await;
    let tablet = login(&app, ANNA).await;
    let list = send(&app, laptop.on(browser(Method::GET, "/api/v1/me/sessions"))).await.json();
    let sessions = list.as_array().unwrap();
    assert_eq!(sessions.len(), 3);
    assert_eq!(sessions.iter().filter(|s| s["current"] == true).count(), 1);
    assert_eq!(sessions[0]["organisation_name"], "Thuiszorg De Linde");

    // End the phone's session (the newest but one).
    let phone_id = sessions[1]["id"].as_str().unwrap();
    let res =
        send(&app, laptop.on(browser(Method::DELETE, &format!("/api/v1/me/sessions/{phone_id}")))).await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    assert_eq!(
        send(&app, phone.on(browser(Method::GET, "/api/v1/me"))).await.status,
        StatusCode::UNAUTHORIZED
    );

    // Someone else's session id is not found.
    let eva = login(&app, EVA).await;
    let tablet_id = sessions[0]["id"].as_str().unwrap();
    let res = send(&app, eva.on(browser(Method::DELETE, &format!("/api/v1/me/sessions/{tablet_id}")))).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(send(&app, tablet.on(browser(Method::GET, "/api/v1/me"))).await.status, StatusCode::OK);

    let res =
        send(&app, laptop.on(browser(Method::POST, "/api/v1/me/sessions/end-others")).set_json(json!({})))
            .await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    assert_eq!(
        send(&app, tablet.on(browser(Method::GET, "/api/v1/me"))).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(send(&app, laptop.on(browser(Method::GET, "/api/v1/me"))).await.status, StatusCode::OK);
}
