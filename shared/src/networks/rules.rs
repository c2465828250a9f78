//! The rules of a network, as pure functions the API applies before it writes.

use std::collections::HashSet;

use uuid::Uuid;

/// Why a set of coordinators is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CoordinatorProblem {
    /// A network always has a coordinator.
    None,
    /// Exactly one coordinator is primary; this many were.
    Primaries(usize),
    /// The same entry twice.
    Duplicate(Uuid),
    /// Not a professional entry of this network with the care-coordinator role.
    NotEligible(Uuid),
}

impl CoordinatorProblem {
    /// Stable code for the error body.
    pub fn code(&self) -> &'static str {
        match self {
            Self::None => "no_coordinator",
            Self::Primaries(0) => "no_primary",
            Self::Primaries(_) => "several_primaries",
            Self::Duplicate(_) => "duplicate",
            Self::NotEligible(_) => "not_eligible",
        }
    }
}

/// Checks the coordinators a network would have after a change: at least one, exactly one
/// primary, each once, each eligible.
pub fn check_coordinators(
    choices: &[(Uuid, bool)],
    eligible: impl Fn(Uuid) -> bool,
) -> Result<(), CoordinatorProblem> {
    if choices.is_empty() {
        return Err(CoordinatorProblem::None);
    }
    let mut seen = HashSet::new();
    for (id, _) in choices {
        if !seen.insert(*id) {
            return Err(CoordinatorProblem::Duplicate(*id));
        }
        if !eligible(*id) {
            return Err(CoordinatorProblem::NotEligible(*id));
        }
    }
    match choices.iter().filter(|(_, primary)| *primary).count() {
        1 => Ok(()),
        n => Err(CoordinatorProblem::Primaries(n)),
    }
}

/// Why an entry cannot leave the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemovalProblem {
    /// The primary coordinator hands over first.
    PrimaryCoordinator,
    /// An organisation leaves after its professionals.
    HasProfessionals,
}

impl RemovalProblem {
    /// Stable code for the error body.
    pub fn code(self) -> &'static str {
        match self {
            Self::PrimaryCoordinator => "primary_coordinator",
            Self::HasProfessionals => "has_professionals",
        }
    }
}

/// Whether an entry may be removed: never the primary coordinator (so the network never
/// ends up without one), never an organisation that still has professionals in it.
pub fn check_removal(is_primary: bool, professionals_left: usize) -> Result<(), RemovalProblem> {
    if is_primary {
        return Err(RemovalProblem::PrimaryCoordinator);
    }
    if professionals_left > 0 {
        return Err(RemovalProblem::HasProfessionals);
    }
    Ok(())
}

/// The modules a change may switch off: those with no organisation left in the network.
/// Returns the first module that is still in use.
pub fn module_still_used<'a>(
    before: &'a [String],
    after: &[String],
    used: &HashSet<String>,
) -> Option<&'a str> {
    before.iter().find(|m| !after.contains(m) && used.contains(*m)).map(String::as_str)
}

/// A Dutch postcode normalised to `1234 AB`, or `None` when it is not one.
pub fn normalise_postcode(typed: &str) -> Option<String> {
    let compact: String = typed.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
    let (digits, letters) = compact.split_at_checked(4)?;
    let ok = digits.chars().all(|c| c.is_ascii_digit())
        && !digits.starts_with('0')
        && letters.len() == 2
        && letters.chars().all(|c| c.is_ascii_uppercase());
    ok.then(|| format!("{digits} {letters}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    #[test]
    fn exactly_one_primary() {
        let all = |_| true;
        assert_eq!(check_coordinators(&[(id(1), true)], all), Ok(()));
        assert_eq!(check_coordinators(&[(id(1), true), (id(2), false)], all), Ok(()));
        assert_eq!(check_coordinators(&[], all), Err(CoordinatorProblem::None));
        assert_eq!(check_coordinators(&[(id(1), false)], all), Err(CoordinatorProblem::Primaries(0)));
        assert_eq!(
            check_coordinators(&[(id(1), true), (id(2), true)], all),
            Err(CoordinatorProblem::Primaries(2))
        );
        assert_eq!(
            check_coordinators(&[(id(1), true), (id(1), false)], all),
            Err(CoordinatorProblem::Duplicate(id(1)))
        );
        assert_eq!(
            check_coordinators(&[(id(1), true), (id(2), false)], |i| i == id(1)),
            Err(CoordinatorProblem::NotEligible(id(2)))
        );
    }

    #[test]
    fn the_primary_never_leaves_without_handing_over() {
        assert_eq!(check_removal(true, 0), Err(RemovalProblem::PrimaryCoordinator));
        assert_eq!(check_removal(false, 2), Err(RemovalProblem::HasProfessionals));
        assert_eq!(check_removal(false, 0), Ok(()));
    }

    #[test]
    fn a_module_in_use_stays_on() {
        let before = vec!["home_care".to_string(), "gp".to_string()];
        let used: HashSet<String> = ["gp".to_string()].into();
        assert_eq!(module_still_used(&before, &["home_care".into()], &used), Some("gp"));
        assert_eq!(module_still_used(&before, &["gp".into()], &used), None);
    }

    #[test]
    fn postcodes() {
        assert_eq!(normalise_postcode("3511ab").as_deref(), Some("3511 AB"));
        assert_eq!(normalise_postcode(" 3511 AB ").as_deref(), Some("3511 AB"));
        assert_eq!(normalise_postcode("0511 AB"), None);
        assert_eq!(normalise_postcode("3511 A"), None);
        assert_eq!(normalise_postcode("35114AB"), None);
    }
}
