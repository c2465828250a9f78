//! `/api/v1/care-clients/…` and `/api/v1/informal-carers/similar`. Thin handlers; access
//! and rules are in the modules beside. Every client endpoint answers 404 to anyone not in
//! the client's network, the platform helpdesk included.

use std::collections::BTreeMap;

use actix_web::{HttpMessage, HttpRequest, HttpResponse, delete, get, post, put, web};
use serde::Serialize;
use shared::{
    Page,
    error::{ErrorBody, ErrorKind, FieldError},
    networks::{
        AddInformalCarer, AddOrganisation, AddProfessional, CareClientSummary, CoordinatorsUpdate,
        ModulesUpdate, Network, NetworkEvent, NewCareClient, NewInformalCarer, OrganisationHit,
        ProfessionalHit, SimilarPerson,
    },
};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{
    access, carers,
    clients::{self, ClientQuery},
    coordinators,
    entries::{self, CarerOutcome},
    history,
    search::{self, OrganisationSearch, ProfessionalSearch},
};
use crate::{
    auth::Actor, error::ApiError, http::request_context::RequestId, pagination::PageQuery, state::AppState,
};

/// Registers this capability's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_clients)
        .service(create_client)
        .service(get_client)
        .service(put_modules)
        .service(organisation_search)
        .service(professional_search)
        .service(add_organisation)
        .service(add_professional)
        .service(add_carer)
        .service(similar_carers)
        .service(put_coordinators)
        .service(remove_entry)
        .service(get_history);
}

/// The 409 body when a new informal carer looks like existing ones: the standard error
/// shape plus the persons, so the form can offer to link one of them.
#[derive(Debug, Serialize, ToSchema)]
pub struct SimilarPersonsError {
    /// `conflict`.
    pub error: ErrorKind,
    /// Explanation.
    pub message: String,
    /// `person`: code `similar_persons`.
    pub fields: BTreeMap<String, FieldError>,
    /// The existing carers who may be this person.
    pub similar: Vec<SimilarPerson>,
    /// The request id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// The clients whose network you are in, by name (keyset-paged).
#[utoipa::path(tag = "care-networks", params(ClientQuery), responses((status = 200, body = Page<CareClientSummary>), (status = 401, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/care-clients")]
async fn list_clients(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<ClientQuery>,
) -> Result<web::Json<Page<CareClientSummary>>, ApiError> {
    Ok(web::Json(clients::list(&state, &actor, &q).await?))
}

/// Add a client (care coordinators of an organisation with a profile category): you
/// become the primary coordinator and your organisation joins the network.
#[utoipa::path(
    tag = "care-networks",
    request_body = NewCareClient,
    responses(
        (status = 201, body = Network),
        (status = 403, description = "Not a care coordinator, or the organisation has no category", body = ErrorBody),
        (status = 422, description = "e.g. `modules`: `unknown_category`; `address.postcode`: `invalid_postcode`", body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/care-clients")]
async fn create_client(
    state: web::Data<AppState>,
    actor: Actor,
    body: web::Json<NewCareClient>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(clients::create(&state, &actor, body.into_inner()).await?))
}

/// A client and their network (for everyone in it).
#[utoipa::path(tag = "care-networks", params(("id" = Uuid, Path, description = "Client id")), responses((status = 200, body = Network), (status = 404, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/care-clients/{id}")]
async fn get_client(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> Result<web::Json<Network>, ApiError> {
    Ok(web::Json(clients::get(&state, &actor, id.into_inner()).await?))
}

/// Switch modules on or off (coordinators).
#[utoipa::path(
    tag = "care-networks",
    params(("id" = Uuid, Path, description = "Client id")),
    request_body = ModulesUpdate,
    responses(
        (status = 200, body = Network),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`version`: `stale`", body = ErrorBody),
        (status = 422, description = "`modules`: `unknown_category` or `module_in_use`", body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[put("/care-clients/{id}/modules")]
async fn put_modules(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: web::Json<ModulesUpdate>,
) -> Result<web::Json<Network>, ApiError> {
    Ok(web::Json(clients::set_modules(&state, &actor, id.into_inner(), body.into_inner()).await?))
}

/// Organisations in care networks, nearest to the client first (coordinators).
#[utoipa::path(tag = "care-networks", params(("id" = Uuid, Path, description = "Client id"), OrganisationSearch), responses((status = 200, body = Vec<OrganisationHit>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/care-clients/{id}/organisation-search")]
async fn organisation_search(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    q: web::Query<OrganisationSearch>,
) -> Result<web::Json<Vec<OrganisationHit>>, ApiError> {
    Ok(web::Json(search::organisations(&state, &actor, id.into_inner(), &q).await?))
}

/// Professionals by name, organisation or function, nearest to the client first (coordinators).
#[utoipa::path(tag = "care-networks", params(("id" = Uuid, Path, description = "Client id"), ProfessionalSearch), responses((status = 200, body = Vec<ProfessionalHit>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, description = "`q`: `too_short`", body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/care-clients/{id}/professional-search")]
async fn professional_search(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    q: web::Query<ProfessionalSearch>,
) -> Result<web::Json<Vec<ProfessionalHit>>, ApiError> {
    Ok(web::Json(search::professionals(&state, &actor, id.into_inner(), &q).await?))
}

/// Add an organisation whose category is one of the client's modules (coordinators).
#[utoipa::path(
    tag = "care-networks",
    params(("id" = Uuid, Path, description = "Client id")),
    request_body = AddOrganisation,
    responses(
        (status = 201, body = Network),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`organisation_id`: `already_in_network`", body = ErrorBody),
        (status = 422, description = "`organisation_id`: `module_off` or `not_found`", body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/care-clients/{id}/network/organisations")]
async fn add_organisation(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: web::Json<AddOrganisation>,
) -> Result<HttpResponse, ApiError> {
    let network = entries::add_organisation(&state, &actor, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(network))
}

/// Add a professional, and their organisation when it is not in the network yet (coordinators).
#[utoipa::path(
    tag = "care-networks",
    params(("id" = Uuid, Path, description = "Client id")),
    request_body = AddProfessional,
    responses(
        (status = 201, body = Network),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`membership_id`: `already_in_network`", body = ErrorBody),
        (status = 422, description = "`membership_id`: `module_off` or `not_found`", body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/care-clients/{id}/network/professionals")]
async fn add_professional(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: web::Json<AddProfessional>,
) -> Result<HttpResponse, ApiError> {
    let network = entries::add_professional(&state, &actor, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(network))
}

/// Link an existing informal carer or add a new one (coordinators). A new person who
/// looks like existing carers is refused with 409 and the list, unless `create_anyway`.
#[utoipa::path(
    tag = "care-networks",
    params(("id" = Uuid, Path, description = "Client id")),
    request_body = AddInformalCarer,
    responses(
        (status = 201, body = Network),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`person`: `similar_persons` (with `similar`), or `existing_id`: `already_in_network`", body = SimilarPersonsError),
        (status = 422, body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[post("/care-clients/{id}/network/informal-carers")]
async fn add_carer(
    req: HttpRequest,
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: web::Json<AddInformalCarer>,
) -> Result<HttpResponse, ApiError> {
    match entries::add_carer(&state, &actor, id.into_inner(), body.into_inner()).await? {
        CarerOutcome::Added(network) => Ok(HttpResponse::Created().json(network)),
        CarerOutcome::Similar(similar) => {
            let message = "Persons like this one exist: link one of them, or add anyway";
            let body = SimilarPersonsError {
                error: ErrorKind::Conflict,
                message: message.into(),
                fields: [(
                    "person".to_string(),
                    FieldError { code: "similar_persons".into(), message: message.into() },
                )]
                .into(),
                similar,
                request_id: req.extensions().get::<RequestId>().map(|r| r.0.clone()),
            };
            Ok(HttpResponse::Conflict().insert_header(("cache-control", "no-store")).json(body))
        }
    }
}

/// Existing informal carers who are probably this person (care coordinators).
#[utoipa::path(tag = "care-networks", request_body = NewInformalCarer, responses((status = 200, body = Vec<SimilarPerson>), (status = 403, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[post("/informal-carers/similar")]
async fn similar_carers(
    state: web::Data<AppState>,
    actor: Actor,
    body: web::Json<NewInformalCarer>,
) -> Result<web::Json<Vec<SimilarPerson>>, ApiError> {
    Ok(web::Json(carers::similar_for(&state, &actor, body.into_inner()).await?))
}

/// Set who coordinates, exactly one primary (coordinators): a handover.
#[utoipa::path(
    tag = "care-networks",
    params(("id" = Uuid, Path, description = "Client id")),
    request_body = CoordinatorsUpdate,
    responses(
        (status = 200, body = Network),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, description = "`coordinators`: `no_coordinator`, `no_primary`, `several_primaries`, `duplicate` or `not_eligible`", body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[put("/care-clients/{id}/coordinators")]
async fn put_coordinators(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: web::Json<CoordinatorsUpdate>,
) -> Result<web::Json<Network>, ApiError> {
    Ok(web::Json(coordinators::set(&state, &actor, id.into_inner(), body.into_inner()).await?))
}

/// Remove an entry (coordinators), or yourself.
#[utoipa::path(
    tag = "care-networks",
    params(("id" = Uuid, Path, description = "Client id"), ("entry_id" = Uuid, Path, description = "Network entry id")),
    responses(
        (status = 204),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`entry_id`: `primary_coordinator` or `has_professionals`", body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[delete("/care-clients/{id}/network/{entry_id}")]
async fn remove_entry(
    state: web::Data<AppState>,
    actor: Actor,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (id, entry_id) = path.into_inner();
    entries::remove(&state, &actor, id, entry_id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The network's history, newest first (for everyone in it).
#[utoipa::path(tag = "care-networks", params(("id" = Uuid, Path, description = "Client id"), PageQuery), responses((status = 200, body = Page<NetworkEvent>), (status = 404, body = ErrorBody)), security(("cookie" = []), ("bearer" = [])))]
#[get("/care-clients/{id}/history")]
async fn get_history(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    q: web::Query<PageQuery>,
) -> Result<web::Json<Page<NetworkEvent>>, ApiError> {
    let id = id.into_inner();
    let db = &state.db.read;
    access::in_network(db, &actor, id).await?;
    Ok(web::Json(history::list(db, id, &q).await?))
}
