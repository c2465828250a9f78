//! Importing employees from CSV or XLSX (the file is the request body; the type comes
//! from the content). Each row is read with `shared::employees::import::read_row`, merged
//! with what is stored under its personnel number (empty cells keep the stored value) and
//! checked like a form; the dry run reports per row, the real run refuses while any row is
//! rejected and otherwise applies every row in one transaction. The same file again
//! changes nothing.

use std::{
    collections::{HashMap, HashSet},
    io::Cursor,
};

use calamine::{Data, Reader, Xlsx};
use chrono::Duration;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};
use serde::Deserialize;
use shared::{
    employees::{
        EmployeeRecordInput, ImportOutcome, ImportProblem, ImportResult, ImportRow,
        import::{Column, REQUIRED, column_of, header, read_row},
    },
    error::ErrorKind,
    i18n::Locale,
};
use utoipa::IntoParams;
use uuid::Uuid;

use super::{
    access,
    records::{self, Person},
    store::{self, By},
    validate::{self, Checked, Secret},
};
use crate::{
    absence::reports::today,
    audit::{self, ClientInfo, Event},
    auth::{Actor, email},
    entities::{employee_record, membership, organisation, user},
    error::{ApiError, Validation},
    state::AppState,
};

/// The largest import file.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;
/// The most rows one file may have.
pub const MAX_ROWS: usize = 10_000;

/// Query of `POST /api/v1/employee-imports`.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// `true`: only report what would happen (default); `false`: apply.
    #[serde(default = "yes")]
    pub dry_run: bool,
    /// The file's name, for the audit trail (no folders).
    #[serde(default)]
    pub file_name: Option<String>,
}

fn yes() -> bool {
    true
}

/// A file as text cells: the header and (line, cells) per non-empty row.
#[derive(Debug, Default)]
pub struct Sheet {
    /// Header cells.
    pub headers: Vec<String>,
    /// Rows with their line number (the header is line 1).
    pub rows: Vec<(u32, Vec<String>)>,
}

fn unsupported(locale: Locale) -> ApiError {
    ApiError::new(
        ErrorKind::UnsupportedMediaType,
        match locale {
            Locale::Nl => {
                "Dit is geen CSV- of Excel-bestand (XLSX). Sla het bestand op als CSV (UTF-8) of XLSX."
            }
            Locale::En => "This is not a CSV or Excel (XLSX) file. Save it as CSV (UTF-8) or XLSX.",
        },
    )
}

fn file_problem(locale: Locale, code: &str, nl: String, en: String) -> ApiError {
    let mut v = Validation::default();
    v.add_code(
        "file",
        code,
        match locale {
            Locale::Nl => nl,
            Locale::En => en,
        },
    );
    v.finish().err().unwrap_or_else(|| ApiError::bad_request("invalid file"))
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "ja" } else { "nee" }.into(),
        Data::DateTime(dt) => dt.as_datetime().map(|d| d.date().to_string()).unwrap_or_default(),
    }
}

fn push_rows(sheet: &mut Sheet, rows: impl Iterator<Item = Vec<String>>) -> Result<(), ()> {
    for (i, cells) in rows.enumerate() {
        if i == 0 {
            sheet.headers = cells.iter().map(|c| c.trim().to_string()).collect();
            continue;
        }
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if sheet.rows.len() >= MAX_ROWS {
            return Err(());
        }
        sheet.rows.push((i as u32 + 1, cells));
    }
    Ok(())
}

/// Reads CSV (UTF-8, `;` or `,`, BOM allowed) or XLSX (its first sheet) into text cells.
pub fn read_sheet(bytes: &[u8], locale: Locale) -> Result<Sheet, ApiError> {
    let too_many = || {
        file_problem(
            locale,
            "too_many_rows",
            format!("Het bestand heeft meer dan {MAX_ROWS} regels; splits het op."),
            format!("The file has more than {MAX_ROWS} rows; split it."),
        )
    };
    let mut sheet = Sheet::default();
    if bytes.starts_with(b"PK\x03\x04") {
        let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|_| unsupported(locale))?;
        let range = match wb.worksheet_range_at(0) {
            Some(Ok(r)) => r,
            _ => {
                return Err(file_problem(
                    locale,
                    "unreadable",
                    "Het Excel-bestand heeft geen leesbaar werkblad.".into(),
                    "The Excel file has no readable worksheet.".into(),
                ));
            }
        };
        push_rows(&mut sheet, range.rows().map(|r| r.iter().map(cell_text).collect()))
            .map_err(|_| too_many())?;
    } else {
        let text = std::str::from_utf8(bytes).map_err(|_| unsupported(locale))?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.contains('\0') {
            return Err(unsupported(locale));
        }
        let first = text.lines().next().unwrap_or_default();
        let sep = if first.matches(';').count() >= first.matches(',').count() { b';' } else { b',' };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(sep)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut rows = Vec::new();
        for rec in reader.records() {
            let rec = rec.map_err(|_| {
                file_problem(
                    locale,
                    "unreadable",
                    "Het CSV-bestand is niet te lezen (aanhalingstekens kloppen niet?).".into(),
                    "The CSV file cannot be read (unbalanced quotes?).".into(),
                )
            })?;
            rows.push(rec.iter().map(String::from).collect::<Vec<_>>());
            if rows.len() > MAX_ROWS + 1 {
                return Err(too_many());
            }
        }
        push_rows(&mut sheet, rows.into_iter()).map_err(|_| too_many())?;
    }
    if sheet.headers.iter().all(|h| h.is_empty()) {
        return Err(file_problem(
            locale,
            "empty",
            "Het bestand is leeg: de eerste regel moet de kolomnamen bevatten.".into(),
            "The file is empty: the first line must hold the column names.".into(),
        ));
    }
    let missing: Vec<String> = REQUIRED
        .iter()
        .filter(|c| !sheet.headers.iter().any(|h| column_of(h) == Some(**c)))
        .map(|c| header(*c))
        .collect();
    if !missing.is_empty() {
        let list = missing.join(", ");
        return Err(file_problem(
            locale,
            "missing_columns",
            format!("Deze kolommen ontbreken: {list}."),
            format!("These columns are missing: {list}."),
        ));
    }
    Ok(sheet)
}

/// A problem code in the caller's language.
pub fn message(locale: Locale, code: &str) -> String {
    let (nl, en) = match code {
        "required" => ("Verplicht", "Required"),
        "format" => ("Onjuist formaat", "Wrong format"),
        "checksum" => ("Controlecijfer klopt niet", "Check digits do not match"),
        "length" => ("Onjuiste lengte", "Wrong length"),
        "range" => ("Buiten het toegestane bereik", "Out of range"),
        "above_full_time" => ("Meer dan een volledige werkweek", "More than a full-time week"),
        "before_start" => ("Ligt voor de datum in dienst", "Before the start date"),
        "overlap" => ("Overlapt een ander dienstverband", "Overlaps another employment period"),
        "too_long" => ("Te lang", "Too long"),
        "duplicate" => ("Komt al voor bij een andere medewerker", "Belongs to another employee"),
        "duplicate_in_file" => ("Komt vaker voor in dit bestand", "Appears more than once in this file"),
        "has_record" => {
            ("Deze persoon heeft al een ander personeelsnummer", "This person has another personnel number")
        }
        "mobile_required" => (
            "Een 06-nummer is nodig: de uitnodiging gaat met een sms-pincode",
            "A mobile number is needed: the invitation uses an SMS PIN",
        ),
        "birth_date_required" => (
            "Nodig voor de uitnodiging (de medewerker bevestigt ermee wie hij is)",
            "Needed for the invitation (the employee proves who they are with it)",
        ),
        "invalid_postcode" => ("Geen Nederlandse postcode (1234 AB)", "Not a Dutch postcode (1234 AB)"),
        "invalid_phone" => ("Geen telefoonnummer", "Not a phone number"),
        "invalid_email" => ("Geen e-mailadres", "Not an e-mail address"),
        "out_of_range" => ("Datum ligt buiten het bereik", "Date out of range"),
        _ => ("Ongeldig", "Not valid"),
    };
    match locale {
        Locale::Nl => nl.into(),
        Locale::En => en.into(),
    }
}

/// The file column a form field is read from.
fn column_for_field(field: &str) -> Column {
    let base = field.split('.').next().unwrap_or(field);
    match (base, field) {
        (_, f) if f.ends_with("ends_on") => Column::EndsOn,
        (_, f) if f.ends_with("starts_on") => Column::StartsOn,
        (_, f) if f.ends_with("full_time_minutes") => Column::FullTimeHours,
        (_, f) if f.ends_with("job_title") => Column::JobTitle,
        ("employment", _) => Column::ContractHours,
        (_, "address.street") => Column::Street,
        (_, "address.house_number") => Column::HouseNumber,
        (_, "address.postcode") => Column::Postcode,
        (_, "address.city") => Column::City,
        ("personnel_number", _) => Column::PersonnelNumber,
        ("first_name", _) => Column::FirstName,
        ("infix", _) => Column::Infix,
        ("last_name", _) => Column::LastName,
        ("birth_date", _) => Column::BirthDate,
        ("phone", _) => Column::Phone,
        ("emergency_phone", _) => Column::EmergencyPhone,
        ("bsn", _) => Column::Bsn,
        ("iban", _) => Column::Iban,
        ("department", _) => Column::Department,
        ("cost_centre", _) => Column::CostCentre,
        _ => Column::Email,
    }
}

struct Ctx<'a> {
    headers: &'a [String],
    locale: Locale,
}

impl Ctx<'_> {
    fn problem(&self, col: Column, code: &str) -> ImportProblem {
        let column =
            self.headers.iter().find(|h| column_of(h) == Some(col)).cloned().unwrap_or_else(|| header(col));
        ImportProblem { column, code: code.into(), message: message(self.locale, code) }
    }
}

/// The stored record as an input (secrets left out: they stay unless the file has them).
fn stored_input(
    r: &employee_record::Model,
    email: &str,
    cost_centre: Option<String>,
    periods: &[crate::entities::employment_period::Model],
) -> EmployeeRecordInput {
    EmployeeRecordInput {
        personnel_number: r.personnel_number.clone(),
        first_name: r.first_name.clone(),
        infix: r.infix.clone(),
        last_name: r.last_name.clone(),
        birth_date: r.birth_date,
        email: email.into(),
        address: store::address_of(r),
        phone: r.phone.clone(),
        emergency_phone: r.emergency_phone.clone(),
        bsn: None,
        iban: None,
        tax_credit: r.tax_credit,
        id_document: None,
        department: r.department.clone(),
        cost_centre,
        employment: store::as_inputs(periods),
        version: Some(r.version),
    }
}

/// The stored record with what the file's filled-in cells say on top.
fn merge(
    stored: EmployeeRecordInput,
    file: EmployeeRecordInput,
    present: &HashSet<Column>,
) -> EmployeeRecordInput {
    let has = |c: Column| present.contains(&c);
    let mut m = stored;
    m.first_name = file.first_name;
    m.last_name = file.last_name;
    if has(Column::Infix) {
        m.infix = file.infix;
    }
    if has(Column::BirthDate) {
        m.birth_date = file.birth_date;
    }
    if file.address.is_some() {
        m.address = file.address;
    }
    if has(Column::Phone) {
        m.phone = file.phone;
    }
    if has(Column::EmergencyPhone) {
        m.emergency_phone = file.emergency_phone;
    }
    m.bsn = file.bsn;
    m.iban = file.iban;
    if has(Column::TaxCredit) {
        m.tax_credit = file.tax_credit;
    }
    if has(Column::Department) {
        m.department = file.department;
    }
    if has(Column::CostCentre) {
        m.cost_centre = file.cost_centre;
    }
    if let Some(mut p) = file.employment.into_iter().next() {
        let same = m
            .employment
            .iter()
            .find(|s| s.starts_on <= p.starts_on && s.ends_on.is_none_or(|e| p.starts_on <= e))
            .cloned();
        if !has(Column::FullTimeHours)
            && let Some(s) = &same
        {
            p.full_time_minutes = s.full_time_minutes;
        }
        if !has(Column::JobTitle)
            && let Some(s) = &same
        {
            p.job_title = s.job_title.clone();
        }
        let start = p.starts_on;
        let mut periods: Vec<_> = m.employment.into_iter().filter(|s| s.starts_on < start).collect();
        for s in &mut periods {
            if s.ends_on.is_none_or(|e| e >= start) {
                s.ends_on = Some(start - Duration::days(1));
            }
        }
        periods.push(p);
        m.employment = periods;
    }
    m
}

/// What will happen to one row.
struct Planned {
    row: ImportRow,
    checked: Option<Checked>,
    existing: Option<employee_record::Model>,
}

/// Reads, checks and compares the file; writes nothing.
async fn plan(
    state: &AppState,
    actor: &Actor,
    org: &organisation::Model,
    sheet: &Sheet,
) -> Result<Vec<Planned>, ApiError> {
    let db = &state.db.read;
    let key = &state.data_key;
    let ctx = Ctx { headers: &sheet.headers, locale: actor.locale };
    let day = today(state.clock.now());
    let stored: HashMap<String, employee_record::Model> = employee_record::Entity::find()
        .filter(employee_record::Column::OrganisationId.eq(org.id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.personnel_number.clone(), r))
        .collect();
    let by_user: HashMap<Uuid, String> =
        stored.values().map(|r| (r.user_id, r.personnel_number.clone())).collect();
    let by_digest: HashMap<String, String> =
        stored.values().filter_map(|r| Some((r.bsn_digest.clone()?, r.personnel_number.clone()))).collect();
    let emails: HashMap<Uuid, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(stored.values().map(|r| r.user_id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.email))
        .collect();
    let centres: HashMap<Uuid, Option<String>> = membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(org.id))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m.cost_centre))
        .collect();
    let mut periods = store::periods_of(db, stored.values().map(|r| r.id).collect()).await?;
    let mut seen_numbers = HashSet::new();
    let mut seen_bsns = HashSet::new();
    let mut seen_emails = HashSet::new();
    let mut out = Vec::with_capacity(sheet.rows.len());
    for (line, cells) in &sheet.rows {
        let cell = |col: Column| {
            sheet
                .headers
                .iter()
                .position(|h| column_of(h) == Some(col))
                .and_then(|i| cells.get(i))
                .map(|c| c.trim().to_string())
                .unwrap_or_default()
        };
        let first = cell(Column::FirstName);
        let infix = cell(Column::Infix);
        let mut row = ImportRow {
            line: *line,
            personnel_number: cell(Column::PersonnelNumber),
            name: validate::full_name(&first, Some(infix.as_str()), &cell(Column::LastName)),
            outcome: ImportOutcome::Rejected,
            changed_fields: vec![],
            problems: vec![],
        };
        let file = match read_row(&sheet.headers, cells) {
            Ok(f) => f,
            Err(problems) => {
                row.problems = problems
                    .into_iter()
                    .map(|p| ImportProblem {
                        message: message(ctx.locale, p.code),
                        column: p.column,
                        code: p.code.into(),
                    })
                    .collect();
                out.push(Planned { row, checked: None, existing: None });
                continue;
            }
        };
        let present: HashSet<Column> = sheet
            .headers
            .iter()
            .enumerate()
            .filter(|(i, _)| cells.get(*i).is_some_and(|c| !c.trim().is_empty()))
            .filter_map(|(_, h)| column_of(h))
            .collect();
        let existing = stored.get(&file.personnel_number).cloned();
        let file_email = email::canonical(&file.email);
        let input = match &existing {
            Some(r) => {
                let ps = periods.remove(&r.id).unwrap_or_default();
                let centre = centres.get(&r.membership_id).cloned().flatten();
                let email = emails.get(&r.user_id).cloned().unwrap_or_default();
                let merged = merge(stored_input(r, &email, centre, &ps), file.clone(), &present);
                periods.insert(r.id, ps);
                merged
            }
            None => file.clone(),
        };
        let mut v = Validation::default();
        let c = validate::record(&input, existing.is_none(), day, &mut v);
        let mut problems: Vec<ImportProblem> = match v.finish() {
            Ok(()) => Vec::new(),
            Err(e) => e
                .body()
                .fields
                .into_iter()
                .map(|(field, f)| ctx.problem(column_for_field(&field), &f.code))
                .collect(),
        };
        if !seen_numbers.insert(c.personnel_number.clone()) {
            problems.push(ctx.problem(Column::PersonnelNumber, "duplicate_in_file"));
        }
        if let Secret::Set(b) = &c.bsn {
            if !seen_bsns.insert(b.clone()) {
                problems.push(ctx.problem(Column::Bsn, "duplicate_in_file"));
            }
            let digest = store::bsn_digest(key, org.id, b);
            if by_digest.get(&digest).is_some_and(|n| *n != c.personnel_number) {
                problems.push(ctx.problem(Column::Bsn, "duplicate"));
            }
        }
        if !seen_emails.insert(file_email.clone()) {
            problems.push(ctx.problem(Column::Email, "duplicate_in_file"));
        }
        let owner = crate::auth::store::user_by_email(db, &file_email).await?;
        let owner_number = owner.as_ref().and_then(|u| by_user.get(&u.id));
        match &existing {
            Some(r) if owner.as_ref().is_some_and(|u| u.id != r.user_id) && owner_number.is_some() => {
                problems.push(ctx.problem(Column::Email, "duplicate"));
            }
            None if owner_number.is_some() => problems.push(ctx.problem(Column::Email, "has_record")),
            _ => {}
        }
        if existing.is_none() && owner_number.is_none() {
            let person = match &owner {
                None => Person::New,
                Some(u) => Person::Account(u.clone()),
            };
            let is_member = match &owner {
                Some(u) => membership::Entity::find()
                    .filter(membership::Column::OrganisationId.eq(org.id))
                    .filter(membership::Column::UserId.eq(u.id))
                    .one(db)
                    .await?
                    .is_some(),
                None => false,
            };
            if !is_member {
                for (field, code) in records::invitation_problems(org, &c, &person) {
                    let (col, code) = if field == "birth_date" {
                        (Column::BirthDate, "birth_date_required")
                    } else {
                        (Column::Phone, code)
                    };
                    problems.push(ctx.problem(col, code));
                }
            }
        }
        if !problems.is_empty() {
            row.problems = problems;
            out.push(Planned { row, checked: None, existing });
            continue;
        }
        match &existing {
            None => row.outcome = ImportOutcome::Created,
            Some(r) => {
                let centre = centres.get(&r.membership_id).cloned().flatten();
                let ps = periods.get(&r.id).cloned().unwrap_or_default();
                row.changed_fields = store::changed_fields(key, r, centre.as_deref(), &ps, &c);
                row.outcome = if row.changed_fields.is_empty() {
                    ImportOutcome::Unchanged
                } else {
                    ImportOutcome::Changed
                };
            }
        }
        out.push(Planned { row, checked: Some(c), existing });
    }
    Ok(out)
}

fn summary(rows: Vec<ImportRow>, applied: bool) -> ImportResult {
    let count = |o: ImportOutcome| rows.iter().filter(|r| r.outcome == o).count() as u32;
    ImportResult {
        applied,
        total: rows.len() as u32,
        created: count(ImportOutcome::Created),
        changed: count(ImportOutcome::Changed),
        unchanged: count(ImportOutcome::Unchanged),
        rejected: count(ImportOutcome::Rejected),
        rows,
    }
}

/// Checks the file name: a name, not a path.
fn file_name(q: &ImportQuery, locale: Locale) -> Result<String, ApiError> {
    let name = q.file_name.as_deref().map(str::trim).unwrap_or_default();
    if name.contains('/')
        || name.contains('\\')
        || name.contains("..")
        || name.chars().any(char::is_control)
        || name.chars().count() > 200
    {
        let mut v = Validation::default();
        v.add_code(
            "file_name",
            "path",
            match locale {
                Locale::Nl => "Alleen een bestandsnaam, zonder mappen".into(),
                Locale::En => "Only a file name, without folders".into(),
            },
        );
        v.finish()?;
    }
    Ok(if name.is_empty() { "import".into() } else { name.into() })
}

/// The dry run or the real run.
pub async fn run(
    state: &AppState,
    actor: &Actor,
    q: &ImportQuery,
    bytes: &[u8],
    client: &ClientInfo,
) -> Result<ImportResult, ApiError> {
    access::require_manager(actor)?;
    let name = file_name(q, actor.locale)?;
    let sheet = read_sheet(bytes, actor.locale)?;
    let org = organisation::Entity::find_by_id(actor.organisation_id)
        .one(&state.db.read)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let planned = plan(state, actor, &org, &sheet).await?;
    let rejected = planned.iter().filter(|p| p.row.outcome == ImportOutcome::Rejected).count();
    if q.dry_run {
        return Ok(summary(planned.into_iter().map(|p| p.row).collect(), false));
    }
    if rejected > 0 {
        let mut v = Validation::default();
        v.add_code("file", "rejected_rows", match actor.locale {
            Locale::Nl => format!("{rejected} regel(s) worden geweigerd; er is niets ingelezen. Verbeter het bestand en probeer het opnieuw."),
            Locale::En => format!("{rejected} row(s) are rejected; nothing was imported. Correct the file and try again."),
        });
        v.finish()?;
    }
    let now = state.clock.now();
    let by = By::actor(actor);
    let txn = state.db.write.begin().await?;
    let mut rows = Vec::with_capacity(planned.len());
    for p in planned {
        let Some(c) = &p.checked else { continue };
        match (&p.row.outcome, &p.existing) {
            (ImportOutcome::Created, _) => {
                let person = match records::person_for(&txn, org.id, &c.email).await? {
                    Ok(person) => person,
                    Err(_) => {
                        return Err(ApiError::conflict(
                            "The employees changed meanwhile; run the dry run again",
                        ));
                    }
                };
                records::insert(&txn, state, actor, &org, c, person, "imported").await?;
            }
            (ImportOutcome::Changed, Some(r)) => {
                let fresh = employee_record::Entity::find_by_id(r.id)
                    .one(&txn)
                    .await?
                    .ok_or_else(ApiError::not_found)?;
                if !store::bump(&txn, fresh.id, fresh.version, now).await? {
                    return Err(store::stale());
                }
                records::apply(&txn, state, &fresh, c, &by, "imported").await?;
            }
            _ => {}
        }
        rows.push(p.row);
    }
    let result = summary(rows, true);
    let subject = format!(
        "{name}: {} created, {} changed, {} unchanged",
        result.created, result.changed, result.unchanged
    );
    audit::record(&txn, Event::by(actor, "employees_imported", Some(subject)), client, now).await?;
    txn.commit().await?;
    Ok(result)
}
