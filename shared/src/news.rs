//! News an organisation posts for its people (seed 002 "Newsroom / Nieuws").

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Who a news item is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NewsAudience {
    /// Everyone in the organisation.
    Everyone,
    /// Employees only.
    Employees,
    /// The employer's side only (employers, planners, coordinators, administrators).
    Staff,
}

impl NewsAudience {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Everyone => "everyone",
            Self::Employees => "employees",
            Self::Staff => "staff",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Everyone, Self::Employees, Self::Staff].into_iter().find(|a| a.as_str() == s)
    }

    /// Whether someone with `role` sees items for this audience.
    pub fn includes(self, role: crate::auth::Role) -> bool {
        use crate::auth::Role;
        match self {
            Self::Everyone => true,
            Self::Employees => role == Role::Employee,
            Self::Staff => !matches!(role, Role::Employee | Role::InformalCarer),
        }
    }
}

/// A news item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewsItem {
    /// Id.
    pub id: Uuid,
    /// Title.
    pub title: String,
    /// Text (plain; blank lines separate paragraphs).
    pub body: String,
    /// Audience.
    pub audience: NewsAudience,
    /// Published (absent for a draft).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_at: Option<DateTime<Utc>>,
    /// Author.
    pub author_name: String,
}

/// Body of `POST /api/v1/news` and `PUT /api/v1/news/{id}` (employers and administrators).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewsInput {
    /// Title, 1–200 characters.
    pub title: String,
    /// Text, 1–10,000 characters.
    pub body: String,
    /// Audience.
    pub audience: NewsAudience,
    /// Publish now (true) or keep as a draft.
    pub publish: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::Role;

    #[test]
    fn audiences_split_employees_from_staff() {
        assert!(NewsAudience::Employees.includes(Role::Employee));
        assert!(!NewsAudience::Employees.includes(Role::Employer));
        assert!(NewsAudience::Staff.includes(Role::Planner));
        assert!(!NewsAudience::Staff.includes(Role::InformalCarer));
        assert!(NewsAudience::Everyone.includes(Role::InformalCarer));
    }
}
