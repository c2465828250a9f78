//! Organisations (tenants), their teams and their members.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use chrono::NaiveDate;

use crate::auth::{Right, Role};

/// An organisation (tenant) as its members see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Organisation {
    /// Id.
    pub id: Uuid,
    /// Name.
    pub name: String,
    /// When it was created.
    pub created_at: DateTime<Utc>,
}

/// A team inside an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Team {
    /// Id.
    pub id: Uuid,
    /// The organisation it belongs to.
    pub organisation_id: Uuid,
    /// Name, unique within the organisation.
    pub name: String,
    /// Number of members.
    pub member_count: i64,
    /// When it was created.
    pub created_at: DateTime<Utc>,
}

/// Body of `POST /api/v1/teams`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewTeam {
    /// Name, 1–100 characters, unique within the organisation.
    pub name: String,
}

/// A person's membership of the caller's organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Member {
    /// Membership id.
    pub id: Uuid,
    /// The person's user id.
    pub user_id: Uuid,
    /// Full name.
    pub name: String,
    /// E-mail address.
    pub email: String,
    /// Role in the organisation.
    pub role: Role,
    /// Rights in the organisation.
    pub rights: Vec<Right>,
    /// Whether this is the main contact.
    pub main_contact: bool,
}

/// A page of a list, with the cursor for the next page (keyset pagination).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// Body of `PUT /api/v1/members/{id}`: a member's role and rights.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MemberUpdate {
    /// The new role.
    pub role: Role,
    /// The new rights (only rights you hold yourself).
    pub rights: Vec<Right>,
}

/// One entry of the audit trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    /// Id (sortable by time).
    pub id: Uuid,
    /// When it happened.
    pub at: DateTime<Utc>,
    /// What happened, e.g. `sign_in`, `right_granted`.
    pub action: String,
    /// Who did it (user id), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_user_id: Option<Uuid>,
    /// Their name, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_name: Option<String>,
    /// What it concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Client address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip: Option<String>,
    /// Client software.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
}

/// Body of `POST /api/v1/organisations` (platform helpdesk only). The care profile
/// (category, address, phone) is optional: organisations outside care networks leave it out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewOrganisation {
    /// Name, 1–200 characters, unique.
    pub name: String,
    /// Care profile category code (`GET /api/v1/organisation-categories`).
    #[serde(default)]
    pub category: Option<String>,
    /// Address.
    #[serde(default)]
    pub address: Option<crate::networks::AddressInput>,
    /// General phone number.
    #[serde(default)]
    pub phone: Option<String>,
}

/// Body of `POST /api/v1/organisations/{id}/main-contact` (platform helpdesk only): the
/// invitation of an organisation's first main contact, who gets all three rights.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewMainContact {
    /// The person's full name.
    pub name: String,
    /// Where the invitation goes.
    pub email: String,
    /// Their role, usually `administrator` (care) or `employer`.
    pub role: Role,
    /// Asked back at activation as proof.
    pub birth_date: NaiveDate,
    /// Their mobile number, if known.
    #[serde(default)]
    pub mobile: Option<String>,
}
