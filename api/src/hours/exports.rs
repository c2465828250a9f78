//! Export batches: approved weeks taken for payroll and billing in one go. A batch
//! is idempotent by the caller's key; its weeks become processed and never change.
//! Totals are added up in SQL.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QuerySelect, Set,
    TransactionTrait,
    sea_query::{Expr, Func, JoinType, Order, Query},
};
use shared::{
    Page,
    auth::Right,
    hours::{ExportBatch, ExportLine, IsoWeek, NewExport, WeekStatus},
    integrations::ApiScope,
};
use uuid::Uuid;

use super::store::{self, a, c};
use crate::{
    entities::{hour_export_batch, timesheet, timesheet_event},
    error::{ApiError, Validation},
    integrations::caller::Caller,
    pagination::{self, PageQuery},
    state::AppState,
};

/// People with *manage employee data*, and API clients with `hours:export`.
pub fn require(caller: &Caller) -> Result<(), ApiError> {
    caller.require_scope(ApiScope::HoursExport)?;
    match caller {
        Caller::Person(a) => a.require(Right::ManageEmployeeData),
        Caller::Client(_) => Ok(()),
    }
}

fn created_by(caller: &Caller) -> (Option<Uuid>, String) {
    match caller {
        Caller::Person(a) => (Some(a.user_id), a.name.clone()),
        Caller::Client(c) => (None, format!("API: {}", c.name)),
    }
}

fn to_batch(b: hour_export_batch::Model) -> ExportBatch {
    ExportBatch {
        id: b.id,
        idempotency_key: b.idempotency_key,
        created_at: b.created_at,
        created_by: b.created_by,
        timesheet_count: b.timesheet_count,
        total_minutes: b.total_minutes,
        first_week: b.first_week_start.map(IsoWeek::of),
        last_week: b.last_week_start.map(IsoWeek::of),
    }
}

/// Makes a batch of every approved week (up to `up_to_week`), or returns the batch
/// made earlier with the same key. `true` when it is new.
pub async fn create(
    state: &AppState,
    caller: &Caller,
    body: NewExport,
) -> Result<(ExportBatch, bool), ApiError> {
    require(caller)?;
    let key = body.idempotency_key.trim().to_string();
    let mut v = Validation::default();
    if !(8..=100).contains(&key.chars().count()) {
        v.add_code("idempotency_key", "length", "must be 8 to 100 characters".into());
    }
    v.finish()?;
    let org = caller.scope().organisation_id();
    let now = state.clock.now();
    let txn = state.db.write.begin().await?;
    let earlier = hour_export_batch::Entity::find()
        .filter(hour_export_batch::Column::OrganisationId.eq(org))
        .filter(hour_export_batch::Column::IdempotencyKey.eq(key.clone()))
        .one(&txn)
        .await?;
    if let Some(b) = earlier {
        return Ok((to_batch(b), false));
    }
    let approved = || {
        let mut q = timesheet::Entity::find()
            .filter(timesheet::Column::OrganisationId.eq(org))
            .filter(timesheet::Column::Status.eq(WeekStatus::Approved.as_str()));
        if let Some(w) = body.up_to_week {
            q = q.filter(timesheet::Column::WeekStart.lte(w.monday()));
        }
        q
    };
    let ids: Vec<Uuid> =
        approved().select_only().column(timesheet::Column::Id).into_tuple().all(&txn).await?;
    if ids.is_empty() {
        let mut v = Validation::default();
        v.add_code("up_to_week", "nothing_to_export", "there are no approved weeks to export".into());
        v.finish()?;
    }
    let (user, name) = created_by(caller);
    let batch_id = Uuid::now_v7();
    hour_export_batch::ActiveModel {
        id: Set(batch_id),
        organisation_id: Set(org),
        idempotency_key: Set(key),
        created_at: Set(now),
        created_by: Set(name.clone()),
        timesheet_count: Set(0),
        total_minutes: Set(0),
        first_week_start: Set(None),
        last_week_start: Set(None),
    }
    .insert(&txn)
    .await?;
    // In chunks, so the statement stays within every database's parameter limit.
    for chunk in ids.chunks(500) {
        timesheet::Entity::update_many()
            .col_expr(timesheet::Column::Status, Expr::value(WeekStatus::Processed.as_str()))
            .col_expr(timesheet::Column::ProcessedAt, Expr::value(now))
            .col_expr(timesheet::Column::ExportBatchId, Expr::value(batch_id))
            .col_expr(timesheet::Column::UpdatedAt, Expr::value(now))
            .col_expr(timesheet::Column::Version, Expr::col(timesheet::Column::Version).add(1))
            .filter(timesheet::Column::Id.is_in(chunk.to_vec()))
            .filter(timesheet::Column::Status.eq(WeekStatus::Approved.as_str()))
            .exec(&txn)
            .await?;
        let by = store::By { user_id: user, name: Some(&name) };
        let events = chunk.iter().map(|id| store::event(*id, org, by, "processed", None, now));
        timesheet_event::Entity::insert_many(events).exec(&txn).await?;
    }
    // What the batch holds is what the update took, counted by the database.
    let (count, total, first, last): (
        i64,
        Option<i64>,
        Option<chrono::NaiveDate>,
        Option<chrono::NaiveDate>,
    ) = timesheet::Entity::find()
        .select_only()
        .column_as(timesheet::Column::Id.count(), "count")
        .column_as(timesheet::Column::TotalMinutes.sum(), "total")
        .column_as(timesheet::Column::WeekStart.min(), "first")
        .column_as(timesheet::Column::WeekStart.max(), "last")
        .filter(timesheet::Column::ExportBatchId.eq(batch_id))
        .into_tuple()
        .one(&txn)
        .await?
        .unwrap_or((0, None, None, None));
    let batch = hour_export_batch::ActiveModel {
        id: Set(batch_id),
        timesheet_count: Set(count as i32),
        total_minutes: Set(total.unwrap_or(0) as i32),
        first_week_start: Set(first),
        last_week_start: Set(last),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    txn.commit().await?;
    Ok((to_batch(batch), true))
}

/// The organisation's batches, newest first.
pub async fn list(state: &AppState, caller: &Caller, q: &PageQuery) -> Result<Page<ExportBatch>, ApiError> {
    require(caller)?;
    let before: Option<Uuid> = q.decode()?;
    let mut s = hour_export_batch::Entity::find()
        .filter(hour_export_batch::Column::OrganisationId.eq(caller.scope().organisation_id()))
        .order_by_desc(hour_export_batch::Column::Id)
        .limit(q.limit() + 1);
    if let Some(b) = before {
        s = s.filter(hour_export_batch::Column::Id.lt(b));
    }
    use sea_orm::QueryOrder;
    let rows: Vec<ExportBatch> = s.all(&state.db.read).await?.into_iter().map(to_batch).collect();
    let (items, next_cursor) = pagination::page(rows, q.limit(), |b| b.id);
    Ok(Page { items, next_cursor })
}

/// One batch of the caller's organisation.
pub async fn get(state: &AppState, caller: &Caller, id: Uuid) -> Result<ExportBatch, ApiError> {
    require(caller)?;
    hour_export_batch::Entity::find_by_id(id)
        .filter(hour_export_batch::Column::OrganisationId.eq(caller.scope().organisation_id()))
        .one(&state.db.read)
        .await?
        .map(to_batch)
        .ok_or_else(ApiError::not_found)
}

/// The lines of a batch: its entries (`e`) with their week (`t`), worker (`u`) and client (`k`).
fn batch_lines(q: &mut sea_orm::sea_query::SelectStatement, organisation_id: Uuid, batch_id: Uuid) {
    q.from_as(a("timesheet_entries"), a("e"))
        .join_as(
            JoinType::InnerJoin,
            a("timesheets"),
            a("t"),
            c("t", "id").equals((a("e"), a("timesheet_id"))),
        )
        .join_as(JoinType::InnerJoin, a("users"), a("u"), c("u", "id").equals((a("t"), a("user_id"))))
        .join_as(JoinType::LeftJoin, a("clients"), a("k"), c("k", "id").equals((a("e"), a("client_id"))))
        .and_where(c("t", "organisation_id").eq(organisation_id))
        .and_where(c("t", "export_batch_id").eq(batch_id));
}

/// The batch's lines, by entry id, a page at a time.
pub async fn lines(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    batch_id: Uuid,
    after: Option<Uuid>,
    limit: u64,
) -> Result<Vec<ExportLine>, ApiError> {
    let mut q = Query::select();
    q.expr_as(c("e", "id"), a("entry_id"))
        .expr_as(c("t", "user_id"), a("worker_id"))
        .expr_as(c("u", "name"), a("worker_name"))
        .expr_as(c("t", "week_start"), a("week_start"))
        .expr_as(c("e", "day"), a("day"))
        .expr_as(c("e", "hour_type"), a("hour_type"))
        .expr_as(c("e", "minutes"), a("minutes"))
        .expr_as(c("e", "client_id"), a("client_id"))
        .expr_as(c("k", "name"), a("client_name"))
        .expr_as(c("k", "municipality"), a("municipality"))
        .expr_as(c("t", "cost_centre"), a("cost_centre"))
        .order_by((a("e"), a("id")), Order::Asc)
        .limit(limit);
    batch_lines(&mut q, organisation_id, batch_id);
    if let Some(after) = after {
        q.and_where(c("e", "id").gt(after));
    }
    let rows = db.query_all(&q).await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let week_start: chrono::NaiveDate = r.try_get("", "week_start")?;
            Ok(ExportLine {
                entry_id: r.try_get("", "entry_id")?,
                worker_id: r.try_get("", "worker_id")?,
                worker_name: r.try_get("", "worker_name")?,
                week: IsoWeek::of(week_start),
                day: r.try_get("", "day")?,
                hour_type: r.try_get("", "hour_type")?,
                minutes: r.try_get("", "minutes")?,
                client_id: r.try_get("", "client_id")?,
                client_name: r.try_get("", "client_name")?,
                municipality: r.try_get("", "municipality")?,
                cost_centre: r.try_get("", "cost_centre")?,
            })
        })
        .collect::<Result<_, sea_orm::DbErr>>()?)
}

/// A page of a batch's lines.
pub async fn lines_page(
    state: &AppState,
    caller: &Caller,
    id: Uuid,
    q: &PageQuery,
) -> Result<Page<ExportLine>, ApiError> {
    let batch = get(state, caller, id).await?;
    let after: Option<Uuid> = q.decode()?;
    let rows =
        lines(&state.db.read, caller.scope().organisation_id(), batch.id, after, q.limit() + 1).await?;
    let (items, next_cursor) = pagination::page(rows, q.limit(), |l| l.entry_id);
    Ok(Page { items, next_cursor })
}

/// One row of a download: payroll (per worker, week and hour type) or billing
/// (per municipality, client and hour type), minutes added up in SQL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SumRow {
    /// The grouping columns, in order.
    pub keys: Vec<String>,
    /// Minutes.
    pub minutes: i64,
}

/// Which download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    /// Per worker, week and hour type.
    Payroll,
    /// Per municipality, client and hour type.
    Billing,
}

impl Report {
    /// Column headings (Dutch, as payroll offices expect), without the hours columns.
    pub fn headings(self) -> &'static [&'static str] {
        match self {
            Self::Payroll => &["Medewerker", "Medewerker-id", "Week", "Kostenplaats", "Uursoort"],
            Self::Billing => &["Gemeente", "Cliënt", "Cliënt-id", "Kostenplaats", "Uursoort"],
        }
    }

    /// The file name stem.
    pub fn name(self) -> &'static str {
        match self {
            Self::Payroll => "salaris",
            Self::Billing => "facturatie",
        }
    }
}

/// How a grouping column is read back as text.
#[derive(Clone, Copy)]
enum Key {
    Text,
    Id,
    Week,
}

/// The rows of a download, grouped and summed in SQL.
pub async fn sums(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    batch_id: Uuid,
    report: Report,
) -> Result<Vec<SumRow>, ApiError> {
    // In the order of `Report::headings`.
    let groups: Vec<(Expr, Key)> = match report {
        Report::Payroll => vec![
            (c("u", "name"), Key::Text),
            (c("t", "user_id"), Key::Id),
            (c("t", "week_start"), Key::Week),
            (c("t", "cost_centre"), Key::Text),
            (c("e", "hour_type"), Key::Text),
        ],
        Report::Billing => vec![
            (c("k", "municipality"), Key::Text),
            (c("k", "name"), Key::Text),
            (c("e", "client_id"), Key::Id),
            (c("t", "cost_centre"), Key::Text),
            (c("e", "hour_type"), Key::Text),
        ],
    };
    let mut q = Query::select();
    for (i, (e, _)) in groups.iter().enumerate() {
        q.expr_as(e.clone(), a(&format!("k{i}")));
        q.add_group_by([e.clone()]);
        q.order_by_expr(e.clone(), Order::Asc);
    }
    q.expr_as(Func::cast_as(c("e", "minutes").sum(), a("BIGINT")), a("minutes"));
    batch_lines(&mut q, organisation_id, batch_id);
    let rows = db.query_all(&q).await?;
    let text = |r: &sea_orm::QueryResult, i: usize, key: Key| -> String {
        let k = format!("k{i}");
        match key {
            Key::Id => r.try_get::<Option<Uuid>>("", &k).ok().flatten().map(|u| u.to_string()),
            Key::Week => r.try_get::<chrono::NaiveDate>("", &k).ok().map(|d| IsoWeek::of(d).to_string()),
            Key::Text => r.try_get::<Option<String>>("", &k).ok().flatten(),
        }
        .unwrap_or_default()
    };
    Ok(rows
        .iter()
        .map(|r| SumRow {
            keys: groups.iter().enumerate().map(|(i, (_, key))| text(r, i, *key)).collect(),
            minutes: r.try_get::<i64>("", "minutes").unwrap_or(0),
        })
        .collect())
}

/// Hours as payroll offices write them: `7,50` (Dutch decimal comma).
pub fn hours_text(minutes: i64) -> String {
    format!("{},{:02}", minutes / 60, (minutes % 60) * 100 / 60)
}

/// A cell a spreadsheet will not run as a formula (names come from users).
pub fn cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() }
}

/// The download as CSV (semicolon-separated, as Dutch spreadsheets open it).
pub fn to_csv(report: Report, rows: &[SumRow]) -> Result<Vec<u8>, ApiError> {
    let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    let mut head: Vec<&str> = report.headings().to_vec();
    head.extend(["Uren", "Minuten"]);
    w.write_record(&head).map_err(ApiError::internal)?;
    for r in rows {
        let mut rec: Vec<String> = r.keys.iter().map(|k| cell(k)).collect();
        rec.push(hours_text(r.minutes));
        rec.push(r.minutes.to_string());
        w.write_record(&rec).map_err(ApiError::internal)?;
    }
    w.into_inner().map_err(ApiError::internal)
}

/// The download as an XLSX workbook with hours as numbers.
pub fn to_xlsx(report: Report, rows: &[SumRow]) -> Result<Vec<u8>, ApiError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let hours = rust_xlsxwriter::Format::new().set_num_format("0.00");
    let mut head: Vec<&str> = report.headings().to_vec();
    head.extend(["Uren", "Minuten"]);
    for (i, h) in head.iter().enumerate() {
        sheet.write_string_with_format(0, i as u16, *h, &bold).map_err(ApiError::internal)?;
    }
    for (n, r) in rows.iter().enumerate() {
        let row = n as u32 + 1;
        for (i, k) in r.keys.iter().enumerate() {
            sheet.write_string(row, i as u16, k).map_err(ApiError::internal)?;
        }
        let col = r.keys.len() as u16;
        sheet
            .write_number_with_format(row, col, r.minutes as f64 / 60.0, &hours)
            .map_err(ApiError::internal)?;
        sheet.write_number(row, col + 1, r.minutes as f64).map_err(ApiError::internal)?;
    }
    sheet.autofit();
    book.save_to_buffer().map_err(ApiError::internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_written_with_a_decimal_comma() {
        assert_eq!(hours_text(450), "7,50");
        assert_eq!(hours_text(20), "0,33");
        assert_eq!(hours_text(60), "1,00");
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let rows = [SumRow {
            keys: vec![
                "Jansen; A.".into(),
                "x".into(),
                "2026-W47".into(),
                "Wijkzorg Noord 4100".into(),
                "travel".into(),
            ],
            minutes: 90,
        }];
        let text = String::from_utf8(to_csv(Report::Payroll, &rows).unwrap()).unwrap();
        assert_eq!(
            text,
            "Medewerker;Medewerker-id;Week;Kostenplaats;Uursoort;Uren;Minuten\n\
             \"Jansen; A.\";x;2026-W47;Wijkzorg Noord 4100;travel;1,50;90\n"
        );
        let evil = [SumRow {
            keys: vec!["=HYPERLINK(1)".into(), "".into(), "".into(), "".into(), "".into()],
            minutes: 1,
        }];
        let text = String::from_utf8(to_csv(Report::Payroll, &evil).unwrap()).unwrap();
        assert!(text.contains("'=HYPERLINK(1)"), "{text}");
    }
}
