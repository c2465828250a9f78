//! Access tokens: EdDSA-signed JWTs with `iss`, `aud`, `exp` and `sub` required
//! and the algorithm pinned, so `alg=none` or an HMAC token signed with the
//! public key is refused. Expiry is checked against the injected clock.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::{DateTime, Utc};
use ed25519_dalek::{
    SigningKey,
    pkcs8::{EncodePrivateKey, EncodePublicKey, spki::der::pem::LineEnding},
};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rand::RngCore;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::{config::Config, db::Db, entities::signing_key};

const ISSUER: &str = "poort";
const AUDIENCE: &str = "poort-api";

/// The claims of an access token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// Issuer, always `poort`.
    pub iss: String,
    /// Audience, always `poort-api`.
    pub aud: String,
    /// The user id.
    pub sub: Uuid,
    /// The session id; the session row decides whether the token still counts.
    pub sid: Uuid,
    /// The organisation the session acts in.
    pub org: Uuid,
    /// Issued at (seconds since the epoch).
    pub iat: i64,
    /// Expires at (seconds since the epoch).
    pub exp: i64,
    /// Space-separated scopes; present only on API client tokens (then `sub` and
    /// `sid` are the client's id), so a client token never passes as a person's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

/// The server's signing and verification keys.
pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    kid: String,
}

impl TokenKeys {
    /// Builds keys from a PKCS#8 PEM Ed25519 private key and its public key PEM.
    pub fn from_pem(private_pem: &str, public_pem: &str) -> Result<Self, String> {
        let encoding = EncodingKey::from_ed_pem(private_pem.as_bytes()).map_err(|e| e.to_string())?;
        let decoding = DecodingKey::from_ed_pem(public_pem.as_bytes()).map_err(|e| e.to_string())?;
        let kid = hex(&Sha256::digest(public_pem.as_bytes()))[..16].to_string();
        Ok(Self { encoding, decoding, kid })
    }

    /// Builds keys from a private key PEM only (configured keys).
    pub fn from_private_pem(private_pem: &str) -> Result<Self, String> {
        use ed25519_dalek::pkcs8::DecodePrivateKey;
        let key = SigningKey::from_pkcs8_pem(private_pem).map_err(|e| e.to_string())?;
        let public = key.verifying_key().to_public_key_pem(LineEnding::LF).map_err(|e| e.to_string())?;
        Self::from_pem(private_pem, &public)
    }

    /// A fresh random key pair, as (private PEM, public PEM).
    pub fn generate_pem() -> Result<(String, String), String> {
        let mut seed = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut seed);
        let key = SigningKey::from_bytes(&seed);
        let private = key.to_pkcs8_pem(LineEnding::LF).map_err(|e| e.to_string())?.to_string();
        let public = key.verifying_key().to_public_key_pem(LineEnding::LF).map_err(|e| e.to_string())?;
        Ok((private, public))
    }

    /// The configured key, or the database's shared key (created on first start).
    /// Two instances starting at once may both insert one; all use the oldest.
    pub async fn load(cfg: &Config, db: &Db, now: DateTime<Utc>) -> Result<Self, String> {
        if let Some(pem) = &cfg.jwt_private_key {
            return Self::from_private_pem(pem.expose());
        }
        let oldest = || {
            signing_key::Entity::find()
                .filter(signing_key::Column::Algorithm.eq("EdDSA"))
                .order_by_asc(signing_key::Column::CreatedAt)
                .order_by_asc(signing_key::Column::Id)
                .one(&db.write)
        };
        if let Some(k) = oldest().await.map_err(|e| e.to_string())? {
            return Self::from_pem(&k.private_key_pem, &k.public_key_pem);
        }
        let (private, public) = Self::generate_pem()?;
        signing_key::ActiveModel {
            id: Set(Uuid::now_v7()),
            algorithm: Set("EdDSA".into()),
            private_key_pem: Set(private),
            public_key_pem: Set(public),
            created_at: Set(now),
        }
        .insert(&db.write)
        .await
        .map_err(|e| e.to_string())?;
        let k = oldest().await.map_err(|e| e.to_string())?.ok_or("signing key vanished")?;
        Self::from_pem(&k.private_key_pem, &k.public_key_pem)
    }

    /// Signs an access token.
    pub fn issue(
        &self,
        user: Uuid,
        session: Uuid,
        org: Uuid,
        now: DateTime<Utc>,
        ttl_secs: i64,
    ) -> Result<String, jsonwebtoken::errors::Error> {
        let claims = Claims {
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            sub: user,
            sid: session,
            org,
            iat: now.timestamp(),
            exp: now.timestamp() + ttl_secs,
            scope: None,
        };
        self.sign(&claims)
    }

    /// Signs an API client's token.
    pub fn issue_client(
        &self,
        client: Uuid,
        org: Uuid,
        scope: String,
        now: DateTime<Utc>,
        ttl_secs: i64,
    ) -> Result<String, jsonwebtoken::errors::Error> {
        let claims = Claims {
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            sub: client,
            sid: client,
            org,
            iat: now.timestamp(),
            exp: now.timestamp() + ttl_secs,
            scope: Some(scope),
        };
        self.sign(&claims)
    }

    fn sign(&self, claims: &Claims) -> Result<String, jsonwebtoken::errors::Error> {
        let mut header = Header::new(Algorithm::EdDSA);
        header.kid = Some(self.kid.clone());
        jsonwebtoken::encode(&header, claims, &self.encoding)
    }

    /// Verifies signature, algorithm, issuer and audience, then expiry against `now`.
    pub fn verify(&self, token: &str, now: DateTime<Utc>) -> Option<Claims> {
        let mut validation = Validation::new(Algorithm::EdDSA);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        // Expiry is checked below with the injected clock, not the system clock.
        validation.validate_exp = false;
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &validation).ok()?;
        (data.claims.exp > now.timestamp()).then_some(data.claims)
    }
}

/// A random opaque token (256 bits), URL-safe.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The stored form of an opaque token.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;

    fn keys() -> TokenKeys {
        let (private, public) = TokenKeys::generate_pem().unwrap();
        TokenKeys::from_pem(&private, &public).unwrap()
    }

    #[test]
    fn tokens_verify_until_they_expire_by_the_injected_clock() {
        let k = keys();
        let now = Utc.with_ymd_and_hms(2026, 3, 29, 0, 59, 0).unwrap();
        let (u, s, o) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
        let t = k.issue(u, s, o, now, 900).unwrap();
        let c = k.verify(&t, now + Duration::seconds(899)).unwrap();
        assert_eq!((c.sub, c.sid, c.org), (u, s, o));
        assert!(k.verify(&t, now + Duration::seconds(900)).is_none());
    }

    #[test]
    fn tokens_from_another_key_or_tampered_are_refused() {
        let (a, b) = (keys(), keys());
        let now = Utc::now();
        let t = a.issue(Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7(), now, 900).unwrap();
        assert!(b.verify(&t, now).is_none());
        let mut parts: Vec<String> = t.split('.').map(String::from).collect();
        parts[1] = URL_SAFE_NO_PAD.encode(br#"{"iss":"poort","aud":"poort-api","sub":"x"}"#);
        assert!(a.verify(&parts.join("."), now).is_none());
    }

    #[test]
    fn alg_none_is_refused() {
        let k = keys();
        let now = Utc::now();
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
        let claims = serde_json::json!({
            "iss": "poort", "aud": "poort-api", "sub": Uuid::now_v7(), "sid": Uuid::now_v7(),
            "org": Uuid::now_v7(), "iat": now.timestamp(), "exp": now.timestamp() + 900
        });
        let body = URL_SAFE_NO_PAD.encode(claims.to_string());
        assert!(k.verify(&format!("{header}.{body}."), now).is_none());
    }

    #[test]
    fn configured_private_key_is_accepted() {
        let (private, _) = TokenKeys::generate_pem().unwrap();
        let k = TokenKeys::from_private_pem(&private).unwrap();
        let now = Utc::now();
        let t = k.issue(Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7(), now, 60).unwrap();
        assert!(k.verify(&t, now).is_some());
    }

    #[test]
    fn opaque_tokens_are_long_and_hashed() {
        let t = random_token();
        assert!(t.len() >= 43);
        assert_eq!(token_hash(&t).len(), 64);
        assert_ne!(random_token(), t);
    }
}
