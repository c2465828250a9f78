//! The lists: cases, and the dossier view of seed 004 — every activity done or
//! still to do across the cases, filtered and searched in SQL with keyset
//! pagination; a page costs a fixed number of queries, never one per row.
//! Also marking activities done, adding activities, and the dashboard's pending list.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter,
    QueryOrder, QuerySelect, Select, Set,
    sea_query::{Alias, Expr, Func, Query, SelectStatement},
};
use shared::{
    Page,
    absence::{
        AbsencePending, Activity, ActivityDone, ActivityKind, CaseStatus, CaseSummary, NewActivity, Owner,
        PersonRef,
    },
};
use uuid::Uuid;

use super::{
    access::{self, Audience},
    reports::today,
    store, view,
};
use crate::{
    auth::Actor,
    entities::{absence_activity, absence_case, organisation, user},
    error::{ApiError, Validation},
    pagination::{self, PageQuery},
    state::AppState,
};

/// Query of `GET /api/v1/absence-cases`.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CaseQuery {
    /// Only open or only closed cases.
    pub status: Option<CaseStatus>,
    /// Part of the employee's name, or the case number.
    pub q: Option<String>,
    /// Items per page, 1–200 (default 50).
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// Query of `GET /api/v1/absence-activities`.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ActivityQuery {
    /// Done (`true`) or still to do (`false`; open and overdue).
    pub done: Option<bool>,
    /// Only overdue activities.
    pub overdue: Option<bool>,
    /// Due on or after this day.
    pub due_from: Option<NaiveDate>,
    /// Due on or before this day.
    pub due_to: Option<NaiveDate>,
    /// Only this employee's cases.
    pub employee_id: Option<Uuid>,
    /// Only this activity.
    pub kind: Option<ActivityKind>,
    /// Part of the employee's name, or the case number.
    pub q: Option<String>,
    /// Items per page, 1–200 (default 50).
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

fn pattern(q: &Option<String>) -> Option<String> {
    q.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| format!("%{}%", s.to_lowercase().replace(['%', '_'], "")))
}

/// Case ids whose employee name or case number matches `pattern`, within `orgs`.
fn matching_cases(orgs: &[Uuid], pattern: &str) -> SelectStatement {
    let names = Query::select()
        .column(user::Column::Id)
        .from(user::Entity)
        .and_where(Expr::expr(Func::lower(Expr::col(user::Column::Name))).like(pattern))
        .to_owned();
    Query::select()
        .column(absence_case::Column::Id)
        .from(absence_case::Entity)
        .and_where(absence_case::Column::OrganisationId.is_in(orgs.to_vec()))
        .cond_where(
            Condition::any()
                .add(absence_case::Column::UserId.in_subquery(names))
                .add(Expr::expr(Func::lower(Expr::col(absence_case::Column::CaseNumber))).like(pattern)),
        )
        .to_owned()
}

async fn names_of(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<HashMap<Uuid, String>, ApiError> {
    let ids: Vec<Uuid> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect())
}

fn orgs_or_forbidden(orgs: Vec<Uuid>) -> Result<Vec<Uuid>, ApiError> {
    if orgs.is_empty() { Err(ApiError::forbidden()) } else { Ok(orgs) }
}

/// Summaries of cases, with open/overdue counts in one grouped query.
async fn summaries(
    db: &impl ConnectionTrait,
    cases: Vec<absence_case::Model>,
    today: NaiveDate,
) -> Result<Vec<CaseSummary>, ApiError> {
    let ids: Vec<Uuid> = cases.iter().map(|c| c.id).collect();
    let mut counts: HashMap<Uuid, (u32, u32, Option<NaiveDate>)> = HashMap::new();
    if !ids.is_empty() {
        let rows: Vec<(Uuid, NaiveDate)> = absence_activity::Entity::find()
            .select_only()
            .column(absence_activity::Column::CaseId)
            .column(absence_activity::Column::DueOn)
            .filter(absence_activity::Column::CaseId.is_in(ids))
            .filter(absence_activity::Column::State.eq(store::OPEN))
            .into_tuple()
            .all(db)
            .await?;
        for (case, due) in rows {
            let e = counts.entry(case).or_default();
            e.0 += 1;
            if due < today {
                e.1 += 1;
            }
            e.2 = Some(e.2.map_or(due, |d: NaiveDate| Ord::min(d, due)));
        }
    }
    let names = names_of(db, cases.iter().filter_map(|c| c.user_id)).await?;
    let org_ids: Vec<Uuid> = cases.iter().map(|c| c.organisation_id).collect();
    let orgs: HashMap<Uuid, String> = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(org_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    Ok(cases
        .into_iter()
        .map(|c| {
            let (open, overdue, next) = counts.get(&c.id).copied().unwrap_or_default();
            CaseSummary {
                id: c.id,
                case_number: c.case_number,
                organisation_name: orgs.get(&c.organisation_id).cloned().unwrap_or_default(),
                employee: c
                    .user_id
                    .map(|id| PersonRef { id, name: names.get(&id).cloned().unwrap_or_default() }),
                status: CaseStatus::parse(&c.status).unwrap_or(CaseStatus::Open),
                first_sick_day: c.first_sick_day,
                incapacity_percent: c.incapacity_percent.clamp(0, 100) as u32,
                recovered_on: c.recovered_on,
                open_activities: open,
                overdue_activities: overdue,
                next_due_on: next,
            }
        })
        .collect())
}

/// A page of the cases the actor follows (employer or arbodienst), newest first.
pub async fn cases(state: &AppState, actor: &Actor, q: &CaseQuery) -> Result<Page<CaseSummary>, ApiError> {
    let db = &state.db.read;
    let orgs = orgs_or_forbidden(access::organisations(db, actor).await?)?;
    let page = PageQuery { limit: q.limit, cursor: q.cursor.clone() };
    let after: Option<(NaiveDate, Uuid)> = page.decode()?;
    let mut find = absence_case::Entity::find()
        .filter(absence_case::Column::OrganisationId.is_in(orgs.clone()))
        .filter(absence_case::Column::AnonymisedAt.is_null())
        .order_by_desc(absence_case::Column::FirstSickDay)
        .order_by_desc(absence_case::Column::Id)
        .limit(page.limit() + 1);
    if let Some(s) = q.status {
        find = find.filter(absence_case::Column::Status.eq(s.as_str()));
    }
    if let Some(p) = pattern(&q.q) {
        find = find.filter(absence_case::Column::Id.in_subquery(matching_cases(&orgs, &p)));
    }
    if let Some((day, id)) = after {
        find = find.filter(
            Condition::any().add(absence_case::Column::FirstSickDay.lt(day)).add(
                Condition::all()
                    .add(absence_case::Column::FirstSickDay.eq(day))
                    .add(absence_case::Column::Id.lt(id)),
            ),
        );
    }
    let rows = find.all(db).await?;
    let (rows, next_cursor) = pagination::page(rows, page.limit(), |c| (c.first_sick_day, c.id));
    Ok(Page { items: summaries(db, rows, today(state.clock.now())).await?, next_cursor })
}

/// The employee's own cases, newest first.
pub async fn own_cases(state: &AppState, actor: &Actor) -> Result<Vec<CaseSummary>, ApiError> {
    let db = &state.db.read;
    let rows = absence_case::Entity::find()
        .filter(absence_case::Column::OrganisationId.eq(actor.organisation_id))
        .filter(absence_case::Column::UserId.eq(actor.user_id))
        .filter(absence_case::Column::AnonymisedAt.is_null())
        .order_by_desc(absence_case::Column::FirstSickDay)
        .limit(100)
        .all(db)
        .await?;
    summaries(db, rows, today(state.clock.now())).await
}

/// Activities of the given cases' rows, with case numbers and names in two queries.
async fn with_cases(
    db: &impl ConnectionTrait,
    rows: Vec<absence_activity::Model>,
    today: NaiveDate,
) -> Result<Vec<Activity>, ApiError> {
    let case_ids: Vec<Uuid> = rows.iter().map(|r| r.case_id).collect();
    let cases: HashMap<Uuid, absence_case::Model> = if case_ids.is_empty() {
        HashMap::new()
    } else {
        absence_case::Entity::find()
            .filter(absence_case::Column::Id.is_in(case_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|c| (c.id, c))
            .collect()
    };
    let names = names_of(db, cases.values().filter_map(|c| c.user_id)).await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let case = cases.get(&r.case_id);
            let number = case.map(|c| c.case_number.as_str()).unwrap_or_default().to_string();
            let name = case.and_then(|c| c.user_id).and_then(|u| names.get(&u)).map(String::as_str);
            view::activity(r, &number, name, today)
        })
        .collect())
}

/// Above this many matching cases a search or employee filter narrows the activities
/// with a subquery instead of a list of case ids (the same rows, read the slow way).
const MAX_NARROWED_CASES: u64 = 500;

/// The cases an activity list is narrowed to by `employee_id` and `q`.
enum Narrowed {
    /// Neither filter: every live case of the actor's organisations.
    No,
    /// These live cases of the actor's organisations (possibly none).
    Cases(Vec<Uuid>),
    /// More than [`MAX_NARROWED_CASES`]: the same cases, as a subquery.
    Many(Box<SelectStatement>),
}

/// Resolves `employee_id` and `q` to the live cases they select within `orgs`, in
/// queries of their own: the activities are then read by `case_id` (the case's own
/// index, a few dozen rows per case) instead of through every activity of the
/// organisations checked against both conditions.
async fn narrowed(
    db: &impl ConnectionTrait,
    orgs: &[Uuid],
    employee: Option<Uuid>,
    q: &Option<String>,
) -> Result<Narrowed, ApiError> {
    let pattern = pattern(q);
    if employee.is_none() && pattern.is_none() {
        return Ok(Narrowed::No);
    }
    let cap = MAX_NARROWED_CASES as usize;
    let of_employee = |find: Select<absence_case::Entity>| match employee {
        Some(e) => find.filter(absence_case::Column::UserId.eq(e)),
        None => find,
    };
    let ids_in_orgs = || {
        absence_case::Entity::find()
            .select_only()
            .column(absence_case::Column::Id)
            .filter(absence_case::Column::OrganisationId.is_in(orgs.to_vec()))
    };
    let mut ids: Vec<Uuid> = match &pattern {
        None => {
            of_employee(ids_in_orgs().filter(absence_case::Column::AnonymisedAt.is_null()))
                .limit(MAX_NARROWED_CASES + 1)
                .into_tuple()
                .all(db)
                .await?
        }
        Some(p) => {
            // By name: the people's cases from `(user_id, organisation_id)`. Anonymised
            // cases are dropped here, not in SQL: asked there, SQLite reads every live
            // case of the organisations instead.
            let names = Query::select()
                .column(user::Column::Id)
                .from(user::Entity)
                .and_where(Expr::expr(Func::lower(Expr::col(user::Column::Name))).like(p))
                .to_owned();
            let by_name: Vec<(Uuid, Option<chrono::DateTime<chrono::Utc>>)> =
                of_employee(ids_in_orgs().column(absence_case::Column::AnonymisedAt))
                    .filter(absence_case::Column::UserId.in_subquery(names))
                    .limit(2 * MAX_NARROWED_CASES + 1)
                    .into_tuple()
                    .all(db)
                    .await?;
            if by_name.len() > 2 * cap {
                return Ok(Narrowed::Many(Box::new(many(orgs, employee, p))));
            }
            // By case number: `case_number >= ''` holds for every case and points SQLite
            // at `(organisation_id, case_number)`, where the pattern is checked in the
            // index instead of in each case.
            let by_number: Vec<Uuid> = of_employee(
                ids_in_orgs()
                    .filter(absence_case::Column::CaseNumber.gte(""))
                    .filter(Expr::expr(Func::lower(Expr::col(absence_case::Column::CaseNumber))).like(p))
                    .filter(absence_case::Column::AnonymisedAt.is_null()),
            )
            .limit(MAX_NARROWED_CASES + 1)
            .into_tuple()
            .all(db)
            .await?;
            by_name
                .into_iter()
                .filter(|(_, anonymised)| anonymised.is_none())
                .map(|(id, _)| id)
                .chain(by_number)
                .collect()
        }
    };
    ids.sort();
    ids.dedup();
    if ids.len() > cap {
        let p = pattern.as_deref().unwrap_or("%");
        return Ok(Narrowed::Many(Box::new(many(orgs, employee, p))));
    }
    Ok(Narrowed::Cases(ids))
}

/// The live cases of `orgs` matching `pattern` (and of `employee`), as a subquery.
fn many(orgs: &[Uuid], employee: Option<Uuid>, pattern: &str) -> SelectStatement {
    let mut cases = Query::select()
        .column(absence_case::Column::Id)
        .from(absence_case::Entity)
        .and_where(absence_case::Column::OrganisationId.is_in(orgs.to_vec()))
        .and_where(absence_case::Column::AnonymisedAt.is_null())
        .and_where(absence_case::Column::Id.in_subquery(matching_cases(orgs, pattern)))
        .to_owned();
    if let Some(e) = employee {
        cases.and_where(absence_case::Column::UserId.eq(e));
    }
    cases
}

/// The dossier view: activities across the cases the actor follows, by due date.
///
/// Without a search, one ordered, limited query per organisation, each read in order
/// from `(organisation_id, state, due_on, id)` and stopping after a page, merged
/// here: a single query over several organisations had to sort every matching row
/// first. With a search or an employee, the matching cases are found first and their
/// activities read by case.
pub async fn list(state: &AppState, actor: &Actor, q: &ActivityQuery) -> Result<Page<Activity>, ApiError> {
    let db = &state.db.read;
    let today = today(state.clock.now());
    let mut orgs = orgs_or_forbidden(access::organisations(db, actor).await?)?;
    orgs.sort();
    orgs.dedup();
    let page = PageQuery { limit: q.limit, cursor: q.cursor.clone() };
    let after: Option<(NaiveDate, Uuid)> = page.decode()?;
    let mut find = absence_activity::Entity::find()
        .order_by_asc(absence_activity::Column::DueOn)
        .order_by_asc(absence_activity::Column::Id)
        .limit(page.limit() + 1);
    match q.done {
        Some(true) => find = find.filter(absence_activity::Column::State.eq(store::DONE)),
        Some(false) => find = find.filter(absence_activity::Column::State.eq(store::OPEN)),
        None => {}
    }
    if q.overdue == Some(true) {
        find = find
            .filter(absence_activity::Column::State.eq(store::OPEN))
            .filter(absence_activity::Column::DueOn.lt(today));
    }
    if let Some(d) = q.due_from {
        find = find.filter(absence_activity::Column::DueOn.gte(d));
    }
    if let Some(d) = q.due_to {
        find = find.filter(absence_activity::Column::DueOn.lte(d));
    }
    if let Some(k) = q.kind {
        find = find
            .filter(absence_activity::Column::Kind.eq(k.as_str()))
            .filter(absence_activity::Column::Custom.eq(false));
    }
    if let Some((day, id)) = after {
        // `due_on >= day` is implied by the keyset condition; said on its own it lets
        // the index seek to the cursor instead of reading every row before it.
        find = find.filter(absence_activity::Column::DueOn.gte(day)).filter(
            Condition::any().add(absence_activity::Column::DueOn.gt(day)).add(
                Condition::all()
                    .add(absence_activity::Column::DueOn.eq(day))
                    .add(absence_activity::Column::Id.gt(id)),
            ),
        );
    }
    let rows = match narrowed(db, &orgs, q.employee_id, &q.q).await? {
        Narrowed::Cases(ids) if ids.is_empty() => vec![],
        // The ids are live cases of `orgs` already: `case_id` is the only condition
        // on an indexed column, so both databases read the cases' own rows.
        Narrowed::Cases(ids) => find.filter(absence_activity::Column::CaseId.is_in(ids)).all(db).await?,
        Narrowed::Many(cases) => {
            per_organisation(db, &orgs, find.filter(absence_activity::Column::CaseId.in_subquery(*cases)))
                .await?
        }
        Narrowed::No => per_organisation(db, &orgs, find.filter(live_case(&orgs))).await?,
    };
    let (rows, next_cursor) = pagination::page(rows, page.limit(), |a| (a.due_on, a.id));
    Ok(Page { items: with_cases(db, rows, today).await?, next_cursor })
}

/// The activity's case is one of `orgs` and not anonymised, asked per row (a
/// primary-key probe) rather than as a list of every live case built up front.
fn live_case(orgs: &[Uuid]) -> Expr {
    let c = Alias::new("c");
    Expr::exists(
        Query::select()
            .expr(Expr::val(1))
            .from_as(absence_case::Entity, c.clone())
            .and_where(
                Expr::col((c.clone(), absence_case::Column::Id))
                    .equals((absence_activity::Entity, absence_activity::Column::CaseId)),
            )
            .and_where(Expr::col((c.clone(), absence_case::Column::OrganisationId)).is_in(orgs.to_vec()))
            .and_where(Expr::col((c, absence_case::Column::AnonymisedAt)).is_null())
            .to_owned(),
    )
}

/// Runs `find` (ordered by due date and id, limited to a page and one) once per
/// organisation and merges the results in that order; the page is cut from the
/// front. Each query stays on the organisation's `(organisation_id, state, due_on,
/// id)` range and stops after a page, so a case manager serving several
/// organisations never waits for a sort of every open activity.
async fn per_organisation(
    db: &impl ConnectionTrait,
    orgs: &[Uuid],
    find: Select<absence_activity::Entity>,
) -> Result<Vec<absence_activity::Model>, ApiError> {
    let mut rows = Vec::new();
    for org in orgs {
        rows.extend(find.clone().filter(absence_activity::Column::OrganisationId.eq(*org)).all(db).await?);
    }
    // Each organisation's rows come sorted and the ids are unique, so this is the
    // merge of the sorted runs; the page cut afterwards keeps the cursor exact.
    rows.sort_by_key(|a| (a.due_on, a.id));
    Ok(rows)
}

async fn activity_visible(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
) -> Result<(absence_activity::Model, absence_case::Model, Audience), ApiError> {
    let row = absence_activity::Entity::find_by_id(id)
        .one(&state.db.write)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let (case, audience) = access::visible(&state.db.write, actor, row.case_id).await?;
    Ok((row, case, audience))
}

/// Marks an activity done (today, or the day given; not in the future).
pub async fn mark_done(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: ActivityDone,
) -> Result<Activity, ApiError> {
    let now = state.clock.now();
    let today = today(now);
    let (row, case, audience) = activity_visible(state, actor, id).await?;
    access::require(access::permissions(audience).mark_done)?;
    let on = body.done_on.unwrap_or(today);
    let mut v = Validation::default();
    if on > today {
        v.add_code("done_on", "in_future", "Cannot be done in the future".into());
    }
    if on < case.first_sick_day {
        v.add_code("done_on", "before_first_sick_day", "Cannot be before the first sick day".into());
    }
    v.finish()?;
    if row.state == store::DONE {
        return Err(ApiError::conflict("This activity is already done"));
    }
    let title = row.title.clone().unwrap_or_else(|| row.kind.clone());
    let mut m: absence_activity::ActiveModel = row.into();
    m.state = Set(store::DONE.into());
    m.done_on = Set(Some(on));
    m.done_by = Set(Some(actor.user_id));
    m.done_by_name = Set(Some(actor.name.clone()));
    let row = m.update(&state.db.write).await?;
    store::event(
        &state.db.write,
        case.id,
        store::By { user_id: Some(actor.user_id), name: &actor.name },
        "activity_done",
        Some(title),
        now,
    )
    .await?;
    let name = names_of(&state.db.write, case.user_id).await?;
    Ok(view::activity(
        row,
        &case.case_number,
        case.user_id.and_then(|u| name.get(&u)).map(String::as_str),
        today,
    ))
}

/// Takes a done mark back (a mistake); the activity is planned again.
pub async fn undo_done(state: &AppState, actor: &Actor, id: Uuid) -> Result<Activity, ApiError> {
    let now = state.clock.now();
    let today = today(now);
    let (row, case, audience) = activity_visible(state, actor, id).await?;
    access::require(access::permissions(audience).mark_done)?;
    if row.state != store::DONE {
        return Err(ApiError::conflict("This activity is not done"));
    }
    let mut m: absence_activity::ActiveModel = row.clone().into();
    m.state = Set(store::OPEN.into());
    m.done_on = Set(None);
    m.done_by = Set(None);
    m.done_by_name = Set(None);
    m.update(&state.db.write).await?;
    store::replan(&state.db.write, &case, today, now).await?;
    let row = absence_activity::Entity::find_by_id(id)
        .one(&state.db.write)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let name = names_of(&state.db.write, case.user_id).await?;
    Ok(view::activity(
        row,
        &case.case_number,
        case.user_id.and_then(|u| name.get(&u)).map(String::as_str),
        today,
    ))
}

/// The arbodienst adds an activity to a case.
pub async fn add(
    state: &AppState,
    actor: &Actor,
    case_id: Uuid,
    body: NewActivity,
) -> Result<Activity, ApiError> {
    let now = state.clock.now();
    let today = today(now);
    let (case, audience) = access::visible(&state.db.write, actor, case_id).await?;
    access::require(access::permissions(audience).add_activity)?;
    let title = body.title.trim().to_string();
    let mut v = Validation::default();
    if title.is_empty() {
        v.add_code("title", "required", "Describe the activity".into());
    } else if title.chars().count() > 200 {
        v.add_code("title", "too_long", "At most 200 characters".into());
    }
    if body.due_on < case.first_sick_day {
        v.add_code("due_on", "before_first_sick_day", "Cannot be before the first sick day".into());
    }
    if body.due_on > today + Duration::days(3 * 365) {
        v.add_code("due_on", "too_far_ahead", "At most three years ahead".into());
    }
    v.finish()?;
    let id = Uuid::now_v7();
    let row = absence_activity::ActiveModel {
        id: Set(id),
        case_id: Set(case.id),
        organisation_id: Set(case.organisation_id),
        key: Set(format!("custom_{id}")),
        kind: Set("custom".into()),
        owner: Set(body.owner.as_str().into()),
        title: Set(Some(title.clone())),
        window_from: Set(None),
        due_on: Set(body.due_on),
        state: Set(if case.status == CaseStatus::Open.as_str() { store::OPEN } else { store::CLOSED }.into()),
        done_on: Set(None),
        done_by: Set(None),
        done_by_name: Set(None),
        custom: Set(true),
        notified_due: Set(body.due_on < today),
        created_by: Set(Some(actor.user_id)),
        created_at: Set(now),
    }
    .insert(&state.db.write)
    .await?;
    store::event(
        &state.db.write,
        case.id,
        store::By { user_id: Some(actor.user_id), name: &actor.name },
        "activity_added",
        Some(title),
        now,
    )
    .await?;
    let name = names_of(&state.db.write, case.user_id).await?;
    Ok(view::activity(
        row,
        &case.case_number,
        case.user_id.and_then(|u| name.get(&u)).map(String::as_str),
        today,
    ))
}

/// The owners whose activities concern this audience.
pub fn owners_for(audience: Audience) -> Vec<&'static str> {
    let list: &[Owner] = match audience {
        Audience::Employee => &[Owner::Employee, Owner::EmployerAndEmployee],
        Audience::Employer => &[Owner::Employer, Owner::EmployerAndEmployee, Owner::PhysicianAndEmployer],
        Audience::Arbodienst { physician: true } => &[Owner::Physician, Owner::PhysicianAndEmployer],
        Audience::Arbodienst { physician: false } => {
            &[Owner::CaseManager, Owner::Employer, Owner::EmployerAndEmployee]
        }
    };
    list.iter().map(Owner::as_str).collect()
}

/// What needs the caller within 14 days (or is overdue), for the dashboard.
pub async fn pending(state: &AppState, actor: &Actor) -> Result<AbsencePending, ApiError> {
    let db = &state.db.read;
    let today = today(state.clock.now());
    let horizon = today + Duration::days(14);
    let own = absence_case::Entity::find()
        .filter(absence_case::Column::OrganisationId.eq(actor.organisation_id))
        .filter(absence_case::Column::UserId.eq(actor.user_id))
        .filter(absence_case::Column::Status.eq(CaseStatus::Open.as_str()))
        .one(db)
        .await?;
    let base = absence_activity::Entity::find()
        .filter(absence_activity::Column::State.eq(store::OPEN))
        .filter(absence_activity::Column::DueOn.lte(horizon));
    let scoped = match access::org_audience(actor) {
        Some(audience) => {
            let orgs = access::organisations(db, actor).await?;
            Some(
                base.clone()
                    .filter(absence_activity::Column::OrganisationId.is_in(orgs))
                    .filter(absence_activity::Column::Owner.is_in(owners_for(audience))),
            )
        }
        None => own.as_ref().map(|c| {
            base.clone()
                .filter(absence_activity::Column::CaseId.eq(c.id))
                .filter(absence_activity::Column::Owner.is_in(owners_for(Audience::Employee)))
        }),
    };
    let Some(find) = scoped else {
        return Ok(AbsencePending { own_case: own.map(|c| c.id), activities: vec![], total: 0 });
    };
    use sea_orm::PaginatorTrait;
    let total = find.clone().count(db).await? as u32;
    let rows = find
        .order_by_asc(absence_activity::Column::DueOn)
        .order_by_asc(absence_activity::Column::Id)
        .limit(10)
        .all(db)
        .await?;
    let activities = with_cases(db, rows, today).await?;
    Ok(AbsencePending { own_case: own.map(|c| c.id), activities, total })
}
