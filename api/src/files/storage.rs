//! Encrypted files under generated names: on local disk (the default) or in an
//! S3-compatible bucket (`files_backend = "s3"`). Both backends take the same three calls,
//! and both hold only what the data key sealed, so the bucket's operator reads nothing.
//!
//! S3 requests are signed with `rusty-s3` and sent with the reqwest client the server
//! already has. rusty-s3 is sans-IO (it builds presigned URLs; it opens no connections and
//! brings no HTTP stack or async runtime of its own), small, maintained, and speaks to any
//! S3-compatible store (AWS, MinIO, Garage, Ceph, moto) — unlike the AWS SDK, which would
//! add a second HTTP and TLS stack and a long compile to a two-core CI.

use std::{path::PathBuf, sync::Arc, time::Duration};

use rand::RngCore;
use rusty_s3::{Bucket, Credentials, S3Action, UrlStyle};

use crate::{
    config::{Config, FilesBackend},
    crypto::DataKey,
};

/// The stored name of the local backend (`person_documents.storage_backend`).
pub const LOCAL: &str = "local";
/// The stored name of the S3 backend.
pub const S3: &str = "s3";

/// How long a signed S3 request stays valid: it is sent at once.
const SIGNED_FOR: Duration = Duration::from_secs(120);

/// Where files live: local disk, plus the bucket when one is configured.
#[derive(Clone)]
pub struct Storage {
    root: PathBuf,
    s3: Option<Arc<S3Store>>,
    /// Where new files go.
    default: FilesBackend,
}

impl std::fmt::Debug for Storage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Storage")
            .field("root", &self.root)
            .field("bucket", &self.s3.as_ref().map(|s| s.bucket.name().to_string()))
            .field("default", &self.default)
            .finish()
    }
}

/// An S3-compatible bucket.
struct S3Store {
    bucket: Bucket,
    credentials: Credentials,
    client: reqwest::Client,
}

fn valid_key(key: &str) -> bool {
    key.len() == 32 && key.chars().all(|c| c.is_ascii_hexdigit())
}

fn new_key() -> String {
    let mut raw = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut raw);
    raw.iter().map(|b| format!("{b:02x}")).collect()
}

fn tls_config() -> Result<rustls::ClientConfig, String> {
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    Ok(rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("s3 tls: {e}"))?
        .with_root_certificates(roots)
        .with_no_client_auth())
}

impl S3Store {
    fn from_config(config: &Config) -> Result<Self, String> {
        let need = |v: Option<&str>, name: &str| {
            v.map(str::trim)
                .filter(|v| !v.is_empty())
                .map(String::from)
                .ok_or_else(|| format!("files_backend = \"s3\" needs {name}"))
        };
        let endpoint = need(config.s3_endpoint.as_deref(), "s3_endpoint")?;
        let bucket = need(config.s3_bucket.as_deref(), "s3_bucket")?;
        let key = need(config.s3_access_key.as_ref().map(|s| s.expose()), "s3_access_key")?;
        let secret = need(config.s3_secret_key.as_ref().map(|s| s.expose()), "s3_secret_key")?;
        let url: reqwest::Url = endpoint.parse().map_err(|e| format!("s3_endpoint: {e}"))?;
        let style = if config.s3_path_style { UrlStyle::Path } else { UrlStyle::VirtualHost };
        let bucket = Bucket::new(url, style, bucket, config.s3_region.clone())
            .map_err(|e| format!("s3_endpoint / s3_bucket: {e}"))?;
        let client = reqwest::Client::builder()
            .tls_backend_preconfigured(tls_config()?)
            .timeout(Duration::from_secs(60))
            .connect_timeout(Duration::from_secs(10))
            .user_agent(concat!("Poort/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| format!("s3: {e}"))?;
        Ok(Self { bucket, credentials: Credentials::new(key, secret), client })
    }

    async fn put(&self, key: &str, sealed: Vec<u8>) -> Result<(), String> {
        let url = self.bucket.put_object(Some(&self.credentials), key).sign(SIGNED_FOR);
        let res = self.client.put(url).body(sealed).send().await.map_err(|e| format!("s3 put: {e}"))?;
        if res.status().is_success() { Ok(()) } else { Err(format!("s3 put: HTTP {}", res.status())) }
    }

    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, String> {
        let url = self.bucket.get_object(Some(&self.credentials), key).sign(SIGNED_FOR);
        let res = self.client.get(url).send().await.map_err(|e| format!("s3 get: {e}"))?;
        match res.status() {
            s if s.is_success() => Ok(Some(res.bytes().await.map_err(|e| format!("s3 get: {e}"))?.to_vec())),
            reqwest::StatusCode::NOT_FOUND => Ok(None),
            s => Err(format!("s3 get: HTTP {s}")),
        }
    }

    async fn delete(&self, key: &str) -> Result<(), String> {
        let url = self.bucket.delete_object(Some(&self.credentials), key).sign(SIGNED_FOR);
        let res = self.client.delete(url).send().await.map_err(|e| format!("s3 delete: {e}"))?;
        match res.status() {
            s if s.is_success() => Ok(()),
            reqwest::StatusCode::NOT_FOUND => Ok(()),
            s => Err(format!("s3 delete: HTTP {s}")),
        }
    }
}

impl Storage {
    /// Files on local disk under `root` (created on first write).
    pub fn new(root: PathBuf) -> Self {
        Self { root, s3: None, default: FilesBackend::Local }
    }

    /// The storage `config` asks for: local disk, or the bucket for new files (local disk
    /// stays readable for files stored before the switch).
    pub fn from_config(config: &Config) -> Result<Self, String> {
        let mut s = Self::new(config.files_dir.clone());
        if config.files_backend == FilesBackend::S3 {
            s.s3 = Some(Arc::new(S3Store::from_config(config)?));
            s.default = FilesBackend::S3;
        }
        Ok(s)
    }

    /// The stored name of the backend new files go to.
    pub fn backend(&self) -> &'static str {
        match self.default {
            FilesBackend::Local => LOCAL,
            FilesBackend::S3 => S3,
        }
    }

    fn path(&self, key: &str) -> Option<PathBuf> {
        // Two-level fan-out keeps directories small; the key is ours, never the user's.
        valid_key(key).then(|| self.root.join(&key[..2]).join(key))
    }

    fn bucket(&self) -> Result<&S3Store, String> {
        self.s3.as_deref().ok_or_else(|| "a file is in the S3 bucket, but no bucket is configured".into())
    }

    /// Stores `bytes` encrypted in the default backend; returns the generated key.
    pub async fn put(&self, data_key: &DataKey, bytes: &[u8]) -> Result<String, String> {
        let key = new_key();
        let sealed = data_key.seal_bytes(bytes)?;
        if self.default == FilesBackend::S3 {
            self.bucket()?.put(&key, sealed).await?;
            return Ok(key);
        }
        let path = self.path(&key).ok_or("bad key")?;
        if let Some(dir) = path.parent() {
            tokio::fs::create_dir_all(dir).await.map_err(|e| e.to_string())?;
        }
        // Write then rename: a crash never leaves half a file under the final name.
        let tmp = path.with_extension("part");
        tokio::fs::write(&tmp, sealed).await.map_err(|e| e.to_string())?;
        tokio::fs::rename(&tmp, &path).await.map_err(|e| e.to_string())?;
        Ok(key)
    }

    /// The decrypted file from the default backend, or `None` when missing or not ours.
    pub async fn get(&self, data_key: &DataKey, key: &str) -> Result<Option<Vec<u8>>, String> {
        self.get_from(self.backend(), data_key, key).await
    }

    /// The decrypted file from `backend` (as recorded with the file).
    pub async fn get_from(
        &self,
        backend: &str,
        data_key: &DataKey,
        key: &str,
    ) -> Result<Option<Vec<u8>>, String> {
        if !valid_key(key) {
            return Ok(None);
        }
        let raw = if backend == S3 {
            self.bucket()?.get(key).await?
        } else {
            let Some(path) = self.path(key) else { return Ok(None) };
            match tokio::fs::read(&path).await {
                Ok(raw) => Some(raw),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(e) => return Err(e.to_string()),
            }
        };
        Ok(raw.and_then(|raw| data_key.open_bytes(&raw)))
    }

    /// Deletes a file from the default backend; missing is fine.
    pub async fn delete(&self, key: &str) -> Result<(), String> {
        self.delete_from(self.backend(), key).await
    }

    /// Deletes a file from `backend`; missing is fine.
    pub async fn delete_from(&self, backend: &str, key: &str) -> Result<(), String> {
        if !valid_key(key) {
            return Ok(());
        }
        if backend == S3 {
            return self.bucket()?.delete(key).await;
        }
        let Some(path) = self.path(key) else { return Ok(()) };
        match tokio::fs::remove_file(&path).await {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn files_round_trip_encrypted_and_keys_cannot_escape() {
        let dir = tempfile::tempdir().unwrap();
        let s = Storage::new(dir.path().to_path_buf());
        let k = DataKey::from_bytes(&[3u8; 32]).unwrap();
        let key = s.put(&k, b"%PDF-1.7 plan van aanpak").await.unwrap();
        let on_disk = std::fs::read(s.path(&key).unwrap()).unwrap();
        assert!(!on_disk.windows(4).any(|w| w == b"plan"), "stored encrypted");
        assert_eq!(s.get(&k, &key).await.unwrap().unwrap(), b"%PDF-1.7 plan van aanpak");
        assert_eq!(s.get(&k, "../../etc/passwd").await.unwrap(), None);
        s.delete(&key).await.unwrap();
        assert_eq!(s.get(&k, &key).await.unwrap(), None);
    }

    #[test]
    fn the_s3_backend_needs_its_settings_and_never_prints_its_keys() {
        let cfg = Config { files_backend: FilesBackend::S3, ..Config::default() };
        let err = Storage::from_config(&cfg).unwrap_err();
        assert!(err.contains("s3_endpoint"), "{err}");
        let cfg = Config {
            files_backend: FilesBackend::S3,
            s3_endpoint: Some("http://127.0.0.1:9000".into()),
            s3_bucket: Some("poort".into()),
            s3_access_key: Some(crate::config::Secret::new("AKIA-TEST")),
            s3_secret_key: Some(crate::config::Secret::new("s3-secret-99")),
            ..Config::default()
        };
        let s = Storage::from_config(&cfg).unwrap();
        assert_eq!(s.backend(), S3);
        let printed = format!("{s:?} {cfg:?}");
        assert!(!printed.contains("s3-secret-99") && !printed.contains("AKIA-TEST"), "{printed}");
    }
}
