//! `/api/v1/organisations`, `/api/v1/teams`, `/api/v1/members`.

use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use shared::{
    Page,
    accounts::Invitation,
    error::ErrorBody,
    organisations::{
        AuditEntry, Member, MemberUpdate, NewMainContact, NewOrganisation, NewTeam, Organisation, Team,
    },
};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::service;
use crate::{
    audit::ClientInfo, auth::Actor, error::ApiError, integrations::caller::Caller, pagination::PageQuery,
    state::AppState,
};
use shared::integrations::ApiScope;

/// Registers this capability's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_organisations)
        .service(create_organisation)
        .service(invite_main_contact)
        .service(get_organisation)
        .service(list_teams)
        .service(create_team)
        .service(get_team)
        .service(list_members)
        .service(update_member)
        .service(audit_trail)
        .service(temporary_password);
}

/// The organisations you belong to (the helpdesk: all).
#[utoipa::path(
    tag = "organisations",
    params(PageQuery),
    responses((status = 200, body = Page<Organisation>), (status = 401, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/organisations")]
async fn list_organisations(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<PageQuery>,
) -> Result<web::Json<Page<Organisation>>, ApiError> {
    Ok(web::Json(service::list_organisations(&state, &actor, &q).await?))
}

/// Create an organisation (platform helpdesk only), with Poort's standard security
/// settings. Then invite its first main contact.
#[utoipa::path(
    tag = "organisations",
    request_body = NewOrganisation,
    responses(
        (status = 201, body = Organisation),
        (status = 403, body = ErrorBody),
        (status = 409, description = "The name is taken (`name_taken`)", body = ErrorBody),
        (status = 422, body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/organisations")]
async fn create_organisation(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: web::Json<NewOrganisation>,
) -> Result<HttpResponse, ApiError> {
    let org =
        service::create_organisation(&state, &actor, body.into_inner(), &ClientInfo::from_request(&req))
            .await?;
    Ok(HttpResponse::Created()
        .insert_header(("location", format!("/api/v1/organisations/{}", org.id)))
        .json(org))
}

/// Invite an organisation's first main contact, who gets all three rights (platform
/// helpdesk only). The invitation mail and activation work as for any invitation.
#[utoipa::path(
    tag = "organisations",
    params(("id" = Uuid, Path, description = "Organisation id")),
    request_body = NewMainContact,
    responses(
        (status = 201, body = Invitation),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "The organisation has a main contact or an open invitation for one", body = ErrorBody),
        (status = 422, body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/organisations/{id}/main-contact")]
async fn invite_main_contact(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<Uuid>,
    body: web::Json<NewMainContact>,
) -> Result<HttpResponse, ApiError> {
    let invitation = crate::accounts::invitations::invite_main_contact(
        &state,
        &actor,
        id.into_inner(),
        body.into_inner(),
        &ClientInfo::from_request(&req),
    )
    .await?;
    Ok(HttpResponse::Created().json(invitation))
}

/// One of your organisations.
#[utoipa::path(
    tag = "organisations",
    params(("id" = Uuid, Path, description = "Organisation id")),
    responses((status = 200, body = Organisation), (status = 404, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/organisations/{id}")]
async fn get_organisation(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> Result<web::Json<Organisation>, ApiError> {
    Ok(web::Json(service::get_organisation(&state, &actor, id.into_inner()).await?))
}

/// The teams of your organisation, by name. API clients need `organisation:read`.
#[utoipa::path(
    tag = "teams",
    params(PageQuery),
    responses((status = 200, body = Page<Team>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []), ("client" = ["organisation:read"]))
)]
#[get("/teams")]
async fn list_teams(
    state: web::Data<AppState>,
    caller: Caller,
    q: web::Query<PageQuery>,
) -> Result<web::Json<Page<Team>>, ApiError> {
    caller.require_scope(ApiScope::OrganisationRead)?;
    Ok(web::Json(service::list_teams(&state, caller.scope(), &q).await?))
}

/// Create a team (needs the *manage rights* right).
#[utoipa::path(
    tag = "teams",
    request_body = NewTeam,
    responses(
        (status = 201, body = Team),
        (status = 403, body = ErrorBody),
        (status = 409, description = "The name is taken", body = ErrorBody),
        (status = 422, body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/teams")]
async fn create_team(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: web::Json<NewTeam>,
) -> Result<HttpResponse, ApiError> {
    let team =
        service::create_team(&state, &actor, body.into_inner(), &ClientInfo::from_request(&req)).await?;
    Ok(HttpResponse::Created().insert_header(("location", format!("/api/v1/teams/{}", team.id))).json(team))
}

/// One team of your organisation.
#[utoipa::path(
    tag = "teams",
    params(("id" = Uuid, Path, description = "Team id")),
    responses((status = 200, body = Team), (status = 404, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/teams/{id}")]
async fn get_team(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> Result<web::Json<Team>, ApiError> {
    Ok(web::Json(service::get_team(&state, &actor, id.into_inner()).await?))
}

/// The members of your organisation (needs the *manage rights* right).
#[utoipa::path(
    tag = "organisations",
    params(PageQuery),
    responses((status = 200, body = Page<Member>), (status = 403, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/members")]
async fn list_members(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<PageQuery>,
) -> Result<web::Json<Page<Member>>, ApiError> {
    Ok(web::Json(service::list_members(&state, &actor, &q).await?))
}

/// Change a member's role and rights (needs *manage rights*; only rights you hold;
/// not your own). Takes effect on the member's very next request.
#[utoipa::path(
    tag = "organisations",
    params(("id" = Uuid, Path, description = "Membership id")),
    request_body = MemberUpdate,
    responses((status = 200, body = Member), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[put("/members/{id}")]
async fn update_member(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<Uuid>,
    body: web::Json<MemberUpdate>,
) -> Result<web::Json<Member>, ApiError> {
    let member = service::update_member(
        &state,
        &actor,
        id.into_inner(),
        body.into_inner(),
        &ClientInfo::from_request(&req),
    )
    .await?;
    Ok(web::Json(member))
}

/// Your organisation's audit trail: sign-ins, failures, locks, resets, rights granted
/// and revoked, invitations (needs *manage rights*).
#[utoipa::path(
    tag = "organisations",
    params(service::AuditQuery),
    responses((status = 200, body = Page<AuditEntry>), (status = 403, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/audit")]
async fn audit_trail(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<service::AuditQuery>,
) -> Result<web::Json<Page<AuditEntry>>, ApiError> {
    Ok(web::Json(service::audit_trail(&state, &actor, &q).await?))
}

/// Give a member a temporary password, shown once; they must change it at their next
/// sign-in. Their sessions end and a lock is lifted (needs *manage rights*).
#[utoipa::path(
    tag = "organisations",
    params(("id" = Uuid, Path, description = "Membership id")),
    responses((status = 200, body = shared::auth::TemporaryPassword), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/members/{id}/temporary-password")]
async fn temporary_password(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<Uuid>,
) -> Result<web::Json<shared::auth::TemporaryPassword>, ApiError> {
    Ok(web::Json(
        service::temporary_password(&state, &actor, id.into_inner(), &ClientInfo::from_request(&req)).await?,
    ))
}
