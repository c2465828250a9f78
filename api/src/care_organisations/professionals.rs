//! Professionals: an administrator makes a person's profile in their own organisation at
//! once (name, function, e-mail, team), so coordinators can add them to networks before
//! they ever sign in; an invitation mail lets them activate the account with a password.

use std::collections::HashMap;

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, ExprTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
    sea_query::{Expr, Func, LikeExpr, Query},
};
use serde::Deserialize;
use shared::{
    Page,
    accounts::NewInvitation,
    auth::Role,
    i18n::Locale,
    networks::{NewProfessional, Professional, TeamRef},
};
use utoipa::IntoParams;
use uuid::Uuid;

use super::require_administrator;
use crate::{
    accounts::invitations::{self, Issued},
    audit::{self, ClientInfo, Event},
    auth::{Actor, Scope, email, store as auth_store},
    entities::{membership, organisation, team, team_member, user},
    error::{ApiError, Validation},
    pagination::{self, PageQuery},
    state::AppState,
};

/// The roles a professional is created with; the others (employer, arbodienst, carers)
/// come in through their own flows.
const ROLES: [Role; 4] = [Role::Employee, Role::CareCoordinator, Role::Planner, Role::Administrator];
const MAX_JOB_TITLE: usize = 100;

/// Query of `GET /api/v1/professionals`.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ProfessionalQuery {
    /// Part of the name, e-mail address or function (case-insensitive).
    pub q: Option<String>,
    /// Only members of this team.
    pub team_id: Option<Uuid>,
    /// Items per page, 1–200 (default 50).
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// Creates a professional in the administrator's organisation: an account without a
/// password (or the person's existing account), a membership with the function, the team
/// link, and the invitation mail, all in one transaction.
pub async fn create(
    state: &AppState,
    actor: &Actor,
    new: NewProfessional,
    client: &ClientInfo,
) -> Result<Professional, ApiError> {
    require_administrator(actor)?;
    // Only administrators and main contacts make administrators, as with invitations.
    if new.role == Role::Administrator && !(actor.role == Role::Administrator || actor.main_contact) {
        return Err(ApiError::forbidden());
    }
    let now = state.clock.now();
    let org = organisation::Entity::find_by_id(actor.organisation_id)
        .one(&state.db.read)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let invitation = NewInvitation {
        email: new.email.clone(),
        name: new.name.clone(),
        role: new.role,
        rights: Vec::new(),
        birth_date: new.birth_date,
        mobile: new.mobile.clone(),
    };
    let mut v = Validation::default();
    let mobile = invitations::check_invitee(&org, &invitation, now, &mut v);
    v.check("job_title", shared::validation::check_name(&new.job_title, MAX_JOB_TITLE));
    if !ROLES.contains(&new.role) {
        v.add_code(
            "role",
            "not_allowed",
            "must be employee, care_coordinator, planner or administrator".into(),
        );
    }
    let team = match new.team_id {
        Some(id) => {
            let t = team::Entity::find_by_id(id)
                .filter(team::Column::OrganisationId.eq(actor.organisation_id))
                .one(&state.db.read)
                .await?;
            if t.is_none() {
                v.add_code("team_id", "unknown_team", "is not a team of your organisation".into());
            }
            t
        }
        None => None,
    };
    v.finish()?;
    let canonical = email::canonical(&new.email);
    invitations::ensure_not_member(state, org.id, &canonical).await?;
    invitations::ensure_no_open_invitation(state, org.id, &canonical, now).await?;
    let existing = auth_store::user_by_email(&state.db.read, &canonical).await?;

    let txn = state.db.write.begin().await?;
    let account = match existing {
        // Someone with an account elsewhere keeps it: one person, one account.
        Some(u) => u,
        None => {
            user::ActiveModel {
                id: Set(Uuid::now_v7()),
                email: Set(canonical.clone()),
                name: Set(new.name.trim().to_string()),
                // No password: nobody signs in with this account until the invitee chooses one.
                password_hash: Set(None),
                locale: Set(Locale::Nl.tag().into()),
                helpdesk: Set(false),
                birth_date: Set(Some(new.birth_date)),
                must_change_password: Set(false),
                created_at: Set(now),
                updated_at: Set(now),
                mobile: Set(mobile.clone()),
                mobile_verified_at: Set(None),
                sms_second_factor: Set(false),
            }
            .insert(&txn)
            .await?
        }
    };
    let member = membership::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(account.id),
        organisation_id: Set(org.id),
        role: Set(new.role.as_str().into()),
        rights: Set(String::new()),
        main_contact: Set(false),
        contract_minutes: Set(None),
        cost_centre: Set(None),
        job_title: Set(Some(new.job_title.trim().to_string())),
        created_at: Set(now),
    }
    .insert(&txn)
    .await?;
    if let Some(t) = &team {
        team_member::ActiveModel {
            team_id: Set(t.id),
            membership_id: Set(member.id),
            main_contact: Set(false),
            created_at: Set(now),
        }
        .insert(&txn)
        .await?;
    }
    let issued = Issued { email: &canonical, mobile, main_contact: false };
    invitations::issue(&txn, state, actor, &org, &invitation, issued).await?;
    audit::record(&txn, Event::by(actor, "professional_created", Some(member.id.to_string())), client, now)
        .await?;
    txn.commit().await?;
    Ok(Professional {
        membership_id: member.id,
        user_id: account.id,
        name: account.name,
        email: account.email,
        job_title: member.job_title,
        role: new.role,
        organisation_id: org.id,
        organisation_name: org.name,
        teams: team.into_iter().map(|t| TeamRef { id: t.id, name: t.name }).collect(),
        activated: account.password_hash.is_some(),
    })
}

/// The professionals of the caller's organisation by name, with functions and teams.
pub async fn list(
    state: &AppState,
    actor: &Actor,
    q: &ProfessionalQuery,
) -> Result<Page<Professional>, ApiError> {
    let paging = PageQuery { limit: q.limit, cursor: q.cursor.clone() };
    let after: Option<(String, Uuid)> = paging.decode()?;
    let search = q.q.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let rows = page_of(&state.db.read, actor.scope(), search, q.team_id, after, paging.limit()).await?;
    let (rows, next_cursor) = pagination::page(rows, paging.limit(), |(m, u)| (u.name.clone(), m.id));
    let org = organisation::Entity::find_by_id(actor.organisation_id).one(&state.db.read).await?;
    let org_name = org.map(|o| o.name).unwrap_or_default();
    let mut teams = teams_of(&state.db.read, rows.iter().map(|(m, _)| m.id).collect()).await?;
    let items = rows
        .into_iter()
        .filter_map(|(m, u)| {
            Some(Professional {
                membership_id: m.id,
                user_id: u.id,
                teams: teams.remove(&m.id).unwrap_or_default(),
                name: u.name,
                email: u.email,
                job_title: m.job_title,
                role: Role::parse(&m.role)?,
                organisation_id: m.organisation_id,
                organisation_name: org_name.clone(),
                activated: u.password_hash.is_some(),
            })
        })
        .collect();
    Ok(Page { items, next_cursor })
}

/// `%` and `_` typed by a person are letters, not wildcards.
fn contains_pattern(typed: &str) -> LikeExpr {
    let escaped: String = typed
        .to_lowercase()
        .chars()
        .flat_map(|c| if matches!(c, '%' | '_' | '\\') { vec!['\\', c] } else { vec![c] })
        .collect();
    LikeExpr::new(format!("%{escaped}%")).escape('\\')
}

/// One page of (membership, account) rows, keyset on (name, membership id).
async fn page_of(
    db: &impl ConnectionTrait,
    scope: Scope,
    search: Option<&str>,
    team_id: Option<Uuid>,
    after: Option<(String, Uuid)>,
    limit: u64,
) -> Result<Vec<(membership::Model, user::Model)>, DbErr> {
    let name = || Expr::col((user::Entity, user::Column::Name));
    let mut query = membership::Entity::find()
        .find_also_related(user::Entity)
        .filter(membership::Column::OrganisationId.eq(scope.organisation_id()))
        .order_by_asc(user::Column::Name)
        .order_by_asc(membership::Column::Id)
        .limit(limit + 1);
    if let Some(typed) = search {
        let lower = |col: Expr| Expr::expr(Func::lower(col));
        query = query.filter(
            lower(name())
                .like(contains_pattern(typed))
                .or(lower(Expr::col((user::Entity, user::Column::Email))).like(contains_pattern(typed)))
                .or(lower(Expr::col((membership::Entity, membership::Column::JobTitle)))
                    .like(contains_pattern(typed))),
        );
    }
    if let Some(team_id) = team_id {
        query = query.filter(
            membership::Column::Id.in_subquery(
                Query::select()
                    .column(team_member::Column::MembershipId)
                    .from(team_member::Entity)
                    .and_where(Expr::col(team_member::Column::TeamId).eq(team_id))
                    .to_owned(),
            ),
        );
    }
    if let Some((after_name, after_id)) = after {
        query = query.filter(name().gt(after_name.clone()).or(
            name().eq(after_name).and(Expr::col((membership::Entity, membership::Column::Id)).gt(after_id)),
        ));
    }
    Ok(query.all(db).await?.into_iter().filter_map(|(m, u)| Some((m, u?))).collect())
}

/// The teams of these memberships, by team name (two queries, whatever the page size).
async fn teams_of(
    db: &impl ConnectionTrait,
    memberships: Vec<Uuid>,
) -> Result<HashMap<Uuid, Vec<TeamRef>>, DbErr> {
    let mut by_member: HashMap<Uuid, Vec<TeamRef>> = HashMap::new();
    if memberships.is_empty() {
        return Ok(by_member);
    }
    let links = team_member::Entity::find()
        .filter(team_member::Column::MembershipId.is_in(memberships))
        .all(db)
        .await?;
    let ids: Vec<Uuid> = links.iter().map(|l| l.team_id).collect();
    let names: HashMap<Uuid, String> = team::Entity::find()
        .filter(team::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t.name))
        .collect();
    for l in links {
        if let Some(name) = names.get(&l.team_id) {
            by_member.entry(l.membership_id).or_default().push(TeamRef { id: l.team_id, name: name.clone() });
        }
    }
    for teams in by_member.values_mut() {
        teams.sort_by(|a, b| a.name.cmp(&b.name));
    }
    Ok(by_member)
}
