//! Who sees a case, and as whom. Three audiences, each with its own allowlist in
//! `view`: the employee (their own case), the employer (someone with the right to
//! report absence, in the case's organisation) and the arbodienst (case managers
//! and physicians with a membership in the organisations they serve). A case
//! someone may not see does not exist for them (404).

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};
use shared::{
    absence::CasePermissions,
    auth::{Right, Role},
};
use uuid::Uuid;

use crate::{
    auth::Actor,
    entities::{absence_case, membership},
    error::ApiError,
};

/// As whom the actor looks at a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// The sick employee, looking at their own case.
    Employee,
    /// Someone with the right to report absence, in the employer's organisation.
    Employer,
    /// The arbodienst; `physician` reads medical notes.
    Arbodienst {
        /// Whether the actor is the occupational physician.
        physician: bool,
    },
}

/// The audience for an organisation's cases other than one's own, if any.
pub fn org_audience(actor: &Actor) -> Option<Audience> {
    match actor.role {
        Role::CaseManager => Some(Audience::Arbodienst { physician: false }),
        Role::OccupationalPhysician => Some(Audience::Arbodienst { physician: true }),
        _ if actor.has(Right::ReportAbsence) => Some(Audience::Employer),
        _ => None,
    }
}

/// The organisations whose cases the actor sees as employer or arbodienst: for the
/// arbodienst every organisation where they hold an arbodienst role, so a case
/// manager serving several employers sees one list.
pub async fn organisations(db: &impl ConnectionTrait, actor: &Actor) -> Result<Vec<Uuid>, DbErr> {
    match org_audience(actor) {
        Some(Audience::Arbodienst { .. }) => {
            membership::Entity::find()
                .select_only()
                .column(membership::Column::OrganisationId)
                .filter(membership::Column::UserId.eq(actor.user_id))
                .filter(
                    membership::Column::Role
                        .is_in([Role::CaseManager.as_str(), Role::OccupationalPhysician.as_str()]),
                )
                .into_tuple::<Uuid>()
                .all(db)
                .await
        }
        Some(_) => Ok(vec![actor.organisation_id]),
        None => Ok(vec![]),
    }
}

/// The actor's audience for `case`, or `None` when they may not see it.
pub async fn audience_for(
    db: &impl ConnectionTrait,
    actor: &Actor,
    case: &absence_case::Model,
) -> Result<Option<Audience>, DbErr> {
    if case.user_id == Some(actor.user_id) && case.organisation_id == actor.organisation_id {
        return Ok(Some(Audience::Employee));
    }
    let Some(audience) = org_audience(actor) else { return Ok(None) };
    let orgs = organisations(db, actor).await?;
    Ok(orgs.contains(&case.organisation_id).then_some(audience))
}

/// The case by id with the actor's audience, or 404.
pub async fn visible(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: Uuid,
) -> Result<(absence_case::Model, Audience), ApiError> {
    let case = absence_case::Entity::find_by_id(id).one(db).await?.ok_or_else(ApiError::not_found)?;
    if case.anonymised_at.is_some() {
        return Err(ApiError::not_found());
    }
    match audience_for(db, actor, &case).await? {
        Some(a) => Ok((case, a)),
        None => Err(ApiError::not_found()),
    }
}

/// What each audience may do with a case.
pub fn permissions(audience: Audience) -> CasePermissions {
    match audience {
        // The employee reports full recovery through their own endpoint.
        Audience::Employee => CasePermissions { report_recovery: true, ..Default::default() },
        Audience::Employer => CasePermissions {
            report_recovery: true,
            edit_facts: true,
            out_of_employment: true,
            upload: true,
            mark_done: true,
            ..Default::default()
        },
        Audience::Arbodienst { physician } => CasePermissions {
            report_recovery: true,
            edit_facts: true,
            out_of_employment: false,
            upload: true,
            set_visibility: true,
            mark_done: true,
            add_activity: true,
            write_statement: physician,
            medical_notes: physician,
        },
    }
}

/// 403 unless `allowed`.
pub fn require(allowed: bool) -> Result<(), ApiError> {
    if allowed { Ok(()) } else { Err(ApiError::forbidden()) }
}

/// Whether a read by this audience must be audited: every read by someone outside
/// the employee's own organisation (the arbodienst acts from its own).
pub fn audited(audience: Audience) -> bool {
    matches!(audience, Audience::Arbodienst { .. })
}

/// An audit event for a read of `case` by the arbodienst, filed under the case's
/// organisation: the employer, who is responsible for the data, sees who read it.
pub fn read_event<'a>(
    actor: &Actor,
    case: &absence_case::Model,
    action: &'a str,
    subject: Uuid,
) -> crate::audit::Event<'a> {
    crate::audit::Event {
        organisation_id: Some(case.organisation_id),
        actor_user_id: Some(actor.user_id),
        action,
        subject: Some(subject.to_string()),
    }
}
