//! Who is in a team, and its main contacts (hoofdcontacten). An administrator adds
//! members and names main contacts; a main contact removes members of their own team.
//! Leaving a team never ends the membership: the person keeps their profile, and moving
//! them to another organisation goes through an administrator.

use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set};
use shared::networks::{NewTeamMember, TeamMember, TeamMemberUpdate};
use uuid::Uuid;

use super::{is_administrator, require_administrator};
use crate::{
    audit::{self, ClientInfo, Event},
    auth::{Actor, Scope},
    entities::{membership, team, team_member, user},
    error::{ApiError, Validation},
    state::AppState,
};

/// A team of the caller's organisation (404 for any other).
async fn own_team(db: &impl ConnectionTrait, scope: Scope, id: Uuid) -> Result<team::Model, ApiError> {
    team::Entity::find_by_id(id)
        .filter(team::Column::OrganisationId.eq(scope.organisation_id()))
        .one(db)
        .await?
        .ok_or_else(ApiError::not_found)
}

/// The members of a team as the API shows them, by name.
async fn members_of(db: &impl ConnectionTrait, team_id: Uuid) -> Result<Vec<TeamMember>, DbErr> {
    let links = team_member::Entity::find().filter(team_member::Column::TeamId.eq(team_id)).all(db).await?;
    let ids: Vec<Uuid> = links.iter().map(|l| l.membership_id).collect();
    let people = membership::Entity::find()
        .find_also_related(user::Entity)
        .filter(membership::Column::Id.is_in(ids))
        .all(db)
        .await?;
    let mut members: Vec<TeamMember> = links
        .into_iter()
        .filter_map(|l| {
            let (m, u) = people.iter().find(|(m, _)| m.id == l.membership_id)?;
            Some(TeamMember {
                membership_id: m.id,
                name: u.as_ref()?.name.clone(),
                job_title: m.job_title.clone(),
                main_contact: l.main_contact,
            })
        })
        .collect();
    members.sort_by(|a, b| a.name.cmp(&b.name).then(a.membership_id.cmp(&b.membership_id)));
    Ok(members)
}

async fn member(
    db: &impl ConnectionTrait,
    team_id: Uuid,
    membership_id: Uuid,
) -> Result<TeamMember, ApiError> {
    members_of(db, team_id)
        .await?
        .into_iter()
        .find(|m| m.membership_id == membership_id)
        .ok_or_else(ApiError::not_found)
}

/// A team's members; anyone in the organisation may read them.
pub async fn list(state: &AppState, actor: &Actor, team_id: Uuid) -> Result<Vec<TeamMember>, ApiError> {
    let t = own_team(&state.db.read, actor.scope(), team_id).await?;
    Ok(members_of(&state.db.read, t.id).await?)
}

/// Adds a member of the organisation to the team (administrator).
pub async fn add(
    state: &AppState,
    actor: &Actor,
    team_id: Uuid,
    new: NewTeamMember,
    client: &ClientInfo,
) -> Result<TeamMember, ApiError> {
    let t = own_team(&state.db.write, actor.scope(), team_id).await?;
    require_administrator(actor)?;
    let known = membership::Entity::find_by_id(new.membership_id)
        .filter(membership::Column::OrganisationId.eq(t.organisation_id))
        .one(&state.db.write)
        .await?;
    if known.is_none() {
        let mut v = Validation::default();
        v.add_code("membership_id", "unknown_member", "is not a member of your organisation".into());
        v.finish()?;
    }
    let already = || ApiError::conflict_on("membership_id", "already_in_team", "This person is in the team");
    if team_member::Entity::find_by_id((t.id, new.membership_id)).one(&state.db.write).await?.is_some() {
        return Err(already());
    }
    let now = state.clock.now();
    let link = team_member::ActiveModel {
        team_id: Set(t.id),
        membership_id: Set(new.membership_id),
        main_contact: Set(new.main_contact),
        created_at: Set(now),
    };
    match link.insert(&state.db.write).await {
        Ok(_) => {}
        // Two requests racing past the check above: the primary key decides.
        Err(e) if matches!(e.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_))) => {
            return Err(already());
        }
        Err(e) => return Err(e.into()),
    }
    let subject = format!("{}:{}", t.id, new.membership_id);
    audit::record(&state.db.write, Event::by(actor, "team_member_added", Some(subject)), client, now).await?;
    member(&state.db.write, t.id, new.membership_id).await
}

/// Makes a member a main contact of the team or not (administrator).
pub async fn update(
    state: &AppState,
    actor: &Actor,
    team_id: Uuid,
    membership_id: Uuid,
    update: TeamMemberUpdate,
    client: &ClientInfo,
) -> Result<TeamMember, ApiError> {
    let t = own_team(&state.db.write, actor.scope(), team_id).await?;
    require_administrator(actor)?;
    let link = team_member::Entity::find_by_id((t.id, membership_id))
        .one(&state.db.write)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let now = state.clock.now();
    let mut m: team_member::ActiveModel = link.into();
    m.main_contact = Set(update.main_contact);
    m.update(&state.db.write).await?;
    let action = if update.main_contact { "team_main_contact_set" } else { "team_main_contact_unset" };
    let subject = format!("{}:{membership_id}", t.id);
    audit::record(&state.db.write, Event::by(actor, action, Some(subject)), client, now).await?;
    member(&state.db.write, t.id, membership_id).await
}

/// Whether the actor is a main contact of this team (through their membership of the
/// organisation they act in).
async fn is_main_contact(db: &impl ConnectionTrait, actor: &Actor, team_id: Uuid) -> Result<bool, DbErr> {
    let mine = membership::Entity::find()
        .filter(membership::Column::UserId.eq(actor.user_id))
        .filter(membership::Column::OrganisationId.eq(actor.organisation_id))
        .one(db)
        .await?;
    let Some(mine) = mine else { return Ok(false) };
    Ok(team_member::Entity::find_by_id((team_id, mine.id)).one(db).await?.is_some_and(|l| l.main_contact))
}

/// Takes someone out of the team (an administrator, or a main contact of this team);
/// their membership of the organisation stays.
pub async fn remove(
    state: &AppState,
    actor: &Actor,
    team_id: Uuid,
    membership_id: Uuid,
    client: &ClientInfo,
) -> Result<(), ApiError> {
    let t = own_team(&state.db.write, actor.scope(), team_id).await?;
    if !is_administrator(actor) && !is_main_contact(&state.db.write, actor, t.id).await? {
        return Err(ApiError::forbidden());
    }
    let gone = team_member::Entity::delete_by_id((t.id, membership_id)).exec(&state.db.write).await?;
    if gone.rows_affected == 0 {
        return Err(ApiError::not_found());
    }
    let now = state.clock.now();
    let subject = format!("{}:{membership_id}", t.id);
    audit::record(&state.db.write, Event::by(actor, "team_member_removed", Some(subject)), client, now)
        .await?;
    Ok(())
}
