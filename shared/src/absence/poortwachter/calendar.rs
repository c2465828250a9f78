//! Dutch working days, for the one deadline the law sets on a working day: the report
//! to UWV on the first working day after week 42.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Easter Sunday of `year` in the Gregorian calendar, by the anonymous Gregorian
/// algorithm (Meeus/Jones/Butcher). `None` only outside the calendar's range.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    let month = u32::try_from(n / 31).ok()?;
    let day = u32::try_from(n % 31 + 1).ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Whether `date` is a Dutch national public holiday that is a day off: Nieuwjaarsdag,
/// Tweede Paasdag, Koningsdag (27 April, the 26th when the 27th is a Sunday; the rule
/// since 2014), Hemelvaartsdag, Tweede Pinksterdag, Eerste and Tweede Kerstdag, and
/// Bevrijdingsdag (5 May) only in lustrum years (2025, 2030, …) as most CAOs have it.
/// Goede Vrijdag is not a national day off; Eerste Paas- and Pinksterdag are Sundays.
pub fn is_public_holiday(date: NaiveDate) -> bool {
    let year = date.year();
    let fixed = match (date.month(), date.day()) {
        (1, 1) | (12, 25) | (12, 26) => true,
        (5, 5) => year % 5 == 0,
        (4, 27) => date.weekday() != Weekday::Sun,
        (4, 26) => date.weekday() == Weekday::Sat,
        _ => false,
    };
    fixed
        || easter_sunday(year).is_some_and(|easter| {
            // Tweede Paasdag, Hemelvaartsdag (Thursday, day 39), Tweede Pinksterdag.
            [1, 39, 50].into_iter().any(|after| easter.checked_add_days(Days::new(after)) == Some(date))
        })
}

/// Monday to Friday and not a public holiday.
pub fn is_working_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !is_public_holiday(date)
}

/// The first working day on or after `date`. Never more than a few days on (Christmas
/// on a Friday moves to the Monday after).
pub fn first_working_day_from(date: NaiveDate) -> Option<NaiveDate> {
    let mut day = date;
    // No run of days off is anywhere near two weeks; the bound only guarantees an end.
    for _ in 0..14 {
        if is_working_day(day) {
            return Some(day);
        }
        day = day.succ_opt()?;
    }
    None
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn easter_on_known_dates() {
        // Published dates of Easter Sunday, including the earliest (22 March) and latest
        // (25 April) possible, and century years where the Gregorian corrections bite.
        for (year, date) in [
            (1818, "1818-03-22"),
            (1900, "1900-04-15"),
            (2000, "2000-04-23"),
            (2008, "2008-03-23"),
            (2011, "2011-04-24"),
            (2019, "2019-04-21"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2028, "2028-04-16"),
            (2029, "2029-04-01"),
            (2030, "2030-04-21"),
            (2038, "2038-04-25"),
            (2100, "2100-03-28"),
            (2285, "2285-03-22"),
        ] {
            assert_eq!(easter_sunday(year), Some(d(date)), "{year}");
        }
    }

    #[test]
    fn holidays_of_2026() {
        // Easter 5 April 2026: Easter Monday 6 April; Ascension 5 April + 39 days
        // (25 to 30 April, 14 more) → 14 May; Whit Monday 5 April + 50 → 25 May.
        for day in
            ["2026-01-01", "2026-04-06", "2026-04-27", "2026-05-14", "2026-05-25", "2026-12-25", "2026-12-26"]
        {
            assert!(is_public_holiday(d(day)), "{day}");
        }
        // Good Friday, Easter Sunday's Saturday, 5 May outside a lustrum year, 24 and 31 December.
        for day in ["2026-04-03", "2026-04-04", "2026-05-05", "2026-12-24", "2026-12-31"] {
            assert!(!is_public_holiday(d(day)), "{day}");
        }
    }

    #[test]
    fn koningsdag_and_bevrijdingsdag() {
        // 27 April 2025 is a Sunday: Koningsdag is Saturday the 26th, and Monday the 28th is
        // an ordinary day. 27 April 2024 is a Saturday and stays there.
        assert!(is_public_holiday(d("2025-04-26")));
        assert!(!is_public_holiday(d("2025-04-27")));
        assert!(!is_public_holiday(d("2025-04-28")));
        assert!(is_public_holiday(d("2024-04-27")));
        assert!(!is_public_holiday(d("2024-04-26")));
        // Bevrijdingsdag in lustrum years only.
        assert!(is_public_holiday(d("2025-05-05")));
        assert!(is_public_holiday(d("2030-05-05")));
        assert!(!is_public_holiday(d("2026-05-05")));
        assert!(is_working_day(d("2026-05-05")));
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        // Friday 25 December 2026: Christmas, Boxing Day Saturday, Sunday → Monday 28th.
        assert_eq!(first_working_day_from(d("2026-12-25")), Some(d("2026-12-28")));
        // Tuesday 27 April 2027, Koningsdag → Wednesday 28th.
        assert_eq!(first_working_day_from(d("2027-04-27")), Some(d("2027-04-28")));
        // Saturday 24 October 2026 → Monday 26th.
        assert_eq!(first_working_day_from(d("2026-10-24")), Some(d("2026-10-26")));
        // A working day is its own answer.
        assert_eq!(first_working_day_from(d("2026-10-26")), Some(d("2026-10-26")));
    }

    proptest! {
        /// Easter is a Sunday between 22 March and 25 April, every year.
        #[test]
        fn easter_is_a_sunday_in_its_range(year in 1583i32..10_000) {
            let easter = easter_sunday(year).unwrap();
            prop_assert_eq!(easter.weekday(), Weekday::Sun);
            prop_assert!(easter >= NaiveDate::from_ymd_opt(year, 3, 22).unwrap());
            prop_assert!(easter <= NaiveDate::from_ymd_opt(year, 4, 25).unwrap());
        }

        /// The first working day from a date is a working day, no earlier than the date,
        /// and every day before it is a day off.
        #[test]
        fn first_working_day_is_the_first(days in 0u64..40_000) {
            let from = d("2000-01-01") + Days::new(days);
            let found = first_working_day_from(from).unwrap();
            prop_assert!(found >= from && is_working_day(found));
            prop_assert!(from.iter_days().take_while(|x| *x < found).all(|x| !is_working_day(x)));
        }
    }
}
