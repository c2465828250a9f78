//! Change requests (as Nmbrs does): the employee asks to change a field the employer
//! controls, from a date; someone with *manage employee data* approves (the value is
//! applied — contract hours as a new employment period from that date) or declines with a note.

use chrono::Duration;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, ExprTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, TransactionTrait, sea_query::Expr,
};
use serde::Deserialize;
use shared::{
    Page,
    employees::{
        ChangeDecision, ChangeRequest, EmploymentPeriodInput, NewChangeRequest,
        changes::{ChangeField, ChangeRequestStatus, check_value, may_decide},
    },
};
use utoipa::IntoParams;
use uuid::Uuid;

use super::{
    access, mail,
    store::{self, By},
    validate,
};
use crate::{
    absence::reports::today,
    audit::{self, ClientInfo, Event},
    auth::Actor,
    entities::{employee_change_request, employee_record, user},
    error::{ApiError, Validation},
    pagination::{self, PageQuery},
    state::AppState,
};

const MAX_REASON: usize = 500;

/// Query of `GET /api/v1/change-requests`.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ChangeQuery {
    /// `pending` (default), `approved`, `declined` or `withdrawn`.
    pub status: Option<String>,
    /// Items per page, 1–200 (default 50).
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

fn to_dto(c: employee_change_request::Model, r: &employee_record::Model) -> ChangeRequest {
    ChangeRequest {
        id: c.id,
        record_id: c.record_id,
        employee_name: validate::full_name(&r.first_name, r.infix.as_deref(), &r.last_name),
        personnel_number: r.personnel_number.clone(),
        field: ChangeField::parse(&c.field).unwrap_or(ChangeField::FirstName),
        old_value: c.old_value,
        new_value: c.new_value,
        effective_on: c.effective_on,
        reason: c.reason,
        status: ChangeRequestStatus::parse(&c.status).unwrap_or(ChangeRequestStatus::Pending),
        requested_at: c.requested_at,
        decided_by_name: c.decided_by_name,
        decided_at: c.decided_at,
        decision_note: c.decision_note,
    }
}

/// The value on file for `field`, in the form requests use.
async fn current_value(
    db: &impl ConnectionTrait,
    r: &employee_record::Model,
    field: ChangeField,
    today: chrono::NaiveDate,
) -> Result<String, ApiError> {
    Ok(match field {
        ChangeField::FirstName => r.first_name.clone(),
        ChangeField::Infix => r.infix.clone().unwrap_or_default(),
        ChangeField::LastName => r.last_name.clone(),
        ChangeField::BirthDate => r.birth_date.map(|d| d.to_string()).unwrap_or_default(),
        ChangeField::TaxCredit => r.tax_credit.to_string(),
        ChangeField::ContractMinutes => {
            let ps =
                store::as_inputs(&store::periods_of(db, vec![r.id]).await?.remove(&r.id).unwrap_or_default());
            store::current(&ps, today).map(|p| p.contract_minutes.to_string()).unwrap_or_default()
        }
    })
}

/// The caller's own requests, newest first.
pub async fn mine(state: &AppState, actor: &Actor) -> Result<Vec<ChangeRequest>, ApiError> {
    let Some(r) = access::own_record(&state.db.read, actor).await? else { return Ok(vec![]) };
    let rows = employee_change_request::Entity::find()
        .filter(employee_change_request::Column::RecordId.eq(r.id))
        .order_by_desc(employee_change_request::Column::RequestedAt)
        .order_by_desc(employee_change_request::Column::Id)
        .limit(200)
        .all(&state.db.read)
        .await?;
    Ok(rows.into_iter().map(|c| to_dto(c, &r)).collect())
}

/// Asks for a change (mail to those with *manage employee data*).
pub async fn request(
    state: &AppState,
    actor: &Actor,
    body: NewChangeRequest,
    client: &ClientInfo,
) -> Result<ChangeRequest, ApiError> {
    let r = access::own_record(&state.db.read, actor).await?.ok_or_else(ApiError::not_found)?;
    let now = state.clock.now();
    let day = today(now);
    let mut v = Validation::default();
    let value = match check_value(body.field, &body.new_value, day) {
        Ok(value) => value,
        Err(code) => {
            v.add_code("new_value", code, "is not a valid value for this field".into());
            String::new()
        }
    };
    if body.effective_on < day {
        v.add_code("effective_on", "past", "must be today or later".into());
    }
    let reason = validate::optional(&body.reason);
    if reason.as_deref().is_some_and(|r| r.chars().count() > MAX_REASON) {
        v.add("reason", shared::validation::FieldProblem::TooLong(MAX_REASON));
    }
    v.finish()?;
    let old = current_value(&state.db.read, &r, body.field, day).await?;
    if old == value {
        let mut v = Validation::default();
        v.add_code("new_value", "unchanged", "is what is on file already".into());
        v.finish()?;
    }
    let open = employee_change_request::Entity::find()
        .filter(employee_change_request::Column::RecordId.eq(r.id))
        .filter(employee_change_request::Column::Field.eq(body.field.as_str()))
        .filter(employee_change_request::Column::Status.eq(ChangeRequestStatus::Pending.as_str()))
        .one(&state.db.read)
        .await?;
    if open.is_some() {
        return Err(ApiError::conflict_on(
            "field",
            "pending",
            "You already asked to change this; withdraw that request first",
        ));
    }
    let txn = state.db.write.begin().await?;
    let saved = employee_change_request::ActiveModel {
        id: Set(Uuid::now_v7()),
        organisation_id: Set(r.organisation_id),
        record_id: Set(r.id),
        requested_by: Set(actor.user_id),
        field: Set(body.field.as_str().into()),
        old_value: Set(old.chars().take(200).collect()),
        new_value: Set(value),
        effective_on: Set(body.effective_on),
        reason: Set(reason),
        status: Set(ChangeRequestStatus::Pending.as_str().into()),
        requested_at: Set(now),
        decided_by: Set(None),
        decided_by_name: Set(None),
        decided_at: Set(None),
        decision_note: Set(None),
    }
    .insert(&txn)
    .await?;
    let name = validate::full_name(&r.first_name, r.infix.as_deref(), &r.last_name);
    mail::request_made(state, &txn, r.organisation_id, &name, body.field.as_str(), actor.user_id).await?;
    audit::record(&txn, Event::by(actor, "change_requested", Some(saved.id.to_string())), client, now)
        .await?;
    txn.commit().await?;
    Ok(to_dto(saved, &r))
}

/// Takes back one's own pending request (409 once decided).
pub async fn withdraw(state: &AppState, actor: &Actor, id: Uuid) -> Result<ChangeRequest, ApiError> {
    let r = access::own_record(&state.db.read, actor).await?.ok_or_else(ApiError::not_found)?;
    let c = employee_change_request::Entity::find_by_id(id)
        .filter(employee_change_request::Column::RecordId.eq(r.id))
        .one(&state.db.read)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let done = employee_change_request::Entity::update_many()
        .col_expr(
            employee_change_request::Column::Status,
            Expr::value(ChangeRequestStatus::Withdrawn.as_str()),
        )
        .filter(employee_change_request::Column::Id.eq(c.id))
        .filter(employee_change_request::Column::Status.eq(ChangeRequestStatus::Pending.as_str()))
        .exec(&state.db.write)
        .await?;
    if done.rows_affected != 1 {
        return Err(ApiError::conflict_on("status", "decided", "This request was decided already"));
    }
    let c = employee_change_request::Entity::find_by_id(id)
        .one(&state.db.write)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(to_dto(c, &r))
}

/// The organisation's requests with a status, oldest first (keyset on time and id).
pub async fn list(state: &AppState, actor: &Actor, q: &ChangeQuery) -> Result<Page<ChangeRequest>, ApiError> {
    access::require_manager(actor)?;
    let status = match q.status.as_deref() {
        None | Some("") => ChangeRequestStatus::Pending,
        Some(s) => ChangeRequestStatus::parse(s).ok_or_else(|| ApiError::bad_request("Unknown status"))?,
    };
    let paging = PageQuery { limit: q.limit, cursor: q.cursor.clone() };
    let after: Option<(chrono::DateTime<chrono::Utc>, Uuid)> = paging.decode()?;
    let mut query = employee_change_request::Entity::find()
        .filter(employee_change_request::Column::OrganisationId.eq(actor.organisation_id))
        .filter(employee_change_request::Column::Status.eq(status.as_str()))
        .order_by_asc(employee_change_request::Column::RequestedAt)
        .order_by_asc(employee_change_request::Column::Id)
        .limit(paging.limit() + 1);
    if let Some((at, id)) = after {
        query = query.filter(
            Expr::col(employee_change_request::Column::RequestedAt).gt(at).or(Expr::col(
                employee_change_request::Column::RequestedAt,
            )
            .eq(at)
            .and(Expr::col(employee_change_request::Column::Id).gt(id))),
        );
    }
    let rows = query.all(&state.db.read).await?;
    let (rows, next_cursor) = pagination::page(rows, paging.limit(), |c| (c.requested_at, c.id));
    let records: std::collections::HashMap<Uuid, employee_record::Model> = employee_record::Entity::find()
        .filter(employee_record::Column::Id.is_in(rows.iter().map(|c| c.record_id).collect::<Vec<_>>()))
        .all(&state.db.read)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    let items =
        rows.into_iter().filter_map(|c| records.get(&c.record_id).map(|r| to_dto(c.clone(), r))).collect();
    Ok(Page { items, next_cursor })
}

/// New periods after contract hours change from `from`: the period on that day ends the
/// day before and a new one with the same full-time week starts on it.
pub fn split_periods(
    periods: &[EmploymentPeriodInput],
    from: chrono::NaiveDate,
    minutes: i32,
) -> Option<Vec<EmploymentPeriodInput>> {
    let i = periods
        .iter()
        .position(|p| p.starts_on <= from && p.ends_on.is_none_or(|e| from <= e))
        .or_else(|| periods.iter().rposition(|p| p.starts_on <= from && p.ends_on.is_none()))?;
    let mut out = periods.to_vec();
    let p = out[i].clone();
    if p.starts_on == from {
        out[i].contract_minutes = minutes;
    } else {
        out[i].ends_on = Some(from - Duration::days(1));
        out.insert(i + 1, EmploymentPeriodInput { starts_on: from, contract_minutes: minutes, ..p });
    }
    Some(out)
}

async fn apply(
    txn: &DatabaseTransaction,
    state: &AppState,
    r: &employee_record::Model,
    c: &employee_change_request::Model,
    field: ChangeField,
) -> Result<(), ApiError> {
    let now = state.clock.now();
    let mut m: employee_record::ActiveModel = r.clone().into();
    let v = c.new_value.clone();
    let (mut first, mut infix, mut last) = (r.first_name.clone(), r.infix.clone(), r.last_name.clone());
    match field {
        ChangeField::FirstName => first = v,
        ChangeField::Infix => infix = Some(v).filter(|i| !i.is_empty()),
        ChangeField::LastName => last = v,
        ChangeField::BirthDate => m.birth_date = Set(v.parse().ok()),
        ChangeField::TaxCredit => m.tax_credit = Set(v == "true"),
        ChangeField::ContractMinutes => {
            let minutes: i32 = v.parse().map_err(|_| ApiError::internal("stored contract minutes"))?;
            let stored = store::periods_of(txn, vec![r.id]).await?.remove(&r.id).unwrap_or_default();
            let periods =
                split_periods(&store::as_inputs(&stored), c.effective_on, minutes).ok_or_else(|| {
                    ApiError::conflict_on(
                        "effective_on",
                        "not_employed",
                        "There is no employment period on that date; correct the record instead",
                    )
                })?;
            let mut check = Validation::default();
            validate::periods(&periods, &mut check);
            if check.finish().is_err() {
                return Err(ApiError::conflict_on(
                    "new_value",
                    "invalid_period",
                    "These hours do not fit the employment period (above the full-time week?)",
                ));
            }
            store::replace_periods(txn, r, &periods).await?;
            let centre = crate::entities::membership::Entity::find_by_id(r.membership_id)
                .one(txn)
                .await?
                .and_then(|m| m.cost_centre);
            store::sync(txn, r, centre, &periods, today(now), now).await?;
        }
    }
    m.first_name = Set(first.clone());
    m.infix = Set(infix.clone());
    m.last_name = Set(last.clone());
    m.sort_name = Set(validate::sort_name(&first, infix.as_deref(), &last));
    m.version = Set(r.version + 1);
    m.updated_at = Set(now);
    let saved = m.update(txn).await?;
    if matches!(field, ChangeField::FirstName | ChangeField::Infix | ChangeField::LastName) {
        user::Entity::update_many()
            .col_expr(user::Column::Name, Expr::value(validate::full_name(&first, infix.as_deref(), &last)))
            .col_expr(user::Column::UpdatedAt, Expr::value(now))
            .filter(user::Column::Id.eq(saved.user_id))
            .exec(txn)
            .await?;
    }
    Ok(())
}

/// Approves (applying the value) or declines (with a note) a pending request.
pub async fn decide(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: ChangeDecision,
    client: &ClientInfo,
) -> Result<ChangeRequest, ApiError> {
    access::require_manager(actor)?;
    let c = employee_change_request::Entity::find_by_id(id)
        .filter(employee_change_request::Column::OrganisationId.eq(actor.organisation_id))
        .one(&state.db.read)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let note = validate::optional(&body.note);
    let mut v = Validation::default();
    if !body.approve && note.is_none() {
        v.add_code("note", "required", "say why you decline".into());
    }
    if note.as_deref().is_some_and(|n| n.chars().count() > MAX_REASON) {
        v.add("note", shared::validation::FieldProblem::TooLong(MAX_REASON));
    }
    v.finish()?;
    let status = ChangeRequestStatus::parse(&c.status).unwrap_or(ChangeRequestStatus::Withdrawn);
    if !may_decide(status) {
        return Err(ApiError::conflict_on(
            "status",
            "decided",
            "This request was decided or withdrawn already",
        ));
    }
    let field = ChangeField::parse(&c.field).ok_or_else(|| ApiError::internal("stored change field"))?;
    let now = state.clock.now();
    let txn = state.db.write.begin().await?;
    let new_status = if body.approve { ChangeRequestStatus::Approved } else { ChangeRequestStatus::Declined };
    let claimed = employee_change_request::Entity::update_many()
        .col_expr(employee_change_request::Column::Status, Expr::value(new_status.as_str()))
        .col_expr(employee_change_request::Column::DecidedBy, Expr::value(actor.user_id))
        .col_expr(employee_change_request::Column::DecidedByName, Expr::value(actor.name.clone()))
        .col_expr(employee_change_request::Column::DecidedAt, Expr::value(now))
        .col_expr(employee_change_request::Column::DecisionNote, Expr::value(note.clone()))
        .filter(employee_change_request::Column::Id.eq(c.id))
        .filter(employee_change_request::Column::Status.eq(ChangeRequestStatus::Pending.as_str()))
        .exec(&txn)
        .await?;
    if claimed.rows_affected != 1 {
        return Err(ApiError::conflict_on(
            "status",
            "decided",
            "This request was decided or withdrawn already",
        ));
    }
    let r =
        employee_record::Entity::find_by_id(c.record_id).one(&txn).await?.ok_or_else(ApiError::not_found)?;
    if body.approve {
        apply(&txn, state, &r, &c, field).await?;
        store::event(&txn, &r, &By::actor(actor), "change_approved", &[field.as_str().to_string()], now)
            .await?;
    }
    let action = if body.approve { "change_approved" } else { "change_declined" };
    audit::record(&txn, Event::by(actor, action, Some(c.id.to_string())), client, now).await?;
    if let Some(employee) = user::Entity::find_by_id(r.user_id).one(&txn).await? {
        mail::decided(
            state,
            &txn,
            r.organisation_id,
            &employee,
            field.as_str(),
            body.approve,
            note.as_deref(),
        )
        .await?;
    }
    txn.commit().await?;
    let c = employee_change_request::Entity::find_by_id(id)
        .one(&state.db.read)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let r = employee_record::Entity::find_by_id(c.record_id)
        .one(&state.db.read)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(to_dto(c, &r))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> chrono::NaiveDate {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn new_hours_close_the_period_the_day_before() {
        let ps = vec![EmploymentPeriodInput {
            starts_on: d("2020-01-01"),
            ends_on: None,
            contract_minutes: 1920,
            full_time_minutes: 2280,
            job_title: Some("Timmerman".into()),
        }];
        let out = split_periods(&ps, d("2026-12-01"), 2160).unwrap_or_default();
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].ends_on, Some(d("2026-11-30")));
        assert_eq!(
            (out[1].starts_on, out[1].contract_minutes, out[1].full_time_minutes),
            (d("2026-12-01"), 2160, 2280)
        );
        assert_eq!(split_periods(&ps, d("2020-01-01"), 600).unwrap_or_default()[0].contract_minutes, 600);
        assert!(split_periods(&ps, d("2019-01-01"), 600).is_none());
    }
}
