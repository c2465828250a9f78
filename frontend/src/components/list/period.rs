//! The period filter of seed 002 ("Alle (géén periode filter)" or a period): the choice
//! and the dates it stands for, computed from today so it is tested on the host.

use chrono::{Datelike, Months, NaiveDate};

/// A period a list can be narrowed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodChoice {
    /// No period filter.
    All,
    /// This calendar month.
    ThisMonth,
    /// Last calendar month.
    LastMonth,
    /// This quarter.
    ThisQuarter,
    /// This calendar year.
    ThisYear,
    /// Last calendar year.
    LastYear,
    /// From and to typed by the person.
    Custom,
}

impl PeriodChoice {
    /// In the order the menu lists them.
    pub const ALL: [PeriodChoice; 7] = [
        Self::All,
        Self::ThisMonth,
        Self::LastMonth,
        Self::ThisQuarter,
        Self::ThisYear,
        Self::LastYear,
        Self::Custom,
    ];

    /// A stable name for the `<select>`.
    pub fn slug(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::ThisMonth => "this_month",
            Self::LastMonth => "last_month",
            Self::ThisQuarter => "this_quarter",
            Self::ThisYear => "this_year",
            Self::LastYear => "last_year",
            Self::Custom => "custom",
        }
    }

    /// Parses a slug.
    pub fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.slug() == s)
    }
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn last_of_month(d: NaiveDate) -> NaiveDate {
    first_of_month(d).checked_add_months(Months::new(1)).and_then(|n| n.pred_opt()).unwrap_or(d)
}

/// The first and last day of the period on `today` (both inclusive); `custom` gives the
/// typed dates, where an empty side stays open. `All` is open on both sides.
pub fn period_range(
    choice: PeriodChoice,
    today: NaiveDate,
    custom: (Option<NaiveDate>, Option<NaiveDate>),
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let year = |y: i32| (NaiveDate::from_ymd_opt(y, 1, 1), NaiveDate::from_ymd_opt(y, 12, 31));
    match choice {
        PeriodChoice::All => (None, None),
        PeriodChoice::ThisMonth => (Some(first_of_month(today)), Some(last_of_month(today))),
        PeriodChoice::LastMonth => {
            let d = first_of_month(today).pred_opt().unwrap_or(today);
            (Some(first_of_month(d)), Some(d))
        }
        PeriodChoice::ThisQuarter => {
            let first_month = (today.month0() / 3) * 3 + 1;
            let start = NaiveDate::from_ymd_opt(today.year(), first_month, 1).unwrap_or(today);
            let end = start.checked_add_months(Months::new(3)).and_then(|n| n.pred_opt()).unwrap_or(today);
            (Some(start), Some(end))
        }
        PeriodChoice::ThisYear => year(today.year()),
        PeriodChoice::LastYear => year(today.year() - 1),
        PeriodChoice::Custom => custom,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn periods_around_today_include_both_ends() {
        let today = d("2026-03-15");
        let none = (None, None);
        assert_eq!(period_range(PeriodChoice::All, today, none), (None, None));
        assert_eq!(
            period_range(PeriodChoice::ThisMonth, today, none),
            (Some(d("2026-03-01")), Some(d("2026-03-31")))
        );
        assert_eq!(
            period_range(PeriodChoice::LastMonth, today, none),
            (Some(d("2026-02-01")), Some(d("2026-02-28")))
        );
        assert_eq!(period_range(PeriodChoice::LastMonth, d("2024-03-01"), none).1, Some(d("2024-02-29")));
        assert_eq!(period_range(PeriodChoice::LastMonth, d("2026-01-10"), none).0, Some(d("2025-12-01")));
        assert_eq!(
            period_range(PeriodChoice::ThisQuarter, d("2026-11-22"), none),
            (Some(d("2026-10-01")), Some(d("2026-12-31")))
        );
        assert_eq!(
            period_range(PeriodChoice::LastYear, today, none),
            (Some(d("2025-01-01")), Some(d("2025-12-31")))
        );
        assert_eq!(
            period_range(PeriodChoice::Custom, today, (Some(d("2026-01-05")), None)),
            (Some(d("2026-01-05")), None)
        );
        for c in PeriodChoice::ALL {
            assert_eq!(PeriodChoice::from_slug(c.slug()), Some(c));
        }
    }
}
