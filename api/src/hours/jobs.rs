//! The hours clock: at each organisation's deadline, unsigned weeks lock and are
//! flagged late (weeks nobody opened are created so they show as missing); at the
//! reminder moments, those who have not signed get a mail. Each moment runs once
//! per organisation and week, even with several server processes, because the run
//! is claimed in `hours_job_runs` in the same transaction as its work.

use std::time::Duration as StdDuration;

use actix_web::web;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, ExprTrait, QueryFilter, QuerySelect,
    Set, TransactionTrait,
    sea_query::{Alias, Expr, Query},
};
use shared::{
    auth::Role,
    hours::{HoursSettings, IsoWeek, WeekStatus},
};
use uuid::Uuid;

use super::{mail, settings, store};
use crate::{
    db::Db,
    entities::{hours_job_run, membership, organisation, timesheet, timesheet_event, user},
    state::AppState,
};

/// Reminders older than this are not sent after an outage: they would only confuse.
const STALE_REMINDER_HOURS: i64 = 24;

/// What one run did (for logs and tests).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// Weeks locked and flagged late.
    pub locked: usize,
    /// Missing weeks created at a deadline.
    pub created: usize,
    /// Reminder mails queued.
    pub reminded: usize,
}

/// Does everything due at `now`.
pub async fn run_due(db: &Db, base_url: &str, now: DateTime<Utc>) -> Result<Report, DbErr> {
    let mut report = Report::default();
    let stored = settings::all(&db.read).await?;
    let orgs: Vec<Uuid> = organisation::Entity::find()
        .select_only()
        .column(organisation::Column::Id)
        .into_tuple()
        .all(&db.read)
        .await?;
    for org in orgs {
        let s = stored.iter().find(|(o, _)| *o == org).map(|(_, s)| s.clone()).unwrap_or_default();
        if !s.enabled {
            continue;
        }
        report.created += at_deadline(db, org, &s, now).await?;
        report.reminded += reminders(db, base_url, org, &s, now).await?;
    }
    report.locked += lock_late(db, now).await?;
    Ok(report)
}

/// Claims a moment; `false` when it already ran.
async fn claim(
    db: &impl ConnectionTrait,
    org: Uuid,
    week: IsoWeek,
    kind: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let done = hours_job_run::Entity::find()
        .filter(hours_job_run::Column::OrganisationId.eq(org))
        .filter(hours_job_run::Column::WeekStart.eq(week.monday()))
        .filter(hours_job_run::Column::Kind.eq(kind))
        .one(db)
        .await?;
    if done.is_some() {
        return Ok(false);
    }
    let row = hours_job_run::ActiveModel {
        organisation_id: Set(org),
        week_start: Set(week.monday()),
        kind: Set(kind.into()),
        ran_at: Set(now),
    };
    match row.insert(db).await {
        Ok(_) => Ok(true),
        Err(e) if matches!(e.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_))) => Ok(false),
        Err(e) => Err(e),
    }
}

/// The workers of an organisation: members with the employee role.
fn workers(org: Uuid) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(membership::Column::UserId)
        .from(membership::Entity)
        .and_where(Expr::col(membership::Column::OrganisationId).eq(org))
        .and_where(Expr::col(membership::Column::Role).eq(Role::Employee.as_str()))
        .to_owned()
}

/// Workers without a week `week`, or whose week still waits for them.
async fn unsigned_workers(
    db: &impl ConnectionTrait,
    org: Uuid,
    week: IsoWeek,
) -> Result<Vec<user::Model>, DbErr> {
    let signed = Query::select()
        .column((Alias::new("timesheets"), Alias::new("user_id")))
        .from(Alias::new("timesheets"))
        .and_where(Expr::col(Alias::new("organisation_id")).eq(org))
        .and_where(Expr::col(Alias::new("week_start")).eq(week.monday()))
        .and_where(
            Expr::col(Alias::new("status"))
                .is_not_in([WeekStatus::Open.as_str(), WeekStatus::Rejected.as_str()]),
        )
        .to_owned();
    user::Entity::find()
        .filter(Expr::col((user::Entity, user::Column::Id)).in_subquery(workers(org)))
        .filter(Expr::col((user::Entity, user::Column::Id)).not_in_subquery(signed))
        .all(db)
        .await
}

/// Rows per insert statement when the deadline creates the missing weeks.
const INSERT_BATCH: usize = 500;

/// At the deadline of the week that just closed: creates the weeks workers never
/// opened, already late, so the coordinator sees who is missing.
async fn at_deadline(db: &Db, org: Uuid, s: &HoursSettings, now: DateTime<Utc>) -> Result<usize, DbErr> {
    let week = s.last_closed_week(now);
    let txn = db.write.begin().await?;
    if !claim(&txn, org, week, "deadline", now).await? {
        return Ok(0);
    }
    let have = Query::select()
        .column((Alias::new("timesheets"), Alias::new("user_id")))
        .from(Alias::new("timesheets"))
        .and_where(Expr::col(Alias::new("organisation_id")).eq(org))
        .and_where(Expr::col(Alias::new("week_start")).eq(week.monday()))
        .to_owned();
    let missing = membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(org))
        .filter(membership::Column::Role.eq(Role::Employee.as_str()))
        .filter(Expr::col(membership::Column::UserId).not_in_subquery(have))
        .all(&txn)
        .await?;
    let deadline = s.deadline_of(week);
    let ids: Vec<Uuid> = missing.iter().map(|_| Uuid::now_v7()).collect();
    let rows: Vec<timesheet::ActiveModel> = missing
        .iter()
        .zip(&ids)
        .map(|(m, id)| {
            let mut t = store::new_week(org, m.user_id, week, deadline, store::Terms::of(m), now);
            t.id = Set(*id);
            t.late = Set(true);
            t
        })
        .collect();
    let n = rows.len();
    // In batches: one statement binds every column of every row, and SQLite refuses more
    // than 32,766 values (a week has 20 columns: 1,638 workers). Still one transaction.
    for (rows, ids) in rows.chunks(INSERT_BATCH).zip(ids.chunks(INSERT_BATCH)) {
        timesheet::Entity::insert_many(rows.to_vec()).exec(&txn).await?;
        let events = ids.iter().map(|id| store::event(*id, org, store::By::SYSTEM, "locked", None, now));
        timesheet_event::Entity::insert_many(events).exec(&txn).await?;
    }
    txn.commit().await?;
    Ok(n)
}

/// Reminder moments of the week whose deadline comes next.
async fn reminders(
    db: &Db,
    base_url: &str,
    org: Uuid,
    s: &HoursSettings,
    now: DateTime<Utc>,
) -> Result<usize, DbErr> {
    let week = s.last_closed_week(now).next();
    let mut sent = 0;
    for i in s.reminders_between(week, now - Duration::hours(STALE_REMINDER_HOURS), now) {
        let txn = db.write.begin().await?;
        if !claim(&txn, org, week, &format!("reminder:{i}"), now).await? {
            continue;
        }
        let deadline = s.deadline_of(week);
        for worker in unsigned_workers(&txn, org, week).await? {
            mail::reminder(&txn, base_url, org, &worker, week, deadline, now).await?;
            sent += 1;
        }
        txn.commit().await?;
    }
    Ok(sent)
}

/// Flags open weeks past their deadline as late (they lock for the worker), in
/// batches, with a history line each.
async fn lock_late(db: &Db, now: DateTime<Utc>) -> Result<usize, DbErr> {
    let mut total = 0;
    loop {
        let txn = db.write.begin().await?;
        let due: Vec<(Uuid, Uuid)> = timesheet::Entity::find()
            .select_only()
            .column(timesheet::Column::Id)
            .column(timesheet::Column::OrganisationId)
            .filter(timesheet::Column::Status.eq(WeekStatus::Open.as_str()))
            .filter(timesheet::Column::Late.eq(false))
            .filter(timesheet::Column::DeadlineAt.lte(now))
            .limit(500)
            .into_tuple()
            .all(&txn)
            .await?;
        if due.is_empty() {
            return Ok(total);
        }
        let ids: Vec<Uuid> = due.iter().map(|(id, _)| *id).collect();
        timesheet::Entity::update_many()
            .col_expr(timesheet::Column::Late, Expr::value(true))
            .filter(timesheet::Column::Id.is_in(ids))
            .exec(&txn)
            .await?;
        let events =
            due.iter().map(|(id, org)| store::event(*id, *org, store::By::SYSTEM, "locked", None, now));
        timesheet_event::Entity::insert_many(events).exec(&txn).await?;
        txn.commit().await?;
        total += due.len();
    }
}

/// Runs the hours clock in `poort serve`, every minute unless configured otherwise
/// (a browser test watching a deadline pass wants seconds).
pub fn spawn(state: web::Data<AppState>) {
    let interval = StdDuration::from_secs(Ord::max(state.config.hours_job_interval_secs, 1));
    actix_web::rt::spawn(async move {
        loop {
            let base_url = state.config.public_url();
            match run_due(&state.db, &base_url, state.clock.now()).await {
                Ok(r) if r != Report::default() => tracing::info!(?r, "hours deadlines and reminders"),
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "hours job"),
            }
            actix_web::rt::time::sleep(interval).await;
        }
    });
}
