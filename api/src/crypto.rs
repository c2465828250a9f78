//! Encryption at rest for the few secrets Poort must be able to read back
//! (authenticator app secrets): XChaCha20-Poly1305 with the server's data key.
//! The key comes from configuration (`POORT_DATA_KEY`, base64 of 32 bytes,
//! preferably via `POORT_DATA_KEY_FILE`) or, when unset, is generated once and
//! kept in the database so every instance shares it.

use base64::{Engine, engine::general_purpose::STANDARD};
use chacha20poly1305::{
    XChaCha20Poly1305, XNonce,
    aead::{Aead, KeyInit},
};
use chrono::{DateTime, Utc};
use rand::RngCore;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use crate::{config::Config, db::Db, entities::signing_key};

const ALGORITHM: &str = "XChaCha20Poly1305";

/// The key that seals secrets at rest, and a key derived from it for keyed digests
/// (e.g. "one BSN per organisation" without storing the number in the clear).
pub struct DataKey(XChaCha20Poly1305, [u8; 32]);

impl DataKey {
    /// A key from 32 raw bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        use sha2::Digest;
        let cipher = XChaCha20Poly1305::new_from_slice(bytes)
            .map_err(|_| "the data key must be 32 bytes".to_string())?;
        let mut derive = sha2::Sha256::new();
        derive.update(b"poort/digest-key/v1");
        derive.update(bytes);
        Ok(Self(cipher, derive.finalize().into()))
    }

    /// Hex HMAC-SHA256 of `data` under the derived digest key, separated by `purpose`:
    /// equal inputs give equal digests, and nobody without the data key can test a guess.
    pub fn digest_hex(&self, purpose: &str, data: &[u8]) -> String {
        use hmac::{Hmac, Mac};
        let Ok(mut mac) = <Hmac<sha2::Sha256> as Mac>::new_from_slice(&self.1) else { return String::new() };
        mac.update(purpose.as_bytes());
        mac.update(&[0]);
        mac.update(data);
        mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The configured key, or the database's shared one (created on first start).
    pub async fn load(cfg: &Config, db: &Db, now: DateTime<Utc>) -> Result<Self, String> {
        if let Some(key) = &cfg.data_key {
            let bytes = STANDARD.decode(key.expose().trim()).map_err(|e| format!("data_key: {e}"))?;
            return Self::from_bytes(&bytes);
        }
        let oldest = || {
            signing_key::Entity::find()
                .filter(signing_key::Column::Algorithm.eq(ALGORITHM))
                .order_by_asc(signing_key::Column::CreatedAt)
                .order_by_asc(signing_key::Column::Id)
                .one(&db.write)
        };
        if oldest().await.map_err(|e| e.to_string())?.is_none() {
            let mut bytes = [0u8; 32];
            rand::rngs::OsRng.fill_bytes(&mut bytes);
            signing_key::ActiveModel {
                id: Set(Uuid::now_v7()),
                algorithm: Set(ALGORITHM.into()),
                private_key_pem: Set(STANDARD.encode(bytes)),
                public_key_pem: Set(String::new()),
                created_at: Set(now),
            }
            .insert(&db.write)
            .await
            .map_err(|e| e.to_string())?;
        }
        let row = oldest().await.map_err(|e| e.to_string())?.ok_or("data key vanished")?;
        Self::from_bytes(&STANDARD.decode(row.private_key_pem).map_err(|e| e.to_string())?)
    }

    /// Encrypts `plain` under a fresh random nonce; base64(nonce ‖ ciphertext).
    pub fn seal(&self, plain: &[u8]) -> Result<String, String> {
        Ok(STANDARD.encode(self.seal_bytes(plain)?))
    }

    /// Encrypts `plain` under a fresh random nonce; nonce ‖ ciphertext, for files.
    pub fn seal_bytes(&self, plain: &[u8]) -> Result<Vec<u8>, String> {
        let mut nonce = [0u8; 24];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let ct = self.0.encrypt(&XNonce::from(nonce), plain).map_err(|_| "encryption failed".to_string())?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&ct);
        Ok(out)
    }

    /// Decrypts what [`seal_bytes`](Self::seal_bytes) produced.
    pub fn open_bytes(&self, raw: &[u8]) -> Option<Vec<u8>> {
        if raw.len() < 24 {
            return None;
        }
        let (nonce, ct) = raw.split_at(24);
        let nonce: [u8; 24] = nonce.try_into().ok()?;
        self.0.decrypt(&XNonce::from(nonce), ct).ok()
    }

    /// Decrypts what [`seal`](Self::seal) produced; `None` when tampered with or sealed by another key.
    pub fn open(&self, sealed: &str) -> Option<Vec<u8>> {
        self.open_bytes(&STANDARD.decode(sealed).ok()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_secrets_open_only_with_the_same_key_and_unaltered() {
        let a = DataKey::from_bytes(&[7u8; 32]).unwrap();
        let b = DataKey::from_bytes(&[8u8; 32]).unwrap();
        let sealed = a.seal(b"JBSWY3DPEHPK3PXP").unwrap();
        assert!(!sealed.contains("JBSWY3DPEHPK3PXP"));
        assert_eq!(a.open(&sealed).unwrap(), b"JBSWY3DPEHPK3PXP");
        assert!(b.open(&sealed).is_none());
        let mut raw = STANDARD.decode(&sealed).unwrap();
        let last = raw.len() - 1;
        raw[last] ^= 1;
        assert!(a.open(&STANDARD.encode(raw)).is_none());
        assert_ne!(a.seal(b"x").unwrap(), a.seal(b"x").unwrap(), "fresh nonce every time");
        assert!(DataKey::from_bytes(&[1u8; 16]).is_err());
    }
}
