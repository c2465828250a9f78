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

/// At most this many classes may be asked for.
pub const MAX_DURATION_CLASSES: usize = 8;

/// The highest upper bound a class may have, in days (ten years).
pub const MAX_CLASS_DAYS: u32 = 3650;

/// Why a list of upper bounds is refused, with the API's error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassesError {
    /// No bound at all.
    Empty,
    /// A part is not a whole number.
    NotANumber,
    /// A bound is 0 or above [`MAX_CLASS_DAYS`].
    OutOfRange,
    /// A bound is not above the one before it.
    NotAscending,
    /// More than [`MAX_DURATION_CLASSES`] bounds.
    TooMany,
}

impl ClassesError {
    /// The code in the API's field errors.
    pub fn code(self) -> &'static str {
        match self {
            ClassesError::Empty => "required",
            ClassesError::NotANumber => "not_a_number",
            ClassesError::OutOfRange => "out_of_range",
            ClassesError::NotAscending => "not_ascending",
            ClassesError::TooMany => "too_many",
        }
    }
}

/// Classes from their upper bounds in days, ascending, separated by commas, semicolons or
/// spaces: "14, 91, 365, 730" gives 1–14, 15–91, 92–365 and 366–730. Longer cases fall
/// outside every class (and are counted apart).
pub fn classes_from_upper_bounds(text: &str) -> Result<Vec<DurationClass>, ClassesError> {
    let parts: Vec<&str> = text.split([',', ';', ' ']).map(str::trim).filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        return Err(ClassesError::Empty);
    }
    if parts.len() > MAX_DURATION_CLASSES {
        return Err(ClassesError::TooMany);
    }
    let mut classes = Vec::with_capacity(parts.len());
    let mut from_days = 1;
    for part in parts {
        let to: u32 = part.parse().map_err(|_| ClassesError::NotANumber)?;
        if to == 0 || to > MAX_CLASS_DAYS {
            return Err(ClassesError::OutOfRange);
        }
        if to < from_days {
            return Err(ClassesError::NotAscending);
        }
        classes.push(DurationClass { from_days, to_days: Some(to) });
        from_days = to + 1;
    }
    Ok(classes)
}

/// The upper bounds of classes as [`classes_from_upper_bounds`] reads them: "14,91,365,730".
pub fn upper_bounds_text(classes: &[DurationClass]) -> String {
    classes.iter().filter_map(|c| c.to_days).map(|d| d.to_string()).collect::<Vec<_>>().join(",")
}

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

/// The highest upper bound of the classes counted: the cases counted apart are longer.
pub fn longest_class_days(classes: &[DurationClassCount]) -> u32 {
    classes.iter().filter_map(|c| c.class.to_days).max().unwrap_or(0)
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
    fn classes_are_read_from_their_upper_bounds() {
        assert_eq!(classes_from_upper_bounds("14, 91, 365, 730"), Ok(DEFAULT_DURATION_CLASSES.to_vec()));
        assert_eq!(classes_from_upper_bounds("14;91 365,730"), Ok(DEFAULT_DURATION_CLASSES.to_vec()));
        assert_eq!(upper_bounds_text(&DEFAULT_DURATION_CLASSES), "14,91,365,730");
        assert_eq!(
            classes_from_upper_bounds("7,28"),
            Ok(vec![
                DurationClass { from_days: 1, to_days: Some(7) },
                DurationClass { from_days: 8, to_days: Some(28) }
            ])
        );
        // A class of one day is fine: 1–1, 2–2.
        assert_eq!(classes_from_upper_bounds("1,2").map(|c| c.len()), Ok(2));
        assert_eq!(classes_from_upper_bounds(" , "), Err(ClassesError::Empty));
        assert_eq!(classes_from_upper_bounds("14,twee"), Err(ClassesError::NotANumber));
        assert_eq!(classes_from_upper_bounds("14,-3"), Err(ClassesError::NotANumber));
        assert_eq!(classes_from_upper_bounds("0,14"), Err(ClassesError::OutOfRange));
        assert_eq!(classes_from_upper_bounds("14,3651"), Err(ClassesError::OutOfRange));
        assert_eq!(classes_from_upper_bounds("91,14"), Err(ClassesError::NotAscending));
        assert_eq!(classes_from_upper_bounds("14,14"), Err(ClassesError::NotAscending));
        assert_eq!(classes_from_upper_bounds("1,2,3,4,5,6,7,8,9"), Err(ClassesError::TooMany));
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
