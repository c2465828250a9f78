//! Correction requests: the worker proposes, a planner (or coordinator) accepts —
//! the change is applied and recorded as theirs on the worker's request — or
//! declines with a reason.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, Set,
    TransactionTrait,
    sea_query::{Expr, JoinType, Order, Query},
};
use shared::{
    Page,
    hours::{
        CorrectionRequest, CorrectionStatus, EntryInput, EntrySource, IsoWeek, Reason, WeekAction,
        WeekStatus, transition,
    },
};
use uuid::Uuid;

use super::{
    access, store,
    store::{a, c},
    weeks,
};
use crate::{
    auth::Actor,
    entities::{hour_correction, timesheet},
    error::{ApiError, Validation},
    pagination::{self, PageQuery},
    state::AppState,
};

/// Query of `GET /api/v1/hour-corrections`.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CorrectionQuery {
    /// Only this status (default: all).
    pub status: Option<CorrectionStatus>,
    /// Items per page, 1–200 (default 50).
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// Correction requests, newest first: a planner's or coordinator's of the workers they
/// see; anyone else's own.
pub async fn list(
    state: &AppState,
    actor: &Actor,
    q: &CorrectionQuery,
) -> Result<Page<CorrectionRequest>, ApiError> {
    let page = PageQuery { limit: q.limit, cursor: q.cursor.clone() };
    let before: Option<Uuid> = page.decode()?;
    let v = access::view(actor);
    let org = actor.organisation_id;
    let mut s = Query::select();
    for col in [
        "id",
        "timesheet_id",
        "reason",
        "entries",
        "minutes_before",
        "minutes_after",
        "status",
        "requested_at",
        "decided_at",
        "decision_reason",
    ] {
        s.expr_as(c("hc", col), a(col));
    }
    s.expr_as(c("t", "week_start"), a("week_start"))
        .expr_as(c("t", "user_id"), a("worker_id"))
        .expr_as(c("w", "name"), a("worker_name"))
        .expr_as(c("d", "name"), a("decided_by"))
        .from_as(a("hour_corrections"), a("hc"))
        .join_as(
            JoinType::InnerJoin,
            a("timesheets"),
            a("t"),
            c("t", "id").equals((a("hc"), a("timesheet_id"))),
        )
        .join_as(JoinType::InnerJoin, a("users"), a("w"), c("w", "id").equals((a("t"), a("user_id"))))
        .join_as(JoinType::LeftJoin, a("users"), a("d"), c("d", "id").equals((a("hc"), a("decided_by"))))
        .and_where(c("hc", "organisation_id").eq(org))
        .order_by((a("hc"), a("id")), Order::Desc)
        .limit(page.limit() + 1);
    if !v.corrects {
        s.and_where(c("t", "user_id").eq(actor.user_id));
    } else if v.own_teams_only {
        s.and_where(c("t", "user_id").in_subquery(store::team_workers(org, actor.user_id)));
    }
    if let Some(st) = q.status {
        s.and_where(c("hc", "status").eq(st.as_str()));
    }
    if let Some(b) = before {
        s.and_where(c("hc", "id").lt(b));
    }
    let rows = state.db.read.query_all(&s).await?;
    let mut items = rows
        .into_iter()
        .map(|r| {
            let entries: String = r.try_get("", "entries")?;
            let status: String = r.try_get("", "status")?;
            let week_start: chrono::NaiveDate = r.try_get("", "week_start")?;
            Ok(CorrectionRequest {
                id: r.try_get("", "id")?,
                timesheet_id: r.try_get("", "timesheet_id")?,
                week: IsoWeek::of(week_start),
                worker_id: r.try_get("", "worker_id")?,
                worker_name: r.try_get("", "worker_name")?,
                reason: r.try_get("", "reason")?,
                entries: serde_json::from_str(&entries).unwrap_or_default(),
                clients: Vec::new(),
                minutes_before: r.try_get("", "minutes_before")?,
                minutes_after: r.try_get("", "minutes_after")?,
                status: CorrectionStatus::parse(&status).unwrap_or(CorrectionStatus::Pending),
                requested_at: r.try_get("", "requested_at")?,
                decided_by: r.try_get("", "decided_by")?,
                decided_at: r.try_get("", "decided_at")?,
                decision_reason: r.try_get("", "decision_reason")?,
            })
        })
        .collect::<Result<Vec<CorrectionRequest>, sea_orm::DbErr>>()?;
    // The clients the page's lines name, in one query for the whole page.
    let all: Vec<EntryInput> = items.iter().flat_map(|r| r.entries.iter().cloned()).collect();
    let clients = store::clients_of(&state.db.read, &all).await?;
    for r in &mut items {
        r.clients =
            clients.iter().filter(|c| r.entries.iter().any(|e| e.client_id == Some(c.id))).cloned().collect();
    }
    let (items, next_cursor) = pagination::page(items, page.limit(), |r| r.id);
    Ok(Page { items, next_cursor })
}

/// A pending request the actor may decide on, with its week.
async fn decidable(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: Uuid,
) -> Result<(hour_correction::Model, timesheet::Model), ApiError> {
    let row = hour_correction::Entity::find_by_id(id)
        .filter(hour_correction::Column::OrganisationId.eq(actor.organisation_id))
        .one(db)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let sheet = access::visible(db, actor, row.timesheet_id).await?;
    if !access::view(actor).corrects {
        return Err(ApiError::forbidden());
    }
    if sheet.user_id == actor.user_id {
        return Err(ApiError::new(
            shared::error::ErrorKind::Forbidden,
            "You cannot decide on your own correction",
        ));
    }
    if row.status != CorrectionStatus::Pending.as_str() {
        return Err(ApiError::conflict("This correction request was already decided"));
    }
    Ok((row, sheet))
}

async fn close(
    db: &impl ConnectionTrait,
    row: hour_correction::Model,
    status: CorrectionStatus,
    actor: &Actor,
    reason: Option<String>,
    now: DateTime<Utc>,
) -> Result<hour_correction::Model, ApiError> {
    let mut am: hour_correction::ActiveModel = row.into();
    am.status = Set(status.as_str().into());
    am.decided_by = Set(Some(actor.user_id));
    am.decided_at = Set(Some(now));
    am.decision_reason = Set(reason);
    Ok(am.update(db).await?)
}

/// Applies the proposed lines to the week. An approved week goes back for approval;
/// a processed week can no longer change.
pub async fn accept(state: &AppState, actor: &Actor, id: Uuid) -> Result<CorrectionRequest, ApiError> {
    let now = state.clock.now();
    let txn = state.db.write.begin().await?;
    let (row, sheet) = decidable(&txn, actor, id).await?;
    let status = WeekStatus::parse(&sheet.status).unwrap_or(WeekStatus::Open);
    let next = transition(status, WeekAction::Correct)
        .map_err(|_| ApiError::conflict("The week was processed for payroll and can no longer change"))?;
    let lines: Vec<EntryInput> = serde_json::from_str(&row.entries).map_err(ApiError::internal)?;
    // Hour types or clients may have changed since the request: check again.
    let week = IsoWeek::of(sheet.week_start);
    let mut v = Validation::default();
    weeks::check_lines(&txn, actor.organisation_id, actor.scope(), week, &lines, &mut v).await?;
    v.finish()?;
    let total = store::replace_entries(&txn, &sheet, &lines, EntrySource::Correction, now).await?;
    let mut am: timesheet::ActiveModel = sheet.clone().into();
    am.total_minutes = Set(total);
    am.status = Set(next.as_str().into());
    am.correction_pending = Set(false);
    am.version = Set(sheet.version + 1);
    am.updated_at = Set(now);
    let sheet = am.update(&txn).await?;
    store::record(&txn, &sheet, weeks::by(actor), "correction_accepted", Some(row.reason.clone()), now)
        .await?;
    let row = close(&txn, row, CorrectionStatus::Accepted, actor, None, now).await?;
    txn.commit().await?;
    Ok(store::correction(&state.db.write, row, &sheet).await?)
}

/// Declines with a reason for the worker; the week stays as it was.
pub async fn decline(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: Reason,
) -> Result<CorrectionRequest, ApiError> {
    let now = state.clock.now();
    let mut v = Validation::default();
    weeks::check_reason(&mut v, "reason", &body.reason);
    v.finish()?;
    let reason = body.reason.trim().to_string();
    let txn = state.db.write.begin().await?;
    let (row, sheet) = decidable(&txn, actor, id).await?;
    timesheet::Entity::update_many()
        .col_expr(timesheet::Column::CorrectionPending, Expr::value(false))
        .filter(timesheet::Column::Id.eq(sheet.id))
        .exec(&txn)
        .await?;
    store::record(&txn, &sheet, weeks::by(actor), "correction_declined", Some(reason.clone()), now).await?;
    let row = close(&txn, row, CorrectionStatus::Declined, actor, Some(reason), now).await?;
    txn.commit().await?;
    Ok(store::correction(&state.db.write, row, &sheet).await?)
}
