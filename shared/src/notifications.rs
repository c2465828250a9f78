//! Mail and SMS as the helpdesk sees them in the outbox.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// One queued, sent or held message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutboxMessage {
    /// Id (sortable by creation).
    pub id: Uuid,
    /// `email` or `sms`.
    pub channel: String,
    /// Address or phone number.
    pub recipient: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
    /// `pending`, `sent`, `held` (no mail server configured) or `failed`.
    pub status: String,
    /// Delivery attempts so far.
    pub attempts: i32,
    /// The last delivery error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
    /// When it was queued.
    pub created_at: DateTime<Utc>,
    /// When it was delivered (or held).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<DateTime<Utc>>,
}
