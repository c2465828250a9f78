//! Codes sent by SMS: the activation PIN (seed 002), sign-in codes and the
//! code that proves a mobile number. Six random digits, stored hashed, valid
//! for 10 minutes, bound to what they were sent for (an invitation, one
//! sign-in attempt, a person); only the newest code of a subject works, and
//! it works once.
//!
//! Sending costs money and can annoy the owner of the number, so it is rate
//! limited twice: one code per subject per minute, and a cap per number per
//! hour over every purpose together.

use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, ExprTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set, sea_query::Expr,
};
use shared::i18n::Locale;
use uuid::Uuid;

use super::tokens;
use crate::{
    entities::sms_code,
    error::ApiError,
    notifications::{
        outbox,
        templates::{self, SmsPurpose},
    },
};

/// Minutes a code works.
pub const VALID_MINUTES: i64 = 10;
/// Seconds between two codes for the same subject.
pub const RESEND_SECONDS: i64 = 60;
/// Codes one number receives per hour, whatever they are for.
pub const MAX_PER_NUMBER_PER_HOUR: u64 = 10;
/// Wrong answers after which a code stops working (callers may count lower).
pub const MAX_FAILURES: i32 = 5;

fn purpose_name(p: SmsPurpose) -> &'static str {
    match p {
        SmsPurpose::Activation => "activation",
        SmsPurpose::SignIn => "sign_in",
        SmsPurpose::VerifyMobile => "verify_mobile",
        SmsPurpose::SignContract => "sign_contract",
    }
}

fn code_hash(p: SmsPurpose, subject: &str, code: &str) -> String {
    // Bound to purpose and subject: a code never answers for anything else.
    tokens::token_hash(&format!("{}\n{subject}\n{code}", purpose_name(p)))
}

/// What to send, and to whom.
pub struct Request<'a> {
    /// What the code is for.
    pub purpose: SmsPurpose,
    /// What it is bound to: an invitation id, a challenge's hash, a user id.
    pub subject: &'a str,
    /// The number (E.164).
    pub to: &'a str,
    /// The language of the text.
    pub locale: Locale,
    /// The organisation the SMS is filed under in the outbox.
    pub organisation_id: Option<Uuid>,
}

/// Seconds to wait before another code may go to this subject or number; `None`: send.
async fn wait_needed(
    db: &impl ConnectionTrait,
    r: &Request<'_>,
    now: DateTime<Utc>,
) -> Result<Option<i64>, DbErr> {
    let last = sms_code::Entity::find()
        .filter(sms_code::Column::Purpose.eq(purpose_name(r.purpose)))
        .filter(sms_code::Column::Subject.eq(r.subject))
        .order_by_desc(sms_code::Column::CreatedAt)
        .one(db)
        .await?;
    if let Some(last) = last {
        let next = last.created_at + Duration::seconds(RESEND_SECONDS);
        if next > now {
            return Ok(Some(Ord::max((next - now).num_seconds(), 1)));
        }
    }
    let hour_ago = now - Duration::hours(1);
    let recent = sms_code::Entity::find()
        .filter(sms_code::Column::Recipient.eq(r.to))
        .filter(sms_code::Column::CreatedAt.gt(hour_ago));
    if recent.clone().count(db).await? >= MAX_PER_NUMBER_PER_HOUR {
        let oldest = recent.order_by_asc(sms_code::Column::CreatedAt).one(db).await?;
        let free = oldest.map_or(now + Duration::hours(1), |o| o.created_at + Duration::hours(1));
        return Ok(Some(Ord::max((free - now).num_seconds(), 1)));
    }
    Ok(None)
}

/// Sends a new code (queued in the outbox on `db`, so call it inside the caller's
/// transaction); earlier codes of the subject stop working. `Err` with a 429 when
/// the rate limits say wait.
pub async fn send(db: &impl ConnectionTrait, r: Request<'_>, now: DateTime<Utc>) -> Result<(), ApiError> {
    if let Some(seconds) = wait_needed(db, &r, now).await? {
        return Err(ApiError::rate_limited(seconds));
    }
    let code = format!("{:06}", rand::rngs::OsRng.gen_range(0..1_000_000u32));
    sms_code::Entity::update_many()
        .col_expr(sms_code::Column::ExpiresAt, Expr::value(now))
        .filter(sms_code::Column::Purpose.eq(purpose_name(r.purpose)))
        .filter(sms_code::Column::Subject.eq(r.subject))
        .filter(sms_code::Column::UsedAt.is_null())
        .filter(sms_code::Column::ExpiresAt.gt(now))
        .exec(db)
        .await?;
    sms_code::ActiveModel {
        id: Set(Uuid::now_v7()),
        purpose: Set(purpose_name(r.purpose).into()),
        subject: Set(r.subject.into()),
        recipient: Set(r.to.into()),
        code_hash: Set(code_hash(r.purpose, r.subject, &code)),
        created_at: Set(now),
        expires_at: Set(now + Duration::minutes(VALID_MINUTES)),
        used_at: Set(None),
        failures: Set(0),
    }
    .insert(db)
    .await?;
    let text = templates::sms_code(r.locale, r.purpose, &code, VALID_MINUTES);
    outbox::enqueue(db, outbox::SMS, r.organisation_id, r.to, text, now).await?;
    Ok(())
}

/// Whether the subject has a code that still works.
pub async fn has_valid(
    db: &impl ConnectionTrait,
    purpose: SmsPurpose,
    subject: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    Ok(newest(db, purpose, subject).await?.is_some_and(|c| usable(&c, now)))
}

async fn newest(
    db: &impl ConnectionTrait,
    purpose: SmsPurpose,
    subject: &str,
) -> Result<Option<sms_code::Model>, DbErr> {
    sms_code::Entity::find()
        .filter(sms_code::Column::Purpose.eq(purpose_name(purpose)))
        .filter(sms_code::Column::Subject.eq(subject))
        .order_by_desc(sms_code::Column::CreatedAt)
        .order_by_desc(sms_code::Column::Id)
        .one(db)
        .await
}

fn usable(c: &sms_code::Model, now: DateTime<Utc>) -> bool {
    c.used_at.is_none() && c.expires_at > now && c.failures < MAX_FAILURES
}

/// The outcome of checking a typed code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Right; pass the id to [`consume`] when the rest of the request succeeds.
    Right(Uuid),
    /// Wrong (counted on the code; callers count their own attempts too).
    Wrong {
        /// Wrong answers left for this code.
        left: i32,
    },
    /// No code works for this subject now: none was sent, it expired, was used or
    /// had too many wrong answers. Ask for a new one.
    Expired,
}

/// Checks `typed` against the subject's newest code, without using it up.
pub async fn check(
    db: &impl ConnectionTrait,
    purpose: SmsPurpose,
    subject: &str,
    typed: &str,
    now: DateTime<Utc>,
) -> Result<Check, DbErr> {
    let Some(c) = newest(db, purpose, subject).await?.filter(|c| usable(c, now)) else {
        return Ok(Check::Expired);
    };
    let typed: String = typed.chars().filter(char::is_ascii_digit).collect();
    if typed.len() == 6 && code_hash(purpose, subject, &typed) == c.code_hash {
        return Ok(Check::Right(c.id));
    }
    // Counted atomically: wrong answers at the same moment all count.
    sms_code::Entity::update_many()
        .col_expr(sms_code::Column::Failures, Expr::col(sms_code::Column::Failures).add(1))
        .filter(sms_code::Column::Id.eq(c.id))
        .exec(db)
        .await?;
    Ok(Check::Wrong { left: Ord::max(MAX_FAILURES - c.failures - 1, 0) })
}

/// Uses up a code that was right; false when another request used it first.
pub async fn consume(db: &impl ConnectionTrait, id: Uuid, now: DateTime<Utc>) -> Result<bool, DbErr> {
    let res = sms_code::Entity::update_many()
        .col_expr(sms_code::Column::UsedAt, Expr::value(now))
        .filter(sms_code::Column::Id.eq(id))
        .filter(sms_code::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_bound_to_their_purpose_and_subject() {
        let a = code_hash(SmsPurpose::SignIn, "challenge-1", "123456");
        assert_ne!(a, code_hash(SmsPurpose::SignIn, "challenge-2", "123456"));
        assert_ne!(a, code_hash(SmsPurpose::Activation, "challenge-1", "123456"));
        assert_eq!(a, code_hash(SmsPurpose::SignIn, "challenge-1", "123456"));
    }
}
