//! The per-employee overview and the mutations as downloads: CSV (semicolons, decimal
//! comma, as Dutch spreadsheets open it) and XLSX (numbers as numbers). Every row of
//! the period and scope, read in fixed-size batches.

use shared::absence::statistics::{CurrentState, EmployeeStatistics, Mutation, MutationKind, Period};

use super::{
    service::{self, EXPORT_BATCH},
    store::Scope,
};
use crate::{error::ApiError, hours::exports::cell, state::AppState};

/// A value in a download.
enum Value {
    Text(String),
    Int(i64),
    /// A number shown with this many decimals.
    Num(f64, usize),
    Empty,
}

/// A download: headings and rows.
pub struct Table {
    headings: &'static [&'static str],
    rows: Vec<Vec<Value>>,
}

/// Which table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Per employee.
    Employees,
    /// Sick and recovery reports.
    Mutations,
}

impl Kind {
    /// The file name stem.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Employees => "verzuim-per-medewerker",
            Kind::Mutations => "verzuim-mutaties",
        }
    }
}

fn state_text(s: CurrentState) -> &'static str {
    match s {
        CurrentState::Fit => "Hersteld",
        CurrentState::PartlySick => "Gedeeltelijk ziek",
        CurrentState::Sick => "Ziek",
    }
}

fn kind_text(k: MutationKind) -> &'static str {
    match k {
        MutationKind::SickReport => "Ziekmelding",
        MutationKind::PartialRecovery => "Gedeeltelijk herstel",
        MutationKind::Recovery => "Herstelmelding",
        MutationKind::OutOfEmployment => "Ziek uit dienst",
    }
}

fn employee_row(e: EmployeeStatistics) -> Vec<Value> {
    vec![
        Value::Text(e.personnel_number),
        Value::Text(e.name),
        e.department.map_or(Value::Empty, Value::Text),
        Value::Int(e.employed_days.into()),
        Value::Num(e.weighted_employed_days, 2),
        Value::Int(e.sick_days.into()),
        Value::Num(e.weighted_sick_days, 2),
        e.absence_percent.map_or(Value::Empty, |p| Value::Num(p, 2)),
        Value::Int(e.reports.into()),
        Value::Text(state_text(e.current_state).into()),
    ]
}

fn mutation_row(m: Mutation) -> Vec<Value> {
    vec![
        Value::Text(m.date.format("%d-%m-%Y").to_string()),
        Value::Text(kind_text(m.kind).into()),
        Value::Text(m.name),
        m.personnel_number.map_or(Value::Empty, Value::Text),
        Value::Text(m.case_number),
        m.recovered_percent.map_or(Value::Empty, |p| Value::Int(p.into())),
    ]
}

/// Every row of `kind` for the period and scope.
pub async fn table(state: &AppState, scope: &Scope, period: Period, kind: Kind) -> Result<Table, ApiError> {
    let mut rows = Vec::new();
    match kind {
        Kind::Employees => {
            let mut after = None;
            loop {
                let (items, next) =
                    service::employees_after(state, scope, period, after, EXPORT_BATCH).await?;
                rows.extend(items.into_iter().map(employee_row));
                match next {
                    Some(n) => after = Some(n),
                    None => break,
                }
            }
            Ok(Table {
                headings: &[
                    "Personeelsnummer",
                    "Naam",
                    "Afdeling",
                    "Dagen in dienst",
                    "Dagen in dienst × deeltijdfactor",
                    "Ziektedagen",
                    "Ziektedagen × deeltijdfactor × AO%",
                    "Verzuimpercentage",
                    "Ziekmeldingen",
                    "Stand vandaag",
                ],
                rows,
            })
        }
        Kind::Mutations => {
            let mut after = None;
            loop {
                let (items, next) =
                    service::mutations_after(state, scope, period, after, EXPORT_BATCH).await?;
                rows.extend(items.into_iter().map(mutation_row));
                match next {
                    Some(n) => after = Some(n),
                    None => break,
                }
            }
            Ok(Table {
                headings: &["Datum", "Soort", "Naam", "Personeelsnummer", "Dossier", "Hersteld %"],
                rows,
            })
        }
    }
}

/// `35,01`: a number with a decimal comma.
pub fn decimal(n: f64, places: usize) -> String {
    format!("{n:.places$}").replace('.', ",")
}

/// The table as CSV.
pub fn to_csv(t: &Table) -> Result<Vec<u8>, ApiError> {
    let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    w.write_record(t.headings).map_err(ApiError::internal)?;
    for r in &t.rows {
        let rec: Vec<String> = r
            .iter()
            .map(|v| match v {
                Value::Text(s) => cell(s),
                Value::Int(n) => n.to_string(),
                Value::Num(n, places) => decimal(*n, *places),
                Value::Empty => String::new(),
            })
            .collect();
        w.write_record(&rec).map_err(ApiError::internal)?;
    }
    w.into_inner().map_err(ApiError::internal)
}

/// The table as an XLSX workbook.
pub fn to_xlsx(t: &Table) -> Result<Vec<u8>, ApiError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let two = rust_xlsxwriter::Format::new().set_num_format("0.00");
    for (i, h) in (0u16..).zip(t.headings) {
        sheet.write_string_with_format(0, i, *h, &bold).map_err(ApiError::internal)?;
    }
    for (row, r) in (1u32..).zip(&t.rows) {
        for (col, v) in (0u16..).zip(r) {
            match v {
                Value::Text(s) => sheet.write_string(row, col, s).map(|_| ()),
                Value::Int(n) => sheet.write_number(row, col, *n as f64).map(|_| ()),
                Value::Num(n, _) => sheet.write_number_with_format(row, col, *n, &two).map(|_| ()),
                Value::Empty => Ok(()),
            }
            .map_err(ApiError::internal)?;
        }
    }
    sheet.autofit();
    book.save_to_buffer().map_err(ApiError::internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_has_decimal_commas_and_no_formulas() {
        let t = Table {
            headings: &["Naam", "Verzuim"],
            rows: vec![vec![Value::Text("=HYPERLINK(\"x\")".into()), Value::Num(35.00823, 2)]],
        };
        let text = String::from_utf8(to_csv(&t).unwrap()).unwrap();
        assert_eq!(text, "Naam;Verzuim\n\"'=HYPERLINK(\"\"x\"\")\";35,01\n");
        assert!(to_xlsx(&t).unwrap().starts_with(b"PK"));
    }
}
