//! What a person's screens remember: the columns of each list and the dashboard's
//! collapsed sections (`GET/PUT /api/v1/me/preferences/{key}`).

use serde::{Deserialize, Serialize};

/// A remembered choice: a list of names (columns or sections).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Preference {
    /// The chosen names, in order.
    pub values: Vec<String>,
}

/// Whether `key` may be stored: `columns.<list>` or `dashboard.collapsed`, where `<list>` is
/// 1–40 characters `a-z0-9_`. Values: at most 40 names of 1–40 such characters.
pub fn valid_preference(key: &str, values: &[String]) -> bool {
    fn name(s: &str) -> bool {
        (1..=40).contains(&s.len())
            && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    }
    let key_ok = key == "dashboard.collapsed" || key.strip_prefix("columns.").is_some_and(name);
    key_ok && values.len() <= 40 && values.iter().all(|v| name(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_values_are_allowlisted() {
        assert!(valid_preference("columns.documents", &["kind".into(), "period_start".into()]));
        assert!(valid_preference("dashboard.collapsed", &["news".into()]));
        assert!(!valid_preference("columns.", &[]));
        assert!(!valid_preference("theme", &[]));
        assert!(!valid_preference("columns.x", &["<script>".into()]));
    }
}
