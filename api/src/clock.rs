//! Time is injected, never read ad hoc: deadlines, token expiry and lockouts are
//! tested at exact instants.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};

/// A source of the current instant.
pub trait Clock: Send + Sync + 'static {
    /// Now, in UTC.
    fn now(&self) -> DateTime<Utc>;
}

/// The real clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that only moves when told to; for tests and for replaying a scenario.
#[derive(Debug, Clone)]
pub struct ManualClock(Arc<Mutex<DateTime<Utc>>>);

impl ManualClock {
    /// A clock standing at `at`.
    pub fn new(at: DateTime<Utc>) -> Self {
        Self(Arc::new(Mutex::new(at)))
    }

    /// Moves the clock forward (or back, with a negative duration).
    pub fn advance(&self, by: Duration) {
        if let Ok(mut t) = self.0.lock() {
            *t += by;
        }
    }

    /// Puts the clock at `at`.
    pub fn set(&self, at: DateTime<Utc>) {
        if let Ok(mut t) = self.0.lock() {
            *t = at;
        }
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        // A poisoned lock only happens after a panic in a test; the stored time is still valid.
        match self.0.lock() {
            Ok(t) => *t,
            Err(poisoned) => *poisoned.into_inner(),
        }
    }
}

/// A clock that starts at a chosen instant and then runs at the real pace: for
/// browser tests and demos that must reach a deadline (Monday 09:00) without waiting
/// for the calendar. Only with `non_production` (see `Config::clock`).
#[derive(Debug, Clone, Copy)]
pub struct StartedClock {
    start: DateTime<Utc>,
    // Monotonic, so a change of the machine's clock does not move this one.
    origin: std::time::Instant,
}

impl StartedClock {
    /// A clock that reads `start` now and ticks from there.
    pub fn new(start: DateTime<Utc>) -> Self {
        Self { start, origin: std::time::Instant::now() }
    }
}

impl Clock for StartedClock {
    fn now(&self) -> DateTime<Utc> {
        let elapsed = Duration::from_std(self.origin.elapsed()).unwrap_or(Duration::zero());
        self.start + elapsed
    }
}

/// The clock the server shares between handlers and jobs.
pub type SharedClock = Arc<dyn Clock>;

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn a_started_clock_begins_at_its_start_and_runs_forward() {
        let start = Utc.with_ymd_and_hms(2026, 11, 23, 7, 59, 0).unwrap();
        let clock = StartedClock::new(start);
        let first = clock.now();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let second = clock.now();
        assert!(first >= start && first < start + Duration::seconds(1), "{first}");
        assert!(second >= first + Duration::milliseconds(20), "{first} then {second}");
    }
}
