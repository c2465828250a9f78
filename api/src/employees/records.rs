//! The employer's side of records: the list, one record, creating (with the person's
//! account, membership and invitation), changing with an optimistic version, revealing
//! the BSN/IBAN (audited), the history and the yearly review.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, ExprTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
    sea_query::{Expr, Func, LikeExpr, Query},
};
use serde::Deserialize;
use shared::{
    Page,
    accounts::NewInvitation,
    auth::Role,
    employees::{
        EmployeeRecord, EmployeeRecordInput, EmployeeSummary, RecordEvent, RevealedSecrets,
        ReviewConfirmation, ReviewProgress, changes::ChangeRequestStatus, employment::part_time_factor,
    },
    i18n::Locale,
    mobile::normalise_mobile,
};
use utoipa::IntoParams;
use uuid::Uuid;

use super::{
    access,
    store::{self, By},
    validate::{self, Checked, Secret},
};
use crate::{
    absence::reports::today,
    accounts::invitations::{self, Issued},
    audit::{self, ClientInfo, Event},
    auth::{Actor, store as auth_store},
    entities::{
        employee_change_request, employee_record, employee_record_event, employment_period, membership,
        organisation, user,
    },
    error::{ApiError, Validation},
    pagination::{self, PageQuery},
    state::AppState,
};

/// Query of `GET /api/v1/employees`.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct EmployeeQuery {
    /// Part of the name, personnel number or e-mail address (case-insensitive).
    pub q: Option<String>,
    /// Only this department.
    pub department: Option<String>,
    /// Only this cost centre.
    pub cost_centre: Option<String>,
    /// Only people employed on this day.
    pub employed_on: Option<NaiveDate>,
    /// Only records employed in the year before and not yet confirmed for this review year.
    pub unreviewed_for: Option<i32>,
    /// Items per page, 1–200 (default 50).
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// `%` and `_` typed by a person are letters, not wildcards.
pub fn contains_pattern(typed: &str) -> LikeExpr {
    let escaped: String = typed
        .to_lowercase()
        .chars()
        .flat_map(|c| if matches!(c, '%' | '_' | '\\') { vec!['\\', c] } else { vec![c] })
        .collect();
    LikeExpr::new(format!("%{escaped}%")).escape('\\')
}

fn employed_between(from: NaiveDate, to: NaiveDate) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(employment_period::Column::RecordId)
        .from(employment_period::Entity)
        .and_where(Expr::col(employment_period::Column::StartsOn).lte(to))
        .and_where(
            Expr::col(employment_period::Column::EndsOn)
                .is_null()
                .or(Expr::col(employment_period::Column::EndsOn).gte(from)),
        )
        .to_owned()
}

fn year_bounds(year: i32) -> (NaiveDate, NaiveDate) {
    let from = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
    let to = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default();
    (from, to)
}

/// The organisation's records by name (keyset on sort name and id).
pub async fn list(
    state: &AppState,
    actor: &Actor,
    q: &EmployeeQuery,
) -> Result<Page<EmployeeSummary>, ApiError> {
    access::require_manager(actor)?;
    let db = &state.db.read;
    let paging = PageQuery { limit: q.limit, cursor: q.cursor.clone() };
    let after: Option<(String, Uuid)> = paging.decode()?;
    let limit = paging.limit();
    let mut query = employee_record::Entity::find()
        .filter(employee_record::Column::OrganisationId.eq(actor.organisation_id))
        .order_by_asc(employee_record::Column::SortName)
        .order_by_asc(employee_record::Column::Id)
        .limit(limit + 1);
    if let Some(typed) = q.q.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let pattern = contains_pattern(typed);
        query = query.filter(
            Expr::col(employee_record::Column::SortName)
                .like(pattern.clone())
                .or(Expr::expr(Func::lower(Expr::col(employee_record::Column::PersonnelNumber)))
                    .like(pattern.clone()))
                .or(Expr::col(employee_record::Column::UserId).in_subquery(
                    Query::select()
                        .column(user::Column::Id)
                        .from(user::Entity)
                        .and_where(Expr::col(user::Column::Email).like(pattern))
                        .to_owned(),
                )),
        );
    }
    if let Some(d) = q.department.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        query = query.filter(employee_record::Column::Department.eq(d));
    }
    if let Some(c) = q.cost_centre.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        query = query.filter(
            employee_record::Column::MembershipId.in_subquery(
                Query::select()
                    .column(membership::Column::Id)
                    .from(membership::Entity)
                    .and_where(Expr::col(membership::Column::OrganisationId).eq(actor.organisation_id))
                    .and_where(Expr::col(membership::Column::CostCentre).eq(c))
                    .to_owned(),
            ),
        );
    }
    if let Some(day) = q.employed_on {
        query = query.filter(employee_record::Column::Id.in_subquery(employed_between(day, day)));
    }
    if let Some(year) = q.unreviewed_for {
        let (from, to) = year_bounds(year - 1);
        query = query.filter(employee_record::Column::Id.in_subquery(employed_between(from, to))).filter(
            employee_record::Column::ReviewedYear
                .is_null()
                .or(employee_record::Column::ReviewedYear.lt(year)),
        );
    }
    if let Some((name, id)) = after {
        query = query.filter(
            Expr::col(employee_record::Column::SortName).gt(name.clone()).or(Expr::col(
                employee_record::Column::SortName,
            )
            .eq(name)
            .and(Expr::col(employee_record::Column::Id).gt(id))),
        );
    }
    let rows = query.all(db).await?;
    let (rows, next_cursor) = pagination::page(rows, limit, |r| (r.sort_name.clone(), r.id));
    let items = summaries(db, rows, today(state.clock.now())).await?;
    Ok(Page { items, next_cursor })
}

/// List rows for records, with four queries whatever the page size.
async fn summaries(
    db: &impl ConnectionTrait,
    rows: Vec<employee_record::Model>,
    today: NaiveDate,
) -> Result<Vec<EmployeeSummary>, ApiError> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let users: HashMap<Uuid, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(rows.iter().map(|r| r.user_id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.email))
        .collect();
    let centres: HashMap<Uuid, Option<String>> = membership::Entity::find()
        .filter(membership::Column::Id.is_in(rows.iter().map(|r| r.membership_id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m.cost_centre))
        .collect();
    let mut periods = store::periods_of(db, ids.clone()).await?;
    let pending: HashMap<Uuid, i64> = if ids.is_empty() {
        HashMap::new()
    } else {
        employee_change_request::Entity::find()
            .select_only()
            .column(employee_change_request::Column::RecordId)
            .column_as(employee_change_request::Column::Id.count(), "n")
            .filter(employee_change_request::Column::RecordId.is_in(ids))
            .filter(employee_change_request::Column::Status.eq(ChangeRequestStatus::Pending.as_str()))
            .group_by(employee_change_request::Column::RecordId)
            .into_tuple::<(Uuid, i64)>()
            .all(db)
            .await?
            .into_iter()
            .collect()
    };
    Ok(rows
        .into_iter()
        .map(|r| {
            let ps = store::as_inputs(&periods.remove(&r.id).unwrap_or_default());
            let now = store::current(&ps, today);
            EmployeeSummary {
                id: r.id,
                user_id: r.user_id,
                personnel_number: r.personnel_number.clone(),
                name: validate::full_name(&r.first_name, r.infix.as_deref(), &r.last_name),
                email: users.get(&r.user_id).cloned().unwrap_or_default(),
                department: r.department.clone(),
                cost_centre: centres.get(&r.membership_id).cloned().flatten(),
                contract_minutes: now.map(|p| p.contract_minutes),
                part_time_factor: now.map(|p| part_time_factor(p.contract_minutes, p.full_time_minutes)),
                employed_since: now.map(|p| p.starts_on),
                employed_until: now.and_then(|p| p.ends_on),
                reviewed_year: r.reviewed_year,
                pending_changes: pending.get(&r.id).copied().unwrap_or(0),
            }
        })
        .collect())
}

/// One record (manage employee data; 404 for anyone else).
pub async fn get(state: &AppState, actor: &Actor, id: Uuid) -> Result<EmployeeRecord, ApiError> {
    let r = access::managed_record(&state.db.read, actor, id).await?;
    store::load_dto(&state.db.read, &r).await
}

/// The BSN, IBAN and ID number in full; audited (the subject is the record id, never a number).
pub async fn reveal(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    client: &ClientInfo,
) -> Result<RevealedSecrets, ApiError> {
    let r = access::managed_record(&state.db.read, actor, id).await?;
    let (bsn, iban, id_document_number) = store::reveal(&state.data_key, &r);
    let event = Event::by(actor, "employee_data_revealed", Some(r.id.to_string()));
    audit::record(&state.db.write, event, client, state.clock.now()).await?;
    Ok(RevealedSecrets { bsn, iban, id_document_number })
}

/// The record's history, newest first.
pub async fn history(state: &AppState, actor: &Actor, id: Uuid) -> Result<Vec<RecordEvent>, ApiError> {
    let r = access::managed_record(&state.db.read, actor, id).await?;
    let rows = employee_record_event::Entity::find()
        .filter(employee_record_event::Column::RecordId.eq(r.id))
        .order_by_desc(employee_record_event::Column::Id)
        .limit(500)
        .all(&state.db.read)
        .await?;
    Ok(rows.into_iter().map(to_event).collect())
}

/// A stored event as clients see it.
pub fn to_event(e: employee_record_event::Model) -> RecordEvent {
    RecordEvent {
        id: e.id,
        at: e.at,
        actor_name: e.actor_name,
        action: e.action,
        fields: e.fields.split(',').filter(|f| !f.is_empty()).map(String::from).collect(),
    }
}

/// Checks a record for creating or changing; the uniqueness of personnel number and BSN
/// within the organisation is part of it.
async fn check(
    state: &AppState,
    organisation_id: Uuid,
    input: &EmployeeRecordInput,
    creating: bool,
    except: Option<Uuid>,
) -> Result<Checked, ApiError> {
    let mut v = Validation::default();
    let c = validate::record(input, creating, today(state.clock.now()), &mut v);
    let db = &state.db.read;
    if !c.personnel_number.is_empty()
        && store::number_taken(db, organisation_id, &c.personnel_number, except).await?
    {
        v.add_code(
            "personnel_number",
            "duplicate",
            "belongs to another employee of your organisation".into(),
        );
    }
    if let Secret::Set(b) = &c.bsn
        && store::bsn_taken(db, &state.data_key, organisation_id, b, except).await?
    {
        v.add_code("bsn", "duplicate", "belongs to another employee of your organisation".into());
    }
    v.finish()?;
    Ok(c)
}

/// What creating a record needs of the person's account.
pub enum Person {
    /// A member of the organisation already (without a record): the record joins the membership.
    Member(membership::Model),
    /// An account elsewhere: a membership is added and they are invited (they confirm with
    /// their password).
    Account(user::Model),
    /// Nobody yet: an account without password, a membership and an invitation.
    New,
}

/// Who the e-mail address of a new record is. 409 `has_record` when they have a record here.
pub async fn person_for(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    canonical: &str,
) -> Result<Result<Person, &'static str>, ApiError> {
    let Some(u) = auth_store::user_by_email(db, canonical).await? else { return Ok(Ok(Person::New)) };
    let has_record = employee_record::Entity::find()
        .filter(employee_record::Column::OrganisationId.eq(organisation_id))
        .filter(employee_record::Column::UserId.eq(u.id))
        .one(db)
        .await?
        .is_some();
    if has_record {
        return Ok(Err("has_record"));
    }
    let member = membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(organisation_id))
        .filter(membership::Column::UserId.eq(u.id))
        .one(db)
        .await?;
    Ok(Ok(match member {
        Some(m) => Person::Member(m),
        None => Person::Account(u),
    }))
}

/// The invitation's proof needs a birth date, and organisations that activate with an SMS
/// PIN a mobile number: problems as (field, code).
pub fn invitation_problems(
    org: &organisation::Model,
    c: &Checked,
    person: &Person,
) -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    if matches!(person, Person::Member(_)) {
        return out;
    }
    if c.birth_date.is_none() {
        out.push(("birth_date", "required"));
    }
    let pin = org.activation_proof == "sms_pin";
    if pin && c.phone.as_deref().is_none_or(|p| normalise_mobile(p).is_err()) {
        out.push(("phone", "mobile_required"));
    }
    out
}

/// Creates the record (and, as needed, the account, membership and invitation) in `txn`.
pub async fn insert(
    txn: &DatabaseTransaction,
    state: &AppState,
    actor: &Actor,
    org: &organisation::Model,
    c: &Checked,
    person: Person,
    action: &str,
) -> Result<employee_record::Model, ApiError> {
    let now = state.clock.now();
    let name = validate::full_name(&c.first_name, c.infix.as_deref(), &c.last_name);
    let mobile = c.phone.as_deref().and_then(|p| normalise_mobile(p).ok());
    let (user_id, membership_id, invite) = match person {
        Person::Member(m) => (m.user_id, m.id, false),
        other => {
            let user_id = match other {
                Person::Account(u) => u.id,
                _ => {
                    user::ActiveModel {
                        id: Set(Uuid::now_v7()),
                        email: Set(c.email.clone()),
                        name: Set(name.clone()),
                        // No password: nobody signs in until the invitee chooses one.
                        password_hash: Set(None),
                        locale: Set(Locale::Nl.tag().into()),
                        helpdesk: Set(false),
                        birth_date: Set(c.birth_date),
                        must_change_password: Set(false),
                        created_at: Set(now),
                        updated_at: Set(now),
                        mobile: Set(mobile.clone()),
                        mobile_verified_at: Set(None),
                        sms_second_factor: Set(false),
                    }
                    .insert(txn)
                    .await?
                    .id
                }
            };
            let m = membership::ActiveModel {
                id: Set(Uuid::now_v7()),
                user_id: Set(user_id),
                organisation_id: Set(org.id),
                role: Set(Role::Employee.as_str().into()),
                rights: Set(String::new()),
                main_contact: Set(false),
                contract_minutes: Set(None),
                cost_centre: Set(None),
                job_title: Set(None),
                created_at: Set(now),
            }
            .insert(txn)
            .await?;
            (user_id, m.id, true)
        }
    };
    let mut m = employee_record::ActiveModel {
        id: Set(Uuid::now_v7()),
        organisation_id: Set(org.id),
        membership_id: Set(membership_id),
        user_id: Set(user_id),
        bsn_sealed: Set(None),
        bsn_digest: Set(None),
        bsn_tail: Set(None),
        iban_sealed: Set(None),
        iban_country: Set(None),
        iban_tail: Set(None),
        id_kind: Set(None),
        id_number_sealed: Set(None),
        id_number_tail: Set(None),
        id_expires_on: Set(None),
        reviewed_year: Set(None),
        reviewed_at: Set(None),
        reviewed_by: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    store::fill(&state.data_key, &mut m, org.id, c)?;
    let record = m.insert(txn).await?;
    store::replace_periods(txn, &record, &c.employment).await?;
    store::sync(txn, &record, c.cost_centre.clone(), &c.employment, today(now), now).await?;
    store::event(txn, &record, &By::actor(actor), action, &["created".into()], now).await?;
    if invite {
        let open = invitations::ensure_no_open_invitation(state, org.id, &c.email, now).await.is_err();
        if !open && let Some(birth_date) = c.birth_date {
            let new = NewInvitation {
                email: c.email.clone(),
                name: name.clone(),
                role: Role::Employee,
                rights: Vec::new(),
                birth_date,
                mobile: mobile.clone(),
            };
            let issued = Issued { email: &c.email, mobile, main_contact: false };
            invitations::issue(txn, state, actor, org, &new, issued).await?;
        }
    }
    Ok(record)
}

/// Creates a record: finds the person by e-mail or makes an account and invites them.
pub async fn create(
    state: &AppState,
    actor: &Actor,
    input: EmployeeRecordInput,
    client: &ClientInfo,
) -> Result<EmployeeRecord, ApiError> {
    access::require_manager(actor)?;
    let c = check(state, actor.organisation_id, &input, true, None).await?;
    let org = organisation::Entity::find_by_id(actor.organisation_id)
        .one(&state.db.read)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let person = match person_for(&state.db.read, org.id, &c.email).await? {
        Ok(p) => p,
        Err(code) => {
            return Err(ApiError::conflict_on(
                "email",
                code,
                "This person already has a record in your organisation",
            ));
        }
    };
    let mut v = Validation::default();
    for (field, code) in invitation_problems(&org, &c, &person) {
        let message = if code == "required" {
            "is needed for the invitation (the person proves who they are with it)"
        } else {
            "a mobile number is needed: your organisation activates accounts with an SMS PIN"
        };
        v.add_code(field, code, message.into());
    }
    v.finish()?;
    let now = state.clock.now();
    let txn = state.db.write.begin().await?;
    let record = insert(&txn, state, actor, &org, &c, person, "created").await?;
    audit::record(
        &txn,
        Event::by(actor, "employee_record_created", Some(record.id.to_string())),
        client,
        now,
    )
    .await?;
    txn.commit().await?;
    store::load_dto(&state.db.read, &record).await
}

/// Applies a checked record to a stored one in `txn` (version already claimed); the changed fields.
pub async fn apply(
    txn: &DatabaseTransaction,
    state: &AppState,
    r: &employee_record::Model,
    c: &Checked,
    by: &By,
    action: &str,
) -> Result<Vec<String>, ApiError> {
    let now = state.clock.now();
    let m0 = membership::Entity::find_by_id(r.membership_id).one(txn).await?;
    let centre = m0.and_then(|m| m.cost_centre);
    let periods = store::periods_of(txn, vec![r.id]).await?.remove(&r.id).unwrap_or_default();
    let fields = store::changed_fields(&state.data_key, r, centre.as_deref(), &periods, c);
    if fields.is_empty() {
        return Ok(fields);
    }
    let mut m: employee_record::ActiveModel = r.clone().into();
    store::fill(&state.data_key, &mut m, r.organisation_id, c)?;
    m.updated_at = Set(now);
    let saved = m.update(txn).await?;
    if fields.iter().any(|f| f == "employment") {
        store::replace_periods(txn, &saved, &c.employment).await?;
    }
    store::sync(txn, &saved, c.cost_centre.clone(), &c.employment, today(now), now).await?;
    store::event(txn, &saved, by, action, &fields, now).await?;
    Ok(fields)
}

/// Replaces a record (BSN/IBAN/ID document left out keep what is stored); 409 on a stale version.
pub async fn update(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    input: EmployeeRecordInput,
    client: &ClientInfo,
) -> Result<EmployeeRecord, ApiError> {
    let r = access::writable_record(&state.db.read, actor, id).await?;
    let Some(version) = input.version else {
        let mut v = Validation::default();
        v.add_code("version", "required", "send the version you read".into());
        return Err(v.finish().err().unwrap_or_else(store::stale));
    };
    let c = check(state, actor.organisation_id, &input, false, Some(r.id)).await?;
    let now = state.clock.now();
    let txn = state.db.write.begin().await?;
    if !store::bump(&txn, r.id, version, now).await? {
        return Err(store::stale());
    }
    let fresh = employee_record::Entity::find_by_id(r.id).one(&txn).await?.ok_or_else(ApiError::not_found)?;
    let fields = apply(&txn, state, &fresh, &c, &By::actor(actor), "updated").await?;
    audit::record(&txn, Event::by(actor, "employee_record_updated", Some(r.id.to_string())), client, now)
        .await?;
    let _ = fields;
    txn.commit().await?;
    let saved = employee_record::Entity::find_by_id(r.id)
        .one(&state.db.read)
        .await?
        .ok_or_else(ApiError::not_found)?;
    store::load_dto(&state.db.read, &saved).await
}

/// How far the yearly review for `year` is: records employed at any time in the year
/// before, and how many of them are confirmed for `year`.
pub async fn review_progress(state: &AppState, actor: &Actor, year: i32) -> Result<ReviewProgress, ApiError> {
    access::require_manager(actor)?;
    check_year(year, state.clock.now())?;
    let (from, to) = year_bounds(year - 1);
    let base = || {
        employee_record::Entity::find()
            .filter(employee_record::Column::OrganisationId.eq(actor.organisation_id))
            .filter(employee_record::Column::Id.in_subquery(employed_between(from, to)))
    };
    let total = base().count(&state.db.read).await? as i64;
    let confirmed =
        base().filter(employee_record::Column::ReviewedYear.gte(year)).count(&state.db.read).await? as i64;
    Ok(ReviewProgress { year, total, confirmed })
}

fn check_year(year: i32, now: chrono::DateTime<Utc>) -> Result<(), ApiError> {
    let this = today(now).format("%Y").to_string().parse::<i32>().unwrap_or(2026);
    if (this - 1..=this + 1).contains(&year) {
        Ok(())
    } else {
        let mut v = Validation::default();
        v.add_code("year", "out_of_range", "must be last, this or next year".into());
        v.finish()
    }
}

/// "These data are right for `year`" (manage employee data; 409 on a stale version).
pub async fn confirm_review(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: ReviewConfirmation,
    client: &ClientInfo,
) -> Result<EmployeeRecord, ApiError> {
    let r = access::writable_record(&state.db.read, actor, id).await?;
    check_year(body.year, state.clock.now())?;
    let now = state.clock.now();
    let txn = state.db.write.begin().await?;
    if !store::bump(&txn, r.id, body.version, now).await? {
        return Err(store::stale());
    }
    employee_record::Entity::update_many()
        .col_expr(employee_record::Column::ReviewedYear, Expr::value(body.year))
        .col_expr(employee_record::Column::ReviewedAt, Expr::value(now))
        .col_expr(employee_record::Column::ReviewedBy, Expr::value(actor.user_id))
        .filter(employee_record::Column::Id.eq(r.id))
        .exec(&txn)
        .await?;
    store::event(&txn, &r, &By::actor(actor), "reviewed", &[body.year.to_string()], now).await?;
    audit::record(&txn, Event::by(actor, "employee_record_reviewed", Some(r.id.to_string())), client, now)
        .await?;
    txn.commit().await?;
    let saved = employee_record::Entity::find_by_id(r.id)
        .one(&state.db.read)
        .await?
        .ok_or_else(ApiError::not_found)?;
    store::load_dto(&state.db.read, &saved).await
}
