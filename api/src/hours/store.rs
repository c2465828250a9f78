//! Queries for timesheets. Every function is limited to one organisation; lists
//! are built in SQL with keyset pagination, never row by row.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, ExprTrait, QueryFilter, QueryOrder,
    Set,
    sea_query::{Alias, Expr, Func, JoinType, Order, Query, SelectStatement},
};
use shared::hours::{
    ClientRef, CorrectionRequest, CorrectionStatus, Entry, EntryInput, EntrySource, IsoWeek,
    TimesheetSummary, WeekEvent, WeekSearch, WeekStatus,
};
use uuid::Uuid;

use crate::entities::{
    client, hour_correction, membership, timesheet, timesheet_entry, timesheet_event, user,
};

/// A table or column name, for hand-built queries.
pub fn a(name: &str) -> Alias {
    Alias::new(name)
}

/// `table.col`, for hand-built queries.
pub fn c(table: &str, col: &str) -> Expr {
    Expr::col((a(table), a(col)))
}

/// Who did something, for the history.
#[derive(Debug, Clone, Copy)]
pub struct By<'a> {
    /// The person, if a person.
    pub user_id: Option<Uuid>,
    /// Their name (or the API client's).
    pub name: Option<&'a str>,
}

impl<'a> By<'a> {
    /// Poort itself (deadline locks).
    pub const SYSTEM: By<'static> = By { user_id: None, name: None };
}

/// The user ids of the workers in the teams `user_id` is in, within the organisation:
/// what a care coordinator or planner may see.
pub fn team_workers(organisation_id: Uuid, user_id: Uuid) -> SelectStatement {
    let my_teams = Query::select()
        .column((a("tm2"), a("team_id")))
        .from_as(a("team_members"), a("tm2"))
        .join_as(
            JoinType::InnerJoin,
            a("memberships"),
            a("m2"),
            c("m2", "id").equals((a("tm2"), a("membership_id"))),
        )
        .and_where(c("m2", "user_id").eq(user_id))
        .and_where(c("m2", "organisation_id").eq(organisation_id))
        .to_owned();
    members_of(organisation_id, Expr::col((a("tm"), a("team_id"))).in_subquery(my_teams))
}

/// The user ids of the organisation's members whose team membership (`tm`) matches `teams`.
fn members_of(organisation_id: Uuid, teams: Expr) -> SelectStatement {
    Query::select()
        .column((a("m"), a("user_id")))
        .from_as(a("memberships"), a("m"))
        .join_as(
            JoinType::InnerJoin,
            a("team_members"),
            a("tm"),
            c("tm", "membership_id").equals((a("m"), a("id"))),
        )
        .and_where(c("m", "organisation_id").eq(organisation_id))
        .and_where(teams)
        .to_owned()
}

/// Whether `worker` is in one of `user_id`'s teams.
pub async fn in_my_teams(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    user_id: Uuid,
    worker: Uuid,
) -> Result<bool, DbErr> {
    let q = Query::select()
        .expr(Expr::val(1))
        .from_subquery(team_workers(organisation_id, user_id), a("w"))
        .and_where(c("w", "user_id").eq(worker))
        .limit(1)
        .to_owned();
    Ok(db.query_one(&q).await?.is_some())
}

/// The worker's week, creating it (open, with the deadline of the organisation's
/// settings and the contract hours of the membership) on first use.
pub async fn week_of(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    user_id: Uuid,
    week: IsoWeek,
    deadline_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<timesheet::Model, DbErr> {
    let find = || {
        timesheet::Entity::find()
            .filter(timesheet::Column::OrganisationId.eq(organisation_id))
            .filter(timesheet::Column::UserId.eq(user_id))
            .filter(timesheet::Column::WeekStart.eq(week.monday()))
    };
    if let Some(t) = find().one(db).await? {
        return Ok(t);
    }
    let terms = membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(organisation_id))
        .filter(membership::Column::UserId.eq(user_id))
        .one(db)
        .await?
        .map(|m| Terms::of(&m))
        .unwrap_or_default();
    let row = new_week(organisation_id, user_id, week, deadline_at, terms, now);
    match row.insert(db).await {
        Ok(t) => Ok(t),
        // Two first looks at once: the unique index keeps one; read it.
        Err(e) if matches!(e.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_))) => {
            find().one(db).await?.ok_or(e)
        }
        Err(e) => Err(e),
    }
}

/// What a week takes over from the worker's membership when it is made, and keeps
/// when the membership later changes: the week shows what it was worked under.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Terms {
    /// Contract minutes per week.
    pub contract_minutes: Option<i32>,
    /// Cost centre or placement.
    pub cost_centre: Option<String>,
}

impl Terms {
    /// The membership's current terms.
    pub fn of(m: &membership::Model) -> Self {
        Self { contract_minutes: m.contract_minutes, cost_centre: m.cost_centre.clone() }
    }
}

/// A new open week, not yet stored.
pub fn new_week(
    organisation_id: Uuid,
    user_id: Uuid,
    week: IsoWeek,
    deadline_at: DateTime<Utc>,
    terms: Terms,
    now: DateTime<Utc>,
) -> timesheet::ActiveModel {
    timesheet::ActiveModel {
        id: Set(Uuid::now_v7()),
        organisation_id: Set(organisation_id),
        user_id: Set(user_id),
        week_start: Set(week.monday()),
        status: Set(WeekStatus::Open.as_str().into()),
        late: Set(false),
        version: Set(0),
        total_minutes: Set(0),
        contract_minutes: Set(terms.contract_minutes),
        cost_centre: Set(terms.cost_centre),
        deadline_at: Set(deadline_at),
        signed_at: Set(None),
        decided_at: Set(None),
        decided_by: Set(None),
        rejection_reason: Set(None),
        processed_at: Set(None),
        export_batch_id: Set(None),
        correction_pending: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
    }
}

/// One week by id within the organisation.
pub async fn by_id(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    id: Uuid,
) -> Result<Option<timesheet::Model>, DbErr> {
    timesheet::Entity::find_by_id(id)
        .filter(timesheet::Column::OrganisationId.eq(organisation_id))
        .one(db)
        .await
}

/// Appends to a week's history.
pub async fn record(
    db: &impl ConnectionTrait,
    sheet: &timesheet::Model,
    by: By<'_>,
    action: &str,
    reason: Option<String>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    event(sheet.id, sheet.organisation_id, by, action, reason, now).insert(db).await?;
    Ok(())
}

/// A history row, not yet stored (for inserting many at once).
pub fn event(
    timesheet_id: Uuid,
    organisation_id: Uuid,
    by: By<'_>,
    action: &str,
    reason: Option<String>,
    now: DateTime<Utc>,
) -> timesheet_event::ActiveModel {
    timesheet_event::ActiveModel {
        id: Set(Uuid::now_v7()),
        timesheet_id: Set(timesheet_id),
        organisation_id: Set(organisation_id),
        at: Set(now),
        actor_user_id: Set(by.user_id),
        actor_name: Set(by.name.map(str::to_string)),
        action: Set(action.into()),
        reason: Set(reason),
    }
}

fn time_of(minute: Option<i32>) -> Option<NaiveTime> {
    minute.and_then(|m| NaiveTime::from_hms_opt((m / 60) as u32, (m % 60) as u32, 0))
}

fn minute_of(t: Option<NaiveTime>) -> Option<i32> {
    use chrono::Timelike;
    t.map(|t| (t.hour() * 60 + t.minute()) as i32)
}

fn client_ref(c: client::Model) -> ClientRef {
    ClientRef { id: c.id, name: c.name, municipality: c.municipality }
}

/// A stored line as the API shows it, with its client.
fn entry_of(r: &timesheet_entry::Model, client: Option<ClientRef>) -> Entry {
    Entry {
        id: r.id,
        day: r.day,
        client,
        hour_type: r.hour_type.clone(),
        start: time_of(r.start_minute),
        end: time_of(r.end_minute),
        break_minutes: r.break_minutes,
        minutes: r.minutes,
        note: r.note.clone(),
        source: EntrySource::parse(&r.source),
    }
}

/// The week's lines by day and start, each as stored and as the API shows it
/// (`Entry::to_input` gives it back as input): one query, clients joined.
pub async fn lines(
    db: &impl ConnectionTrait,
    timesheet_id: Uuid,
) -> Result<Vec<(timesheet_entry::Model, Entry)>, DbErr> {
    let rows = timesheet_entry::Entity::find()
        .find_also_related(client::Entity)
        .filter(timesheet_entry::Column::TimesheetId.eq(timesheet_id))
        .order_by_asc(timesheet_entry::Column::Day)
        .order_by_asc(timesheet_entry::Column::StartMinute)
        .order_by_asc(timesheet_entry::Column::Id)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(r, c)| {
            let entry = entry_of(&r, c.map(client_ref));
            (r, entry)
        })
        .collect())
}

/// The week's lines, by day and start, with their clients.
pub async fn entries(db: &impl ConnectionTrait, timesheet_id: Uuid) -> Result<Vec<Entry>, DbErr> {
    Ok(lines(db, timesheet_id).await?.into_iter().map(|(_, e)| e).collect())
}

/// Clients by id (one query).
pub async fn clients_by_id(db: &impl ConnectionTrait, ids: &[Uuid]) -> Result<Vec<ClientRef>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(client::Entity::find()
        .filter(client::Column::Id.is_in(ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(client_ref)
        .collect())
}

/// How many of `ids` are active clients of the organisation.
pub async fn known_clients(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    ids: &[Uuid],
) -> Result<Vec<Uuid>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(client::Entity::find()
        .filter(client::Column::OrganisationId.eq(organisation_id))
        .filter(client::Column::Active.eq(true))
        .filter(client::Column::Id.is_in(ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.id)
        .collect())
}

/// Replaces all lines of a week. Lines that come back unchanged keep where they came
/// from (a planned line stays planned); changed and new lines get `source`.
/// Returns the new total in minutes.
pub async fn replace_entries(
    db: &impl ConnectionTrait,
    sheet: &timesheet::Model,
    inputs: &[EntryInput],
    source: EntrySource,
    now: DateTime<Utc>,
) -> Result<i32, DbErr> {
    let old = timesheet_entry::Entity::find()
        .filter(timesheet_entry::Column::TimesheetId.eq(sheet.id))
        .all(db)
        .await?;
    timesheet_entry::Entity::delete_many()
        .filter(timesheet_entry::Column::TimesheetId.eq(sheet.id))
        .exec(db)
        .await?;
    let mut total = 0;
    let mut rows = Vec::with_capacity(inputs.len());
    for e in inputs {
        let minutes = e.minutes_worked().unwrap_or(0);
        total += minutes;
        let note = e.note.as_ref().map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
        let (start, end) = (minute_of(e.start), minute_of(e.end));
        let same = old.iter().find(|o| {
            Some(o.id) == e.id
                && o.day == e.day
                && o.client_id == e.client_id
                && o.hour_type == e.hour_type
                && o.start_minute == start
                && o.end_minute == end
                && o.break_minutes == e.break_minutes
                && o.minutes == minutes
                && o.note == note
        });
        let previous = old.iter().find(|o| Some(o.id) == e.id);
        rows.push(timesheet_entry::ActiveModel {
            id: Set(same.map(|o| o.id).unwrap_or_else(Uuid::now_v7)),
            timesheet_id: Set(sheet.id),
            organisation_id: Set(sheet.organisation_id),
            day: Set(e.day),
            client_id: Set(e.client_id),
            hour_type: Set(e.hour_type.clone()),
            start_minute: Set(start),
            end_minute: Set(end),
            break_minutes: Set(e.break_minutes),
            minutes: Set(minutes),
            note: Set(note),
            source: Set(same.map(|o| o.source.clone()).unwrap_or_else(|| source.as_str().into())),
            external_id: Set(previous.and_then(|o| o.external_id.clone())),
            created_at: Set(same.map(|o| o.created_at).unwrap_or(now)),
        });
    }
    if !rows.is_empty() {
        timesheet_entry::Entity::insert_many(rows).exec(db).await?;
    }
    Ok(total)
}

/// The week's history, oldest first.
pub async fn history(db: &impl ConnectionTrait, timesheet_id: Uuid) -> Result<Vec<WeekEvent>, DbErr> {
    Ok(timesheet_event::Entity::find()
        .filter(timesheet_event::Column::TimesheetId.eq(timesheet_id))
        .order_by_asc(timesheet_event::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|e| WeekEvent { at: e.at, action: e.action, actor_name: e.actor_name, reason: e.reason })
        .collect())
}

/// People's names by id (one query).
pub async fn names_of(db: &impl ConnectionTrait, ids: &[Uuid]) -> Result<Vec<(Uuid, String)>, DbErr> {
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect())
}

/// Filters of the approvers' list.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    /// Only this worker (their own list).
    pub worker: Option<Uuid>,
    /// Only workers in the teams of this person.
    pub teams_of: Option<Uuid>,
    /// Only this status.
    pub status: Option<WeekStatus>,
    /// Only workers in this team.
    pub team_id: Option<Uuid>,
    /// Only weeks with hours for this client.
    pub client_id: Option<Uuid>,
    /// From this week.
    pub from: Option<NaiveDate>,
    /// Up to this week.
    pub to: Option<NaiveDate>,
    /// Late or not.
    pub late: Option<bool>,
    /// Only weeks worked under this cost centre.
    pub cost_centre: Option<String>,
    /// Part of the worker's name or of the rejection reason, or a week (`2026-W45`, `45`).
    pub search: Option<String>,
}

/// Limits a query on `timesheets t` to the worker's own weeks or a person's teams.
fn whose(q: &mut SelectStatement, organisation_id: Uuid, f: &ListFilter) {
    if let Some(w) = f.worker {
        q.and_where(c("t", "user_id").eq(w));
    }
    if let Some(me) = f.teams_of {
        q.and_where(c("t", "user_id").in_subquery(team_workers(organisation_id, me)));
    }
}

/// The distinct cost centres of the weeks `f` allows (its worker or teams), alphabetical.
pub async fn cost_centres(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    f: &ListFilter,
) -> Result<Vec<String>, DbErr> {
    let mut q = Query::select();
    q.distinct()
        .expr_as(c("t", "cost_centre"), a("cost_centre"))
        .from_as(a("timesheets"), a("t"))
        .and_where(c("t", "organisation_id").eq(organisation_id))
        .and_where(c("t", "cost_centre").is_not_null())
        .order_by((a("t"), a("cost_centre")), Order::Asc);
    whose(&mut q, organisation_id, f);
    db.query_all(&q).await?.iter().map(|r| r.try_get("", "cost_centre")).collect()
}

/// A page of weeks, newest week first, then by id; `after` is the last (week, id) seen.
pub async fn list(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    f: &ListFilter,
    now: DateTime<Utc>,
    after: Option<(NaiveDate, Uuid)>,
    limit: u64,
) -> Result<Vec<TimesheetSummary>, DbErr> {
    let t = |col: &str| c("t", col);
    let mut q = Query::select();
    for col in [
        "id",
        "user_id",
        "week_start",
        "status",
        "late",
        "total_minutes",
        "contract_minutes",
        "deadline_at",
        "signed_at",
        "rejection_reason",
        "correction_pending",
        "cost_centre",
    ] {
        q.expr_as(t(col), a(col));
    }
    q.expr_as(c("u", "name"), a("worker_name"))
        .from_as(a("timesheets"), a("t"))
        .join_as(JoinType::InnerJoin, a("users"), a("u"), c("u", "id").equals((a("t"), a("user_id"))))
        .and_where(t("organisation_id").eq(organisation_id))
        .order_by((a("t"), a("week_start")), Order::Desc)
        .order_by((a("t"), a("id")), Order::Desc)
        .limit(limit + 1);
    whose(&mut q, organisation_id, f);
    if let Some(team) = f.team_id {
        let members = members_of(organisation_id, c("tm", "team_id").eq(team));
        q.and_where(t("user_id").in_subquery(members));
    }
    if let Some(status) = f.status {
        q.and_where(t("status").eq(status.as_str()));
    }
    if let Some(client) = f.client_id {
        let with_client = Query::select()
            .column((a("e"), a("timesheet_id")))
            .from_as(a("timesheet_entries"), a("e"))
            .and_where(c("e", "organisation_id").eq(organisation_id))
            .and_where(c("e", "client_id").eq(client))
            .to_owned();
        q.and_where(t("id").in_subquery(with_client));
    }
    if let Some(from) = f.from {
        q.and_where(t("week_start").gte(from));
    }
    if let Some(to) = f.to {
        q.and_where(t("week_start").lte(to));
    }
    // Late: flagged by the deadline job, or open past its deadline before the job ran.
    let late = t("late").eq(true).or(t("status").eq("open").and(t("deadline_at").lte(now)));
    match f.late {
        Some(true) => {
            q.and_where(late);
        }
        Some(false) => {
            q.and_where(late.not());
        }
        None => {}
    }
    if let Some(cc) = f.cost_centre.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        q.and_where(t("cost_centre").eq(cc));
    }
    if let Some(s) = f.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let pattern = format!("%{}%", s.to_lowercase().replace(['%', '_'], ""));
        let mut matches = Expr::expr(Func::lower(Expr::col((a("u"), a("name"))))).like(pattern.clone()).or(
            // The reason only while it is shown: a week signed again keeps the old text.
            t("status")
                .eq(WeekStatus::Rejected.as_str())
                .and(Expr::expr(Func::lower(t("rejection_reason"))).like(pattern)),
        );
        if let Some(w) = WeekSearch::parse(s) {
            // Weeks are stored by their Monday: a week number means its Monday in each
            // year around now, which keeps the comparison on the index.
            let year = now.year();
            matches = matches.or(t("week_start").is_in(w.mondays(year - 10..=year + 1)));
        }
        q.and_where(matches);
    }
    if let Some((week, id)) = after {
        q.and_where(t("week_start").lt(week).or(t("week_start").eq(week).and(t("id").lt(id))));
    }
    let rows = db.query_all(&q).await?;
    rows.into_iter()
        .map(|r| {
            let status: String = r.try_get("", "status")?;
            let status = WeekStatus::parse(&status).unwrap_or(WeekStatus::Open);
            let deadline_at: DateTime<Utc> = r.try_get("", "deadline_at")?;
            let flagged: bool = r.try_get("", "late")?;
            let week_start: NaiveDate = r.try_get("", "week_start")?;
            Ok(TimesheetSummary {
                id: r.try_get("", "id")?,
                worker_id: r.try_get("", "user_id")?,
                worker_name: r.try_get("", "worker_name")?,
                week: IsoWeek::of(week_start),
                status,
                late: flagged || (status == WeekStatus::Open && now >= deadline_at),
                total_minutes: r.try_get("", "total_minutes")?,
                contract_minutes: r.try_get("", "contract_minutes")?,
                deadline_at,
                signed_at: r.try_get("", "signed_at")?,
                rejection_reason: if status == WeekStatus::Rejected {
                    r.try_get("", "rejection_reason")?
                } else {
                    None
                },
                correction_pending: r.try_get("", "correction_pending")?,
                cost_centre: r.try_get("", "cost_centre")?,
            })
        })
        .collect()
}

/// A week row as a summary.
pub fn summary(t: &timesheet::Model, worker_name: String, now: DateTime<Utc>) -> TimesheetSummary {
    let status = WeekStatus::parse(&t.status).unwrap_or(WeekStatus::Open);
    TimesheetSummary {
        id: t.id,
        worker_id: t.user_id,
        worker_name,
        week: IsoWeek::of(t.week_start),
        status,
        late: t.late || (status == WeekStatus::Open && now >= t.deadline_at),
        total_minutes: t.total_minutes,
        contract_minutes: t.contract_minutes,
        deadline_at: t.deadline_at,
        signed_at: t.signed_at,
        rejection_reason: if status == WeekStatus::Rejected { t.rejection_reason.clone() } else { None },
        correction_pending: t.correction_pending,
        cost_centre: t.cost_centre.clone(),
    }
}

/// The clients a correction's lines name, with their names.
pub async fn clients_of(db: &impl ConnectionTrait, entries: &[EntryInput]) -> Result<Vec<ClientRef>, DbErr> {
    let mut ids: Vec<Uuid> = entries.iter().filter_map(|e| e.client_id).collect();
    ids.sort();
    ids.dedup();
    clients_by_id(db, &ids).await
}

/// A correction row as the API shows it.
pub async fn correction(
    db: &impl ConnectionTrait,
    row: hour_correction::Model,
    sheet: &timesheet::Model,
) -> Result<CorrectionRequest, DbErr> {
    let mut ids = vec![sheet.user_id];
    ids.extend(row.decided_by);
    let names = names_of(db, &ids).await?;
    let name = |id: Uuid| names.iter().find(|(u, _)| *u == id).map(|(_, n)| n.clone());
    let entries: Vec<EntryInput> = serde_json::from_str(&row.entries).unwrap_or_default();
    Ok(CorrectionRequest {
        id: row.id,
        timesheet_id: row.timesheet_id,
        week: IsoWeek::of(sheet.week_start),
        worker_id: sheet.user_id,
        worker_name: name(sheet.user_id).unwrap_or_default(),
        reason: row.reason,
        clients: clients_of(db, &entries).await?,
        entries,
        minutes_before: row.minutes_before,
        minutes_after: row.minutes_after,
        status: CorrectionStatus::parse(&row.status).unwrap_or(CorrectionStatus::Pending),
        requested_at: row.requested_at,
        decided_by: row.decided_by.and_then(name),
        decided_at: row.decided_at,
        decision_reason: row.decision_reason,
    })
}

/// The week's pending correction, if any.
pub async fn pending_correction(
    db: &impl ConnectionTrait,
    sheet: &timesheet::Model,
) -> Result<Option<CorrectionRequest>, DbErr> {
    let row = hour_correction::Entity::find()
        .filter(hour_correction::Column::TimesheetId.eq(sheet.id))
        .filter(hour_correction::Column::Status.eq(CorrectionStatus::Pending.as_str()))
        .one(db)
        .await?;
    match row {
        Some(r) => Ok(Some(correction(db, r, sheet).await?)),
        None => Ok(None),
    }
}
