//! Who coordinates a network: a handover to a colleague or to a coordinator of another
//! organisation in the network, always exactly one primary.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, TransactionTrait, sea_query::Expr};
use shared::{
    auth::Role,
    networks::{CoordinatorsUpdate, Network, rules},
};
use uuid::Uuid;

use super::{access, history, view};
use crate::{
    auth::Actor,
    entities::care_network_entry,
    error::{ApiError, Validation},
    state::AppState,
};

/// Replaces the coordinators; entries not listed lose coordinator and primary.
pub async fn set(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: CoordinatorsUpdate,
) -> Result<Network, ApiError> {
    let db = &state.db.write;
    let (client, access) = access::as_coordinator(db, actor, id).await?;
    let rows = view::entries(db, id).await?;
    let profs = view::professionals(db, rows.iter().filter_map(|e| e.membership_id).collect()).await?;
    // Eligible: a professional entry of this network whose membership is a care coordinator's.
    let eligible: HashMap<Uuid, String> = rows
        .iter()
        .filter(|e| e.kind == super::PROFESSIONAL)
        .filter_map(|e| {
            let p = profs.get(&e.membership_id?)?;
            (p.membership.role == Role::CareCoordinator.as_str()).then(|| (e.id, p.user.name.clone()))
        })
        .collect();
    let choices: Vec<(Uuid, bool)> = body.coordinators.iter().map(|c| (c.entry_id, c.primary)).collect();
    if let Err(p) = rules::check_coordinators(&choices, |e| eligible.contains_key(&e)) {
        let mut v = Validation::default();
        v.add_code(
            "coordinators",
            p.code(),
            "exactly one primary coordinator, each a care coordinator in the network".into(),
        );
        v.finish()?;
    }
    let now = state.clock.now();
    let txn = db.begin().await?;
    care_network_entry::Entity::update_many()
        .col_expr(care_network_entry::Column::Coordinator, Expr::value(false))
        .col_expr(care_network_entry::Column::PrimaryCoordinator, Expr::value(false))
        .filter(care_network_entry::Column::ClientId.eq(id))
        .exec(&txn)
        .await?;
    // Set-based: every chosen entry coordinates, and the one primary leads (the rule checked above).
    let chosen: Vec<Uuid> = choices.iter().map(|(e, _)| *e).collect();
    let primary: Vec<Uuid> = choices.iter().filter(|(_, p)| *p).map(|(e, _)| *e).collect();
    for (ids, lead) in [(chosen, false), (primary, true)] {
        care_network_entry::Entity::update_many()
            .col_expr(care_network_entry::Column::Coordinator, Expr::value(true))
            .col_expr(care_network_entry::Column::PrimaryCoordinator, Expr::value(lead))
            .filter(care_network_entry::Column::Id.is_in(ids))
            .filter(care_network_entry::Column::ClientId.eq(id))
            .exec(&txn)
            .await?;
    }
    // Primary first, so the history reads "who leads, and who helps".
    let mut names: Vec<(bool, &str)> =
        choices.iter().filter_map(|(e, p)| eligible.get(e).map(|n| (!*p, n.as_str()))).collect();
    names.sort();
    let subject = names.iter().map(|(_, n)| *n).collect::<Vec<_>>().join(", ");
    history::record(&txn, id, Some(actor.user_id), history::COORDINATORS_CHANGED, Some(subject), now).await?;
    txn.commit().await?;
    let (_, access) = match access::in_network(db, actor, id).await {
        Ok(found) => found,
        Err(_) => (client, access),
    };
    let client = crate::entities::care_client::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(ApiError::not_found)?;
    view::network(db, actor, &client, &access).await
}
