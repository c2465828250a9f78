//! Request counts and latencies by route and status, in Prometheus' text format.
//! Counters live in this process by design: Prometheus scrapes every instance.

use std::{
    collections::BTreeMap,
    fmt::Write,
    sync::{
        Mutex,
        atomic::{AtomicU64, Ordering},
    },
    time::Duration,
};

/// Upper bounds of the latency histogram, seconds.
const BUCKETS: [f64; 11] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5];

#[derive(Default)]
struct Series {
    count: u64,
    sum: f64,
    buckets: [u64; BUCKETS.len()],
}

/// The registry of request metrics.
#[derive(Default)]
pub struct Metrics {
    series: Mutex<BTreeMap<(String, String, u16), Series>>,
    /// Sign-in password checks against an account's hash.
    account_password_checks: AtomicU64,
    /// Sign-in password checks against the dummy hash (unknown e-mail, locked account).
    dummy_password_checks: AtomicU64,
}

impl Metrics {
    /// Records one served request.
    pub fn observe(&self, method: &str, route: &str, status: u16, elapsed: Duration) {
        let secs = elapsed.as_secs_f64();
        let Ok(mut map) = self.series.lock() else { return };
        let s = map.entry((method.to_string(), route.to_string(), status)).or_default();
        s.count += 1;
        s.sum += secs;
        for (i, bound) in BUCKETS.iter().enumerate() {
            if secs <= *bound {
                s.buckets[i] += 1;
            }
        }
    }

    /// Counts one sign-in password check (argon2); `dummy` for the dummy hash.
    pub fn password_checked(&self, dummy: bool) {
        let counter = if dummy { &self.dummy_password_checks } else { &self.account_password_checks };
        counter.fetch_add(1, Ordering::Relaxed);
    }

    /// Sign-in password checks so far: (against an account's hash, against the dummy hash).
    pub fn password_checks(&self) -> (u64, u64) {
        (
            self.account_password_checks.load(Ordering::Relaxed),
            self.dummy_password_checks.load(Ordering::Relaxed),
        )
    }

    /// The Prometheus text exposition.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let (account, dummy) = self.password_checks();
        out.push_str("# HELP poort_password_checks_total Sign-in password checks (argon2), by hash.\n");
        out.push_str("# TYPE poort_password_checks_total counter\n");
        let _ = writeln!(out, "poort_password_checks_total{{hash=\"account\"}} {account}");
        let _ = writeln!(out, "poort_password_checks_total{{hash=\"dummy\"}} {dummy}");
        let Ok(map) = self.series.lock() else { return out };
        out.push_str("# HELP poort_http_requests_total HTTP requests served.\n");
        out.push_str("# TYPE poort_http_requests_total counter\n");
        for ((method, route, status), s) in map.iter() {
            let _ = writeln!(
                out,
                "poort_http_requests_total{{method=\"{method}\",route=\"{}\",status=\"{status}\"}} {}",
                escape(route),
                s.count
            );
        }
        out.push_str("# HELP poort_http_request_duration_seconds Time to serve a request.\n");
        out.push_str("# TYPE poort_http_request_duration_seconds histogram\n");
        for ((method, route, status), s) in map.iter() {
            let labels = format!("method=\"{method}\",route=\"{}\",status=\"{status}\"", escape(route));
            for (i, bound) in BUCKETS.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "poort_http_request_duration_seconds_bucket{{{labels},le=\"{bound}\"}} {}",
                    s.buckets[i]
                );
            }
            let _ = writeln!(
                out,
                "poort_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}",
                s.count
            );
            let _ = writeln!(out, "poort_http_request_duration_seconds_sum{{{labels}}} {}", s.sum);
            let _ = writeln!(out, "poort_http_request_duration_seconds_count{{{labels}}} {}", s.count);
        }
        out
    }
}

fn escape(label: &str) -> String {
    label.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counts_and_cumulative_buckets() {
        let m = Metrics::default();
        m.observe("GET", "/api/v1/me", 200, Duration::from_millis(3));
        m.observe("GET", "/api/v1/me", 200, Duration::from_millis(30));
        let text = m.render();
        assert!(
            text.contains("poort_http_requests_total{method=\"GET\",route=\"/api/v1/me\",status=\"200\"} 2")
        );
        assert!(text.contains("le=\"0.005\"} 1"));
        assert!(text.contains("le=\"0.05\"} 2"));
        assert!(text.contains("le=\"+Inf\"} 2"));
    }
}
