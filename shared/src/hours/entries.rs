//! Rules for the hours in a week: what one entry may hold and how entries of one
//! day fit together. Stored as whole minutes.

use chrono::{NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::IsoWeek;

/// Minutes in a day: no day holds more.
pub const DAY_MINUTES: i32 = 24 * 60;
/// Longest note on an entry.
pub const MAX_NOTE_LEN: usize = 500;
/// Most entries one week may hold.
pub const MAX_ENTRIES_PER_WEEK: usize = 200;

/// One line of hours as the worker (or a planner) enters it: either a start and
/// end time with a break, or just a duration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EntryInput {
    /// The entry this replaces, when editing an existing line (keeps where it came from).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Uuid>,
    /// The day, inside the week.
    pub day: NaiveDate,
    /// The client (cliënt) or assignment the hours were for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<Uuid>,
    /// Hour type code from the organisation's list, e.g. `direct_care`.
    pub hour_type: String,
    /// Start time; with `end`, instead of `minutes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, example = "08:30:00"))]
    pub start: Option<NaiveTime>,
    /// End time, after `start` on the same day (a night shift is two entries).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, example = "12:30:00"))]
    pub end: Option<NaiveTime>,
    /// Break in minutes, taken off the time between start and end.
    #[serde(default)]
    pub break_minutes: i32,
    /// Duration in minutes, when no start and end are given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<i32>,
    /// A note for the approver.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Why an entry or a day is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryProblem {
    /// The day lies outside the week.
    OutsideWeek,
    /// Neither start–end nor a duration was given, or both were.
    TimeOrDuration,
    /// Only one of start and end.
    StartAndEnd,
    /// The end is not after the start.
    EndBeforeStart,
    /// A negative number.
    Negative,
    /// The break is as long as the time worked or longer.
    BreakTooLong,
    /// Nothing worked (zero minutes).
    Zero,
    /// More than 24 hours on one day.
    DayOver24Hours,
    /// Overlaps another entry of the same day (the index of that entry).
    Overlaps(usize),
    /// The note is too long.
    NoteTooLong,
    /// No hour type given.
    HourTypeRequired,
    /// More entries than a week may hold.
    TooMany,
}

impl EntryProblem {
    /// The code clients translate.
    pub fn code(self) -> &'static str {
        match self {
            Self::OutsideWeek => "outside_week",
            Self::TimeOrDuration => "time_or_duration",
            Self::StartAndEnd => "start_and_end",
            Self::EndBeforeStart => "end_before_start",
            Self::Negative => "negative",
            Self::BreakTooLong => "break_too_long",
            Self::Zero => "zero",
            Self::DayOver24Hours => "day_over_24_hours",
            Self::Overlaps(_) => "overlaps",
            Self::NoteTooLong => "too_long",
            Self::HourTypeRequired => "required",
            Self::TooMany => "too_many",
        }
    }

    /// The English explanation.
    pub fn message(self) -> String {
        match self {
            Self::OutsideWeek => "is not a day of this week".into(),
            Self::TimeOrDuration => "give a start and end time or a duration, not both".into(),
            Self::StartAndEnd => "needs both a start and an end time".into(),
            Self::EndBeforeStart => "must be after the start (split a night shift at midnight)".into(),
            Self::Negative => "must not be negative".into(),
            Self::BreakTooLong => "must be shorter than the time worked".into(),
            Self::Zero => "must be more than 0 minutes".into(),
            Self::DayOver24Hours => "a day holds at most 24 hours".into(),
            Self::Overlaps(i) => format!("overlaps line {} of the same day", i + 1),
            Self::NoteTooLong => format!("must be at most {MAX_NOTE_LEN} characters"),
            Self::HourTypeRequired => "is required".into(),
            Self::TooMany => format!("a week holds at most {MAX_ENTRIES_PER_WEEK} lines"),
        }
    }
}

/// Minutes since midnight.
fn minute_of(t: NaiveTime) -> i32 {
    (t.hour() * 60 + t.minute()) as i32
}

impl EntryInput {
    /// The minutes this entry counts, or why it is wrong. The field name goes with
    /// each problem (`start`, `end`, `break_minutes`, `minutes`, `note`, `hour_type`).
    pub fn minutes_worked(&self) -> Result<i32, (&'static str, EntryProblem)> {
        if self.hour_type.trim().is_empty() {
            return Err(("hour_type", EntryProblem::HourTypeRequired));
        }
        if self.note.as_deref().is_some_and(|n| n.chars().count() > MAX_NOTE_LEN) {
            return Err(("note", EntryProblem::NoteTooLong));
        }
        if self.break_minutes < 0 {
            return Err(("break_minutes", EntryProblem::Negative));
        }
        match (self.start, self.end, self.minutes) {
            (Some(start), Some(end), None) => {
                let span = minute_of(end) - minute_of(start);
                if span <= 0 {
                    return Err(("end", EntryProblem::EndBeforeStart));
                }
                if self.break_minutes >= span {
                    return Err(("break_minutes", EntryProblem::BreakTooLong));
                }
                Ok(span - self.break_minutes)
            }
            (None, None, Some(m)) => {
                if m < 0 {
                    return Err(("minutes", EntryProblem::Negative));
                }
                if self.break_minutes >= m && m > 0 {
                    return Err(("break_minutes", EntryProblem::BreakTooLong));
                }
                let worked = m - self.break_minutes;
                if worked == 0 {
                    return Err(("minutes", EntryProblem::Zero));
                }
                if worked > DAY_MINUTES {
                    return Err(("minutes", EntryProblem::DayOver24Hours));
                }
                Ok(worked)
            }
            (Some(_), None, None) | (None, Some(_), None) => Err(("end", EntryProblem::StartAndEnd)),
            _ => Err(("minutes", EntryProblem::TimeOrDuration)),
        }
    }

    /// The time span on the clock, when start and end are given.
    pub fn span(&self) -> Option<(i32, i32)> {
        Some((minute_of(self.start?), minute_of(self.end?)))
    }
}

/// Checks a whole week of entries: each entry, the days inside the week, at most
/// 24 hours per day and no overlapping times on one day (touching is fine: 12:00–
/// 13:00 then 13:00–14:00). Returns `(index, field, problem)` for every problem.
pub fn check_week(week: IsoWeek, entries: &[EntryInput]) -> Vec<(usize, &'static str, EntryProblem)> {
    let mut problems = Vec::new();
    if entries.len() > MAX_ENTRIES_PER_WEEK {
        problems.push((0, "entries", EntryProblem::TooMany));
        return problems;
    }
    let mut per_day = [0i32; 7];
    for (i, e) in entries.iter().enumerate() {
        if !week.contains(e.day) {
            problems.push((i, "day", EntryProblem::OutsideWeek));
            continue;
        }
        match e.minutes_worked() {
            Ok(m) => per_day[day_index(week, e.day)] += m,
            Err((field, p)) => problems.push((i, field, p)),
        }
    }
    for (i, e) in entries.iter().enumerate() {
        let Some((s, t)) = e.span() else { continue };
        if !week.contains(e.day) || t <= s {
            continue;
        }
        let clash = entries[..i]
            .iter()
            .position(|o| o.day == e.day && o.span().is_some_and(|(os, ot)| ot > os && s < ot && os < t));
        if let Some(j) = clash {
            problems.push((i, "start", EntryProblem::Overlaps(j)));
        }
    }
    for (d, total) in per_day.iter().enumerate() {
        if *total > DAY_MINUTES {
            let first = entries.iter().position(|e| week.contains(e.day) && day_index(week, e.day) == d);
            problems.push((first.unwrap_or(0), "day", EntryProblem::DayOver24Hours));
        }
    }
    problems
}

/// 0 for Monday … 6 for Sunday.
pub fn day_index(week: IsoWeek, day: NaiveDate) -> usize {
    (day - week.monday()).num_days().clamp(0, 6) as usize
}

/// Totals of a week as screens show them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WeekTotals {
    /// Minutes per day, Monday first.
    pub per_day: [i32; 7],
    /// Minutes per client (none: hours without a client), largest first.
    pub per_client: Vec<ClientTotal>,
    /// Minutes in the week.
    pub week: i32,
}

/// Minutes for one client in a week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientTotal {
    /// The client, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<Uuid>,
    /// Minutes.
    pub minutes: i32,
}

/// Adds up valid entries (invalid ones count as zero; they are refused before saving).
pub fn totals(week: IsoWeek, entries: &[EntryInput]) -> WeekTotals {
    let mut t = WeekTotals::default();
    for e in entries.iter().filter(|e| week.contains(e.day)) {
        let m = e.minutes_worked().unwrap_or(0);
        t.per_day[day_index(week, e.day)] += m;
        t.week += m;
        match t.per_client.iter_mut().find(|c| c.client_id == e.client_id) {
            Some(c) => c.minutes += m,
            None => t.per_client.push(ClientTotal { client_id: e.client_id, minutes: m }),
        }
    }
    t.per_client.sort_by(|a, b| b.minutes.cmp(&a.minutes).then(a.client_id.cmp(&b.client_id)));
    t
}

/// `7:30` for 450 minutes: how hours are written on timesheets.
pub fn format_minutes(m: i32) -> String {
    let sign = if m < 0 { "-" } else { "" };
    let m = m.abs();
    format!("{sign}{}:{:02}", m / 60, m % 60)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn week() -> IsoWeek {
        "2026-W47".parse().unwrap()
    }

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 16 + n).unwrap()
    }

    fn shift(d: u32, start: (u32, u32), end: (u32, u32), brk: i32) -> EntryInput {
        EntryInput {
            id: None,
            day: day(d),
            client_id: None,
            hour_type: "direct_care".into(),
            start: Some(t(start.0, start.1)),
            end: Some(t(end.0, end.1)),
            break_minutes: brk,
            minutes: None,
            note: None,
        }
    }

    fn duration(d: u32, minutes: i32) -> EntryInput {
        EntryInput { start: None, end: None, minutes: Some(minutes), ..shift(d, (0, 0), (0, 0), 0) }
    }

    #[test]
    fn a_shift_counts_its_span_minus_the_break() {
        assert_eq!(shift(0, (8, 30), (17, 0), 30).minutes_worked(), Ok(480));
        assert_eq!(duration(0, 90).minutes_worked(), Ok(90));
    }

    #[test]
    fn wrong_entries_say_which_field_and_why() {
        assert_eq!(shift(0, (9, 0), (8, 0), 0).minutes_worked(), Err(("end", EntryProblem::EndBeforeStart)));
        assert_eq!(
            shift(0, (9, 0), (10, 0), 60).minutes_worked(),
            Err(("break_minutes", EntryProblem::BreakTooLong))
        );
        assert_eq!(
            shift(0, (9, 0), (10, 0), -5).minutes_worked(),
            Err(("break_minutes", EntryProblem::Negative))
        );
        assert_eq!(duration(0, -60).minutes_worked(), Err(("minutes", EntryProblem::Negative)));
        assert_eq!(duration(0, 0).minutes_worked(), Err(("minutes", EntryProblem::Zero)));
        let both = EntryInput { minutes: Some(60), ..shift(0, (9, 0), (10, 0), 0) };
        assert_eq!(both.minutes_worked(), Err(("minutes", EntryProblem::TimeOrDuration)));
        let half = EntryInput { end: None, ..shift(0, (9, 0), (10, 0), 0) };
        assert_eq!(half.minutes_worked(), Err(("end", EntryProblem::StartAndEnd)));
    }

    #[test]
    fn overlapping_times_on_one_day_are_refused_touching_is_fine() {
        let ok = [shift(0, (8, 0), (12, 0), 0), shift(0, (12, 0), (13, 0), 0), shift(1, (8, 0), (12, 0), 0)];
        assert!(check_week(week(), &ok).is_empty());
        let clash = [shift(0, (8, 0), (12, 0), 0), shift(0, (11, 0), (13, 0), 0)];
        assert_eq!(check_week(week(), &clash), vec![(1, "start", EntryProblem::Overlaps(0))]);
    }

    #[test]
    fn a_day_holds_at_most_24_hours() {
        let full = [duration(2, 20 * 60), duration(2, 5 * 60)];
        assert_eq!(check_week(week(), &full), vec![(0, "day", EntryProblem::DayOver24Hours)]);
        assert_eq!(duration(2, 25 * 60).minutes_worked(), Err(("minutes", EntryProblem::DayOver24Hours)));
    }

    #[test]
    fn days_outside_the_week_are_refused() {
        let e = EntryInput { day: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(), ..duration(0, 60) };
        assert_eq!(check_week(week(), &[e]), vec![(0, "day", EntryProblem::OutsideWeek)]);
    }

    #[test]
    fn totals_per_day_client_and_week() {
        let c = Uuid::from_u128(7);
        let entries = [
            EntryInput { client_id: Some(c), ..shift(0, (8, 0), (12, 0), 0) },
            EntryInput { client_id: Some(c), ..duration(1, 90) },
            duration(1, 30),
        ];
        let t = totals(week(), &entries);
        assert_eq!(t.per_day, [240, 120, 0, 0, 0, 0, 0]);
        assert_eq!(t.week, 360);
        assert_eq!(t.per_client[0], ClientTotal { client_id: Some(c), minutes: 330 });
        assert_eq!(format_minutes(450), "7:30");
        assert_eq!(format_minutes(5), "0:05");
    }

    proptest! {
        /// Whatever is entered, a week that passes the check has no day over 24 hours,
        /// no negative entry and no two overlapping shifts on a day.
        #[test]
        fn accepted_weeks_are_sane(
            raw in proptest::collection::vec((0u32..7, 0u32..24, 0u32..60, 1i32..600, 0i32..60), 0..12)
        ) {
            let entries: Vec<EntryInput> = raw
                .iter()
                .map(|&(d, h, m, len, brk)| {
                    let start = h * 60 + m;
                    let end = (start + len as u32).min(23 * 60 + 59);
                    shift(d, (start / 60, start % 60), (end / 60, end % 60), brk)
                })
                .collect();
            if check_week(week(), &entries).is_empty() {
                let t = totals(week(), &entries);
                prop_assert!(t.per_day.iter().all(|&m| (0..=DAY_MINUTES).contains(&m)));
                for (i, a) in entries.iter().enumerate() {
                    prop_assert!(a.minutes_worked().unwrap() > 0);
                    for b in &entries[..i] {
                        let ((s1, e1), (s2, e2)) = (a.span().unwrap(), b.span().unwrap());
                        prop_assert!(a.day != b.day || e1 <= s2 || e2 <= s1);
                    }
                }
            }
        }
    }
}
