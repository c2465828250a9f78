//! Configuration: defaults, then a TOML file, then `POORT_*` environment
//! variables; every variable can instead be read from a file named by
//! `POORT_<NAME>_FILE` (for container secrets). Secrets never appear in `Debug`.

use std::{collections::BTreeMap, fmt, path::PathBuf, sync::Arc};

use chrono::{DateTime, Utc};

use figment::{
    Figment,
    providers::{Env, Format, Serialized, Toml},
};
use serde::{Deserialize, Serialize};

use crate::clock::{SharedClock, StartedClock, SystemClock};

/// A value that must not be printed or logged.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself; call only where it is used, never to print it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"[redacted]\"")
    }
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    #[default]
    Pretty,
    /// One JSON object per line, for log collectors.
    Json,
}

/// Where uploaded files are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum FilesBackend {
    /// Under `files_dir` on local disk.
    #[default]
    Local,
    /// In an S3-compatible bucket (`s3_*` settings).
    S3,
}

/// Everything `poort` can be configured with.
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// `sqlite://path?mode=rwc` (default, under `./data/`) or `postgres://user:pass@host/db`.
    pub database_url: String,
    /// Address to listen on.
    pub listen: String,
    /// The public URL users reach Poort at; links in mail are built from it, never from `Host`.
    pub base_url: Option<String>,
    /// Folder with the built browser app.
    pub web_dir: PathBuf,
    /// `pretty` or `json`.
    pub log_format: LogFormat,
    /// `tracing` filter, e.g. `info` or `poort=debug,info`.
    pub log_filter: String,
    /// Mark cookies `Secure`. Browsers accept Secure cookies on http://127.0.0.1 and localhost.
    pub cookie_secure: bool,
    /// Lifetime of an access token (JWT), seconds.
    pub access_token_ttl_secs: i64,
    /// Absolute lifetime of a session, hours.
    pub session_ttl_hours: i64,
    /// Lifetime of a "stay signed in" session, days (a fixed maximum).
    pub stay_signed_in_days: i64,
    /// Ed25519 private key (PKCS#8 PEM) for signing tokens. When absent, Poort keeps a
    /// generated key in the database so every instance shares it.
    pub jwt_private_key: Option<Secret>,
    /// Key that encrypts secrets at rest (base64 of 32 bytes). When absent, Poort keeps a
    /// generated key in the database; set it (via `POORT_DATA_KEY_FILE`) to keep the key
    /// apart from the data.
    pub data_key: Option<Secret>,
    /// Largest JSON request body, bytes.
    pub max_json_bytes: usize,
    /// Connections in the PostgreSQL pool (4–8 suits most installations).
    pub db_pool_size: u32,
    /// HTTP worker threads; 0 means one per core.
    pub workers: usize,
    /// Outgoing mail server, e.g. `smtp://user:pass@mail.example:587?tls=required`
    /// (`smtps://` for implicit TLS). Unset: mail stays in the outbox the helpdesk reads.
    pub smtp_url: Option<String>,
    /// The sender of every mail.
    pub mail_from: String,
    /// The SMS provider's HTTP endpoint; Poort POSTs `{"to", "from", "text", "reference"}` as
    /// JSON to it. Unset: SMS stay in the outbox the helpdesk reads.
    pub sms_provider_url: Option<String>,
    /// Sent as `Authorization: Bearer <token>` to the SMS provider.
    pub sms_provider_token: Option<Secret>,
    /// The sender name or number SMS show (at most 11 letters or 16 digits with most providers).
    pub sms_sender: String,
    /// Where uploaded files are kept (outside the web root), encrypted with the data key.
    pub files_dir: PathBuf,
    /// `local` (files under `files_dir`) or `s3` (an S3-compatible bucket). Each document
    /// records where it is, so switching keeps older files readable.
    pub files_backend: FilesBackend,
    /// The S3-compatible endpoint, e.g. `https://s3.eu-central-1.amazonaws.com` or
    /// `http://minio.internal:9000`.
    pub s3_endpoint: Option<String>,
    /// The bucket's region (`us-east-1` for most non-AWS stores).
    pub s3_region: String,
    /// The bucket.
    pub s3_bucket: Option<String>,
    /// Address the bucket as `endpoint/bucket` (true, what MinIO and most stores want) or
    /// as `bucket.endpoint` (false).
    pub s3_path_style: bool,
    /// Access key id.
    pub s3_access_key: Option<Secret>,
    /// Secret access key (use `POORT_S3_SECRET_KEY_FILE`).
    pub s3_secret_key: Option<Secret>,
    /// Days after an absence case ends before the retention job anonymises it (default 2 years).
    pub absence_retention_days: i64,
    /// Seconds between runs of the hours job (deadline locks, reminders); tests shorten it.
    pub hours_job_interval_secs: u64,
    /// This installation holds no real data (a demo, a test run): only then are the test
    /// settings below accepted.
    pub non_production: bool,
    /// Start the clock at this instant (RFC 3339) and let it run from there, so a browser
    /// test or a demo reaches Monday 09:00 without waiting for it. Needs `non_production`.
    pub clock_start: Option<DateTime<Utc>>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            database_url: "sqlite://data/poort.db?mode=rwc".into(),
            listen: "127.0.0.1:8080".into(),
            base_url: None,
            web_dir: PathBuf::from("frontend/dist"),
            log_format: LogFormat::Pretty,
            log_filter: "info,sqlx=warn,sea_orm=warn".into(),
            cookie_secure: true,
            access_token_ttl_secs: 15 * 60,
            session_ttl_hours: 12,
            stay_signed_in_days: 30,
            jwt_private_key: None,
            data_key: None,
            max_json_bytes: 64 * 1024,
            db_pool_size: 8,
            workers: 0,
            smtp_url: None,
            mail_from: "Poort <noreply@poort.example>".into(),
            sms_provider_url: None,
            sms_provider_token: None,
            sms_sender: "Poort".into(),
            files_dir: PathBuf::from("data/files"),
            files_backend: FilesBackend::Local,
            s3_endpoint: None,
            s3_region: "us-east-1".into(),
            s3_bucket: None,
            s3_path_style: true,
            s3_access_key: None,
            s3_secret_key: None,
            absence_retention_days: 730,
            hours_job_interval_secs: 60,
            non_production: false,
            clock_start: None,
        }
    }
}

impl Config {
    /// Loads defaults, then `file` (if it exists), then the environment.
    pub fn load(file: Option<&std::path::Path>) -> Result<Self, Box<figment::Error>> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        let file = file.map(PathBuf::from).unwrap_or_else(|| PathBuf::from("poort.toml"));
        if file.exists() {
            figment = figment.merge(Toml::file(&file));
        }
        // Only the settings Poort knows: other POORT_* variables (a test harness's POORT_BIN,
        // say) belong to other tools and must not stop the server.
        let known = Self::keys();
        let known: Vec<&str> = known.iter().map(String::as_str).collect();
        Self::from_figment(figment.merge(Env::prefixed("POORT_").only(&known)), std::env::vars())
    }

    /// The names of every setting, as in the TOML file (and, upper-cased, after `POORT_`).
    pub fn keys() -> Vec<String> {
        match serde_json::to_value(Config::default()) {
            Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
            _ => Vec::new(),
        }
    }

    /// Applies `POORT_<NAME>_FILE` variables on top of `figment`; split out so tests
    /// can pass their own environment.
    pub fn from_figment(
        figment: Figment,
        env: impl Iterator<Item = (String, String)>,
    ) -> Result<Self, Box<figment::Error>> {
        let mut from_files = BTreeMap::new();
        for (key, path) in env {
            let Some(name) = key.strip_prefix("POORT_").and_then(|k| k.strip_suffix("_FILE")) else {
                continue;
            };
            if !Self::keys().iter().any(|k| k.eq_ignore_ascii_case(name)) {
                continue;
            }
            let value = std::fs::read_to_string(&path)
                .map_err(|e| Box::new(figment::Error::from(format!("cannot read {key} ({path}): {e}"))))?;
            from_files.insert(name.to_ascii_lowercase(), value.trim_end_matches(['\n', '\r']).to_string());
        }
        figment.merge(Serialized::defaults(from_files)).extract().map_err(Box::new)
    }

    /// The public base URL without a trailing slash.
    pub fn public_url(&self) -> String {
        match &self.base_url {
            Some(url) => url.trim_end_matches('/').to_string(),
            None => format!("http://{}", self.listen),
        }
    }

    /// The clock for `serve` and `seed`: the real one, or — only on a non-production
    /// installation — one that starts at `clock_start`. Deadlines, sessions and tokens all
    /// follow it, so a wrong clock on real data would lock weeks at the wrong moment.
    pub fn clock(&self) -> Result<SharedClock, String> {
        match self.clock_start {
            None => Ok(Arc::new(SystemClock)),
            Some(_) if !self.non_production => Err("clock_start is for tests and demos only: \
                 it is refused unless non_production is set (POORT_NON_PRODUCTION=true)"
                .into()),
            Some(start) => {
                tracing::warn!(
                    %start,
                    "NOT THE REAL TIME: the clock starts at clock_start and runs from there \
                     (non_production); deadlines, reminders and sessions follow it"
                );
                Ok(Arc::new(StartedClock::new(start)))
            }
        }
    }

    /// Whether the database is PostgreSQL.
    pub fn is_postgres(&self) -> bool {
        self.database_url.starts_with("postgres://") || self.database_url.starts_with("postgresql://")
    }
}

/// Replaces the password in `scheme://user:password@host/…` with `[redacted]`.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, tail) = match rest.find(['/', '?']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split_once(':').map_or(userinfo, |(u, _)| u);
            let redacted =
                if userinfo.contains(':') { format!("{user}:[redacted]") } else { user.to_string() };
            format!("{scheme}://{redacted}@{host}{tail}")
        }
        None => url.to_string(),
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("database_url", &redact_url(&self.database_url))
            .field("listen", &self.listen)
            .field("base_url", &self.base_url)
            .field("web_dir", &self.web_dir)
            .field("log_format", &self.log_format)
            .field("log_filter", &self.log_filter)
            .field("cookie_secure", &self.cookie_secure)
            .field("access_token_ttl_secs", &self.access_token_ttl_secs)
            .field("session_ttl_hours", &self.session_ttl_hours)
            .field("stay_signed_in_days", &self.stay_signed_in_days)
            .field("jwt_private_key", &self.jwt_private_key)
            .field("data_key", &self.data_key)
            .field("max_json_bytes", &self.max_json_bytes)
            .field("db_pool_size", &self.db_pool_size)
            .field("workers", &self.workers)
            .field("smtp_url", &self.smtp_url.as_deref().map(redact_url))
            .field("mail_from", &self.mail_from)
            .field("sms_provider_url", &self.sms_provider_url.as_deref().map(redact_url))
            .field("sms_provider_token", &self.sms_provider_token)
            .field("sms_sender", &self.sms_sender)
            .field("files_dir", &self.files_dir)
            .field("files_backend", &self.files_backend)
            .field("s3_endpoint", &self.s3_endpoint.as_deref().map(redact_url))
            .field("s3_region", &self.s3_region)
            .field("s3_bucket", &self.s3_bucket)
            .field("s3_path_style", &self.s3_path_style)
            .field("s3_access_key", &self.s3_access_key)
            .field("s3_secret_key", &self.s3_secret_key)
            .field("absence_retention_days", &self.absence_retention_days)
            .field("hours_job_interval_secs", &self.hours_job_interval_secs)
            .field("non_production", &self.non_production)
            .field("clock_start", &self.clock_start)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_redacts_the_database_password_and_keys() {
        let cfg = Config {
            database_url: "postgres://poort:s3cr3t-pw@db.internal:5432/poort".into(),
            jwt_private_key: Some(Secret::new("-----BEGIN PRIVATE KEY-----abc")),
            smtp_url: Some("smtp://mailer:smtp-pw-42@mail.example:587".into()),
            sms_provider_url: Some("https://sms:sms-pw-7@sms.example/v1/messages".into()),
            sms_provider_token: Some(Secret::new("sms-token-99")),
            ..Config::default()
        };
        let printed = format!("{cfg:?}");
        assert!(!printed.contains("s3cr3t-pw"), "{printed}");
        assert!(!printed.contains("BEGIN PRIVATE KEY"), "{printed}");
        assert!(!printed.contains("smtp-pw-42"), "{printed}");
        assert!(!printed.contains("sms-pw-7"), "{printed}");
        assert!(!printed.contains("sms-token-99"), "{printed}");
        assert!(printed.contains("https://sms:[redacted]@sms.example/v1/messages"), "{printed}");
        assert!(printed.contains("postgres://poort:[redacted]@db.internal:5432/poort"), "{printed}");
    }

    #[test]
    fn redact_url_handles_urls_without_password() {
        assert_eq!(redact_url("sqlite://data/poort.db?mode=rwc"), "sqlite://data/poort.db?mode=rwc");
        assert_eq!(redact_url("postgres://poort@127.0.0.1/x"), "postgres://poort@127.0.0.1/x");
        assert_eq!(
            redact_url("postgres://u:p%40ss@h/x?sslmode=require"),
            "postgres://u:[redacted]@h/x?sslmode=require"
        );
    }

    #[test]
    fn file_variables_override_and_are_trimmed() {
        let dir = std::env::temp_dir().join(format!("poort-cfg-{}", uuid::Uuid::now_v7()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("db-url");
        std::fs::write(&path, "postgres://a:b@c/d\n").unwrap();
        let env = vec![("POORT_DATABASE_URL_FILE".to_string(), path.display().to_string())];
        let cfg =
            Config::from_figment(Figment::from(Serialized::defaults(Config::default())), env.into_iter())
                .unwrap();
        assert_eq!(cfg.database_url, "postgres://a:b@c/d");
        assert!(cfg.is_postgres());
    }

    #[test]
    fn the_sms_token_can_come_from_a_file() {
        let dir = std::env::temp_dir().join(format!("poort-cfg-{}", uuid::Uuid::now_v7()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("sms-token");
        std::fs::write(&path, "token-from-file\n").unwrap();
        let env = vec![("POORT_SMS_PROVIDER_TOKEN_FILE".to_string(), path.display().to_string())];
        let cfg =
            Config::from_figment(Figment::from(Serialized::defaults(Config::default())), env.into_iter())
                .unwrap();
        assert_eq!(cfg.sms_provider_token.as_ref().map(Secret::expose), Some("token-from-file"));
    }

    #[test]
    fn other_tools_poort_variables_are_ignored() {
        let env = vec![("POORT_BIN_FILE".to_string(), "/nonexistent".to_string())];
        let cfg =
            Config::from_figment(Figment::from(Serialized::defaults(Config::default())), env.into_iter());
        assert!(cfg.is_ok());
        assert!(Config::keys().contains(&"database_url".to_string()));
    }

    #[test]
    fn a_start_for_the_clock_is_refused_unless_the_installation_is_not_production() {
        let start: DateTime<Utc> = "2026-11-23T07:59:00Z".parse().unwrap();
        let cfg = Config { clock_start: Some(start), ..Config::default() };
        let refused = cfg.clock().err().unwrap_or_default();
        assert!(refused.contains("non_production"), "{refused}");

        let cfg = Config { clock_start: Some(start), non_production: true, ..Config::default() };
        let now = cfg.clock().unwrap().now();
        assert!(now >= start && now < start + chrono::Duration::seconds(5), "{now}");
        let real = Config::default().clock().unwrap().now();
        assert!((real - Utc::now()).num_seconds().abs() < 5, "{real}");
    }

    #[test]
    fn the_clock_start_is_read_as_rfc_3339() {
        let figment = Figment::from(Serialized::defaults(Config::default()))
            .merge(Toml::string("clock_start = \"2026-11-23T07:59:00Z\"\nnon_production = true"));
        let cfg = Config::from_figment(figment, std::iter::empty()).unwrap();
        assert_eq!(cfg.clock_start.map(|s| s.to_rfc3339()).as_deref(), Some("2026-11-23T07:59:00+00:00"));
        assert!(cfg.non_production);
    }

    #[test]
    fn the_s3_secret_can_come_from_a_file_and_is_redacted() {
        let dir = std::env::temp_dir().join(format!("poort-cfg-{}", uuid::Uuid::now_v7()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("s3-secret");
        std::fs::write(&path, "s3-secret-from-file\n").unwrap();
        let env = vec![("POORT_S3_SECRET_KEY_FILE".to_string(), path.display().to_string())];
        let figment = Figment::from(Serialized::defaults(Config::default()))
            .merge(Toml::string("files_backend = \"s3\"\ns3_bucket = \"poort\""));
        let cfg = Config::from_figment(figment, env.into_iter()).unwrap();
        assert_eq!(cfg.files_backend, FilesBackend::S3);
        assert_eq!(cfg.s3_secret_key.as_ref().map(Secret::expose), Some("s3-secret-from-file"));
        assert!(!format!("{cfg:?}").contains("s3-secret-from-file"));
    }

    #[test]
    fn unreadable_secret_file_is_an_error() {
        let env = vec![("POORT_JWT_PRIVATE_KEY_FILE".to_string(), "/nonexistent/poort/key".to_string())];
        let r = Config::from_figment(Figment::from(Serialized::defaults(Config::default())), env.into_iter());
        assert!(r.is_err());
    }
}
