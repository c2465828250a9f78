//! Finding organisations and professionals for a network, nearest to the client first.
//! The distance order is computed in SQL as plain arithmetic on the latitude/longitude
//! columns, `(lat - lat0)² + ((lon - lon0)·k)²` with `k = geo::longitude_factor(lat0)`
//! bound as a value, so both databases sort the same without a geo extension and without
//! a query per row; only the returned rows get a great-circle distance in Rust.

use std::collections::HashSet;

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QuerySelect,
    sea_query::{Alias, Expr, Func, JoinType, Order, Query, SelectStatement},
};
use serde::Deserialize;
use shared::networks::{OrganisationHit, ProfessionalHit, geo};
use utoipa::IntoParams;
use uuid::Uuid;

use super::{access, like_pattern, parse_modules};
use crate::{
    auth::Actor,
    entities::{care_client, care_network_entry},
    error::{ApiError, Validation},
    state::AppState,
};

/// Default number of hits.
pub const DEFAULT_LIMIT: u64 = 10;
/// At most this many hits.
pub const MAX_LIMIT: u64 = 25;

/// Query of `GET /api/v1/care-clients/{id}/organisation-search`.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct OrganisationSearch {
    /// Only this category.
    pub category: Option<String>,
    /// Part of the organisation's name.
    pub q: Option<String>,
    /// Hits, 1–25 (default 10).
    pub limit: Option<u64>,
}

/// Query of `GET /api/v1/care-clients/{id}/professional-search`.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ProfessionalSearch {
    /// At least 2 characters of the name, organisation name or function.
    pub q: Option<String>,
    /// Hits, 1–25 (default 10).
    pub limit: Option<u64>,
}

fn col(table: &str, c: &str) -> Expr {
    Expr::col((Alias::new(table), Alias::new(c)))
}

/// Orders `q` nearest to the client first; organisations without coordinates come last.
fn order_by_distance(q: &mut SelectStatement, client: &care_client::Model) {
    let k = geo::longitude_factor(client.latitude);
    let dlat = col("o", "latitude").sub(client.latitude);
    let dlon = col("o", "longitude").sub(client.longitude).mul(k);
    q.order_by_expr(col("o", "latitude").is_null(), Order::Asc)
        .order_by_expr(dlat.clone().mul(dlat).add(dlon.clone().mul(dlon)), Order::Asc);
}

fn distance(client: &care_client::Model, lat: Option<f64>, lon: Option<f64>) -> Option<f64> {
    let (lat, lon) = (lat?, lon?);
    // One decimal: the region centres are not more precise than that.
    Some((geo::distance_km((client.latitude, client.longitude), (lat, lon)) * 10.0).round() / 10.0)
}

async fn subject_keys(db: &impl ConnectionTrait, client_id: Uuid) -> Result<HashSet<String>, ApiError> {
    Ok(care_network_entry::Entity::find()
        .select_only()
        .column(care_network_entry::Column::SubjectKey)
        .filter(care_network_entry::Column::ClientId.eq(client_id))
        .into_tuple::<String>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// Organisations in care networks, nearest first (coordinators).
pub async fn organisations(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    s: &OrganisationSearch,
) -> Result<Vec<OrganisationHit>, ApiError> {
    let db = &state.db.read;
    let (client, _) = access::as_coordinator(db, actor, id).await?;
    let limit = s.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
    let mut q = Query::select();
    q.expr_as(col("o", "id"), Alias::new("id"))
        .expr_as(col("o", "name"), Alias::new("name"))
        .expr_as(col("o", "category"), Alias::new("category"))
        .expr_as(col("o", "city"), Alias::new("city"))
        .expr_as(col("o", "latitude"), Alias::new("latitude"))
        .expr_as(col("o", "longitude"), Alias::new("longitude"))
        .from_as(Alias::new("organisations"), Alias::new("o"))
        .and_where(col("o", "category").is_not_null())
        .limit(limit);
    if let Some(c) = s.category.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        q.and_where(col("o", "category").eq(c));
    }
    if let Some(p) = s.q.as_deref().and_then(like_pattern) {
        q.and_where(Expr::expr(Func::lower(col("o", "name"))).like(p));
    }
    order_by_distance(&mut q, &client);
    q.order_by_expr(col("o", "name"), Order::Asc).order_by_expr(col("o", "id"), Order::Asc);
    let keys = subject_keys(db, id).await?;
    let rows = db.query_all(&q).await?;
    rows.into_iter()
        .map(|r| {
            let id: Uuid = r.try_get("", "id")?;
            Ok(OrganisationHit {
                id,
                name: r.try_get("", "name")?,
                category: r.try_get("", "category")?,
                city: r.try_get("", "city")?,
                distance_km: distance(&client, r.try_get("", "latitude")?, r.try_get("", "longitude")?),
                in_network: keys.contains(&format!("organisation:{id}")),
            })
        })
        .collect::<Result<_, sea_orm::DbErr>>()
        .map_err(ApiError::from)
}

/// Professionals of organisations in care networks matching `q`, nearest first (coordinators).
pub async fn professionals(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    s: &ProfessionalSearch,
) -> Result<Vec<ProfessionalHit>, ApiError> {
    let db = &state.db.read;
    let (client, _) = access::as_coordinator(db, actor, id).await?;
    let text = s.q.as_deref().map(str::trim).unwrap_or_default();
    let Some(p) = like_pattern(text).filter(|_| text.chars().count() >= 2) else {
        let mut v = Validation::default();
        v.add_code("q", "too_short", "type at least 2 characters".into());
        v.finish()?;
        return Ok(vec![]);
    };
    let limit = s.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
    let mut q = Query::select();
    q.expr_as(col("m", "id"), Alias::new("membership_id"))
        .expr_as(col("m", "job_title"), Alias::new("job_title"))
        .expr_as(col("u", "name"), Alias::new("name"))
        .expr_as(col("o", "id"), Alias::new("organisation_id"))
        .expr_as(col("o", "name"), Alias::new("organisation_name"))
        .expr_as(col("o", "category"), Alias::new("category"))
        .expr_as(col("o", "city"), Alias::new("city"))
        .expr_as(col("o", "latitude"), Alias::new("latitude"))
        .expr_as(col("o", "longitude"), Alias::new("longitude"))
        .from_as(Alias::new("memberships"), Alias::new("m"))
        .join_as(
            JoinType::InnerJoin,
            Alias::new("users"),
            Alias::new("u"),
            col("u", "id").equals((Alias::new("m"), Alias::new("user_id"))),
        )
        .join_as(
            JoinType::InnerJoin,
            Alias::new("organisations"),
            Alias::new("o"),
            col("o", "id").equals((Alias::new("m"), Alias::new("organisation_id"))),
        )
        .and_where(col("o", "category").is_not_null())
        .and_where(
            Expr::expr(Func::lower(col("u", "name")))
                .like(p.clone())
                .or(Expr::expr(Func::lower(col("o", "name"))).like(p.clone()))
                .or(Expr::expr(Func::lower(col("m", "job_title"))).like(p)),
        )
        .limit(limit);
    order_by_distance(&mut q, &client);
    q.order_by_expr(col("u", "name"), Order::Asc).order_by_expr(col("m", "id"), Order::Asc);
    let keys = subject_keys(db, id).await?;
    let modules = parse_modules(&client.modules);
    let rows = db.query_all(&q).await?;
    rows.into_iter()
        .map(|r| {
            let membership_id: Uuid = r.try_get("", "membership_id")?;
            let category: String = r.try_get("", "category")?;
            Ok(ProfessionalHit {
                membership_id,
                name: r.try_get("", "name")?,
                job_title: r.try_get("", "job_title")?,
                organisation_id: r.try_get("", "organisation_id")?,
                organisation_name: r.try_get("", "organisation_name")?,
                module_on: modules.contains(&category),
                category,
                city: r.try_get("", "city")?,
                distance_km: distance(&client, r.try_get("", "latitude")?, r.try_get("", "longitude")?),
                in_network: keys.contains(&format!("professional:{membership_id}")),
            })
        })
        .collect::<Result<_, sea_orm::DbErr>>()
        .map_err(ApiError::from)
}
