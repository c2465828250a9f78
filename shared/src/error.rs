//! The one error shape every API error uses, shared so the browser can match on
//! the kind and show a message in the user's language.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// What went wrong, as a stable snake_case tag clients can match on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The request body, path or query could not be read (malformed JSON, wrong type, unknown field).
    BadRequest,
    /// One or more fields failed validation; see `fields`.
    Validation,
    /// No valid session or token was presented.
    Unauthenticated,
    /// E-mail and password did not match an account that may sign in.
    InvalidCredentials,
    /// The caller is signed in but may not do this.
    Forbidden,
    /// The object does not exist or belongs to someone the caller may not see.
    NotFound,
    /// The object changed or already exists.
    Conflict,
    /// The request body is larger than the server accepts.
    PayloadTooLarge,
    /// The body is not JSON.
    UnsupportedMediaType,
    /// Too many requests; try again later.
    RateLimited,
    /// A cross-site request was refused.
    CsrfRejected,
    /// The account has a temporary password: change it first (`POST /api/v1/me/password`).
    PasswordChangeRequired,
    /// The organisation requires a second factor: set one up first (`POST /api/v1/me/totp`).
    SecondFactorSetupRequired,
    /// Something failed on the server; the request id identifies it in the logs.
    Internal,
    /// The database or another dependency is not reachable.
    Unavailable,
}

impl ErrorKind {
    /// The HTTP status code that goes with this kind.
    pub fn status(self) -> u16 {
        match self {
            Self::BadRequest => 400,
            Self::Validation => 422,
            Self::Unauthenticated | Self::InvalidCredentials => 401,
            Self::Forbidden
            | Self::CsrfRejected
            | Self::PasswordChangeRequired
            | Self::SecondFactorSetupRequired => 403,
            Self::NotFound => 404,
            Self::Conflict => 409,
            Self::PayloadTooLarge => 413,
            Self::UnsupportedMediaType => 415,
            Self::RateLimited => 429,
            Self::Internal => 500,
            Self::Unavailable => 503,
        }
    }
}

/// Why one field was refused, as a code the browser translates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// Stable code, e.g. `required`, `too_long`, `invalid_email`.
    pub code: String,
    /// The same reason in English, for integrators reading raw responses.
    pub message: String,
}

/// The body of every error response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    /// Machine-readable kind.
    pub error: ErrorKind,
    /// Human-readable explanation in English; never contains database text.
    pub message: String,
    /// Per-field reasons, present for `validation` errors.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, FieldError>,
    /// The id of the request, also in the `x-request-id` header and the server log.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_serialise_as_snake_case_tags() {
        let json = serde_json::to_string(&ErrorKind::InvalidCredentials).unwrap_or_default();
        assert_eq!(json, "\"invalid_credentials\"");
        let json = serde_json::to_string(&ErrorKind::CsrfRejected).unwrap_or_default();
        assert_eq!(json, "\"csrf_rejected\"");
    }

    #[test]
    fn empty_fields_and_request_id_are_left_out() {
        let body = ErrorBody {
            error: ErrorKind::NotFound,
            message: "not found".into(),
            fields: BTreeMap::new(),
            request_id: None,
        };
        let json = serde_json::to_value(&body).unwrap_or_default();
        assert_eq!(json, serde_json::json!({"error": "not_found", "message": "not found"}));
    }

    #[test]
    fn every_kind_maps_to_an_error_status() {
        for kind in [
            ErrorKind::BadRequest,
            ErrorKind::Validation,
            ErrorKind::Unauthenticated,
            ErrorKind::InvalidCredentials,
            ErrorKind::Forbidden,
            ErrorKind::NotFound,
            ErrorKind::Conflict,
            ErrorKind::PayloadTooLarge,
            ErrorKind::UnsupportedMediaType,
            ErrorKind::RateLimited,
            ErrorKind::CsrfRejected,
            ErrorKind::PasswordChangeRequired,
            ErrorKind::SecondFactorSetupRequired,
            ErrorKind::Internal,
            ErrorKind::Unavailable,
        ] {
            assert!((400..600).contains(&kind.status()), "{kind:?}");
        }
    }
}
