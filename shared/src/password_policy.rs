//! Password rules, applied by the server and shown live in the browser.
//!
//! The standard profile follows OWASP ASVS 5.0 level 2 and NIST SP 800-63B:
//! long passwords, any characters, no composition rules, and a blocklist of
//! common passwords. The legacy profile reproduces what seed 004's customers
//! use today (8–16 characters, three of four character classes, none of
//! `@ $ # %`, not the user name); it is weaker and the admin screen says so.

use serde::{Deserialize, Serialize};

/// The fewest characters any profile may require.
pub const MIN_LENGTH_FLOOR: usize = 8;
/// The default minimum of the standard profile.
pub const STANDARD_MIN_LENGTH: usize = 12;
/// The longest password the standard profile accepts (NIST: at least 64).
pub const STANDARD_MAX_LENGTH: usize = 128;
/// Legacy profile bounds (seed 004).
pub const LEGACY_MIN_LENGTH: usize = 8;
/// Legacy profile bounds (seed 004).
pub const LEGACY_MAX_LENGTH: usize = 16;
/// Characters the legacy profile refuses.
pub const LEGACY_FORBIDDEN: [char; 4] = ['@', '$', '#', '%'];

/// Which rules an organisation applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "profile", rename_all = "snake_case")]
pub enum PasswordPolicy {
    /// ASVS 5.0 L2 / NIST 800-63B (default).
    Standard {
        /// Minimum length in characters, never below 8.
        min_length: usize,
    },
    /// Seed 004's rules, for customers that must keep them.
    Legacy,
}

impl Default for PasswordPolicy {
    fn default() -> Self {
        Self::Standard { min_length: STANDARD_MIN_LENGTH }
    }
}

impl PasswordPolicy {
    /// The minimum length this policy requires.
    pub fn min_length(self) -> usize {
        match self {
            Self::Standard { min_length } => min_length.max(MIN_LENGTH_FLOOR),
            Self::Legacy => LEGACY_MIN_LENGTH,
        }
    }

    /// The maximum length this policy accepts.
    pub fn max_length(self) -> usize {
        match self {
            Self::Standard { .. } => STANDARD_MAX_LENGTH,
            Self::Legacy => LEGACY_MAX_LENGTH,
        }
    }

    /// Whether this policy is weaker than the standard (shown on the admin screen).
    pub fn is_weaker_than_standard(self) -> bool {
        matches!(self, Self::Legacy)
    }
}

/// What Poort knows about the person, which a password must not contain.
#[derive(Debug, Clone, Copy, Default)]
pub struct PersonalInfo<'a> {
    /// Full name.
    pub name: &'a str,
    /// E-mail address (also the user name).
    pub email: &'a str,
    /// Organisation name.
    pub organisation: &'a str,
}

/// Why a password is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum PasswordProblem {
    /// Fewer characters than the policy's minimum.
    TooShort {
        /// The minimum.
        min: usize,
    },
    /// More characters than the policy accepts.
    TooLong {
        /// The maximum.
        max: usize,
    },
    /// On the list of common or breached passwords.
    Common,
    /// Contains the person's name, e-mail or organisation.
    ContainsPersonalInfo,
    /// Legacy: contains `@`, `$`, `#` or `%`.
    ForbiddenCharacter,
    /// Legacy: fewer than three of lower case, upper case, digits and punctuation.
    TooFewCharacterClasses,
}

impl PasswordProblem {
    /// A stable code for translations.
    pub fn code(self) -> &'static str {
        match self {
            Self::TooShort { .. } => "too_short",
            Self::TooLong { .. } => "too_long",
            Self::Common => "common",
            Self::ContainsPersonalInfo => "contains_personal_info",
            Self::ForbiddenCharacter => "forbidden_character",
            Self::TooFewCharacterClasses => "too_few_character_classes",
        }
    }

    /// The reason in English.
    pub fn message(self) -> String {
        match self {
            Self::TooShort { min } => format!("must be at least {min} characters"),
            Self::TooLong { max } => format!("must be at most {max} characters"),
            Self::Common => "is too common; choose another".into(),
            Self::ContainsPersonalInfo => "must not contain your name, e-mail address or organisation".into(),
            Self::ForbiddenCharacter => "must not contain @, $, # or %".into(),
            Self::TooFewCharacterClasses => {
                "needs three of: lower case, upper case, digits, punctuation".into()
            }
        }
    }
}

/// Every reason `password` fails `policy`; empty when it is acceptable.
/// `is_common` answers whether a lower-cased password is on the blocklist
/// (the server has the full list; the browser asks the server).
pub fn check_password(
    policy: PasswordPolicy,
    password: &str,
    who: PersonalInfo<'_>,
    is_common: &dyn Fn(&str) -> bool,
) -> Vec<PasswordProblem> {
    let mut problems = Vec::new();
    let len = password.chars().count();
    if len < policy.min_length() {
        problems.push(PasswordProblem::TooShort { min: policy.min_length() });
    }
    if len > policy.max_length() {
        problems.push(PasswordProblem::TooLong { max: policy.max_length() });
    }
    let lower = password.to_lowercase();
    match policy {
        PasswordPolicy::Standard { .. } => {
            if is_common(&lower) {
                problems.push(PasswordProblem::Common);
            }
            if personal_fragments(who).iter().any(|f| lower.contains(f.as_str())) {
                problems.push(PasswordProblem::ContainsPersonalInfo);
            }
        }
        PasswordPolicy::Legacy => {
            let user = who.email.trim().to_lowercase();
            let local = user.split('@').next().unwrap_or("");
            if (!user.is_empty() && lower.contains(&user)) || (local.len() >= 3 && lower.contains(local)) {
                problems.push(PasswordProblem::ContainsPersonalInfo);
            }
            if password.chars().any(|c| LEGACY_FORBIDDEN.contains(&c)) {
                problems.push(PasswordProblem::ForbiddenCharacter);
            }
            if character_classes(password) < 3 {
                problems.push(PasswordProblem::TooFewCharacterClasses);
            }
        }
    }
    problems
}

/// How many of lower case, upper case, digits and other characters occur.
pub fn character_classes(password: &str) -> usize {
    let lower = password.chars().any(char::is_lowercase);
    let upper = password.chars().any(char::is_uppercase);
    let digit = password.chars().any(|c| c.is_ascii_digit());
    let other = password.chars().any(|c| !c.is_alphanumeric());
    [lower, upper, digit, other].into_iter().filter(|b| *b).count()
}

/// Lower-cased parts of the person's name, e-mail and organisation long enough
/// to matter: "anna", "jansen", "anna.jansen", "delinde", …
fn personal_fragments(who: PersonalInfo<'_>) -> Vec<String> {
    let mut out = Vec::new();
    let mut add_words = |text: &str, min: usize| {
        for w in text.to_lowercase().split(|c: char| !c.is_alphanumeric()) {
            if w.chars().count() >= min && !out.iter().any(|o: &String| o == w) {
                out.push(w.to_string());
            }
        }
    };
    add_words(who.name, 3);
    let email = who.email.trim().to_lowercase();
    if let Some((local, domain)) = email.split_once('@') {
        add_words(local, 3);
        // The domain's name part, without the top-level domain: "delinde" of "delinde.example".
        if let Some(name) = domain.split('.').next() {
            add_words(name, 4);
        }
        if local.chars().count() >= 3 {
            out.push(local.to_string());
        }
    }
    // Legal forms and filler words say nothing about the organisation.
    const GENERIC: [&str; 6] = ["b.v.", "bv", "n.v.", "stichting", "groep", "holding"];
    for w in who.organisation.to_lowercase().split(|c: char| !c.is_alphanumeric()) {
        if w.chars().count() >= 4 && !GENERIC.contains(&w) && !out.iter().any(|o| o == w) {
            out.push(w.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANNA: PersonalInfo<'static> = PersonalInfo {
        name: "Anna Jansen",
        email: "anna.jansen@delinde.example",
        organisation: "Thuiszorg De Linde",
    };

    fn never(_: &str) -> bool {
        false
    }

    fn standard(pw: &str) -> Vec<PasswordProblem> {
        check_password(PasswordPolicy::default(), pw, ANNA, &never)
    }

    fn legacy(pw: &str) -> Vec<PasswordProblem> {
        check_password(PasswordPolicy::Legacy, pw, ANNA, &never)
    }

    #[test]
    fn standard_accepts_long_passphrases_of_any_characters_without_composition_rules() {
        assert!(standard("paarden eten graag hooi").is_empty());
        assert!(standard("ÿø 🐴 zeer lange zin!").is_empty());
        assert!(standard("alleenkleineletters").is_empty());
        assert!(standard(&"a".repeat(64)).is_empty());
    }

    #[test]
    fn standard_length_is_counted_in_characters() {
        assert_eq!(standard("kort"), vec![PasswordProblem::TooShort { min: 12 }]);
        // 12 characters, more bytes.
        assert!(standard("ééééééééééé!").is_empty());
        assert_eq!(standard(&"a".repeat(129)), vec![PasswordProblem::TooLong { max: 128 }]);
    }

    #[test]
    fn configured_minimum_never_drops_below_eight() {
        let p = PasswordPolicy::Standard { min_length: 4 };
        assert_eq!(p.min_length(), 8);
        assert_eq!(check_password(p, "zeven77", ANNA, &never), vec![PasswordProblem::TooShort { min: 8 }]);
        assert!(check_password(p, "acht8888", ANNA, &never).is_empty());
    }

    #[test]
    fn standard_refuses_common_passwords_case_insensitively() {
        let common = |p: &str| p == "welkom123456";
        assert_eq!(
            check_password(PasswordPolicy::default(), "Welkom123456", ANNA, &common),
            vec![PasswordProblem::Common]
        );
    }

    #[test]
    fn standard_refuses_name_email_and_organisation() {
        for pw in
            ["Jansen-is-de-beste", "mijn anna.jansen wachtwoord", "ikwerkbijdelinde!!", "thuiszorg4ever!!"]
        {
            assert_eq!(standard(pw), vec![PasswordProblem::ContainsPersonalInfo], "{pw}");
        }
        // Generic words of the organisation name do not count.
        let bv = PersonalInfo {
            name: "Eva Visser",
            email: "eva@vandijkbouw.example",
            organisation: "Bouwbedrijf Van Dijk B.V.",
        };
        assert!(check_password(PasswordPolicy::default(), "stichting groep holding", bv, &never).is_empty());
    }

    #[test]
    fn legacy_reproduces_seed_004() {
        assert!(legacy("Zomer2026!").is_empty());
        assert_eq!(legacy("Zomer2026@"), vec![PasswordProblem::ForbiddenCharacter]);
        assert_eq!(legacy("zomerzomer"), vec![PasswordProblem::TooFewCharacterClasses]);
        assert!(legacy("zomer2026!").is_empty(), "lower + digit + punctuation is three classes");
        assert_eq!(legacy("Zo1!"), vec![PasswordProblem::TooShort { min: 8 }]);
        assert_eq!(legacy("Zomer2026!Zomer2026!"), vec![PasswordProblem::TooLong { max: 16 }]);
        assert_eq!(legacy("Xanna.jansen1!"), vec![PasswordProblem::ContainsPersonalInfo]);
        assert!(PasswordPolicy::Legacy.is_weaker_than_standard());
        assert!(!PasswordPolicy::default().is_weaker_than_standard());
    }

    #[test]
    fn codes_are_stable() {
        assert_eq!(PasswordProblem::Common.code(), "common");
        assert_eq!(PasswordProblem::TooShort { min: 12 }.code(), "too_short");
        assert!(PasswordProblem::TooShort { min: 12 }.message().contains("12"));
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    const NOBODY: PersonalInfo<'static> = PersonalInfo { name: "", email: "", organisation: "" };

    proptest! {
        #[test]
        fn standard_judges_only_length_when_nothing_else_applies(pw in "\\PC{0,140}") {
            let problems = check_password(PasswordPolicy::default(), &pw, NOBODY, &|_| false);
            let len = pw.chars().count();
            prop_assert_eq!(problems.is_empty(), (12..=128).contains(&len));
        }

        #[test]
        fn legacy_never_accepts_a_forbidden_character(pw in "[A-Za-z0-9!?]{4,12}", bad in "[@$#%]") {
            let with = format!("{pw}{bad}");
            let problems = check_password(PasswordPolicy::Legacy, &with, NOBODY, &|_| false);
            prop_assert!(problems.contains(&PasswordProblem::ForbiddenCharacter));
        }

        #[test]
        fn accepted_legacy_passwords_have_three_classes(pw in "[A-Za-z0-9!?.]{8,16}") {
            let problems = check_password(PasswordPolicy::Legacy, &pw, NOBODY, &|_| false);
            if problems.is_empty() {
                prop_assert!(character_classes(&pw) >= 3);
            }
        }
    }
}
