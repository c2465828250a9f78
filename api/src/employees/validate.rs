//! Checking what people type into a record, with the shared rules (elfproef, mod-97,
//! employment periods), into field errors named like the form (`bsn`, `address.postcode`,
//! `employment.0.starts_on`). The result is a normalised record ready to store.

use chrono::NaiveDate;
use shared::{
    employees::{
        EmployeeRecordInput, EmploymentPeriodInput, IdDocumentInfo, PostalAddress, bsn::normalise_bsn,
        employment::check_periods, iban::normalise_iban,
    },
    networks::rules::normalise_postcode,
    validation::{FieldProblem, check_email, check_name},
};

use crate::error::Validation;

/// Column limits of `employee_records` (migration 000024) and `memberships`.
pub const MAX_PERSONNEL_NUMBER: usize = 30;
const MAX_NAME: usize = 100;
const MAX_INFIX: usize = 20;
const MAX_STREET: usize = 120;
const MAX_HOUSE_NUMBER: usize = 20;
const MAX_CITY: usize = 80;
const MAX_PHONE: usize = 30;
const MAX_DEPARTMENT: usize = 100;
const MAX_COST_CENTRE: usize = 100;
const MAX_JOB_TITLE: usize = 100;
const MAX_ID_NUMBER: usize = 30;

/// What to do with a secret on save.
#[derive(Clone, PartialEq, Eq)]
pub enum Secret {
    /// Left out: keep what is stored.
    Keep,
    /// `""`: remove it.
    Clear,
    /// A new, checked value (normalised).
    Set(String),
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Keep => f.write_str("Keep"),
            Self::Clear => f.write_str("Clear"),
            Self::Set(_) => f.write_str("Set([redacted])"),
        }
    }
}

/// A checked record.
#[derive(Debug, Clone)]
pub struct Checked {
    /// Personeelsnummer.
    pub personnel_number: String,
    /// First name(s).
    pub first_name: String,
    /// Infix, if any.
    pub infix: Option<String>,
    /// Last name.
    pub last_name: String,
    /// Birth date.
    pub birth_date: Option<NaiveDate>,
    /// Canonical e-mail (only used when creating).
    pub email: String,
    /// Address with a normalised Dutch postcode.
    pub address: Option<PostalAddress>,
    /// Phone.
    pub phone: Option<String>,
    /// Emergency phone.
    pub emergency_phone: Option<String>,
    /// BSN.
    pub bsn: Secret,
    /// IBAN.
    pub iban: Secret,
    /// Loonheffingskorting.
    pub tax_credit: bool,
    /// ID document; `None` keeps what is stored.
    pub id_document: Option<IdDocumentInfo>,
    /// Department.
    pub department: Option<String>,
    /// Cost centre.
    pub cost_centre: Option<String>,
    /// Employment periods, oldest first.
    pub employment: Vec<EmploymentPeriodInput>,
}

/// Trimmed text, `None` when empty.
pub fn optional(s: &Option<String>) -> Option<String> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from)
}

fn optional_max(v: &mut Validation, field: &str, s: &Option<String>, max: usize) -> Option<String> {
    let s = optional(s)?;
    if s.chars().count() > max {
        v.add(field, FieldProblem::TooLong(max));
    }
    Some(s)
}

/// A phone number as typed: empty means none; otherwise digits with the usual separators.
pub fn phone(field: &str, typed: &Option<String>, v: &mut Validation) -> Option<String> {
    let typed = optional(typed)?;
    let allowed = typed.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c));
    let digits = typed.chars().filter(char::is_ascii_digit).count();
    if typed.chars().count() > MAX_PHONE {
        v.add(field, FieldProblem::TooLong(MAX_PHONE));
    } else if !allowed || digits < 6 {
        v.add_code(field, "invalid_phone", "is not a phone number".into());
    }
    Some(typed)
}

/// An address: every part required, a Dutch postcode normalised to `1234 AB`.
pub fn address(field: &str, a: &PostalAddress, v: &mut Validation) -> PostalAddress {
    for (name, value, max) in [
        ("street", &a.street, MAX_STREET),
        ("house_number", &a.house_number, MAX_HOUSE_NUMBER),
        ("city", &a.city, MAX_CITY),
    ] {
        if let Err(p) = check_name(value, max) {
            v.add(&format!("{field}.{name}"), p);
        }
    }
    let country = a.country.trim().to_uppercase();
    let country = if country.is_empty() { "NL".to_string() } else { country };
    if country.len() != 2 || !country.chars().all(|c| c.is_ascii_uppercase()) {
        v.add_code(&format!("{field}.country"), "format", "is not a two-letter country code".into());
    }
    let postcode = if country == "NL" {
        match normalise_postcode(&a.postcode) {
            Some(p) => p,
            None => {
                v.add_code(
                    &format!("{field}.postcode"),
                    "invalid_postcode",
                    "is not a Dutch postcode (1234 AB)".into(),
                );
                a.postcode.trim().to_string()
            }
        }
    } else {
        let p = a.postcode.trim().to_string();
        if let Err(e) = check_name(&p, 10) {
            v.add(&format!("{field}.postcode"), e);
        }
        p
    };
    PostalAddress {
        street: a.street.trim().to_string(),
        house_number: a.house_number.trim().to_string(),
        postcode,
        city: a.city.trim().to_string(),
        country,
    }
}

/// A BSN field: left out keeps, `""` clears, otherwise the elfproef.
pub fn bsn(typed: &Option<String>, v: &mut Validation) -> Secret {
    match typed.as_deref().map(str::trim) {
        None => Secret::Keep,
        Some("") => Secret::Clear,
        Some(t) => match normalise_bsn(t) {
            Ok(b) => Secret::Set(b),
            Err(e) => {
                let message = match e.code() {
                    "checksum" => "is not a valid BSN (elfproef)",
                    _ => "must be 9 digits",
                };
                v.add_code("bsn", e.code(), message.into());
                Secret::Keep
            }
        },
    }
}

/// An IBAN field: left out keeps, `""` clears, otherwise mod-97.
pub fn iban(typed: &Option<String>, v: &mut Validation) -> Secret {
    match typed.as_deref().map(str::trim) {
        None => Secret::Keep,
        Some("") => Secret::Clear,
        Some(t) => match normalise_iban(t) {
            Ok(i) => Secret::Set(i),
            Err(e) => {
                let message = match e.code() {
                    "checksum" => "is not a valid IBAN (check digits)",
                    "length" => "has the wrong length for its country",
                    _ => "is not an IBAN",
                };
                v.add_code("iban", e.code(), message.into());
                Secret::Keep
            }
        },
    }
}

fn period_message(code: &str) -> &'static str {
    match code {
        "range" => "must be between 1 minute and 60 hours a week",
        "above_full_time" => "is more than the full-time week",
        "before_start" => "is before the first day",
        "overlap" => "overlaps another employment period",
        _ => "is not valid",
    }
}

/// Checks employment periods into `employment.{i}.{field}` errors; returns them oldest first.
pub fn periods(periods: &[EmploymentPeriodInput], v: &mut Validation) -> Vec<EmploymentPeriodInput> {
    for (i, field, code) in check_periods(periods) {
        v.add_code(&format!("employment.{i}.{field}"), code, period_message(code).into());
    }
    for (i, p) in periods.iter().enumerate() {
        if p.job_title.as_deref().is_some_and(|t| t.trim().chars().count() > MAX_JOB_TITLE) {
            v.add(&format!("employment.{i}.job_title"), FieldProblem::TooLong(MAX_JOB_TITLE));
        }
    }
    let mut sorted: Vec<EmploymentPeriodInput> = periods
        .iter()
        .map(|p| EmploymentPeriodInput { job_title: optional(&p.job_title), ..p.clone() })
        .collect();
    sorted.sort_by_key(|p| p.starts_on);
    sorted
}

/// Checks a whole record as typed. `creating` also checks the e-mail address.
pub fn record(input: &EmployeeRecordInput, creating: bool, today: NaiveDate, v: &mut Validation) -> Checked {
    let personnel_number = input.personnel_number.trim().to_string();
    v.check("personnel_number", check_name(&personnel_number, MAX_PERSONNEL_NUMBER));
    v.check("first_name", check_name(&input.first_name, MAX_NAME));
    v.check("last_name", check_name(&input.last_name, MAX_NAME));
    let infix = optional_max(v, "infix", &input.infix, MAX_INFIX);
    if creating {
        v.check("email", check_email(&input.email));
    }
    if let Some(d) = input.birth_date {
        let oldest = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(d);
        if d > today || d < oldest {
            v.add_code("birth_date", "out_of_range", "must be a date between 1900 and today".into());
        }
    }
    let address = input.address.as_ref().map(|a| address("address", a, v));
    let phone_number = phone("phone", &input.phone, v);
    let emergency_phone = phone("emergency_phone", &input.emergency_phone, v);
    let bsn = bsn(&input.bsn, v);
    let iban = iban(&input.iban, v);
    let id_document = input.id_document.as_ref().map(|d| {
        let number: String =
            d.number.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
        if let Err(p) = check_name(&number, MAX_ID_NUMBER) {
            v.add("id_document.number", p);
        }
        IdDocumentInfo { kind: d.kind, number, expires_on: d.expires_on }
    });
    let department = optional_max(v, "department", &input.department, MAX_DEPARTMENT);
    let cost_centre = optional_max(v, "cost_centre", &input.cost_centre, MAX_COST_CENTRE);
    let employment = periods(&input.employment, v);
    Checked {
        personnel_number,
        first_name: input.first_name.trim().to_string(),
        infix,
        last_name: input.last_name.trim().to_string(),
        birth_date: input.birth_date,
        email: crate::auth::email::canonical(&input.email),
        address,
        phone: phone_number,
        emergency_phone,
        bsn,
        iban,
        tax_credit: input.tax_credit,
        id_document,
        department,
        cost_centre,
        employment,
    }
}

/// "Anna de Vries".
pub fn full_name(first: &str, infix: Option<&str>, last: &str) -> String {
    match infix.filter(|i| !i.is_empty()) {
        Some(i) => format!("{first} {i} {last}"),
        None => format!("{first} {last}"),
    }
}

/// "vries, anna de": the list's order and what its search matches.
pub fn sort_name(first: &str, infix: Option<&str>, last: &str) -> String {
    let name = match infix.filter(|i| !i.is_empty()) {
        Some(i) => format!("{last}, {first} {i}"),
        None => format!("{last}, {first}"),
    };
    name.to_lowercase().chars().take(240).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_order() {
        assert_eq!(full_name("Anna", Some("de"), "Vries"), "Anna de Vries");
        assert_eq!(sort_name("Anna", Some("de"), "Vries"), "vries, anna de");
        assert_eq!(sort_name("Pieter", None, "Smit"), "smit, pieter");
    }

    #[test]
    fn secrets_never_print() {
        assert_eq!(format!("{:?}", Secret::Set("111222333".into())), "Set([redacted])");
    }
}
