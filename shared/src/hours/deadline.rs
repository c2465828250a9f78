//! When a week must be signed, and when reminders go out. Moments are wall-clock
//! times in Europe/Amsterdam counted from the week's Monday, so "Monday 09:00" stays
//! 09:00 for people across daylight-saving changes, whatever zone the server runs in.

use chrono::{DateTime, Days, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Amsterdam;
use serde::{Deserialize, Serialize};

use super::IsoWeek;

/// A wall-clock moment relative to a week: `day_offset` days after its Monday
/// (0 = that Monday, 4 = its Friday, 7 = the next Monday), at `time` Amsterdam time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Moment {
    /// Days after the week's Monday, 0–13.
    pub day_offset: u8,
    /// Time of day in Europe/Amsterdam, e.g. `09:00:00`.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "09:00:00"))]
    pub time: NaiveTime,
}

/// The latest a deadline may fall: the Sunday after the week.
pub const MAX_DAY_OFFSET: u8 = 13;

impl Moment {
    /// A moment from its parts (time from hours and minutes).
    pub const fn at(day_offset: u8, hour: u32, minute: u32) -> Self {
        let time = match NaiveTime::from_hms_opt(hour, minute, 0) {
            Some(t) => t,
            None => NaiveTime::MIN,
        };
        Self { day_offset, time }
    }

    /// The instant this moment falls on for `week`. A time skipped by the spring
    /// change (02:00–03:00) moves to the first instant after the gap; a time that
    /// happens twice in autumn takes the first.
    pub fn instant(self, week: IsoWeek) -> DateTime<Utc> {
        let day = week.monday() + Days::new(u64::from(self.day_offset));
        let mut local = NaiveDateTime::new(day, self.time);
        // At most one gap per day; two tries cover it, the third is a safe fallback.
        for _ in 0..3 {
            if let Some(t) = Amsterdam.from_local_datetime(&local).earliest() {
                return t.with_timezone(&Utc);
            }
            local += chrono::Duration::minutes(60 - i64::from(chrono::Timelike::minute(&local)));
        }
        local.and_utc()
    }
}

/// An organisation's sign-off deadline and reminder moments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct HoursSettings {
    /// Whether people with the employee role keep weekly timesheets here.
    pub enabled: bool,
    /// When the week must be signed (default: the next Monday 09:00).
    pub deadline: Moment,
    /// When those who have not signed are reminded (default: Friday 15:00 and Monday 07:00).
    pub reminders: Vec<Moment>,
}

impl Default for HoursSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            deadline: Moment::at(7, 9, 0),
            reminders: vec![Moment::at(4, 15, 0), Moment::at(7, 7, 0)],
        }
    }
}

/// Why settings are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingsProblem {
    /// The deadline falls before the week has ended (before the next Monday 00:00).
    DeadlineBeforeWeekEnds,
    /// A day offset beyond the Sunday after the week.
    TooLate,
    /// A reminder at or after the deadline.
    ReminderAfterDeadline,
    /// More than five reminders.
    TooManyReminders,
}

impl SettingsProblem {
    /// The code clients translate.
    pub fn code(self) -> &'static str {
        match self {
            Self::DeadlineBeforeWeekEnds => "deadline_before_week_ends",
            Self::TooLate => "too_late",
            Self::ReminderAfterDeadline => "reminder_after_deadline",
            Self::TooManyReminders => "too_many_reminders",
        }
    }

    /// The English explanation.
    pub fn message(self) -> &'static str {
        match self {
            Self::DeadlineBeforeWeekEnds => "must be after the week has ended",
            Self::TooLate => "must be at most 13 days after the week's Monday",
            Self::ReminderAfterDeadline => "must be before the deadline",
            Self::TooManyReminders => "at most 5 reminders",
        }
    }
}

impl HoursSettings {
    /// Checks the settings; the field name goes with each problem.
    pub fn problems(&self) -> Vec<(&'static str, SettingsProblem)> {
        let mut out = Vec::new();
        if self.deadline.day_offset > MAX_DAY_OFFSET {
            out.push(("deadline", SettingsProblem::TooLate));
        } else if self.deadline.day_offset < 7 {
            out.push(("deadline", SettingsProblem::DeadlineBeforeWeekEnds));
        }
        if self.reminders.len() > 5 {
            out.push(("reminders", SettingsProblem::TooManyReminders));
        }
        if self.reminders.iter().any(|r| *r >= self.deadline) {
            out.push(("reminders", SettingsProblem::ReminderAfterDeadline));
        }
        out
    }

    /// The instant `week` must be signed by.
    pub fn deadline_of(&self, week: IsoWeek) -> DateTime<Utc> {
        self.deadline.instant(week)
    }

    /// The most recent week whose deadline has passed at `now`.
    pub fn last_closed_week(&self, now: DateTime<Utc>) -> IsoWeek {
        let mut week = IsoWeek::of(now.with_timezone(&Amsterdam).date_naive());
        // The deadline lies 1–2 weeks after a week's Monday: step back until it has passed.
        while self.deadline_of(week) > now {
            week = week.previous();
        }
        week
    }

    /// Reminder moments of `week` that fall in `(after, until]`, oldest first.
    pub fn reminders_between(&self, week: IsoWeek, after: DateTime<Utc>, until: DateTime<Utc>) -> Vec<usize> {
        let mut due: Vec<(DateTime<Utc>, usize)> = self
            .reminders
            .iter()
            .enumerate()
            .map(|(i, m)| (m.instant(week), i))
            .filter(|(t, _)| *t > after && *t <= until)
            .collect();
        due.sort();
        due.into_iter().map(|(_, i)| i).collect()
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Datelike, Timelike, Weekday};
    use proptest::prelude::*;

    use super::*;

    fn week(s: &str) -> IsoWeek {
        s.parse().unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn the_default_deadline_is_monday_nine_in_amsterdam_in_winter_and_summer() {
        let s = HoursSettings::default();
        // Winter (UTC+1): week 47 of 2026 → Monday 23 November 08:00 UTC.
        assert_eq!(s.deadline_of(week("2026-W47")), utc("2026-11-23T08:00:00Z"));
        // Summer (UTC+2): week 26 of 2026 → Monday 29 June 07:00 UTC.
        assert_eq!(s.deadline_of(week("2026-W26")), utc("2026-06-29T07:00:00Z"));
    }

    #[test]
    fn the_week_of_the_clock_change_keeps_nine_oclock() {
        let s = HoursSettings::default();
        // Summer time ends Sunday 25 October 2026; week 43's deadline is the Monday after, in winter time.
        assert_eq!(s.deadline_of(week("2026-W43")), utc("2026-10-26T08:00:00Z"));
        // Summer time starts Sunday 29 March 2026; week 13's deadline is Monday 30 March, summer time.
        assert_eq!(s.deadline_of(week("2026-W13")), utc("2026-03-30T07:00:00Z"));
    }

    #[test]
    fn a_time_skipped_by_the_spring_change_moves_past_the_gap() {
        // 02:30 on Sunday 29 March 2026 does not exist in Amsterdam: it becomes 03:00 CEST.
        let m = Moment::at(6, 2, 30);
        assert_eq!(m.instant(week("2026-W13")), utc("2026-03-29T01:00:00Z"));
        // 02:30 on Sunday 25 October 2026 happens twice: the first (CEST) counts.
        assert_eq!(m.instant(week("2026-W43")), utc("2026-10-25T00:30:00Z"));
    }

    #[test]
    fn last_closed_week_turns_at_the_deadline() {
        let s = HoursSettings::default();
        assert_eq!(s.last_closed_week(utc("2026-11-23T07:59:59Z")), week("2026-W46"));
        assert_eq!(s.last_closed_week(utc("2026-11-23T08:00:00Z")), week("2026-W47"));
        assert_eq!(s.last_closed_week(utc("2026-11-22T10:00:00Z")), week("2026-W46"));
    }

    #[test]
    fn reminders_are_found_in_their_window_once() {
        let s = HoursSettings::default();
        let w = week("2026-W47");
        // Friday 20 November 15:00 CET = 14:00 UTC.
        assert_eq!(s.reminders_between(w, utc("2026-11-20T13:59:00Z"), utc("2026-11-20T14:00:00Z")), vec![0]);
        assert!(s.reminders_between(w, utc("2026-11-20T14:00:00Z"), utc("2026-11-20T15:00:00Z")).is_empty());
        // A server that was down all weekend catches up both in order.
        assert_eq!(
            s.reminders_between(w, utc("2026-11-19T00:00:00Z"), utc("2026-11-23T06:30:00Z")),
            vec![0, 1]
        );
    }

    #[test]
    fn settings_are_checked() {
        let mut s = HoursSettings::default();
        assert!(s.problems().is_empty());
        s.deadline = Moment::at(6, 23, 0);
        assert_eq!(s.problems()[0].1, SettingsProblem::DeadlineBeforeWeekEnds);
        s.deadline = Moment::at(14, 9, 0);
        assert_eq!(s.problems()[0].1, SettingsProblem::TooLate);
        s = HoursSettings { reminders: vec![Moment::at(7, 10, 0)], ..HoursSettings::default() };
        assert_eq!(s.problems(), vec![("reminders", SettingsProblem::ReminderAfterDeadline)]);
    }

    proptest! {
        /// Every week's default deadline is a Monday at 09:00 on Amsterdam's clock,
        /// 8 or 9 days after the week began, and it is one instant: the same
        /// whatever zone it is looked at from.
        #[test]
        fn every_deadline_is_monday_nine_amsterdam(year in 2000i32..2100, n in 1u32..=53) {
            let Some(w) = IsoWeek::new(year, n) else { return Ok(()) };
            let t = HoursSettings::default().deadline_of(w);
            let local = t.with_timezone(&Amsterdam);
            prop_assert_eq!(local.weekday(), Weekday::Mon);
            prop_assert_eq!((local.hour(), local.minute()), (9, 0));
            prop_assert_eq!(local.date_naive(), w.monday() + Days::new(7));
            let elsewhere = t.with_timezone(&chrono_tz::America::New_York);
            prop_assert_eq!(elsewhere.with_timezone(&Utc), t);
        }

        /// last_closed_week is the newest week whose deadline has passed.
        #[test]
        fn last_closed_week_is_tight(secs in 946_684_800i64..4_102_444_800) {
            let now = DateTime::from_timestamp(secs, 0).unwrap();
            let s = HoursSettings::default();
            let w = s.last_closed_week(now);
            prop_assert!(s.deadline_of(w) <= now);
            prop_assert!(s.deadline_of(w.next()) > now);
        }
    }
}
