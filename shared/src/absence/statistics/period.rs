//! The reporting period: a run of calendar days, both ends included.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// The days a report covers, `start` to `end`, both included: January 2024 is 1 to 31
/// January. A period whose `end` lies before its `start` (only possible by building the
/// struct directly or from JSON; [`Period::new`] refuses it) is empty: it has no days,
/// and every figure over it has no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Period {
    /// The first day.
    pub start: NaiveDate,
    /// The last day (included).
    pub end: NaiveDate,
}

impl Period {
    /// A custom period; `None` when `end` is before `start`.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Option<Self> {
        (start <= end).then_some(Self { start, end })
    }

    /// A calendar month (`month` 1–12).
    pub fn month(year: i32, month: u32) -> Option<Self> {
        Self::months(year, month, 1)
    }

    /// A calendar quarter (`quarter` 1–4): Q1 is January to March.
    pub fn quarter(year: i32, quarter: u32) -> Option<Self> {
        if !(1..=4).contains(&quarter) {
            return None;
        }
        Self::months(year, 3 * quarter - 2, 3)
    }

    /// A calendar year.
    pub fn year(year: i32) -> Option<Self> {
        Self::months(year, 1, 12)
    }

    /// `count` months from the first of `month` in `year` (the months stay in that year).
    fn months(year: i32, month: u32, count: u32) -> Option<Self> {
        let start = NaiveDate::from_ymd_opt(year, month, 1)?;
        let last_month = month + count - 1;
        let end = if last_month == 12 {
            NaiveDate::from_ymd_opt(year, 12, 31)?
        } else {
            NaiveDate::from_ymd_opt(year, last_month + 1, 1)?.pred_opt()?
        };
        Some(Self { start, end })
    }

    /// How many days it has: 29 for February 2024, 366 for 2024, 0 when empty.
    pub fn days(&self) -> u32 {
        day_count(self.start, self.end)
    }

    /// Whether `day` lies in it.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }

    /// The part of the interval `first` to `last` (both included; `last` absent: without
    /// end) that lies in this period; `None` when they share no day.
    pub fn clip(&self, first: NaiveDate, last: Option<NaiveDate>) -> Option<Period> {
        let start = self.start.max(first);
        let end = last.map_or(self.end, |last| self.end.min(last));
        Self::new(start, end)
    }

    /// How many days of the interval `first` to `last` (both included; `last` absent:
    /// without end) lie in this period.
    pub fn days_within(&self, first: NaiveDate, last: Option<NaiveDate>) -> u32 {
        self.clip(first, last).map_or(0, |p| p.days())
    }

    /// The part of the period that has happened by the end of `today`: days after today
    /// are not known yet (a running case would otherwise count them as sick, and the
    /// employment as worked), so figures over a period reaching past today are "so far".
    /// Empty when the whole period lies after today.
    pub fn up_to(&self, today: NaiveDate) -> Period {
        Period { start: self.start, end: self.end.min(today) }
    }

    /// Whether some of its days lie after `today`.
    pub fn reaches_past(&self, today: NaiveDate) -> bool {
        self.end > today
    }

    /// How many years it spans, for annualising: each day counts as one day of its own
    /// calendar year, so 1/365 in 2023 and 1/366 in 2024. A calendar year is exactly
    /// 1.0, February 2024 is 29/366, and July 2023 to June 2024 is 184/365 + 182/366.
    pub fn years(&self) -> f64 {
        (self.start.year()..=self.end.year())
            .filter_map(|year| {
                let whole = Self::year(year)?;
                let days = self.days_within(whole.start, Some(whole.end));
                Some(f64::from(days) / f64::from(whole.days()))
            })
            .sum()
    }
}

/// Days from `first` to `last`, both included; 0 when `last` is before `first`.
pub(super) fn day_count(first: NaiveDate, last: NaiveDate) -> u32 {
    u32::try_from((last - first).num_days() + 1).unwrap_or(0)
}

/// The number of days in `year`: 366 in a leap year, else 365.
pub fn days_in_year(year: i32) -> u32 {
    Period::year(year).map_or(365, |p| p.days())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn p(start: &str, end: &str) -> Period {
        Period::new(d(start), d(end)).unwrap()
    }

    #[test]
    fn months_quarters_and_years_have_their_calendar_days() {
        assert_eq!(Period::month(2024, 2), Some(p("2024-02-01", "2024-02-29")));
        assert_eq!(Period::month(2023, 2).unwrap().days(), 28);
        assert_eq!(Period::month(2024, 2).unwrap().days(), 29, "leap year");
        assert_eq!(Period::month(2024, 12), Some(p("2024-12-01", "2024-12-31")));
        assert_eq!(Period::month(2024, 13), None);
        assert_eq!(Period::month(2024, 0), None);
        // Q1 2024: 31 + 29 + 31 = 91; Q4: 31 + 30 + 31 = 92.
        assert_eq!(Period::quarter(2024, 1), Some(p("2024-01-01", "2024-03-31")));
        assert_eq!(Period::quarter(2024, 1).unwrap().days(), 91);
        assert_eq!(Period::quarter(2023, 1).unwrap().days(), 90);
        assert_eq!(Period::quarter(2024, 4), Some(p("2024-10-01", "2024-12-31")));
        assert_eq!(Period::quarter(2024, 5), None);
        assert_eq!(Period::quarter(2024, 0), None);
        assert_eq!(Period::year(2024).unwrap().days(), 366);
        assert_eq!(Period::year(2100).unwrap().days(), 365, "not a leap year");
        assert_eq!(Period::year(2000).unwrap().days(), 366, "a leap year");
        assert_eq!(days_in_year(2023), 365);
        assert_eq!(days_in_year(2024), 366);
    }

    #[test]
    fn a_custom_period_needs_its_end_on_or_after_its_start() {
        assert_eq!(p("2024-03-05", "2024-03-05").days(), 1);
        assert_eq!(Period::new(d("2024-03-05"), d("2024-03-04")), None);
        let empty = Period { start: d("2024-03-05"), end: d("2024-03-04") };
        assert_eq!(empty.days(), 0);
        assert_eq!(empty.years(), 0.0);
    }

    #[test]
    fn intervals_are_clipped_to_the_period() {
        let march = Period::month(2024, 3).unwrap();
        assert_eq!(march.clip(d("2024-02-20"), Some(d("2024-03-10"))), Some(p("2024-03-01", "2024-03-10")));
        assert_eq!(march.clip(d("2024-03-20"), None), Some(p("2024-03-20", "2024-03-31")));
        assert_eq!(march.clip(d("2024-01-01"), None), Some(march));
        assert_eq!(march.clip(d("2024-01-01"), Some(d("2024-02-29"))), None);
        assert_eq!(march.clip(d("2024-04-01"), None), None);
        assert_eq!(march.days_within(d("2024-03-31"), Some(d("2024-04-30"))), 1);
        assert_eq!(march.days_within(d("2024-03-10"), Some(d("2024-03-09"))), 0);
        assert!(march.contains(d("2024-03-01")) && march.contains(d("2024-03-31")));
        assert!(!march.contains(d("2024-04-01")));
    }

    #[test]
    fn only_the_days_up_to_today_are_counted() {
        let year = Period::year(2026).unwrap();
        let today = d("2026-11-22");
        assert_eq!(year.up_to(today), p("2026-01-01", "2026-11-22"));
        assert!(year.reaches_past(today));
        let past = Period::year(2025).unwrap();
        assert_eq!(past.up_to(today), past);
        assert!(!past.reaches_past(today));
        // Today itself is counted: it ends a period that ends today.
        assert_eq!(p("2026-11-01", "2026-11-22").up_to(today).days(), 22);
        let future = Period::month(2026, 12).unwrap();
        assert_eq!(future.up_to(today).days(), 0, "nothing of December has happened");
        assert_eq!(future.up_to(today).years(), 0.0);
    }

    #[test]
    fn years_count_each_day_in_its_own_year() {
        assert_eq!(Period::year(2023).unwrap().years(), 1.0);
        assert_eq!(Period::year(2024).unwrap().years(), 1.0);
        assert_eq!(Period::month(2024, 2).unwrap().years(), 29.0 / 366.0);
        assert_eq!(Period::month(2023, 2).unwrap().years(), 28.0 / 365.0);
        // 1 Jul – 31 Dec 2023: 184 days of 365; 1 Jan – 30 Jun 2024: 182 of 366.
        let across = p("2023-07-01", "2024-06-30");
        assert!((across.years() - (184.0 / 365.0 + 182.0 / 366.0)).abs() < 1e-12);
    }
}
