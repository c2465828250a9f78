//! Demo hours (`poort seed --demo`): clients with their municipalities, and weeks in
//! every state around today, so each role sees its work: Anna signs this week and
//! has a late one to correct, Mark has weeks to approve, Sophie a correction to
//! decide, Fatima approved weeks to export and an earlier export to download.

use std::collections::HashMap;

use chrono::{DateTime, Days, NaiveTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, QueryFilter, Set, sea_query::Expr,
};
use shared::hours::{EntryInput, EntrySource, HoursSettings, IsoWeek, PlannedEntry, WeekStatus};
use uuid::Uuid;

use super::{planned, settings, store, store::Terms};
use crate::entities::{client, hour_export_batch, membership, timesheet, user};

const DE_LINDE: &str = "Thuiszorg De Linde";

const CLIENTS: [(&str, &str); 6] = [
    ("Mevrouw J. de Groot", "Utrecht"),
    ("De heer P. van Leeuwen", "Utrecht"),
    ("Mevrouw A. Kramer", "Zeist"),
    ("De heer H. Bos", "Zeist"),
    ("Mevrouw F. Yilmaz", "De Bilt"),
    ("De heer K. Peters", "De Bilt"),
];

/// De Linde's cost centres: one per district team (seed 002 filters on them).
const NOORD: &str = "Wijkzorg Noord 4100";
const ZUID: &str = "Wijkzorg Zuid 4200";

/// Contract hours per week (minutes) and cost centre of the demo workers.
const WORKERS: [(&str, i32, &str); 3] = [
    ("anna.jansen@delinde.example", 24 * 60, NOORD),
    ("daan.meijer@delinde.example", 32 * 60, NOORD),
    ("noor.willems@delinde.example", 20 * 60, ZUID),
];

fn terms(contract: i32, cost_centre: &str) -> Terms {
    Terms { contract_minutes: Some(contract), cost_centre: Some(cost_centre.into()) }
}

fn line(
    week: IsoWeek,
    day: u64,
    client: Option<Uuid>,
    kind: &str,
    from: (u32, u32),
    to: (u32, u32),
) -> EntryInput {
    EntryInput {
        id: None,
        day: week.monday() + Days::new(day),
        client_id: client,
        hour_type: kind.into(),
        start: NaiveTime::from_hms_opt(from.0, from.1, 0),
        end: NaiveTime::from_hms_opt(to.0, to.1, 0),
        break_minutes: 0,
        minutes: None,
        note: None,
    }
}

/// A worker's usual week: morning rounds at two clients, travel in between.
fn usual_week(week: IsoWeek, c: &[Uuid], days: u64) -> Vec<EntryInput> {
    let mut out = Vec::new();
    for d in 0..days {
        let (a, b) = (c[(d as usize) % c.len()], c[(d as usize + 1) % c.len()]);
        out.push(line(week, d, Some(a), "direct_care", (8, 0), (10, 30)));
        out.push(line(week, d, None, "travel", (10, 30), (11, 0)));
        out.push(line(week, d, Some(b), "direct_care", (11, 0), (13, 0)));
    }
    out
}

struct Ctx<'a> {
    txn: &'a DatabaseTransaction,
    org: Uuid,
    now: DateTime<Utc>,
    settings: HoursSettings,
}

impl Ctx<'_> {
    #[allow(clippy::too_many_arguments)]
    async fn week(
        &self,
        worker: &user::Model,
        terms: Terms,
        week: IsoWeek,
        status: WeekStatus,
        lines: &[EntryInput],
        decided_by: Option<&user::Model>,
        reason: Option<&str>,
    ) -> Result<timesheet::Model, DbErr> {
        let deadline = self.settings.deadline_of(week);
        let sheet =
            store::new_week(self.org, worker.id, week, deadline, terms, self.now).insert(self.txn).await?;
        let total = store::replace_entries(self.txn, &sheet, lines, EntrySource::Worker, self.now).await?;
        // Signed on the Friday afternoon of the week itself.
        let signed = matches!(status, WeekStatus::Submitted | WeekStatus::Approved | WeekStatus::Processed)
            .then(|| self.settings.deadline_of(week) - chrono::Duration::hours(64));
        let by_worker = store::By { user_id: Some(worker.id), name: Some(&worker.name) };
        store::record(self.txn, &sheet, by_worker, "saved", None, self.now).await?;
        if signed.is_some() || status == WeekStatus::Rejected {
            store::record(self.txn, &sheet, by_worker, "signed", None, self.now).await?;
        }
        let mut am: timesheet::ActiveModel = sheet.clone().into();
        am.total_minutes = Set(total);
        am.status = Set(status.as_str().into());
        am.signed_at = Set(signed);
        am.late = Set(status == WeekStatus::Open && self.now >= deadline);
        if let Some(d) = decided_by {
            am.decided_by = Set(Some(d.id));
            am.decided_at = Set(Some(deadline + chrono::Duration::hours(3)));
            am.rejection_reason = Set(reason.map(str::to_string));
            let by = store::By { user_id: Some(d.id), name: Some(&d.name) };
            let action = if status == WeekStatus::Rejected { "rejected" } else { "approved" };
            store::record(self.txn, &sheet, by, action, reason.map(str::to_string), self.now).await?;
        }
        if status == WeekStatus::Open && self.now >= deadline {
            store::record(self.txn, &sheet, store::By::SYSTEM, "locked", None, self.now).await?;
        }
        am.update(self.txn).await
    }
}

/// Loads the demo hours. `orgs` maps organisation names to ids.
pub async fn load(
    txn: &DatabaseTransaction,
    orgs: &HashMap<&str, Uuid>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    // Only De Linde keeps weekly hours; the others use other parts of Poort.
    for (name, id) in orgs {
        if *name != DE_LINDE {
            let off = HoursSettings { enabled: false, ..HoursSettings::default() };
            settings::store(txn, *id, &off, now).await?;
        }
    }
    let Some(&org) = orgs.get(DE_LINDE) else { return Ok(()) };
    settings::ensure_default_hour_types(txn, org).await?;
    let mut clients = Vec::new();
    for (i, (name, municipality)) in CLIENTS.iter().enumerate() {
        let id = Uuid::now_v7();
        client::ActiveModel {
            id: Set(id),
            organisation_id: Set(org),
            name: Set((*name).into()),
            municipality: Set(Some((*municipality).into())),
            client_number: Set(Some(format!("CL-{:04}", 1001 + i))),
            active: Set(true),
            created_at: Set(now),
        }
        .insert(txn)
        .await?;
        clients.push(id);
    }
    let mut people = HashMap::new();
    for email in [
        "anna.jansen@delinde.example",
        "daan.meijer@delinde.example",
        "noor.willems@delinde.example",
        "mark.devries@delinde.example",
        "sophie.bakker@delinde.example",
        "fatima.elamrani@delinde.example",
    ] {
        if let Some(u) = user::Entity::find().filter(user::Column::Email.eq(email)).one(txn).await? {
            people.insert(email, u);
        }
    }
    for (email, minutes, cost_centre) in WORKERS {
        if let Some(u) = people.get(email) {
            membership::Entity::update_many()
                .col_expr(membership::Column::ContractMinutes, Expr::value(minutes))
                .col_expr(membership::Column::CostCentre, Expr::value(cost_centre))
                .filter(membership::Column::UserId.eq(u.id))
                .filter(membership::Column::OrganisationId.eq(org))
                .exec(txn)
                .await?;
        }
    }
    let (Some(anna), Some(daan), Some(noor), Some(mark), Some(fatima)) = (
        people.get("anna.jansen@delinde.example"),
        people.get("daan.meijer@delinde.example"),
        people.get("noor.willems@delinde.example"),
        people.get("mark.devries@delinde.example"),
        people.get("fatima.elamrani@delinde.example"),
    ) else {
        return Ok(());
    };
    let ctx = Ctx { txn, org, now, settings: HoursSettings::default() };
    // The week whose deadline comes next, and the weeks before it.
    let due = ctx.settings.last_closed_week(now).next();
    let back = |n: usize| (0..n).fold(due, |w, _| w.previous());
    // Anna moved from Zuid to Noord three weeks ago: her older weeks keep Zuid.
    let (a, a_before) = (|| terms(24 * 60, NOORD), || terms(24 * 60, ZUID));
    let (d, n) = (|| terms(32 * 60, NOORD), || terms(20 * 60, ZUID));
    let anna_clients = &clients[0..3];
    let processed = ctx
        .week(
            anna,
            a_before(),
            back(4),
            WeekStatus::Processed,
            &usual_week(back(4), anna_clients, 4),
            Some(mark),
            None,
        )
        .await?;
    ctx.week(
        anna,
        a_before(),
        back(3),
        WeekStatus::Approved,
        &usual_week(back(3), anna_clients, 4),
        Some(mark),
        None,
    )
    .await?;
    ctx.week(anna, a(), back(2), WeekStatus::Submitted, &usual_week(back(2), anna_clients, 4), None, None)
        .await?;
    // Last week: two days filled in, never signed, deadline passed — late and locked.
    ctx.week(anna, a(), back(1), WeekStatus::Open, &usual_week(back(1), anna_clients, 2), None, None).await?;
    // This week: Monday entered by Anna, Tuesday planned by the planning system.
    let this =
        ctx.week(anna, a(), due, WeekStatus::Open, &usual_week(due, anna_clients, 1), None, None).await?;
    let mut planned_minutes = 0;
    for (i, (from, to)) in [((8, 0), (10, 30)), ((11, 0), (13, 0))].into_iter().enumerate() {
        let l = line(due, 1, Some(clients[i + 1]), "direct_care", from, to);
        planned_minutes += l.minutes_worked().unwrap_or(0);
        let p = PlannedEntry {
            external_id: format!("ONS-PLAN-{due}-{i}"),
            worker_id: anna.id,
            client_id: l.client_id,
            day: l.day,
            hour_type: l.hour_type,
            start: l.start.unwrap_or_default(),
            end: l.end.unwrap_or_default(),
            break_minutes: 0,
        };
        planned::planned_row(&this, &p, now).insert(txn).await?;
    }
    timesheet::Entity::update_many()
        .col_expr(timesheet::Column::TotalMinutes, Expr::value(this.total_minutes + planned_minutes))
        .filter(timesheet::Column::Id.eq(this.id))
        .exec(txn)
        .await?;

    let daan_clients = &clients[2..5];
    let noor_clients = &clients[3..6];
    ctx.week(
        daan,
        d(),
        back(3),
        WeekStatus::Approved,
        &usual_week(back(3), daan_clients, 5),
        Some(mark),
        None,
    )
    .await?;
    ctx.week(daan, d(), back(2), WeekStatus::Submitted, &usual_week(back(2), daan_clients, 5), None, None)
        .await?;
    ctx.week(daan, d(), back(1), WeekStatus::Submitted, &usual_week(back(1), daan_clients, 5), None, None)
        .await?;
    ctx.week(noor, n(), back(2), WeekStatus::Submitted, &usual_week(back(2), noor_clients, 3), None, None)
        .await?;
    let reason = "Woensdag staat dubbel: de reistijd naar mevrouw Yilmaz is al bij de zorg meegeteld.";
    ctx.week(
        noor,
        n(),
        back(1),
        WeekStatus::Rejected,
        &usual_week(back(1), noor_clients, 3),
        Some(mark),
        Some(reason),
    )
    .await?;

    // An earlier export, so the export screen has a batch to download.
    let batch = Uuid::now_v7();
    hour_export_batch::ActiveModel {
        id: Set(batch),
        organisation_id: Set(org),
        idempotency_key: Set(format!("demo-{}", back(4))),
        created_at: Set(now - chrono::Duration::days(14)),
        created_by: Set(fatima.name.clone()),
        timesheet_count: Set(1),
        total_minutes: Set(processed.total_minutes),
        first_week_start: Set(Some(processed.week_start)),
        last_week_start: Set(Some(processed.week_start)),
    }
    .insert(txn)
    .await?;
    let mut am: timesheet::ActiveModel = processed.clone().into();
    am.export_batch_id = Set(Some(batch));
    am.processed_at = Set(Some(now - chrono::Duration::days(14)));
    am.update(txn).await?;
    let by = store::By { user_id: Some(fatima.id), name: Some(&fatima.name) };
    store::record(txn, &processed, by, "processed", None, now).await?;
    Ok(())
}
