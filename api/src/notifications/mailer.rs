//! Delivers outbox mail over SMTP with lettre, or holds it in the outbox
//! (status `held`) when no mail server is configured, so a demo works offline.

use lettre::{
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor, message::Mailbox,
    message::header::ContentType,
};

use super::outbox;
use crate::entities::outbox_message;

/// Where mail goes.
#[derive(Clone)]
pub enum Mailer {
    /// A real mail server.
    Smtp {
        /// The connection pool.
        transport: Box<AsyncSmtpTransport<Tokio1Executor>>,
        /// The sender.
        from: Mailbox,
    },
    /// Nowhere: messages stay in the outbox for the helpdesk.
    Hold,
}

impl Mailer {
    /// Builds the mailer from configuration.
    pub fn from_config(smtp_url: Option<&str>, from: &str) -> Result<Self, String> {
        let Some(url) = smtp_url.filter(|u| !u.is_empty()) else { return Ok(Self::Hold) };
        let transport = Box::new(
            AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                .map_err(|e| format!("smtp_url: {e}"))?
                .timeout(Some(std::time::Duration::from_secs(20)))
                .build(),
        );
        let from = from.parse().map_err(|e| format!("mail_from: {e}"))?;
        Ok(Self::Smtp { transport, from })
    }

    /// Delivers one message; returns the status to record.
    pub async fn deliver(&self, m: &outbox_message::Model) -> Result<&'static str, String> {
        match self {
            Self::Hold => {
                tracing::info!(id = %m.id, to = %m.recipient, subject = %m.subject, "mail held in the outbox (no smtp_url)");
                Ok(outbox::HELD)
            }
            Self::Smtp { transport, from } => {
                let to: Mailbox = m.recipient.parse().map_err(|e| format!("recipient: {e}"))?;
                let email = Message::builder()
                    .from(from.clone())
                    .to(to)
                    .subject(m.subject.clone())
                    .message_id(Some(format!("<{}@poort>", m.id)))
                    .header(ContentType::TEXT_PLAIN)
                    .body(m.body_text.clone())
                    .map_err(|e| e.to_string())?;
                transport.send(email).await.map(|_| outbox::SENT).map_err(|e| e.to_string())
            }
        }
    }
}
