//! Client queries, limited to one organisation.

use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, ExprTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::{Expr, Func},
};
use shared::hours::ClientRef;
use uuid::Uuid;

use crate::{auth::Scope, entities::client};

/// Active clients by name, optionally matching `search` in the name or municipality.
pub async fn list(
    db: &impl ConnectionTrait,
    scope: Scope,
    search: Option<&str>,
    after: Option<(String, Uuid)>,
    limit: u64,
) -> Result<Vec<ClientRef>, DbErr> {
    let mut q = client::Entity::find()
        .filter(client::Column::OrganisationId.eq(scope.organisation_id()))
        .filter(client::Column::Active.eq(true))
        .order_by_asc(client::Column::Name)
        .order_by_asc(client::Column::Id)
        .limit(limit + 1);
    if let Some(s) = search.map(str::trim).filter(|s| !s.is_empty()) {
        let pattern = format!("%{}%", s.to_lowercase().replace(['%', '_'], ""));
        q = q.filter(
            Expr::expr(Func::lower(Expr::col(client::Column::Name)))
                .like(pattern.clone())
                .or(Expr::expr(Func::lower(Expr::col(client::Column::Municipality))).like(pattern)),
        );
    }
    if let Some((name, id)) = after {
        q = q.filter(
            client::Column::Name
                .gt(name.clone())
                .or(client::Column::Name.eq(name).and(client::Column::Id.gt(id))),
        );
    }
    Ok(q.all(db)
        .await?
        .into_iter()
        .map(|c| ClientRef { id: c.id, name: c.name, municipality: c.municipality })
        .collect())
}
