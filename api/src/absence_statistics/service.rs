//! Who may see the statistics, which period and scope a query asks for, and the
//! figures from the sums the store adds up.

use std::collections::HashMap;

use chrono::{Datelike, Months, NaiveDate};
use sea_orm::{ConnectionTrait, EntityTrait};
use serde::Deserialize;
use shared::Page;
use shared::absence::statistics::{
    CurrentState, DEFAULT_DURATION_CLASSES, DurationClass, DurationCounts, EmployeeStatistics, MonthlyRate,
    Mutation, MutationKind, Period, Statistics, StatisticsReport, StatisticsScope, Sums,
    classes_from_upper_bounds, count_by_stage, duration_class, rate_from_sums,
};
use utoipa::IntoParams;
use uuid::Uuid;

use super::store::{self, Group, Scope, Window};
use crate::{
    absence::{access, reports::today},
    auth::Actor,
    employees::validate::full_name,
    entities::{organisation, team},
    error::{ApiError, Validation},
    pagination::{self, PageQuery},
    state::AppState,
};

/// The longest period one query may span, in days (three years and a leap day).
pub const MAX_PERIOD_DAYS: u32 = 3 * 365 + 1;

/// The kind of period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// A calendar month: `year` and `number` 1–12.
    Month,
    /// A calendar quarter: `year` and `number` 1–4.
    Quarter,
    /// A calendar year: `year`.
    Year,
}

/// Query of the statistics endpoints. The period is either `from` and `to` (a custom
/// period, both days included) or `period` with `year` (and `number` for a month or
/// quarter); without either, the current calendar year.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct StatisticsQuery {
    /// The organisation (default: the one you act in; a case manager passes one they serve).
    pub organisation_id: Option<Uuid>,
    /// month, quarter or year (with `year`, and `number` for month and quarter).
    pub period: Option<PeriodKind>,
    /// The calendar year of `period`.
    pub year: Option<i32>,
    /// The month (1–12) or quarter (1–4) of `period`.
    pub number: Option<u32>,
    /// First day of a custom period.
    pub from: Option<NaiveDate>,
    /// Last day of a custom period (included); at most three years after `from`.
    pub to: Option<NaiveDate>,
    /// Only employees whose record has this department.
    pub department: Option<String>,
    /// Only employees working under this cost centre.
    pub cost_centre: Option<String>,
    /// Only members of this team.
    pub team_id: Option<Uuid>,
    /// The duration classes by their upper bounds in days, ascending, comma-separated
    /// (default `14,91,365,730`: 1–14, 15–91, 92–365, 366–730); at most 8, each 1–3650.
    /// Cases longer than the last bound are counted apart (`outside_classes`).
    #[param(example = "14,91,365,730")]
    pub classes: Option<String>,
    /// Lists only: items per page, 1–200 (default 50).
    pub limit: Option<u64>,
    /// Lists only: the `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

impl StatisticsQuery {
    /// The period asked for, or 422.
    pub fn period(&self, today: NaiveDate) -> Result<Period, ApiError> {
        let mut v = Validation::default();
        let period = match (self.from, self.to, self.period) {
            (Some(from), Some(to), _) => {
                let p = Period::new(from, to);
                if p.is_none() {
                    v.add_code("to", "before_from", "Must be on or after `from`".into());
                }
                p
            }
            (Some(_), None, _) | (None, Some(_), _) => {
                let field = if self.from.is_none() { "from" } else { "to" };
                v.add_code(field, "required", "A custom period needs both `from` and `to`".into());
                None
            }
            (None, None, Some(kind)) => {
                let year = self.year.unwrap_or(today.year());
                let p = match kind {
                    PeriodKind::Month => self.number.and_then(|n| Period::month(year, n)),
                    PeriodKind::Quarter => self.number.and_then(|n| Period::quarter(year, n)),
                    PeriodKind::Year => Period::year(year),
                };
                if p.is_none() {
                    v.add_code("number", "out_of_range", "A month 1–12 or a quarter 1–4".into());
                }
                p
            }
            (None, None, None) => Period::year(today.year()),
        };
        if period.is_some_and(|p| p.days() > MAX_PERIOD_DAYS) {
            v.add_code("to", "period_too_long", "At most three years".into());
        }
        v.finish()?;
        period.ok_or_else(|| ApiError::bad_request("No period"))
    }

    /// The duration classes asked for (the standard ones by default), or 422 on `classes`.
    pub fn duration_classes(&self) -> Result<Vec<DurationClass>, ApiError> {
        let Some(text) = &self.classes else { return Ok(DEFAULT_DURATION_CLASSES.to_vec()) };
        classes_from_upper_bounds(text).or_else(|e| {
            let mut v = Validation::default();
            v.add_code(
                "classes",
                e.code(),
                "Upper bounds in days, ascending and comma-separated, 1–3650, at most 8".into(),
            );
            // `finish` refuses: a field has an error.
            v.finish().map(|()| Vec::new())
        })
    }
}

/// The organisation asked for, if the actor may see its absence figures: 403 for
/// someone who sees no organisation's absence, 404 for an organisation they do not
/// serve. Also checks the team belongs to it.
pub async fn authorise(
    state: &AppState,
    actor: &Actor,
    q: &StatisticsQuery,
) -> Result<(Scope, StatisticsScope, access::Audience), ApiError> {
    let db = &state.db.read;
    let audience = access::org_audience(actor).ok_or_else(ApiError::forbidden)?;
    let org = q.organisation_id.unwrap_or(actor.organisation_id);
    if !access::organisations(db, actor).await?.contains(&org) {
        return Err(ApiError::not_found());
    }
    let organisation =
        organisation::Entity::find_by_id(org).one(db).await?.ok_or_else(ApiError::not_found)?;
    if let Some(team) = q.team_id
        && !store::team_exists(db, org, team).await?
    {
        let mut v = Validation::default();
        v.add_code("team_id", "unknown", "No such team in this organisation".into());
        v.finish()?;
    }
    let clean = |s: &Option<String>| s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from);
    let scope = Scope {
        organisation_id: org,
        department: clean(&q.department),
        cost_centre: clean(&q.cost_centre),
        team_id: q.team_id,
        records: None,
        users: None,
    };
    let shown = StatisticsScope {
        organisation_id: org,
        organisation_name: organisation.name,
        department: scope.department.clone(),
        cost_centre: scope.cost_centre.clone(),
        team_id: scope.team_id,
    };
    Ok((scope, shown, audience))
}

/// The name of a team of the organisation (checked by [`authorise`]), for headings.
pub async fn team_name(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    team_id: Uuid,
) -> Result<Option<String>, ApiError> {
    let team = team::Entity::find_by_id(team_id).one(db).await?;
    Ok(team.filter(|t| t.organisation_id == organisation_id).map(|t| t.name))
}

/// The calendar months the period touches, each clipped to it.
pub fn months(period: &Period) -> Vec<Period> {
    let mut out = Vec::new();
    let mut start = period.start;
    while start <= period.end {
        let next = start.with_day(1).and_then(|d| d.checked_add_months(Months::new(1)));
        let end = next.and_then(|n| n.pred_opt()).map_or(period.end, |e| e.min(period.end));
        out.push(Period { start, end });
        match next {
            Some(n) => start = n,
            None => break,
        }
    }
    out
}

/// The same days a year earlier (29 February becomes 28 February).
fn year_before(p: &Period) -> Period {
    let back = |d: NaiveDate| d.checked_sub_months(Months::new(12)).unwrap_or(d);
    Period { start: back(p.start), end: back(p.end) }
}

fn window(key: i64, p: &Period) -> Window {
    Window { key, start: p.start, end: p.end }
}

fn count(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

/// Key of the whole period; months are 1…n, the year before 1001….
const PERIOD: i64 = 0;
const PREVIOUS_YEAR: i64 = 1000;

/// The figures for a period and scope, with the absence rate per month and the cases
/// open `today` per poortwachter stage.
pub async fn report(
    db: &impl ConnectionTrait,
    scope: &Scope,
    shown: StatisticsScope,
    period: Period,
    today: NaiveDate,
    classes: &[DurationClass],
) -> Result<StatisticsReport, ApiError> {
    // Only days up to today count; the chart keeps every month of the period (a month
    // still to come has no rate) and the same months a year earlier in full.
    let counted = period.up_to(today);
    let months = months(&period);
    let mut windows = vec![window(PERIOD, &counted)];
    for (i, m) in (1..).zip(&months) {
        windows.push(window(i, &m.up_to(today)));
        windows.push(window(PREVIOUS_YEAR + i, &year_before(m)));
    }
    // A window with no days (wholly after today) has no sums.
    windows.retain(|w| w.start <= w.end);
    let employed: HashMap<i64, (f64, i64)> = store::employment::<i64>(db, scope, &windows, Group::Window)
        .await?
        .into_iter()
        .map(|(k, w, d)| (k, (w, d)))
        .collect();
    let sick: HashMap<i64, store::SickSums<i64>> =
        store::sick_days::<i64>(db, scope, &windows, Group::Window)
            .await?
            .into_iter()
            .map(|s| (s.key, s))
            .collect();
    let (events, employees) = if counted.days() > 0 {
        let w = window(PERIOD, &counted);
        (store::events(db, scope, w).await?, store::employees(db, scope, w).await?)
    } else {
        (store::Events::default(), 0)
    };

    let mut sums = Sums::new(classes);
    if let Some(&(weighted, days)) = employed.get(&PERIOD) {
        sums.weighted_employed_days = weighted;
        sums.employed_person_days = u64::try_from(days).unwrap_or(0);
    }
    sums.employees = count(employees);
    if let Some(s) = sick.get(&PERIOD) {
        sums.weighted_sick_days = s.weighted;
        sums.weighted_pregnancy_sick_days = s.weighted_pregnancy_leave;
    }
    sums.reports = count(events.reports);
    sums.employees_with_report = count(events.employees_with_report);
    let mut add = |days: i64, counts: DurationCounts| {
        let days = count(days);
        match duration_class(days, classes) {
            Some(i) => sums.duration_classes[i].cases.add(counts),
            None => sums.outside_classes.add(counts),
        }
    };
    for &(days, n) in &events.ended {
        add(days, DurationCounts { ended: count(n), running: 0 });
    }
    for &(days, n) in &events.running {
        add(days, DurationCounts { ended: 0, running: count(n) });
    }
    for &(days, n) in &events.ended {
        sums.ended_cases += count(n);
        sums.ended_case_days += u64::try_from(days * n).unwrap_or(0);
    }
    let rate = |key: i64| {
        let employed = employed.get(&key).map_or(0.0, |e| e.0);
        rate_from_sums(sick.get(&key).map_or(0.0, |s| s.weighted), employed).percent
    };
    let monthly = (1..)
        .zip(&months)
        .map(|(i, m)| MonthlyRate {
            period: *m,
            percent: rate(i),
            previous_year: year_before(m),
            previous_year_percent: rate(PREVIOUS_YEAR + i),
        })
        .collect();
    let open = store::open_cases_by_sick_days(db, scope, today).await?;
    let open_cases = count_by_stage(open.into_iter().map(|(days, n)| (count(days), count(n))));
    Ok(StatisticsReport {
        scope: shown,
        // A period wholly to come keeps its own days (its figures have no value).
        statistics: Statistics::from_sums(if counted.days() > 0 { counted } else { period }, &sums),
        monthly,
        open_cases,
        counted_until: period.reaches_past(today).then_some(today),
    })
}

/// The export's batch size: each batch costs the same few queries.
pub const EXPORT_BATCH: u64 = 1000;

/// A page of the per-employee overview, by name.
pub async fn employees(
    state: &AppState,
    scope: &Scope,
    period: Period,
    q: &StatisticsQuery,
) -> Result<Page<EmployeeStatistics>, ApiError> {
    let page = PageQuery { limit: q.limit, cursor: q.cursor.clone() };
    let (items, next) = employees_after(state, scope, period, page.decode()?, page.limit()).await?;
    Ok(Page { items, next_cursor: next.map(|n| pagination::encode(&n)) })
}

/// Up to `limit` employees after `after` (sort name, id), and where the next batch
/// starts when there is one.
pub async fn employees_after(
    state: &AppState,
    scope: &Scope,
    period: Period,
    after: Option<(String, Uuid)>,
    limit: u64,
) -> Result<(Vec<EmployeeStatistics>, Option<(String, Uuid)>), ApiError> {
    let db = &state.db.read;
    let today = today(state.clock.now());
    // Days to come are not counted (see `report`); who is listed is the whole period's.
    let w = window(PERIOD, &period);
    let counted = window(PERIOD, &period.up_to(today));
    let rows = store::records_page(db, scope, w, after, limit).await?;
    let (rows, next) = cut(rows, limit, |r| (r.sort_name.clone(), r.id));
    let page_scope = Scope {
        records: Some(rows.iter().map(|r| r.id).collect()),
        users: Some(rows.iter().map(|r| r.user_id).collect()),
        ..scope.clone()
    };
    let windows: &[Window] = if counted.start <= counted.end { &[counted] } else { &[] };
    let employed: HashMap<Uuid, (f64, i64)> =
        store::employment::<Uuid>(db, &page_scope, windows, Group::Record)
            .await?
            .into_iter()
            .map(|(k, wd, d)| (k, (wd, d)))
            .collect();
    let sick: HashMap<Uuid, (f64, i64)> = store::sick_days::<Uuid>(db, &page_scope, windows, Group::Record)
        .await?
        .into_iter()
        .map(|s| (s.key, (s.weighted, s.days)))
        .collect();
    let reports: HashMap<Uuid, i64> =
        store::reports_per_record(db, &page_scope, counted).await?.into_iter().collect();
    let users = page_scope.users.as_deref().unwrap_or_default();
    let today_state: HashMap<Uuid, i64> =
        store::sick_today(db, scope.organisation_id, users, today).await?.into_iter().collect();
    let items = rows
        .into_iter()
        .map(|r| {
            let (weighted_employed_days, employed_days) = employed.get(&r.id).copied().unwrap_or((0.0, 0));
            let (weighted_sick_days, sick_days) = sick.get(&r.id).copied().unwrap_or((0.0, 0));
            let current_state = match today_state.get(&r.user_id) {
                Some(&inc) if inc >= 100 => CurrentState::Sick,
                Some(&inc) if inc > 0 => CurrentState::PartlySick,
                _ => CurrentState::Fit,
            };
            EmployeeStatistics {
                record_id: r.id,
                user_id: r.user_id,
                name: full_name(&r.first_name, r.infix.as_deref(), &r.last_name),
                personnel_number: r.personnel_number,
                department: r.department,
                employed_days: count(employed_days),
                weighted_employed_days,
                sick_days: count(sick_days),
                weighted_sick_days,
                absence_percent: rate_from_sums(weighted_sick_days, weighted_employed_days).percent,
                reports: count(reports.get(&r.id).copied().unwrap_or(0)),
                current_state,
            }
        })
        .collect();
    Ok((items, next))
}

/// Cuts `rows` (fetched with `limit + 1`) to `limit`, with the last one's position when
/// there are more.
fn cut<R, P>(mut rows: Vec<R>, limit: u64, position: impl Fn(&R) -> P) -> (Vec<R>, Option<P>) {
    let more = rows.len() as u64 > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let next = if more { rows.last().map(position) } else { None };
    (rows, next)
}

/// A page of the sick and recovery reports dated in the period, by date.
pub async fn mutations(
    state: &AppState,
    scope: &Scope,
    period: Period,
    q: &StatisticsQuery,
) -> Result<Page<Mutation>, ApiError> {
    let page = PageQuery { limit: q.limit, cursor: q.cursor.clone() };
    let (items, next) = mutations_after(state, scope, period, page.decode()?, page.limit()).await?;
    Ok(Page { items, next_cursor: next.map(|n| pagination::encode(&n)) })
}

/// Up to `limit` mutations after `after` (date, row id), and where the next batch starts.
pub async fn mutations_after(
    state: &AppState,
    scope: &Scope,
    period: Period,
    after: Option<(NaiveDate, Uuid)>,
    limit: u64,
) -> Result<(Vec<Mutation>, Option<(NaiveDate, Uuid)>), ApiError> {
    let rows = store::mutations_page(&state.db.read, scope, window(PERIOD, &period), after, limit).await?;
    let (rows, next) = cut(rows, limit, |r| (r.day, r.id));
    let items = rows
        .into_iter()
        .map(|r| Mutation {
            date: r.day,
            kind: match r.kind {
                0 => MutationKind::SickReport,
                1 => MutationKind::PartialRecovery,
                2 => MutationKind::Recovery,
                _ => MutationKind::OutOfEmployment,
            },
            case_id: r.case_id,
            case_number: r.case_number,
            user_id: r.user_id,
            name: r.name,
            personnel_number: r.personnel_number,
            recovered_percent: r.percent.map(count),
        })
        .collect();
    Ok((items, next))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn months_are_clipped_to_the_period_and_a_leap_day_goes_back_to_the_28th() {
        let p = Period::new(d("2024-01-15"), d("2024-03-10")).unwrap();
        let m = months(&p);
        assert_eq!(m.len(), 3);
        assert_eq!(m[0], Period::new(d("2024-01-15"), d("2024-01-31")).unwrap());
        assert_eq!(m[1], Period::month(2024, 2).unwrap());
        assert_eq!(m[2], Period::new(d("2024-03-01"), d("2024-03-10")).unwrap());
        assert_eq!(year_before(&m[1]), Period::new(d("2023-02-01"), d("2023-02-28")).unwrap());
        assert_eq!(months(&Period::year(2026).unwrap()).len(), 12);
    }
}
