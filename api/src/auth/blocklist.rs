//! The blocklist of common passwords shipped with Poort (see `api/data/README.md`).

use std::{collections::HashSet, sync::OnceLock};

static LIST: &str = include_str!("../../data/common-passwords.txt");

fn set() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| LIST.lines().map(str::trim).filter(|l| !l.is_empty()).collect())
}

/// Whether the lower-cased password is on the list.
pub fn is_common(lowercase_password: &str) -> bool {
    set().contains(lowercase_password)
}

/// Loads the list up front, so the first password change is not slower.
pub fn warm_up() -> usize {
    set().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ships_at_least_100_000_entries_including_dutch_favourites() {
        assert!(warm_up() >= 100_000);
        for common in ["password", "12345678", "wachtwoord", "welkom01", "feyenoord"] {
            assert!(is_common(common), "{common}");
        }
        assert!(!is_common("paarden eten graag hooi"));
    }
}
