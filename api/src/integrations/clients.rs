//! Creating, listing and revoking API clients, and their client-credentials token.

use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set, sea_query::Expr};
use shared::{
    auth::Right,
    integrations::{ApiClient, ApiScope, ClientToken, CreatedApiClient, NewApiClient},
    validation::check_name,
};
use uuid::Uuid;

use crate::{
    audit::{self, ClientInfo, Event},
    auth::{Actor, tokens},
    entities::api_client,
    error::{ApiError, Validation},
    state::AppState,
};

fn to_api(c: api_client::Model) -> ApiClient {
    ApiClient {
        id: c.id,
        name: c.name,
        scopes: c.scopes.split(' ').filter_map(ApiScope::parse).collect(),
        created_at: c.created_at,
        last_used_at: c.last_used_at,
        revoked_at: c.revoked_at,
    }
}

/// Creates a client (needs *manage rights*); the secret is returned this once.
pub async fn create(
    state: &AppState,
    actor: &Actor,
    new: NewApiClient,
    client: &ClientInfo,
) -> Result<CreatedApiClient, ApiError> {
    actor.require(Right::ManageRights)?;
    let mut v = Validation::default();
    v.check("name", check_name(&new.name, 100));
    if new.scopes.is_empty() {
        v.add_code("scopes", "required", "choose at least one scope".into());
    }
    v.finish()?;
    let mut scopes = new.scopes.clone();
    scopes.sort();
    scopes.dedup();
    let secret = tokens::random_token();
    let now = state.clock.now();
    let model = api_client::ActiveModel {
        id: Set(Uuid::now_v7()),
        organisation_id: Set(actor.organisation_id),
        name: Set(new.name.trim().to_string()),
        secret_hash: Set(tokens::token_hash(&secret)),
        scopes: Set(scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ")),
        created_by: Set(Some(actor.user_id)),
        created_at: Set(now),
        revoked_at: Set(None),
        last_used_at: Set(None),
    }
    .insert(&state.db.write)
    .await?;
    audit::record(
        &state.db.write,
        Event::by(actor, "api_client_created", Some(model.id.to_string())),
        client,
        now,
    )
    .await?;
    Ok(CreatedApiClient { client: to_api(model), client_secret: secret })
}

/// The organisation's clients, newest first (needs *manage rights*).
pub async fn list(state: &AppState, actor: &Actor) -> Result<Vec<ApiClient>, ApiError> {
    actor.require(Right::ManageRights)?;
    Ok(api_client::Entity::find()
        .filter(api_client::Column::OrganisationId.eq(actor.organisation_id))
        .order_by_desc(api_client::Column::Id)
        .all(&state.db.read)
        .await?
        .into_iter()
        .map(to_api)
        .collect())
}

/// Revokes a client; its tokens stop working on their next request.
pub async fn revoke(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    client: &ClientInfo,
) -> Result<ApiClient, ApiError> {
    actor.require(Right::ManageRights)?;
    let c = api_client::Entity::find_by_id(id)
        .filter(api_client::Column::OrganisationId.eq(actor.organisation_id))
        .one(&state.db.write)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let now = state.clock.now();
    let mut m: api_client::ActiveModel = c.into();
    m.revoked_at = Set(Some(now));
    let saved = m.update(&state.db.write).await?;
    audit::record(
        &state.db.write,
        Event::by(actor, "api_client_revoked", Some(saved.id.to_string())),
        client,
        now,
    )
    .await?;
    Ok(to_api(saved))
}

/// Exchanges a client id and secret for a short-lived token (OAuth 2 client credentials).
pub async fn token(state: &AppState, id: Uuid, secret: &str) -> Result<ClientToken, ApiError> {
    let now = state.clock.now();
    // One answer for unknown ids, wrong secrets and revoked clients.
    let c = api_client::Entity::find_by_id(id)
        .one(&state.db.read)
        .await?
        .filter(|c| c.revoked_at.is_none() && c.secret_hash == tokens::token_hash(secret))
        .ok_or_else(ApiError::invalid_credentials)?;
    api_client::Entity::update_many()
        .col_expr(api_client::Column::LastUsedAt, Expr::value(now))
        .filter(api_client::Column::Id.eq(c.id))
        .exec(&state.db.write)
        .await?;
    let ttl = state.config.access_token_ttl_secs;
    let access_token = state
        .keys
        .issue_client(c.id, c.organisation_id, c.scopes.clone(), now, ttl)
        .map_err(ApiError::internal)?;
    Ok(ClientToken { access_token, token_type: "Bearer".into(), expires_in: ttl, scope: c.scopes })
}
