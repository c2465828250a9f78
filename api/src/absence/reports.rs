//! Sick and recovery reports: opening a case (or continuing one after a relapse
//! within 28 days), partial and full recovery, out of employment, and the facts
//! the employer may record.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Europe::Amsterdam;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};
use shared::absence::{
    AbsenceCase, CaseFacts, CaseStatus, FactsUpdate, MAX_TEXT_LEN, NewSickReport, OutOfEmployment,
    OwnRecovery, OwnSickReport, RecoveryReport,
    poortwachter::{self, HistoryError},
};
use uuid::Uuid;

use super::{
    access::{self, Audience},
    mail, store,
    store::By,
    view,
};
use crate::{
    auth::Actor,
    entities::{absence_case, absence_recovery, absence_spell, membership, user},
    error::{ApiError, Validation},
    state::AppState,
};

/// Today in the Netherlands: the calendar the law counts in.
pub fn today(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&Amsterdam).date_naive()
}

/// How far ahead a recovery may be reported ("back on Monday").
const RECOVERY_AHEAD_DAYS: i64 = 31;

fn by(actor: &Actor) -> By<'_> {
    By { user_id: Some(actor.user_id), name: &actor.name }
}

/// Checks the facts; `prefix` is where they sit in the request body (`facts.` for the
/// employer's report, nothing for the employee's own, whose body has the fields at the top).
fn check_facts(v: &mut Validation, f: &CaseFacts, prefix: &str) {
    if let Some(p) = f.contact_phone.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        let digits = p.chars().filter(char::is_ascii_digit).count();
        let allowed = p.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c));
        if !allowed || !(6..=15).contains(&digits) {
            v.add_code(
                &format!("{prefix}contact_phone"),
                "phone",
                "Enter a phone number, e.g. 06 12345678".into(),
            );
        }
    }
    let long = |s: &Option<String>, max: usize| s.as_deref().is_some_and(|t| t.chars().count() > max);
    if long(&f.contact_address, 300) {
        v.add_code(&format!("{prefix}contact_address"), "too_long", "At most 300 characters".into());
    }
    if long(&f.ongoing_work, MAX_TEXT_LEN) {
        v.add_code(
            &format!("{prefix}ongoing_work"),
            "too_long",
            format!("At most {MAX_TEXT_LEN} characters"),
        );
    }
}

fn clean(s: &Option<String>) -> Option<String> {
    s.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_string)
}

fn apply_facts(m: &mut absence_case::ActiveModel, f: &CaseFacts) {
    m.contact_phone = Set(clean(&f.contact_phone));
    m.contact_address = Set(clean(&f.contact_address));
    m.expected_duration = Set(f.expected_duration.map(|d| d.as_str().to_string()));
    m.ongoing_work = Set(clean(&f.ongoing_work));
    m.safety_net = Set(f.safety_net);
    m.work_accident = Set(f.work_accident);
    m.third_party_liable = Set(f.third_party_liable);
    m.labour_conflict = Set(f.labour_conflict);
    m.pregnancy_leave = Set(f.pregnancy_leave);
}

fn check_first_day(v: &mut Validation, first: NaiveDate, hours: Option<u32>, today: NaiveDate) {
    if first > today {
        v.add_code("first_sick_day", "in_future", "The first sick day cannot be in the future".into());
    }
    if first < today - Duration::days(730) {
        v.add_code("first_sick_day", "too_old", "The first sick day is more than two years ago".into());
    }
    if hours.is_some_and(|h| h > 24 * 60) {
        v.add_code("hours_worked_minutes", "too_many", "A day has at most 24 hours".into());
    }
}

/// A sick report: a new case, or — within 28 days of the last full recovery — a
/// relapse that continues the earlier case and its clock.
#[allow(clippy::too_many_arguments)]
pub async fn open(
    txn: &DatabaseTransaction,
    now: DateTime<Utc>,
    organisation_id: Uuid,
    employee: &user::Model,
    first_day: NaiveDate,
    hours: Option<u32>,
    facts: &CaseFacts,
    who: By<'_>,
) -> Result<(absence_case::Model, bool), ApiError> {
    let today = today(now);
    let hours = hours.map(|h| h as i32);
    if let Some(last) = store::latest_case_of(txn, organisation_id, employee.id).await? {
        if last.status == CaseStatus::Open.as_str() {
            return Err(ApiError::conflict_on(
                "first_sick_day",
                "open_case",
                "This person already has an open absence case; report recovery first",
            ));
        }
        let ended = last.recovered_on.or(last.ended_on).unwrap_or(last.first_sick_day);
        if first_day < ended {
            return Err(ApiError::conflict_on(
                "first_sick_day",
                "overlaps",
                "The first sick day falls inside an earlier absence case",
            ));
        }
        // Pregnancy leave is not sickness: neither continues the other's clock.
        if last.out_of_employment_on.is_none()
            && !last.pregnancy_leave
            && !facts.pregnancy_leave
            && last.recovered_on.is_some_and(|r| poortwachter::continues_case(r, first_day))
        {
            absence_spell::ActiveModel {
                id: Set(Uuid::now_v7()),
                case_id: Set(last.id),
                first_day: Set(first_day),
                recovered_on: Set(None),
                hours_worked_minutes: Set(hours),
                created_at: Set(now),
            }
            .insert(txn)
            .await?;
            let mut m: absence_case::ActiveModel = last.into();
            m.status = Set(CaseStatus::Open.as_str().into());
            m.recovered_on = Set(None);
            m.ended_on = Set(None);
            m.incapacity_percent = Set(100);
            m.version = Set(m.version.as_ref() + 1);
            m.updated_at = Set(now);
            let case = m.update(txn).await?;
            store::event(txn, case.id, who, "relapse", Some(first_day.to_string()), now).await?;
            store::replan(txn, &case, today, now).await?;
            return Ok((case, false));
        }
    }
    let id = Uuid::now_v7();
    let mut case = None;
    // Two reports in the same organisation at the same moment: the unique number index
    // refuses one; count again.
    for _ in 0..3 {
        let number = store::next_case_number(txn, organisation_id, today).await?;
        if absence_case::Entity::find()
            .filter(absence_case::Column::OrganisationId.eq(organisation_id))
            .filter(absence_case::Column::CaseNumber.eq(&number))
            .one(txn)
            .await?
            .is_some()
        {
            continue;
        }
        let mut m = absence_case::ActiveModel {
            id: Set(id),
            organisation_id: Set(organisation_id),
            user_id: Set(Some(employee.id)),
            case_number: Set(number),
            status: Set(CaseStatus::Open.as_str().into()),
            first_sick_day: Set(first_day),
            hours_worked_minutes: Set(hours),
            incapacity_percent: Set(100),
            recovered_on: Set(None),
            out_of_employment_on: Set(None),
            reported_by: Set(who.user_id.unwrap_or(employee.id)),
            reported_at: Set(now),
            version: Set(0),
            created_at: Set(now),
            updated_at: Set(now),
            ended_on: Set(None),
            anonymised_at: Set(None),
            ..Default::default()
        };
        apply_facts(&mut m, facts);
        case = Some(m.insert(txn).await?);
        break;
    }
    let case = case.ok_or_else(|| ApiError::conflict("Please try again"))?;
    absence_spell::ActiveModel {
        id: Set(Uuid::now_v7()),
        case_id: Set(case.id),
        first_day: Set(first_day),
        recovered_on: Set(None),
        hours_worked_minutes: Set(hours),
        created_at: Set(now),
    }
    .insert(txn)
    .await?;
    store::event(txn, case.id, who, "reported_sick", Some(first_day.to_string()), now).await?;
    store::replan(txn, &case, today, now).await?;
    // The report itself is the first step: done by whoever made it, today.
    store::mark_done(txn, case.id, "sick_report", today, who).await?;
    Ok((case, true))
}

/// The employee reports sick.
pub async fn report_own(
    state: &AppState,
    actor: &Actor,
    body: OwnSickReport,
) -> Result<AbsenceCase, ApiError> {
    let now = state.clock.now();
    let mut v = Validation::default();
    check_first_day(&mut v, body.first_sick_day, body.hours_worked_minutes, today(now));
    let facts = CaseFacts {
        contact_phone: body.contact_phone.clone(),
        contact_address: body.contact_address.clone(),
        ..Default::default()
    };
    check_facts(&mut v, &facts, "");
    v.finish()?;
    let employee = user::Entity::find_by_id(actor.user_id)
        .one(&state.db.write)
        .await?
        .ok_or_else(ApiError::unauthenticated)?;
    let report = Report { first_day: body.first_sick_day, hours: body.hours_worked_minutes, facts: &facts };
    open_and_tell(state, actor, &employee, report, Audience::Employee).await
}

/// A sick report as both forms make it.
struct Report<'a> {
    first_day: NaiveDate,
    hours: Option<u32>,
    facts: &'a CaseFacts,
}

/// Opens (or continues) the case, tells those involved of a new one, and shows it to the reporter.
async fn open_and_tell(
    state: &AppState,
    actor: &Actor,
    employee: &user::Model,
    report: Report<'_>,
    audience: Audience,
) -> Result<AbsenceCase, ApiError> {
    let now = state.clock.now();
    let txn = state.db.write.begin().await?;
    let (case, new) = open(
        &txn,
        now,
        actor.organisation_id,
        employee,
        report.first_day,
        report.hours,
        report.facts,
        by(actor),
    )
    .await?;
    txn.commit().await?;
    if new {
        mail::case_opened(state, &case, &employee.name, Some(actor.user_id)).await?;
    }
    view::build(&state.db.write, &case, audience, today(now)).await
}

/// Someone with the right reports an employee of their organisation sick.
pub async fn report_for(
    state: &AppState,
    actor: &Actor,
    body: NewSickReport,
) -> Result<AbsenceCase, ApiError> {
    access::require(access::org_audience(actor) == Some(Audience::Employer))?;
    let now = state.clock.now();
    let mut v = Validation::default();
    check_first_day(&mut v, body.first_sick_day, body.hours_worked_minutes, today(now));
    check_facts(&mut v, &body.facts, "facts.");
    let member = membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(actor.organisation_id))
        .filter(membership::Column::UserId.eq(body.user_id))
        .one(&state.db.write)
        .await?;
    let employee = match member {
        Some(_) => user::Entity::find_by_id(body.user_id).one(&state.db.write).await?,
        None => None,
    };
    if employee.is_none() {
        v.add_code("user_id", "not_a_member", "This person does not work in your organisation".into());
    }
    v.finish()?;
    let employee = employee.ok_or_else(ApiError::not_found)?;
    let report =
        Report { first_day: body.first_sick_day, hours: body.hours_worked_minutes, facts: &body.facts };
    open_and_tell(state, actor, &employee, report, Audience::Employer).await
}

fn history_problem(e: HistoryError) -> ApiError {
    let (field, code, message) = match e {
        HistoryError::RecoveryBeforeFirstSickDay => {
            ("from_date", "before_first_sick_day", "Recovery cannot be before the first sick day")
        }
        HistoryError::PercentOutOfRange => ("percent", "out_of_range", "Enter a percentage from 0 to 100"),
        HistoryError::NotAfterPreviousStep => {
            ("from_date", "not_after_previous", "Must be after the previous recovery step")
        }
        HistoryError::CaseClosed => ("from_date", "case_closed", "This case is already closed"),
        #[allow(unreachable_patterns)]
        _ => ("from_date", "invalid", "This does not fit the history of the case"),
    };
    let mut v = Validation::default();
    v.add_code(field, code, message.into());
    v.finish().err().unwrap_or_else(|| ApiError::bad_request(message))
}

/// Recovery for `percent` from a date; 100 closes the case and what is still open.
pub async fn recover(
    state: &AppState,
    actor: &Actor,
    case_id: Uuid,
    body: RecoveryReport,
    own: bool,
) -> Result<AbsenceCase, ApiError> {
    let now = state.clock.now();
    let today = today(now);
    let (case, audience) = access::visible(&state.db.write, actor, case_id).await?;
    if own != (audience == Audience::Employee) {
        return Err(ApiError::not_found());
    }
    access::require(access::permissions(audience).report_recovery)?;
    if body.percent > 100 {
        return Err(history_problem(HistoryError::PercentOutOfRange));
    }
    if body.from_date > today + Duration::days(RECOVERY_AHEAD_DAYS) {
        let mut v = Validation::default();
        v.add_code("from_date", "too_far_ahead", "At most a month ahead".into());
        v.finish()?;
    }
    let txn = state.db.write.begin().await?;
    let spells = store::spells(&txn, case.id).await?;
    let steps = store::recoveries(&txn, case.id).await?;
    let history = store::history(&case, &spells);
    poortwachter::check_recovery(
        &history,
        &store::partial_steps(&spells, &steps),
        body.from_date,
        body.percent as u8,
    )
    .map_err(history_problem)?;
    let case = apply_recovery(&txn, case, &spells, body.from_date, body.percent, by(actor), now).await?;
    txn.commit().await?;
    view::build(&state.db.write, &case, audience, today).await
}

/// Stores a recovery step that passed the checks: 100 % ends the current spell and
/// closes the case; less lowers the incapacity. Replans the activities.
pub async fn apply_recovery(
    txn: &DatabaseTransaction,
    case: absence_case::Model,
    spells: &[absence_spell::Model],
    from: NaiveDate,
    percent: u32,
    who: By<'_>,
    now: DateTime<Utc>,
) -> Result<absence_case::Model, ApiError> {
    let today = today(now);
    absence_recovery::ActiveModel {
        id: Set(Uuid::now_v7()),
        case_id: Set(case.id),
        from_date: Set(from),
        percent: Set(percent as i32),
        reported_by: Set(who.user_id.unwrap_or_default()),
        reported_at: Set(now),
    }
    .insert(txn)
    .await?;
    let mut m: absence_case::ActiveModel = case.clone().into();
    if percent == 100 {
        if let Some(spell) = spells.last() {
            let mut s: absence_spell::ActiveModel = spell.clone().into();
            s.recovered_on = Set(Some(from));
            s.update(txn).await?;
        }
        m.status = Set(CaseStatus::Closed.as_str().into());
        m.recovered_on = Set(Some(from));
        m.ended_on = Set(Some(from));
        m.incapacity_percent = Set(0);
    } else {
        m.incapacity_percent = Set(100 - percent as i32);
    }
    m.version = Set(case.version + 1);
    m.updated_at = Set(now);
    let case = m.update(txn).await?;
    let (action, detail) = if percent == 100 {
        ("recovered", from.to_string())
    } else {
        ("partly_recovered", format!("{}% {}", percent, from))
    };
    store::event(txn, case.id, who, action, Some(detail), now).await?;
    store::replan(txn, &case, today, now).await?;
    Ok(case)
}

/// The employee is back at work.
pub async fn recover_own(
    state: &AppState,
    actor: &Actor,
    case_id: Uuid,
    body: OwnRecovery,
) -> Result<AbsenceCase, ApiError> {
    recover(state, actor, case_id, RecoveryReport { from_date: body.from_date, percent: 100 }, true).await
}

/// Employment ended during the case (ziek uit dienst): the employer's obligations end, UWV takes over.
pub async fn out_of_employment(
    state: &AppState,
    actor: &Actor,
    case_id: Uuid,
    body: OutOfEmployment,
) -> Result<AbsenceCase, ApiError> {
    let now = state.clock.now();
    let today = today(now);
    let (case, audience) = access::visible(&state.db.write, actor, case_id).await?;
    access::require(access::permissions(audience).out_of_employment)?;
    let mut v = Validation::default();
    if case.status != CaseStatus::Open.as_str() {
        v.add_code("from_date", "case_closed", "This case is already closed".into());
    } else if body.from_date <= case.first_sick_day {
        v.add_code("from_date", "before_first_sick_day", "Must be after the first sick day".into());
    }
    if body.from_date > today + Duration::days(RECOVERY_AHEAD_DAYS) {
        v.add_code("from_date", "too_far_ahead", "At most a month ahead".into());
    }
    v.finish()?;
    let txn = state.db.write.begin().await?;
    let mut m: absence_case::ActiveModel = case.clone().into();
    m.out_of_employment_on = Set(Some(body.from_date));
    m.status = Set(CaseStatus::Closed.as_str().into());
    m.ended_on = Set(Some(body.from_date));
    m.version = Set(case.version + 1);
    m.updated_at = Set(now);
    let case = m.update(&txn).await?;
    store::event(&txn, case.id, by(actor), "out_of_employment", Some(body.from_date.to_string()), now)
        .await?;
    store::replan(&txn, &case, today, now).await?;
    txn.commit().await?;
    view::build(&state.db.write, &case, audience, today).await
}

/// Replaces the employer's facts (optimistic: a stale `version` is refused).
pub async fn update_facts(
    state: &AppState,
    actor: &Actor,
    case_id: Uuid,
    body: FactsUpdate,
) -> Result<AbsenceCase, ApiError> {
    let now = state.clock.now();
    let (case, audience) = access::visible(&state.db.write, actor, case_id).await?;
    access::require(access::permissions(audience).edit_facts)?;
    let mut v = Validation::default();
    check_facts(&mut v, &body.facts, "facts.");
    v.finish()?;
    let txn = state.db.write.begin().await?;
    let mut m: absence_case::ActiveModel = case.clone().into();
    apply_facts(&mut m, &body.facts);
    m.version = Set(body.version + 1);
    m.updated_at = Set(now);
    let updated = absence_case::Entity::update_many()
        .set(m)
        .filter(absence_case::Column::Id.eq(case.id))
        .filter(absence_case::Column::Version.eq(body.version))
        .exec(&txn)
        .await?;
    if updated.rows_affected == 0 {
        return Err(ApiError::conflict_on(
            "version",
            "stale",
            "Someone else changed this case meanwhile; reload to see their change",
        ));
    }
    store::event(&txn, case.id, by(actor), "facts_changed", None, now).await?;
    let leave_changed = case.pregnancy_leave != body.facts.pregnancy_leave;
    let case = absence_case::Entity::find_by_id(case.id).one(&txn).await?.ok_or_else(ApiError::not_found)?;
    // Marking a case as pregnancy or maternity leave (or no longer) changes its steps.
    if leave_changed {
        store::replan(&txn, &case, today(now), now).await?;
    }
    txn.commit().await?;
    view::build(&state.db.write, &case, audience, today(now)).await
}

/// People of the actor's organisation whose name matches `q` (at most 20), for the
/// employer's sick-report form.
pub async fn reportable(
    db: &impl ConnectionTrait,
    actor: &Actor,
    q: &str,
) -> Result<Vec<shared::absence::PersonRef>, ApiError> {
    use sea_orm::{
        ExprTrait, QueryOrder, QuerySelect,
        sea_query::{Expr, Func, Query},
    };
    access::require(access::org_audience(actor) == Some(Audience::Employer))?;
    let members = Query::select()
        .column(membership::Column::UserId)
        .from(membership::Entity)
        .and_where(membership::Column::OrganisationId.eq(actor.organisation_id))
        .to_owned();
    let pattern = format!("%{}%", q.trim().to_lowercase().replace(['%', '_'], ""));
    let people = user::Entity::find()
        .filter(user::Column::Id.in_subquery(members))
        .filter(Expr::expr(Func::lower(Expr::col(user::Column::Name))).like(pattern))
        .order_by_asc(user::Column::Name)
        .limit(20)
        .all(db)
        .await?;
    Ok(people.into_iter().map(|u| shared::absence::PersonRef { id: u.id, name: u.name }).collect())
}
