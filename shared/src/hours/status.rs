//! The life of a week: open → submitted → approved | rejected → … → processed.
//! Seed 002's names are what workers see: Rapporteer, Ingediend, Afgewezen,
//! Afgerond, Verwerkt.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Where a week stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum WeekStatus {
    /// Rapporteer: the worker must fill in and sign it.
    Open,
    /// Ingediend: signed by the worker, waiting for approval.
    Submitted,
    /// Afgewezen: sent back to the worker with a reason.
    Rejected,
    /// Afgerond: approved, waiting to be exported.
    Approved,
    /// Verwerkt: exported for payroll and billing; never changes again.
    Processed,
}

impl WeekStatus {
    /// Every status, in the order of a week's life.
    pub const ALL: [WeekStatus; 5] =
        [Self::Open, Self::Submitted, Self::Rejected, Self::Approved, Self::Processed];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Submitted => "submitted",
            Self::Rejected => "rejected",
            Self::Approved => "approved",
            Self::Processed => "processed",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// Something that happens to a week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WeekAction {
    /// The worker signs (bevestigt / ondertekent) and so submits it.
    Sign,
    /// The coordinator approves it.
    Approve,
    /// The coordinator sends it back with a reason.
    Reject,
    /// A planner applies a correction the worker asked for.
    Correct,
    /// An export batch took it for payroll and billing.
    Process,
}

/// Why an action is not possible now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotAllowed {
    /// The week's status.
    pub from: WeekStatus,
    /// What was tried.
    pub action: WeekAction,
}

/// The status after `action`, or why it cannot happen. Only a submitted week can be
/// approved or rejected; a processed week never changes; a correction to an approved
/// week sends it back for approval, since what was approved is no longer what is there.
pub fn transition(from: WeekStatus, action: WeekAction) -> Result<WeekStatus, NotAllowed> {
    use WeekAction as A;
    use WeekStatus as S;
    let to = match (from, action) {
        (S::Open | S::Rejected, A::Sign) => S::Submitted,
        (S::Submitted, A::Approve) => S::Approved,
        (S::Submitted, A::Reject) => S::Rejected,
        (S::Open | S::Rejected | S::Submitted, A::Correct) => from,
        (S::Approved, A::Correct) => S::Submitted,
        (S::Approved, A::Process) => S::Processed,
        _ => return Err(NotAllowed { from, action }),
    };
    Ok(to)
}

/// Whether the worker may change entries themselves: an open week until its deadline,
/// and a rejected week (the rejection reopens it). Everything else goes through a
/// correction request.
pub fn worker_may_edit(status: WeekStatus, deadline: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    match status {
        WeekStatus::Open => now < deadline,
        WeekStatus::Rejected => true,
        _ => false,
    }
}

/// Whether a correction may be asked for: anything not yet exported.
pub fn correction_possible(status: WeekStatus) -> bool {
    status != WeekStatus::Processed
}

/// Whether a week counts as late: its deadline passed while it was never signed.
pub fn is_late(signed_at: Option<DateTime<Utc>>, deadline: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    match signed_at {
        Some(t) => t >= deadline,
        None => now >= deadline,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const ACTIONS: [WeekAction; 5] =
        [WeekAction::Sign, WeekAction::Approve, WeekAction::Reject, WeekAction::Correct, WeekAction::Process];

    fn action() -> impl Strategy<Value = WeekAction> {
        (0..ACTIONS.len()).prop_map(|i| ACTIONS[i])
    }

    #[test]
    fn the_happy_path() {
        let s = transition(WeekStatus::Open, WeekAction::Sign).unwrap();
        let s = transition(s, WeekAction::Approve).unwrap();
        assert_eq!(transition(s, WeekAction::Process), Ok(WeekStatus::Processed));
    }

    #[test]
    fn a_rejected_week_is_signed_again() {
        let s = transition(WeekStatus::Submitted, WeekAction::Reject).unwrap();
        assert_eq!(s, WeekStatus::Rejected);
        assert_eq!(transition(s, WeekAction::Sign), Ok(WeekStatus::Submitted));
        assert!(transition(s, WeekAction::Approve).is_err(), "approval needs a signed week");
    }

    #[test]
    fn editing_follows_the_deadline_and_the_rejection() {
        let deadline: DateTime<Utc> = "2026-11-23T08:00:00Z".parse().unwrap();
        let before = deadline - chrono::Duration::seconds(1);
        assert!(worker_may_edit(WeekStatus::Open, deadline, before));
        assert!(!worker_may_edit(WeekStatus::Open, deadline, deadline), "locked at the deadline itself");
        assert!(worker_may_edit(WeekStatus::Rejected, deadline, deadline + chrono::Duration::days(3)));
        assert!(!worker_may_edit(WeekStatus::Submitted, deadline, before));
        assert!(!is_late(Some(before), deadline, deadline));
        assert!(is_late(None, deadline, deadline));
        assert!(is_late(Some(deadline), deadline, deadline));
    }

    proptest! {
        /// Nothing moves a processed week.
        #[test]
        fn processed_is_final(a in action()) {
            prop_assert!(transition(WeekStatus::Processed, a).is_err());
        }

        /// Along any sequence of actions, a week only becomes approved straight from
        /// submitted, and only becomes processed straight from approved.
        #[test]
        fn approval_always_passes_submitted(actions in proptest::collection::vec(action(), 0..40)) {
            let mut s = WeekStatus::Open;
            for a in actions {
                if let Ok(next) = transition(s, a) {
                    if next == WeekStatus::Approved && s != WeekStatus::Approved {
                        prop_assert_eq!(s, WeekStatus::Submitted);
                        prop_assert_eq!(a, WeekAction::Approve);
                    }
                    if next == WeekStatus::Processed && s != WeekStatus::Processed {
                        prop_assert_eq!(s, WeekStatus::Approved);
                    }
                    s = next;
                }
            }
        }
    }
}
