//! `Caller`: a signed-in person or an API client, for the endpoints that
//! integrations may call too. Everything else takes an `Actor` (people only).

use std::{future::Future, pin::Pin};

use actix_web::{FromRequest, HttpRequest, dev::Payload, web};

use sea_orm::EntityTrait;
use shared::integrations::ApiScope;
use uuid::Uuid;

use crate::{
    auth::{Actor, Scope, actor::bearer_or_cookie},
    entities::api_client,
    error::ApiError,
    state::AppState,
};

/// An authenticated API client.
#[derive(Debug, Clone)]
pub struct ClientActor {
    /// The client id.
    pub client_id: Uuid,
    /// Its organisation.
    pub organisation_id: Uuid,
    /// Its name, for history and exports.
    pub name: String,
    /// What it may do.
    pub scopes: Vec<ApiScope>,
}

/// Who is calling.
#[derive(Debug, Clone)]
pub enum Caller {
    /// A person with a session.
    Person(Actor),
    /// An integration.
    Client(ClientActor),
}

impl Caller {
    /// The tenant of every query.
    pub fn scope(&self) -> Scope {
        match self {
            Self::Person(a) => a.scope(),
            Self::Client(c) => Scope::for_client(c.organisation_id),
        }
    }

    /// People pass (their own rules apply in the service); clients need `scope`.
    pub fn require_scope(&self, scope: ApiScope) -> Result<(), ApiError> {
        match self {
            Self::Person(_) => Ok(()),
            Self::Client(c) if c.scopes.contains(&scope) => Ok(()),
            Self::Client(_) => Err(ApiError::forbidden()),
        }
    }
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = bearer_or_cookie(req);
        let method = req.method().clone();
        let path = req.path().to_string();
        // The token is verified once here; people continue from the verified claims.
        Box::pin(async move {
            let state = state.ok_or_else(|| ApiError::internal("AppState missing"))?;
            let token = token.ok_or_else(ApiError::unauthenticated)?;
            let now = state.clock.now();
            let claims = state.keys.verify(&token, now).ok_or_else(ApiError::unauthenticated)?;
            let Some(scope) = claims.scope.clone() else {
                return Actor::from_claims(&state, &claims, &method, &path).await.map(Caller::Person);
            };
            // The client row decides: a revoked client's tokens stop working at once.
            let client = api_client::Entity::find_by_id(claims.sub)
                .one(&state.db.read)
                .await?
                .filter(|c| c.revoked_at.is_none() && c.organisation_id == claims.org)
                .ok_or_else(ApiError::unauthenticated)?;
            let granted: Vec<ApiScope> = client.scopes.split(' ').filter_map(ApiScope::parse).collect();
            let scopes =
                scope.split(' ').filter_map(ApiScope::parse).filter(|s| granted.contains(s)).collect();
            Ok(Caller::Client(ClientActor {
                client_id: client.id,
                organisation_id: client.organisation_id,
                name: client.name,
                scopes,
            }))
        })
    }
}
