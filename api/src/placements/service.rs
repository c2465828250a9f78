//! Placements at hirers and the agency phase (seed 002 "Plaatsingen", "Fases"). The employer
//! (*manage employee data*) keeps them; the worker reads their own and where they stand.

use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
    sea_query::{Condition, Expr, Func},
};
use serde::{Deserialize, Serialize};
use shared::{
    Page,
    auth::Right,
    placements::{AgencyPhase, PhaseProgress, PhaseRules, Placement, PlacementInput, phase_progress},
};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::{
    absence::reports::today,
    auth::Actor,
    documents::service::{member, names},
    entities::{agency_phase, placement},
    error::{ApiError, Validation},
    pagination::{self, PageQuery},
    state::AppState,
};

/// Body of `PUT /api/v1/employees/{user_id}/phase`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PhaseInput {
    /// The phase.
    pub phase: AgencyPhase,
    /// When it started.
    pub started_on: NaiveDate,
    /// Contracts so far in this phase (phase B).
    #[serde(default)]
    pub contracts_in_phase: u32,
}

/// Query of `GET /api/v1/placements`.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PlacementQuery {
    /// Only this worker.
    #[serde(default)]
    pub user_id: Option<Uuid>,
    /// Part of the hirer's name.
    #[serde(default)]
    pub hirer: Option<String>,
    /// Placements running on or after this day.
    #[serde(default)]
    pub from: Option<NaiveDate>,
    /// Placements starting on or before this day.
    #[serde(default)]
    pub to: Option<NaiveDate>,
    /// Page size, 1–200 (default 50).
    #[serde(default)]
    pub limit: Option<u64>,
    /// From `next_cursor`.
    #[serde(default)]
    pub cursor: Option<String>,
}

fn dto(m: placement::Model, person_name: String) -> Placement {
    Placement {
        id: m.id,
        user_id: m.user_id,
        person_name,
        hirer: m.hirer,
        function: m.function,
        starts_on: m.starts_on,
        ends_on: m.ends_on,
        minutes_per_week: m.minutes_per_week,
        cost_centre: m.cost_centre,
    }
}

async fn dtos(db: &impl ConnectionTrait, rows: Vec<placement::Model>) -> Result<Vec<Placement>, ApiError> {
    let names = names(db, rows.iter().map(|p| p.user_id)).await?;
    Ok(rows
        .into_iter()
        .map(|p| {
            let n = names.get(&p.user_id).cloned().unwrap_or_default();
            dto(p, n)
        })
        .collect())
}

/// The input's own checks (the person is checked against the organisation separately).
pub fn check(input: &PlacementInput) -> Validation {
    let mut v = Validation::default();
    let hirer = input.hirer.trim().chars().count();
    if hirer == 0 {
        v.add_code("hirer", "required", "Name the hirer".into());
    } else if hirer > 200 {
        v.add_code("hirer", "too_long", "At most 200 characters".into());
    }
    let function = input.function.trim().chars().count();
    if function == 0 {
        v.add_code("function", "required", "Name the function".into());
    } else if function > 100 {
        v.add_code("function", "too_long", "At most 100 characters".into());
    }
    if input.ends_on.is_some_and(|e| e < input.starts_on) {
        v.add_code("ends_on", "before_start", "The placement ends before it starts".into());
    }
    if !(1..=3600).contains(&input.minutes_per_week) {
        v.add_code("minutes_per_week", "out_of_range", "Between 1 minute and 60 hours a week".into());
    }
    if input.cost_centre.as_deref().is_some_and(|c| c.trim().chars().count() > 40) {
        v.add_code("cost_centre", "too_long", "At most 40 characters".into());
    }
    v
}

fn clean(s: &Option<String>) -> Option<String> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from)
}

/// Lists the organisation's placements, latest start first (employer).
pub async fn list(state: &AppState, actor: &Actor, q: &PlacementQuery) -> Result<Page<Placement>, ApiError> {
    actor.require(Right::ManageEmployeeData)?;
    let db = &state.db.read;
    let page = PageQuery { limit: q.limit, cursor: q.cursor.clone() };
    let after: Option<(NaiveDate, Uuid)> = page.decode()?;
    let mut find = placement::Entity::find()
        .filter(placement::Column::OrganisationId.eq(actor.organisation_id))
        .order_by_desc(placement::Column::StartsOn)
        .order_by_desc(placement::Column::Id)
        .limit(page.limit() + 1);
    if let Some(u) = q.user_id {
        find = find.filter(placement::Column::UserId.eq(u));
    }
    if let Some(h) = q.hirer.as_deref().map(str::trim).filter(|h| !h.is_empty()) {
        let p = format!("%{}%", h.to_lowercase().replace(['%', '_'], ""));
        find = find.filter(
            Expr::expr(Func::lower(Expr::col((placement::Entity, placement::Column::Hirer)))).like(p),
        );
    }
    if let Some(from) = q.from {
        find = find.filter(
            Condition::any()
                .add(placement::Column::EndsOn.is_null())
                .add(placement::Column::EndsOn.gte(from)),
        );
    }
    if let Some(to) = q.to {
        find = find.filter(placement::Column::StartsOn.lte(to));
    }
    if let Some((day, id)) = after {
        find = find.filter(placement::Column::StartsOn.lte(day)).filter(
            Condition::any().add(placement::Column::StartsOn.lt(day)).add(
                Condition::all().add(placement::Column::StartsOn.eq(day)).add(placement::Column::Id.lt(id)),
            ),
        );
    }
    let rows = find.all(db).await?;
    let (rows, next_cursor) = pagination::page(rows, page.limit(), |p| (p.starts_on, p.id));
    Ok(Page { items: dtos(db, rows).await?, next_cursor })
}

/// The caller's own placements, latest start first.
pub async fn mine(state: &AppState, actor: &Actor) -> Result<Vec<Placement>, ApiError> {
    let db = &state.db.read;
    let rows = placement::Entity::find()
        .filter(placement::Column::OrganisationId.eq(actor.organisation_id))
        .filter(placement::Column::UserId.eq(actor.user_id))
        .order_by_desc(placement::Column::StartsOn)
        .order_by_desc(placement::Column::Id)
        .limit(500)
        .all(db)
        .await?;
    dtos(db, rows).await
}

/// Adds a placement (employer).
pub async fn create(state: &AppState, actor: &Actor, input: PlacementInput) -> Result<Placement, ApiError> {
    actor.require(Right::ManageEmployeeData)?;
    let db = &state.db.write;
    check(&input).finish()?;
    let person = member(db, actor.organisation_id, input.user_id).await?;
    let now = state.clock.now();
    let m = placement::ActiveModel {
        id: Set(Uuid::now_v7()),
        organisation_id: Set(actor.organisation_id),
        user_id: Set(person.id),
        hirer: Set(input.hirer.trim().into()),
        function: Set(input.function.trim().into()),
        starts_on: Set(input.starts_on),
        ends_on: Set(input.ends_on),
        minutes_per_week: Set(input.minutes_per_week),
        cost_centre: Set(clean(&input.cost_centre)),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(dto(m, person.name))
}

async fn own_placement(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: Uuid,
) -> Result<placement::Model, ApiError> {
    placement::Entity::find_by_id(id)
        .filter(placement::Column::OrganisationId.eq(actor.organisation_id))
        .one(db)
        .await?
        .ok_or_else(ApiError::not_found)
}

/// Changes a placement (employer).
pub async fn update(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    input: PlacementInput,
) -> Result<Placement, ApiError> {
    actor.require(Right::ManageEmployeeData)?;
    let db = &state.db.write;
    let existing = own_placement(db, actor, id).await?;
    check(&input).finish()?;
    let person = member(db, actor.organisation_id, input.user_id).await?;
    let mut m: placement::ActiveModel = existing.into();
    m.user_id = Set(person.id);
    m.hirer = Set(input.hirer.trim().into());
    m.function = Set(input.function.trim().into());
    m.starts_on = Set(input.starts_on);
    m.ends_on = Set(input.ends_on);
    m.minutes_per_week = Set(input.minutes_per_week);
    m.cost_centre = Set(clean(&input.cost_centre));
    m.updated_at = Set(state.clock.now());
    Ok(dto(m.update(db).await?, person.name))
}

/// Deletes a placement (employer).
pub async fn delete(state: &AppState, actor: &Actor, id: Uuid) -> Result<(), ApiError> {
    actor.require(Right::ManageEmployeeData)?;
    let db = &state.db.write;
    let existing = own_placement(db, actor, id).await?;
    placement::Entity::delete_by_id(existing.id).exec(db).await?;
    Ok(())
}

async fn progress(state: &AppState, organisation_id: Uuid, user_id: Uuid) -> Result<PhaseProgress, ApiError> {
    let db = &state.db.read;
    let row = agency_phase::Entity::find()
        .filter(agency_phase::Column::OrganisationId.eq(organisation_id))
        .filter(agency_phase::Column::UserId.eq(user_id))
        .one(db)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let phase = AgencyPhase::parse(&row.phase).ok_or_else(|| ApiError::internal("unknown phase"))?;
    let periods: Vec<(NaiveDate, Option<NaiveDate>)> = placement::Entity::find()
        .select_only()
        .column(placement::Column::StartsOn)
        .column(placement::Column::EndsOn)
        .filter(placement::Column::OrganisationId.eq(organisation_id))
        .filter(placement::Column::UserId.eq(user_id))
        .into_tuple()
        .all(db)
        .await?;
    Ok(phase_progress(
        phase,
        row.started_on,
        &periods,
        u32::try_from(row.contracts_in_phase).unwrap_or(0),
        today(state.clock.now()),
        &PhaseRules::default(),
    ))
}

/// Where the caller stands in the phase system (404 without a phase).
pub async fn my_phase(state: &AppState, actor: &Actor) -> Result<PhaseProgress, ApiError> {
    progress(state, actor.organisation_id, actor.user_id).await
}

/// Where a worker stands (employer; 404 without a phase).
pub async fn phase_of(state: &AppState, actor: &Actor, user_id: Uuid) -> Result<PhaseProgress, ApiError> {
    actor.require(Right::ManageEmployeeData)?;
    member(&state.db.read, actor.organisation_id, user_id).await?;
    progress(state, actor.organisation_id, user_id).await
}

/// Sets a worker's phase (employer).
pub async fn set_phase(
    state: &AppState,
    actor: &Actor,
    user_id: Uuid,
    input: PhaseInput,
) -> Result<PhaseProgress, ApiError> {
    actor.require(Right::ManageEmployeeData)?;
    let db = &state.db.write;
    member(db, actor.organisation_id, user_id).await?;
    let mut v = Validation::default();
    if input.started_on > today(state.clock.now()) {
        v.add_code("started_on", "future", "A phase starts today or earlier".into());
    }
    if input.contracts_in_phase > 100 {
        v.add_code("contracts_in_phase", "out_of_range", "At most 100".into());
    }
    v.finish()?;
    let now = state.clock.now();
    let existing = agency_phase::Entity::find()
        .filter(agency_phase::Column::OrganisationId.eq(actor.organisation_id))
        .filter(agency_phase::Column::UserId.eq(user_id))
        .one(db)
        .await?;
    match existing {
        Some(row) => {
            let mut m: agency_phase::ActiveModel = row.into();
            m.phase = Set(input.phase.as_str().into());
            m.started_on = Set(input.started_on);
            m.contracts_in_phase = Set(input.contracts_in_phase as i32);
            m.updated_at = Set(now);
            m.update(db).await?;
        }
        None => {
            agency_phase::ActiveModel {
                id: Set(Uuid::now_v7()),
                organisation_id: Set(actor.organisation_id),
                user_id: Set(user_id),
                phase: Set(input.phase.as_str().into()),
                started_on: Set(input.started_on),
                contracts_in_phase: Set(input.contracts_in_phase as i32),
                updated_at: Set(now),
            }
            .insert(db)
            .await?;
        }
    }
    progress(state, actor.organisation_id, user_id).await
}
