//! Duration classes (verzuimduurklassen): how many cases lasted how long.

use serde::{Deserialize, Serialize};

/// A range of case durations in calendar days counted from the first sick day, both
/// ends included; `to_days` absent: without upper end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DurationClass {
    /// The shortest duration in the class, in days.
    pub from_days: u32,
    /// The longest duration in the class, in days, included.
    #[serde(default)]
    pub to_days: Option<u32>,
}

impl DurationClass {
    /// Whether a case of `days` belongs in this class.
    pub fn contains(&self, days: u32) -> bool {
        self.from_days <= days && self.to_days.is_none_or(|to| days <= to)
    }
}

/// The standard classes: short 1–14, medium 15–91, long 92–365, extra long 366–730
/// days. A case longer than 730 days is in none of them.
pub const DEFAULT_DURATION_CLASSES: [DurationClass; 4] = [
    DurationClass { from_days: 1, to_days: Some(14) },
    DurationClass { from_days: 15, to_days: Some(91) },
    DurationClass { from_days: 92, to_days: Some(365) },
    DurationClass { from_days: 366, to_days: Some(730) },
];

/// The index of the first class in `classes` that holds a case of `days`, if any.
pub fn duration_class(days: u32, classes: &[DurationClass]) -> Option<usize> {
    classes.iter().position(|c| c.contains(days))
}

/// Cases by duration: those that ended in the period, and those still running at its
/// end (their duration counted up to and including the period's last day).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DurationCounts {
    /// Cases whose last sick day lies in the period.
    pub ended: u32,
    /// Cases sick on the period's last day.
    pub running: u32,
}

impl DurationCounts {
    /// Adds another count to this one.
    pub fn add(&mut self, other: DurationCounts) {
        self.ended += other.ended;
        self.running += other.running;
    }
}

/// The cases in one duration class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DurationClassCount {
    /// The class.
    pub class: DurationClass,
    /// Its cases.
    pub cases: DurationCounts,
}

/// Zero counts for each class, in the order given.
pub fn empty_class_counts(classes: &[DurationClass]) -> Vec<DurationClassCount> {
    classes.iter().map(|&class| DurationClassCount { class, cases: DurationCounts::default() }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_classes_meet_at_their_edges() {
        let class = |days| duration_class(days, &DEFAULT_DURATION_CLASSES);
        assert_eq!(class(0), None);
        assert_eq!(class(1), Some(0));
        assert_eq!(class(14), Some(0));
        assert_eq!(class(15), Some(1));
        assert_eq!(class(91), Some(1));
        assert_eq!(class(92), Some(2));
        assert_eq!(class(365), Some(2));
        assert_eq!(class(366), Some(3));
        assert_eq!(class(730), Some(3));
        assert_eq!(class(731), None);
    }

    #[test]
    fn custom_classes_may_be_open_ended_and_the_first_fit_wins() {
        let classes =
            [DurationClass { from_days: 1, to_days: Some(7) }, DurationClass { from_days: 5, to_days: None }];
        assert_eq!(duration_class(6, &classes), Some(0));
        assert_eq!(duration_class(8, &classes), Some(1));
        assert_eq!(duration_class(10_000, &classes), Some(1));
        assert_eq!(duration_class(3, &[]), None);
    }
}
