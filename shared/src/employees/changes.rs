//! Change requests: what an employee may change directly, what they ask the employer to
//! change (with an effective date), and how a requested value is checked.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::employment::MAX_WEEK_MINUTES;

/// A field an employee asks the employer to change (Nmbrs-style change request). Contact
/// details and the address they change themselves; the IBAN after signing in again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChangeField {
    /// First name(s).
    FirstName,
    /// Infix (tussenvoegsel), may become empty.
    Infix,
    /// Last name.
    LastName,
    /// Birth date, `YYYY-MM-DD`.
    BirthDate,
    /// Contract hours per week, as minutes (`1440` for 24 hours).
    ContractMinutes,
    /// Payroll tax credit applied here: `true` or `false`.
    TaxCredit,
}

impl ChangeField {
    /// Every field, in the order screens list them.
    pub const ALL: [ChangeField; 6] = [
        Self::FirstName,
        Self::Infix,
        Self::LastName,
        Self::BirthDate,
        Self::ContractMinutes,
        Self::TaxCredit,
    ];

    /// The stored snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::FirstName => "first_name",
            Self::Infix => "infix",
            Self::LastName => "last_name",
            Self::BirthDate => "birth_date",
            Self::ContractMinutes => "contract_minutes",
            Self::TaxCredit => "tax_credit",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == s)
    }
}

/// State of a change request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChangeRequestStatus {
    /// Waiting for someone with *manage employee data*.
    Pending,
    /// Approved: the record changed (from the effective date for contract hours).
    Approved,
    /// Declined, with a note.
    Declined,
    /// Withdrawn by the employee before a decision.
    Withdrawn,
}

impl ChangeRequestStatus {
    /// The stored snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Approved => "approved",
            Self::Declined => "declined",
            Self::Withdrawn => "withdrawn",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Pending, Self::Approved, Self::Declined, Self::Withdrawn].into_iter().find(|x| x.as_str() == s)
    }
}

/// Checks a requested value for `field` and returns it in stored form, or an error code
/// (`required`, `too_long`, `format`, `range`, `future`).
pub fn check_value(field: ChangeField, value: &str, today: NaiveDate) -> Result<String, &'static str> {
    let v = value.trim();
    match field {
        ChangeField::FirstName | ChangeField::LastName => {
            if v.is_empty() {
                Err("required")
            } else if v.chars().count() > 100 {
                Err("too_long")
            } else {
                Ok(v.to_string())
            }
        }
        ChangeField::Infix => {
            if v.chars().count() > 20 {
                Err("too_long")
            } else {
                Ok(v.to_string())
            }
        }
        ChangeField::BirthDate => {
            let d: NaiveDate = v.parse().map_err(|_| "format")?;
            if d > today {
                Err("future")
            } else if d < NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(d) {
                Err("range")
            } else {
                Ok(d.to_string())
            }
        }
        ChangeField::ContractMinutes => {
            let m: i32 = v.parse().map_err(|_| "format")?;
            if (1..=MAX_WEEK_MINUTES).contains(&m) { Ok(m.to_string()) } else { Err("range") }
        }
        ChangeField::TaxCredit => match v {
            "true" | "false" => Ok(v.to_string()),
            _ => Err("format"),
        },
    }
}

/// Whether a request may be decided or withdrawn: only while pending.
pub fn may_decide(status: ChangeRequestStatus) -> bool {
    status == ChangeRequestStatus::Pending
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn values_are_checked_per_field() {
        assert_eq!(check_value(ChangeField::ContractMinutes, " 1920 ", today()), Ok("1920".into()));
        assert_eq!(check_value(ChangeField::ContractMinutes, "0", today()), Err("range"));
        assert_eq!(check_value(ChangeField::ContractMinutes, "32u", today()), Err("format"));
        assert_eq!(check_value(ChangeField::BirthDate, "2030-01-01", today()), Err("future"));
        assert_eq!(check_value(ChangeField::BirthDate, "1990-02-30", today()), Err("format"));
        assert_eq!(check_value(ChangeField::LastName, "  ", today()), Err("required"));
        assert_eq!(check_value(ChangeField::Infix, "", today()), Ok(String::new()));
        assert_eq!(check_value(ChangeField::TaxCredit, "ja", today()), Err("format"));
    }

    #[test]
    fn only_pending_requests_are_decided() {
        assert!(may_decide(ChangeRequestStatus::Pending));
        assert!(!may_decide(ChangeRequestStatus::Approved));
        assert!(!may_decide(ChangeRequestStatus::Withdrawn));
        for f in ChangeField::ALL {
            assert_eq!(ChangeField::parse(f.as_str()), Some(f));
        }
    }
}
