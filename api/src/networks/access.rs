//! Who is in a client's network. A professional is in it through a membership of theirs
//! (any organisation they belong to), an informal carer through their account. Everyone
//! else — other organisations, the platform helpdesk — gets 404: the client does not
//! exist for them. Only coordinators acting in the membership that coordinates may change
//! the network.

use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect,
    sea_query::{Condition, Query, SelectStatement},
};
use uuid::Uuid;

use crate::{
    auth::Actor,
    entities::{care_client, care_network_entry, informal_carer, membership},
    error::ApiError,
};

/// The caller's place in one network.
#[derive(Debug, Clone)]
pub struct Access {
    /// The caller's own entries (professional through any membership, or carer).
    pub mine: Vec<care_network_entry::Model>,
    /// The membership the caller acts in now, if any.
    pub current_membership: Option<Uuid>,
}

impl Access {
    /// Whether the caller coordinates this network in the organisation they act in now.
    pub fn coordinates(&self) -> bool {
        self.mine
            .iter()
            .any(|e| e.coordinator && e.membership_id.is_some() && e.membership_id == self.current_membership)
    }

    /// 403 unless the caller coordinates (they are in the network, so 404 would lie).
    pub fn require_coordinator(&self) -> Result<(), ApiError> {
        if self.coordinates() { Ok(()) } else { Err(ApiError::forbidden()) }
    }
}

/// The caller's memberships, as a subquery.
pub fn my_memberships(actor: &Actor) -> SelectStatement {
    Query::select()
        .column(membership::Column::Id)
        .from(membership::Entity)
        .and_where(membership::Column::UserId.eq(actor.user_id))
        .to_owned()
}

/// The informal carers that are the caller, as a subquery.
pub fn my_carers(actor: &Actor) -> SelectStatement {
    Query::select()
        .column(informal_carer::Column::Id)
        .from(informal_carer::Entity)
        .and_where(informal_carer::Column::UserId.eq(actor.user_id))
        .to_owned()
}

/// Entries that are the caller (uses the membership and carer indexes).
pub fn mine_condition(actor: &Actor) -> Condition {
    Condition::any()
        .add(care_network_entry::Column::MembershipId.in_subquery(my_memberships(actor)))
        .add(care_network_entry::Column::CarerId.in_subquery(my_carers(actor)))
}

/// The membership the actor's session acts in.
pub async fn current_membership(db: &impl ConnectionTrait, actor: &Actor) -> Result<Option<Uuid>, DbErr> {
    membership::Entity::find()
        .select_only()
        .column(membership::Column::Id)
        .filter(membership::Column::UserId.eq(actor.user_id))
        .filter(membership::Column::OrganisationId.eq(actor.organisation_id))
        .into_tuple::<Uuid>()
        .one(db)
        .await
}

/// The client and the caller's place in its network, or 404 when the caller is not in it.
pub async fn in_network(
    db: &impl ConnectionTrait,
    actor: &Actor,
    client_id: Uuid,
) -> Result<(care_client::Model, Access), ApiError> {
    let mine = care_network_entry::Entity::find()
        .filter(care_network_entry::Column::ClientId.eq(client_id))
        .filter(mine_condition(actor))
        .all(db)
        .await?;
    if mine.is_empty() {
        return Err(ApiError::not_found());
    }
    let client = care_client::Entity::find_by_id(client_id).one(db).await?.ok_or_else(ApiError::not_found)?;
    let current_membership = current_membership(db, actor).await?;
    Ok((client, Access { mine, current_membership }))
}

/// The client and the caller's place, or 404 / 403 unless the caller coordinates it.
pub async fn as_coordinator(
    db: &impl ConnectionTrait,
    actor: &Actor,
    client_id: Uuid,
) -> Result<(care_client::Model, Access), ApiError> {
    let (client, access) = in_network(db, actor, client_id).await?;
    access.require_coordinator()?;
    Ok((client, access))
}

/// Whether the caller coordinates any network in the organisation they act in now (who
/// may look for similar informal carers).
pub async fn coordinates_any(db: &impl ConnectionTrait, actor: &Actor) -> Result<bool, DbErr> {
    let Some(m) = current_membership(db, actor).await? else { return Ok(false) };
    Ok(care_network_entry::Entity::find()
        .select_only()
        .column(care_network_entry::Column::Id)
        .filter(care_network_entry::Column::MembershipId.eq(m))
        .filter(care_network_entry::Column::Coordinator.eq(true))
        .into_tuple::<Uuid>()
        .one(db)
        .await?
        .is_some())
}
