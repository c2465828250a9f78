//! Contracts to sign online (seed 002 "Contracten"): the employee reads the PDF and signs
//! by confirming with their second factor, ticking agreement and typing their name.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// State of a contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContractStatus {
    /// Waiting for the employee's signature (a pending action).
    ToSign,
    /// Signed.
    Signed,
    /// Not signed by its sign-by date.
    Expired,
    /// Withdrawn by the employer before it was signed.
    Withdrawn,
}

impl ContractStatus {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ToSign => "to_sign",
            Self::Signed => "signed",
            Self::Expired => "expired",
            Self::Withdrawn => "withdrawn",
        }
    }
}

/// The status on `today` (Europe/Amsterdam): signed wins, then withdrawn; a contract may be
/// signed through the whole of its sign-by day.
pub fn status(signed: bool, withdrawn: bool, sign_by: NaiveDate, today: NaiveDate) -> ContractStatus {
    if signed {
        ContractStatus::Signed
    } else if withdrawn {
        ContractStatus::Withdrawn
    } else if today > sign_by {
        ContractStatus::Expired
    } else {
        ContractStatus::ToSign
    }
}

/// Whether the typed name is the signer's name: case, accents, dots and extra spaces do not
/// matter ("anna de vries" signs for "Anna de Vries"), anything else does.
pub fn typed_name_matches(typed: &str, name: &str) -> bool {
    fn fold(s: &str) -> String {
        s.chars()
            .filter_map(|c| match c {
                'á' | 'à' | 'ä' | 'â' | 'Á' | 'À' | 'Ä' | 'Â' => Some('a'),
                'é' | 'è' | 'ë' | 'ê' | 'É' | 'È' | 'Ë' | 'Ê' => Some('e'),
                'í' | 'ì' | 'ï' | 'î' | 'Í' | 'Ì' | 'Ï' | 'Î' => Some('i'),
                'ó' | 'ò' | 'ö' | 'ô' | 'Ó' | 'Ò' | 'Ö' | 'Ô' => Some('o'),
                'ú' | 'ù' | 'ü' | 'û' | 'Ú' | 'Ù' | 'Ü' | 'Û' => Some('u'),
                'ç' | 'Ç' => Some('c'),
                '.' => None,
                c => Some(c),
            })
            .collect::<String>()
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
    let t = fold(typed);
    !t.is_empty() && t == fold(name)
}

/// A contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contract {
    /// Id.
    pub id: Uuid,
    /// The employee who signs.
    pub user_id: Uuid,
    /// Their name.
    pub person_name: String,
    /// Title ("Arbeidsovereenkomst 2027").
    pub title: String,
    /// The PDF (a personal document of kind employment contract).
    pub document_id: Uuid,
    /// SHA-256 of the PDF, hex: what the signature covers.
    pub document_sha256: String,
    /// Last day to sign.
    pub sign_by: NaiveDate,
    /// State today.
    pub status: ContractStatus,
    /// When it was offered.
    pub created_at: DateTime<Utc>,
    /// The signature, once signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<Signature>,
}

/// What a signature records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Signature {
    /// When.
    pub signed_at: DateTime<Utc>,
    /// The signer's account.
    pub signer_user_id: Uuid,
    /// The name they typed.
    pub typed_name: String,
    /// SHA-256 of the PDF at the moment of signing.
    pub document_sha256: String,
    /// Second factor used: `totp` or `sms`.
    pub second_factor: String,
    /// IP address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip: Option<String>,
    /// Browser (user agent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
}

/// Query of `POST /api/v1/contracts` (employer with *manage employee data*; the body is the PDF).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct NewContract {
    /// The employee.
    pub user_id: Uuid,
    /// Title, 1–200 characters.
    pub title: String,
    /// Last day to sign; today or later.
    pub sign_by: NaiveDate,
    /// The file's name on the uploader's computer.
    pub file_name: String,
}

/// Body of `POST /api/v1/me/contracts/{id}/sign`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SignContract {
    /// "Ik ga akkoord" ticked.
    pub agree: bool,
    /// The signer's full name, typed.
    pub typed_name: String,
    /// A current code from the authenticator app, or the SMS code sent by
    /// `POST /api/v1/me/contracts/{id}/sign-code`.
    pub code: String,
}

impl std::fmt::Debug for SignContract {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignContract")
            .field("agree", &self.agree)
            .field("typed_name", &self.typed_name)
            .field("code", &"[redacted]")
            .finish()
    }
}

/// One line of a contract's audit trail (`GET /api/v1/contracts/{id}/audit`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContractAuditEntry {
    /// When.
    pub at: DateTime<Utc>,
    /// `offered`, `opened`, `sign_code_sent`, `sign_failed`, `signed`, `withdrawn`.
    pub action: String,
    /// Who.
    pub actor_name: String,
    /// IP address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip: Option<String>,
    /// Browser.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
    /// Document hash or the failure's reason code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn status_follows_signature_withdrawal_and_the_sign_by_day() {
        assert_eq!(status(false, false, d("2026-11-30"), d("2026-11-30")), ContractStatus::ToSign);
        assert_eq!(status(false, false, d("2026-11-30"), d("2026-12-01")), ContractStatus::Expired);
        assert_eq!(status(true, false, d("2026-11-30"), d("2027-01-01")), ContractStatus::Signed);
        assert_eq!(status(false, true, d("2026-11-30"), d("2026-11-01")), ContractStatus::Withdrawn);
    }

    #[test]
    fn the_typed_name_forgives_case_accents_and_spacing_only() {
        assert!(typed_name_matches(" anna  de vries ", "Anna de Vries"));
        assert!(typed_name_matches("Jose Muller", "José Müller"));
        assert!(typed_name_matches("A.B. Jansen", "AB Jansen"));
        assert!(!typed_name_matches("Anna Vries", "Anna de Vries"));
        assert!(!typed_name_matches("", ""));
    }
}
