//! Reading and writing records: the stored row ↔ the DTOs, sealing BSN/IBAN/ID number,
//! the keyed BSN digest, employment periods, the change log, and keeping `users.name`
//! and `memberships.contract_minutes/cost_centre/job_title` in step with the record.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set,
    sea_query::Expr,
};
use shared::employees::{
    EmployeeRecord, EmploymentPeriod, EmploymentPeriodInput, IdDocumentInfo, IdDocumentKind,
    IdDocumentSummary, PostalAddress,
    bsn::mask_bsn_tail,
    employment::{part_time_factor, period_on},
    iban::{format_iban, mask_iban},
};
use uuid::Uuid;

use super::validate::{Checked, Secret, full_name, sort_name};
use crate::{
    crypto::DataKey,
    entities::{employee_record, employee_record_event, employment_period, membership, user},
    error::ApiError,
};

/// Purpose label of the BSN digest.
const BSN_DIGEST: &str = "employee-bsn";

/// The keyed digest of a normalised BSN, unique per organisation.
pub fn bsn_digest(key: &DataKey, organisation_id: Uuid, bsn: &str) -> String {
    key.digest_hex(BSN_DIGEST, format!("{organisation_id}:{bsn}").as_bytes())
}

/// Who made a change, for the change log.
#[derive(Debug, Clone)]
pub struct By {
    /// The person, if any (API clients and the demo have none).
    pub user_id: Option<Uuid>,
    /// Name shown in the history.
    pub name: String,
}

impl By {
    /// A signed-in person.
    pub fn actor(a: &crate::auth::Actor) -> Self {
        Self { user_id: Some(a.user_id), name: a.name.clone() }
    }
}

/// The stored periods of `records`, per record, newest first (one query).
pub async fn periods_of(
    db: &impl ConnectionTrait,
    records: Vec<Uuid>,
) -> Result<HashMap<Uuid, Vec<employment_period::Model>>, DbErr> {
    let mut by: HashMap<Uuid, Vec<employment_period::Model>> = HashMap::new();
    if records.is_empty() {
        return Ok(by);
    }
    for chunk in records.chunks(500) {
        let rows = employment_period::Entity::find()
            .filter(employment_period::Column::RecordId.is_in(chunk.to_vec()))
            .order_by_desc(employment_period::Column::StartsOn)
            .all(db)
            .await?;
        for p in rows {
            by.entry(p.record_id).or_default().push(p);
        }
    }
    Ok(by)
}

/// Stored periods as the rules take them, oldest first.
pub fn as_inputs(periods: &[employment_period::Model]) -> Vec<EmploymentPeriodInput> {
    let mut v: Vec<EmploymentPeriodInput> = periods
        .iter()
        .map(|p| EmploymentPeriodInput {
            starts_on: p.starts_on,
            ends_on: p.ends_on,
            contract_minutes: p.contract_minutes,
            full_time_minutes: p.full_time_minutes,
            job_title: p.job_title.clone(),
        })
        .collect();
    v.sort_by_key(|p| p.starts_on);
    v
}

/// The period that counts today: the one covering today, else the last one started
/// before today, else the first one to come.
pub fn current(periods: &[EmploymentPeriodInput], today: NaiveDate) -> Option<&EmploymentPeriodInput> {
    period_on(periods, today)
        .or_else(|| periods.iter().filter(|p| p.starts_on <= today).max_by_key(|p| p.starts_on))
        .or_else(|| periods.iter().min_by_key(|p| p.starts_on))
}

/// The stored address, when complete.
pub fn address_of(r: &employee_record::Model) -> Option<PostalAddress> {
    Some(PostalAddress {
        street: r.street.clone()?,
        house_number: r.house_number.clone()?,
        postcode: r.postcode.clone()?,
        city: r.city.clone()?,
        country: r.country.clone().unwrap_or_else(|| "NL".into()),
    })
}

fn id_kind(s: &str) -> Option<IdDocumentKind> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

fn id_kind_str(k: IdDocumentKind) -> String {
    serde_json::to_value(k).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()
}

/// The record as clients see it: BSN, IBAN and ID number masked.
pub fn to_dto(
    r: &employee_record::Model,
    email: &str,
    cost_centre: Option<String>,
    periods: &[employment_period::Model],
) -> EmployeeRecord {
    let mut employment: Vec<EmploymentPeriod> = periods
        .iter()
        .map(|p| EmploymentPeriod {
            id: p.id,
            starts_on: p.starts_on,
            ends_on: p.ends_on,
            contract_minutes: p.contract_minutes,
            full_time_minutes: p.full_time_minutes,
            part_time_factor: part_time_factor(p.contract_minutes, p.full_time_minutes),
            job_title: p.job_title.clone(),
        })
        .collect();
    employment.sort_by_key(|p| std::cmp::Reverse(p.starts_on));
    let id_document = match (&r.id_kind, &r.id_number_tail, r.id_expires_on) {
        (Some(k), Some(tail), Some(expires_on)) => id_kind(k).map(|kind| IdDocumentSummary {
            kind,
            number_masked: format!("•••••{tail}"),
            expires_on,
        }),
        _ => None,
    };
    EmployeeRecord {
        id: r.id,
        user_id: r.user_id,
        membership_id: r.membership_id,
        personnel_number: r.personnel_number.clone(),
        first_name: r.first_name.clone(),
        infix: r.infix.clone(),
        last_name: r.last_name.clone(),
        name: full_name(&r.first_name, r.infix.as_deref(), &r.last_name),
        birth_date: r.birth_date,
        address: address_of(r),
        email: email.to_string(),
        phone: r.phone.clone(),
        emergency_phone: r.emergency_phone.clone(),
        bsn_masked: r.bsn_tail.as_deref().map(mask_bsn_tail),
        iban_masked: match (&r.iban_country, &r.iban_tail) {
            (Some(c), Some(t)) => Some(mask_iban(c, t)),
            _ => None,
        },
        tax_credit: r.tax_credit,
        id_document,
        department: r.department.clone(),
        cost_centre,
        employment,
        reviewed_year: r.reviewed_year,
        version: r.version,
        updated_at: r.updated_at,
    }
}

/// One record as clients see it, with its account's address and the membership's cost centre.
pub async fn load_dto(
    db: &impl ConnectionTrait,
    r: &employee_record::Model,
) -> Result<EmployeeRecord, ApiError> {
    let email = user::Entity::find_by_id(r.user_id).one(db).await?.map(|u| u.email).unwrap_or_default();
    let cost_centre =
        membership::Entity::find_by_id(r.membership_id).one(db).await?.and_then(|m| m.cost_centre);
    let periods = periods_of(db, vec![r.id]).await?.remove(&r.id).unwrap_or_default();
    Ok(to_dto(r, &email, cost_centre, &periods))
}

/// The unmasked BSN, IBAN (groups of four) and ID number.
pub fn reveal(key: &DataKey, r: &employee_record::Model) -> (Option<String>, Option<String>, Option<String>) {
    let open =
        |s: &Option<String>| s.as_deref().and_then(|s| key.open(s)).and_then(|b| String::from_utf8(b).ok());
    (open(&r.bsn_sealed), open(&r.iban_sealed).map(|i| format_iban(&i)), open(&r.id_number_sealed))
}

/// The IBAN as stored (compact), for comparing.
pub fn stored_iban(key: &DataKey, r: &employee_record::Model) -> Option<String> {
    r.iban_sealed.as_deref().and_then(|s| key.open(s)).and_then(|b| String::from_utf8(b).ok())
}

/// What differs between the stored record and a checked one (field names of the input).
pub fn changed_fields(
    key: &DataKey,
    r: &employee_record::Model,
    cost_centre: Option<&str>,
    periods: &[employment_period::Model],
    c: &Checked,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut diff = |name: &str, changed: bool| {
        if changed {
            out.push(name.to_string());
        }
    };
    diff("personnel_number", r.personnel_number != c.personnel_number);
    diff("first_name", r.first_name != c.first_name);
    diff("infix", r.infix != c.infix);
    diff("last_name", r.last_name != c.last_name);
    diff("birth_date", r.birth_date != c.birth_date);
    diff("address", address_of(r) != c.address);
    diff("phone", r.phone != c.phone);
    diff("emergency_phone", r.emergency_phone != c.emergency_phone);
    diff(
        "bsn",
        match &c.bsn {
            Secret::Keep => false,
            Secret::Clear => r.bsn_digest.is_some(),
            Secret::Set(b) => r.bsn_digest.as_deref() != Some(bsn_digest(key, r.organisation_id, b).as_str()),
        },
    );
    diff(
        "iban",
        match &c.iban {
            Secret::Keep => false,
            Secret::Clear => r.iban_sealed.is_some(),
            Secret::Set(i) => stored_iban(key, r).as_deref() != Some(i.as_str()),
        },
    );
    diff("tax_credit", r.tax_credit != c.tax_credit);
    diff(
        "id_document",
        c.id_document.as_ref().is_some_and(|d| {
            let stored_number = r
                .id_number_sealed
                .as_deref()
                .and_then(|s| key.open(s))
                .and_then(|b| String::from_utf8(b).ok());
            r.id_kind.as_deref() != Some(id_kind_str(d.kind).as_str())
                || r.id_expires_on != Some(d.expires_on)
                || stored_number.as_deref() != Some(d.number.as_str())
        }),
    );
    diff("department", r.department != c.department);
    diff("cost_centre", cost_centre.map(String::from) != c.cost_centre);
    diff("employment", as_inputs(periods) != c.employment);
    out
}

fn seal(key: &DataKey, plain: &str) -> Result<String, ApiError> {
    key.seal(plain.as_bytes()).map_err(ApiError::internal)
}

/// Writes a checked record onto `m` (new or loaded); secrets per their `Secret`.
pub fn fill(
    key: &DataKey,
    m: &mut employee_record::ActiveModel,
    organisation_id: Uuid,
    c: &Checked,
) -> Result<(), ApiError> {
    m.personnel_number = Set(c.personnel_number.clone());
    m.first_name = Set(c.first_name.clone());
    m.infix = Set(c.infix.clone());
    m.last_name = Set(c.last_name.clone());
    m.sort_name = Set(sort_name(&c.first_name, c.infix.as_deref(), &c.last_name));
    m.birth_date = Set(c.birth_date);
    m.street = Set(c.address.as_ref().map(|a| a.street.clone()));
    m.house_number = Set(c.address.as_ref().map(|a| a.house_number.clone()));
    m.postcode = Set(c.address.as_ref().map(|a| a.postcode.clone()));
    m.city = Set(c.address.as_ref().map(|a| a.city.clone()));
    m.country = Set(c.address.as_ref().map(|a| a.country.clone()));
    m.phone = Set(c.phone.clone());
    m.emergency_phone = Set(c.emergency_phone.clone());
    match &c.bsn {
        Secret::Keep => {}
        Secret::Clear => {
            m.bsn_sealed = Set(None);
            m.bsn_digest = Set(None);
            m.bsn_tail = Set(None);
        }
        Secret::Set(b) => {
            m.bsn_sealed = Set(Some(seal(key, b)?));
            m.bsn_digest = Set(Some(bsn_digest(key, organisation_id, b)));
            m.bsn_tail = Set(Some(b[b.len().saturating_sub(3)..].to_string()));
        }
    }
    set_iban(key, m, &c.iban)?;
    m.tax_credit = Set(c.tax_credit);
    if let Some(d) = &c.id_document {
        set_id_document(key, m, d)?;
    }
    m.department = Set(c.department.clone());
    Ok(())
}

/// Sets (or clears) the IBAN on `m`.
pub fn set_iban(key: &DataKey, m: &mut employee_record::ActiveModel, iban: &Secret) -> Result<(), ApiError> {
    match iban {
        Secret::Keep => {}
        Secret::Clear => {
            m.iban_sealed = Set(None);
            m.iban_country = Set(None);
            m.iban_tail = Set(None);
        }
        Secret::Set(i) => {
            m.iban_sealed = Set(Some(seal(key, i)?));
            m.iban_country = Set(Some(i[..2].to_string()));
            m.iban_tail = Set(Some(i[i.len().saturating_sub(4)..].to_string()));
        }
    }
    Ok(())
}

fn set_id_document(
    key: &DataKey,
    m: &mut employee_record::ActiveModel,
    d: &IdDocumentInfo,
) -> Result<(), ApiError> {
    m.id_kind = Set(Some(id_kind_str(d.kind)));
    m.id_number_sealed = Set(Some(seal(key, &d.number)?));
    m.id_number_tail =
        Set(Some(d.number.chars().rev().take(3).collect::<Vec<_>>().into_iter().rev().collect()));
    m.id_expires_on = Set(Some(d.expires_on));
    Ok(())
}

/// Replaces the stored periods of a record.
pub async fn replace_periods(
    db: &impl ConnectionTrait,
    record: &employee_record::Model,
    periods: &[EmploymentPeriodInput],
) -> Result<(), DbErr> {
    employment_period::Entity::delete_many()
        .filter(employment_period::Column::RecordId.eq(record.id))
        .exec(db)
        .await?;
    for p in periods {
        employment_period::ActiveModel {
            id: Set(Uuid::now_v7()),
            record_id: Set(record.id),
            organisation_id: Set(record.organisation_id),
            starts_on: Set(p.starts_on),
            ends_on: Set(p.ends_on),
            contract_minutes: Set(p.contract_minutes),
            full_time_minutes: Set(p.full_time_minutes),
            job_title: Set(p.job_title.clone()),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// Keeps the account's name and the membership's hours, cost centre and function in step
/// with the record (the hours and absence modules read them there).
pub async fn sync(
    db: &impl ConnectionTrait,
    record: &employee_record::Model,
    cost_centre: Option<String>,
    periods: &[EmploymentPeriodInput],
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let now_period = current(periods, today);
    membership::Entity::update_many()
        .col_expr(membership::Column::ContractMinutes, Expr::value(now_period.map(|p| p.contract_minutes)))
        .col_expr(membership::Column::JobTitle, Expr::value(now_period.and_then(|p| p.job_title.clone())))
        .col_expr(membership::Column::CostCentre, Expr::value(cost_centre))
        .filter(membership::Column::Id.eq(record.membership_id))
        .exec(db)
        .await?;
    user::Entity::update_many()
        .col_expr(
            user::Column::Name,
            Expr::value(full_name(&record.first_name, record.infix.as_deref(), &record.last_name)),
        )
        .col_expr(user::Column::UpdatedAt, Expr::value(now))
        .filter(user::Column::Id.eq(record.user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Adds a line to the record's history (and the payroll feed).
pub async fn event(
    db: &impl ConnectionTrait,
    record: &employee_record::Model,
    by: &By,
    action: &str,
    fields: &[String],
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let mut list = fields.join(",");
    list.truncate(1000);
    employee_record_event::ActiveModel {
        id: Set(Uuid::now_v7()),
        organisation_id: Set(record.organisation_id),
        record_id: Set(record.id),
        at: Set(now),
        actor_user_id: Set(by.user_id),
        actor_name: Set(by.name.chars().take(200).collect()),
        action: Set(action.into()),
        fields: Set(list),
    }
    .insert(db)
    .await
    .map(|_| ())
}

/// Bumps the version if it is still `version`: false when someone changed it meanwhile.
pub async fn bump(
    db: &impl ConnectionTrait,
    id: Uuid,
    version: i32,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let res = employee_record::Entity::update_many()
        .col_expr(employee_record::Column::Version, Expr::value(version + 1))
        .col_expr(employee_record::Column::UpdatedAt, Expr::value(now))
        .filter(employee_record::Column::Id.eq(id))
        .filter(employee_record::Column::Version.eq(version))
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

/// 409 for a stale version.
pub fn stale() -> ApiError {
    ApiError::conflict_on("version", "stale", "Someone else changed this record; reload it and try again")
}

/// 422 `bsn` `duplicate`.
pub fn duplicate_bsn() -> ApiError {
    let mut v = crate::error::Validation::default();
    v.add_code("bsn", "duplicate", "belongs to another employee of your organisation".into());
    v.finish().err().unwrap_or_else(|| ApiError::conflict("duplicate BSN"))
}

/// Whether another record of the organisation has this BSN.
pub async fn bsn_taken(
    db: &impl ConnectionTrait,
    key: &DataKey,
    organisation_id: Uuid,
    bsn: &str,
    except: Option<Uuid>,
) -> Result<bool, DbErr> {
    let mut q = employee_record::Entity::find()
        .filter(employee_record::Column::OrganisationId.eq(organisation_id))
        .filter(employee_record::Column::BsnDigest.eq(bsn_digest(key, organisation_id, bsn)));
    if let Some(id) = except {
        q = q.filter(employee_record::Column::Id.ne(id));
    }
    Ok(q.one(db).await?.is_some())
}

/// Whether another record of the organisation has this personnel number.
pub async fn number_taken(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    number: &str,
    except: Option<Uuid>,
) -> Result<bool, DbErr> {
    let mut q = employee_record::Entity::find()
        .filter(employee_record::Column::OrganisationId.eq(organisation_id))
        .filter(employee_record::Column::PersonnelNumber.eq(number));
    if let Some(id) = except {
        q = q.filter(employee_record::Column::Id.ne(id));
    }
    Ok(q.one(db).await?.is_some())
}
