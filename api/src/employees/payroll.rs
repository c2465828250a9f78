//! The change feed a payroll system pulls (`employees:read`): every record event after a
//! cursor, in id order (UUIDv7 grows with time), with the record as it is now including
//! the full BSN and IBAN. Every pull is audited.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Deserialize;
use shared::{
    Page,
    auth::Right,
    employees::{EmployeeChange, PayrollEmployee},
    integrations::ApiScope,
};
use utoipa::IntoParams;
use uuid::Uuid;

use super::store;
use crate::{
    audit::{self, ClientInfo, Event},
    entities::{employee_record, employee_record_event, membership, user},
    error::ApiError,
    integrations::caller::Caller,
    pagination::{DEFAULT_LIMIT, MAX_LIMIT},
    state::AppState,
};

/// Query of `GET /api/v1/payroll/employee-changes`.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ChangesQuery {
    /// The id of the last change you processed (the previous page's `next_cursor`); absent: from the start.
    pub cursor: Option<Uuid>,
    /// Items per page, 1–200 (default 50).
    pub limit: Option<u64>,
}

/// API clients with `employees:read`, and people with *manage employee data*.
fn require(caller: &Caller) -> Result<(), ApiError> {
    caller.require_scope(ApiScope::EmployeesRead)?;
    match caller {
        Caller::Person(a) => a.require(Right::ManageEmployeeData),
        Caller::Client(_) => Ok(()),
    }
}

/// One page of changes after `cursor`.
pub async fn changes(
    state: &AppState,
    caller: &Caller,
    q: &ChangesQuery,
    client: &ClientInfo,
) -> Result<Page<EmployeeChange>, ApiError> {
    require(caller)?;
    let org = caller.scope().organisation_id();
    let limit = q.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
    let db = &state.db.read;
    let mut query = employee_record_event::Entity::find()
        .filter(employee_record_event::Column::OrganisationId.eq(org))
        .order_by_asc(employee_record_event::Column::Id)
        .limit(limit + 1);
    if let Some(after) = q.cursor {
        query = query.filter(employee_record_event::Column::Id.gt(after));
    }
    let mut events = query.all(db).await?;
    let more = events.len() as u64 > limit;
    events.truncate(limit as usize);
    let next_cursor = if more { events.last().map(|e| e.id.to_string()) } else { None };
    let mut ids: Vec<Uuid> = events.iter().map(|e| e.record_id).collect();
    ids.sort();
    ids.dedup();
    let records: HashMap<Uuid, employee_record::Model> = employee_record::Entity::find()
        .filter(employee_record::Column::Id.is_in(ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    let emails: HashMap<Uuid, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(records.values().map(|r| r.user_id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.email))
        .collect();
    let centres: HashMap<Uuid, Option<String>> = membership::Entity::find()
        .filter(membership::Column::Id.is_in(records.values().map(|r| r.membership_id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m.cost_centre))
        .collect();
    let periods = store::periods_of(db, ids).await?;
    let items = events
        .into_iter()
        .filter_map(|e| {
            let r = records.get(&e.record_id)?;
            let dto = store::to_dto(
                r,
                emails.get(&r.user_id).map(String::as_str).unwrap_or_default(),
                centres.get(&r.membership_id).cloned().flatten(),
                periods.get(&r.id).map(Vec::as_slice).unwrap_or_default(),
            );
            let bsn = r
                .bsn_sealed
                .as_deref()
                .and_then(|s| state.data_key.open(s))
                .and_then(|b| String::from_utf8(b).ok());
            let iban = store::stored_iban(&state.data_key, r);
            Some(EmployeeChange {
                id: e.id,
                at: e.at,
                record_id: r.id,
                personnel_number: r.personnel_number.clone(),
                fields: e.fields.split(',').filter(|f| !f.is_empty()).map(String::from).collect(),
                record: PayrollEmployee { record: dto, bsn, iban },
            })
        })
        .collect::<Vec<_>>();
    let subject = format!("{} changes", items.len());
    let event = match caller {
        Caller::Person(a) => Event::by(a, "employee_changes_pulled", Some(subject)),
        Caller::Client(c) => Event {
            organisation_id: Some(c.organisation_id),
            actor_user_id: None,
            action: "employee_changes_pulled",
            subject: Some(format!("{subject} by API client {}", c.client_id)),
        },
    };
    audit::record(&state.db.write, event, client, state.clock.now()).await?;
    Ok(Page { items, next_cursor })
}
