//! The dashboard: what needs the reader in every module, counted in SQL with a fixed
//! number of queries (at most 10 listed per kind), recently viewed items, the latest
//! news and the sections the reader collapsed.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Europe::Amsterdam;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
    sea_query::{OnConflict, Query},
};
use shared::{
    auth::{Right, Role},
    contracts::ContractStatus,
    dashboard::{
        Dashboard, PendingAction, PendingCount, PendingKind, RecentItem, RecentVisit, is_app_link,
        sort_pending,
    },
    documents::PersonDocumentKind,
    employees::changes::ChangeField,
    hours::{IsoWeek, WeekStatus},
    i18n::Locale,
    preferences::Preference,
};
use uuid::Uuid;

use crate::{
    auth::Actor,
    contracts::service as contracts,
    entities::{
        contract, employee_change_request, employee_record, person_document, recent_view, timesheet,
        user_setting,
    },
    error::{ApiError, Validation},
    hours, news,
    state::AppState,
};

/// At most this many actions per kind are listed (the counts are complete).
pub const PER_KIND: u64 = 10;
/// Recently viewed items shown.
pub const RECENT: u64 = 8;
/// Recently viewed items kept per person and organisation.
pub const RECENT_KEPT: u64 = 50;
/// The preference that holds the collapsed sections.
pub const COLLAPSED_KEY: &str = "dashboard.collapsed";

/// Where the browser goes for each kind that has no page of its own per item.
pub mod links {
    /// The documents list.
    pub const DOCUMENTS: &str = "/documenten";
    /// Payslips and annual statements.
    pub const PAYSLIPS: &str = "/loonstroken";
    /// Change requests to decide.
    pub const CHANGE_REQUESTS: &str = "/medewerkers/wijzigingsverzoeken";
    /// The yearly review.
    pub const REVIEW: &str = "/medewerkers/controle";
}

fn local_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Amsterdam).date_naive()
}

struct Pending {
    items: Vec<PendingAction>,
    counts: Vec<PendingCount>,
}

impl Pending {
    fn add(&mut self, kind: PendingKind, count: u64, items: Vec<PendingAction>) {
        if count > 0 {
            self.counts.push(PendingCount { kind, count: count as i64 });
        }
        self.items.extend(items.into_iter().take(PER_KIND as usize));
    }
}

/// The reader's dashboard in their active organisation.
pub async fn dashboard(state: &AppState, actor: &Actor) -> Result<Dashboard, ApiError> {
    let db = &state.db.read;
    let now = state.clock.now();
    let today = contracts::today(now);
    let mut p = Pending { items: Vec::new(), counts: Vec::new() };
    weeks(state, actor, now, &mut p).await?;
    absence(state, actor, today, &mut p).await?;
    own_contracts(db, actor, today, &mut p).await?;
    documents(db, actor, &mut p).await?;
    if actor.has(Right::ManageEmployeeData) {
        change_requests(db, actor, today, &mut p).await?;
        review(db, actor, today, &mut p).await?;
    }
    sort_pending(&mut p.items);
    p.counts.sort_by_key(|c| c.kind);
    Ok(Dashboard {
        pending: p.items,
        counts: p.counts,
        recent: recent(db, actor).await?,
        news: news::service::published(db, actor, None, 5)
            .await?
            .into_iter()
            .map(news::service::to_dto)
            .collect(),
        collapsed: collapsed(db, actor.user_id).await?,
    })
}

fn week_title(locale: Locale, week: IsoWeek) -> String {
    match locale {
        Locale::Nl => format!("Week {} invullen en ondertekenen", week.week()),
        Locale::En => format!("Fill in and sign week {}", week.week()),
    }
}

/// Weeks to sign (the employee) and to approve (coordinators and the employer side).
async fn weeks(state: &AppState, actor: &Actor, now: DateTime<Utc>, p: &mut Pending) -> Result<(), ApiError> {
    let db = &state.db.read;
    let settings = hours::settings::of(db, actor.organisation_id).await?;
    if !settings.enabled {
        return Ok(());
    }
    let open = [WeekStatus::Open.as_str(), WeekStatus::Rejected.as_str()];
    if actor.role == Role::Employee {
        let due = hours::weeks::due(state, actor).await?;
        let mut items = Vec::new();
        let mut count = 0;
        if matches!(due.status, WeekStatus::Open | WeekStatus::Rejected) {
            count += 1;
            items.push(PendingAction {
                kind: PendingKind::WeekToSign,
                title: week_title(actor.locale, due.week),
                subject: None,
                due_on: Some(local_date(due.deadline_at)),
                overdue: now >= due.deadline_at,
                link: format!("/uren/week/{}", due.week),
            });
        }
        let older = || {
            timesheet::Entity::find()
                .filter(timesheet::Column::OrganisationId.eq(actor.organisation_id))
                .filter(timesheet::Column::UserId.eq(actor.user_id))
                .filter(timesheet::Column::WeekStart.lt(due.week.monday()))
                .filter(timesheet::Column::Status.is_in(open))
        };
        count += older().count(db).await?;
        let rows = older().order_by_asc(timesheet::Column::WeekStart).limit(PER_KIND).all(db).await?;
        items.extend(rows.into_iter().map(|t| {
            let week = IsoWeek::of(t.week_start);
            PendingAction {
                kind: PendingKind::WeekToSign,
                title: week_title(actor.locale, week),
                subject: None,
                due_on: Some(local_date(t.deadline_at)),
                overdue: now >= t.deadline_at,
                link: format!("/uren/week/{week}"),
            }
        }));
        p.add(PendingKind::WeekToSign, count, items);
    }
    let view = hours::access::view(actor);
    if view.approves {
        let f = hours::store::ListFilter {
            status: Some(WeekStatus::Submitted),
            teams_of: view.own_teams_only.then_some(actor.user_id),
            ..Default::default()
        };
        let rows = hours::store::list(db, actor.organisation_id, &f, now, None, PER_KIND).await?;
        let mut find = timesheet::Entity::find()
            .filter(timesheet::Column::OrganisationId.eq(actor.organisation_id))
            .filter(timesheet::Column::Status.eq(WeekStatus::Submitted.as_str()));
        if view.own_teams_only {
            find = find.filter(
                timesheet::Column::UserId
                    .in_subquery(hours::store::team_workers(actor.organisation_id, actor.user_id)),
            );
        }
        let count = find.count(db).await?;
        let items = rows
            .into_iter()
            .map(|t| PendingAction {
                kind: PendingKind::WeekToApprove,
                title: match actor.locale {
                    Locale::Nl => format!("Week {} goedkeuren", t.week.week()),
                    Locale::En => format!("Approve week {}", t.week.week()),
                },
                subject: Some(t.worker_name),
                due_on: None,
                overdue: false,
                link: format!("/uren/goedkeuren/{}", t.id),
            })
            .collect();
        p.add(PendingKind::WeekToApprove, count, items);
    }
    Ok(())
}

/// Absence activities due within 14 days or overdue, for the reader's role.
async fn absence(state: &AppState, actor: &Actor, today: NaiveDate, p: &mut Pending) -> Result<(), ApiError> {
    let pending = crate::absence::activities::pending(state, actor).await?;
    let own = pending.own_case;
    let items = pending
        .activities
        .into_iter()
        .map(|a| PendingAction {
            kind: PendingKind::AbsenceActivityDue,
            title: {
                let name = crate::absence::jobs::step_name(actor.locale, a.kind, a.title.as_deref());
                let mut c = name.chars();
                c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
            },
            subject: if Some(a.case_id) == own { None } else { a.employee_name },
            due_on: Some(a.due_on),
            overdue: a.due_on < today,
            link: format!("/verzuim/{}", a.case_id),
        })
        .collect();
    p.add(PendingKind::AbsenceActivityDue, pending.total.into(), items);
    Ok(())
}

/// The reader's contracts still to sign.
async fn own_contracts(
    db: &impl ConnectionTrait,
    actor: &Actor,
    today: NaiveDate,
    p: &mut Pending,
) -> Result<(), DbErr> {
    let find = || {
        contract::Entity::find()
            .filter(contract::Column::OrganisationId.eq(actor.organisation_id))
            .filter(contract::Column::UserId.eq(actor.user_id))
            .filter(contracts::status_condition(ContractStatus::ToSign, today))
    };
    let count = find().count(db).await?;
    if count == 0 {
        return Ok(());
    }
    let rows = find().order_by_asc(contract::Column::SignBy).limit(PER_KIND).all(db).await?;
    let items = rows
        .into_iter()
        .map(|c| PendingAction {
            kind: PendingKind::ContractToSign,
            title: c.title,
            subject: None,
            due_on: Some(c.sign_by),
            overdue: false,
            link: format!("/contracten/{}", c.id),
        })
        .collect();
    p.add(PendingKind::ContractToSign, count, items);
    Ok(())
}

/// New documents and payslips the reader has not opened (contract PDFs count as the contract).
async fn documents(db: &impl ConnectionTrait, actor: &Actor, p: &mut Pending) -> Result<(), DbErr> {
    let pay = [PersonDocumentKind::Payslip.as_str(), PersonDocumentKind::AnnualStatement.as_str()];
    let contract_docs = Query::select()
        .column(contract::Column::DocumentId)
        .from(contract::Entity)
        .and_where(contract::Column::OrganisationId.eq(actor.organisation_id))
        .and_where(contract::Column::UserId.eq(actor.user_id))
        .to_owned();
    let unread = || {
        person_document::Entity::find()
            .filter(person_document::Column::OrganisationId.eq(actor.organisation_id))
            .filter(person_document::Column::UserId.eq(actor.user_id))
            .filter(person_document::Column::VisibleEmployee.eq(true))
            .filter(person_document::Column::ReadAt.is_null())
    };
    for (kind, cond, link) in [
        (PendingKind::PayslipToRead, person_document::Column::Kind.is_in(pay), links::PAYSLIPS),
        (
            PendingKind::DocumentToRead,
            Condition::all()
                .add(person_document::Column::Kind.is_not_in(pay))
                .add(person_document::Column::Id.not_in_subquery(contract_docs.clone()))
                .into(),
            links::DOCUMENTS,
        ),
    ] {
        let count = unread().filter(cond.clone()).count(db).await?;
        if count == 0 {
            continue;
        }
        let rows = unread()
            .filter(cond)
            .order_by_desc(person_document::Column::UploadedAt)
            .order_by_desc(person_document::Column::Id)
            .limit(PER_KIND)
            .all(db)
            .await?;
        let items = rows
            .into_iter()
            .map(|d| PendingAction {
                kind,
                title: d.title,
                subject: None,
                due_on: None,
                overdue: false,
                link: link.to_string(),
            })
            .collect();
        p.add(kind, count, items);
    }
    Ok(())
}

fn field_label(locale: Locale, field: &str) -> String {
    let (nl, en) = match ChangeField::parse(field) {
        Some(ChangeField::FirstName) => ("voornaam", "first name"),
        Some(ChangeField::Infix) => ("tussenvoegsel", "infix"),
        Some(ChangeField::LastName) => ("achternaam", "last name"),
        Some(ChangeField::BirthDate) => ("geboortedatum", "birth date"),
        Some(ChangeField::ContractMinutes) => ("contracturen", "contract hours"),
        Some(ChangeField::TaxCredit) => ("loonheffingskorting", "payroll tax credit"),
        None => (field, field),
    };
    match locale {
        Locale::Nl => format!("Wijzigingsverzoek {nl}"),
        Locale::En => format!("Change request: {en}"),
    }
}

fn full_name(r: &employee_record::Model) -> String {
    [Some(r.first_name.as_str()), r.infix.as_deref(), Some(r.last_name.as_str())]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Change requests waiting for a decision (manage employee data).
async fn change_requests(
    db: &impl ConnectionTrait,
    actor: &Actor,
    today: NaiveDate,
    p: &mut Pending,
) -> Result<(), DbErr> {
    let find = || {
        employee_change_request::Entity::find()
            .filter(employee_change_request::Column::OrganisationId.eq(actor.organisation_id))
            .filter(employee_change_request::Column::Status.eq("pending"))
    };
    let count = find().count(db).await?;
    if count == 0 {
        return Ok(());
    }
    let rows = find()
        .order_by_asc(employee_change_request::Column::RequestedAt)
        .order_by_asc(employee_change_request::Column::Id)
        .limit(PER_KIND)
        .all(db)
        .await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.record_id).collect();
    let records = employee_record::Entity::find()
        .filter(employee_record::Column::OrganisationId.eq(actor.organisation_id))
        .filter(employee_record::Column::Id.is_in(ids))
        .all(db)
        .await?;
    let items = rows
        .into_iter()
        .map(|r| PendingAction {
            kind: PendingKind::ChangeRequestToHandle,
            title: field_label(actor.locale, &r.field),
            subject: records.iter().find(|x| x.id == r.record_id).map(full_name),
            due_on: Some(r.effective_on),
            overdue: r.effective_on < today,
            link: links::CHANGE_REQUESTS.to_string(),
        })
        .collect();
    p.add(PendingKind::ChangeRequestToHandle, count, items);
    Ok(())
}

/// In January: the records not yet confirmed this year (manage employee data).
async fn review(
    db: &impl ConnectionTrait,
    actor: &Actor,
    today: NaiveDate,
    p: &mut Pending,
) -> Result<(), DbErr> {
    if today.month() != 1 {
        return Ok(());
    }
    let year = today.year();
    let count = employee_record::Entity::find()
        .filter(employee_record::Column::OrganisationId.eq(actor.organisation_id))
        .filter(
            Condition::any()
                .add(employee_record::Column::ReviewedYear.is_null())
                .add(employee_record::Column::ReviewedYear.lt(year)),
        )
        .count(db)
        .await?;
    if count == 0 {
        return Ok(());
    }
    let item = PendingAction {
        kind: PendingKind::EmployeeReviewDue,
        title: match actor.locale {
            Locale::Nl => format!("Jaarlijkse controle personeelsgegevens: nog {count} te bevestigen"),
            Locale::En => format!("Yearly review of employee data: {count} still to confirm"),
        },
        subject: None,
        due_on: NaiveDate::from_ymd_opt(year, 1, 31),
        overdue: false,
        link: links::REVIEW.to_string(),
    };
    p.add(PendingKind::EmployeeReviewDue, count, vec![item]);
    Ok(())
}

async fn recent(db: &impl ConnectionTrait, actor: &Actor) -> Result<Vec<RecentItem>, DbErr> {
    let rows = recent_view::Entity::find()
        .filter(recent_view::Column::UserId.eq(actor.user_id))
        .filter(recent_view::Column::OrganisationId.eq(actor.organisation_id))
        .order_by_desc(recent_view::Column::ViewedAt)
        .order_by_asc(recent_view::Column::Link)
        .limit(RECENT)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| RecentItem { title: r.title, link: r.link, viewed_at: r.viewed_at })
        .collect())
}

/// The sections the person collapsed (the preferences module stores them).
pub async fn collapsed(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<String>, DbErr> {
    let stored = user_setting::Entity::find_by_id((user_id, COLLAPSED_KEY.to_string())).one(db).await?;
    Ok(stored
        .and_then(|s| {
            serde_json::from_str::<Vec<String>>(&s.value)
                .ok()
                .or_else(|| serde_json::from_str::<Preference>(&s.value).ok().map(|p| p.values))
        })
        .unwrap_or_default())
}

/// Records that the reader opened something (one row per link, the newest visit wins).
pub async fn visit(state: &AppState, actor: &Actor, body: RecentVisit) -> Result<(), ApiError> {
    let title = body.title.trim().to_string();
    let mut v = Validation::default();
    if title.is_empty() {
        v.add_code("title", "required", "A title is needed".into());
    } else if title.chars().count() > 200 {
        v.add_code("title", "too_long", "At most 200 characters".into());
    }
    if !is_app_link(&body.link) {
        v.add_code("link", "not_app_link", "Only a path within Poort".into());
    }
    v.finish()?;
    let now = state.clock.now();
    let db = &state.db.write;
    recent_view::Entity::insert(recent_view::ActiveModel {
        user_id: Set(actor.user_id),
        organisation_id: Set(actor.organisation_id),
        link: Set(body.link),
        title: Set(title),
        viewed_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([
            recent_view::Column::UserId,
            recent_view::Column::OrganisationId,
            recent_view::Column::Link,
        ])
        .update_columns([recent_view::Column::Title, recent_view::Column::ViewedAt])
        .to_owned(),
    )
    .exec(db)
    .await?;
    // Keep the newest few per person and organisation.
    let cutoff = recent_view::Entity::find()
        .filter(recent_view::Column::UserId.eq(actor.user_id))
        .filter(recent_view::Column::OrganisationId.eq(actor.organisation_id))
        .order_by_desc(recent_view::Column::ViewedAt)
        .offset(RECENT_KEPT)
        .one(db)
        .await?;
    if let Some(old) = cutoff {
        recent_view::Entity::delete_many()
            .filter(recent_view::Column::UserId.eq(actor.user_id))
            .filter(recent_view::Column::OrganisationId.eq(actor.organisation_id))
            .filter(recent_view::Column::ViewedAt.lte(old.viewed_at))
            .exec(db)
            .await?;
    }
    Ok(())
}
