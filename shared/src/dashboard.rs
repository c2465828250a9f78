//! The dashboard (seed 002): every pending action from every module, counts, recently
//! viewed items and news, each section collapsible and remembered.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::news::NewsItem;

/// Kind of pending action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PendingKind {
    /// A week of hours to fill in and sign (employee).
    WeekToSign,
    /// Signed weeks to approve (coordinator).
    WeekToApprove,
    /// A contract to sign (employee).
    ContractToSign,
    /// A new document to read (employee).
    DocumentToRead,
    /// A new payslip or annual statement (employee).
    PayslipToRead,
    /// An absence activity due or overdue (employee, employer, arbodienst).
    AbsenceActivityDue,
    /// A change request to decide (manage employee data).
    ChangeRequestToHandle,
    /// The yearly review of employee data is not finished (manage employee data, January).
    EmployeeReviewDue,
}

/// One pending action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PendingAction {
    /// Kind.
    pub kind: PendingKind,
    /// What it is ("Week 47 ondertekenen", "Arbeidsovereenkomst 2027").
    pub title: String,
    /// Who or what it concerns, when not the reader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Due date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_on: Option<NaiveDate>,
    /// Past due.
    pub overdue: bool,
    /// Where the browser goes to act (an app path such as `/contracten/{id}`).
    pub link: String,
}

/// How many of a kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PendingCount {
    /// Kind.
    pub kind: PendingKind,
    /// Number (the list shows at most 10 per kind).
    pub count: i64,
}

/// Something the reader opened recently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecentItem {
    /// Title as shown when it was opened.
    pub title: String,
    /// App path.
    pub link: String,
    /// When.
    pub viewed_at: DateTime<Utc>,
}

/// Body of `POST /api/v1/me/recent`: the browser records what was opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RecentVisit {
    /// Title, 1–200 characters.
    pub title: String,
    /// App path: starts with `/`, not `//`, at most 300 characters.
    pub link: String,
}

/// `GET /api/v1/me/dashboard`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Dashboard {
    /// Pending actions, overdue first, then by due date.
    pub pending: Vec<PendingAction>,
    /// Counts per kind (also of those not listed).
    pub counts: Vec<PendingCount>,
    /// The last 8 items opened.
    pub recent: Vec<RecentItem>,
    /// The latest 5 news items for the reader.
    pub news: Vec<NewsItem>,
    /// Sections the reader collapsed (`pending`, `recent`, `news`, …), remembered per user.
    pub collapsed: Vec<String>,
}

/// Whether a recorded link is an app path (never another site).
pub fn is_app_link(link: &str) -> bool {
    link.starts_with('/') && !link.starts_with("//") && !link.contains('\\') && link.len() <= 300
}

/// Orders pending actions: overdue first, then by due date (undated last), then title.
pub fn sort_pending(items: &mut [PendingAction]) {
    items.sort_by(|a, b| {
        b.overdue
            .cmp(&a.overdue)
            .then_with(|| match (a.due_on, b.due_on) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
            .then_with(|| a.title.cmp(&b.title))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(title: &str, due: Option<&str>, overdue: bool) -> PendingAction {
        PendingAction {
            kind: PendingKind::DocumentToRead,
            title: title.into(),
            subject: None,
            due_on: due.map(|d| d.parse().unwrap()),
            overdue,
            link: "/".into(),
        }
    }

    #[test]
    fn overdue_first_then_by_date_undated_last() {
        let mut v = vec![
            item("c", None, false),
            item("b", Some("2026-11-30"), false),
            item("a", Some("2026-11-01"), true),
            item("d", Some("2026-11-25"), false),
        ];
        sort_pending(&mut v);
        let order: Vec<&str> = v.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(order, ["a", "d", "b", "c"]);
    }

    #[test]
    fn only_app_paths_are_links() {
        assert!(is_app_link("/contracten/1"));
        assert!(!is_app_link("//evil.example/x"));
        assert!(!is_app_link("https://evil.example"));
        assert!(!is_app_link("/\\evil"));
    }
}
