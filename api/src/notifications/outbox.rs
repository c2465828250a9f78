//! The outbox table: enqueue in the caller's transaction, claim for delivery
//! so that two instances never send the same message, record the outcome.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, ExprTrait,
    FromQueryResult, QueryFilter, QueryOrder, QuerySelect, Set, Statement, TransactionTrait, sea_query::Expr,
};
use uuid::Uuid;

use super::templates::Rendered;
use crate::{db::Db, entities::outbox_message};

/// Waiting for delivery.
pub const PENDING: &str = "pending";
/// Delivered to the mail server or SMS provider.
pub const SENT: &str = "sent";
/// No mail server is configured: kept here for the helpdesk to read.
pub const HELD: &str = "held";
/// Gave up after [`MAX_ATTEMPTS`].
pub const FAILED: &str = "failed";
/// Attempts before a message is marked failed.
pub const MAX_ATTEMPTS: i32 = 8;

/// The channel of mail.
pub const EMAIL: &str = "email";
/// The channel of SMS.
pub const SMS: &str = "sms";

/// Queues a mail to `to`.
pub async fn enqueue_mail(
    db: &impl ConnectionTrait,
    organisation_id: Option<Uuid>,
    to: &str,
    message: Rendered,
    now: DateTime<Utc>,
) -> Result<Uuid, DbErr> {
    enqueue(db, EMAIL, organisation_id, to, message, now).await
}

/// A password reset request the worker still has to look up (`auth::reset::resolve`);
/// never delivered as such and not shown to the helpdesk.
// At most 10 characters: the `channel` column's width.
pub const RESET_REQUEST: &str = "reset";

/// Queues a message on `channel` ([`EMAIL`], [`SMS`] or [`RESET_REQUEST`]). For SMS the
/// subject is only a label for the helpdesk's outbox screen; the body is the text sent.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    channel: &str,
    organisation_id: Option<Uuid>,
    to: &str,
    message: Rendered,
    now: DateTime<Utc>,
) -> Result<Uuid, DbErr> {
    let id = Uuid::now_v7();
    outbox_message::ActiveModel {
        id: Set(id),
        organisation_id: Set(organisation_id),
        channel: Set(channel.into()),
        recipient: Set(to.to_string()),
        subject: Set(message.subject),
        body_text: Set(message.body),
        status: Set(PENDING.into()),
        attempts: Set(0),
        next_attempt_at_ms: Set(now.timestamp_millis()),
        claimed_by: Set(None),
        claimed_until_ms: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        sent_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok(id)
}

/// Records a mail as held in the outbox without ever sending it (demo data).
pub async fn hold_mail(
    db: &impl ConnectionTrait,
    organisation_id: Option<Uuid>,
    to: &str,
    message: Rendered,
    now: DateTime<Utc>,
) -> Result<Uuid, DbErr> {
    let id = enqueue_mail(db, organisation_id, to, message, now).await?;
    outbox_message::Entity::update_many()
        .col_expr(outbox_message::Column::Status, Expr::value(HELD))
        .col_expr(outbox_message::Column::SentAt, Expr::value(now))
        .filter(outbox_message::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(id)
}

/// Claims up to `limit` due messages for `worker` for `lease`. On PostgreSQL the
/// claim skips rows another instance holds (`FOR UPDATE SKIP LOCKED`); SQLite has
/// one writer connection, so its transaction already excludes other claims.
pub async fn claim(
    db: &Db,
    worker: &str,
    now: DateTime<Utc>,
    lease: Duration,
    limit: u64,
) -> Result<Vec<outbox_message::Model>, DbErr> {
    let now_ms = now.timestamp_millis();
    let until_ms = (now + lease).timestamp_millis();
    match db.backend() {
        DbBackend::Postgres => {
            let stmt = Statement::from_sql_and_values(
                DbBackend::Postgres,
                "UPDATE outbox_messages SET claimed_by = $1, claimed_until_ms = $2, attempts = attempts + 1 \
                 WHERE id IN (SELECT id FROM outbox_messages WHERE status = 'pending' AND next_attempt_at_ms <= $3 \
                 AND (claimed_until_ms IS NULL OR claimed_until_ms < $3) ORDER BY next_attempt_at_ms LIMIT $4 \
                 FOR UPDATE SKIP LOCKED) RETURNING *",
                [worker.into(), until_ms.into(), now_ms.into(), (limit as i64).into()],
            );
            let rows = db.write.query_all_raw(stmt).await?;
            rows.iter().map(|r| outbox_message::Model::from_query_result(r, "")).collect()
        }
        _ => {
            let txn = db.write.begin().await?;
            let due = outbox_message::Entity::find()
                .filter(outbox_message::Column::Status.eq(PENDING))
                .filter(outbox_message::Column::NextAttemptAtMs.lte(now_ms))
                .filter(
                    outbox_message::Column::ClaimedUntilMs
                        .is_null()
                        .or(outbox_message::Column::ClaimedUntilMs.lt(now_ms)),
                )
                .order_by_asc(outbox_message::Column::NextAttemptAtMs)
                .limit(limit)
                .all(&txn)
                .await?;
            let ids: Vec<Uuid> = due.iter().map(|m| m.id).collect();
            if !ids.is_empty() {
                outbox_message::Entity::update_many()
                    .col_expr(outbox_message::Column::ClaimedBy, Expr::value(worker))
                    .col_expr(outbox_message::Column::ClaimedUntilMs, Expr::value(until_ms))
                    .col_expr(
                        outbox_message::Column::Attempts,
                        Expr::col(outbox_message::Column::Attempts).add(1),
                    )
                    .filter(outbox_message::Column::Id.is_in(ids.clone()))
                    .exec(&txn)
                    .await?;
            }
            let claimed = outbox_message::Entity::find()
                .filter(outbox_message::Column::Id.is_in(ids))
                .order_by_asc(outbox_message::Column::NextAttemptAtMs)
                .all(&txn)
                .await?;
            txn.commit().await?;
            Ok(claimed)
        }
    }
}

/// Records the outcome of one delivery attempt.
pub async fn finish(
    db: &impl ConnectionTrait,
    message: &outbox_message::Model,
    outcome: Result<&'static str, String>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let mut m: outbox_message::ActiveModel = message.clone().into();
    m.claimed_by = Set(None);
    m.claimed_until_ms = Set(None);
    match outcome {
        Ok(status) => {
            m.status = Set(status.into());
            m.sent_at = Set(Some(now));
            m.last_error = Set(None);
        }
        Err(error) => {
            m.last_error = Set(Some(error.chars().take(500).collect()));
            if message.attempts >= MAX_ATTEMPTS {
                m.status = Set(FAILED.into());
            } else {
                m.next_attempt_at_ms = Set((now + retry_delay(message.attempts)).timestamp_millis());
            }
        }
    }
    m.update(db).await.map(|_| ())
}

/// 1, 2, 4, … minutes between attempts, at most two hours.
pub fn retry_delay(attempts: i32) -> Duration {
    Duration::minutes(Ord::min(1i64 << attempts.clamp(0, 7), 120))
}

/// The newest messages, for the helpdesk's outbox screen.
pub async fn recent(
    db: &impl ConnectionTrait,
    before: Option<Uuid>,
    limit: u64,
) -> Result<Vec<outbox_message::Model>, DbErr> {
    let mut q = outbox_message::Entity::find()
        .filter(outbox_message::Column::Channel.is_in([EMAIL, SMS]))
        .order_by_desc(outbox_message::Column::Id)
        .limit(limit + 1);
    if let Some(before) = before {
        q = q.filter(outbox_message::Column::Id.lt(before));
    }
    q.all(db).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_and_cap_at_two_hours() {
        assert_eq!(retry_delay(1), Duration::minutes(2));
        assert_eq!(retry_delay(3), Duration::minutes(8));
        assert_eq!(retry_delay(7), Duration::minutes(120));
        assert_eq!(retry_delay(100), Duration::minutes(120));
    }
}
