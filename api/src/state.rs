//! What every handler and job shares. Built once, outside `HttpServer::new`
//! (whose closure runs per worker).

use std::sync::Arc;

use crate::{
    auth::tokens::TokenKeys,
    clock::SharedClock,
    config::Config,
    crypto::DataKey,
    db::Db,
    files::storage::Storage,
    http::metrics::Metrics,
    notifications::{mailer::Mailer, sms::SmsSender},
};

/// Shared server state.
pub struct AppState {
    /// Database connections.
    pub db: Db,
    /// Effective configuration.
    pub config: Arc<Config>,
    /// Token signing keys.
    pub keys: Arc<TokenKeys>,
    /// The injected clock.
    pub clock: SharedClock,
    /// Request metrics of this process.
    pub metrics: Arc<Metrics>,
    /// Where mail goes.
    pub mailer: Mailer,
    /// Where SMS go.
    pub sms: SmsSender,
    /// Seals secrets at rest.
    pub data_key: Arc<DataKey>,
    /// Where personal documents' files go (local disk or an S3-compatible bucket).
    pub files: Storage,
}

impl AppState {
    /// Loads the signing key and assembles the state.
    pub async fn new(config: Config, db: Db, clock: SharedClock) -> Result<Self, String> {
        let keys = TokenKeys::load(&config, &db, clock.now()).await?;
        let mailer = Mailer::from_config(config.smtp_url.as_deref(), &config.mail_from)?;
        let sms = SmsSender::from_config(
            config.sms_provider_url.as_deref(),
            config.sms_provider_token.as_ref(),
            &config.sms_sender,
        )?;
        let data_key = DataKey::load(&config, &db, clock.now()).await?;
        let files = Storage::from_config(&config)?;
        Ok(Self {
            db,
            config: Arc::new(config),
            keys: Arc::new(keys),
            clock,
            metrics: Arc::new(Metrics::default()),
            mailer,
            sms,
            data_key: Arc::new(data_key),
            files,
        })
    }
}
