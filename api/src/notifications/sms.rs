//! Delivers outbox SMS through an HTTP provider, or holds them in the outbox
//! (status `held`) when none is configured, so a demo works offline.
//!
//! Poort speaks one small JSON shape rather than one provider's API: a POST of
//! `{"to": "+316…", "from": "Poort", "text": "…", "reference": "<id>"}` with
//! `Authorization: Bearer <token>` and an `Idempotency-Key`. Any 2xx counts as
//! accepted; anything else is retried by the outbox like mail. Providers with
//! another shape sit behind a small adapter (most offer webhooks of this kind).

use std::{sync::Arc, time::Duration};

use serde::Serialize;

use super::outbox;
use crate::{config::Secret, entities::outbox_message};

/// Where SMS go.
#[derive(Clone)]
pub enum SmsSender {
    /// A provider's HTTP endpoint.
    Http {
        /// Connection pool (rustls with the webpki roots).
        client: reqwest::Client,
        /// The endpoint.
        url: String,
        /// Bearer token, if the provider wants one.
        token: Option<Secret>,
        /// The sender name or number.
        from: String,
    },
    /// Nowhere: messages stay in the outbox for the helpdesk.
    Hold,
}

#[derive(Serialize)]
struct Outgoing<'a> {
    to: &'a str,
    from: &'a str,
    text: &'a str,
    reference: String,
}

fn tls_config() -> Result<rustls::ClientConfig, String> {
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    Ok(rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("sms tls: {e}"))?
        .with_root_certificates(roots)
        .with_no_client_auth())
}

impl SmsSender {
    /// Builds the sender from configuration.
    pub fn from_config(url: Option<&str>, token: Option<&Secret>, from: &str) -> Result<Self, String> {
        let Some(url) = url.filter(|u| !u.trim().is_empty()) else { return Ok(Self::Hold) };
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err("sms_provider_url: must start with https:// (or http:// on a private network)".into());
        }
        let client = reqwest::Client::builder()
            .tls_backend_preconfigured(tls_config()?)
            .timeout(Duration::from_secs(20))
            .connect_timeout(Duration::from_secs(10))
            .user_agent(concat!("Poort/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| format!("sms_provider_url: {e}"))?;
        Ok(Self::Http { client, url: url.to_string(), token: token.cloned(), from: from.to_string() })
    }

    /// Delivers one message; returns the status to record.
    pub async fn deliver(&self, m: &outbox_message::Model) -> Result<&'static str, String> {
        match self {
            Self::Hold => {
                // The text holds a code: it stays in the outbox, never in the log.
                tracing::info!(id = %m.id, to = %m.recipient, label = %m.subject, "sms held in the outbox (no sms_provider_url)");
                Ok(outbox::HELD)
            }
            Self::Http { client, url, token, from } => {
                let body =
                    Outgoing { to: &m.recipient, from, text: &m.body_text, reference: m.id.to_string() };
                let mut request = client.post(url).header("idempotency-key", m.id.to_string()).json(&body);
                if let Some(token) = token {
                    request = request.bearer_auth(token.expose());
                }
                // Errors name the provider's status, never the text (it holds a code).
                let response =
                    request.send().await.map_err(|e| format!("sms provider: {}", e.without_url()))?;
                let status = response.status();
                if status.is_success() {
                    Ok(outbox::SENT)
                } else {
                    Err(format!("sms provider answered {status}"))
                }
            }
        }
    }
}
