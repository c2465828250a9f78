//! Password hashing with argon2id at OWASP's parameters (m=19456 KiB, t=2, p=1).
//! Hashing takes tens of milliseconds of CPU, so it runs on the blocking pool,
//! never on an async worker.

use std::sync::{Arc, OnceLock};

use argon2::{
    Algorithm, Argon2, Params, PasswordHash, PasswordHasher, PasswordVerifier, Version,
    password_hash::{SaltString, rand_core::OsRng},
};

use crate::{error::ApiError, http::metrics::Metrics};

fn argon2() -> Argon2<'static> {
    // The parameters are constants that are valid; the fallback is unreachable.
    let params = Params::new(19_456, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes `password` into a PHC string (blocking; call through [`hash`]).
pub fn hash_blocking(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(argon2().hash_password(password.as_bytes(), &salt)?.to_string())
}

/// Whether `password` matches `phc` (blocking; call through [`verify`]).
pub fn verify_blocking(phc: &str, password: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(parsed) => argon2().verify_password(password.as_bytes(), &parsed).is_ok(),
        Err(_) => false,
    }
}

/// A hash of a random password, verified against when the e-mail is unknown so
/// the answer takes as long as for a real account.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let random: String = uuid::Uuid::new_v4().simple().to_string();
        hash_blocking(&random).unwrap_or_default()
    })
}

/// Hashes off the async workers.
pub async fn hash(password: String) -> Result<String, ApiError> {
    actix_web::web::block(move || hash_blocking(&password))
        .await
        .map_err(ApiError::internal)?
        .map_err(ApiError::internal)
}

/// Verifies off the async workers; `None` verifies against the dummy hash and returns false.
pub async fn verify(phc: Option<String>, password: String) -> Result<bool, ApiError> {
    verify_counted(phc, password, None).await
}

/// [`verify`] for sign-in, counting each check in `metrics` once argon2 has run, so
/// tests (and operators) see that unknown and known e-mails cost the same work.
pub async fn verify_counted(
    phc: Option<String>,
    password: String,
    metrics: Option<Arc<Metrics>>,
) -> Result<bool, ApiError> {
    actix_web::web::block(move || {
        let dummy = phc.is_none();
        let ok = match phc {
            Some(phc) => verify_blocking(&phc, &password),
            None => {
                let _ = verify_blocking(dummy_hash(), &password);
                false
            }
        };
        if let Some(m) = metrics {
            m.password_checked(dummy);
        }
        ok
    })
    .await
    .map_err(ApiError::internal)
}

/// Computes the dummy hash up front so the first unknown e-mail is not faster.
pub fn warm_up() {
    let _ = dummy_hash();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_use_argon2id_with_owasp_parameters() {
        let phc = hash_blocking("correct horse battery staple").unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert!(verify_blocking(&phc, "correct horse battery staple"));
        assert!(!verify_blocking(&phc, "correct horse battery stapler"));
        assert!(!verify_blocking("not a hash", "x"));
    }
}
