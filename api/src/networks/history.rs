//! The network's history: one event per change, written in the same transaction as the
//! change, so the history can never miss or invent one.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use shared::{Page, networks::NetworkEvent};
use std::collections::HashMap;
use uuid::Uuid;

use crate::{
    entities::{care_network_event, user},
    error::ApiError,
    pagination::{self, PageQuery},
};

/// The client was added.
pub const CLIENT_CREATED: &str = "client_created";
/// Modules switched on or off.
pub const MODULES_CHANGED: &str = "modules_changed";
/// An organisation joined.
pub const ORGANISATION_ADDED: &str = "organisation_added";
/// An organisation left.
pub const ORGANISATION_REMOVED: &str = "organisation_removed";
/// A professional joined.
pub const PROFESSIONAL_ADDED: &str = "professional_added";
/// A professional left.
pub const PROFESSIONAL_REMOVED: &str = "professional_removed";
/// An informal carer joined.
pub const CARER_ADDED: &str = "carer_added";
/// An informal carer left.
pub const CARER_REMOVED: &str = "carer_removed";
/// Coordinators changed.
pub const COORDINATORS_CHANGED: &str = "coordinators_changed";

/// Records one change of `client_id`'s network; call inside the change's transaction.
pub async fn record(
    db: &impl ConnectionTrait,
    client_id: Uuid,
    actor_user_id: Option<Uuid>,
    action: &str,
    subject: Option<String>,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    care_network_event::ActiveModel {
        id: Set(Uuid::now_v7()),
        client_id: Set(client_id),
        at: Set(at),
        actor_user_id: Set(actor_user_id),
        action: Set(action.to_string()),
        // The column holds 300 characters; a long list of names is cut, not refused.
        subject: Set(subject.map(|s| s.chars().take(300).collect())),
    }
    .insert(db)
    .await
    .map(|_| ())
}

/// The client's history, newest first, keyset-paged by event id (UUIDv7, so by time).
pub async fn list(
    db: &impl ConnectionTrait,
    client_id: Uuid,
    page: &PageQuery,
) -> Result<Page<NetworkEvent>, ApiError> {
    let after: Option<Uuid> = page.decode()?;
    let mut find = care_network_event::Entity::find()
        .filter(care_network_event::Column::ClientId.eq(client_id))
        .order_by_desc(care_network_event::Column::Id)
        .limit(page.limit() + 1);
    if let Some(id) = after {
        find = find.filter(care_network_event::Column::Id.lt(id));
    }
    let rows = find.all(db).await?;
    let (rows, next_cursor) = pagination::page(rows, page.limit(), |e| e.id);
    let ids: Vec<Uuid> = rows.iter().filter_map(|e| e.actor_user_id).collect();
    let names: HashMap<Uuid, String> = if ids.is_empty() {
        HashMap::new()
    } else {
        user::Entity::find()
            .select_only()
            .column(user::Column::Id)
            .column(user::Column::Name)
            .filter(user::Column::Id.is_in(ids))
            .into_tuple::<(Uuid, String)>()
            .all(db)
            .await?
            .into_iter()
            .collect()
    };
    let items = rows
        .into_iter()
        .map(|e| NetworkEvent {
            id: e.id,
            at: e.at,
            actor_name: e.actor_user_id.and_then(|u| names.get(&u).cloned()),
            action: e.action,
            subject: e.subject,
        })
        .collect();
    Ok(Page { items, next_cursor })
}
