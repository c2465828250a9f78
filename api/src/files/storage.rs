//! Local-disk storage of encrypted files under random names. (An S3-compatible
//! store can take its place behind the same three calls.)

use std::path::PathBuf;

use rand::RngCore;

use crate::crypto::DataKey;

/// Where files live.
#[derive(Debug, Clone)]
pub struct Storage {
    root: PathBuf,
}

fn valid_key(key: &str) -> bool {
    key.len() == 32 && key.chars().all(|c| c.is_ascii_hexdigit())
}

impl Storage {
    /// Files under `root` (created on first write).
    pub fn new(root: PathBuf) -> Self {
        Self { root }
    }

    fn path(&self, key: &str) -> Option<PathBuf> {
        // Two-level fan-out keeps directories small; the key is ours, never the user's.
        valid_key(key).then(|| self.root.join(&key[..2]).join(key))
    }

    /// Stores `bytes` encrypted; returns the generated key.
    pub async fn put(&self, data_key: &DataKey, bytes: &[u8]) -> Result<String, String> {
        let mut raw = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut raw);
        let key: String = raw.iter().map(|b| format!("{b:02x}")).collect();
        let path = self.path(&key).ok_or("bad key")?;
        let sealed = data_key.seal_bytes(bytes)?;
        if let Some(dir) = path.parent() {
            tokio::fs::create_dir_all(dir).await.map_err(|e| e.to_string())?;
        }
        // Write then rename: a crash never leaves half a file under the final name.
        let tmp = path.with_extension("part");
        tokio::fs::write(&tmp, sealed).await.map_err(|e| e.to_string())?;
        tokio::fs::rename(&tmp, &path).await.map_err(|e| e.to_string())?;
        Ok(key)
    }

    /// The decrypted file, or `None` when missing or not ours.
    pub async fn get(&self, data_key: &DataKey, key: &str) -> Result<Option<Vec<u8>>, String> {
        let Some(path) = self.path(key) else { return Ok(None) };
        match tokio::fs::read(&path).await {
            Ok(raw) => Ok(data_key.open_bytes(&raw)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Deletes a file; missing is fine.
    pub async fn delete(&self, key: &str) -> Result<(), String> {
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
}
