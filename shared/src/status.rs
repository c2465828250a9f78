//! The platform status message every page shows (storingen).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The current outage message, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlatformStatus {
    /// The message the helpdesk set; absent when there are no known outages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// When the message was last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

/// Body of `PUT /api/v1/status` (helpdesk only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SetPlatformStatus {
    /// The new message, at most 500 characters; empty or absent clears it.
    #[serde(default)]
    pub message: Option<String>,
}
