//! Wrong-password throttling as a pure state machine; the clock is passed in,
//! so every rule is tested at exact instants without sleeping.
//!
//! Counters are kept per *key*: one per account and device cookie (a person's
//! own browser, once it signed in successfully), one per account for every
//! other device, and one per client address. Strangers guessing a password
//! therefore slow down only themselves: the owner's known device has its own
//! counter and keeps working (ASVS 5.0 V6.3, NIST 800-63B 5.2.2).
//!
//! Organisations that must keep seed 004's rule ("3 wrong → blocked for 1
//! hour") choose [`Rule::LockAfter`]: a lock on the account that expires by itself.

use chrono::{DateTime, Duration, Utc};

/// NIST 800-63B: no more than 100 consecutive failures on one account.
pub const HARD_CEILING: u32 = 100;
/// Failures allowed before delays start.
pub const FREE_ATTEMPTS: u32 = 3;
/// The longest delay between two attempts.
pub const MAX_DELAY_SECS: i64 = 15 * 60;
/// Failed sign-ins one client address may make in [`ADDRESS_WINDOW_MINUTES`].
pub const ADDRESS_LIMIT: u32 = 50;
/// The window of the per-address limit.
pub const ADDRESS_WINDOW_MINUTES: i64 = 15;

/// How an organisation treats wrong passwords.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Growing delays per account and device, a ceiling of 100 (default).
    Throttle,
    /// Lock the account after `failures` for `duration` (seed 004: 3 and 1 hour).
    LockAfter {
        /// Consecutive failures that lock.
        failures: u32,
        /// How long the lock lasts.
        duration: Duration,
    },
}

/// One counter's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counter {
    /// Failures since the last success.
    pub failures: u32,
    /// When the last failure happened.
    pub last_failure_at: Option<DateTime<Utc>>,
    /// Set while a lock (seed 004 rule or the hard ceiling) is in force.
    pub locked_until: Option<DateTime<Utc>>,
}

/// Whether an attempt may be checked now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Check the password.
    Proceed,
    /// Too soon after the last failure: try again at `until`.
    Wait {
        /// When the next attempt is allowed.
        until: DateTime<Utc>,
    },
    /// Locked; answered exactly like a wrong password.
    Locked {
        /// When the lock ends by itself (`None`: only a reset ends it).
        until: Option<DateTime<Utc>>,
    },
}

/// The delay after `failures` consecutive failures: none for the first three,
/// then 1, 2, 4, … seconds, at most 15 minutes.
pub fn delay_after(failures: u32) -> Duration {
    if failures < FREE_ATTEMPTS {
        return Duration::zero();
    }
    let exp = (failures - FREE_ATTEMPTS).min(20);
    Duration::seconds((1i64 << exp).min(MAX_DELAY_SECS))
}

/// May an attempt on this counter be checked at `now`?
pub fn verdict(c: &Counter, rule: Rule, now: DateTime<Utc>) -> Verdict {
    if let Some(until) = c.locked_until
        && until > now
    {
        return Verdict::Locked { until: Some(until) };
    }
    if c.failures >= HARD_CEILING {
        return Verdict::Locked { until: None };
    }
    match (rule, c.last_failure_at) {
        (Rule::Throttle, Some(last)) => {
            let until = last + delay_after(c.failures);
            if until > now { Verdict::Wait { until } } else { Verdict::Proceed }
        }
        _ => Verdict::Proceed,
    }
}

/// The counter after a failed attempt, and whether this failure locked it.
pub fn after_failure(c: &Counter, rule: Rule, now: DateTime<Utc>) -> (Counter, bool) {
    // An expired lock starts a fresh round, as the seed's portals do after the hour.
    let expired = c.locked_until.is_some_and(|u| u <= now);
    let failures = if expired { 1 } else { c.failures.saturating_add(1) };
    let mut next = Counter {
        failures,
        last_failure_at: Some(now),
        locked_until: if expired { None } else { c.locked_until },
    };
    let mut locked_now = false;
    if let Rule::LockAfter { failures: limit, duration } = rule
        && failures >= limit
        && next.locked_until.is_none()
    {
        next.locked_until = Some(now + duration);
        locked_now = true;
    }
    if failures == HARD_CEILING {
        locked_now = true;
    }
    (next, locked_now)
}

/// The counter after a successful sign-in (or a completed password reset).
pub fn after_success() -> Counter {
    Counter::default()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 29, 0, 30, 0).unwrap()
    }

    fn fail_n(rule: Rule, n: u32, every: Duration) -> (Counter, DateTime<Utc>) {
        let mut c = Counter::default();
        let mut now = t0();
        for _ in 0..n {
            c = after_failure(&c, rule, now).0;
            now += every;
        }
        (c, now)
    }

    #[test]
    fn delays_start_after_three_failures_and_double_up_to_fifteen_minutes() {
        assert_eq!(delay_after(0), Duration::zero());
        assert_eq!(delay_after(2), Duration::zero());
        assert_eq!(delay_after(3), Duration::seconds(1));
        assert_eq!(delay_after(4), Duration::seconds(2));
        assert_eq!(delay_after(10), Duration::seconds(128));
        assert_eq!(delay_after(13), Duration::seconds(900));
        assert_eq!(delay_after(99), Duration::seconds(900));
    }

    #[test]
    fn throttle_asks_to_wait_then_lets_the_next_attempt_through() {
        let (c, _) = fail_n(Rule::Throttle, 5, Duration::zero());
        let last = c.last_failure_at.unwrap();
        assert_eq!(
            verdict(&c, Rule::Throttle, last + Duration::seconds(3)),
            Verdict::Wait { until: last + Duration::seconds(4) }
        );
        assert_eq!(verdict(&c, Rule::Throttle, last + Duration::seconds(4)), Verdict::Proceed);
    }

    #[test]
    fn throttle_never_locks_before_the_hard_ceiling() {
        let (c, now) = fail_n(Rule::Throttle, 99, Duration::hours(1));
        assert_eq!(verdict(&c, Rule::Throttle, now), Verdict::Proceed);
        let (c, locked) = after_failure(&c, Rule::Throttle, now);
        assert!(locked);
        assert_eq!(verdict(&c, Rule::Throttle, now + Duration::days(30)), Verdict::Locked { until: None });
        assert_eq!(verdict(&after_success(), Rule::Throttle, now), Verdict::Proceed);
    }

    #[test]
    fn seed_rule_locks_after_three_for_exactly_one_hour() {
        let rule = Rule::LockAfter { failures: 3, duration: Duration::hours(1) };
        let c = Counter::default();
        let (c, l1) = after_failure(&c, rule, t0());
        let (c, l2) = after_failure(&c, rule, t0() + Duration::seconds(10));
        assert!(!l1 && !l2);
        assert_eq!(verdict(&c, rule, t0() + Duration::seconds(11)), Verdict::Proceed);
        let third = t0() + Duration::seconds(20);
        let (c, l3) = after_failure(&c, rule, third);
        assert!(l3);
        let until = third + Duration::hours(1);
        assert_eq!(verdict(&c, rule, until - Duration::seconds(1)), Verdict::Locked { until: Some(until) });
        // The lock ends by itself.
        assert_eq!(verdict(&c, rule, until), Verdict::Proceed);
        // A failure after it starts counting from one again.
        let (c, locked) = after_failure(&c, rule, until + Duration::minutes(1));
        assert!(!locked);
        assert_eq!(c.failures, 1);
        assert_eq!(c.locked_until, None);
    }

    #[test]
    fn failures_during_a_lock_do_not_extend_it() {
        let rule = Rule::LockAfter { failures: 3, duration: Duration::hours(1) };
        let (c, now) = fail_n(rule, 3, Duration::seconds(1));
        let until = c.locked_until.unwrap();
        let (c, locked) = after_failure(&c, rule, now + Duration::minutes(30));
        assert!(!locked);
        assert_eq!(c.locked_until, Some(until));
    }

    #[test]
    fn delays_span_a_daylight_saving_change_in_utc() {
        // 2026-03-29 01:00 UTC is when the Netherlands moves to summer time; UTC arithmetic is unaffected.
        let (c, _) = fail_n(Rule::Throttle, 4, Duration::minutes(10));
        let last = c.last_failure_at.unwrap();
        assert_eq!(last, t0() + Duration::minutes(30));
        assert_eq!(verdict(&c, Rule::Throttle, last + Duration::seconds(2)), Verdict::Proceed);
    }
}
