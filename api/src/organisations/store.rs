//! Tenant-scoped queries: every function takes the actor's `Scope`, so another
//! organisation's rows are simply not found.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, ExprTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
    sea_query::{Alias, Expr, Func, Order, Query},
};
use shared::{
    auth::{Right, Role},
    organisations::{Member, Organisation, Team},
};
use uuid::Uuid;

use crate::{
    auth::Scope,
    entities::{membership, organisation, team, user},
};

fn to_org(o: organisation::Model) -> Organisation {
    Organisation { id: o.id, name: o.name, created_at: o.created_at }
}

/// The organisations a person belongs to, by id, after `after`.
pub async fn organisations_of(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    after: Option<Uuid>,
    limit: u64,
) -> Result<Vec<Organisation>, DbErr> {
    let mut q = organisation::Entity::find()
        .inner_join(membership::Entity)
        .filter(membership::Column::UserId.eq(user_id))
        .order_by_asc(organisation::Column::Id)
        .limit(limit + 1);
    if let Some(after) = after {
        q = q.filter(organisation::Column::Id.gt(after));
    }
    Ok(q.all(db).await?.into_iter().map(to_org).collect())
}

/// Every organisation, by id (platform helpdesk only).
pub async fn all_organisations(
    db: &impl ConnectionTrait,
    after: Option<Uuid>,
    limit: u64,
) -> Result<Vec<Organisation>, DbErr> {
    let mut q = organisation::Entity::find().order_by_asc(organisation::Column::Id).limit(limit + 1);
    if let Some(after) = after {
        q = q.filter(organisation::Column::Id.gt(after));
    }
    Ok(q.all(db).await?.into_iter().map(to_org).collect())
}

/// One organisation if the person is a member of it (or `any` is set, for the helpdesk).
pub async fn organisation_for(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    id: Uuid,
    any: bool,
) -> Result<Option<Organisation>, DbErr> {
    let mut q = organisation::Entity::find_by_id(id);
    if !any {
        q = q.inner_join(membership::Entity).filter(membership::Column::UserId.eq(user_id));
    }
    Ok(q.one(db).await?.map(to_org))
}

/// Whether an organisation with this name (ignoring case) exists.
pub async fn organisation_name_taken(db: &impl ConnectionTrait, name: &str) -> Result<bool, DbErr> {
    let lower = name.to_lowercase();
    Ok(organisation::Entity::find()
        .filter(Expr::expr(Func::lower(Expr::col(organisation::Column::Name))).eq(lower))
        .one(db)
        .await?
        .is_some())
}

/// A new organisation with Poort's standard security settings and its care profile.
pub async fn insert_organisation(
    db: &impl ConnectionTrait,
    name: String,
    profile: &crate::care_organisations::profile::Checked,
    now: DateTime<Utc>,
) -> Result<Organisation, DbErr> {
    let mut m = organisation::ActiveModel {
        id: Set(Uuid::now_v7()),
        name: Set(name),
        lockout_failures: Set(None),
        lockout_minutes: Set(None),
        password_profile: Set("standard".into()),
        password_min_length: Set(shared::password_policy::STANDARD_MIN_LENGTH as i32),
        require_second_factor: Set(false),
        activation_proof: Set("birth_date".into()),
        created_at: Set(now),
        ..Default::default()
    };
    profile.apply(&mut m);
    m.insert(db).await.map(to_org)
}

/// A page of teams ordered by name, with member counts computed in SQL.
pub async fn teams(
    db: &impl ConnectionTrait,
    scope: Scope,
    after: Option<(String, Uuid)>,
    limit: u64,
    id: Option<Uuid>,
) -> Result<Vec<Team>, DbErr> {
    let t = |c: &str| Expr::col((Alias::new("teams"), Alias::new(c)));
    let mut q = Query::select();
    q.expr_as(t("id"), Alias::new("id"))
        .expr_as(t("organisation_id"), Alias::new("organisation_id"))
        .expr_as(t("name"), Alias::new("name"))
        .expr_as(t("created_at"), Alias::new("created_at"))
        .expr_as(
            Expr::col((Alias::new("team_members"), Alias::new("membership_id"))).count(),
            Alias::new("member_count"),
        )
        .from(Alias::new("teams"))
        .left_join(
            Alias::new("team_members"),
            Expr::col((Alias::new("team_members"), Alias::new("team_id")))
                .equals((Alias::new("teams"), Alias::new("id"))),
        )
        .and_where(t("organisation_id").eq(scope.organisation_id()))
        .group_by_columns([
            (Alias::new("teams"), Alias::new("id")),
            (Alias::new("teams"), Alias::new("organisation_id")),
            (Alias::new("teams"), Alias::new("name")),
            (Alias::new("teams"), Alias::new("created_at")),
        ])
        .order_by((Alias::new("teams"), Alias::new("name")), Order::Asc)
        .order_by((Alias::new("teams"), Alias::new("id")), Order::Asc)
        .limit(limit + 1);
    if let Some(id) = id {
        q.and_where(t("id").eq(id));
    }
    if let Some((name, id)) = after {
        q.and_where(t("name").gt(name.clone()).or(t("name").eq(name).and(t("id").gt(id))));
    }
    let rows = db.query_all(&q).await?;
    rows.into_iter()
        .map(|r| {
            Ok(Team {
                id: r.try_get("", "id")?,
                organisation_id: r.try_get("", "organisation_id")?,
                name: r.try_get("", "name")?,
                member_count: r.try_get("", "member_count")?,
                created_at: r.try_get("", "created_at")?,
            })
        })
        .collect()
}

/// Whether the organisation already has a team with this name.
pub async fn team_name_taken(db: &impl ConnectionTrait, scope: Scope, name: &str) -> Result<bool, DbErr> {
    Ok(team::Entity::find()
        .filter(team::Column::OrganisationId.eq(scope.organisation_id()))
        .filter(team::Column::Name.eq(name))
        .one(db)
        .await?
        .is_some())
}

/// Creates a team in the actor's organisation.
pub async fn insert_team(
    db: &impl ConnectionTrait,
    scope: Scope,
    name: String,
    now: DateTime<Utc>,
) -> Result<Team, DbErr> {
    let m = team::ActiveModel {
        id: Set(Uuid::now_v7()),
        organisation_id: Set(scope.organisation_id()),
        name: Set(name),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(Team {
        id: m.id,
        organisation_id: m.organisation_id,
        name: m.name,
        member_count: 0,
        created_at: m.created_at,
    })
}

/// A page of the organisation's members by membership id.
pub async fn members(
    db: &impl ConnectionTrait,
    scope: Scope,
    after: Option<Uuid>,
    limit: u64,
) -> Result<Vec<Member>, DbErr> {
    let mut q = membership::Entity::find()
        .find_also_related(user::Entity)
        .filter(membership::Column::OrganisationId.eq(scope.organisation_id()))
        .order_by_asc(membership::Column::Id)
        .limit(limit + 1);
    if let Some(after) = after {
        q = q.filter(membership::Column::Id.gt(after));
    }
    Ok(q.all(db)
        .await?
        .into_iter()
        .filter_map(|(m, u)| {
            let u = u?;
            Some(Member {
                id: m.id,
                user_id: u.id,
                name: u.name,
                email: u.email,
                role: Role::parse(&m.role)?,
                rights: Right::parse_list(&m.rights),
                main_contact: m.main_contact,
            })
        })
        .collect())
}

/// The instants an audit page is narrowed to: `[from, until)`.
#[derive(Debug, Clone, Copy, Default)]
pub struct AuditPeriod {
    /// First instant included.
    pub from: Option<chrono::DateTime<chrono::Utc>>,
    /// First instant no longer included.
    pub until: Option<chrono::DateTime<chrono::Utc>>,
}

/// A page of the organisation's audit events, newest first, with actor names.
pub async fn audit(
    db: &impl ConnectionTrait,
    scope: Scope,
    before: Option<Uuid>,
    period: AuditPeriod,
    action: Option<&str>,
    limit: u64,
) -> Result<Vec<shared::organisations::AuditEntry>, DbErr> {
    use crate::entities::audit_event;
    let mut q = audit_event::Entity::find()
        .filter(audit_event::Column::OrganisationId.eq(scope.organisation_id()))
        .order_by_desc(audit_event::Column::Id)
        .limit(limit + 1);
    if let Some(before) = before {
        q = q.filter(audit_event::Column::Id.lt(before));
    }
    if let Some(from) = period.from {
        q = q.filter(audit_event::Column::CreatedAt.gte(from));
    }
    if let Some(until) = period.until {
        q = q.filter(audit_event::Column::CreatedAt.lt(until));
    }
    if let Some(action) = action {
        q = q.filter(audit_event::Column::Action.eq(action));
    }
    let events = q.all(db).await?;
    let ids: Vec<Uuid> = events.iter().filter_map(|e| e.actor_user_id).collect();
    let users = user::Entity::find().filter(user::Column::Id.is_in(ids)).all(db).await?;
    Ok(events
        .into_iter()
        .map(|e| shared::organisations::AuditEntry {
            id: e.id,
            at: e.created_at,
            actor_name: e
                .actor_user_id
                .and_then(|id| users.iter().find(|u| u.id == id).map(|u| u.name.clone())),
            actor_user_id: e.actor_user_id,
            action: e.action,
            subject: e.subject,
            ip: e.ip,
            user_agent: e.user_agent,
        })
        .collect())
}
