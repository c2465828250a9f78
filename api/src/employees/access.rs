//! Who may do what with employee records. Employers and administrators with *manage
//! employee data* see and change the records of their organisation; everyone else sees
//! only their own record (via `/me`). A record outside the caller's view does not exist
//! for them (404).

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use shared::auth::{Right, Role};
use uuid::Uuid;

use crate::{auth::Actor, entities::employee_record, error::ApiError};

/// Whether the actor manages the employee data of their organisation.
pub fn manages(actor: &Actor) -> bool {
    matches!(actor.role, Role::Employer | Role::Administrator) && actor.has(Right::ManageEmployeeData)
}

/// 403 unless the actor manages employee data.
pub fn require_manager(actor: &Actor) -> Result<(), ApiError> {
    if manages(actor) { Ok(()) } else { Err(ApiError::forbidden()) }
}

/// A record of the actor's organisation that the actor may read as manager; 404 otherwise
/// (also for people without the right: to them, colleagues' records do not exist).
pub async fn managed_record(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: Uuid,
) -> Result<employee_record::Model, ApiError> {
    if !manages(actor) {
        return Err(ApiError::not_found());
    }
    employee_record::Entity::find_by_id(id)
        .filter(employee_record::Column::OrganisationId.eq(actor.organisation_id))
        .one(db)
        .await?
        .ok_or_else(ApiError::not_found)
}

/// A record the actor may change as manager: 403 without the right, 404 when it is not
/// in their organisation.
pub async fn writable_record(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: Uuid,
) -> Result<employee_record::Model, ApiError> {
    require_manager(actor)?;
    managed_record(db, actor, id).await
}

/// The actor's own record in their active organisation.
pub async fn own_record(
    db: &impl ConnectionTrait,
    actor: &Actor,
) -> Result<Option<employee_record::Model>, ApiError> {
    Ok(employee_record::Entity::find()
        .filter(employee_record::Column::OrganisationId.eq(actor.organisation_id))
        .filter(employee_record::Column::UserId.eq(actor.user_id))
        .one(db)
        .await?)
}
