//! Mobile numbers: SMS codes go to them, so they are kept in one form (E.164,
//! `+` and digits) however people type them. Dutch numbers are the common
//! case: `06-12345678`, `06 1234 5678`, `+31 (0)6 12345678` and
//! `0031612345678` all become `+31612345678`. Dutch landlines cannot receive
//! SMS and are refused; numbers from other countries are accepted in their
//! international form.

use crate::validation::FieldProblem;

/// Longest input accepted before it is even looked at.
pub const MAX_MOBILE_INPUT_LEN: usize = 32;

/// The number in E.164 form, or why it is refused.
pub fn normalise_mobile(input: &str) -> Result<String, FieldProblem> {
    let input = input.trim();
    if input.is_empty() {
        return Err(FieldProblem::Required);
    }
    if input.chars().count() > MAX_MOBILE_INPUT_LEN {
        return Err(FieldProblem::InvalidMobile);
    }
    // "+31 (0)6 …": the bracketed trunk zero is not dialled from abroad.
    let input = input.replace("(0)", "");
    let plus = input.starts_with('+');
    let body = if plus { &input[1..] } else { &input[..] };
    if !body.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')' | '/')) {
        return Err(FieldProblem::InvalidMobile);
    }
    let digits: String = body.chars().filter(char::is_ascii_digit).collect();
    let international = if plus {
        digits
    } else if let Some(rest) = digits.strip_prefix("00") {
        rest.to_string()
    } else if let Some(rest) = digits.strip_prefix('0') {
        format!("31{rest}")
    } else if digits.starts_with("316") && digits.len() == 11 {
        digits
    } else {
        return Err(FieldProblem::InvalidMobile);
    };
    // "+31 06 …": the trunk zero typed after the country code.
    let international = match international.strip_prefix("310") {
        Some(rest) => format!("31{rest}"),
        None => international,
    };
    let valid = if let Some(national) = international.strip_prefix("31") {
        national.len() == 9 && national.starts_with('6')
    } else {
        (8..=15).contains(&international.len()) && !international.starts_with('0')
    };
    if valid { Ok(format!("+{international}")) } else { Err(FieldProblem::InvalidMobile) }
}

/// A normalised number as people read it: `+31 6 1234 5678` for Dutch mobiles.
pub fn format_mobile(e164: &str) -> String {
    match e164.strip_prefix("+316") {
        Some(rest) if rest.len() == 8 => format!("+31 6 {} {}", &rest[..4], &rest[4..]),
        _ => e164.to_string(),
    }
}

/// A normalised number with all but its last two digits hidden, to say where
/// a code went without showing the number to whoever holds the link.
pub fn mask_mobile(e164: &str) -> String {
    let digits: Vec<char> = e164.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 4 {
        return "••".into();
    }
    let last: String = digits[digits.len() - 2..].iter().collect();
    if e164.starts_with("+316") && digits.len() == 11 {
        return format!("+31 6 •••• ••{last}");
    }
    let country: String = digits[..2].iter().collect();
    format!("+{country} {}{last}", "•".repeat(digits.len() - 4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_mobiles_in_every_common_spelling_become_one_number() {
        for typed in [
            "06-12345678",
            "0612345678",
            "06 1234 5678",
            "06 12 34 56 78",
            "+31612345678",
            "+31 6 12345678",
            "+31 (0)6 12345678",
            "+31 06 12345678",
            "0031612345678",
            "0031 6 1234 5678",
            "31612345678",
            " (06) 123-456.78 ",
        ] {
            assert_eq!(normalise_mobile(typed), Ok("+31612345678".into()), "{typed}");
        }
    }

    #[test]
    fn landlines_short_numbers_and_letters_are_refused() {
        assert_eq!(normalise_mobile(""), Err(FieldProblem::Required));
        assert_eq!(normalise_mobile("   "), Err(FieldProblem::Required));
        for bad in [
            "020-1234567",
            "+31201234567",
            "061234567",
            "06123456789",
            "06-1234567a",
            "bel mij",
            "+",
            "12345",
            "+0612345678",
            "06 1234 5678 ext 4",
        ] {
            assert_eq!(normalise_mobile(bad), Err(FieldProblem::InvalidMobile), "{bad}");
        }
        assert_eq!(normalise_mobile(&"6".repeat(40)), Err(FieldProblem::InvalidMobile));
    }

    #[test]
    fn numbers_from_other_countries_keep_their_country_code() {
        assert_eq!(normalise_mobile("+32 470 12 34 56"), Ok("+32470123456".into()));
        assert_eq!(normalise_mobile("0048 501 234 567"), Ok("+48501234567".into()));
        assert_eq!(normalise_mobile("+49 151 2345678"), Ok("+491512345678".into()));
    }

    #[test]
    fn numbers_are_shown_grouped_or_masked() {
        assert_eq!(format_mobile("+31612345678"), "+31 6 1234 5678");
        assert_eq!(format_mobile("+32470123456"), "+32470123456");
        assert_eq!(mask_mobile("+31612345678"), "+31 6 •••• ••78");
        assert_eq!(mask_mobile("+32470123456"), "+32 •••••••56");
        assert_eq!(mask_mobile("+1"), "••");
    }

    proptest::proptest! {
        #[test]
        fn normalising_is_idempotent(digits in "[0-9]{8}") {
            let typed = format!("06-{digits}");
            let once = normalise_mobile(&typed);
            proptest::prop_assert!(once.is_ok());
            let once = once.unwrap_or_default();
            proptest::prop_assert_eq!(normalise_mobile(&once), Ok(once.clone()));
            proptest::prop_assert_eq!(normalise_mobile(&format_mobile(&once)), Ok(once));
        }
    }
}
