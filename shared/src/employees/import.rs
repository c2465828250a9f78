//! Reading an import row: the columns Poort knows (Dutch or English headers, any order,
//! any case), and one row of text cells turned into a record input or a list of problems.
//! The server reads CSV/XLSX into text cells and compares the result with what is stored.

use chrono::NaiveDate;

use super::{
    bsn::normalise_bsn,
    dto::{EmployeeRecordInput, EmploymentPeriodInput, PostalAddress},
    iban::normalise_iban,
};

/// A column of the import file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// Personeelsnummer (required).
    PersonnelNumber,
    /// Voornaam (required).
    FirstName,
    /// Tussenvoegsel.
    Infix,
    /// Achternaam (required).
    LastName,
    /// Geboortedatum.
    BirthDate,
    /// E-mail (required).
    Email,
    /// Telefoon.
    Phone,
    /// Noodnummer.
    EmergencyPhone,
    /// Straat.
    Street,
    /// Huisnummer.
    HouseNumber,
    /// Postcode.
    Postcode,
    /// Plaats.
    City,
    /// BSN.
    Bsn,
    /// IBAN.
    Iban,
    /// Loonheffingskorting (ja/nee).
    TaxCredit,
    /// Afdeling.
    Department,
    /// Kostenplaats.
    CostCentre,
    /// In dienst (first day of the employment period).
    StartsOn,
    /// Uit dienst.
    EndsOn,
    /// Contracturen per week.
    ContractHours,
    /// Fulltime uren per week.
    FullTimeHours,
    /// Functie.
    JobTitle,
}

/// Header names recognised per column (compared lower-case, spaces/`_`/`-` ignored).
const NAMES: [(Column, &[&str]); 22] = [
    (Column::PersonnelNumber, &["personeelsnummer", "personnelnumber", "personeelsnr", "employeenumber"]),
    (Column::FirstName, &["voornaam", "voornamen", "firstname"]),
    (Column::Infix, &["tussenvoegsel", "infix"]),
    (Column::LastName, &["achternaam", "lastname", "surname"]),
    (Column::BirthDate, &["geboortedatum", "birthdate", "dateofbirth"]),
    (Column::Email, &["email", "emailadres", "mail"]),
    (Column::Phone, &["telefoon", "telefoonnummer", "phone", "mobiel"]),
    (Column::EmergencyPhone, &["noodnummer", "emergencyphone", "telefoonnoodgeval"]),
    (Column::Street, &["straat", "street"]),
    (Column::HouseNumber, &["huisnummer", "housenumber"]),
    (Column::Postcode, &["postcode", "postalcode", "zip"]),
    (Column::City, &["plaats", "woonplaats", "city"]),
    (Column::Bsn, &["bsn", "burgerservicenummer"]),
    (Column::Iban, &["iban", "rekeningnummer", "bankaccount"]),
    (Column::TaxCredit, &["loonheffingskorting", "heffingskorting", "taxcredit"]),
    (Column::Department, &["afdeling", "department"]),
    (Column::CostCentre, &["kostenplaats", "costcentre", "costcenter"]),
    (Column::StartsOn, &["indienst", "datumindienst", "startdate", "startson"]),
    (Column::EndsOn, &["uitdienst", "datumuitdienst", "enddate", "endson"]),
    (Column::ContractHours, &["contracturen", "urenperweek", "contracthours"]),
    (Column::FullTimeHours, &["fulltimeuren", "voltijduren", "fulltimehours"]),
    (Column::JobTitle, &["functie", "jobtitle", "function"]),
];

/// The header Poort writes for a column (its template and problems about missing columns).
pub fn header(col: Column) -> String {
    let name = NAMES.iter().find(|(c, _)| *c == col).map(|(_, n)| n[0]).unwrap_or_default();
    let mut chars = name.chars();
    chars.next().map(|f| f.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Columns a file must have.
pub const REQUIRED: [Column; 4] =
    [Column::PersonnelNumber, Column::FirstName, Column::LastName, Column::Email];

/// Full-time week assumed when the file has contract hours but no full-time hours (or the
/// contract hours, when those are more).
pub const DEFAULT_FULL_TIME_MINUTES: i32 = 38 * 60;

/// The column a header names, if any.
pub fn column_of(header: &str) -> Option<Column> {
    let key: String =
        header.chars().filter(|c| !matches!(c, ' ' | '_' | '-' | '.')).collect::<String>().to_lowercase();
    NAMES.iter().find(|(_, names)| names.contains(&key.as_str())).map(|(c, _)| *c)
}

/// A problem with a cell: the header as written in the file, and an error code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellProblem {
    /// The header as in the file.
    pub column: String,
    /// `required`, `format`, `checksum`, `length`, `range`, `above_full_time`, `before_start`.
    pub code: &'static str,
}

/// A date as people type it in spreadsheets: `2026-01-31`, `31-01-2026` or `31/01/2026`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d-%m-%Y"))
        .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
        .ok()
}

/// Hours as minutes: `24`, `24,5`, `24.5` or `24:30`.
pub fn parse_hours(s: &str) -> Option<i32> {
    let s = s.trim();
    if let Some((h, m)) = s.split_once(':') {
        let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
        return (0..60).contains(&m).then_some(h * 60 + m);
    }
    let v: f64 = s.replace(',', ".").parse().ok()?;
    (v.is_finite() && v >= 0.0).then(|| (v * 60.0).round() as i32)
}

/// Yes/no in Dutch or English; empty is no.
pub fn parse_yes_no(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "ja" | "j" | "yes" | "y" | "true" | "1" => Some(true),
        "nee" | "n" | "no" | "false" | "0" | "" => Some(false),
        _ => None,
    }
}

/// Turns one row into a record input. `headers` and `cells` are parallel (missing cells are
/// empty). Every problem is returned, not only the first.
pub fn read_row(headers: &[String], cells: &[String]) -> Result<EmployeeRecordInput, Vec<CellProblem>> {
    let mut problems = Vec::new();
    let get = |col: Column| -> Option<(&str, &str)> {
        headers
            .iter()
            .position(|h| column_of(h) == Some(col))
            .map(|i| (headers[i].as_str(), cells.get(i).map(|c| c.trim()).unwrap_or_default()))
    };
    let text = |col: Column| get(col).map(|(_, v)| v.to_string()).filter(|v| !v.is_empty());
    let mut problem = |col: Column, code: &'static str| {
        let column = get(col).map(|(h, _)| h.to_string()).unwrap_or_else(|| header(col));
        problems.push(CellProblem { column, code });
    };

    for col in REQUIRED {
        if text(col).is_none() {
            problem(col, "required");
        }
    }
    if let Some(e) = text(Column::Email)
        && (!e.contains('@') || e.contains(' ') || e.len() > 254)
    {
        problem(Column::Email, "format");
    }
    if text(Column::PersonnelNumber).is_some_and(|n| n.chars().count() > 30) {
        problem(Column::PersonnelNumber, "too_long");
    }
    let date = |col: Column, problem: &mut dyn FnMut(Column, &'static str)| -> Option<NaiveDate> {
        let v = text(col)?;
        let d = parse_date(&v);
        if d.is_none() {
            problem(col, "format");
        }
        d
    };
    let birth_date = date(Column::BirthDate, &mut problem);
    let starts_on = date(Column::StartsOn, &mut problem);
    let ends_on = date(Column::EndsOn, &mut problem);
    let bsn = text(Column::Bsn).and_then(|v| match normalise_bsn(&v) {
        Ok(b) => Some(b),
        Err(e) => {
            problem(Column::Bsn, e.code());
            None
        }
    });
    let iban = text(Column::Iban).and_then(|v| match normalise_iban(&v) {
        Ok(i) => Some(i),
        Err(e) => {
            problem(Column::Iban, e.code());
            None
        }
    });
    let tax_credit = match parse_yes_no(&text(Column::TaxCredit).unwrap_or_default()) {
        Some(b) => b,
        None => {
            problem(Column::TaxCredit, "format");
            false
        }
    };
    let hours = |col: Column, problem: &mut dyn FnMut(Column, &'static str)| -> Option<i32> {
        let v = text(col)?;
        let m = parse_hours(&v).filter(|m| (1..=super::employment::MAX_WEEK_MINUTES).contains(m));
        if m.is_none() {
            problem(col, "range");
        }
        m
    };
    let contract = hours(Column::ContractHours, &mut problem);
    let full_time = hours(Column::FullTimeHours, &mut problem);
    let mut employment = Vec::new();
    match (starts_on, contract) {
        (Some(starts_on), Some(contract_minutes)) => {
            // Without a full-time column a 40-hour contract is full time, not "above full time".
            let full_time_minutes = full_time.unwrap_or(DEFAULT_FULL_TIME_MINUTES.max(contract_minutes));
            let p = EmploymentPeriodInput {
                starts_on,
                ends_on,
                contract_minutes,
                full_time_minutes,
                job_title: text(Column::JobTitle),
            };
            for (_, field, code) in super::employment::check_periods(std::slice::from_ref(&p)) {
                let col = match field {
                    "ends_on" => Column::EndsOn,
                    "full_time_minutes" => Column::FullTimeHours,
                    _ => Column::ContractHours,
                };
                problem(col, code);
            }
            employment.push(p);
        }
        (Some(_), None) if get(Column::ContractHours).is_some() => problem(Column::ContractHours, "required"),
        (None, Some(_)) => problem(Column::StartsOn, "required"),
        _ => {}
    }
    let address =
        match (text(Column::Street), text(Column::HouseNumber), text(Column::Postcode), text(Column::City)) {
            (None, None, None, None) => None,
            (street, house_number, postcode, city) => {
                for (col, v) in [
                    (Column::Street, &street),
                    (Column::HouseNumber, &house_number),
                    (Column::Postcode, &postcode),
                    (Column::City, &city),
                ] {
                    if v.is_none() {
                        problem(col, "required");
                    }
                }
                Some(PostalAddress {
                    street: street.unwrap_or_default(),
                    house_number: house_number.unwrap_or_default(),
                    postcode: postcode.unwrap_or_default(),
                    city: city.unwrap_or_default(),
                    country: "NL".into(),
                })
            }
        };
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(EmployeeRecordInput {
        personnel_number: text(Column::PersonnelNumber).unwrap_or_default(),
        first_name: text(Column::FirstName).unwrap_or_default(),
        infix: text(Column::Infix),
        last_name: text(Column::LastName).unwrap_or_default(),
        birth_date,
        email: text(Column::Email).unwrap_or_default().to_lowercase(),
        address,
        phone: text(Column::Phone),
        emergency_phone: text(Column::EmergencyPhone),
        bsn,
        iban,
        tax_credit,
        id_document: None,
        department: text(Column::Department),
        cost_centre: text(Column::CostCentre),
        employment,
        version: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(pairs: &[(&str, &str)]) -> (Vec<String>, Vec<String>) {
        (pairs.iter().map(|p| p.0.to_string()).collect(), pairs.iter().map(|p| p.1.to_string()).collect())
    }

    #[test]
    fn headers_match_in_dutch_or_english_any_case() {
        assert_eq!(column_of("Personeelsnummer"), Some(Column::PersonnelNumber));
        assert_eq!(column_of("E-mail"), Some(Column::Email));
        assert_eq!(column_of("in dienst"), Some(Column::StartsOn));
        assert_eq!(column_of("first_name"), Some(Column::FirstName));
        assert_eq!(column_of("schoenmaat"), None);
    }

    #[test]
    fn a_good_row_becomes_a_record_with_one_period() {
        let (h, c) = row(&[
            ("Personeelsnummer", "1042"),
            ("Voornaam", "Anna"),
            ("Tussenvoegsel", "de"),
            ("Achternaam", "Vries"),
            ("E-mail", "Anna@Example.nl"),
            ("BSN", "1112.22.333"),
            ("IBAN", "nl91 abna 0417 1643 00"),
            ("Loonheffingskorting", "ja"),
            ("In dienst", "01-03-2024"),
            ("Contracturen", "24,5"),
        ]);
        let r = read_row(&h, &c).unwrap();
        assert_eq!(r.email, "anna@example.nl");
        assert_eq!(r.bsn.as_deref(), Some("111222333"));
        assert_eq!(r.iban.as_deref(), Some("NL91ABNA0417164300"));
        assert!(r.tax_credit);
        assert_eq!(r.employment[0].contract_minutes, 1470);
        assert_eq!(r.employment[0].full_time_minutes, DEFAULT_FULL_TIME_MINUTES);
        assert_eq!(r.employment[0].starts_on, NaiveDate::from_ymd_opt(2024, 3, 1).unwrap());
        assert_eq!(r.address, None);
    }

    #[test]
    fn every_problem_of_a_broken_row_is_named_by_its_header() {
        let (h, c) = row(&[
            ("Personeelsnummer", ""),
            ("Voornaam", "Bram"),
            ("Achternaam", "Jansen"),
            ("E-mail", "bram.example.nl"),
            ("BSN", "123456783"),
            ("Geboortedatum", "31-02-1990"),
            ("Straat", "Dorpsstraat"),
        ]);
        let problems = read_row(&h, &c).unwrap_err();
        let named: Vec<(&str, &str)> = problems.iter().map(|p| (p.column.as_str(), p.code)).collect();
        assert!(named.contains(&("Personeelsnummer", "required")));
        assert!(named.contains(&("E-mail", "format")));
        assert!(named.contains(&("BSN", "checksum")));
        assert!(named.contains(&("Geboortedatum", "format")));
        assert!(named.contains(&("Huisnummer", "required")) && named.contains(&("Plaats", "required")));
        assert_eq!(named.iter().filter(|p| p.1 == "required").count(), 1 + 3, "{named:?}");
    }

    #[test]
    fn without_a_full_time_column_a_long_contract_is_full_time() {
        let (h, c) = row(&[
            ("Personeelsnummer", "1040"),
            ("Voornaam", "Ruben"),
            ("Achternaam", "Verhoef"),
            ("E-mail", "ruben@example.nl"),
            ("In dienst", "01-12-2026"),
            ("Contracturen", "40"),
        ]);
        let r = read_row(&h, &c).unwrap();
        assert_eq!((r.employment[0].contract_minutes, r.employment[0].full_time_minutes), (2400, 2400));
        let (h, c) = row(&[
            ("Personeelsnummer", "1040"),
            ("Voornaam", "Ruben"),
            ("Achternaam", "Verhoef"),
            ("E-mail", "ruben@example.nl"),
            ("In dienst", "01-12-2026"),
            ("Contracturen", "40"),
            ("Fulltime uren", "36"),
        ]);
        assert_eq!(read_row(&h, &c).unwrap_err()[0].code, "above_full_time");
    }

    #[test]
    fn hours_and_dates_in_the_forms_spreadsheets_use() {
        assert_eq!(parse_hours("24:30"), Some(1470));
        assert_eq!(parse_hours("38"), Some(2280));
        assert_eq!(parse_hours("x"), None);
        assert_eq!(parse_date("2026-01-31"), NaiveDate::from_ymd_opt(2026, 1, 31));
        assert_eq!(parse_date("31/01/2026"), NaiveDate::from_ymd_opt(2026, 1, 31));
        assert_eq!(parse_yes_no("Nee"), Some(false));
        assert_eq!(parse_yes_no("misschien"), None);
    }
}
