//! International bank account numbers, checked with ISO 13616's mod-97.

/// Why an IBAN is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IbanError {
    /// Not two letters, two check digits and 11–30 letters or digits.
    Format,
    /// Wrong length for its country (e.g. Dutch IBANs have 18 characters).
    Length,
    /// The check digits do not match (a typo).
    Checksum,
}

impl IbanError {
    /// The error code for a field error.
    pub fn code(self) -> &'static str {
        match self {
            Self::Format => "format",
            Self::Length => "length",
            Self::Checksum => "checksum",
        }
    }
}

/// Lengths of the countries people working in the Netherlands usually bank in; others are
/// accepted at any length from 15 to 34.
const LENGTHS: [(&str, usize); 12] = [
    ("NL", 18),
    ("BE", 16),
    ("DE", 22),
    ("FR", 27),
    ("GB", 22),
    ("ES", 24),
    ("IT", 27),
    ("PL", 28),
    ("PT", 25),
    ("RO", 24),
    ("BG", 22),
    ("LU", 20),
];

/// The IBAN in its electronic form (upper case, no spaces), or why not.
pub fn normalise_iban(input: &str) -> Result<String, IbanError> {
    let iban: String = input.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
    let b = iban.as_bytes();
    if !(15..=34).contains(&b.len())
        || !b[..2].iter().all(u8::is_ascii_uppercase)
        || !b[2..4].iter().all(u8::is_ascii_digit)
        || !b[4..].iter().all(u8::is_ascii_alphanumeric)
    {
        return Err(IbanError::Format);
    }
    if let Some((_, len)) = LENGTHS.iter().find(|(c, _)| c.as_bytes() == &b[..2])
        && *len != b.len()
    {
        return Err(IbanError::Length);
    }
    // Move the first four to the end, letters become 10–35, and the number mod 97 must be 1;
    // computed digit by digit so it never overflows.
    let mut rem: u32 = 0;
    for &c in b[4..].iter().chain(&b[..4]) {
        let v = if c.is_ascii_digit() { u32::from(c - b'0') } else { u32::from(c - b'A') + 10 };
        rem = if v >= 10 { (rem * 100 + v) % 97 } else { (rem * 10 + v) % 97 };
    }
    if rem != 1 {
        return Err(IbanError::Checksum);
    }
    Ok(iban)
}

/// The IBAN in groups of four, as printed on bank cards.
pub fn format_iban(iban: &str) -> String {
    iban.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

/// How a stored IBAN is shown: country and the last four characters.
pub fn mask_iban(country: &str, last_four: &str) -> String {
    format!("{country}•• •••• •••• ••{}", last_four)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_ibans_normalise_and_typos_fail() {
        assert_eq!(normalise_iban("nl91 abna 0417 1643 00"), Ok("NL91ABNA0417164300".into()));
        assert_eq!(normalise_iban("BE68539007547034"), Ok("BE68539007547034".into()));
        assert_eq!(normalise_iban("DE89370400440532013000"), Ok("DE89370400440532013000".into()));
        assert_eq!(normalise_iban("NL91ABNA0417164301"), Err(IbanError::Checksum));
        assert_eq!(normalise_iban("NL19ABNA0417164300"), Err(IbanError::Checksum));
        assert_eq!(normalise_iban("NL91ABNA041716430"), Err(IbanError::Length));
        assert_eq!(normalise_iban("NL91-ABNA-0417"), Err(IbanError::Format));
        assert_eq!(normalise_iban("1234ABNA0417164300"), Err(IbanError::Format));
    }

    #[test]
    fn groups_of_four_and_a_mask() {
        assert_eq!(format_iban("NL91ABNA0417164300"), "NL91 ABNA 0417 1643 00");
        assert_eq!(mask_iban("NL", "4300"), "NL•• •••• •••• ••4300");
    }
}
