//! Who may see a week: the worker, and people whose role sees others' hours —
//! for coordinators and planners only the workers of their own teams. A week
//! someone may not see does not exist for them (404).

use sea_orm::ConnectionTrait;
use shared::hours::{HoursView, view_of};

use super::store;
use crate::{auth::Actor, entities::timesheet, error::ApiError};

/// The actor's view of hours.
pub fn view(actor: &Actor) -> HoursView {
    view_of(actor.role)
}

/// Whether the actor may see this week.
pub async fn may_see(
    db: &impl ConnectionTrait,
    actor: &Actor,
    sheet: &timesheet::Model,
) -> Result<bool, ApiError> {
    if sheet.organisation_id != actor.organisation_id {
        return Ok(false);
    }
    if sheet.user_id == actor.user_id {
        return Ok(true);
    }
    let v = view(actor);
    if !v.sees_others {
        return Ok(false);
    }
    if !v.own_teams_only {
        return Ok(true);
    }
    Ok(store::in_my_teams(db, actor.organisation_id, actor.user_id, sheet.user_id).await?)
}

/// The week by id if the actor may see it, else 404.
pub async fn visible(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: uuid::Uuid,
) -> Result<timesheet::Model, ApiError> {
    let sheet = store::by_id(db, actor.organisation_id, id).await?.ok_or_else(ApiError::not_found)?;
    if may_see(db, actor, &sheet).await? { Ok(sheet) } else { Err(ApiError::not_found()) }
}
