//! Applies the throttle rules to sign-in attempts, with counters in the
//! database so every instance sees the same numbers and concurrent attempts
//! are counted exactly (the row is locked while it is updated).

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, Set,
    TransactionTrait, sea_query::OnConflict,
};
use uuid::Uuid;

use super::{
    throttle::{self, Counter, Rule, Verdict},
    tokens,
};
use crate::entities::{known_device, membership, organisation, throttle_counter};

/// The counters one attempt touches.
#[derive(Debug, Clone)]
pub struct Keys {
    /// The account's counter (or the known device's, when the attempt comes from one).
    pub account: String,
    /// The client address's counter; `None` for known devices, which are never held back.
    pub address: Option<String>,
}

impl Keys {
    /// Keys for an attempt on `email` (canonical) from `ip`, with `known_device` when the
    /// browser's device cookie belongs to this account.
    pub fn new(email: &str, ip: Option<&str>, known_device: Option<&str>) -> Self {
        match known_device {
            Some(device) => Self {
                account: format!("dev:{}", tokens::token_hash(&format!("{email}\n{device}"))),
                address: None,
            },
            None => Self {
                account: format!("acct:{}", tokens::token_hash(email)),
                address: ip.map(|ip| format!("ip:{ip}")),
            },
        }
    }
}

/// The wrong-password rule of the organisation a person signs in to.
pub async fn rule_for(db: &impl ConnectionTrait, user_id: Option<Uuid>) -> Result<Rule, DbErr> {
    let Some(user_id) = user_id else { return Ok(Rule::Throttle) };
    let orgs = organisation::Entity::find()
        .inner_join(membership::Entity)
        .filter(membership::Column::UserId.eq(user_id))
        .all(db)
        .await?;
    // The strictest rule of any of the person's organisations applies to the one account.
    let lock = orgs
        .iter()
        .filter_map(|o| Some((o.lockout_failures?, o.lockout_minutes?)))
        .filter(|(f, m)| *f > 0 && *m > 0)
        .min_by_key(|(f, _)| *f);
    Ok(match lock {
        Some((failures, minutes)) => {
            Rule::LockAfter { failures: failures as u32, duration: Duration::minutes(minutes.into()) }
        }
        None => Rule::Throttle,
    })
}

fn to_counter(m: Option<throttle_counter::Model>) -> Counter {
    m.map(|m| Counter {
        failures: m.failures.max(0) as u32,
        last_failure_at: m.last_failure_at,
        locked_until: m.locked_until,
    })
    .unwrap_or_default()
}

/// Whether the client address has failed too often recently.
fn address_verdict(c: &Counter, now: DateTime<Utc>) -> Verdict {
    match c.last_failure_at {
        Some(last)
            if now - last < Duration::minutes(throttle::ADDRESS_WINDOW_MINUTES)
                && c.failures >= throttle::ADDRESS_LIMIT =>
        {
            Verdict::Wait { until: last + Duration::minutes(throttle::ADDRESS_WINDOW_MINUTES) }
        }
        _ => Verdict::Proceed,
    }
}

/// Decides whether this attempt may be checked and, if so, counts it as a
/// failure *before* the password is verified, in one transaction under a row
/// lock. Concurrent guesses therefore cannot all slip past the limit while
/// each other's hashes are still being computed; a correct password then
/// clears the count again ([`clear`]). Returns the verdict and whether this
/// attempt, should it fail, is the one that locked the account.
pub async fn admit(
    db: &sea_orm::DatabaseConnection,
    keys: &Keys,
    rule: Rule,
    now: DateTime<Utc>,
) -> Result<(Verdict, bool), DbErr> {
    let txn = db.begin().await?;
    if let Some(address) = &keys.address {
        let c = locked_row(&txn, address).await?;
        if let v @ Verdict::Wait { .. } = address_verdict(&c, now) {
            txn.commit().await?;
            return Ok((v, false));
        }
    }
    let c = locked_row(&txn, &keys.account).await?;
    let verdict = throttle::verdict(&c, rule, now);
    let mut locks = false;
    if verdict == Verdict::Proceed {
        let (next, locked_now) = throttle::after_failure(&c, rule, now);
        locks = locked_now;
        write(&txn, &keys.account, next).await?;
        if let Some(address) = &keys.address {
            let a = locked_row(&txn, address).await?;
            // The address window slides: a quiet quarter of an hour starts the count again.
            let fresh = a
                .last_failure_at
                .is_none_or(|l| now - l >= Duration::minutes(throttle::ADDRESS_WINDOW_MINUTES));
            let failures = if fresh { 1 } else { a.failures.saturating_add(1) };
            write(&txn, address, Counter { failures, last_failure_at: Some(now), locked_until: None })
                .await?;
        }
    }
    txn.commit().await?;
    Ok((verdict, locks))
}

/// Takes back the charge of an attempt whose password was right: the account's
/// (or device's) counter starts again, and the address is not blamed for it.
pub async fn clear(db: &sea_orm::DatabaseConnection, keys: &Keys) -> Result<(), DbErr> {
    let txn = db.begin().await?;
    throttle_counter::Entity::delete_by_id(keys.account.clone()).exec(&txn).await?;
    if let Some(address) = &keys.address {
        let a = locked_row(&txn, address).await?;
        let failures = a.failures.saturating_sub(1);
        write(&txn, address, Counter { failures, ..a }).await?;
    }
    txn.commit().await
}

/// Reads a counter under a row lock (creating it first, so it can be locked;
/// concurrent inserts collapse into one). FOR UPDATE on PostgreSQL; SQLite
/// has a single writer connection, which serialises this already.
async fn locked_row(txn: &sea_orm::DatabaseTransaction, key: &str) -> Result<Counter, DbErr> {
    throttle_counter::Entity::insert(throttle_counter::ActiveModel {
        key: Set(key.to_string()),
        failures: Set(0),
        last_failure_at: Set(None),
        locked_until: Set(None),
    })
    .on_conflict_do_nothing_on([throttle_counter::Column::Key])
    .exec(txn)
    .await?;
    Ok(to_counter(throttle_counter::Entity::find_by_id(key.to_string()).lock_exclusive().one(txn).await?))
}

async fn write(txn: &sea_orm::DatabaseTransaction, key: &str, c: Counter) -> Result<(), DbErr> {
    throttle_counter::ActiveModel {
        key: Set(key.to_string()),
        failures: Set(c.failures.min(i32::MAX as u32) as i32),
        last_failure_at: Set(c.last_failure_at),
        locked_until: Set(c.locked_until),
    }
    .update(txn)
    .await
    .map(|_| ())
}

/// Clears the account's counters after a successful sign-in or password reset.
pub async fn record_success(db: &impl ConnectionTrait, email: &str) -> Result<(), DbErr> {
    let account = Keys::new(email, None, None).account;
    throttle_counter::Entity::delete_many()
        .filter(throttle_counter::Column::Key.eq(account))
        .exec(db)
        .await
        .map(|_| ())
}

/// Whether the device cookie belongs to a device this person signed in from before.
pub async fn is_known_device(db: &impl ConnectionTrait, user_id: Uuid, device: &str) -> Result<bool, DbErr> {
    Ok(known_device::Entity::find_by_id((tokens::token_hash(device), user_id)).one(db).await?.is_some())
}

/// Remembers the device a person just signed in from.
pub async fn remember_device(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    device: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    known_device::Entity::insert(known_device::ActiveModel {
        token_hash: Set(tokens::token_hash(device)),
        user_id: Set(user_id),
        created_at: Set(now),
        last_seen_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([known_device::Column::TokenHash, known_device::Column::UserId])
            .update_column(known_device::Column::LastSeenAt)
            .to_owned(),
    )
    .exec(db)
    .await
    .map(|_| ())
}
