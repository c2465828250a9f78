//! The coordinator's side: the list of weeks, approving and rejecting, one or many.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, ExprTrait, QueryFilter, Set, TransactionTrait,
    sea_query::Expr,
};
use shared::{
    Page,
    hours::{
        BulkApproval, BulkApprove, IsoWeek, MAX_BULK, Reason, Refusal, Timesheet, TimesheetSummary,
        WeekAction, WeekStatus, transition,
    },
};
use uuid::Uuid;

use super::{access, mail, store, weeks};
use crate::{
    auth::Actor,
    entities::{timesheet, user},
    error::{ApiError, Validation},
    pagination::{self, PageQuery},
    state::AppState,
};

/// Query of `GET /api/v1/timesheets` and `GET /api/v1/me/timesheets`.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Only this status.
    pub status: Option<WeekStatus>,
    /// Only workers in this team.
    pub team_id: Option<Uuid>,
    /// Only weeks with hours for this client.
    pub client_id: Option<Uuid>,
    /// From this ISO week, e.g. `2026-W40`.
    #[param(value_type = Option<String>)]
    pub from: Option<IsoWeek>,
    /// Up to this ISO week.
    #[param(value_type = Option<String>)]
    pub to: Option<IsoWeek>,
    /// Only late (`true`) or only on-time (`false`) weeks.
    pub late: Option<bool>,
    /// Only weeks worked under this cost centre (exactly as listed by `/hours/cost-centres`).
    pub cost_centre: Option<String>,
    /// Search: part of the worker's name or of a rejection reason, or a week
    /// (`2026-W45`, or `45` for week 45 of any year).
    pub q: Option<String>,
    /// Items per page, 1–200 (default 50).
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

impl ListQuery {
    fn page(&self) -> PageQuery {
        PageQuery { limit: self.limit, cursor: self.cursor.clone() }
    }

    fn filter(&self) -> store::ListFilter {
        store::ListFilter {
            status: self.status,
            team_id: self.team_id,
            client_id: self.client_id,
            from: self.from.map(IsoWeek::monday),
            to: self.to.map(IsoWeek::monday),
            late: self.late,
            cost_centre: self.cost_centre.clone(),
            search: self.q.clone(),
            ..Default::default()
        }
    }
}

/// Limits `f` to the actor's own weeks (`own`), or to those they may see of others.
fn whose(actor: &Actor, own: bool, mut f: store::ListFilter) -> Result<store::ListFilter, ApiError> {
    if own {
        f.worker = Some(actor.user_id);
        return Ok(f);
    }
    let v = access::view(actor);
    if !v.sees_others {
        return Err(ApiError::forbidden());
    }
    if v.own_teams_only {
        f.teams_of = Some(actor.user_id);
    }
    Ok(f)
}

/// A page of weeks: the worker's own (`own`), or those the actor may see.
pub async fn list(
    state: &AppState,
    actor: &Actor,
    q: &ListQuery,
    own: bool,
) -> Result<Page<TimesheetSummary>, ApiError> {
    let f = whose(actor, own, q.filter())?;
    let page = q.page();
    let after: Option<(chrono::NaiveDate, Uuid)> = page.decode()?;
    let rows = store::list(&state.db.read, actor.organisation_id, &f, state.clock.now(), after, page.limit())
        .await?;
    let (items, next_cursor) = pagination::page(rows, page.limit(), |t| (t.week.monday(), t.id));
    Ok(Page { items, next_cursor })
}

/// Query of `GET /api/v1/hours/cost-centres`.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CostCentreQuery {
    /// Only those of your own weeks (the declarations list) instead of the weeks you may see.
    #[serde(default)]
    pub mine: bool,
}

/// The cost centres of the weeks a list shows (own, or those the actor may see),
/// for its filter; alphabetical.
pub async fn cost_centres(state: &AppState, actor: &Actor, mine: bool) -> Result<Vec<String>, ApiError> {
    let f = whose(actor, mine, store::ListFilter::default())?;
    Ok(store::cost_centres(&state.db.read, actor.organisation_id, &f).await?)
}

/// One week the actor may see.
pub async fn get(state: &AppState, actor: &Actor, id: Uuid) -> Result<Timesheet, ApiError> {
    let sheet = access::visible(&state.db.read, actor, id).await?;
    weeks::full(&state.db.read, actor, &sheet, state.clock.now()).await
}

fn may_decide(actor: &Actor, sheet: &timesheet::Model) -> Result<(), ApiError> {
    if !access::view(actor).approves {
        return Err(ApiError::forbidden());
    }
    if sheet.user_id == actor.user_id {
        return Err(ApiError::new(
            shared::error::ErrorKind::Forbidden,
            "You cannot approve or reject your own week",
        ));
    }
    Ok(())
}

fn not_submitted() -> ApiError {
    ApiError::conflict("Only a signed (submitted) week can be approved or rejected")
}

/// Approves a submitted week.
pub async fn approve(state: &AppState, actor: &Actor, id: Uuid) -> Result<Timesheet, ApiError> {
    let now = state.clock.now();
    let txn = state.db.write.begin().await?;
    let sheet = access::visible(&txn, actor, id).await?;
    may_decide(actor, &sheet)?;
    let status = WeekStatus::parse(&sheet.status).unwrap_or(WeekStatus::Open);
    let next = transition(status, WeekAction::Approve).map_err(|_| not_submitted())?;
    let mut am: timesheet::ActiveModel = sheet.clone().into();
    am.status = Set(next.as_str().into());
    am.decided_at = Set(Some(now));
    am.decided_by = Set(Some(actor.user_id));
    am.version = Set(sheet.version + 1);
    am.updated_at = Set(now);
    let sheet = am.update(&txn).await?;
    store::record(&txn, &sheet, weeks::by(actor), "approved", None, now).await?;
    txn.commit().await?;
    weeks::full(&state.db.write, actor, &sheet, now).await
}

/// Sends a submitted week back to the worker with a reason; they are told by mail.
pub async fn reject(state: &AppState, actor: &Actor, id: Uuid, body: Reason) -> Result<Timesheet, ApiError> {
    let now = state.clock.now();
    let mut v = Validation::default();
    weeks::check_reason(&mut v, "reason", &body.reason);
    v.finish()?;
    let reason = body.reason.trim().to_string();
    let txn = state.db.write.begin().await?;
    let sheet = access::visible(&txn, actor, id).await?;
    may_decide(actor, &sheet)?;
    let status = WeekStatus::parse(&sheet.status).unwrap_or(WeekStatus::Open);
    let next = transition(status, WeekAction::Reject).map_err(|_| not_submitted())?;
    let mut am: timesheet::ActiveModel = sheet.clone().into();
    am.status = Set(next.as_str().into());
    am.decided_at = Set(Some(now));
    am.decided_by = Set(Some(actor.user_id));
    am.rejection_reason = Set(Some(reason.clone()));
    am.version = Set(sheet.version + 1);
    am.updated_at = Set(now);
    let sheet = am.update(&txn).await?;
    store::record(&txn, &sheet, weeks::by(actor), "rejected", Some(reason.clone()), now).await?;
    if let Some(worker) = user::Entity::find_by_id(sheet.user_id).one(&txn).await? {
        mail::rejected(&txn, state, &worker, &sheet, &actor.name, &reason, now).await?;
    }
    txn.commit().await?;
    weeks::full(&state.db.write, actor, &sheet, now).await
}

/// Approves up to 200 weeks at once: those the actor may decide on are approved in one
/// transaction; every other id comes back with the reason it was left alone.
pub async fn approve_many(
    state: &AppState,
    actor: &Actor,
    body: BulkApprove,
) -> Result<BulkApproval, ApiError> {
    if !access::view(actor).approves {
        return Err(ApiError::forbidden());
    }
    let mut ids = body.ids;
    ids.sort();
    ids.dedup();
    if ids.is_empty() || ids.len() > MAX_BULK {
        let mut v = Validation::default();
        v.add_code("ids", "count", format!("give 1 to {MAX_BULK} weeks"));
        v.finish()?;
    }
    let now = state.clock.now();
    let txn = state.db.write.begin().await?;
    let sheets = timesheet::Entity::find()
        .filter(timesheet::Column::OrganisationId.eq(actor.organisation_id))
        .filter(timesheet::Column::Id.is_in(ids.clone()))
        .all(&txn)
        .await?;
    // One query for the team check, not one per week.
    let visible_workers: Option<Vec<Uuid>> = if access::view(actor).own_teams_only {
        let q = store::team_workers(actor.organisation_id, actor.user_id);
        let rows = sea_orm::ConnectionTrait::query_all(&txn, &q).await?;
        Some(rows.iter().filter_map(|r| r.try_get::<Uuid>("", "user_id").ok()).collect())
    } else {
        None
    };
    let mut approved = Vec::new();
    let mut refused = Vec::new();
    for id in ids {
        let reason = match sheets.iter().find(|s| s.id == id) {
            None => Some("not_found"),
            Some(s) if visible_workers.as_ref().is_some_and(|w| !w.contains(&s.user_id)) => Some("not_found"),
            Some(s) if s.user_id == actor.user_id => Some("own_week"),
            Some(s) if s.status != WeekStatus::Submitted.as_str() => Some("not_submitted"),
            Some(_) => None,
        };
        match reason {
            Some(r) => refused.push(Refusal { id, reason: r.into() }),
            None => approved.push(id),
        }
    }
    if !approved.is_empty() {
        timesheet::Entity::update_many()
            .col_expr(timesheet::Column::Status, Expr::value(WeekStatus::Approved.as_str()))
            .col_expr(timesheet::Column::DecidedAt, Expr::value(now))
            .col_expr(timesheet::Column::DecidedBy, Expr::value(actor.user_id))
            .col_expr(timesheet::Column::UpdatedAt, Expr::value(now))
            .col_expr(timesheet::Column::Version, Expr::col(timesheet::Column::Version).add(1))
            .filter(timesheet::Column::Id.is_in(approved.clone()))
            .filter(timesheet::Column::Status.eq(WeekStatus::Submitted.as_str()))
            .exec(&txn)
            .await?;
        let events = approved
            .iter()
            .map(|id| store::event(*id, actor.organisation_id, weeks::by(actor), "approved", None, now));
        crate::entities::timesheet_event::Entity::insert_many(events).exec(&txn).await?;
    }
    txn.commit().await?;
    Ok(BulkApproval { approved, refused })
}
