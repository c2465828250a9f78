//! Payslips, annual statements, accruals and payments: pushed by a payroll system (scope
//! `payroll:write`, idempotent by its `external_id`) or uploaded by the employer, read by
//! the employee. A payslip's PDF is a personal document (`documents::stored`), so opening it
//! is the document download and marks it read.

use std::collections::HashMap;

use base64::{Engine, engine::general_purpose::STANDARD};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    TransactionTrait, sea_query::Condition,
};
use serde::Deserialize;
use shared::{
    Page,
    auth::Right,
    documents::PersonDocumentKind,
    payroll::{
        Accrual, AccrualKind, AccrualPush, PayPeriodKind, Payment, PaymentPush, Payslip, PayslipKind,
        PayslipPush, period_label, valid_period,
    },
};
use utoipa::IntoParams;
use uuid::Uuid;

use crate::{
    auth::Actor,
    documents::{mail, service as documents, stored},
    entities::{accrual, employee_record, payment, payslip, person_document},
    error::{ApiError, Validation},
    files::sniff,
    integrations::caller::Caller,
    pagination::{self, PageQuery},
    state::AppState,
};

/// Largest payslip PDF (decoded).
pub const MAX_PAYSLIP_PDF_BYTES: usize = 5 * 1024 * 1024;
/// Largest push body: the PDF in base64 (4/3) plus the totals.
pub const MAX_PUSH_BYTES: usize = MAX_PAYSLIP_PDF_BYTES / 3 * 4 + 64 * 1024;

/// Whether a push was new (201) or a repeat of one already stored (200).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pushed {
    /// Stored now.
    Created,
    /// The same `external_id` was stored before; nothing changed.
    Existing,
}

/// Who pushes: the organisation and the name history shows.
struct Pusher {
    organisation_id: Uuid,
    user_id: Option<Uuid>,
    name: String,
}

fn pusher(caller: &Caller) -> Result<Pusher, ApiError> {
    caller.require_scope(shared::integrations::ApiScope::PayrollWrite)?;
    match caller {
        Caller::Person(a) => {
            a.require(Right::ManageEmployeeData)?;
            Ok(Pusher { organisation_id: a.organisation_id, user_id: Some(a.user_id), name: a.name.clone() })
        }
        Caller::Client(c) => {
            Ok(Pusher { organisation_id: c.organisation_id, user_id: None, name: c.name.clone() })
        }
    }
}

fn field(name: &str, code: &str, message: &str) -> ApiError {
    let mut v = Validation::default();
    v.add_code(name, code, message.into());
    v.finish().err().unwrap_or_else(|| ApiError::bad_request(message.to_string()))
}

fn check_external_id(v: &mut Validation, id: &str) {
    let id = id.trim();
    if id.is_empty() {
        v.add_code("external_id", "required", "Give the payroll system's id".into());
    } else if id.chars().count() > 100 {
        v.add_code("external_id", "too_long", "At most 100 characters".into());
    }
}

/// The employee with `personnel_number` in the organisation (field error `personnel_number`
/// with code `not_found` when there is none).
async fn by_personnel_number(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    number: &str,
) -> Result<Uuid, ApiError> {
    employee_record::Entity::find()
        .filter(employee_record::Column::OrganisationId.eq(organisation_id))
        .filter(employee_record::Column::PersonnelNumber.eq(number.trim()))
        .one(db)
        .await?
        .map(|r| r.user_id)
        .ok_or_else(|| field("personnel_number", "not_found", "No employee with this personnel number"))
}

/// The first and last day a pay period covers (four-week periods count from the year's first Monday).
pub fn period_days(kind: PayPeriodKind, year: i32, period: u32) -> Option<(NaiveDate, NaiveDate)> {
    match kind {
        PayPeriodKind::Month => {
            let start = NaiveDate::from_ymd_opt(year, period, 1)?;
            let next = if period == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(year, period + 1, 1)?
            };
            Some((start, next.pred_opt()?))
        }
        PayPeriodKind::FourWeeks => {
            let jan1 = NaiveDate::from_ymd_opt(year, 1, 1)?;
            let first_monday =
                jan1 + chrono::Duration::days(i64::from((7 - jan1.weekday().num_days_from_monday()) % 7));
            let start = first_monday + chrono::Duration::days(28 * i64::from(period.saturating_sub(1)));
            Some((start, start + chrono::Duration::days(27)))
        }
        PayPeriodKind::Year => {
            Some((NaiveDate::from_ymd_opt(year, 1, 1)?, NaiveDate::from_ymd_opt(year, 12, 31)?))
        }
    }
}

/// What a payslip is, whatever brought it.
pub struct PayslipFacts {
    /// Payslip or annual statement.
    pub kind: PayslipKind,
    /// Year.
    pub year: i32,
    /// How the year is divided.
    pub period_kind: PayPeriodKind,
    /// Period number.
    pub period: u32,
    /// Pay date.
    pub pay_date: Option<NaiveDate>,
    /// Gross.
    pub gross_cents: i64,
    /// Net.
    pub net_cents: i64,
    /// Tax.
    pub tax_cents: i64,
}

fn check_facts(v: &mut Validation, f: &PayslipFacts) {
    if !(2000..=2100).contains(&f.year) {
        v.add_code("year", "out_of_range", "A year between 2000 and 2100".into());
    }
    let kinds_fit = match f.kind {
        PayslipKind::AnnualStatement => f.period_kind == PayPeriodKind::Year,
        PayslipKind::Payslip => f.period_kind != PayPeriodKind::Year,
    };
    if !kinds_fit {
        v.add_code(
            "period_kind",
            "kind",
            "An annual statement covers a year; a payslip a month or four weeks".into(),
        );
    } else if !valid_period(f.period_kind, f.period) {
        v.add_code(
            "period",
            "out_of_range",
            "Not a period of this kind (1–12, 1–13, or 0 for a year)".into(),
        );
    }
    if f.gross_cents < 0 {
        v.add_code("gross_cents", "negative", "The gross wage cannot be negative".into());
    }
    if f.tax_cents < 0 {
        v.add_code("tax_cents", "negative", "Wage tax cannot be negative".into());
    }
}

fn check_pdf(v: &mut Validation, field: &str, pdf: &[u8]) {
    if pdf.is_empty() {
        v.add_code(field, "required", "The PDF is missing".into());
    } else if pdf.len() > MAX_PAYSLIP_PDF_BYTES {
        v.add_code(field, "too_large", "At most 5 MB".into());
    } else if sniff::sniff(pdf) != Some(sniff::Kind::Pdf) {
        v.add_code(field, "type", "This is not a PDF".into());
    }
}

/// Stores a checked payslip: its PDF as a personal document visible to the employee, the
/// record, and a mail to the employee. One transaction for both rows; the file is removed
/// again when they fail.
#[allow(clippy::too_many_arguments)]
async fn store_payslip(
    state: &AppState,
    organisation_id: Uuid,
    user_id: Uuid,
    facts: &PayslipFacts,
    external_id: Option<&str>,
    by: (Option<Uuid>, &str),
    pdf: &[u8],
) -> Result<payslip::Model, ApiError> {
    let now = state.clock.now();
    let label = period_label(facts.period_kind, facts.year, facts.period);
    let annual = facts.kind == PayslipKind::AnnualStatement;
    let (title, file) = if annual {
        (format!("Jaaropgave {label}"), format!("jaaropgave-{label}.pdf"))
    } else {
        (format!("Loonstrook {label}"), format!("loonstrook-{}.pdf", label.replace(' ', "-")))
    };
    let (start, end) = period_days(facts.period_kind, facts.year, facts.period).unzip();
    let txn = state.db.write.begin().await?;
    let doc = stored::store(
        state,
        &txn,
        stored::NewDocument {
            organisation_id,
            user_id,
            kind: if annual { PersonDocumentKind::AnnualStatement } else { PersonDocumentKind::Payslip },
            title: &title,
            file_name: &file,
            period_start: start,
            period_end: end,
            visible_employee: true,
            visible_employer: true,
            uploaded_by: by.0,
            uploaded_by_name: by.1,
        },
        pdf,
        now,
    )
    .await?;
    let row = payslip::ActiveModel {
        id: Set(Uuid::now_v7()),
        organisation_id: Set(organisation_id),
        user_id: Set(user_id),
        kind: Set(facts.kind.as_str().into()),
        year: Set(facts.year),
        period_kind: Set(facts.period_kind.as_str().into()),
        period: Set(facts.period as i32),
        pay_date: Set(facts.pay_date),
        gross_cents: Set(facts.gross_cents),
        net_cents: Set(facts.net_cents),
        tax_cents: Set(facts.tax_cents),
        document_id: Set(doc.id),
        external_id: Set(external_id.map(|s| s.trim().to_string())),
        created_at: Set(now),
    };
    let saved = match row.insert(&txn).await {
        Ok(m) => txn.commit().await.map(|_| m),
        Err(e) => Err(e),
    };
    match saved {
        Ok(m) => {
            mail::payslip_arrived(state, organisation_id, user_id, annual, &label).await?;
            Ok(m)
        }
        Err(e) => {
            stored::delete_file(state, &doc).await;
            Err(e.into())
        }
    }
}

async fn payslip_by_external(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    external_id: &str,
) -> Result<Option<payslip::Model>, ApiError> {
    Ok(payslip::Entity::find()
        .filter(payslip::Column::OrganisationId.eq(organisation_id))
        .filter(payslip::Column::ExternalId.eq(external_id.trim()))
        .one(db)
        .await?)
}

/// `POST /api/v1/payroll/payslips`.
pub async fn push_payslip(
    state: &AppState,
    caller: &Caller,
    body: PayslipPush,
) -> Result<(Pushed, Payslip), ApiError> {
    let who = pusher(caller)?;
    let db = &state.db.write;
    let mut v = Validation::default();
    check_external_id(&mut v, &body.external_id);
    v.finish()?;
    if let Some(found) = payslip_by_external(db, who.organisation_id, &body.external_id).await? {
        return Ok((Pushed::Existing, dto(db, found).await?));
    }
    let user_id = by_personnel_number(db, who.organisation_id, &body.personnel_number).await?;
    let facts = PayslipFacts {
        kind: body.kind,
        year: body.year,
        period_kind: body.period_kind,
        period: body.period,
        pay_date: body.pay_date,
        gross_cents: body.gross_cents,
        net_cents: body.net_cents,
        tax_cents: body.tax_cents,
    };
    let mut v = Validation::default();
    check_facts(&mut v, &facts);
    let pdf = match STANDARD.decode(body.pdf_base64.trim()) {
        Ok(pdf) => {
            check_pdf(&mut v, "pdf_base64", &pdf);
            pdf
        }
        Err(_) => {
            v.add_code("pdf_base64", "invalid", "Not base64 (standard alphabet, padded)".into());
            Vec::new()
        }
    };
    v.finish()?;
    match store_payslip(
        state,
        who.organisation_id,
        user_id,
        &facts,
        Some(&body.external_id),
        (who.user_id, &who.name),
        &pdf,
    )
    .await
    {
        Ok(m) => Ok((Pushed::Created, dto(db, m).await?)),
        // Two pushes of the same payslip at once: the unique index let one win.
        Err(e) => match payslip_by_external(db, who.organisation_id, &body.external_id).await? {
            Some(found) => Ok((Pushed::Existing, dto(db, found).await?)),
            None => Err(e),
        },
    }
}

/// Query of the employer's payslip upload (`POST /api/v1/payslips`; the body is the PDF).
#[derive(Debug, Clone, Deserialize, IntoParams, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PayslipUpload {
    /// The employee.
    pub user_id: Uuid,
    /// Payslip or annual statement.
    pub kind: PayslipKind,
    /// Year.
    pub year: i32,
    /// How the year is divided.
    pub period_kind: PayPeriodKind,
    /// Period number (0 for a year).
    pub period: u32,
    /// Pay date.
    #[serde(default)]
    pub pay_date: Option<NaiveDate>,
    /// Gross in cents.
    #[serde(default)]
    pub gross_cents: i64,
    /// Net in cents.
    #[serde(default)]
    pub net_cents: i64,
    /// Wage tax in cents.
    #[serde(default)]
    pub tax_cents: i64,
}

/// The employer uploads a payslip PDF with its totals.
pub async fn upload_payslip(
    state: &AppState,
    actor: &Actor,
    q: PayslipUpload,
    pdf: &[u8],
) -> Result<Payslip, ApiError> {
    actor.require(Right::ManageEmployeeData)?;
    let person = documents::member(&state.db.write, actor.organisation_id, q.user_id).await?;
    let facts = PayslipFacts {
        kind: q.kind,
        year: q.year,
        period_kind: q.period_kind,
        period: q.period,
        pay_date: q.pay_date,
        gross_cents: q.gross_cents,
        net_cents: q.net_cents,
        tax_cents: q.tax_cents,
    };
    let mut v = Validation::default();
    check_facts(&mut v, &facts);
    check_pdf(&mut v, "file", pdf);
    v.finish()?;
    let m = store_payslip(
        state,
        actor.organisation_id,
        person.id,
        &facts,
        None,
        (Some(actor.user_id), &actor.name),
        pdf,
    )
    .await?;
    dto(&state.db.write, m).await
}

async fn dto(db: &impl ConnectionTrait, m: payslip::Model) -> Result<Payslip, ApiError> {
    dtos(db, vec![m]).await?.pop().ok_or_else(|| ApiError::internal("payslip vanished"))
}

/// Payslips with their person's name and the PDF's read time: two queries for any number.
async fn dtos(db: &impl ConnectionTrait, rows: Vec<payslip::Model>) -> Result<Vec<Payslip>, ApiError> {
    let names = documents::names(db, rows.iter().map(|p| p.user_id)).await?;
    let doc_ids: Vec<Uuid> = rows.iter().map(|p| p.document_id).collect();
    let read: HashMap<Uuid, Option<DateTime<Utc>>> = if doc_ids.is_empty() {
        HashMap::new()
    } else {
        person_document::Entity::find()
            .filter(person_document::Column::Id.is_in(doc_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|d| (d.id, d.read_at))
            .collect()
    };
    Ok(rows
        .into_iter()
        .map(|p| {
            let period_kind = PayPeriodKind::parse(&p.period_kind).unwrap_or(PayPeriodKind::Month);
            let period = p.period.max(0) as u32;
            Payslip {
                id: p.id,
                user_id: p.user_id,
                person_name: names.get(&p.user_id).cloned().unwrap_or_default(),
                kind: PayslipKind::parse(&p.kind).unwrap_or(PayslipKind::Payslip),
                year: p.year,
                period_kind,
                period,
                period_label: period_label(period_kind, p.year, period),
                pay_date: p.pay_date,
                gross_cents: p.gross_cents,
                net_cents: p.net_cents,
                tax_cents: p.tax_cents,
                document_id: p.document_id,
                created_at: p.created_at,
                read_at: read.get(&p.document_id).copied().flatten(),
            }
        })
        .collect())
}

/// Query of the payslip lists.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PayslipQuery {
    /// The employee (employer list only; required there).
    #[serde(default)]
    pub user_id: Option<Uuid>,
    /// The year (default: the latest year with payslips).
    #[serde(default)]
    pub year: Option<i32>,
    /// Only payslips or only annual statements.
    #[serde(default)]
    pub kind: Option<PayslipKind>,
}

async fn payslips_of(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    user_id: Uuid,
    q: &PayslipQuery,
) -> Result<Vec<Payslip>, ApiError> {
    let year = match q.year {
        Some(y) => Some(y),
        None => years_of(db, organisation_id, user_id).await?.first().copied(),
    };
    let Some(year) = year else { return Ok(vec![]) };
    let mut find = payslip::Entity::find()
        .filter(payslip::Column::OrganisationId.eq(organisation_id))
        .filter(payslip::Column::UserId.eq(user_id))
        .filter(payslip::Column::Year.eq(year))
        .order_by_desc(payslip::Column::Period)
        .order_by_desc(payslip::Column::Id);
    if let Some(k) = q.kind {
        find = find.filter(payslip::Column::Kind.eq(k.as_str()));
    }
    // Only those whose PDF the reader may see: a payslip hidden from the employee is hidden here too.
    let rows = find.all(db).await?;
    dtos(db, rows).await
}

async fn years_of(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    user_id: Uuid,
) -> Result<Vec<i32>, ApiError> {
    let mut years: Vec<i32> = payslip::Entity::find()
        .select_only()
        .column(payslip::Column::Year)
        .distinct()
        .filter(payslip::Column::OrganisationId.eq(organisation_id))
        .filter(payslip::Column::UserId.eq(user_id))
        .into_tuple()
        .all(db)
        .await?;
    years.sort_unstable_by(|a, b| b.cmp(a));
    Ok(years)
}

/// The caller's payslips of a year, newest first; payslips hidden from the employee are left out.
pub async fn my_payslips(
    state: &AppState,
    actor: &Actor,
    q: &PayslipQuery,
) -> Result<Vec<Payslip>, ApiError> {
    let db = &state.db.read;
    let all = payslips_of(db, actor.organisation_id, actor.user_id, q).await?;
    let ids: Vec<Uuid> = all.iter().map(|p| p.document_id).collect();
    if ids.is_empty() {
        return Ok(all);
    }
    let visible: Vec<Uuid> = person_document::Entity::find()
        .select_only()
        .column(person_document::Column::Id)
        .filter(person_document::Column::Id.is_in(ids))
        .filter(person_document::Column::VisibleEmployee.eq(true))
        .into_tuple()
        .all(db)
        .await?;
    Ok(all.into_iter().filter(|p| visible.contains(&p.document_id)).collect())
}

/// The years the caller has payslips in, newest first.
pub async fn my_years(state: &AppState, actor: &Actor) -> Result<Vec<i32>, ApiError> {
    years_of(&state.db.read, actor.organisation_id, actor.user_id).await
}

/// An employee's payslips of a year (employer).
pub async fn payslips_for(
    state: &AppState,
    actor: &Actor,
    q: &PayslipQuery,
) -> Result<Vec<Payslip>, ApiError> {
    actor.require(Right::ManageEmployeeData)?;
    let user_id = q.user_id.ok_or_else(|| field("user_id", "required", "Choose a person"))?;
    let db = &state.db.read;
    documents::member(db, actor.organisation_id, user_id).await?;
    payslips_of(db, actor.organisation_id, user_id, q).await
}

/// The years an employee has payslips in (employer).
pub async fn years_for(state: &AppState, actor: &Actor, user_id: Uuid) -> Result<Vec<i32>, ApiError> {
    actor.require(Right::ManageEmployeeData)?;
    let db = &state.db.read;
    documents::member(db, actor.organisation_id, user_id).await?;
    years_of(db, actor.organisation_id, user_id).await
}

fn accrual_dto(m: accrual::Model) -> Accrual {
    Accrual {
        id: m.id,
        user_id: m.user_id,
        kind: AccrualKind::parse(&m.kind).unwrap_or(AccrualKind::OtherMoney),
        label: m.label,
        as_of: m.as_of,
        built_up: m.built_up,
        taken: m.taken,
        balance: m.balance,
    }
}

fn payment_dto(m: payment::Model) -> Payment {
    Payment {
        id: m.id,
        user_id: m.user_id,
        paid_on: m.paid_on,
        amount_cents: m.amount_cents,
        description: m.description,
        iban_tail: m.iban_tail,
    }
}

/// `POST /api/v1/payroll/accruals`.
pub async fn push_accrual(
    state: &AppState,
    caller: &Caller,
    body: AccrualPush,
) -> Result<(Pushed, Accrual), ApiError> {
    let who = pusher(caller)?;
    let db = &state.db.write;
    let mut v = Validation::default();
    check_external_id(&mut v, &body.external_id);
    let label = body.label.trim();
    if label.is_empty() {
        v.add_code("label", "required", "Give the accrual a label".into());
    } else if label.chars().count() > 100 {
        v.add_code("label", "too_long", "At most 100 characters".into());
    }
    if body.built_up < 0 || body.taken < 0 {
        v.add_code("built_up", "negative", "Built up and taken count up from zero".into());
    }
    v.finish()?;
    let existing = accrual::Entity::find()
        .filter(accrual::Column::OrganisationId.eq(who.organisation_id))
        .filter(accrual::Column::ExternalId.eq(body.external_id.trim()))
        .one(db)
        .await?;
    if let Some(found) = existing {
        return Ok((Pushed::Existing, accrual_dto(found)));
    }
    let user_id = by_personnel_number(db, who.organisation_id, &body.personnel_number).await?;
    let m = accrual::ActiveModel {
        id: Set(Uuid::now_v7()),
        organisation_id: Set(who.organisation_id),
        user_id: Set(user_id),
        kind: Set(body.kind.as_str().into()),
        label: Set(label.to_string()),
        as_of: Set(body.as_of),
        built_up: Set(body.built_up),
        taken: Set(body.taken),
        balance: Set(body.balance),
        external_id: Set(Some(body.external_id.trim().to_string())),
        created_at: Set(state.clock.now()),
    }
    .insert(db)
    .await?;
    Ok((Pushed::Created, accrual_dto(m)))
}

/// `POST /api/v1/payroll/payments`.
pub async fn push_payment(
    state: &AppState,
    caller: &Caller,
    body: PaymentPush,
) -> Result<(Pushed, Payment), ApiError> {
    let who = pusher(caller)?;
    let db = &state.db.write;
    let mut v = Validation::default();
    check_external_id(&mut v, &body.external_id);
    let description = body.description.trim();
    if description.is_empty() {
        v.add_code("description", "required", "Say what the payment is".into());
    } else if description.chars().count() > 200 {
        v.add_code("description", "too_long", "At most 200 characters".into());
    }
    let tail =
        body.iban_tail.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_ascii_uppercase);
    if tail.as_deref().is_some_and(|t| t.chars().count() > 4 || !t.chars().all(|c| c.is_ascii_alphanumeric()))
    {
        v.add_code("iban_tail", "invalid", "The last four characters of the account only".into());
    }
    v.finish()?;
    let existing = payment::Entity::find()
        .filter(payment::Column::OrganisationId.eq(who.organisation_id))
        .filter(payment::Column::ExternalId.eq(body.external_id.trim()))
        .one(db)
        .await?;
    if let Some(found) = existing {
        return Ok((Pushed::Existing, payment_dto(found)));
    }
    let user_id = by_personnel_number(db, who.organisation_id, &body.personnel_number).await?;
    let m = payment::ActiveModel {
        id: Set(Uuid::now_v7()),
        organisation_id: Set(who.organisation_id),
        user_id: Set(user_id),
        paid_on: Set(body.paid_on),
        amount_cents: Set(body.amount_cents),
        description: Set(description.to_string()),
        iban_tail: Set(tail),
        external_id: Set(Some(body.external_id.trim().to_string())),
        created_at: Set(state.clock.now()),
    }
    .insert(db)
    .await?;
    Ok((Pushed::Created, payment_dto(m)))
}

/// Query of the accrual lists.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AccrualQuery {
    /// The employee (employer list only; required there).
    #[serde(default)]
    pub user_id: Option<Uuid>,
}

async fn accruals_of(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    user_id: Uuid,
) -> Result<Vec<Accrual>, ApiError> {
    // The balance history of each kind, oldest first; the last of a kind is its balance now.
    // Bounded: payroll pushes one row per kind per pay period.
    let rows = accrual::Entity::find()
        .filter(accrual::Column::OrganisationId.eq(organisation_id))
        .filter(accrual::Column::UserId.eq(user_id))
        .order_by_asc(accrual::Column::Kind)
        .order_by_asc(accrual::Column::AsOf)
        .order_by_asc(accrual::Column::Id)
        .limit(1000)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(accrual_dto).collect())
}

/// The caller's accruals: per kind the balances over time, oldest first (the last is the balance now).
pub async fn my_accruals(state: &AppState, actor: &Actor) -> Result<Vec<Accrual>, ApiError> {
    accruals_of(&state.db.read, actor.organisation_id, actor.user_id).await
}

/// An employee's accruals (employer).
pub async fn accruals_for(
    state: &AppState,
    actor: &Actor,
    q: &AccrualQuery,
) -> Result<Vec<Accrual>, ApiError> {
    actor.require(Right::ManageEmployeeData)?;
    let user_id = q.user_id.ok_or_else(|| field("user_id", "required", "Choose a person"))?;
    let db = &state.db.read;
    documents::member(db, actor.organisation_id, user_id).await?;
    accruals_of(db, actor.organisation_id, user_id).await
}

/// Query of the payment lists.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PaymentQuery {
    /// The employee (employer list only; required there).
    #[serde(default)]
    pub user_id: Option<Uuid>,
    /// Paid on or after.
    #[serde(default)]
    pub from: Option<NaiveDate>,
    /// Paid on or before.
    #[serde(default)]
    pub to: Option<NaiveDate>,
    /// Page size, 1–200 (default 50).
    #[serde(default)]
    pub limit: Option<u64>,
    /// From `next_cursor`.
    #[serde(default)]
    pub cursor: Option<String>,
}

async fn payments_of(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    user_id: Uuid,
    q: &PaymentQuery,
) -> Result<Page<Payment>, ApiError> {
    let page = PageQuery { limit: q.limit, cursor: q.cursor.clone() };
    let after: Option<(NaiveDate, Uuid)> = page.decode()?;
    let mut find = payment::Entity::find()
        .filter(payment::Column::OrganisationId.eq(organisation_id))
        .filter(payment::Column::UserId.eq(user_id))
        .order_by_desc(payment::Column::PaidOn)
        .order_by_desc(payment::Column::Id)
        .limit(page.limit() + 1);
    if let Some(d) = q.from {
        find = find.filter(payment::Column::PaidOn.gte(d));
    }
    if let Some(d) = q.to {
        find = find.filter(payment::Column::PaidOn.lte(d));
    }
    if let Some((day, id)) = after {
        find = find.filter(payment::Column::PaidOn.lte(day)).filter(
            Condition::any()
                .add(payment::Column::PaidOn.lt(day))
                .add(Condition::all().add(payment::Column::PaidOn.eq(day)).add(payment::Column::Id.lt(id))),
        );
    }
    let rows = find.all(db).await?;
    let (rows, next_cursor) = pagination::page(rows, page.limit(), |p| (p.paid_on, p.id));
    Ok(Page { items: rows.into_iter().map(payment_dto).collect(), next_cursor })
}

/// The caller's payments, newest first.
pub async fn my_payments(
    state: &AppState,
    actor: &Actor,
    q: &PaymentQuery,
) -> Result<Page<Payment>, ApiError> {
    payments_of(&state.db.read, actor.organisation_id, actor.user_id, q).await
}

/// An employee's payments (employer).
pub async fn payments_for(
    state: &AppState,
    actor: &Actor,
    q: &PaymentQuery,
) -> Result<Page<Payment>, ApiError> {
    actor.require(Right::ManageEmployeeData)?;
    let user_id = q.user_id.ok_or_else(|| field("user_id", "required", "Choose a person"))?;
    let db = &state.db.read;
    documents::member(db, actor.organisation_id, user_id).await?;
    payments_of(db, actor.organisation_id, user_id, q).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pay_periods_cover_their_days() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(period_days(PayPeriodKind::Month, 2026, 2), Some((d("2026-02-01"), d("2026-02-28"))));
        assert_eq!(period_days(PayPeriodKind::Month, 2026, 12), Some((d("2026-12-01"), d("2026-12-31"))));
        assert_eq!(period_days(PayPeriodKind::Year, 2025, 0), Some((d("2025-01-01"), d("2025-12-31"))));
        // 2026 starts on a Thursday: the first four-week period starts Monday 5 January.
        assert_eq!(period_days(PayPeriodKind::FourWeeks, 2026, 1), Some((d("2026-01-05"), d("2026-02-01"))));
        const { assert!(MAX_PUSH_BYTES > MAX_PAYSLIP_PDF_BYTES / 3 * 4) };
    }
}
