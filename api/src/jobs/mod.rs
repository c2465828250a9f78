//! Background work: the outbox worker (mail and SMS). Runs in every `poort serve` process;
//! claims make sure two instances never deliver the same message.

use std::time::Duration as StdDuration;

use actix_web::web;
use chrono::Duration;

use crate::{auth::reset, notifications::outbox, state::AppState};

/// How long a claim lasts before another worker may retry the message.
const LEASE_SECS: i64 = 120;

/// Delivers due outbox messages once; returns how many were handled.
pub async fn deliver_due(state: &AppState, worker: &str) -> Result<usize, sea_orm::DbErr> {
    let now = state.clock.now();
    let claimed = outbox::claim(&state.db, worker, now, Duration::seconds(LEASE_SECS), 20).await?;
    for queued in &claimed {
        // A reset request becomes its mail here (or goes away): see `auth::reset`.
        let resolved;
        let m = if queued.channel == outbox::RESET_REQUEST {
            match reset::resolve(state, queued).await {
                Ok(Some(mail)) => {
                    resolved = mail;
                    &resolved
                }
                Ok(None) => continue,
                Err(e) => {
                    tracing::warn!(id = %queued.id, error = %e, "reset request failed; will retry");
                    outbox::finish(&state.db.write, queued, Err(e.to_string()), state.clock.now()).await?;
                    continue;
                }
            }
        } else {
            queued
        };
        let outcome = match m.channel.as_str() {
            outbox::SMS => state.sms.deliver(m).await,
            _ => state.mailer.deliver(m).await,
        };
        if let Err(e) = &outcome {
            tracing::warn!(id = %m.id, attempts = m.attempts, error = %e, "delivery failed; will retry");
        }
        outbox::finish(&state.db.write, m, outcome, state.clock.now()).await?;
    }
    Ok(claimed.len())
}

/// Starts the workers on the current runtime.
pub fn spawn(state: web::Data<AppState>) {
    let worker = format!("{}-{}", hostname(), std::process::id());
    actix_web::rt::spawn(async move {
        loop {
            match deliver_due(&state, &worker).await {
                Ok(n) if n > 0 => continue,
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "outbox worker"),
            }
            actix_web::rt::time::sleep(StdDuration::from_secs(1)).await;
        }
    });
}

fn hostname() -> String {
    std::env::var("HOSTNAME").unwrap_or_else(|_| "poort".into())
}
