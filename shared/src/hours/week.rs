//! ISO weeks: the unit a timesheet covers. Written `2026-W47` in URLs and the API.

use std::{fmt, str::FromStr};

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An ISO 8601 week (Monday to Sunday), e.g. `2026-W47`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoWeek {
    year: i32,
    week: u32,
}

impl IsoWeek {
    /// The week with this ISO year and number, if it exists (week 53 only in long years).
    pub fn new(year: i32, week: u32) -> Option<Self> {
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).map(|_| Self { year, week })
    }

    /// The week a date falls in.
    pub fn of(date: NaiveDate) -> Self {
        let w = date.iso_week();
        Self { year: w.year(), week: w.week() }
    }

    /// ISO year (can differ from the calendar year around New Year).
    pub fn year(self) -> i32 {
        self.year
    }

    /// Week number, 1–53.
    pub fn week(self) -> u32 {
        self.week
    }

    /// The Monday that starts the week.
    pub fn monday(self) -> NaiveDate {
        // Checked in `new` and `of`, so the date exists.
        NaiveDate::from_isoywd_opt(self.year, self.week, Weekday::Mon).unwrap_or(NaiveDate::MIN)
    }

    /// The seven days, Monday first.
    pub fn days(self) -> [NaiveDate; 7] {
        let monday = self.monday();
        std::array::from_fn(|i| monday + Days::new(i as u64))
    }

    /// Whether the date falls in this week.
    pub fn contains(self, date: NaiveDate) -> bool {
        Self::of(date) == self
    }

    /// The week before.
    pub fn previous(self) -> Self {
        Self::of(self.monday() - Days::new(7))
    }

    /// The week after.
    pub fn next(self) -> Self {
        Self::of(self.monday() + Days::new(7))
    }
}

/// What a search text says about weeks: one week (`2026-W45`), or a week number in
/// any year (`45`, `w45`, `week 45`), so a list's search box finds weeks too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekSearch {
    /// Exactly this week.
    Week(IsoWeek),
    /// This week number (1–53) in whichever year.
    Number(u32),
}

impl WeekSearch {
    /// Reads a search text; `None` when it names no week.
    pub fn parse(text: &str) -> Option<Self> {
        let t = text.trim().to_lowercase();
        if let Ok(w) = t.to_uppercase().parse::<IsoWeek>() {
            return Some(Self::Week(w));
        }
        let number = ["week", "wk", "w"].iter().find_map(|p| t.strip_prefix(p)).unwrap_or(&t).trim();
        let n: u32 = number.parse().ok().filter(|_| number.len() <= 2)?;
        (1..=53).contains(&n).then_some(Self::Number(n))
    }

    /// The Mondays of the weeks meant, within the ISO years `years` (a number
    /// names a week in each year that has it).
    pub fn mondays(self, years: std::ops::RangeInclusive<i32>) -> Vec<NaiveDate> {
        match self {
            Self::Week(w) => vec![w.monday()],
            Self::Number(n) => years.filter_map(|y| IsoWeek::new(y, n)).map(IsoWeek::monday).collect(),
        }
    }
}

impl fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-W{:02}", self.year, self.week)
    }
}

/// Why a week could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadWeek;

impl fmt::Display for BadWeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("is not an ISO week such as 2026-W47")
    }
}

impl FromStr for IsoWeek {
    type Err = BadWeek;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (y, w) = s.trim().split_once("-W").ok_or(BadWeek)?;
        if y.len() != 4 || w.len() != 2 {
            return Err(BadWeek);
        }
        let year = y.parse().map_err(|_| BadWeek)?;
        let week = w.parse().map_err(|_| BadWeek)?;
        Self::new(year, week).ok_or(BadWeek)
    }
}

impl Serialize for IsoWeek {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for IsoWeek {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for IsoWeek {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(r"^\d{4}-W\d{2}$"))
            .examples([serde_json::json!("2026-W47")])
            .description(Some("ISO 8601 week, Monday to Sunday"))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for IsoWeek {}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn reads_and_writes_the_iso_form() {
        let w: IsoWeek = "2026-W47".parse().unwrap();
        assert_eq!(w.monday(), d(2026, 11, 16));
        assert_eq!(w.to_string(), "2026-W47");
        assert_eq!(IsoWeek::of(d(2026, 11, 22)), w, "Sunday belongs to the week that started Monday");
    }

    #[test]
    fn weeks_around_new_year_belong_to_the_iso_year() {
        // 1 January 2027 is a Friday: it is in week 53 of 2026.
        assert_eq!(IsoWeek::of(d(2027, 1, 1)).to_string(), "2026-W53");
        assert_eq!("2026-W53".parse::<IsoWeek>().unwrap().next().to_string(), "2027-W01");
        assert!("2025-W53".parse::<IsoWeek>().is_err(), "2025 has 52 weeks");
    }

    #[test]
    fn a_search_names_a_week_or_a_week_number() {
        let w47 = "2026-W47".parse().unwrap();
        assert_eq!(WeekSearch::parse(" 2026-w47 "), Some(WeekSearch::Week(w47)));
        for n in ["45", "w45", "W 45", "week 45", "wk45"] {
            assert_eq!(WeekSearch::parse(n), Some(WeekSearch::Number(45)), "{n}");
        }
        for none in ["", "Anna", "0", "54", "145", "2026", "week"] {
            assert_eq!(WeekSearch::parse(none), None, "{none}");
        }
        assert_eq!(WeekSearch::Week(w47).mondays(2020..=2030), vec![d(2026, 11, 16)]);
        // Week 53 only in the long years.
        assert_eq!(WeekSearch::Number(53).mondays(2025..=2027), vec![d(2026, 12, 28)]);
        assert_eq!(WeekSearch::Number(1).mondays(2026..=2027), vec![d(2025, 12, 29), d(2027, 1, 4)]);
    }

    #[test]
    fn refuses_what_is_not_a_week() {
        for bad in ["", "2026-47", "2026-W0", "2026-W00", "2026-W54", "26-W01", "2026-W1x"] {
            assert!(bad.parse::<IsoWeek>().is_err(), "{bad}");
        }
    }
}
