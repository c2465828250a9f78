//! Numbers as a Dutch (or English) reader expects them: `5.678,9` and `2,17 %` in Dutch,
//! `5,678.9` and `2.17 %` in English. The figures arrive as plain floats; only the screen
//! rounds them.

use shared::i18n::Locale;

/// What stands where a figure has no value (nobody employed, no cases).
pub const NO_VALUE: &str = "—";

/// `value` rounded to `decimals`, with thousands grouped: `5.678,9` (nl), `5,678.9` (en).
pub fn decimal(value: f64, decimals: usize, locale: Locale) -> String {
    let (group, point) = match locale {
        Locale::Nl => ('.', ','),
        Locale::En => (',', '.'),
    };
    let rounded = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = rounded.split_once('.').unwrap_or((&rounded, ""));
    let mut out = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(point);
        out.push_str(fraction);
    }
    // No "-0,00": a value that rounds to zero has no sign.
    let is_zero = rounded.chars().all(|c| c == '0' || c == '.');
    if value < 0.0 && !is_zero { format!("-{out}") } else { out }
}

/// A percentage with its sign after a space, as Dutch writes it: `2,17 %`.
pub fn percent(value: f64, decimals: usize, locale: Locale) -> String {
    format!("{} %", decimal(value, decimals, locale))
}

/// `shown(value)`, or the dash for a figure without value.
pub fn or_dash(value: Option<f64>, shown: impl Fn(f64) -> String) -> String {
    value.map_or_else(|| NO_VALUE.to_string(), shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_groups_thousands_with_dots_and_uses_a_decimal_comma() {
        assert_eq!(decimal(5678.9, 1, Locale::Nl), "5.678,9");
        assert_eq!(decimal(5678.9, 1, Locale::En), "5,678.9");
        assert_eq!(decimal(1_234_567.0, 0, Locale::Nl), "1.234.567");
        assert_eq!(decimal(123.44, 1, Locale::Nl), "123,4");
        assert_eq!(decimal(999.996, 2, Locale::Nl), "1.000,00");
        assert_eq!(decimal(0.0, 2, Locale::Nl), "0,00");
    }

    #[test]
    fn negative_values_keep_their_sign_unless_they_round_to_zero() {
        assert_eq!(decimal(-1234.5, 1, Locale::Nl), "-1.234,5");
        assert_eq!(decimal(-0.001, 2, Locale::Nl), "0,00");
    }

    #[test]
    fn percentages_and_missing_values() {
        assert_eq!(percent(2.1729, 2, Locale::Nl), "2,17 %");
        assert_eq!(percent(2.1729, 2, Locale::En), "2.17 %");
        assert_eq!(or_dash(None, |v| percent(v, 1, Locale::Nl)), "—");
        assert_eq!(or_dash(Some(75.0), |v| percent(v, 1, Locale::Nl)), "75,0 %");
    }
}
