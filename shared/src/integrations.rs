//! API clients for integrations (payroll, planning and arbodienst systems).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// What an API client may do. More scopes arrive with each capability.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ApiScope {
    /// Read the organisation, its teams and members.
    #[serde(rename = "organisation:read")]
    OrganisationRead,
    /// Put planned hours in workers' weeks (planning systems).
    #[serde(rename = "hours:plan")]
    HoursPlan,
    /// Export approved hours for payroll and billing (payroll systems).
    #[serde(rename = "hours:export")]
    HoursExport,
    /// Pull employee records and their changes, with BSN and IBAN (payroll systems).
    #[serde(rename = "employees:read")]
    EmployeesRead,
    /// Push payslips, annual statements, accruals and payments (payroll systems).
    #[serde(rename = "payroll:write")]
    PayrollWrite,
}

impl ApiScope {
    /// Every scope.
    pub const ALL: [ApiScope; 5] = [
        ApiScope::OrganisationRead,
        ApiScope::HoursPlan,
        ApiScope::HoursExport,
        ApiScope::EmployeesRead,
        ApiScope::PayrollWrite,
    ];

    /// The scope's name, as in tokens.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::OrganisationRead => "organisation:read",
            Self::HoursPlan => "hours:plan",
            Self::HoursExport => "hours:export",
            Self::EmployeesRead => "employees:read",
            Self::PayrollWrite => "payroll:write",
        }
    }

    /// Parses a name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// Body of `POST /api/v1/api-clients`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewApiClient {
    /// What the integration is, e.g. "Salarisverwerking Loket".
    pub name: String,
    /// What it may do.
    pub scopes: Vec<ApiScope>,
}

/// An API client as its organisation's administrators see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiClient {
    /// The client id.
    pub id: Uuid,
    /// Its name.
    pub name: String,
    /// Granted scopes.
    pub scopes: Vec<ApiScope>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it last got a token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_used_at: Option<DateTime<Utc>>,
    /// Set when revoked; its tokens stop working at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A new client with its secret, which is shown this once.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreatedApiClient {
    /// The client.
    pub client: ApiClient,
    /// The secret; store it in the integration, Poort keeps only a hash.
    pub client_secret: String,
}

impl std::fmt::Debug for CreatedApiClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreatedApiClient").field("client", &self.client).finish_non_exhaustive()
    }
}

/// Body of `POST /api/v1/auth/client-token` (OAuth 2 client credentials, as JSON).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ClientCredentials {
    /// The client id.
    pub client_id: Uuid,
    /// The client secret.
    pub client_secret: String,
}

impl std::fmt::Debug for ClientCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientCredentials").field("client_id", &self.client_id).finish_non_exhaustive()
    }
}

/// A short-lived token for an API client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientToken {
    /// JWT for `Authorization: Bearer`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until it expires.
    pub expires_in: i64,
    /// Granted scopes, space-separated.
    pub scope: String,
}
