//! The statistics queries. Each figure's sums come from one aggregate statement over the
//! whole scope, however many employees and cases it holds; they mirror the per-record
//! parts in `shared::absence::statistics::contributions`:
//!
//! - `e`: the employment periods in scope, as day numbers (`es`..`ee`, both included,
//!   clipped to the range asked for) with their part-time factor `f`.
//! - `s`: the sick spells (each spell is one sick report by the CBS standard, a relapse
//!   too) that may touch the range asked for: first sick day `fs`, first day no longer
//!   sick `rx` (the spell's recovery, or for the last spell of a case closed "ziek uit
//!   dienst" the first day out of employment; NULL while it runs).
//! - `runs`: each spell cut at its partial-recovery steps into runs of constant
//!   incapacity (`LEAD` over the steps of the spell gives each run its end).
//! - `w`: the windows counted (the period, and for the chart each month and the same
//!   month a year earlier), as a `VALUES` table, so one statement serves them all.
//!
//! Employment, and the sick runs cut to employment, are first collapsed into distinct
//! intervals with their summed weights (20,000 employees hired before the period are one
//! interval), and only those are joined to the windows: the work grows with the number
//! of people once, not once per window. Clipping is `LEAST`/`GREATEST` (SQLite:
//! `MIN`/`MAX`) of day numbers (see [`Sql`]).
//!
//! Two rules keep SQLite's planner (which has no statistics on a fresh database) on the
//! indexes: a CTE read more than once, or inside the loop over the windows, is
//! `MATERIALIZED` (else SQLite recomputes it per row); and spells meet employment through
//! `s CROSS JOIN e WHERE e.uid = s.uid`, which makes SQLite walk the spells and look
//! each person up by index (`employee_records.user_id`, then the periods by record)
//! rather than scan the spells once per employment period. PostgreSQL reads `CROSS JOIN`
//! as an ordinary join and plans it freely.

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

/// `e`: employment periods in scope that touch `from`..`to`, clipped to them. Only the
/// record is matched to the organisation: a condition on `p.organisation_id` as well
/// would lead SQLite to read every period of the organisation for each person looked up.
fn employment_cte(q: &mut Sql, scope: &Scope, from: NaiveDate, to: NaiveDate) -> String {
    let (joins, conds) = scope_sql(q, scope);
    let (from_day, to_day) = (q.bind_day(from), q.bind_day(to));
    let (from, to) = (q.bind(from), q.bind(to));
    let factor = q.float(&format!(
        "CASE WHEN p.full_time_minutes <= 0 OR p.contract_minutes <= 0 THEN 0 ELSE {} END",
        q.least(&["1.0", &format!("{} / p.full_time_minutes", q.float("p.contract_minutes"))])
    ));
    format!(
        "e AS (SELECT r.id AS rid, r.user_id AS uid, {es} AS es, {ee} AS ee, {factor} AS f \
         FROM employment_periods p JOIN employee_records r ON r.id = p.record_id{joins} \
         WHERE {conds} AND p.starts_on <= {to} AND (p.ends_on IS NULL OR p.ends_on >= {from}))",
        es = q.greatest(&[&q.day("p.starts_on"), &from_day]),
        ee = q.least(&[&format!("COALESCE({}, {OPEN_END})", q.day("p.ends_on")), &to_day]),
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
        "s AS MATERIALIZED (SELECT sp.id AS sid, c.id AS cid, c.user_id AS uid, sp.first_day AS fd, {rd} AS rd, \
         {fs} AS fs, {rx} AS rx, c.pregnancy_leave AS pl \
         FROM absence_cases c JOIN absence_spells sp ON sp.case_id = c.id \
         WHERE c.organisation_id = {org} AND c.user_id IS NOT NULL{only} AND c.first_sick_day <= {to} \
         AND sp.first_day <= {to} AND ({rd} IS NULL OR {rd} > {from}) AND ({rd} IS NULL OR {rd} > sp.first_day))",
        fs = q.day("sp.first_day"),
        rx = q.day(rd),
    )
}

/// `st`, `fst`, `runs` (after `s`): each spell cut into runs of constant incapacity.
/// A partial-recovery step belongs to the spell it falls in; a run is `rs` up to `rx`
/// (excluded; NULL while running) at `inc` percent, `pl` when it is pregnancy leave.
fn runs_cte(q: &Sql) -> String {
    format!(
        "st AS MATERIALIZED (SELECT s.sid AS sid, {d} AS d, 100 - rc.percent AS inc \
         FROM s JOIN absence_recoveries rc ON rc.case_id = s.cid \
         WHERE rc.from_date >= s.fd AND (s.rd IS NULL OR rc.from_date < s.rd)), \
         fst AS MATERIALIZED (SELECT sid, MIN(d) AS d FROM st GROUP BY sid), \
         runs AS MATERIALIZED (SELECT s.uid AS uid, s.fs AS rs, COALESCE(fst.d, s.rx) AS rx, 100 AS inc, \
         s.pl AS pl FROM s LEFT JOIN fst ON fst.sid = s.sid \
         UNION ALL \
         SELECT s.uid, st.d, COALESCE(LEAD(st.d) OVER (PARTITION BY st.sid ORDER BY st.d), s.rx), st.inc, s.pl \
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
    /// What an interval keeps of its rows before it meets the windows (`e.rid` in
    /// the `SELECT` of the collapsing CTE).
    fn interval_key(self) -> &'static str {
        match self {
            Group::Window => "0",
            Group::Record => "e.rid",
        }
    }

    /// The result's key, from the windows `w` or the collapsed intervals `i`.
    fn column(self) -> &'static str {
        match self {
            Group::Window => "w.k",
            Group::Record => "i.g",
        }
    }
}

/// Employment sums per group: (key, Σ employed days × factor, Σ employed days).
pub async fn employment<K: TryGetable>(
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
    let days = format!("({} - {} + 1)", q.least(&["w.we", "i.ee"]), q.greatest(&["w.ws", "i.es"]));
    let text = format!(
        "WITH {w}, {e}, i AS MATERIALIZED (SELECT {key} AS g, e.es AS es, e.ee AS ee, e.f AS f, \
         COUNT(*) AS m FROM e GROUP BY g, e.es, e.ee, e.f) \
         SELECT {g} AS g, {wd} AS wd, {pd} AS pd FROM i JOIN w ON i.es <= w.we AND i.ee >= w.ws GROUP BY {g}",
        key = group.interval_key(),
        g = group.column(),
        wd = q.float(&format!("COALESCE(SUM({days} * i.f * i.m), 0)")),
        pd = q.big(&format!("COALESCE(SUM({days} * i.m), 0)")),
    );
    let rows = db.query_all_raw(q.statement(text)).await?;
    rows.iter().map(|r| Ok((r.try_get::<K>("", "g")?, r.try_get("", "wd")?, r.try_get("", "pd")?))).collect()
}

/// The employees (records) in scope employed on a day of `period`.
pub async fn employees(db: &impl ConnectionTrait, scope: &Scope, period: Window) -> Result<i64, DbErr> {
    let mut q = Sql::new(db.get_database_backend());
    let e = employment_cte(&mut q, scope, period.start, period.end);
    let text = format!("WITH {e} SELECT {n} AS n FROM e", n = q.big("COUNT(DISTINCT e.rid)"));
    let row = db.query_one_raw(q.statement(text)).await?;
    row.map_or(Ok(0), |r| r.try_get("", "n"))
}

/// The sick-day sums of one group.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SickSums<K> {
    /// The window's or record's key.
    pub key: K,
    /// Σ sick days × part-time factor × incapacity ÷ 100.
    pub weighted: f64,
    /// The part of `weighted` from cases that are pregnancy or maternity leave.
    pub weighted_pregnancy_leave: f64,
    /// Σ sick days.
    pub days: i64,
}

/// Sick-day sums per group, counting only days in the window on which the person is
/// employed in scope.
pub async fn sick_days<K: TryGetable>(
    db: &impl ConnectionTrait,
    scope: &Scope,
    windows: &[Window],
    group: Group,
) -> Result<Vec<SickSums<K>>, DbErr> {
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
    let days = format!("({} - {} + 1)", q.least(&["w.we", "i.xe"]), q.greatest(&["w.ws", "i.xs"]));
    // `x`: each run cut to each employment period of its person (the employment is
    // already clipped to the windows' range), weighted by incapacity × factor (`wp`:
    // the same when it is pregnancy leave, else 0).
    let text = format!(
        "WITH {w}, {e}, {s}, {runs}, \
         x AS MATERIALIZED (SELECT {key} AS g, {xs} AS xs, {xe} AS xe, runs.inc * e.f AS wt, \
         CASE WHEN runs.pl THEN runs.inc * e.f ELSE 0 END AS wp \
         FROM runs CROSS JOIN e WHERE e.uid = runs.uid AND runs.rs <= e.ee AND {last} >= e.es \
         AND (runs.rx IS NULL OR runs.rx > runs.rs)), \
         i AS MATERIALIZED (SELECT g, xs, xe, SUM(wt) AS wt, SUM(wp) AS wp, COUNT(*) AS m FROM x GROUP BY g, xs, xe) \
         SELECT {g} AS g, {ws} AS ws, {wps} AS wps, {sd} AS sd FROM i JOIN w ON i.xs <= w.we AND i.xe >= w.ws \
         GROUP BY {g}",
        key = group.interval_key(),
        xs = q.greatest(&["e.es", "runs.rs"]),
        xe = q.least(&["e.ee", &last]),
        g = group.column(),
        ws = q.float(&format!("COALESCE(SUM({days} * i.wt), 0) / 100")),
        wps = q.float(&format!("COALESCE(SUM({days} * i.wp), 0) / 100")),
        sd = q.big(&format!("COALESCE(SUM({days} * i.m), 0)")),
    );
    let rows = db.query_all_raw(q.statement(text)).await?;
    rows.iter()
        .map(|r| {
            Ok(SickSums {
                key: r.try_get::<K>("", "g")?,
                weighted: r.try_get("", "ws")?,
                weighted_pregnancy_leave: r.try_get("", "wps")?,
                days: r.try_get("", "sd")?,
            })
        })
        .collect()
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
    let employed_on = |day: &str| format!("MAX(CASE WHEN e.es <= {day} AND e.ee >= {day} THEN 1 ELSE 0 END)");
    // `j`: each spell once (a person has one record per organisation, so `uid` counts
    // employees), with whether its person was employed in scope on its first
    // sick day (`a`), its last sick day (`b`) and the period's last day (`c`).
    // Pregnancy leave is no sick report.
    let text = format!(
        "WITH {e}, {s}, j AS MATERIALIZED (SELECT s.sid AS sid, s.uid AS uid, s.fs AS fs, s.rx AS rx, \
         {a} AS a, {b} AS b, {c} AS c FROM s CROSS JOIN e WHERE e.uid = s.uid AND NOT s.pl GROUP BY s.sid, s.uid, s.fs, s.rx) \
         SELECT {zero} AS kind, {zero} AS days, {n} AS n, {people} AS people \
         FROM j WHERE a = 1 AND fs >= {ps} AND fs <= {pe} \
         UNION ALL \
         SELECT {kind1}, {ended}, {n}, {zero} FROM j WHERE b = 1 AND rx - 1 >= {ps} AND rx - 1 <= {pe} GROUP BY 2 \
         UNION ALL \
         SELECT {kind2}, {running}, {n}, {zero} FROM j \
         WHERE c = 1 AND fs <= {pe} AND (rx IS NULL OR rx - 1 >= {pe}) GROUP BY 2",
        a = employed_on("s.fs"),
        b = employed_on("s.rx - 1"),
        c = employed_on(&pe),
        n = q.big("COUNT(*)"),
        people = q.big("COUNT(DISTINCT uid)"),
        ended = q.big("rx - fs"),
        running = q.big(&format!("{pe} - fs + 1")),
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

/// Sick reports per employee record in `period` (records in `scope.records`); pregnancy
/// leave is none.
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
         AND e.ee >= s.fs WHERE s.fs >= {ps} AND s.fs <= {pe} AND NOT s.pl GROUP BY e.rid",
        n = q.big("COUNT(*)"),
    );
    let rows = db.query_all_raw(q.statement(text)).await?;
    rows.iter().map(|r| Ok((r.try_get("", "g")?, r.try_get("", "n")?))).collect()
}

/// Today's incapacity (0–100) of those of `users` sick on `today` (on pregnancy leave
/// is not sick).
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
         WHERE runs.rs <= {t} AND (runs.rx IS NULL OR runs.rx > {t}) AND NOT runs.pl GROUP BY uid",
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
/// clock (gaps between spells left out, today included): (sick days, cases). Pregnancy
/// or maternity leave is left out: it has no poortwachter stage.
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
         AND NOT c.pregnancy_leave AND c.user_id IS NOT NULL AND sp.first_day <= {t} GROUP BY c.id) x GROUP BY d",
        n = q.big("COUNT(*)"),
        d = q.big(&format!("SUM({end} - {})", q.day("sp.first_day"))),
    );
    let rows = db.query_all_raw(q.statement(text)).await?;
    rows.iter().map(|r| Ok((r.try_get("", "d")?, r.try_get("", "n")?))).collect()
}

/// A page of sick and recovery reports dated in `period`, by date and id, after `after`
/// (pregnancy leave is neither).
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
    let base = format!(
        "FROM absence_cases c JOIN users u ON u.id = c.user_id AND NOT c.pregnancy_leave {record_join}"
    );
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
