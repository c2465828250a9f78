//! The case's clock: sick days counted across spells, gaps left out.

use chrono::{Days, NaiveDate};

use super::CaseHistory;

/// Spells less than this many days apart are one case (samentelling): art. 7:629
/// lid 10 BW adds up periods that follow each other "with an interruption of less than
/// four weeks".
pub const RELAPSE_DAYS: i64 = 28;

/// Sick days of wage continuation: 104 weeks.
pub const WAGE_CONTINUATION_DAYS: u32 = 104 * 7;

/// Whether a new sickness starting on `new_first_day` continues a case whose last spell
/// ended on `recovered_on` (the first day back at work): less than 28 days between them.
/// The days between are `new_first_day - recovered_on`: back on the 19th and sick again
/// on the 15th of the next month is 27 days, the same case; on the 16th it is 28, a new
/// case with a new clock. A date before `recovered_on` would overlap the spell and is
/// also "continued" here; [`super::check_relapse`] refuses it.
pub fn continues_case(recovered_on: NaiveDate, new_first_day: NaiveDate) -> bool {
    (new_first_day - recovered_on).num_days() < RELAPSE_DAYS
}

/// One spell as the clock sees it: `[start, end)`, `end` absent for the last spell
/// while it lasts.
#[derive(Debug, Clone, Copy)]
struct Segment {
    start: NaiveDate,
    end: Option<NaiveDate>,
}

impl Segment {
    fn len(self) -> Option<u64> {
        self.end.map(|e| u64::try_from((e - self.start).num_days()).unwrap_or(0))
    }
}

/// The spells as non-overlapping, ordered segments. A valid history (see
/// [`super::check_history`]) comes out unchanged; an invalid one is made monotone so
/// the clock never runs backwards: a spell starts no earlier than the previous one
/// ended, ends no earlier than it starts, and a spell before the last that was never
/// recovered lasts until the next begins.
fn segments(history: &CaseHistory) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::with_capacity(history.spells.len());
    let mut spells = history.spells.iter().peekable();
    while let Some(spell) = spells.next() {
        let start = match out.last().and_then(|s| s.end) {
            Some(prev_end) => spell.first_day.max(prev_end),
            None => spell.first_day,
        };
        let end = match spells.peek() {
            Some(next) => Some(spell.recovered_on.unwrap_or(next.first_day)),
            None => spell.recovered_on,
        };
        out.push(Segment { start, end: end.map(|e| e.max(start)) });
    }
    out
}

/// The calendar date of sick-day `n` (1-based), counting only sick days across the
/// spells: the gaps between spells don't count. Past the last spell's end the last
/// spell is projected to continue, which is how the due dates of a recovered case are
/// shown. Day 0 is the day before the first sick day. `None` only if there are no
/// spells (or the date would be beyond the calendar's range, year 262,143).
pub fn date_of_sick_day(history: &CaseHistory, n: u32) -> Option<NaiveDate> {
    let segments = segments(history);
    let first = segments.first()?;
    let Some(n_before) = n.checked_sub(1) else {
        return first.start.pred_opt();
    };
    // `n_before`: sick days before day n; `counted`: sick days before this segment.
    let n_before = u64::from(n_before);
    let mut counted = 0u64;
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        let len = segment.len();
        if last || len.is_some_and(|len| n_before < counted + len) {
            return segment.start.checked_add_days(Days::new(n_before - counted));
        }
        counted += len.unwrap_or(0);
    }
    None
}

/// Sick days so far on `today`, today included if it is a sick day: 1 on the first
/// sick day, 0 before it. Recovered days and gaps don't count. For "week N of the
/// case" on screen, see [`week_of`].
pub fn sick_days_until(history: &CaseHistory, today: NaiveDate) -> u32 {
    let days: i64 = segments(history)
        .into_iter()
        .filter(|s| s.start <= today)
        .map(|s| match s.end {
            Some(end) if end <= today => (end - s.start).num_days(),
            _ => (today - s.start).num_days() + 1,
        })
        .sum();
    u32::try_from(days).unwrap_or(u32::MAX)
}

/// The week of the case a sick day falls in: days 1–7 are week 1, day 42 ends week 6.
/// Day 0 (not yet sick) is week 0.
pub fn week_of(sick_day: u32) -> u32 {
    sick_day.div_ceil(7)
}

#[cfg(test)]
mod tests {
    use super::super::SickSpell;
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn history(spells: &[(&str, Option<&str>)]) -> CaseHistory {
        CaseHistory {
            spells: spells
                .iter()
                .map(|(f, r)| SickSpell { first_day: d(f), recovered_on: r.map(d) })
                .collect(),
            out_of_employment_on: None,
        }
    }

    #[test]
    fn twenty_seven_days_apart_continue_twenty_eight_do_not() {
        // Back on Monday 19 January; 19 Jan + 27 days = 15 Feb, + 28 = 16 Feb.
        assert!(continues_case(d("2026-01-19"), d("2026-02-15")));
        assert!(!continues_case(d("2026-01-19"), d("2026-02-16")));
        // Sick again the day they came back: no gap at all.
        assert!(continues_case(d("2026-01-19"), d("2026-01-19")));
    }

    #[test]
    fn sick_days_skip_the_gap() {
        // 14 sick days (5–18 Jan), back on the 19th, sick again on 15 Feb.
        let h = history(&[("2026-01-05", Some("2026-01-19")), ("2026-02-15", None)]);
        assert_eq!(date_of_sick_day(&h, 14), Some(d("2026-01-18")));
        assert_eq!(date_of_sick_day(&h, 15), Some(d("2026-02-15")));
        assert_eq!(date_of_sick_day(&h, 0), Some(d("2026-01-04")));
        assert_eq!(sick_days_until(&h, d("2026-01-04")), 0);
        assert_eq!(sick_days_until(&h, d("2026-01-05")), 1);
        assert_eq!(sick_days_until(&h, d("2026-02-01")), 14);
        assert_eq!(sick_days_until(&h, d("2026-02-15")), 15);
        assert_eq!(date_of_sick_day(&CaseHistory { spells: vec![], out_of_employment_on: None }, 1), None);
    }

    #[test]
    fn a_recovered_case_projects_its_last_spell_but_stops_counting() {
        let h = history(&[("2026-01-05", Some("2026-01-19"))]);
        assert_eq!(date_of_sick_day(&h, 42), Some(d("2026-02-15")));
        assert_eq!(sick_days_until(&h, d("2026-06-01")), 14);
    }

    #[test]
    fn weeks_end_on_multiples_of_seven() {
        assert_eq!((week_of(0), week_of(1), week_of(7), week_of(8), week_of(42)), (0, 1, 1, 2, 6));
    }
}
