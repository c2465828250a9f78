//! Suggestions while typing: the search waits until typing pauses, and an
//! answer to an older query never replaces the answer to a newer one.

use std::time::Duration;

use leptos::prelude::*;

/// How long typing must pause before a search goes out.
pub const PAUSE: Duration = Duration::from_millis(250);

/// The fewest characters a professional search needs (the API's minimum).
pub const MIN_QUERY_CHARS: usize = 2;

/// Whether a typed query is long enough to search with.
pub fn worth_searching(q: &str, min_chars: usize) -> bool {
    q.trim().chars().count() >= min_chars
}

/// Counts queries so that only the newest one's answer is shown.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Latest(u32);

impl Latest {
    /// A new query: its number.
    pub fn next(&mut self) -> u32 {
        self.0 = self.0.wrapping_add(1);
        self.0
    }

    /// Whether the answer to query `n` is still the one wanted.
    pub fn is_current(self, n: u32) -> bool {
        self.0 == n
    }
}

/// `typed`, but only after typing paused for [`PAUSE`]: what searches should follow.
pub fn debounced(typed: RwSignal<String>) -> RwSignal<String> {
    let settled = RwSignal::new(typed.get_untracked());
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    Effect::new(move || {
        let text = typed.get();
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(set_timeout_with_handle(move || settled.set(text), PAUSE).ok());
    });
    on_cleanup(move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
    });
    settled
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_queries_are_not_searched() {
        assert!(!worth_searching("", MIN_QUERY_CHARS));
        assert!(!worth_searching(" h ", MIN_QUERY_CHARS));
        assert!(worth_searching("hu", MIN_QUERY_CHARS));
        assert!(worth_searching("é ü", MIN_QUERY_CHARS));
        assert!(worth_searching("", 0));
    }

    #[test]
    fn only_the_newest_answer_counts() {
        let mut latest = Latest::default();
        let first = latest.next();
        let second = latest.next();
        assert!(!latest.is_current(first));
        assert!(latest.is_current(second));
    }
}
