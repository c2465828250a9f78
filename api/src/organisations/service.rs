//! Rules for organisations, teams and members.

use shared::{
    Page,
    auth::Right,
    organisations::{Member, NewTeam, Organisation, Team},
    validation::{MAX_ORGANISATION_NAME_LEN, MAX_TEAM_NAME_LEN, check_name},
};
use uuid::Uuid;

use super::store;
use crate::{
    audit::{self, ClientInfo, Event},
    auth::Actor,
    error::{ApiError, Validation},
    pagination::{self, PageQuery},
    state::AppState,
};

/// The caller's organisations; the helpdesk sees every organisation.
pub async fn list_organisations(
    state: &AppState,
    actor: &Actor,
    q: &PageQuery,
) -> Result<Page<Organisation>, ApiError> {
    let after: Option<Uuid> = q.decode()?;
    let rows = if actor.helpdesk {
        store::all_organisations(&state.db.read, after, q.limit()).await?
    } else {
        store::organisations_of(&state.db.read, actor.user_id, after, q.limit()).await?
    };
    let (items, next_cursor) = pagination::page(rows, q.limit(), |o| o.id);
    Ok(Page { items, next_cursor })
}

/// Creates an organisation with Poort's standard security settings (platform helpdesk only).
pub async fn create_organisation(
    state: &AppState,
    actor: &Actor,
    new: shared::organisations::NewOrganisation,
    client: &ClientInfo,
) -> Result<Organisation, ApiError> {
    actor.require_helpdesk()?;
    let name = new.name.trim().to_string();
    let mut v = Validation::default();
    v.check("name", check_name(&name, MAX_ORGANISATION_NAME_LEN));
    // The care profile is optional: organisations outside care networks leave it out.
    let profile = crate::care_organisations::profile::check(
        &state.db.write,
        new.category.as_deref(),
        new.address.as_ref(),
        new.phone.as_deref(),
        &mut v,
    )
    .await?;
    v.finish()?;
    if store::organisation_name_taken(&state.db.write, &name).await? {
        return Err(ApiError::conflict_on("name", "name_taken", "An organisation with this name exists"));
    }
    let now = state.clock.now();
    let org = store::insert_organisation(&state.db.write, name, &profile, now).await?;
    // Filed under the new organisation: its rights managers see where it began.
    let event = Event {
        organisation_id: Some(org.id),
        actor_user_id: Some(actor.user_id),
        action: "organisation_created",
        subject: Some(org.id.to_string()),
    };
    audit::record(&state.db.write, event, client, now).await?;
    Ok(org)
}

/// One organisation the caller belongs to (404 otherwise).
pub async fn get_organisation(state: &AppState, actor: &Actor, id: Uuid) -> Result<Organisation, ApiError> {
    store::organisation_for(&state.db.read, actor.user_id, id, actor.helpdesk)
        .await?
        .ok_or_else(ApiError::not_found)
}

/// The teams of the caller's organisation.
pub async fn list_teams(
    state: &AppState,
    scope: crate::auth::Scope,
    q: &PageQuery,
) -> Result<Page<Team>, ApiError> {
    let after: Option<(String, Uuid)> = q.decode()?;
    let rows = store::teams(&state.db.read, scope, after, q.limit(), None).await?;
    let (items, next_cursor) = pagination::page(rows, q.limit(), |t| (t.name.clone(), t.id));
    Ok(Page { items, next_cursor })
}

/// One team of the caller's organisation (404 for any other).
pub async fn get_team(state: &AppState, actor: &Actor, id: Uuid) -> Result<Team, ApiError> {
    store::teams(&state.db.read, actor.scope(), None, 1, Some(id))
        .await?
        .into_iter()
        .next()
        .ok_or_else(ApiError::not_found)
}

/// Creates a team; needs the right to manage rights (the organisation's administrators).
pub async fn create_team(
    state: &AppState,
    actor: &Actor,
    new: NewTeam,
    client: &ClientInfo,
) -> Result<Team, ApiError> {
    actor.require(Right::ManageRights)?;
    let name = new.name.trim().to_string();
    let mut v = Validation::default();
    v.check("name", check_name(&name, MAX_TEAM_NAME_LEN));
    v.finish()?;
    let already = || ApiError::conflict("A team with this name already exists");
    if store::team_name_taken(&state.db.write, actor.scope(), &name).await? {
        return Err(already());
    }
    let now = state.clock.now();
    let team = match store::insert_team(&state.db.write, actor.scope(), name, now).await {
        Ok(t) => t,
        // Two requests racing past the check above: the unique index decides.
        Err(e) if matches!(e.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_))) => {
            return Err(already());
        }
        Err(e) => return Err(e.into()),
    };
    audit::record(&state.db.write, Event::by(actor, "team_created", Some(team.id.to_string())), client, now)
        .await?;
    Ok(team)
}

/// The members of the caller's organisation; needs the right to manage rights.
pub async fn list_members(state: &AppState, actor: &Actor, q: &PageQuery) -> Result<Page<Member>, ApiError> {
    actor.require(Right::ManageRights)?;
    let after: Option<Uuid> = q.decode()?;
    let rows = store::members(&state.db.read, actor.scope(), after, q.limit()).await?;
    let (items, next_cursor) = pagination::page(rows, q.limit(), |m| m.id);
    Ok(Page { items, next_cursor })
}

/// Changes a member's role and rights. Needs *manage rights*; grants nothing the
/// actor lacks; nobody changes their own rights (no raising yourself, no locking
/// yourself out); the main contact's rights are changed by the helpdesk only.
pub async fn update_member(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    update: shared::organisations::MemberUpdate,
    client: &ClientInfo,
) -> Result<Member, ApiError> {
    use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

    use crate::entities::membership;
    actor.require(Right::ManageRights)?;
    let m = membership::Entity::find_by_id(id)
        .filter(membership::Column::OrganisationId.eq(actor.organisation_id))
        .one(&state.db.write)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if m.user_id == actor.user_id || m.main_contact {
        return Err(ApiError::forbidden());
    }
    if !shared::accounts::may_grant(
        actor.role,
        &actor.rights,
        actor.main_contact,
        update.role,
        &update.rights,
    ) {
        return Err(ApiError::forbidden());
    }
    // Taking away a right the actor does not hold would also be granting-by-proxy; refuse it.
    let current = Right::parse_list(&m.rights);
    if current.iter().any(|r| !update.rights.contains(r) && !actor.has(*r)) {
        return Err(ApiError::forbidden());
    }
    let now = state.clock.now();
    let before = (m.role.clone(), m.rights.clone());
    let mut am: membership::ActiveModel = m.clone().into();
    am.role = Set(update.role.as_str().into());
    am.rights = Set(Right::format_list(&update.rights));
    am.update(&state.db.write).await?;
    let subject = format!(
        "{} {}:{} -> {}:{}",
        m.user_id,
        before.0,
        before.1,
        update.role.as_str(),
        Right::format_list(&update.rights)
    );
    audit::record(&state.db.write, Event::by(actor, "rights_changed", Some(subject)), client, now).await?;
    store::members(&state.db.read, actor.scope(), None, crate::pagination::MAX_LIMIT)
        .await?
        .into_iter()
        .find(|x| x.id == id)
        .ok_or_else(ApiError::not_found)
}

/// The organisation's audit trail, newest first (needs *manage rights*).
pub async fn audit_trail(
    state: &AppState,
    actor: &Actor,
    q: &AuditQuery,
) -> Result<Page<shared::organisations::AuditEntry>, ApiError> {
    actor.require(Right::ManageRights)?;
    let page = PageQuery { limit: q.limit, cursor: q.cursor.clone() };
    let before: Option<Uuid> = page.decode()?;
    // Days are Dutch calendar days: [from 00:00, to + 1 day 00:00) in Europe/Amsterdam.
    let day_start = |d: chrono::NaiveDate| {
        d.and_hms_opt(0, 0, 0)
            .and_then(|t| t.and_local_timezone(chrono_tz::Europe::Amsterdam).earliest())
            .map(|t| t.with_timezone(&chrono::Utc))
    };
    let period = store::AuditPeriod {
        from: q.from.and_then(day_start),
        until: q.to.and_then(|d| d.succ_opt()).and_then(day_start),
    };
    let action = q.action.as_deref().map(str::trim).filter(|a| !a.is_empty());
    let rows = store::audit(&state.db.read, actor.scope(), before, period, action, page.limit()).await?;
    let (items, next_cursor) = pagination::page(rows, page.limit(), |e| e.id);
    Ok(Page { items, next_cursor })
}

/// Query of `GET /api/v1/audit`: a page, optionally narrowed to a period and an action.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Items per page, 1–200 (default 50).
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Only events on or after this day (Europe/Amsterdam).
    pub from: Option<chrono::NaiveDate>,
    /// Only events on or before this day (Europe/Amsterdam).
    pub to: Option<chrono::NaiveDate>,
    /// Only this action (e.g. `sign_in`, `employee_data_revealed`).
    pub action: Option<String>,
}

/// Gives a member a temporary password (shown once) that they must change at their
/// next sign-in; their sessions end and any lock is lifted. Needs *manage rights*;
/// never for yourself or the main contact.
pub async fn temporary_password(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    client: &ClientInfo,
) -> Result<shared::auth::TemporaryPassword, ApiError> {
    use rand::Rng;
    use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set, TransactionTrait};

    use crate::entities::{membership, user};
    actor.require(Right::ManageRights)?;
    let m = membership::Entity::find_by_id(id)
        .filter(membership::Column::OrganisationId.eq(actor.organisation_id))
        .one(&state.db.write)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if m.user_id == actor.user_id || m.main_contact {
        return Err(ApiError::forbidden());
    }
    let u =
        user::Entity::find_by_id(m.user_id).one(&state.db.write).await?.ok_or_else(ApiError::not_found)?;
    // 16 characters from an alphabet without look-alikes, read out over the phone: ~90 bits.
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rngs::OsRng;
    let temporary: String = (0..16).map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char).collect();
    let phc = crate::auth::password::hash(temporary.clone()).await?;
    let now = state.clock.now();
    let txn = state.db.write.begin().await?;
    let email = u.email.clone();
    let mut um: user::ActiveModel = u.into();
    um.password_hash = Set(Some(phc));
    um.must_change_password = Set(true);
    um.updated_at = Set(now);
    um.update(&txn).await?;
    crate::auth::store::revoke_sessions_of(&txn, m.user_id, None, "temporary_password", now).await?;
    crate::auth::guard::record_success(&txn, &email).await?;
    audit::record(&txn, Event::by(actor, "temporary_password_set", Some(m.user_id.to_string())), client, now)
        .await?;
    txn.commit().await?;
    Ok(shared::auth::TemporaryPassword { temporary_password: temporary })
}
