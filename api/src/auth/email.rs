//! E-mail addresses are compared in one canonical form, so look-alikes
//! (full-width letters, different case, stray spaces) cannot create a second
//! account or miss the existing one.

use unicode_normalization::UnicodeNormalization;

/// NFKC, trimmed, lower case.
pub fn canonical(email: &str) -> String {
    email.trim().nfkc().collect::<String>().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_spaces_and_compatibility_forms_fold_together() {
        assert_eq!(canonical("  Anna.Jansen@DeLinde.example "), "anna.jansen@delinde.example");
        // U+FF41 FULLWIDTH LATIN SMALL LETTER A folds to 'a' under NFKC.
        assert_eq!(canonical("\u{ff41}nna@delinde.example"), "anna@delinde.example");
    }
}
