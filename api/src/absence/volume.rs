//! Volume data for the absence benchmark (`poort seed --absence-volume N`): one
//! employer, "Volume Bouw B.V.", with N employees and three years of absence cases —
//! mostly short ones (about one a year per employee), some that take months with
//! partial recoveries, relapses within 28 days, the odd "ziek uit dienst", and about
//! 5–10 % of the employees sick now — with every poortwachter activity materialised,
//! so the dossier lists, the case list and a long case file are measured at the size
//! issue 7 names (20,000 employees with three years of cases ≈ 70,000 cases and
//! 1.9 million activities). Each employee also has an employee record (one of ten
//! departments) with an employment period, which the absence statistics count.
//!
//! Nothing goes through the API. Each case's history is played forward in memory the
//! way the app would have stored it: at every report the engine's `plan` and
//! `state_of` on that day (the rules of `store::replan`: due dates move, what is no
//! longer due closes, done stays done), done marks by whoever does each step, the
//! due-date notices the job would have sent (`notified_due`), and the anonymisation
//! of cases that ended longer ago than the retention period. The rows then go in with
//! multi-row inserts, one transaction per chunk of employees. Random but
//! reproducible: the same N on the same day gives the same data.

use std::{collections::HashMap, fmt};

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Amsterdam;
use sea_orm::{ActiveModelTrait, DatabaseTransaction, EntityTrait, Set, TransactionTrait};
use shared::{
    absence::{
        CaseStatus, ExpectedDuration,
        poortwachter::{self, ActivityKind, ActivityState, CaseHistory, SickSpell},
    },
    auth::{Right, Role},
};
use uuid::Uuid;

use super::{reports, store};
use crate::{
    auth::password,
    db::Db,
    employees::validate::sort_name,
    entities::{
        absence_activity, absence_case, absence_event, absence_recovery, absence_spell, employee_record,
        employment_period, organisation,
    },
    hours::volume::person,
    seed,
    seed::DEMO_PASSWORD,
};

/// The employer.
pub const ORGANISATION: &str = "Volume Bouw B.V.";
/// The arbodienst serving it (the case manager's and physician's home organisation).
pub const ARBODIENST: &str = "Volume Arbo";
/// Someone at the employer with the right to report absence.
pub const EMPLOYER_EMAIL: &str = "werkgever@volumebouw.example";
/// The arbodienst's case manager, serving the employer.
pub const CASE_MANAGER_EMAIL: &str = "casemanager@volumebouw.example";
/// The occupational physician, serving the employer.
pub const PHYSICIAN_EMAIL: &str = "bedrijfsarts@volumebouw.example";

/// How far back the cases go.
const HISTORY_DAYS: i64 = 3 * 365 + 1;
/// Employees per transaction.
const CHUNK: usize = 500;
/// Rows per multi-row insert: the widest table (cases, 26 columns) stays under
/// SQLite's 32,766 bound parameters, the rest far under PostgreSQL's 65,535.
const ROWS_PER_INSERT: usize = 1000;

const FIRST_NAMES: [&str; 40] = [
    "Sanne", "Daan", "Emma", "Lucas", "Julia", "Sem", "Lotte", "Milan", "Sophie", "Thijs", "Anouk", "Ruben",
    "Fleur", "Jesse", "Lisa", "Bram", "Eva", "Niels", "Iris", "Stijn", "Noa", "Tim", "Maud", "Joris",
    "Femke", "Wouter", "Roos", "Koen", "Esther", "Mohamed", "Fatma", "Yusuf", "Priya", "Kevin", "Ilse",
    "Hendrik", "Naima", "Gert", "Marloes", "Arjen",
];
const LAST_NAMES: [&str; 50] = [
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "van Dijk",
    "Bakker",
    "Janssen",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "van der Linden",
    "Kok",
    "Jacobs",
    "de Haan",
    "Vermeulen",
    "van den Heuvel",
    "van der Veen",
    "van den Broek",
    "de Bruijn",
    "de Bruin",
    "van der Heijden",
    "Schouten",
    "van Beek",
    "Willems",
    "van Vliet",
    "van de Ven",
    "Hoekstra",
    "Maas",
    "Verhoeven",
    "Koster",
    "van Dam",
    "van der Wal",
    "Prins",
    "Blom",
    "Huisman",
];

/// The name of employee `n` (0-based): 2,000 combinations, so a full name is shared
/// by about ten employees of 20,000 and a surname by one in fifty.
pub fn employee_name(n: usize) -> String {
    format!(
        "{} {}",
        FIRST_NAMES[n % FIRST_NAMES.len()],
        LAST_NAMES[(n / FIRST_NAMES.len()) % LAST_NAMES.len()]
    )
}

/// The login of employee `n` (0-based).
pub fn employee_email(n: usize) -> String {
    format!("medewerker{}@volumebouw.example", n + 1)
}

/// What was loaded.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Employees.
    pub employees: usize,
    /// Cases, anonymised ones included.
    pub cases: usize,
    /// Cases open now.
    pub open_cases: usize,
    /// Cases that continued after a relapse.
    pub relapsed_cases: usize,
    /// Cases anonymised by retention.
    pub anonymised_cases: usize,
    /// Activity rows.
    pub activities: usize,
    /// Of which still open (to do or overdue).
    pub open_activities: usize,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} employees, {} cases ({} open now, {} with a relapse, {} anonymised), {} activities ({} to do)",
            self.employees,
            self.cases,
            self.open_cases,
            self.relapsed_cases,
            self.anonymised_cases,
            self.activities,
            self.open_activities
        )
    }
}

fn err(e: impl fmt::Display) -> String {
    e.to_string()
}

fn days(n: i64) -> Duration {
    Duration::days(n)
}

/// splitmix64: small, fast and reproducible; no statistics quality needed here.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in 0..1.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        let span = u64::try_from(hi - lo + 1).unwrap_or(1).max(1);
        lo + i64::try_from(self.next() % span).unwrap_or(0)
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Exponentially distributed whole days with this mean.
    fn exp_days(&mut self, mean: f64) -> i64 {
        (-mean * (1.0 - self.unit()).ln()) as i64
    }
}

/// Who does something in a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Employee,
    Employer,
    CaseManager,
    Physician,
}

/// What happens to a case, in date order; each reported on its day.
#[derive(Debug, Clone)]
enum Step {
    /// The sick report that opens the case (reported on `reported_on`, the first
    /// sick day or the day after).
    Report { first_day: NaiveDate, reported_on: NaiveDate, by: Who, hours: Option<i32> },
    /// Partial recovery: `percent` back at work from `on`.
    Partial { on: NaiveDate, percent: u32 },
    /// Full recovery from `on`.
    Recovered { on: NaiveDate, by: Who },
    /// Sick again within 28 days: the case and its clock continue.
    Relapse { first_day: NaiveDate, by: Who },
    /// Employment ended during the case (ziek uit dienst).
    OutOfEmployment { on: NaiveDate },
}

impl Step {
    fn day(&self) -> NaiveDate {
        match self {
            Self::Report { reported_on, .. } => *reported_on,
            Self::Partial { on, .. } | Self::Recovered { on, .. } | Self::OutOfEmployment { on } => *on,
            Self::Relapse { first_day, .. } => *first_day,
        }
    }
}

/// One case of one employee, before it is played forward.
#[derive(Debug, Clone)]
struct CasePlan {
    steps: Vec<Step>,
    /// Months rather than days or weeks.
    long: bool,
    seed: u64,
}

impl CasePlan {
    fn reported_on(&self) -> NaiveDate {
        self.steps.first().map_or(NaiveDate::MIN, Step::day)
    }
}

/// Length in days of a short case: mostly a few days, some up to two weeks.
fn short_length(rng: &mut Rng) -> i64 {
    const LENGTHS: [i64; 16] = [1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5, 5, 7, 8, 10, 14];
    LENGTHS[usize::try_from(rng.range(0, 15)).unwrap_or(0)]
}

/// Employee `n`'s cases of the last three years (up to `today`).
fn cases_of(n: usize, today: NaiveDate) -> Vec<CasePlan> {
    let mut rng = Rng::new(n as u64);
    let mut out = Vec::new();
    let mut day = today - days(HISTORY_DAYS) + days(rng.range(0, 364));
    while day <= today {
        let mut steps = Vec::new();
        let by = if rng.chance(0.7) { Who::Employer } else { Who::Employee };
        let reported_on = (day + days(i64::from(rng.chance(0.2)))).min(today);
        let hours = rng.chance(0.5).then(|| 30 * rng.range(0, 16) as i32);
        steps.push(Step::Report { first_day: day, reported_on, by, hours });
        // 82 % short, 12 % weeks, 6 % months (never past week 86, so no open case
        // outlives its end-of-wage-continuation milestone).
        let class = rng.range(0, 99);
        let (long, len, relapse) = match class {
            0..=81 => (false, short_length(&mut rng), 0.08),
            82..=93 => (false, rng.range(15, 56), 0.15),
            _ => (true, rng.range(57, 600), 0.25),
        };
        let mut end = day + days(len);
        if (82..=93).contains(&class) && rng.chance(0.4) {
            steps.push(Step::Partial { on: day + days(len * 6 / 10), percent: 50 });
        }
        if long {
            // Back in steps of 25 % every six to ten weeks, now and then a step back.
            let mut on = day + days(len * 3 / 10);
            let mut percent = 0u32;
            while on < end - days(7) {
                let next =
                    if percent > 25 && rng.chance(0.1) { percent - 25 } else { (percent + 25).min(75) };
                if next != percent {
                    steps.push(Step::Partial { on, percent: next });
                    percent = next;
                }
                on += days(rng.range(42, 70));
            }
        }
        let left = long && rng.chance(0.05);
        if left {
            steps.push(Step::OutOfEmployment { on: end });
        } else {
            let by = if rng.chance(0.5) { Who::Employee } else { Who::Employer };
            steps.push(Step::Recovered { on: end, by });
            let mut relapses = 0;
            while relapses < 2 && rng.chance(relapse) {
                let first_day = end + days(rng.range(2, poortwachter::RELAPSE_DAYS - 1));
                end = first_day + days(if long { rng.range(3, 60) } else { rng.range(1, 10) });
                steps.push(Step::Relapse { first_day, by });
                steps.push(Step::Recovered { on: end, by });
                relapses += 1;
            }
        }
        // What has not happened yet is not there: a case recovering after today is open.
        steps.retain(|s| s.day() <= today);
        out.push(CasePlan { steps, long, seed: ((n as u64) << 16) ^ out.len() as u64 });
        if left {
            break;
        }
        day = end + days(poortwachter::RELAPSE_DAYS + rng.exp_days(340.0));
    }
    out
}

/// An instant on `day` in the Netherlands, `minutes` after midnight.
fn at(day: NaiveDate, minutes: i64) -> DateTime<Utc> {
    let local = day.and_time(NaiveTime::MIN) + Duration::minutes(minutes);
    Amsterdam
        .from_local_datetime(&local)
        .earliest()
        .map_or_else(|| Utc.from_utc_datetime(&local), |t| t.with_timezone(&Utc))
}

/// The people who act in the cases: (user id, name).
struct Actors {
    employer: (Uuid, String),
    case_manager: (Uuid, String),
    physician: (Uuid, String),
}

impl Actors {
    fn get<'a>(&'a self, who: Who, employee: &'a (Uuid, String)) -> &'a (Uuid, String) {
        match who {
            Who::Employee => employee,
            Who::Employer => &self.employer,
            Who::CaseManager => &self.case_manager,
            Who::Physician => &self.physician,
        }
    }
}

/// One materialised activity while the case is played forward.
struct Row {
    id: Uuid,
    key: String,
    kind: ActivityKind,
    owner: &'static str,
    window_from: Option<NaiveDate>,
    due_on: NaiveDate,
    state: &'static str,
    done_on: Option<NaiveDate>,
    done_by: Option<Who>,
    notified_due: bool,
    created_at: DateTime<Utc>,
    /// Who marks it done, and how many days from its due date (negative: early);
    /// `None`: nobody does (about one in ten steps becomes overdue).
    doer: Option<(Who, i64)>,
}

/// Who marks a step done, and when relative to its due date.
fn doer(kind: ActivityKind, rng: &mut Rng) -> Option<(Who, i64)> {
    use ActivityKind as K;
    let (who, p, early, late) = match kind {
        // The report itself is done at the report; the milestone by nobody.
        K::SickReport | K::EndOfWageContinuation => return None,
        // Within a week: usually on day 2 to 6.
        K::ReportToArbodienst => (Who::Employer, 0.9, 5, -1),
        K::ProblemAnalysis | K::CurrentAssessment => (Who::Physician, 0.9, 10, 5),
        K::PlanOfAction | K::Evaluation | K::FirstYearEvaluation => (Who::CaseManager, 0.88, 14, 5),
        K::UwvReport42 | K::FinalEvaluation | K::RivCopies => (Who::Employer, 0.92, 10, 3),
        K::UwvLetter88 | K::WiaApplication => (Who::CaseManager, 0.85, 7, 7),
    };
    rng.chance(p).then(|| (who, rng.range(-early, late)))
}

/// `store::replan`'s mapping of the engine's states to stored ones.
fn stored_state(state: ActivityState) -> &'static str {
    match state {
        ActivityState::Done | ActivityState::Closed => store::CLOSED,
        ActivityState::Open | ActivityState::Overdue => store::OPEN,
    }
}

/// A case played forward, ready to insert.
struct Case {
    row: absence_case::ActiveModel,
    spells: Vec<absence_spell::ActiveModel>,
    recoveries: Vec<absence_recovery::ActiveModel>,
    events: Vec<absence_event::ActiveModel>,
    activities: Vec<absence_activity::ActiveModel>,
    open: bool,
    relapsed: bool,
    anonymised: bool,
    open_activities: usize,
}

/// A sick spell while the case is played forward.
struct Spell {
    first_day: NaiveDate,
    recovered_on: Option<NaiveDate>,
    hours: Option<i32>,
    reported_at: DateTime<Utc>,
}

/// The state of a case while its history is played forward.
struct Play {
    id: Uuid,
    rng: Rng,
    spells: Vec<Spell>,
    out_of_employment_on: Option<NaiveDate>,
    rows: Vec<Row>,
    recoveries: Vec<(NaiveDate, u32, Who, DateTime<Utc>)>,
    events: Vec<(DateTime<Utc>, Who, &'static str, Option<String>)>,
    open: bool,
    incapacity: i32,
}

impl Play {
    fn history(&self) -> CaseHistory {
        CaseHistory {
            spells: self
                .spells
                .iter()
                .map(|s| SickSpell { first_day: s.first_day, recovered_on: s.recovered_on })
                .collect(),
            out_of_employment_on: self.out_of_employment_on,
        }
    }

    /// `store::replan` on `today`.
    fn replan(&mut self, today: NaiveDate, now: DateTime<Utc>) {
        let history = self.history();
        for planned in poortwachter::plan(&history) {
            let state = stored_state(poortwachter::state_of(&history, &planned, false, today));
            match self.rows.iter_mut().find(|r| r.key == planned.key) {
                Some(row) if row.state == store::DONE => {}
                Some(row) => {
                    if row.due_on != planned.due_on {
                        row.notified_due = false;
                    }
                    row.due_on = planned.due_on;
                    row.window_from = planned.window_from;
                    row.owner = planned.owner.as_str();
                    row.state = state;
                }
                None => {
                    let doer = doer(planned.kind, &mut self.rng);
                    self.rows.push(Row {
                        id: Uuid::now_v7(),
                        key: planned.key,
                        kind: planned.kind,
                        owner: planned.owner.as_str(),
                        window_from: planned.window_from,
                        due_on: planned.due_on,
                        state,
                        done_on: None,
                        done_by: None,
                        notified_due: planned.due_on < today,
                        created_at: now,
                        doer,
                    });
                }
            }
        }
    }

    /// What happens between two reports, from `from` up to `to` (both days included):
    /// the steps done while the case is open, and the due-date job's notices (it looks
    /// at open activities whatever the case's state).
    fn between(&mut self, from: NaiveDate, to: NaiveDate) {
        let first_day = self.spells.first().map_or(from, |s| s.first_day);
        let open = self.open;
        let mut done_events = Vec::new();
        for row in self.rows.iter_mut().filter(|r| r.state == store::OPEN) {
            let done = match row.doer {
                Some((who, offset)) if open => {
                    let on = (row.due_on + days(offset)).max(from).max(first_day);
                    (on <= to).then_some((who, on))
                }
                _ => None,
            };
            // The job notices it a week ahead (or at once when it is due sooner), if
            // it is still open then.
            let noticed = (row.due_on - days(7)).max(from);
            if noticed <= to && done.is_none_or(|(_, on)| on > noticed) {
                row.notified_due = true;
            }
            if let Some((who, on)) = done {
                row.state = store::DONE;
                row.done_on = Some(on);
                row.done_by = Some(who);
                done_events.push((on, who, row.kind));
            }
        }
        for (on, who, kind) in done_events {
            self.events.push((at(on, 10 * 60 + 30), who, "activity_done", Some(kind.as_str().to_string())));
        }
    }

    fn step(&mut self, step: &Step, now: DateTime<Utc>) {
        let when = at(step.day(), 9 * 60).min(now);
        match *step {
            Step::Report { first_day, reported_on, by, hours } => {
                self.spells.push(Spell { first_day, recovered_on: None, hours, reported_at: when });
                self.events.push((when, by, "reported_sick", Some(first_day.to_string())));
                self.replan(reported_on, when);
                // The report itself is the first step, done by whoever made it.
                if let Some(row) = self.rows.iter_mut().find(|r| r.kind == ActivityKind::SickReport) {
                    row.state = store::DONE;
                    row.done_on = Some(reported_on);
                    row.done_by = Some(by);
                }
            }
            Step::Partial { on, percent } => {
                self.recoveries.push((on, percent, Who::Employer, when));
                self.incapacity = 100 - percent as i32;
                self.events.push((when, Who::Employer, "partly_recovered", Some(format!("{percent}% {on}"))));
                self.replan(on, when);
            }
            Step::Recovered { on, by } => {
                self.recoveries.push((on, 100, by, when));
                if let Some(spell) = self.spells.last_mut() {
                    spell.recovered_on = Some(on);
                }
                self.open = false;
                self.incapacity = 0;
                self.events.push((when, by, "recovered", Some(on.to_string())));
                self.replan(on, when);
            }
            Step::Relapse { first_day, by } => {
                self.spells.push(Spell { first_day, recovered_on: None, hours: None, reported_at: when });
                self.open = true;
                self.incapacity = 100;
                self.events.push((when, by, "relapse", Some(first_day.to_string())));
                self.replan(first_day, when);
            }
            Step::OutOfEmployment { on } => {
                self.out_of_employment_on = Some(on);
                self.open = false;
                self.events.push((when, Who::Employer, "out_of_employment", Some(on.to_string())));
                self.replan(on, when);
            }
        }
    }
}

/// A case row without any of the employer's facts.
fn no_facts() -> absence_case::ActiveModel {
    absence_case::ActiveModel {
        contact_phone: Set(None),
        contact_address: Set(None),
        expected_duration: Set(None),
        ongoing_work: Set(None),
        safety_net: Set(None),
        work_accident: Set(None),
        third_party_liable: Set(None),
        labour_conflict: Set(None),
        ..Default::default()
    }
}

/// What a reporter records: a phone number often; the employer the rest of the
/// facts the law allows, usually.
fn facts(rng: &mut Rng, by: Who, long: bool) -> absence_case::ActiveModel {
    let mut m = no_facts();
    m.contact_phone = Set(rng.chance(0.6).then(|| format!("06 {:08}", rng.range(0, 99_999_999))));
    if by == Who::Employer && rng.chance(0.7) {
        let expected = if long {
            ExpectedDuration::MoreThanThreeMonths
        } else if rng.chance(0.7) {
            ExpectedDuration::UpToOneWeek
        } else {
            ExpectedDuration::Unknown
        };
        m.expected_duration = Set(Some(expected.as_str().into()));
        m.safety_net = Set(Some(false));
        m.work_accident = Set(Some(rng.chance(0.03)));
        m.third_party_liable = Set(Some(false));
        m.labour_conflict = Set(Some(rng.chance(0.01)));
    }
    m
}

/// Plays `plan` forward up to `today`; anonymises it when it ended more than
/// `retention_days` ago.
#[allow(clippy::too_many_arguments)]
fn play(
    plan: &CasePlan,
    number: String,
    organisation_id: Uuid,
    employee: &(Uuid, String),
    actors: &Actors,
    today: NaiveDate,
    now: DateTime<Utc>,
    retention_days: i64,
) -> Option<Case> {
    let Some(Step::Report { reported_on, by, hours, .. }) = plan.steps.first().cloned() else {
        return None;
    };
    let mut p = Play {
        id: Uuid::now_v7(),
        rng: Rng::new(plan.seed),
        spells: Vec::new(),
        out_of_employment_on: None,
        rows: Vec::new(),
        recoveries: Vec::new(),
        events: Vec::new(),
        open: true,
        incapacity: 100,
    };
    let mut last = reported_on;
    for (i, step) in plan.steps.iter().enumerate() {
        if i > 0 {
            p.between(last, step.day());
        }
        p.step(step, now);
        last = step.day();
    }
    p.between(last, today);

    let relapsed = p.spells.len() > 1;
    let ended_on = if p.open {
        None
    } else {
        p.out_of_employment_on.or_else(|| p.spells.last().and_then(|s| s.recovered_on))
    };
    let anonymised_at = ended_on
        .filter(|e| *e < today - days(retention_days))
        .map(|e| at(e + days(retention_days + 1), 5).min(now));
    let reporter = actors.get(by, employee).0;
    let created = at(reported_on, 9 * 60).min(now);
    let updated = at(last, 9 * 60).min(now);
    // Retention deletes every fact.
    let mut row = if anonymised_at.is_some() { no_facts() } else { facts(&mut p.rng, by, plan.long) };
    row.id = Set(p.id);
    row.organisation_id = Set(organisation_id);
    row.user_id = Set(anonymised_at.is_none().then_some(employee.0));
    row.case_number = Set(number);
    row.status = Set(if p.open { CaseStatus::Open } else { CaseStatus::Closed }.as_str().into());
    row.first_sick_day = Set(p.spells.first().map_or(reported_on, |s| s.first_day));
    row.hours_worked_minutes = Set(hours);
    row.incapacity_percent = Set(p.incapacity);
    row.recovered_on = Set(if p.open { None } else { p.spells.last().and_then(|s| s.recovered_on) });
    row.out_of_employment_on = Set(p.out_of_employment_on);
    row.reported_by = Set(reporter);
    row.reported_at = Set(created);
    // Every report after the first changed the case once.
    row.version = Set(i32::try_from(plan.steps.len().saturating_sub(1)).unwrap_or(0));
    row.created_at = Set(created);
    row.updated_at = Set(anonymised_at.unwrap_or(updated));
    row.ended_on = Set(ended_on);
    row.anonymised_at = Set(anonymised_at);

    let case_id = p.id;
    let spells = p
        .spells
        .iter()
        .map(|s| absence_spell::ActiveModel {
            id: Set(Uuid::now_v7()),
            case_id: Set(case_id),
            first_day: Set(s.first_day),
            recovered_on: Set(s.recovered_on),
            hours_worked_minutes: Set(s.hours),
            created_at: Set(s.reported_at),
        })
        .collect();
    // Retention keeps only the dates: no recoveries, no timeline, nobody's name.
    let keep = anonymised_at.is_none();
    let recoveries = if keep {
        p.recoveries
            .iter()
            .map(|&(from, percent, who, reported_at)| absence_recovery::ActiveModel {
                id: Set(Uuid::now_v7()),
                case_id: Set(case_id),
                from_date: Set(from),
                percent: Set(percent as i32),
                reported_by: Set(actors.get(who, employee).0),
                reported_at: Set(reported_at),
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut events: Vec<_> = if keep { std::mem::take(&mut p.events) } else { Vec::new() };
    events.sort_by_key(|e| e.0);
    let events = events
        .into_iter()
        .map(|(at, who, action, detail)| {
            let (id, name) = actors.get(who, employee);
            absence_event::ActiveModel {
                id: Set(Uuid::now_v7()),
                case_id: Set(case_id),
                at: Set(at),
                actor_user_id: Set(Some(*id)),
                actor_name: Set(name.clone()),
                action: Set(action.into()),
                detail: Set(detail),
            }
        })
        .collect();
    let open_activities = p.rows.iter().filter(|r| r.state == store::OPEN).count();
    let activities = p
        .rows
        .into_iter()
        .map(|r| {
            let by = r.done_by.filter(|_| keep).map(|w| actors.get(w, employee));
            absence_activity::ActiveModel {
                id: Set(r.id),
                case_id: Set(case_id),
                organisation_id: Set(organisation_id),
                key: Set(r.key),
                kind: Set(r.kind.as_str().into()),
                owner: Set(r.owner.into()),
                title: Set(None),
                window_from: Set(r.window_from),
                due_on: Set(r.due_on),
                state: Set(r.state.into()),
                done_on: Set(r.done_on),
                done_by: Set(by.map(|b| b.0)),
                done_by_name: Set(by.map(|b| b.1.clone())),
                custom: Set(false),
                notified_due: Set(r.notified_due),
                created_by: Set(None),
                created_at: Set(r.created_at),
            }
        })
        .collect();
    Some(Case {
        row,
        spells,
        recoveries,
        events,
        activities,
        open: p.open,
        relapsed,
        anonymised: !keep,
        open_activities,
    })
}

async fn organisation(txn: &DatabaseTransaction, name: &str, now: DateTime<Utc>) -> Result<Uuid, String> {
    let id = Uuid::now_v7();
    organisation::ActiveModel {
        id: Set(id),
        name: Set(name.into()),
        lockout_failures: Set(None),
        lockout_minutes: Set(None),
        password_profile: Set("standard".into()),
        password_min_length: Set(12),
        require_second_factor: Set(false),
        activation_proof: Set("birth_date".into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await
    .map_err(err)?;
    Ok(id)
}

/// Someone of the arbodienst (home organisation `arbo`) who also serves `org`.
#[allow(clippy::too_many_arguments)]
async fn arbodienst_person(
    txn: &DatabaseTransaction,
    arbo: Uuid,
    org: Uuid,
    email: &str,
    name: &str,
    role: Role,
    phc: &str,
    now: DateTime<Utc>,
) -> Result<(Uuid, String), String> {
    let (uid, _) = member(txn, arbo, email, name, role, &[], phc, now).await?;
    let serves = seed::Membership {
        role,
        rights: &[],
        main_contact: false,
        contract_minutes: None,
        cost_centre: None,
    };
    seed::insert_membership(txn, uid, org, &serves, now).await.map_err(err)?;
    Ok((uid, name.into()))
}

async fn insert_all<A>(txn: &DatabaseTransaction, rows: Vec<A>) -> Result<(), String>
where
    A: ActiveModelTrait + Clone + Send,
{
    for part in rows.chunks(ROWS_PER_INSERT) {
        <A::Entity as EntityTrait>::insert_many(part.to_vec()).exec(txn).await.map_err(err)?;
    }
    Ok(())
}

/// Loads the volume organisation with `employees` employees and their cases up to
/// `now`; cases that ended more than `retention_days` ago are stored anonymised, as
/// the retention job would have left them. Not idempotent: run it on a fresh database.
pub async fn load(
    db: &Db,
    employees: usize,
    now: DateTime<Utc>,
    retention_days: i64,
) -> Result<Summary, String> {
    let today = reports::today(now);
    let phc = password::hash(DEMO_PASSWORD.to_string()).await.map_err(err)?;

    // Every employee's cases first, so case numbers follow the report dates per year.
    let plans: Vec<Vec<CasePlan>> = (0..employees).map(|n| cases_of(n, today)).collect();
    let mut order: Vec<(NaiveDate, usize, usize)> = plans
        .iter()
        .enumerate()
        .flat_map(|(n, cases)| cases.iter().enumerate().map(move |(i, c)| (c.reported_on(), n, i)))
        .collect();
    order.sort_unstable();
    let mut numbers: HashMap<(usize, usize), String> = HashMap::with_capacity(order.len());
    let mut per_year: HashMap<i32, u32> = HashMap::new();
    for (day, n, i) in order {
        let k = per_year.entry(day.year()).or_default();
        *k += 1;
        numbers.insert((n, i), format!("{}-{:04}", day.year(), k));
    }

    let txn = db.write.begin().await.map_err(err)?;
    let org = organisation(&txn, ORGANISATION, now).await?;
    let arbo = organisation(&txn, ARBODIENST, now).await?;
    let employer_name = "Marieke van Dam";
    let (employer_id, _) =
        member(&txn, org, EMPLOYER_EMAIL, employer_name, Role::Employer, &[Right::ReportAbsence], &phc, now)
            .await?;
    let employer = (employer_id, employer_name.to_string());
    let case_manager =
        arbodienst_person(&txn, arbo, org, CASE_MANAGER_EMAIL, "Ruben de Wit", Role::CaseManager, &phc, now)
            .await?;
    let physician = arbodienst_person(
        &txn,
        arbo,
        org,
        PHYSICIAN_EMAIL,
        "Hanneke Bos",
        Role::OccupationalPhysician,
        &phc,
        now,
    )
    .await?;
    txn.commit().await.map_err(err)?;
    let actors = Actors { employer, case_manager, physician };

    let mut summary = Summary { employees, ..Default::default() };
    for chunk_start in (0..employees).step_by(CHUNK) {
        let chunk_end = (chunk_start + CHUNK).min(employees);
        let txn = db.write.begin().await.map_err(err)?;
        let (mut cases, mut spells, mut recoveries, mut events, mut activities) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let (mut records, mut periods) = (Vec::new(), Vec::new());
        for (n, employee_cases) in plans.iter().enumerate().take(chunk_end).skip(chunk_start) {
            let name = employee_name(n);
            let (uid, mid) =
                member(&txn, org, &employee_email(n), &name, Role::Employee, &[], &phc, now).await?;
            let (record, period) = employee_record(n, org, uid, mid, today, now);
            records.push(record);
            periods.push(period);
            let employee = (uid, name);
            for (i, plan) in employee_cases.iter().enumerate() {
                let number = numbers.remove(&(n, i)).unwrap_or_default();
                let Some(case) = play(plan, number, org, &employee, &actors, today, now, retention_days)
                else {
                    continue;
                };
                summary.cases += 1;
                summary.open_cases += usize::from(case.open);
                summary.relapsed_cases += usize::from(case.relapsed);
                summary.anonymised_cases += usize::from(case.anonymised);
                summary.activities += case.activities.len();
                summary.open_activities += case.open_activities;
                cases.push(case.row);
                spells.extend(case.spells);
                recoveries.extend(case.recoveries);
                events.extend(case.events);
                activities.extend(case.activities);
            }
        }
        insert_all(&txn, records).await?;
        insert_all(&txn, periods).await?;
        insert_all(&txn, cases).await?;
        insert_all(&txn, spells).await?;
        insert_all(&txn, recoveries).await?;
        insert_all(&txn, events).await?;
        insert_all(&txn, activities).await?;
        txn.commit().await.map_err(err)?;
        println!("  {chunk_end} of {employees} employees");
    }
    // What PostgreSQL's autovacuum would do shortly after a bulk load; SQLite keeps
    // no statistics unless asked, and the app never asks, so it is left as it is.
    if db.backend() == sea_orm::DbBackend::Postgres {
        sea_orm::ConnectionTrait::execute_unprepared(&db.write, "ANALYZE").await.map_err(err)?;
    }
    Ok(summary)
}

/// Employee `n`'s record and employment for the statistics (issue 7): in one of ten
/// departments, employed since four years ago (before any of their cases), one in ten
/// only since two years ago; 24, 32, 36 or 40 hours of a 40-hour week.
fn employee_record(
    n: usize,
    org: Uuid,
    user_id: Uuid,
    membership_id: Uuid,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> (employee_record::ActiveModel, employment_period::ActiveModel) {
    let first = FIRST_NAMES[n % FIRST_NAMES.len()];
    let last = LAST_NAMES[(n / FIRST_NAMES.len()) % LAST_NAMES.len()];
    let id = Uuid::now_v7();
    let record = employee_record::ActiveModel {
        id: Set(id),
        organisation_id: Set(org),
        membership_id: Set(membership_id),
        user_id: Set(user_id),
        personnel_number: Set(format!("{}", 100_000 + n)),
        first_name: Set(first.into()),
        last_name: Set(last.into()),
        sort_name: Set(sort_name(first, None, last)),
        tax_credit: Set(true),
        department: Set(Some(format!("Afdeling {}", n % 10 + 1))),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    let years = if n % 10 == 9 { 2 } else { 4 };
    let period = employment_period::ActiveModel {
        id: Set(Uuid::now_v7()),
        record_id: Set(id),
        organisation_id: Set(org),
        starts_on: Set(today.checked_sub_months(chrono::Months::new(12 * years)).unwrap_or(today)),
        ends_on: Set(None),
        contract_minutes: Set([24, 32, 36, 40][n % 4] * 60),
        full_time_minutes: Set(40 * 60),
        job_title: Set(None),
    };
    (record, period)
}

/// An account with one membership in `org` (the volume employees work 24 hours a week).
#[allow(clippy::too_many_arguments)]
async fn member(
    txn: &DatabaseTransaction,
    org: Uuid,
    email: &str,
    name: &str,
    role: Role,
    rights: &[Right],
    phc: &str,
    now: DateTime<Utc>,
) -> Result<(Uuid, Uuid), String> {
    let account = seed::Account { email, name, helpdesk: false, mobile: None };
    let m = seed::Membership {
        role,
        rights,
        main_contact: false,
        contract_minutes: Some(24 * 60),
        cost_centre: None,
    };
    person(txn, org, account, m, phc, now).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn histories_are_valid_and_about_one_case_a_year() {
        let today = day("2026-11-23");
        let mut cases = 0;
        let mut open = 0;
        for n in 0..2000 {
            let plans = cases_of(n, today);
            let mut last_end: Option<NaiveDate> = None;
            for plan in &plans {
                cases += 1;
                let mut spells: Vec<SickSpell> = Vec::new();
                let mut previous = NaiveDate::MIN;
                let mut partial: Vec<(NaiveDate, u8)> = Vec::new();
                for step in &plan.steps {
                    assert!(step.day() >= previous, "steps in order: {plan:?}");
                    assert!(step.day() <= today);
                    previous = step.day();
                    match *step {
                        Step::Report { first_day, reported_on, .. } => {
                            assert!(reported_on >= first_day);
                            if let Some(end) = last_end {
                                assert!(
                                    !poortwachter::continues_case(end, first_day),
                                    "a new case, not a relapse"
                                );
                            }
                            spells.push(SickSpell { first_day, recovered_on: None });
                        }
                        Step::Relapse { first_day, .. } => {
                            let end = spells.last().and_then(|s| s.recovered_on).unwrap();
                            assert!(poortwachter::continues_case(end, first_day) && first_day > end);
                            spells.push(SickSpell { first_day, recovered_on: None });
                        }
                        Step::Partial { on, percent } => {
                            let h = CaseHistory { spells: spells.clone(), out_of_employment_on: None };
                            assert_eq!(poortwachter::check_recovery(&h, &partial, on, percent as u8), Ok(()));
                            partial.push((on, percent as u8));
                        }
                        Step::Recovered { on, .. } => {
                            let h = CaseHistory { spells: spells.clone(), out_of_employment_on: None };
                            assert_eq!(poortwachter::check_recovery(&h, &partial, on, 100), Ok(()));
                            partial.clear();
                            if let Some(s) = spells.last_mut() {
                                s.recovered_on = Some(on);
                            }
                        }
                        Step::OutOfEmployment { on } => assert!(on > spells[0].first_day),
                    }
                }
                let h = CaseHistory { spells: spells.clone(), out_of_employment_on: None };
                assert_eq!(poortwachter::check_history(&h), Ok(()));
                last_end = spells.last().and_then(|s| s.recovered_on);
                if last_end.is_none() && !plan.steps.iter().any(|s| matches!(s, Step::OutOfEmployment { .. }))
                {
                    open += 1;
                }
            }
        }
        let per_year = cases as f64 / 2000.0 / 3.0;
        assert!((0.9..=1.4).contains(&per_year), "{per_year} cases per employee per year");
        let open = open as f64 / 2000.0;
        assert!((0.05..=0.10).contains(&open), "{open} of the employees sick now");
    }

    #[test]
    fn the_same_employee_gets_the_same_cases() {
        let today = day("2026-11-23");
        let a: Vec<_> = cases_of(17, today).iter().map(|c| format!("{:?}", c.steps)).collect();
        let b: Vec<_> = cases_of(17, today).iter().map(|c| format!("{:?}", c.steps)).collect();
        assert_eq!(a, b);
    }
}
