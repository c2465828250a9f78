//! Placements and agency phases (seed 002 "Plaatsingen", "Fases"): where an agency worker
//! works, and where they stand in the phase system of the agency CAO.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A placement at a hirer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Placement {
    /// Id.
    pub id: Uuid,
    /// The worker.
    pub user_id: Uuid,
    /// Their name.
    pub person_name: String,
    /// The hirer (inlener).
    pub hirer: String,
    /// Function.
    pub function: String,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day; absent while open-ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends_on: Option<NaiveDate>,
    /// Hours per week, in minutes.
    pub minutes_per_week: i32,
    /// Cost centre at the hirer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_centre: Option<String>,
}

/// Body of `POST /api/v1/placements` and `PUT /api/v1/placements/{id}` (manage employee data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PlacementInput {
    /// The worker.
    pub user_id: Uuid,
    /// Hirer, 1–200 characters.
    pub hirer: String,
    /// Function, 1–100 characters.
    pub function: String,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day.
    #[serde(default)]
    pub ends_on: Option<NaiveDate>,
    /// Hours per week in minutes, 1–3600.
    pub minutes_per_week: i32,
    /// Cost centre.
    #[serde(default)]
    pub cost_centre: Option<String>,
}

/// A phase of the agency CAO.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AgencyPhase {
    /// Fase A: counted in worked weeks.
    A,
    /// Fase B: fixed-term contracts, counted in contracts and years.
    B,
    /// Fase C: a contract for indefinite time.
    C,
}

impl AgencyPhase {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::A => "a",
            Self::B => "b",
            Self::C => "c",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        [Self::A, Self::B, Self::C].into_iter().find(|p| p.as_str() == s)
    }
}

/// The phase system's numbers. They differ between CAOs and CAO editions, so they are
/// settings with the ABU CAO's current values as defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhaseRules {
    /// Worked weeks in phase A.
    pub a_weeks: u32,
    /// An interruption of this many weeks or more starts phase A's count again.
    pub reset_after_weeks: u32,
    /// Most contracts in phase B.
    pub b_contracts: u32,
    /// Longest phase B, in years.
    pub b_years: u32,
}

impl Default for PhaseRules {
    fn default() -> Self {
        Self { a_weeks: 52, reset_after_weeks: 26, b_contracts: 6, b_years: 4 }
    }
}

/// Where a worker stands (`GET /api/v1/me/phase`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PhaseProgress {
    /// The current phase.
    pub phase: AgencyPhase,
    /// When it started.
    pub started_on: NaiveDate,
    /// Phase A: worked weeks counted so far.
    pub weeks_counted: u32,
    /// Phase A: weeks to go.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weeks_left: Option<u32>,
    /// Phase B: contracts so far.
    pub contracts_counted: u32,
    /// Phase B: contracts still possible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contracts_left: Option<u32>,
    /// Phase B: the last day it can last.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends_by: Option<NaiveDate>,
    /// What comes next.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<AgencyPhase>,
}

fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// Weeks worked since `since` up to `today`: a calendar week (Monday–Sunday) counts when any
/// placement covers a day of it. A run of `rules.reset_after_weeks` or more weeks without
/// work starts the count again, as the CAO's interruption rule does.
pub fn worked_weeks(
    placements: &[(NaiveDate, Option<NaiveDate>)],
    since: NaiveDate,
    today: NaiveDate,
    rules: &PhaseRules,
) -> u32 {
    if today < since {
        return 0;
    }
    let (mut count, mut gap) = (0u32, 0u32);
    let mut week = monday(since);
    while week <= today {
        let first = week.max(since);
        let last = (week + Duration::days(6)).min(today);
        let worked = placements.iter().any(|(s, e)| *s <= last && e.is_none_or(|e| e >= first));
        if worked {
            if gap >= rules.reset_after_weeks {
                count = 0;
            }
            count += 1;
            gap = 0;
        } else {
            gap += 1;
        }
        week += Duration::days(7);
    }
    if gap >= rules.reset_after_weeks { 0 } else { count }
}

/// The progress in `phase` (started on `started_on`) on `today`.
pub fn phase_progress(
    phase: AgencyPhase,
    started_on: NaiveDate,
    placements: &[(NaiveDate, Option<NaiveDate>)],
    contracts_in_phase: u32,
    today: NaiveDate,
    rules: &PhaseRules,
) -> PhaseProgress {
    match phase {
        AgencyPhase::A => {
            let weeks = worked_weeks(placements, started_on, today, rules);
            PhaseProgress {
                phase,
                started_on,
                weeks_counted: weeks,
                weeks_left: Some(rules.a_weeks.saturating_sub(weeks)),
                contracts_counted: 0,
                contracts_left: None,
                ends_by: None,
                next: Some(AgencyPhase::B),
            }
        }
        AgencyPhase::B => {
            let ends_by = started_on
                .with_year(started_on.year() + rules.b_years as i32)
                // 29 February plus whole years: the day before 1 March.
                .unwrap_or_else(|| {
                    NaiveDate::from_ymd_opt(started_on.year() + rules.b_years as i32, 2, 28)
                        .unwrap_or(started_on)
                })
                - Duration::days(1);
            PhaseProgress {
                phase,
                started_on,
                weeks_counted: 0,
                weeks_left: None,
                contracts_counted: contracts_in_phase,
                contracts_left: Some(rules.b_contracts.saturating_sub(contracts_in_phase)),
                ends_by: Some(ends_by),
                next: Some(AgencyPhase::C),
            }
        }
        AgencyPhase::C => PhaseProgress {
            phase,
            started_on,
            weeks_counted: 0,
            weeks_left: None,
            contracts_counted: contracts_in_phase,
            contracts_left: None,
            ends_by: None,
            next: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_week_counts_when_any_day_is_worked() {
        let r = PhaseRules::default();
        // Monday 2 Nov – Sunday 8 Nov 2026 and one day (Wednesday 11 Nov) of the next week.
        let p = [(d("2026-11-02"), Some(d("2026-11-08"))), (d("2026-11-11"), Some(d("2026-11-11")))];
        assert_eq!(worked_weeks(&p, d("2026-11-01"), d("2026-11-22"), &r), 2);
        // An open placement counts up to today only.
        assert_eq!(worked_weeks(&[(d("2026-01-05"), None)], d("2026-01-05"), d("2026-03-01"), &r), 8);
    }

    #[test]
    fn a_long_interruption_starts_the_count_again() {
        let r = PhaseRules::default();
        let first = (d("2025-01-06"), Some(d("2025-03-30"))); // 12 weeks
        // 25 weeks without work: the count goes on.
        let soon = (d("2025-09-22"), Some(d("2025-09-28")));
        assert_eq!(worked_weeks(&[first, soon], d("2025-01-06"), d("2025-09-28"), &r), 13);
        // 26 weeks without work: it starts again.
        let late = (d("2025-09-29"), Some(d("2025-10-05")));
        assert_eq!(worked_weeks(&[first, late], d("2025-01-06"), d("2025-10-05"), &r), 1);
        // And today, after 26 idle weeks, nothing counts any more.
        assert_eq!(worked_weeks(&[first], d("2025-01-06"), d("2025-09-28"), &r), 0);
    }

    #[test]
    fn phase_b_lasts_four_years_or_six_contracts() {
        let r = PhaseRules::default();
        let p = phase_progress(AgencyPhase::B, d("2024-02-29"), &[], 2, d("2026-11-22"), &r);
        assert_eq!(p.contracts_left, Some(4));
        assert_eq!(p.ends_by, Some(d("2028-02-28")));
        assert_eq!(p.next, Some(AgencyPhase::C));
        let a = phase_progress(
            AgencyPhase::A,
            d("2026-01-05"),
            &[(d("2026-01-05"), None)],
            0,
            d("2026-11-22"),
            &r,
        );
        assert_eq!((a.weeks_counted, a.weeks_left), (46, Some(6)));
    }
}
