//! `/api/v1/organisation-categories`, `/api/v1/organisations/{id}/profile`,
//! `/api/v1/professionals`, `/api/v1/teams/{id}/members`.

use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};
use shared::{
    Page,
    error::ErrorBody,
    networks::{
        NewOrganisationCategory, NewProfessional, NewTeamMember, OrganisationCategory, OrganisationProfile,
        OrganisationProfileUpdate, Professional, TeamMember, TeamMemberUpdate,
    },
};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{categories, professionals, professionals::ProfessionalQuery, profile, team_members};
use crate::{audit::ClientInfo, auth::Actor, error::ApiError, state::AppState};

/// Registers this capability's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_categories)
        .service(create_category)
        .service(get_profile)
        .service(update_profile)
        .service(create_professional)
        .service(list_professionals)
        .service(list_team_members)
        .service(add_team_member)
        .service(update_team_member)
        .service(remove_team_member);
}

/// The organisation categories (home care, GP, district team, …), by Dutch name.
#[utoipa::path(
    tag = "care organisations",
    responses((status = 200, body = Vec<OrganisationCategory>), (status = 401, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/organisation-categories")]
async fn list_categories(
    state: web::Data<AppState>,
    _actor: Actor,
) -> Result<web::Json<Vec<OrganisationCategory>>, ApiError> {
    Ok(web::Json(categories::list(&state).await?))
}

/// Add an organisation category (platform helpdesk only).
#[utoipa::path(
    tag = "care organisations",
    request_body = NewOrganisationCategory,
    responses(
        (status = 201, body = OrganisationCategory),
        (status = 403, body = ErrorBody),
        (status = 409, description = "The code exists (`code_taken`)", body = ErrorBody),
        (status = 422, body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/organisation-categories")]
async fn create_category(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: web::Json<NewOrganisationCategory>,
) -> Result<HttpResponse, ApiError> {
    let category =
        categories::create(&state, &actor, body.into_inner(), &ClientInfo::from_request(&req)).await?;
    Ok(HttpResponse::Created().json(category))
}

/// An organisation's care profile: category, address, phone (any signed-in person: it is
/// what networks show).
#[utoipa::path(
    tag = "care organisations",
    params(("id" = Uuid, Path, description = "Organisation id")),
    responses((status = 200, body = OrganisationProfile), (status = 404, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/organisations/{id}/profile")]
async fn get_profile(
    state: web::Data<AppState>,
    _actor: Actor,
    id: web::Path<Uuid>,
) -> Result<web::Json<OrganisationProfile>, ApiError> {
    Ok(web::Json(profile::get(&state, id.into_inner()).await?))
}

/// Replace an organisation's care profile. The helpdesk sets any organisation's; an
/// administrator their own organisation's address and phone (sending its category
/// unchanged: changing it is 403 on `category`). Absent fields are cleared.
#[utoipa::path(
    tag = "care organisations",
    params(("id" = Uuid, Path, description = "Organisation id")),
    request_body = OrganisationProfileUpdate,
    responses(
        (status = 200, body = OrganisationProfile),
        (status = 403, description = "Not an administrator, or a category change (`helpdesk_only`)", body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, description = "`unknown_category`, `address.postcode` `invalid_postcode`, …", body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[put("/organisations/{id}/profile")]
async fn update_profile(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<Uuid>,
    body: web::Json<OrganisationProfileUpdate>,
) -> Result<web::Json<OrganisationProfile>, ApiError> {
    let saved =
        profile::update(&state, &actor, id.into_inner(), body.into_inner(), &ClientInfo::from_request(&req))
            .await?;
    Ok(web::Json(saved))
}

/// Create a professional in your organisation (administrator): the profile exists at
/// once, and an invitation mail lets them activate the account.
#[utoipa::path(
    tag = "care organisations",
    request_body = NewProfessional,
    responses(
        (status = 201, body = Professional),
        (status = 403, body = ErrorBody),
        (status = 409, description = "Already a member (`already_member`) or invited (`open_invitation`)", body = ErrorBody),
        (status = 422, body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/professionals")]
async fn create_professional(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    body: web::Json<NewProfessional>,
) -> Result<HttpResponse, ApiError> {
    let made =
        professionals::create(&state, &actor, body.into_inner(), &ClientInfo::from_request(&req)).await?;
    Ok(HttpResponse::Created().json(made))
}

/// The professionals of your organisation by name, with functions and teams.
#[utoipa::path(
    tag = "care organisations",
    params(ProfessionalQuery),
    responses((status = 200, body = Page<Professional>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/professionals")]
async fn list_professionals(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<ProfessionalQuery>,
) -> Result<web::Json<Page<Professional>>, ApiError> {
    Ok(web::Json(professionals::list(&state, &actor, &q).await?))
}

/// A team's members with their functions and who the main contacts are.
#[utoipa::path(
    tag = "teams",
    params(("id" = Uuid, Path, description = "Team id")),
    responses((status = 200, body = Vec<TeamMember>), (status = 404, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/teams/{id}/members")]
async fn list_team_members(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<TeamMember>>, ApiError> {
    Ok(web::Json(team_members::list(&state, &actor, id.into_inner()).await?))
}

/// Add a member of your organisation to a team (administrator).
#[utoipa::path(
    tag = "teams",
    params(("id" = Uuid, Path, description = "Team id")),
    request_body = NewTeamMember,
    responses(
        (status = 201, body = TeamMember),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "Already in the team (`already_in_team`)", body = ErrorBody),
        (status = 422, body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/teams/{id}/members")]
async fn add_team_member(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    id: web::Path<Uuid>,
    body: web::Json<NewTeamMember>,
) -> Result<HttpResponse, ApiError> {
    let added = team_members::add(
        &state,
        &actor,
        id.into_inner(),
        body.into_inner(),
        &ClientInfo::from_request(&req),
    )
    .await?;
    Ok(HttpResponse::Created().json(added))
}

/// Make a team member a main contact, or not (administrator).
#[utoipa::path(
    tag = "teams",
    params(
        ("id" = Uuid, Path, description = "Team id"),
        ("membership_id" = Uuid, Path, description = "Membership id"),
    ),
    request_body = TeamMemberUpdate,
    responses((status = 200, body = TeamMember), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[put("/teams/{id}/members/{membership_id}")]
async fn update_team_member(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    path: web::Path<(Uuid, Uuid)>,
    body: web::Json<TeamMemberUpdate>,
) -> Result<web::Json<TeamMember>, ApiError> {
    let (team_id, membership_id) = path.into_inner();
    let client = ClientInfo::from_request(&req);
    Ok(web::Json(
        team_members::update(&state, &actor, team_id, membership_id, body.into_inner(), &client).await?,
    ))
}

/// Take someone out of a team (an administrator, or a main contact of this team); they
/// stay a member of the organisation.
#[utoipa::path(
    tag = "teams",
    params(
        ("id" = Uuid, Path, description = "Team id"),
        ("membership_id" = Uuid, Path, description = "Membership id"),
    ),
    responses(
        (status = 204, description = "Removed from the team"),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[delete("/teams/{id}/members/{membership_id}")]
async fn remove_team_member(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: Actor,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (team_id, membership_id) = path.into_inner();
    team_members::remove(&state, &actor, team_id, membership_id, &ClientInfo::from_request(&req)).await?;
    Ok(HttpResponse::NoContent().finish())
}
