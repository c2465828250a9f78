//! Storage of cases: their history for the engine, the materialised activities
//! (so the dossier view filters and sorts in SQL), case numbers and the timeline.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use shared::absence::poortwachter::{self, ActivityState, CaseHistory, SickSpell};
use uuid::Uuid;

use crate::entities::{absence_activity, absence_case, absence_event, absence_recovery, absence_spell};

/// Stored activity states; "overdue" is an open activity past its due date.
pub const OPEN: &str = "open";
/// Done: keeps its record whatever happens to the history.
pub const DONE: &str = "done";
/// No longer due: the case closed before it was done.
pub const CLOSED: &str = "closed";

/// Who did something, for the timeline.
#[derive(Debug, Clone, Copy)]
pub struct By<'a> {
    /// The person, if a person.
    pub user_id: Option<Uuid>,
    /// Their name.
    pub name: &'a str,
}

/// The case's spells, oldest first.
pub async fn spells(db: &impl ConnectionTrait, case_id: Uuid) -> Result<Vec<absence_spell::Model>, DbErr> {
    absence_spell::Entity::find()
        .filter(absence_spell::Column::CaseId.eq(case_id))
        .order_by_asc(absence_spell::Column::FirstDay)
        .all(db)
        .await
}

/// The case's recovery steps, oldest first.
pub async fn recoveries(
    db: &impl ConnectionTrait,
    case_id: Uuid,
) -> Result<Vec<absence_recovery::Model>, DbErr> {
    absence_recovery::Entity::find()
        .filter(absence_recovery::Column::CaseId.eq(case_id))
        .order_by_asc(absence_recovery::Column::FromDate)
        .all(db)
        .await
}

/// The engine's view of a case.
pub fn history(case: &absence_case::Model, spells: &[absence_spell::Model]) -> CaseHistory {
    CaseHistory {
        spells: spells
            .iter()
            .map(|s| SickSpell { first_day: s.first_day, recovered_on: s.recovered_on })
            .collect(),
        out_of_employment_on: case.out_of_employment_on,
    }
}

/// The partial steps of the current spell, for the engine's checks.
pub fn partial_steps(
    spells: &[absence_spell::Model],
    steps: &[absence_recovery::Model],
) -> Vec<(NaiveDate, u8)> {
    let from = spells.last().map(|s| s.first_day).unwrap_or(NaiveDate::MIN);
    steps
        .iter()
        .filter(|r| r.from_date >= from && r.percent < 100)
        .map(|r| (r.from_date, u8::try_from(r.percent).unwrap_or(100)))
        .collect()
}

fn stored_state(state: ActivityState) -> &'static str {
    match state {
        // Only a milestone nobody acts on (end of wage continuation) is "done" by the
        // calendar; stored as closed, so a relapse can still move it.
        ActivityState::Done => CLOSED,
        ActivityState::Closed => CLOSED,
        ActivityState::Open | ActivityState::Overdue => OPEN,
    }
}

/// Recomputes the case's activities after its history changed: due dates move,
/// what is no longer due closes, what is due again reopens; done activities keep
/// their record untouched. Pregnancy or maternity leave is not sickness: such a case
/// plans no poortwachter step and closes the open ones (they reopen if the flag is
/// taken off again).
pub async fn replan(
    db: &impl ConnectionTrait,
    case: &absence_case::Model,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let spells = spells(db, case.id).await?;
    let history = history(case, &spells);
    let existing: HashMap<String, absence_activity::Model> = absence_activity::Entity::find()
        .filter(absence_activity::Column::CaseId.eq(case.id))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.key.clone(), a))
        .collect();
    let closed = history.spells.last().is_some_and(|s| s.recovered_on.is_some());
    let plan = if case.pregnancy_leave { vec![] } else { poortwachter::plan(&history) };
    if case.pregnancy_leave {
        absence_activity::Entity::update_many()
            .col_expr(absence_activity::Column::State, CLOSED.into())
            .filter(absence_activity::Column::CaseId.eq(case.id))
            .filter(absence_activity::Column::Custom.eq(false))
            .filter(absence_activity::Column::State.eq(OPEN))
            .exec(db)
            .await?;
    }
    for planned in plan {
        let state = stored_state(poortwachter::state_of(&history, &planned, false, today));
        match existing.get(&planned.key) {
            Some(row) if row.state == DONE => {}
            Some(row) => {
                let unchanged = row.due_on == planned.due_on
                    && row.window_from == planned.window_from
                    && row.state == state
                    && row.owner == planned.owner.as_str();
                if !unchanged {
                    let moved = row.due_on != planned.due_on;
                    let mut m: absence_activity::ActiveModel = row.clone().into();
                    m.due_on = Set(planned.due_on);
                    m.window_from = Set(planned.window_from);
                    m.owner = Set(planned.owner.as_str().into());
                    m.state = Set(state.into());
                    if moved {
                        m.notified_due = Set(false);
                    }
                    m.update(db).await?;
                }
            }
            None => {
                absence_activity::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    case_id: Set(case.id),
                    organisation_id: Set(case.organisation_id),
                    key: Set(planned.key.clone()),
                    kind: Set(planned.kind.as_str().into()),
                    owner: Set(planned.owner.as_str().into()),
                    title: Set(None),
                    window_from: Set(planned.window_from),
                    due_on: Set(planned.due_on),
                    state: Set(state.into()),
                    done_on: Set(None),
                    done_by: Set(None),
                    done_by_name: Set(None),
                    custom: Set(false),
                    // The first look at a case shows what is already due; no mail for the past.
                    notified_due: Set(planned.due_on < today),
                    created_by: Set(None),
                    created_at: Set(now),
                }
                .insert(db)
                .await?;
            }
        }
    }
    // Added activities follow the case: closed with it, open again after a relapse.
    let custom_state = if closed { CLOSED } else { OPEN };
    for row in existing.values().filter(|a| a.custom && a.state != DONE && a.state != custom_state) {
        let mut m: absence_activity::ActiveModel = row.clone().into();
        m.state = Set(custom_state.into());
        m.update(db).await?;
    }
    Ok(())
}

/// The next case number of the organisation for the year of `today`: `2026-0007`.
/// The unique index decides between two reports at the same moment; the caller retries.
pub async fn next_case_number(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    today: NaiveDate,
) -> Result<String, DbErr> {
    let prefix = format!("{}-", today.year());
    let n = absence_case::Entity::find()
        .filter(absence_case::Column::OrganisationId.eq(organisation_id))
        .filter(absence_case::Column::CaseNumber.starts_with(&prefix))
        .count(db)
        .await?;
    Ok(format!("{prefix}{:04}", n + 1))
}

/// Adds a line to the case's timeline.
pub async fn event(
    db: &impl ConnectionTrait,
    case_id: Uuid,
    by: By<'_>,
    action: &str,
    detail: Option<String>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    absence_event::ActiveModel {
        id: Set(Uuid::now_v7()),
        case_id: Set(case_id),
        at: Set(now),
        actor_user_id: Set(by.user_id),
        actor_name: Set(by.name.to_string()),
        action: Set(action.into()),
        detail: Set(detail),
    }
    .insert(db)
    .await
    .map(|_| ())
}

/// The person's latest case in the organisation, if any.
pub async fn latest_case_of(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    user_id: Uuid,
) -> Result<Option<absence_case::Model>, DbErr> {
    absence_case::Entity::find()
        .filter(absence_case::Column::OrganisationId.eq(organisation_id))
        .filter(absence_case::Column::UserId.eq(user_id))
        .filter(absence_case::Column::AnonymisedAt.is_null())
        .order_by_desc(absence_case::Column::FirstSickDay)
        .one(db)
        .await
}

/// Marks the case's activity `key` done on `on` (for steps Poort itself completes).
pub async fn mark_done(
    db: &impl ConnectionTrait,
    case_id: Uuid,
    key: &str,
    on: NaiveDate,
    by: By<'_>,
) -> Result<(), DbErr> {
    absence_activity::Entity::update_many()
        .col_expr(absence_activity::Column::State, DONE.into())
        .col_expr(absence_activity::Column::DoneOn, on.into())
        .col_expr(absence_activity::Column::DoneBy, by.user_id.into())
        .col_expr(absence_activity::Column::DoneByName, by.name.into())
        .filter(absence_activity::Column::CaseId.eq(case_id))
        .filter(absence_activity::Column::Key.eq(key))
        .exec(db)
        .await
        .map(|_| ())
}
