//! The statistics queries. Each figure's sums come from one aggregate statement over the
//! whole scope, however many employees and cases it holds; they mirror the per-record
//! parts in `shared::absence::statistics::contributions`:
//!
//! - `e`: the employment periods in scope, as day numbers (`es`..`ee`, both included;
//!   an open end far in the future) with their part-time factor `f`.
//! - `s`: the sick spells (each spell is one sick report by the CBS standard, a relapse
//!   too) that may touch the range asked for: first sick day `fs`, first day no longer
//!   sick `rx` (the spell's recovery, or for the last spell of a case closed "ziek uit
//!   dienst" the first day out of employment; NULL while it runs).
//! - `runs`: each spell cut at its partial-recovery steps into runs of constant
//!   incapacity (`LEAD` over the steps of the spell gives each run its end).
//! - `w`: the windows counted (the period, and for the chart each month and the same
//!   month a year earlier), as a `VALUES` table, so one statement serves them all.
//!
//! A row of runs × employment × window adds its overlap in days × incapacity × factor;
//! clipping is `LEAST`/`GREATEST` (SQLite: `MIN`/`MAX`) of day numbers (see [`Sql`]).

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DbErr, FromQueryResult, TryGetable, Value};
use uuid::Uuid;

use super::sql::{Sql, day_number};

/// Who is counted.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// The organisation.
    pub organisation_id: Uuid,
    /// Only records with this department.
    pub department: Option<String>,
    /// Only members with this cost centre.
    pub cost_centre: Option<String>,
    /// Only members of this team.
    pub team_id: Option<Uuid>,
    /// Only these employee records (a page of the per-employee overview).
    pub records: Option<Vec<Uuid>>,
    /// With `records`: their people, so only their cases are read.
    pub users: Option<Vec<Uuid>>,
}

impl Scope {
    /// Whether the scope is the whole organisation.
    pub fn is_whole(&self) -> bool {
        self.department.is_none() && self.cost_centre.is_none() && self.team_id.is_none()
    }
}

/// A run of days to count over, both ends included, with its key in the results.
#[derive(Debug, Clone, Copy)]
pub struct Window {
    /// Returned with its sums.
    pub key: i64,
    /// First day.
    pub start: NaiveDate,
    /// Last day, included.
    pub end: NaiveDate,
}

/// An open end, as a day number beyond any date in the data.
const OPEN_END: i64 = 100_000_000;

/// `JOIN`s and conditions on `employee_records r` for the scope.
fn scope_sql(q: &mut Sql, scope: &Scope) -> (String, String) {
    let org = q.bind(scope.organisation_id);
    let mut joins = String::new();
    let mut conds = format!("r.organisation_id = {org}");
    if let Some(d) = &scope.department {
        conds += &format!(" AND r.department = {}", q.bind(d.clone()));
    }
    if let Some(c) = &scope.cost_centre {
        joins += " JOIN memberships m ON m.id = r.membership_id";
        conds += &format!(" AND m.cost_centre = {}", q.bind(c.clone()));
    }
    if let Some(t) = scope.team_id {
        conds += &format!(
            " AND r.membership_id IN (SELECT tm.membership_id FROM team_members tm WHERE tm.team_id = {})",
            q.bind(t)
        );
    }
    if let Some(ids) = &scope.records {
        let list: Vec<String> = ids.iter().map(|id| q.bind(*id)).collect();
        conds += &format!(" AND r.id IN ({})", if list.is_empty() { "NULL".into() } else { list.join(", ") });
    }
    (joins, conds)
}

/// `e`: employment periods in scope that touch `from`..`to`.
fn employment_cte(q: &mut Sql, scope: &Scope, from: NaiveDate, to: NaiveDate) -> String {
    let (joins, conds) = scope_sql(q, scope);
    let org = q.bind(scope.organisation_id);
    let (from, to) = (q.bind(from), q.bind(to));
    let factor = q.float(&format!(
        "CASE WHEN p.full_time_minutes <= 0 OR p.contract_minutes <= 0 THEN 0 ELSE {} END",
        q.least(&["1.0", &format!("{} / p.full_time_minutes", q.float("p.contract_minutes"))])
    ));
    format!(
        "e AS (SELECT r.id AS rid, r.user_id AS uid, {es} AS es, COALESCE({ee}, {OPEN_END}) AS ee, {factor} AS f \
         FROM employment_periods p JOIN employee_records r ON r.id = p.record_id{joins} \
         WHERE {conds} AND p.organisation_id = {org} AND p.starts_on <= {to} \
         AND (p.ends_on IS NULL OR p.ends_on >= {from}))",
        es = q.day("p.starts_on"),
        ee = q.day("p.ends_on"),
    )
}

/// `s`: the organisation's sick spells with a sick day in `from`..`to` (a spell
/// recovered on or before its first day has none), optionally only of `users`.
fn spells_cte(q: &mut Sql, org: Uuid, from: NaiveDate, to: NaiveDate, users: Option<&[Uuid]>) -> String {
    let org = q.bind(org);
    let (from, to) = (q.bind(from), q.bind(to));
    let rd = "COALESCE(sp.recovered_on, c.out_of_employment_on)";
    let only = match users {
        Some(ids) if !ids.is_empty() => {
            let list: Vec<String> = ids.iter().map(|id| q.bind(*id)).collect();
            format!(" AND c.user_id IN ({})", list.join(", "))
        }
        Some(_) => " AND c.user_id IS NULL".into(),
        None => String::new(),
    };
    format!(
        "s AS (SELECT sp.id AS sid, c.id AS cid, c.user_id AS uid, sp.first_day AS fd, {rd} AS rd, \
         {fs} AS fs, {rx} AS rx \
         FROM absence_cases c JOIN absence_spells sp ON sp.case_id = c.id \
         WHERE c.organisation_id = {org} AND c.user_id IS NOT NULL{only} AND c.first_sick_day <= {to} \
         AND sp.first_day <= {to} AND ({rd} IS NULL OR {rd} > {from}) AND ({rd} IS NULL OR {rd} > sp.first_day))",
        fs = q.day("sp.first_day"),
        rx = q.day(rd),
    )
}

/// `st`, `fst`, `runs` (after `s`): each spell cut into runs of constant incapacity.
/// A partial-recovery step belongs to the spell it falls in; a run is `rs` up to `rx`
/// (excluded; NULL while running) at `inc` percent.
fn runs_cte(q: &Sql) -> String {
    format!(
        "st AS (SELECT s.sid AS sid, {d} AS d, 100 - rc.percent AS inc \
         FROM s JOIN absence_recoveries rc ON rc.case_id = s.cid \
         WHERE rc.from_date >= s.fd AND (s.rd IS NULL OR rc.from_date < s.rd)), \
         fst AS (SELECT sid, MIN(d) AS d FROM st GROUP BY sid), \
         runs AS (SELECT s.uid AS uid, s.fs AS rs, COALESCE(fst.d, s.rx) AS rx, 100 AS inc \
         FROM s LEFT JOIN fst ON fst.sid = s.sid \
         UNION ALL \
         SELECT s.uid, st.d, COALESCE(LEAD(st.d) OVER (PARTITION BY st.sid ORDER BY st.d), s.rx), st.inc \
         FROM st JOIN s ON s.sid = st.sid)",
        d = q.day("rc.from_date"),
    )
}

/// `w(k, ws, we)`: the windows as a table.
fn windows_cte(q: &mut Sql, windows: &[Window]) -> String {
    let rows: Vec<String> = windows
        .iter()
        .map(|w| {
            let k = q.bind(w.key);
            let (s, e) = (q.bind(day_number(w.start)), q.bind(day_number(w.end)));
            format!("({k}, {s}, {e})")
        })
        .collect();
    format!("w(k, ws, we) AS (VALUES {})", rows.join(", "))
}

fn bounds(windows: &[Window]) -> (NaiveDate, NaiveDate) {
    let from = windows.iter().map(|w| w.start).min().unwrap_or_default();
    let to = windows.iter().map(|w| w.end).max().unwrap_or_default();
    (from, to)
}

/// What to group the sums by.
#[derive(Debug, Clone, Copy)]
pub enum Group {
    /// Per window (`Window::key`, an `i64`).
    Window,
    /// Per employee record (a `Uuid`).
    Record,
}

impl Group {
    fn column(self) -> &'static str {
        match self {
            Group::Window => "w.k",
            Group::Record => "e.rid",
        }
    }
}

/// Employment sums per group: (key, Σ employed days × factor, Σ employed days, employees).
pub async fn employment<K: TryGetable>(
    db: &impl ConnectionTrait,
    scope: &Scope,
    windows: &[Window],
    group: Group,
) -> Result<Vec<(K, f64, i64, i64)>, DbErr> {
    if windows.is_empty() {
        return Ok(vec![]);
    }
    let (from, to) = bounds(windows);
    let mut q = Sql::new(db.get_database_backend());
    let w = windows_cte(&mut q, windows);
    let e = employment_cte(&mut q, scope, from, to);
    let days = format!("{} - {} + 1", q.least(&["w.we", "e.ee"]), q.greatest(&["w.ws", "e.es"]));
    let text = format!(
        "WITH {w}, {e} SELECT g, {wd} AS wd, {pd} AS pd, {n} AS n FROM (SELECT {g} AS g, e.rid AS rid, \
         e.f AS f, {days} AS d FROM e JOIN w ON e.es <= w.we AND e.ee >= w.ws) x GROUP BY g",
        g = group.column(),
        wd = q.float("COALESCE(SUM(d * f), 0)"),
        pd = q.big("COALESCE(SUM(d), 0)"),
        n = q.big("COUNT(DISTINCT rid)"),
    );
    let rows = db.query_all_raw(q.statement(text)).await?;
    rows.iter()
        .map(|r| {
            Ok((r.try_get::<K>("", "g")?, r.try_get("", "wd")?, r.try_get("", "pd")?, r.try_get("", "n")?))
        })
        .collect()
}

/// Sick-day sums per group: (key, Σ sick days × factor × incapacity ÷ 100, Σ sick days),
/// counting only days in the window on which the person is employed in scope.
pub async fn sick_days<K: TryGetable>(
    db: &impl ConnectionTrait,
    scope: &Scope,
    windows: &[Window],
    group: Group,
) -> Result<Vec<(K, f64, i64)>, DbErr> {
    if windows.is_empty() {
        return Ok(vec![]);
    }
    let (from, to) = bounds(windows);
    let mut q = Sql::new(db.get_database_backend());
    let w = windows_cte(&mut q, windows);
    let e = employment_cte(&mut q, scope, from, to);
    let s = spells_cte(&mut q, scope.organisation_id, from, to, scope.users.as_deref());
    let runs = runs_cte(&q);
    let last = format!("COALESCE(runs.rx - 1, {OPEN_END})");
    let overlap =
        format!("{} - {} + 1", q.least(&["w.we", "e.ee", &last]), q.greatest(&["w.ws", "e.es", "runs.rs"]));
    // Intervals that meet pairwise share a day, so the three-way overlap is positive.
    let text = format!(
        "WITH {w}, {e}, {s}, {runs} SELECT g, {ws} AS ws, {sd} AS sd FROM (\
         SELECT {g} AS g, runs.inc AS inc, e.f AS f, {overlap} AS ov \
         FROM runs JOIN e ON e.uid = runs.uid JOIN w ON runs.rs <= w.we AND {last} >= w.ws \
         AND e.es <= w.we AND e.ee >= w.ws \
         WHERE runs.rs <= e.ee AND {last} >= e.es AND (runs.rx IS NULL OR runs.rx > runs.rs)) x GROUP BY g",
        g = group.column(),
        ws = q.float("COALESCE(SUM(ov * inc * f), 0) / 100"),
        sd = q.big("COALESCE(SUM(ov), 0)"),
    );
    let rows = db.query_all_raw(q.statement(text)).await?;
    rows.iter().map(|r| Ok((r.try_get::<K>("", "g")?, r.try_get("", "ws")?, r.try_get("", "sd")?))).collect()
}

/// What the sick reports and case ends in a period add up to.
#[derive(Debug, Default, Clone)]
pub struct Events {
    /// Sick reports whose first sick day lies in the period, while employed in scope.
    pub reports: i64,
    /// Employees with at least one such report.
    pub employees_with_report: i64,
    /// (duration in days, cases) of the cases whose last sick day lies in the period.
    pub ended: Vec<(i64, i64)>,
    /// (duration so far in days, cases) of the cases sick on the period's last day.
    pub running: Vec<(i64, i64)>,
}

/// Sick reports, ended cases and cases running at the end of `period`, in scope.
pub async fn events(db: &impl ConnectionTrait, scope: &Scope, period: Window) -> Result<Events, DbErr> {
    let mut q = Sql::new(db.get_database_backend());
    let e = employment_cte(&mut q, scope, period.start, period.end);
    let s = spells_cte(&mut q, scope.organisation_id, period.start, period.end, scope.users.as_deref());
    let (ps, pe) = (q.bind_day(period.start), q.bind_day(period.end));
    let (zero, kind1, kind2) = (q.big("0"), q.big("1"), q.big("2"));
    let text = format!(
        "WITH {e}, {s} \
         SELECT {zero} AS kind, {zero} AS days, {n} AS n, {people} AS people \
         FROM s JOIN e ON e.uid = s.uid AND e.es <= s.fs AND e.ee >= s.fs WHERE s.fs >= {ps} AND s.fs <= {pe} \
         UNION ALL \
         SELECT {kind1}, {ended}, {n}, {zero} FROM s JOIN e ON e.uid = s.uid AND e.es <= s.rx - 1 AND e.ee >= s.rx - 1 \
         WHERE s.rx - 1 >= {ps} AND s.rx - 1 <= {pe} GROUP BY 2 \
         UNION ALL \
         SELECT {kind2}, {running}, {n}, {zero} FROM s JOIN e ON e.uid = s.uid AND e.es <= {pe} AND e.ee >= {pe} \
         WHERE s.fs <= {pe} AND (s.rx IS NULL OR s.rx - 1 >= {pe}) GROUP BY 2",
        n = q.big("COUNT(*)"),
        people = q.big("COUNT(DISTINCT e.rid)"),
        ended = q.big("s.rx - s.fs"),
        running = q.big(&format!("{pe} - s.fs + 1")),
    );
    let mut out = Events::default();
    for r in db.query_all_raw(q.statement(text)).await? {
        let (kind, days, n): (i64, i64, i64) =
            (r.try_get("", "kind")?, r.try_get("", "days")?, r.try_get("", "n")?);
        match kind {
            0 => {
                out.reports = n;
                out.employees_with_report = r.try_get("", "people")?;
            }
            1 => out.ended.push((days, n)),
            _ => out.running.push((days, n)),
        }
    }
    Ok(out)
}

/// Reports per employee record in `period` (records in `scope.records`).
pub async fn reports_per_record(
    db: &impl ConnectionTrait,
    scope: &Scope,
    period: Window,
) -> Result<Vec<(Uuid, i64)>, DbErr> {
    let mut q = Sql::new(db.get_database_backend());
    let e = employment_cte(&mut q, scope, period.start, period.end);
    let s = spells_cte(&mut q, scope.organisation_id, period.start, period.end, scope.users.as_deref());
    let (ps, pe) = (q.bind_day(period.start), q.bind_day(period.end));
    let text = format!(
        "WITH {e}, {s} SELECT e.rid AS g, {n} AS n FROM s JOIN e ON e.uid = s.uid AND e.es <= s.fs \
         AND e.ee >= s.fs WHERE s.fs >= {ps} AND s.fs <= {pe} GROUP BY e.rid",
        n = q.big("COUNT(*)"),
    );
    let rows = db.query_all_raw(q.statement(text)).await?;
    rows.iter().map(|r| Ok((r.try_get("", "g")?, r.try_get("", "n")?))).collect()
}

/// Today's incapacity (0–100) of those of `users` sick on `today`.
pub async fn sick_today(
    db: &impl ConnectionTrait,
    org: Uuid,
    users: &[Uuid],
    today: NaiveDate,
) -> Result<Vec<(Uuid, i64)>, DbErr> {
    let mut q = Sql::new(db.get_database_backend());
    let s = spells_cte(&mut q, org, today, today, Some(users));
    let runs = runs_cte(&q);
    let t = q.bind_day(today);
    let text = format!(
        "WITH {s}, {runs} SELECT uid, {inc} AS inc FROM runs \
         WHERE runs.rs <= {t} AND (runs.rx IS NULL OR runs.rx > {t}) GROUP BY uid",
        inc = q.big("MAX(inc)"),
    );
    let rows = db.query_all_raw(q.statement(text)).await?;
    rows.iter().map(|r| Ok((r.try_get("", "uid")?, r.try_get("", "inc")?))).collect()
}

/// An employee record in the per-employee overview.
#[derive(Debug, Clone, FromQueryResult)]
pub struct RecordRow {
    /// Record id.
    pub id: Uuid,
    /// The person.
    pub user_id: Uuid,
    /// Given name.
    pub first_name: String,
    /// Tussenvoegsel.
    pub infix: Option<String>,
    /// Family name.
    pub last_name: String,
    /// The list's order.
    pub sort_name: String,
    /// Personnel number.
    pub personnel_number: String,
    /// Department.
    pub department: Option<String>,
}

/// A page of the employee records in scope employed on a day of `period`, by name,
/// after `after` (sort name, id).
pub async fn records_page(
    db: &impl ConnectionTrait,
    scope: &Scope,
    period: Window,
    after: Option<(String, Uuid)>,
    limit: u64,
) -> Result<Vec<RecordRow>, DbErr> {
    let mut q = Sql::new(db.get_database_backend());
    let (joins, conds) = scope_sql(&mut q, scope);
    let (from, to) = (q.bind(period.start), q.bind(period.end));
    let keyset =
        after.map(|a| format!(" AND {}", keyset(&mut q, a, "r.sort_name", "r.id"))).unwrap_or_default();
    let text = format!(
        "SELECT r.id, r.user_id, r.first_name, r.infix, r.last_name, r.sort_name, r.personnel_number, \
         r.department FROM employee_records r{joins} WHERE {conds}{keyset} AND EXISTS (SELECT 1 FROM \
         employment_periods p WHERE p.record_id = r.id AND p.starts_on <= {to} AND (p.ends_on IS NULL OR \
         p.ends_on >= {from})) ORDER BY r.sort_name, r.id LIMIT {limit}",
        limit = limit + 1,
    );
    RecordRow::find_by_statement(q.statement(text)).all(db).await
}

/// The keyset condition "after (`a`, `b`)" on the columns `col_a`, `col_b`.
fn keyset<A: Into<Value>, B: Into<Value>>(q: &mut Sql, (a, b): (A, B), col_a: &str, col_b: &str) -> String {
    let (a, b) = (q.bind(a), q.bind(b));
    format!("({col_a} > {a} OR ({col_a} = {a} AND {col_b} > {b}))")
}

/// A mutation row.
#[derive(Debug, Clone, FromQueryResult)]
pub struct MutationRow {
    /// Row id (spell, recovery step or case): the keyset's tie-breaker.
    pub id: Uuid,
    /// The day it took effect.
    pub day: NaiveDate,
    /// 0 sick report, 1 partial recovery, 2 recovery, 3 out of employment.
    pub kind: i64,
    /// The case.
    pub case_id: Uuid,
    /// Its number.
    pub case_number: String,
    /// The person.
    pub user_id: Uuid,
    /// Their name.
    pub name: String,
    /// Their personnel number.
    pub personnel_number: Option<String>,
    /// For a partial recovery.
    pub percent: Option<i64>,
}

/// The join from `absence_cases c` to the employee records `r` in scope, and the bound
/// organisation placeholder. The whole organisation also takes in people without an
/// employee record (their cases are the organisation's too); a narrower scope only
/// those whose record is in it.
fn case_records_join(q: &mut Sql, scope: &Scope) -> (String, String) {
    let (joins, conds) = scope_sql(q, scope);
    let org = q.bind(scope.organisation_id);
    let join = if scope.is_whole() {
        format!("LEFT JOIN employee_records r ON r.user_id = c.user_id AND r.organisation_id = {org}")
    } else {
        format!("JOIN (SELECT r.* FROM employee_records r{joins} WHERE {conds}) r ON r.user_id = c.user_id")
    };
    (join, org)
}

/// The cases in scope open on `today`, counted per number of sick days so far on their
/// clock (gaps between spells left out, today included): (sick days, cases).
pub async fn open_cases_by_sick_days(
    db: &impl ConnectionTrait,
    scope: &Scope,
    today: NaiveDate,
) -> Result<Vec<(i64, i64)>, DbErr> {
    let mut q = Sql::new(db.get_database_backend());
    let (record_join, org) = case_records_join(&mut q, scope);
    let (t, day) = (q.bind(today), q.bind_day(today));
    let end =
        q.least(&[&format!("COALESCE({}, {day} + 1)", q.day("sp.recovered_on")), &format!("{day} + 1")]);
    let text = format!(
        "SELECT d, {n} AS n FROM (SELECT c.id AS cid, {d} AS d FROM absence_cases c {record_join} \
         JOIN absence_spells sp ON sp.case_id = c.id WHERE c.organisation_id = {org} AND c.status = 'open' \
         AND c.user_id IS NOT NULL AND sp.first_day <= {t} GROUP BY c.id) x GROUP BY d",
        n = q.big("COUNT(*)"),
        d = q.big(&format!("SUM({end} - {})", q.day("sp.first_day"))),
    );
    let rows = db.query_all_raw(q.statement(text)).await?;
    rows.iter().map(|r| Ok((r.try_get("", "d")?, r.try_get("", "n")?))).collect()
}

/// A page of sick and recovery reports dated in `period`, by date and id, after `after`.
pub async fn mutations_page(
    db: &impl ConnectionTrait,
    scope: &Scope,
    period: Window,
    after: Option<(NaiveDate, Uuid)>,
    limit: u64,
) -> Result<Vec<MutationRow>, DbErr> {
    let mut q = Sql::new(db.get_database_backend());
    let (record_join, org) = case_records_join(&mut q, scope);
    let (from, to) = (q.bind(period.start), q.bind(period.end));
    let base = format!("FROM absence_cases c JOIN users u ON u.id = c.user_id {record_join}");
    let null_int = q.big("NULL");
    let (k0, k1, k2, k3) = (q.big("0"), q.big("1"), q.big("2"), q.big("3"));
    let pct = q.big("rc.percent");
    let cols = "c.id AS case_id, c.case_number AS case_number, c.user_id AS user_id, u.name AS name, \
                r.personnel_number AS personnel_number";
    let keyset = after.map(|a| format!(" WHERE {}", keyset(&mut q, a, "x.day", "x.id"))).unwrap_or_default();
    let text = format!(
        "SELECT * FROM (\
         SELECT sp.id AS id, sp.first_day AS day, {k0} AS kind, {cols}, {null_int} AS percent {base} \
         JOIN absence_spells sp ON sp.case_id = c.id WHERE c.organisation_id = {org} \
         AND sp.first_day >= {from} AND sp.first_day <= {to} \
         UNION ALL \
         SELECT rc.id, rc.from_date, {k1}, {cols}, {pct} {base} \
         JOIN absence_recoveries rc ON rc.case_id = c.id WHERE c.organisation_id = {org} AND rc.percent < 100 \
         AND rc.from_date >= {from} AND rc.from_date <= {to} \
         UNION ALL \
         SELECT sp.id, sp.recovered_on, {k2}, {cols}, {null_int} {base} \
         JOIN absence_spells sp ON sp.case_id = c.id WHERE c.organisation_id = {org} \
         AND sp.recovered_on >= {from} AND sp.recovered_on <= {to} \
         UNION ALL \
         SELECT c.id, c.out_of_employment_on, {k3}, {cols}, {null_int} {base} \
         WHERE c.organisation_id = {org} AND c.out_of_employment_on >= {from} AND c.out_of_employment_on <= {to}\
         ) x{keyset} ORDER BY x.day, x.id LIMIT {limit}",
        limit = limit + 1,
    );
    MutationRow::find_by_statement(q.statement(text)).all(db).await
}

/// The organisation's team with this id, if it has one.
pub async fn team_exists(db: &impl ConnectionTrait, org: Uuid, team: Uuid) -> Result<bool, DbErr> {
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

    use crate::entities::team;
    Ok(team::Entity::find()
        .filter(team::Column::Id.eq(team))
        .filter(team::Column::OrganisationId.eq(org))
        .count(db)
        .await?
        > 0)
}
