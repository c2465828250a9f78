//! The organisations side of care networks (seed 003): the category list the helpdesk
//! keeps, organisation profiles (category, address, phone), professionals an
//! administrator creates in their own organisation, and team members with main contacts.
//! The networks around clients live in `networks`.

pub mod address;
pub mod categories;
pub mod professionals;
pub mod profile;
pub mod routes;
pub mod team_members;

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use shared::auth::{Right, Role};
use uuid::Uuid;

use crate::{
    auth::Actor,
    entities::{informal_carer, organisation},
    error::ApiError,
};

/// An organisation's administrator (beheerder): the role, or the right to manage rights
/// that main contacts and employers with all rights hold.
pub fn is_administrator(actor: &Actor) -> bool {
    actor.role == Role::Administrator || actor.has(Right::ManageRights)
}

/// 403 unless the actor administers their current organisation.
pub fn require_administrator(actor: &Actor) -> Result<(), ApiError> {
    if is_administrator(actor) { Ok(()) } else { Err(ApiError::forbidden()) }
}

/// Whether the menu offers care networks: the organisation the person acts in has a care
/// category, or the person is an informal carer in some network.
pub async fn networks_enabled(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    user_id: Uuid,
) -> Result<bool, DbErr> {
    let categorised = organisation::Entity::find_by_id(organisation_id)
        .filter(organisation::Column::Category.is_not_null())
        .one(db)
        .await?
        .is_some();
    if categorised {
        return Ok(true);
    }
    Ok(informal_carer::Entity::find()
        .filter(informal_carer::Column::UserId.eq(user_id))
        .one(db)
        .await?
        .is_some())
}
