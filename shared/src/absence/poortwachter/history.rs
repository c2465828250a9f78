//! Checks on a change to a case's history, and the incapacity a partial recovery leaves.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{CaseHistory, continues_case};

/// Why a change to a case's history is refused. The API turns each into a field error;
/// nothing is changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HistoryError {
    /// A recovery dated before the first sick day of the spell it ends.
    RecoveryBeforeFirstSickDay,
    /// A recovered percentage above 100.
    PercentOutOfRange,
    /// A recovery step not after the previous partial-recovery step of the spell.
    NotAfterPreviousStep,
    /// A spell that starts before the previous one ended, or follows one that never did.
    SpellOverlaps,
    /// Spells not in order of their first sick day.
    NotChronological,
    /// The case is already fully recovered (or has no spell), so there is nothing to recover from.
    CaseClosed,
    /// A sickness 28 days or more after recovery: a new case with a new clock, not a relapse.
    NewCase,
    /// A case without any sick spell.
    NoSpells,
    /// Employment ended before the first sick day: that is not "ziek uit dienst".
    EmploymentEndedBeforeCase,
}

impl HistoryError {
    /// The code the API sends.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::RecoveryBeforeFirstSickDay => "recovery_before_first_sick_day",
            Self::PercentOutOfRange => "percent_out_of_range",
            Self::NotAfterPreviousStep => "not_after_previous_step",
            Self::SpellOverlaps => "spell_overlaps",
            Self::NotChronological => "not_chronological",
            Self::CaseClosed => "case_closed",
            Self::NewCase => "new_case",
            Self::NoSpells => "no_spells",
            Self::EmploymentEndedBeforeCase => "employment_ended_before_case",
        }
    }
}

impl fmt::Display for HistoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::RecoveryBeforeFirstSickDay => "the recovery date is before the first sick day",
            Self::PercentOutOfRange => "the percentage must be between 0 and 100",
            Self::NotAfterPreviousStep => "the date must be after the previous recovery step",
            Self::SpellOverlaps => "the sick period overlaps another",
            Self::NotChronological => "sick periods must be in date order",
            Self::CaseClosed => "the case is already closed by full recovery",
            Self::NewCase => "a sickness 28 days or more after recovery is a new case",
            Self::NoSpells => "the case has no sick period",
            Self::EmploymentEndedBeforeCase => "employment ended before the first sick day",
        })
    }
}

impl std::error::Error for HistoryError {}

/// Whether a recovery of `percent` from `on` may be recorded on the case's current
/// (last) spell, whose partial steps so far are `partial_steps` (date, recovered
/// percent; steps of earlier spells are ignored). A partial recovery does not move the
/// clock; 100 % ends the spell (`recovered_on = on`).
///
/// Refused, checked in this order: a case whose last spell is already recovered
/// (`CaseClosed`, also for a case without spells); a percentage above 100; a date
/// before the spell's first sick day; a date not after the spell's previous step
/// (steps may go down again — a relapse within the spell — but not back in time).
pub fn check_recovery(
    history: &CaseHistory,
    partial_steps: &[(NaiveDate, u8)],
    on: NaiveDate,
    percent: u8,
) -> Result<(), HistoryError> {
    let spell = match history.spells.last() {
        Some(s) if s.recovered_on.is_none() => s,
        _ => return Err(HistoryError::CaseClosed),
    };
    if percent > 100 {
        return Err(HistoryError::PercentOutOfRange);
    }
    if on < spell.first_day {
        return Err(HistoryError::RecoveryBeforeFirstSickDay);
    }
    let previous = partial_steps.iter().map(|&(date, _)| date).filter(|&date| date >= spell.first_day).max();
    if previous.is_some_and(|previous| on <= previous) {
        return Err(HistoryError::NotAfterPreviousStep);
    }
    Ok(())
}

/// Whether a sickness from `new_first_day` may be added to the case as a relapse: the
/// last spell has ended (`SpellOverlaps` while it lasts, or if the date is before its
/// recovery) and less than 28 days ago (`NewCase` otherwise: open a new case instead).
pub fn check_relapse(history: &CaseHistory, new_first_day: NaiveDate) -> Result<(), HistoryError> {
    let last = history.spells.last().ok_or(HistoryError::NoSpells)?;
    let recovered_on = last.recovered_on.ok_or(HistoryError::SpellOverlaps)?;
    if new_first_day < recovered_on {
        return Err(HistoryError::SpellOverlaps);
    }
    if !continues_case(recovered_on, new_first_day) {
        return Err(HistoryError::NewCase);
    }
    Ok(())
}

/// Whether a whole history is valid: at least one spell; each spell recovered no
/// earlier than it began; spells in order, each after the previous one's recovery and
/// less than 28 days after it; employment not ended before the first sick day.
pub fn check_history(history: &CaseHistory) -> Result<(), HistoryError> {
    let first = history.spells.first().ok_or(HistoryError::NoSpells)?;
    for spell in &history.spells {
        if spell.recovered_on.is_some_and(|r| r < spell.first_day) {
            return Err(HistoryError::RecoveryBeforeFirstSickDay);
        }
    }
    for pair in history.spells.windows(2) {
        let [previous, next] = pair else { continue };
        if next.first_day < previous.first_day {
            return Err(HistoryError::NotChronological);
        }
        let recovered_on = previous.recovered_on.ok_or(HistoryError::SpellOverlaps)?;
        if next.first_day < recovered_on {
            return Err(HistoryError::SpellOverlaps);
        }
        if !continues_case(recovered_on, next.first_day) {
            return Err(HistoryError::NewCase);
        }
    }
    if history.out_of_employment_on.is_some_and(|last_day| last_day < first.first_day) {
        return Err(HistoryError::EmploymentEndedBeforeCase);
    }
    Ok(())
}

/// The incapacity (arbeidsongeschiktheid) in force on `date` from a spell's partial
/// recovery steps: 100 minus the recovered percent of the latest step on or before
/// `date` (the later in the list when two share a date); 100 before any step. The
/// spell's full recovery is not a step: after `recovered_on` the employee is not sick.
pub fn incapacity_on(partial_steps: &[(NaiveDate, u8)], date: NaiveDate) -> u8 {
    let recovered = partial_steps
        .iter()
        .enumerate()
        .filter(|(_, (from, _))| *from <= date)
        .max_by_key(|(i, (from, _))| (*from, *i))
        .map_or(0, |(_, (_, percent))| (*percent).min(100));
    100 - recovered
}

#[cfg(test)]
mod tests {
    use super::super::SickSpell;
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn open_case(first: &str) -> CaseHistory {
        CaseHistory {
            spells: vec![SickSpell { first_day: d(first), recovered_on: None }],
            out_of_employment_on: None,
        }
    }

    #[test]
    fn recovery_is_refused_for_each_reason() {
        let h = open_case("2026-03-02");
        let steps = [(d("2026-03-16"), 50)];
        assert_eq!(check_recovery(&h, &steps, d("2026-03-30"), 100), Ok(()));
        assert_eq!(check_recovery(&h, &[], d("2026-03-02"), 100), Ok(()), "the first sick day itself");
        assert_eq!(check_recovery(&h, &steps, d("2026-03-30"), 0), Ok(()), "back to fully sick");
        assert_eq!(
            check_recovery(&h, &[], d("2026-03-01"), 50),
            Err(HistoryError::RecoveryBeforeFirstSickDay)
        );
        assert_eq!(check_recovery(&h, &[], d("2026-03-10"), 101), Err(HistoryError::PercentOutOfRange));
        assert_eq!(check_recovery(&h, &[], d("2026-03-10"), 255), Err(HistoryError::PercentOutOfRange));
        assert_eq!(check_recovery(&h, &steps, d("2026-03-16"), 100), Err(HistoryError::NotAfterPreviousStep));
        assert_eq!(check_recovery(&h, &steps, d("2026-03-10"), 60), Err(HistoryError::NotAfterPreviousStep));
        // Steps of an earlier spell don't count for the current one.
        let relapsed = CaseHistory {
            spells: vec![
                SickSpell { first_day: d("2026-01-05"), recovered_on: Some(d("2026-02-02")) },
                SickSpell { first_day: d("2026-02-20"), recovered_on: None },
            ],
            out_of_employment_on: None,
        };
        assert_eq!(check_recovery(&relapsed, &[(d("2026-01-20"), 50)], d("2026-02-20"), 50), Ok(()));
        let mut closed = h.clone();
        closed.spells[0].recovered_on = Some(d("2026-04-01"));
        assert_eq!(check_recovery(&closed, &[], d("2026-04-10"), 100), Err(HistoryError::CaseClosed));
        let empty = CaseHistory { spells: vec![], out_of_employment_on: None };
        assert_eq!(check_recovery(&empty, &[], d("2026-04-10"), 100), Err(HistoryError::CaseClosed));
    }

    #[test]
    fn relapses_are_checked() {
        let mut h = open_case("2026-01-05");
        assert_eq!(check_relapse(&h, d("2026-02-15")), Err(HistoryError::SpellOverlaps), "still sick");
        h.spells[0].recovered_on = Some(d("2026-01-19"));
        assert_eq!(check_relapse(&h, d("2026-01-18")), Err(HistoryError::SpellOverlaps));
        assert_eq!(check_relapse(&h, d("2026-01-19")), Ok(()));
        assert_eq!(check_relapse(&h, d("2026-02-15")), Ok(()), "27 days");
        assert_eq!(check_relapse(&h, d("2026-02-16")), Err(HistoryError::NewCase), "28 days");
    }

    #[test]
    fn histories_are_checked() {
        let spell = |f: &str, r: Option<&str>| SickSpell { first_day: d(f), recovered_on: r.map(d) };
        let h = |spells: Vec<SickSpell>| CaseHistory { spells, out_of_employment_on: None };
        let ok = h(vec![spell("2026-01-05", Some("2026-01-19")), spell("2026-02-15", None)]);
        assert_eq!(check_history(&ok), Ok(()));
        assert_eq!(check_history(&h(vec![])), Err(HistoryError::NoSpells));
        assert_eq!(
            check_history(&h(vec![spell("2026-01-05", Some("2026-01-04"))])),
            Err(HistoryError::RecoveryBeforeFirstSickDay)
        );
        assert_eq!(
            check_history(&h(vec![spell("2026-02-15", None), spell("2026-01-05", Some("2026-01-19"))])),
            Err(HistoryError::NotChronological)
        );
        assert_eq!(
            check_history(&h(vec![spell("2026-01-05", None), spell("2026-02-15", None)])),
            Err(HistoryError::SpellOverlaps)
        );
        assert_eq!(
            check_history(&h(vec![spell("2026-01-05", Some("2026-01-19")), spell("2026-01-18", None)])),
            Err(HistoryError::SpellOverlaps)
        );
        assert_eq!(
            check_history(&h(vec![spell("2026-01-05", Some("2026-01-19")), spell("2026-02-16", None)])),
            Err(HistoryError::NewCase)
        );
        let mut left = ok.clone();
        left.out_of_employment_on = Some(d("2026-01-04"));
        assert_eq!(check_history(&left), Err(HistoryError::EmploymentEndedBeforeCase));
        left.out_of_employment_on = Some(d("2026-03-31"));
        assert_eq!(check_history(&left), Ok(()));
    }

    #[test]
    fn incapacity_follows_the_latest_step() {
        let steps = [(d("2026-03-16"), 50), (d("2026-04-01"), 80), (d("2026-04-15"), 30)];
        assert_eq!(incapacity_on(&steps, d("2026-03-15")), 100);
        assert_eq!(incapacity_on(&steps, d("2026-03-16")), 50);
        assert_eq!(incapacity_on(&steps, d("2026-04-10")), 20);
        assert_eq!(incapacity_on(&steps, d("2026-05-01")), 70, "worse again");
        // Order of the list does not matter, except between steps on one date.
        let shuffled = [(d("2026-04-15"), 30), (d("2026-03-16"), 50), (d("2026-04-01"), 80)];
        assert_eq!(incapacity_on(&shuffled, d("2026-04-10")), 20);
        assert_eq!(incapacity_on(&[(d("2026-03-16"), 50), (d("2026-03-16"), 60)], d("2026-03-16")), 40);
        assert_eq!(incapacity_on(&[(d("2026-03-16"), 200)], d("2026-03-16")), 0);
    }
}
