//! Per-organisation security settings, required second factors and temporary passwords.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use actix_web::http::{Method, StatusCode};
use common::*;
use serde_json::json;

#[actix_web::test]
async fn settings_say_when_they_are_weaker_than_the_standard() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let fatima = login(&app, FATIMA).await;
    let res = send(&app, fatima.on(browser(Method::GET, "/api/v1/organisation/security"))).await.json();
    assert_eq!(
        res,
        json!({"password_policy": {"profile": "standard", "min_length": 12}, "lockout": null, "require_second_factor": false, "activation_proof": "birth_date", "weaker_than_standard": false})
    );
    let eva = login(&app, EVA).await;
    let res = send(&app, eva.on(browser(Method::GET, "/api/v1/organisation/security"))).await.json();
    assert_eq!(res["password_policy"], json!({"profile": "legacy"}));
    assert_eq!(res["lockout"], json!({"failures": 3, "minutes": 60}));
    assert_eq!(res["weaker_than_standard"], true);
    assert_eq!(res["activation_proof"], "sms_pin", "Van Dijk activates with an SMS PIN (seed 002)");
    let anna = login(&app, ANNA).await;
    assert_eq!(
        send(&app, anna.on(browser(Method::GET, "/api/v1/organisation/security"))).await.status,
        StatusCode::FORBIDDEN
    );

    for (body, field) in [
        (
            json!({"password_policy": {"profile": "standard", "min_length": 4}, "lockout": null, "require_second_factor": false}),
            "password_policy.min_length",
        ),
        (
            json!({"password_policy": {"profile": "standard", "min_length": 12}, "lockout": {"failures": 0, "minutes": 60}, "require_second_factor": false}),
            "lockout.failures",
        ),
    ] {
        let res =
            send(&app, fatima.on(browser(Method::PUT, "/api/v1/organisation/security")).set_json(body)).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(res.json()["fields"][field]["code"], "out_of_range");
    }
}

#[actix_web::test]
async fn the_legacy_profile_applies_seed_004s_rules_to_password_changes() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let pieter = login(&app, "pieter.smit@vandijkbouw.example").await;
    let change = |new: &str| {
        pieter
            .on(browser(Method::POST, "/api/v1/me/password"))
            .set_json(json!({"current_password": PASSWORD, "new_password": new}))
    };
    assert_eq!(
        send(&app, change("Zomer2026@")).await.json()["fields"]["new_password"]["code"],
        "forbidden_character"
    );
    assert_eq!(
        send(&app, change("zomerzomer")).await.json()["fields"]["new_password"]["code"],
        "too_few_character_classes"
    );
    assert_eq!(
        send(&app, change("Zomer2026!Zomer2026!")).await.json()["fields"]["new_password"]["code"],
        "too_long"
    );
    // Live feedback while signed in follows the organisation's rules too.
    let check = send(
        &app,
        pieter
            .on(browser(Method::POST, "/api/v1/password-check"))
            .set_json(json!({"password": "Zomer2026@"})),
    )
    .await
    .json();
    assert_eq!(check["problems"], json!([{"problem": "forbidden_character"}]));
    // Ten characters: too short for the standard, fine for the legacy profile.
    assert_eq!(send(&app, change("Zomer2026!")).await.status, StatusCode::NO_CONTENT);
}

#[actix_web::test]
async fn a_required_second_factor_must_be_set_up_before_anything_else() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let fatima = login(&app, FATIMA).await;
    let anna = login(&app, ANNA).await;
    let body = json!({"password_policy": {"profile": "standard", "min_length": 12}, "lockout": null, "require_second_factor": true});
    assert_eq!(
        send(&app, fatima.on(browser(Method::PUT, "/api/v1/organisation/security")).set_json(body))
            .await
            .status,
        StatusCode::OK
    );

    let res = send(&app, anna.on(browser(Method::GET, "/api/v1/teams"))).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(res.error_kind(), "second_factor_setup_required");
    let me = send(&app, anna.on(browser(Method::GET, "/api/v1/me"))).await.json();
    assert_eq!(me["must_set_up_second_factor"], true);

    let key = send(&app, anna.on(browser(Method::POST, "/api/v1/me/totp")).set_json(json!({}))).await.json()
        ["manual_key"]
        .as_str()
        .unwrap()
        .to_string();
    let secret = totp_rs::Secret::try_from_base32(&key).unwrap().as_bytes().to_vec();
    let code = poort::auth::totp::code_at(&secret, poort::clock::Clock::now(&t.clock)).unwrap();
    assert_eq!(
        send(&app, anna.on(browser(Method::POST, "/api/v1/me/totp/confirm")).set_json(json!({"code": code})))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(send(&app, anna.on(browser(Method::GET, "/api/v1/teams"))).await.status, StatusCode::OK);
}

#[actix_web::test]
async fn a_temporary_password_must_be_changed_at_the_next_sign_in() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let fatima = login(&app, FATIMA).await;
    let old = login(&app, ANNA).await;
    let members = send(&app, fatima.on(browser(Method::GET, "/api/v1/members"))).await.json();
    let anna_id = members["items"].as_array().unwrap().iter().find(|m| m["email"] == ANNA).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let fatima_id = members["items"].as_array().unwrap().iter().find(|m| m["email"] == FATIMA).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let res = send(
        &app,
        fatima
            .on(browser(Method::POST, &format!("/api/v1/members/{fatima_id}/temporary-password")))
            .set_json(json!({})),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "not for yourself");
    let res = send(
        &app,
        fatima
            .on(browser(Method::POST, &format!("/api/v1/members/{anna_id}/temporary-password")))
            .set_json(json!({})),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK);
    let temporary = res.json()["temporary_password"].as_str().unwrap().to_string();
    assert_eq!(temporary.len(), 16);
    assert_eq!(send(&app, old.on(browser(Method::GET, "/api/v1/me"))).await.status, StatusCode::UNAUTHORIZED);

    let res = send(
        &app,
        browser(Method::POST, "/api/v1/auth/login").set_json(json!({"email": ANNA, "password": temporary})),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json()["must_change_password"], true);
    let anna = Session { cookies: res.cookies() };
    let res = send(&app, anna.on(browser(Method::GET, "/api/v1/teams"))).await;
    assert_eq!(res.error_kind(), "password_change_required");
    let res = send(
        &app,
        anna.on(browser(Method::POST, "/api/v1/me/password"))
            .set_json(json!({"current_password": temporary, "new_password": "paarden eten graag hooi"})),
    )
    .await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    assert_eq!(send(&app, anna.on(browser(Method::GET, "/api/v1/teams"))).await.status, StatusCode::OK);
    assert_eq!(
        send(&app, anna.on(browser(Method::GET, "/api/v1/me"))).await.json()["must_change_password"],
        false
    );
}

#[actix_web::test]
async fn another_organisations_member_gets_no_temporary_password() {
    let t = TestApp::new().await;
    let app = t.service().await;
    let fatima = login(&app, FATIMA).await;
    let members = send(&app, fatima.on(browser(Method::GET, "/api/v1/members"))).await.json();
    let anna_id = members["items"].as_array().unwrap().iter().find(|m| m["email"] == ANNA).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let eva = login(&app, EVA).await;
    let res = send(
        &app,
        eva.on(browser(Method::POST, &format!("/api/v1/members/{anna_id}/temporary-password")))
            .set_json(json!({})),
    )
    .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    // Nothing changed: Anna still signs in with her own password.
    assert_eq!(
        send(
            &app,
            browser(Method::POST, "/api/v1/auth/login")
                .set_json(json!({"email": ANNA, "password": PASSWORD}))
        )
        .await
        .status,
        StatusCode::OK
    );
}
