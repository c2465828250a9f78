//! The period and scope the statistics are asked for, kept in the page's URL query so a
//! reload or a shared link shows the same. The URL query is exactly the API's query
//! (`organisation_id` for a case manager serving several employers,
//! `period=month&year=2026&number=3`, `from`/`to`, `department`, `cost_centre`, `team_id`,
//! `classes` for other duration classes than the standard ones),
//! so the same string serves the figures, the lists, the downloads and the
//! management report.

use chrono::{Datelike, NaiveDate};
use shared::absence::statistics::{
    DEFAULT_DURATION_CLASSES, Period, classes_from_upper_bounds, upper_bounds_text,
};
use uuid::Uuid;

use crate::api::encode_query_value;

/// The period asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodChoice {
    /// A calendar month, 1–12.
    Month { year: i32, month: u32 },
    /// A calendar quarter, 1–4.
    Quarter { year: i32, quarter: u32 },
    /// A calendar year.
    Year(i32),
    /// From and to, both included.
    Custom { from: NaiveDate, to: NaiveDate },
}

/// What the period picker's first field offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    Month,
    Quarter,
    Year,
    Custom,
}

impl PeriodKind {
    /// In the picker's order.
    pub const ALL: [PeriodKind; 4] =
        [PeriodKind::Month, PeriodKind::Quarter, PeriodKind::Year, PeriodKind::Custom];

    /// The value in the picker (and the API's `period` for the calendar kinds).
    pub fn slug(self) -> &'static str {
        match self {
            PeriodKind::Month => "month",
            PeriodKind::Quarter => "quarter",
            PeriodKind::Year => "year",
            PeriodKind::Custom => "custom",
        }
    }

    /// The kind with this slug.
    pub fn from_slug(slug: &str) -> Option<PeriodKind> {
        PeriodKind::ALL.into_iter().find(|k| k.slug() == slug)
    }
}

impl PeriodChoice {
    /// Its kind.
    pub fn kind(self) -> PeriodKind {
        match self {
            PeriodChoice::Month { .. } => PeriodKind::Month,
            PeriodChoice::Quarter { .. } => PeriodKind::Quarter,
            PeriodChoice::Year(_) => PeriodKind::Year,
            PeriodChoice::Custom { .. } => PeriodKind::Custom,
        }
    }

    /// The days it covers, as the server computes them.
    pub fn period(self) -> Option<Period> {
        match self {
            PeriodChoice::Month { year, month } => Period::month(year, month),
            PeriodChoice::Quarter { year, quarter } => Period::quarter(year, quarter),
            PeriodChoice::Year(year) => Period::year(year),
            PeriodChoice::Custom { from, to } => Period::new(from, to),
        }
    }

    /// The year the calendar kinds are in (a custom period: the year it starts in).
    pub fn year(self) -> i32 {
        match self {
            PeriodChoice::Month { year, .. }
            | PeriodChoice::Quarter { year, .. }
            | PeriodChoice::Year(year) => year,
            PeriodChoice::Custom { from, .. } => from.year(),
        }
    }

    /// The same period read as another kind: the month or quarter its first day lies in,
    /// its year, or its days as a custom period. Switching kinds keeps the place in time.
    pub fn as_kind(self, kind: PeriodKind) -> PeriodChoice {
        let start =
            self.period().map_or_else(|| NaiveDate::from_ymd_opt(self.year(), 1, 1), |p| Some(p.start));
        let Some(start) = start else { return self };
        let year = start.year();
        match kind {
            PeriodKind::Month => PeriodChoice::Month { year, month: start.month() },
            PeriodKind::Quarter => PeriodChoice::Quarter { year, quarter: start.month0() / 3 + 1 },
            PeriodKind::Year => PeriodChoice::Year(year),
            PeriodKind::Custom => match self.period() {
                Some(p) => PeriodChoice::Custom { from: p.start, to: p.end },
                None => self,
            },
        }
    }

    /// The same kind in another year (a custom period stays as it is).
    pub fn in_year(self, year: i32) -> PeriodChoice {
        match self {
            PeriodChoice::Month { month, .. } => PeriodChoice::Month { year, month },
            PeriodChoice::Quarter { quarter, .. } => PeriodChoice::Quarter { year, quarter },
            PeriodChoice::Year(_) => PeriodChoice::Year(year),
            custom => custom,
        }
    }
}

/// Whose absence is counted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ScopeChoice {
    /// Everyone in the organisation.
    #[default]
    Organisation,
    /// Employees whose record has this department.
    Department(String),
    /// Employees working under this cost centre.
    CostCentre(String),
    /// Members of this team.
    Team(Uuid),
}

/// The organisation, period and scope of the statistics screens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatisticsChoice {
    /// The organisation asked for; none: the one the person acts in.
    pub organisation: Option<Uuid>,
    pub period: PeriodChoice,
    pub scope: ScopeChoice,
    /// Other duration classes than the standard ones, by their upper bounds as the API
    /// takes them (`7,28,91`); none: the standard classes.
    pub classes: Option<String>,
}

impl StatisticsChoice {
    /// Reads the choice from a URL query (`get` looks up one key); what is missing or
    /// unreadable falls back to this calendar year and the whole organisation, as the
    /// API does.
    pub fn from_query(get: impl Fn(&str) -> Option<String>, today: NaiveDate) -> Self {
        let date = |key| get(key).and_then(|v| v.parse::<NaiveDate>().ok());
        let number = get("number").and_then(|v| v.parse::<u32>().ok());
        let year = get("year").and_then(|v| v.parse::<i32>().ok()).unwrap_or(today.year());
        let calendar = match (get("period").as_deref(), number) {
            (Some("month"), Some(month)) if (1..=12).contains(&month) => PeriodChoice::Month { year, month },
            (Some("quarter"), Some(quarter)) if (1..=4).contains(&quarter) => {
                PeriodChoice::Quarter { year, quarter }
            }
            _ => PeriodChoice::Year(year),
        };
        let period = match (date("from"), date("to")) {
            (Some(from), Some(to)) if from <= to => PeriodChoice::Custom { from, to },
            _ => calendar,
        };
        let text = |key| get(key).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        let scope = if let Some(d) = text("department") {
            ScopeChoice::Department(d)
        } else if let Some(c) = text("cost_centre") {
            ScopeChoice::CostCentre(c)
        } else if let Some(team) = get("team_id").and_then(|v| v.parse().ok()) {
            ScopeChoice::Team(team)
        } else {
            ScopeChoice::Organisation
        };
        let organisation = get("organisation_id").and_then(|v| v.parse().ok());
        let classes = get("classes").and_then(|v| standard_or_other_classes(&v).ok().flatten());
        Self { organisation, period, scope, classes }
    }

    /// Another organisation: its departments, cost centres and teams are others, so the
    /// scope goes back to the whole organisation; the period stays.
    pub fn in_organisation(&self, organisation: Uuid) -> Self {
        Self {
            organisation: Some(organisation),
            period: self.period,
            scope: ScopeChoice::Organisation,
            classes: self.classes.clone(),
        }
    }

    /// The API's query parameters for this choice.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let mut params: Vec<(&'static str, String)> =
            self.organisation.iter().map(|o| ("organisation_id", o.to_string())).collect();
        params.extend(match self.period {
            PeriodChoice::Month { year, month } => {
                vec![("period", "month".into()), ("year", year.to_string()), ("number", month.to_string())]
            }
            PeriodChoice::Quarter { year, quarter } => {
                vec![
                    ("period", "quarter".into()),
                    ("year", year.to_string()),
                    ("number", quarter.to_string()),
                ]
            }
            PeriodChoice::Year(year) => vec![("period", "year".into()), ("year", year.to_string())],
            PeriodChoice::Custom { from, to } => vec![("from", from.to_string()), ("to", to.to_string())],
        });
        match &self.scope {
            ScopeChoice::Organisation => {}
            ScopeChoice::Department(d) => params.push(("department", d.clone())),
            ScopeChoice::CostCentre(c) => params.push(("cost_centre", c.clone())),
            ScopeChoice::Team(t) => params.push(("team_id", t.to_string())),
        }
        if let Some(classes) = &self.classes {
            params.push(("classes", classes.clone()));
        }
        params
    }

    /// The query string (without `?`): `period=year&year=2026&department=Uitvoering`.
    pub fn query(&self) -> String {
        self.params()
            .into_iter()
            .map(|(k, v)| format!("{k}={}", encode_query_value(&v)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// Typed duration classes as the choice keeps them: `None` for the standard classes,
/// else their upper bounds written the API's way ("7, 28" → "7,28"); or why not.
pub fn standard_or_other_classes(
    typed: &str,
) -> Result<Option<String>, shared::absence::statistics::ClassesError> {
    let classes = classes_from_upper_bounds(typed)?;
    Ok((classes != DEFAULT_DURATION_CLASSES).then(|| upper_bounds_text(&classes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn parse(query: &[(&str, &str)]) -> StatisticsChoice {
        let get = |key: &str| query.iter().find(|(k, _)| *k == key).map(|(_, v)| v.to_string());
        StatisticsChoice::from_query(get, day(2026, 11, 23))
    }

    #[test]
    fn without_a_query_it_is_this_year_for_the_whole_organisation() {
        let choice = parse(&[]);
        assert_eq!(choice.period, PeriodChoice::Year(2026));
        assert_eq!(choice.scope, ScopeChoice::Organisation);
        assert_eq!(choice.query(), "period=year&year=2026");
    }

    #[test]
    fn the_query_round_trips() {
        let team = Uuid::nil();
        let choices = [
            StatisticsChoice {
                organisation: None,
                period: PeriodChoice::Month { year: 2025, month: 3 },
                scope: ScopeChoice::Department("Uitvoering & Bouw".into()),
                classes: None,
            },
            StatisticsChoice {
                organisation: Some(Uuid::from_u128(7)),
                period: PeriodChoice::Quarter { year: 2026, quarter: 4 },
                scope: ScopeChoice::CostCentre("KP 300".into()),
                classes: Some("7,28,91".into()),
            },
            StatisticsChoice {
                organisation: None,
                period: PeriodChoice::Custom { from: day(2025, 7, 1), to: day(2026, 6, 30) },
                scope: ScopeChoice::Team(team),
                classes: None,
            },
        ];
        for choice in choices {
            let query = choice.query();
            let pairs: Vec<(String, String)> = query
                .split('&')
                .map(|pair| {
                    let (k, v) = pair.split_once('=').unwrap();
                    (k.to_string(), v.replace("%20", " ").replace("%26", "&").replace("%2C", ","))
                })
                .collect();
            let get = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
            assert_eq!(StatisticsChoice::from_query(get, day(2026, 11, 23)), choice, "{query}");
        }
        assert_eq!(
            StatisticsChoice {
                organisation: None,
                period: PeriodChoice::Month { year: 2025, month: 3 },
                scope: ScopeChoice::Department("Uitvoering & Bouw".into()),
                classes: None,
            }
            .query(),
            "period=month&year=2025&number=3&department=Uitvoering%20%26%20Bouw"
        );
    }

    #[test]
    fn another_organisation_comes_first_and_resets_the_scope() {
        let org = Uuid::from_u128(42);
        let choice =
            parse(&[("period", "year"), ("year", "2025"), ("department", "Opvang")]).in_organisation(org);
        assert_eq!(choice.scope, ScopeChoice::Organisation);
        assert_eq!(choice.period, PeriodChoice::Year(2025));
        assert_eq!(choice.query(), format!("organisation_id={org}&period=year&year=2025"));
        assert_eq!(parse(&[("organisation_id", "nonsense")]).organisation, None);
    }

    #[test]
    fn unreadable_parts_fall_back_like_the_api() {
        assert_eq!(parse(&[("period", "month"), ("number", "13")]).period, PeriodChoice::Year(2026));
        assert_eq!(parse(&[("period", "quarter"), ("year", "2024")]).period, PeriodChoice::Year(2024));
        assert_eq!(parse(&[("from", "2026-03-01"), ("to", "2026-02-01")]).period, PeriodChoice::Year(2026));
        assert_eq!(parse(&[("department", "  ")]).scope, ScopeChoice::Organisation);
    }

    #[test]
    fn other_duration_classes_are_kept_and_the_standard_ones_left_out() {
        assert_eq!(parse(&[("classes", "7, 28,91")]).classes.as_deref(), Some("7,28,91"));
        assert_eq!(parse(&[("classes", "7, 28,91")]).query(), "period=year&year=2026&classes=7%2C28%2C91");
        assert_eq!(parse(&[("classes", "14,91,365,730")]).classes, None);
        assert_eq!(parse(&[("classes", "91,14")]).classes, None, "unreadable: the standard, as a fallback");
        let org = Uuid::from_u128(1);
        assert_eq!(parse(&[("classes", "7")]).in_organisation(org).classes.as_deref(), Some("7"));
        assert_eq!(standard_or_other_classes(" 14 ,91, 365,730 "), Ok(None));
        assert!(standard_or_other_classes("14,x").is_err());
    }

    #[test]
    fn switching_kinds_keeps_the_place_in_time() {
        let may = PeriodChoice::Month { year: 2025, month: 5 };
        assert_eq!(may.as_kind(PeriodKind::Quarter), PeriodChoice::Quarter { year: 2025, quarter: 2 });
        assert_eq!(may.as_kind(PeriodKind::Year), PeriodChoice::Year(2025));
        assert_eq!(
            may.as_kind(PeriodKind::Custom),
            PeriodChoice::Custom { from: day(2025, 5, 1), to: day(2025, 5, 31) }
        );
        assert_eq!(
            PeriodChoice::Year(2024).as_kind(PeriodKind::Month),
            PeriodChoice::Month { year: 2024, month: 1 }
        );
        assert_eq!(may.in_year(2026), PeriodChoice::Month { year: 2026, month: 5 });
    }
}
