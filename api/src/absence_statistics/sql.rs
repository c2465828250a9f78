//! The little SQL that differs between SQLite and PostgreSQL, for hand-written
//! aggregate queries: numbered placeholders, dates as day numbers (days since 1970-01-01,
//! so interval arithmetic is plain integer arithmetic on both), two-argument-or-more
//! MIN/MAX, and floating-point casts.
//!
//! Hand-written rather than sea-query because the aggregation needs window functions,
//! `VALUES` lists as tables and per-backend date arithmetic, which sea-query would only
//! take as raw expressions anyway.

use chrono::NaiveDate;
use sea_orm::{DbBackend, Statement, Value};

/// The day number of 1970-01-01 on the Julian day scale SQLite's `julianday` uses.
const UNIX_EPOCH_JULIAN_DAY: &str = "2440587.5";

/// A statement being written: its backend and the values bound so far.
pub struct Sql {
    backend: DbBackend,
    values: Vec<Value>,
}

impl Sql {
    /// A new statement for `backend`.
    pub fn new(backend: DbBackend) -> Self {
        Self { backend, values: Vec::new() }
    }

    /// Binds `value` and returns its placeholder. Placeholders are numbered, so the
    /// text may use them in any order and more than once.
    pub fn bind(&mut self, value: impl Into<Value>) -> String {
        self.values.push(value.into());
        match self.backend {
            DbBackend::Postgres => format!("${}", self.values.len()),
            _ => format!("?{}", self.values.len()),
        }
    }

    /// Binds a date as a day number.
    pub fn bind_day(&mut self, day: NaiveDate) -> String {
        self.bind(day_number(day))
    }

    /// The day number of the date column or expression `expr` (NULL stays NULL).
    pub fn day(&self, expr: &str) -> String {
        match self.backend {
            DbBackend::Postgres => format!("({expr} - DATE '1970-01-01')"),
            // julianday of a date is a whole day plus one half: the difference is exact.
            _ => format!("CAST(julianday({expr}) - {UNIX_EPOCH_JULIAN_DAY} AS INTEGER)"),
        }
    }

    /// The smallest of `args` (none may be NULL).
    pub fn least(&self, args: &[&str]) -> String {
        let f = if self.backend == DbBackend::Postgres { "LEAST" } else { "MIN" };
        format!("{f}({})", args.join(", "))
    }

    /// The largest of `args` (none may be NULL).
    pub fn greatest(&self, args: &[&str]) -> String {
        let f = if self.backend == DbBackend::Postgres { "GREATEST" } else { "MAX" };
        format!("{f}({})", args.join(", "))
    }

    /// `expr` as a double-precision float.
    pub fn float(&self, expr: &str) -> String {
        let t = if self.backend == DbBackend::Postgres { "DOUBLE PRECISION" } else { "REAL" };
        format!("CAST({expr} AS {t})")
    }

    /// `expr` as a 64-bit integer (PostgreSQL widens `SUM(bigint)` to numeric otherwise).
    pub fn big(&self, expr: &str) -> String {
        format!("CAST({expr} AS BIGINT)")
    }

    /// The statement with the values bound so far.
    pub fn statement(self, text: String) -> Statement {
        Statement::from_sql_and_values(self.backend, text, self.values)
    }
}

/// Days since 1970-01-01, the scale [`Sql::day`] gives.
pub fn day_number(day: NaiveDate) -> i64 {
    (day - NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_per_backend() {
        let mut pg = Sql::new(DbBackend::Postgres);
        assert_eq!(pg.bind(1), "$1");
        assert_eq!(pg.bind(2), "$2");
        let mut lite = Sql::new(DbBackend::Sqlite);
        assert_eq!(lite.bind(1), "?1");
        assert_eq!(day_number(NaiveDate::from_ymd_opt(1970, 1, 2).unwrap()), 1);
        assert_eq!(lite.least(&["a", "b"]), "MIN(a, b)");
        assert_eq!(pg.greatest(&["a", "b"]), "GREATEST(a, b)");
    }
}
