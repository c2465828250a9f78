//! The worker's side of a week: look at it, fill it in, sign it, ask for a correction.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait,
};
use shared::hours::{
    CorrectionRequest, CorrectionStatus, EntryInput, EntrySource, HoursDue, IsoWeek, MAX_REASON_LEN,
    NewCorrection, SaveEntries, SignWeek, Timesheet, WeekAction, WeekPermissions, WeekStatus, check_week,
    correction_possible, totals, transition, worker_may_edit,
};
use uuid::Uuid;

use super::{access, settings, store};
use crate::{
    auth::Actor,
    entities::{hour_correction, timesheet},
    error::{ApiError, Validation},
    state::AppState,
};

/// How far ahead a worker may open a week.
pub const MAX_WEEKS_AHEAD: u64 = 12;

fn status_of(t: &timesheet::Model) -> WeekStatus {
    WeekStatus::parse(&t.status).unwrap_or(WeekStatus::Open)
}

/// Everything about a week the actor may see, with what they may do now. Three
/// queries (names, lines with their clients, history), a fourth only while a
/// correction request waits.
pub async fn full(
    db: &impl ConnectionTrait,
    actor: &Actor,
    sheet: &timesheet::Model,
    now: DateTime<Utc>,
) -> Result<Timesheet, ApiError> {
    let mut people = vec![sheet.user_id];
    people.extend(sheet.decided_by);
    let names = store::names_of(db, &people).await?;
    let name = |id: Uuid| names.iter().find(|(u, _)| *u == id).map(|(_, n)| n.clone());
    let entries = store::entries(db, sheet.id).await?;
    let week = IsoWeek::of(sheet.week_start);
    let inputs: Vec<EntryInput> = entries.iter().map(|e| e.to_input()).collect();
    let status = status_of(sheet);
    let own = sheet.user_id == actor.user_id;
    let editable = own && worker_may_edit(status, sheet.deadline_at, now) && !sheet.correction_pending;
    let may = WeekPermissions {
        edit: editable,
        sign: own && matches!(status, WeekStatus::Open | WeekStatus::Rejected) && !sheet.correction_pending,
        request_correction: own && !editable && correction_possible(status) && !sheet.correction_pending,
        decide: !own && access::view(actor).approves && status == WeekStatus::Submitted,
    };
    // The flag is set and cleared with the request, so no flag means no request to read.
    let pending_correction =
        if sheet.correction_pending { store::pending_correction(db, sheet).await? } else { None };
    Ok(Timesheet {
        summary: store::summary(sheet, name(sheet.user_id).unwrap_or_default(), now),
        version: sheet.version,
        totals: totals(week, &inputs),
        entries,
        decided_by: sheet.decided_by.and_then(name),
        decided_at: sheet.decided_at,
        processed_at: sheet.processed_at,
        may,
        history: store::history(db, sheet.id).await?,
        pending_correction,
    })
}

/// The actor's own week, created on first look.
pub async fn own_week(
    db: &impl ConnectionTrait,
    actor: &Actor,
    week: IsoWeek,
    now: DateTime<Utc>,
) -> Result<timesheet::Model, ApiError> {
    // Planned hours reach a few weeks ahead; a week years away is a typo (or a probe).
    if week.monday() > now.date_naive() + chrono::Days::new(7 * MAX_WEEKS_AHEAD) {
        let mut v = Validation::default();
        v.add_code("week", "too_far_ahead", format!("is more than {MAX_WEEKS_AHEAD} weeks ahead"));
        v.finish()?;
    }
    let s = settings::of(db, actor.organisation_id).await?;
    Ok(store::week_of(db, actor.organisation_id, actor.user_id, week, s.deadline_of(week), now).await?)
}

/// The actor's own week for reading: from the read pool when it exists, created
/// through the writer only on the first look (SQLite has one writer connection).
pub async fn view_own(state: &AppState, actor: &Actor, week: IsoWeek) -> Result<Timesheet, ApiError> {
    let now = state.clock.now();
    let existing = timesheet::Entity::find()
        .filter(timesheet::Column::OrganisationId.eq(actor.organisation_id))
        .filter(timesheet::Column::UserId.eq(actor.user_id))
        .filter(timesheet::Column::WeekStart.eq(week.monday()))
        .one(&state.db.read)
        .await?;
    match existing {
        Some(sheet) => full(&state.db.read, actor, &sheet, now).await,
        None => {
            let sheet = own_week(&state.db.write, actor, week, now).await?;
            full(&state.db.write, actor, &sheet, now).await
        }
    }
}

/// Checks lines against the rules, the organisation's hour types and its clients.
/// Field names point at the line: `entries[2].end`.
pub async fn check_lines(
    db: &impl ConnectionTrait,
    actor_org: Uuid,
    scope: crate::auth::Scope,
    week: IsoWeek,
    lines: &[EntryInput],
    v: &mut Validation,
) -> Result<(), ApiError> {
    for (i, field, p) in check_week(week, lines) {
        let name = if field == "entries" { "entries".to_string() } else { format!("entries[{i}].{field}") };
        v.add_code(&name, p.code(), p.message());
    }
    let types = settings::hour_types(db, scope).await?;
    for (i, e) in lines.iter().enumerate() {
        if !e.hour_type.trim().is_empty() && !types.iter().any(|t| t.code == e.hour_type) {
            v.add_code(
                &format!("entries[{i}].hour_type"),
                "unknown",
                "is not one of the organisation's hour types".into(),
            );
        }
    }
    let mut ids: Vec<Uuid> = lines.iter().filter_map(|e| e.client_id).collect();
    ids.sort();
    ids.dedup();
    let known = store::known_clients(db, actor_org, &ids).await?;
    for (i, e) in lines.iter().enumerate() {
        if e.client_id.is_some_and(|c| !known.contains(&c)) {
            v.add_code(
                &format!("entries[{i}].client_id"),
                "unknown",
                "is not a client of your organisation".into(),
            );
        }
    }
    Ok(())
}

fn stale() -> ApiError {
    ApiError::conflict_on(
        "version",
        "stale",
        "The week was changed elsewhere; reload it and apply your change again",
    )
}

/// Replaces the lines of the actor's own week, while they may still edit it.
pub async fn save(
    state: &AppState,
    actor: &Actor,
    week: IsoWeek,
    body: SaveEntries,
) -> Result<Timesheet, ApiError> {
    let now = state.clock.now();
    let mut v = Validation::default();
    check_lines(&state.db.read, actor.organisation_id, actor.scope(), week, &body.entries, &mut v).await?;
    v.finish()?;
    let txn = state.db.write.begin().await?;
    let sheet = own_week(&txn, actor, week, now).await?;
    if sheet.version != body.version {
        return Err(stale());
    }
    if !worker_may_edit(status_of(&sheet), sheet.deadline_at, now) || sheet.correction_pending {
        return Err(ApiError::conflict(locked_message(&sheet, now)));
    }
    let total = store::replace_entries(&txn, &sheet, &body.entries, EntrySource::Worker, now).await?;
    let mut am: timesheet::ActiveModel = sheet.clone().into();
    am.total_minutes = Set(total);
    am.version = Set(sheet.version + 1);
    am.updated_at = Set(now);
    let sheet = am.update(&txn).await?;
    store::record(&txn, &sheet, by(actor), "saved", None, now).await?;
    txn.commit().await?;
    full(&state.db.write, actor, &sheet, now).await
}

fn locked_message(sheet: &timesheet::Model, now: DateTime<Utc>) -> &'static str {
    match status_of(sheet) {
        WeekStatus::Open if now >= sheet.deadline_at => {
            "The deadline has passed: the week is locked; ask your planner for a correction"
        }
        WeekStatus::Processed => "The week was processed for payroll and can no longer change",
        _ if sheet.correction_pending => "A correction request for this week is waiting for the planner",
        _ => "The week is signed; ask your planner for a correction",
    }
}

/// Who the actor is, for the history.
pub fn by(actor: &Actor) -> store::By<'_> {
    store::By { user_id: Some(actor.user_id), name: Some(&actor.name) }
}

/// Signs (and so submits) the actor's own week as they saw it. A week signed after
/// its deadline is marked late but still goes to the coordinator.
pub async fn sign(
    state: &AppState,
    actor: &Actor,
    week: IsoWeek,
    body: SignWeek,
) -> Result<Timesheet, ApiError> {
    let now = state.clock.now();
    let txn = state.db.write.begin().await?;
    let sheet = own_week(&txn, actor, week, now).await?;
    if sheet.version != body.version {
        return Err(stale());
    }
    if sheet.correction_pending {
        return Err(ApiError::conflict(locked_message(&sheet, now)));
    }
    let next = transition(status_of(&sheet), WeekAction::Sign)
        .map_err(|_| ApiError::conflict("This week is already signed"))?;
    let late = sheet.late || now >= sheet.deadline_at;
    let mut am: timesheet::ActiveModel = sheet.clone().into();
    am.status = Set(next.as_str().into());
    am.signed_at = Set(Some(now));
    am.late = Set(late);
    am.version = Set(sheet.version + 1);
    am.updated_at = Set(now);
    let sheet = am.update(&txn).await?;
    store::record(&txn, &sheet, by(actor), "signed", None, now).await?;
    txn.commit().await?;
    full(&state.db.write, actor, &sheet, now).await
}

/// Checks a reason: required, at most 1,000 characters.
pub fn check_reason(v: &mut Validation, field: &str, reason: &str) {
    let r = reason.trim();
    if r.is_empty() {
        v.add(field, shared::validation::FieldProblem::Required);
    } else if r.chars().count() > MAX_REASON_LEN {
        v.add(field, shared::validation::FieldProblem::TooLong(MAX_REASON_LEN));
    }
}

/// Asks the planner to change a week the worker can no longer edit.
pub async fn request_correction(
    state: &AppState,
    actor: &Actor,
    week: IsoWeek,
    body: NewCorrection,
) -> Result<CorrectionRequest, ApiError> {
    let now = state.clock.now();
    let mut v = Validation::default();
    check_reason(&mut v, "reason", &body.reason);
    check_lines(&state.db.read, actor.organisation_id, actor.scope(), week, &body.entries, &mut v).await?;
    v.finish()?;
    let txn = state.db.write.begin().await?;
    let sheet = own_week(&txn, actor, week, now).await?;
    let status = status_of(&sheet);
    if !correction_possible(status) {
        return Err(ApiError::conflict(locked_message(&sheet, now)));
    }
    if sheet.correction_pending {
        return Err(ApiError::conflict("A correction request for this week is already waiting"));
    }
    if worker_may_edit(status, sheet.deadline_at, now) {
        return Err(ApiError::conflict("You can still change this week yourself"));
    }
    let after = totals(week, &body.entries).week;
    let row = hour_correction::ActiveModel {
        id: Set(Uuid::now_v7()),
        timesheet_id: Set(sheet.id),
        organisation_id: Set(sheet.organisation_id),
        requested_by: Set(actor.user_id),
        requested_at: Set(now),
        reason: Set(body.reason.trim().to_string()),
        entries: Set(serde_json::to_string(&body.entries).map_err(ApiError::internal)?),
        minutes_before: Set(sheet.total_minutes),
        minutes_after: Set(after),
        status: Set(CorrectionStatus::Pending.as_str().into()),
        decided_by: Set(None),
        decided_at: Set(None),
        decision_reason: Set(None),
    }
    .insert(&txn)
    .await?;
    timesheet::Entity::update_many()
        .col_expr(timesheet::Column::CorrectionPending, sea_orm::sea_query::Expr::value(true))
        .filter(timesheet::Column::Id.eq(sheet.id))
        .exec(&txn)
        .await?;
    store::record(&txn, &sheet, by(actor), "correction_requested", Some(row.reason.clone()), now).await?;
    txn.commit().await?;
    Ok(store::correction(&state.db.write, row, &sheet).await?)
}

/// The week whose deadline comes next, for the dashboard, and older weeks still waiting.
pub async fn due(state: &AppState, actor: &Actor) -> Result<HoursDue, ApiError> {
    use sea_orm::{QueryOrder, QuerySelect};
    let now = state.clock.now();
    let db = &state.db.read;
    let s = settings::of(db, actor.organisation_id).await?;
    let week = s.last_closed_week(now).next();
    let mine = || {
        timesheet::Entity::find()
            .filter(timesheet::Column::OrganisationId.eq(actor.organisation_id))
            .filter(timesheet::Column::UserId.eq(actor.user_id))
    };
    let this = mine().filter(timesheet::Column::WeekStart.eq(week.monday())).one(db).await?;
    let overdue = mine()
        .filter(timesheet::Column::WeekStart.lt(week.monday()))
        .filter(timesheet::Column::Status.is_in([WeekStatus::Open.as_str(), WeekStatus::Rejected.as_str()]))
        .order_by_asc(timesheet::Column::WeekStart)
        .limit(10)
        .all(db)
        .await?;
    Ok(HoursDue {
        week,
        deadline_at: this.as_ref().map(|t| t.deadline_at).unwrap_or_else(|| s.deadline_of(week)),
        status: this.as_ref().map(status_of).unwrap_or(WeekStatus::Open),
        total_minutes: this.as_ref().map(|t| t.total_minutes).unwrap_or(0),
        overdue: overdue.iter().map(|t| IsoWeek::of(t.week_start)).collect(),
    })
}
