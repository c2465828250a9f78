//! Instants as Dutch people read them: in Europe/Amsterdam time, whatever the
//! browser's own zone, so an audit entry reads the same for everyone.

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Amsterdam;
use shared::i18n::Locale;

/// Date and time, e.g. "22-11-2026 19:45" or "22 Nov 2026, 19:45".
pub fn date_time(at: DateTime<Utc>, locale: Locale) -> String {
    let local = at.with_timezone(&Amsterdam);
    match locale {
        Locale::Nl => local.format("%-d-%-m-%Y %H:%M").to_string(),
        Locale::En => local.format("%-d %b %Y, %H:%M").to_string(),
    }
}

/// The machine-readable form for `<time datetime>`.
pub fn iso(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn follows_dutch_summer_and_winter_time() {
        let winter = Utc.with_ymd_and_hms(2026, 1, 15, 12, 0, 0).single();
        let summer = Utc.with_ymd_and_hms(2026, 7, 15, 12, 0, 0).single();
        assert_eq!(winter.map(|t| date_time(t, Locale::Nl)).as_deref(), Some("15-1-2026 13:00"));
        assert_eq!(summer.map(|t| date_time(t, Locale::Nl)).as_deref(), Some("15-7-2026 14:00"));
        assert_eq!(summer.map(|t| date_time(t, Locale::En)).as_deref(), Some("15 Jul 2026, 14:00"));
    }
}

/// Today in the Netherlands (the calendar periods and deadlines count in).
pub fn today_nl() -> chrono::NaiveDate {
    Utc::now().with_timezone(&chrono_tz::Europe::Amsterdam).date_naive()
}
