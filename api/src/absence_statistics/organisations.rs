//! Which organisations' statistics someone may see: for a case manager or physician
//! every employer they serve (and the arbodienst itself), for an employer their own.
//! The page offers them as a picker; the figures endpoints accept exactly these as
//! `organisation_id`.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use shared::absence::statistics::StatisticsOrganisation;

use crate::{absence::access, auth::Actor, entities::organisation, error::ApiError};

/// The organisations, by name; 403 for someone who sees no organisation's absence.
pub async fn visible(
    db: &impl ConnectionTrait,
    actor: &Actor,
) -> Result<Vec<StatisticsOrganisation>, ApiError> {
    access::org_audience(actor).ok_or_else(ApiError::forbidden)?;
    let ids = access::organisations(db, actor).await?;
    let rows = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(ids))
        .order_by_asc(organisation::Column::Name)
        .order_by_asc(organisation::Column::Id)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|o| StatisticsOrganisation { id: o.id, name: o.name }).collect())
}
