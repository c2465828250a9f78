//! The burgerservicenummer (BSN) and its elfproef.

/// Why a BSN is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BsnError {
    /// Not 8 or 9 digits (spaces and dots are ignored).
    Format,
    /// The digits fail the elfproef.
    Checksum,
}

impl BsnError {
    /// The error code for a field error.
    pub fn code(self) -> &'static str {
        match self {
            Self::Format => "format",
            Self::Checksum => "checksum",
        }
    }
}

/// The BSN as nine digits, checked with the elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a
/// multiple of 11. Eight-digit numbers get a leading zero (older numbers are printed that
/// way); spaces and dots people copy from letters are ignored. All zeros is refused.
pub fn normalise_bsn(input: &str) -> Result<String, BsnError> {
    let digits: String = input.chars().filter(|c| !matches!(c, ' ' | '.' | '-')).collect();
    if !(8..=9).contains(&digits.len()) || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(BsnError::Format);
    }
    let digits = format!("{digits:0>9}");
    let d: Vec<i64> = digits.bytes().map(|b| i64::from(b - b'0')).collect();
    let sum: i64 = d[..8].iter().zip((2..=9).rev()).map(|(x, w)| x * w).sum::<i64>() - d[8];
    if sum == 0 || sum % 11 != 0 {
        return Err(BsnError::Checksum);
    }
    Ok(digits)
}

/// How a stored BSN is shown until someone with the right reveals it: only the last three
/// digits, so a person can be told apart from a namesake without exposing the number.
pub fn mask_bsn_tail(last_three: &str) -> String {
    format!("••••••{last_three}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_numbers_pass_and_typos_fail() {
        assert_eq!(normalise_bsn("111222333"), Ok("111222333".into()));
        assert_eq!(normalise_bsn("1234.56.782"), Ok("123456782".into()));
        assert_eq!(normalise_bsn("12345678"), Err(BsnError::Checksum));
        // 8 digits become 9 with a leading zero: 0·9 + 1·8 + … is checked as such.
        assert_eq!(normalise_bsn("10000008"), Err(BsnError::Checksum));
        assert_eq!(normalise_bsn("123456783"), Err(BsnError::Checksum));
        assert_eq!(normalise_bsn("000000000"), Err(BsnError::Checksum));
        assert_eq!(normalise_bsn("12345678a"), Err(BsnError::Format));
        assert_eq!(normalise_bsn("1234567"), Err(BsnError::Format));
        assert_eq!(normalise_bsn(""), Err(BsnError::Format));
    }

    proptest! {
        // Changing any single digit of a valid number breaks the check (weights 2–9 and −1
        // are all non-zero modulo 11), which is why the elfproef catches every one-digit typo.
        #[test]
        fn a_single_wrong_digit_is_always_caught(pos in 0usize..9, delta in 1u8..10) {
            let valid = b"111222333".to_vec();
            let mut typo = valid.clone();
            typo[pos] = b'0' + (typo[pos] - b'0' + delta) % 10;
            let typo = String::from_utf8(typo).unwrap();
            prop_assert!(normalise_bsn(&typo).is_err());
        }
    }
}
