//! Authenticator-app codes (RFC 6238: SHA-1, 6 digits, 30-second steps, one
//! step of skew) as pure functions of the secret, the code and the time. A
//! code is accepted only for a step later than the last one accepted, so the
//! same code never works twice (RFC 6238 §5.2).

use chrono::{DateTime, Utc};
use rand::RngCore;
use totp_rs::{Algorithm, Builder, Secret, Totp};

/// Shown as the account's issuer in authenticator apps.
pub const ISSUER: &str = "Poort";
/// Seconds per step.
pub const STEP: u64 = 30;

/// A new random secret of 160 bits (RFC 4226's recommendation).
pub fn new_secret() -> Vec<u8> {
    let mut bytes = vec![0u8; 20];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes
}

fn totp(secret: &[u8], account: &str) -> Result<Totp, String> {
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(STEP)
        .with_secret(secret.to_vec())
        .with_issuer(Some(ISSUER))
        .with_account_name(account.replace(':', ""))
        .build()
        .map_err(|e| e.to_string())
}

/// The secret as people type it into an app (base32).
pub fn manual_key(secret: &[u8]) -> String {
    Secret::from(secret.to_vec()).to_base32()
}

/// The `otpauth://` URL a QR code carries.
pub fn otpauth_url(secret: &[u8], account: &str) -> Result<String, String> {
    totp(secret, account)?.to_url().map_err(|e| e.to_string())
}

/// The code for `at` (for tests and for showing what an app would show).
pub fn code_at(secret: &[u8], at: DateTime<Utc>) -> Result<String, String> {
    Ok(totp(secret, "x")?.generate(at.timestamp().max(0) as u64).to_string())
}

/// The step `code` matches at `now` (within one step either way), if it is later
/// than `last_step`; `None` for wrong, expired or replayed codes.
pub fn verify(secret: &[u8], code: &str, now: DateTime<Utc>, last_step: Option<i64>) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let step = totp(secret, "x").ok()?.check(&code, now.timestamp().max(0) as u64)? as i64;
    match last_step {
        Some(last) if step <= last => None,
        _ => Some(step),
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;

    // RFC 6238 appendix B's SHA-1 secret.
    const RFC_SECRET: &[u8] = b"12345678901234567890";

    #[test]
    fn matches_the_rfc_6238_test_vectors() {
        // The RFC lists 8-digit codes; the 6-digit code is their last six digits.
        for (t, code) in
            [(59, "287082"), (1_111_111_109, "081804"), (1_234_567_890, "005924"), (2_000_000_000, "279037")]
        {
            let at = Utc.timestamp_opt(t, 0).unwrap();
            assert_eq!(code_at(RFC_SECRET, at).unwrap(), code, "t={t}");
            assert_eq!(verify(RFC_SECRET, code, at, None), Some(t / 30));
        }
    }

    #[test]
    fn one_step_of_skew_either_way_and_no_more() {
        let at = Utc.timestamp_opt(1_234_567_890, 0).unwrap();
        let code = code_at(RFC_SECRET, at).unwrap();
        assert!(verify(RFC_SECRET, &code, at + Duration::seconds(30), None).is_some());
        assert!(verify(RFC_SECRET, &code, at - Duration::seconds(30), None).is_some());
        assert!(verify(RFC_SECRET, &code, at + Duration::seconds(60), None).is_none());
    }

    #[test]
    fn a_code_is_never_accepted_twice() {
        let at = Utc.timestamp_opt(1_234_567_890, 0).unwrap();
        let code = code_at(RFC_SECRET, at).unwrap();
        let step = verify(RFC_SECRET, &code, at, None).unwrap();
        assert_eq!(verify(RFC_SECRET, &code, at, Some(step)), None);
        // Nor an older one that is still within the skew.
        let previous = code_at(RFC_SECRET, at - Duration::seconds(30)).unwrap();
        assert_eq!(verify(RFC_SECRET, &previous, at, Some(step)), None);
        let next = code_at(RFC_SECRET, at + Duration::seconds(30)).unwrap();
        assert_eq!(verify(RFC_SECRET, &next, at + Duration::seconds(30), Some(step)), Some(step + 1));
    }

    #[test]
    fn malformed_codes_are_refused_and_spaces_are_ignored() {
        let at = Utc.timestamp_opt(59, 0).unwrap();
        assert!(verify(RFC_SECRET, "287 082", at, None).is_some());
        for bad in ["", "28708", "2870822", "abcdef", "28708x"] {
            assert!(verify(RFC_SECRET, bad, at, None).is_none(), "{bad}");
        }
    }

    #[test]
    fn otpauth_urls_name_poort_and_the_account() {
        let url = otpauth_url(&new_secret(), "anna.jansen@delinde.example").unwrap();
        assert!(url.starts_with("otpauth://totp/Poort:anna.jansen"), "{url}");
        assert!(url.contains("issuer=Poort"), "{url}");
        assert_eq!(manual_key(RFC_SECRET), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }
}
