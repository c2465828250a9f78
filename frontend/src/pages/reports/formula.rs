//! Each figure with the sum it is, in words and in this period's numbers: "Verzuimpercentage
//! = gewogen verzuimdagen ÷ gewogen beschikbare dagen × 100 = 123,4 ÷ 5.678,9 × 100 =
//! 2,17 %". The numbers are the numerators and denominators the API sends with each figure,
//! so a reader can redo the sum.

use shared::absence::statistics::{AbsenceRate, AverageDuration, ReportFrequency, ZeroAbsence};

use super::format::{decimal, or_dash, percent};
use crate::i18n::reports::ReportTexts;

/// Decimals of a percentage on the cards and in the formulas.
pub const PERCENT_DECIMALS: usize = 2;
/// Decimals of the report frequency.
pub const FREQUENCY_DECIMALS: usize = 2;
/// Decimals of the average duration.
pub const DURATION_DECIMALS: usize = 1;
/// Decimals of the zero-absence percentage.
pub const ZERO_DECIMALS: usize = 1;

/// A figure as the card shows it: "2,17 %", or the dash.
pub fn shown_rate(t: &ReportTexts, rate: &AbsenceRate) -> String {
    or_dash(rate.percent, |p| percent(p, PERCENT_DECIMALS, t.locale))
}

/// "0,85".
pub fn shown_frequency(t: &ReportTexts, f: &ReportFrequency) -> String {
    or_dash(f.per_year, |v| decimal(v, FREQUENCY_DECIMALS, t.locale))
}

/// "12,5 dagen".
pub fn shown_duration(t: &ReportTexts, d: &AverageDuration) -> String {
    or_dash(d.days, |v| t.days(&decimal(v, DURATION_DECIMALS, t.locale)))
}

/// "66,7 %".
pub fn shown_zero(t: &ReportTexts, z: &ZeroAbsence) -> String {
    or_dash(z.percent, |p| percent(p, ZERO_DECIMALS, t.locale))
}

/// `name = words = numbers = result`; without a value the sum ends at the numbers, with
/// the dash, as the denominator is zero.
fn sum(name: &str, words: &str, numbers: String, result: String) -> String {
    format!("{name} = {words} = {numbers} = {result}")
}

/// The absence rate (with or without pregnancy, by `name` and `words`).
pub fn rate_formula(t: &ReportTexts, name: &str, words: &str, rate: &AbsenceRate) -> String {
    let numbers = format!(
        "{} ÷ {} × 100",
        decimal(rate.weighted_sick_days, 1, t.locale),
        decimal(rate.weighted_employed_days, 1, t.locale)
    );
    sum(name, words, numbers, shown_rate(t, rate))
}

/// The report frequency.
pub fn frequency_formula(t: &ReportTexts, f: &ReportFrequency) -> String {
    let numbers = format!(
        "{} ÷ {} ÷ {}",
        f.reports,
        decimal(f.average_headcount, 2, t.locale),
        decimal(f.years, 3, t.locale)
    );
    sum(t.frequency, t.formula_frequency, numbers, shown_frequency(t, f))
}

/// The average duration.
pub fn duration_formula(t: &ReportTexts, d: &AverageDuration) -> String {
    let numbers = format!("{} ÷ {}", decimal(d.total_days as f64, 0, t.locale), d.cases);
    sum(t.duration, t.formula_duration, numbers, shown_duration(t, d))
}

/// The zero-absence percentage.
pub fn zero_formula(t: &ReportTexts, z: &ZeroAbsence) -> String {
    let numbers = format!("{} ÷ {} × 100", z.without_report, z.employees);
    sum(t.zero, t.formula_zero, numbers, shown_zero(t, z))
}

#[cfg(test)]
mod tests {
    use shared::absence::statistics::{duration_from_sums, rate_from_sums, zero_absence_from_counts};

    use super::*;
    use crate::i18n::reports::{EN, NL};
    use crate::pages::reports::format::NO_VALUE;

    #[test]
    fn the_rate_formula_shows_the_sums_in_dutch_numbers() {
        let rate = rate_from_sums(123.4, 5678.9);
        assert_eq!(
            rate_formula(&NL, NL.rate, NL.formula_rate, &rate),
            "Verzuimpercentage = gewogen verzuimdagen (ook zwangerschaps- en bevallingsverlof) ÷ gewogen beschikbare dagen × 100 = 123,4 ÷ 5.678,9 × 100 = 2,17 %"
        );
        assert_eq!(
            rate_formula(&EN, EN.rate, EN.formula_rate, &rate),
            "Absence rate = weighted absence days (pregnancy and maternity leave included) ÷ weighted available days × 100 = 123.4 ÷ 5,678.9 × 100 = 2.17 %"
        );
    }

    #[test]
    fn a_figure_without_value_ends_in_a_dash() {
        let rate = rate_from_sums(0.0, 0.0);
        assert!(rate_formula(&NL, NL.rate, NL.formula_rate, &rate).ends_with("0,0 ÷ 0,0 × 100 = —"));
        assert_eq!(shown_rate(&NL, &rate), NO_VALUE);
        assert_eq!(shown_duration(&NL, &duration_from_sums(0, 0)), "—");
    }

    #[test]
    fn the_other_formulas() {
        let frequency = ReportFrequency {
            reports: 12,
            average_headcount: 45.25,
            years: 1.0,
            per_year: Some(12.0 / 45.25),
        };
        assert_eq!(
            frequency_formula(&NL, &frequency),
            "Meldingsfrequentie = ziekmeldingen ÷ gemiddeld aantal medewerkers ÷ jaren in de periode = 12 ÷ 45,25 ÷ 1,000 = 0,27"
        );
        assert_eq!(
            duration_formula(&NL, &duration_from_sums(1340, 12)),
            "Gemiddelde verzuimduur = verzuimdagen van de beëindigde gevallen ÷ aantal beëindigde gevallen = 1.340 ÷ 12 = 111,7 dagen"
        );
        assert_eq!(
            zero_formula(&NL, &zero_absence_from_counts(30, 45)),
            "Nulverzuim = medewerkers zonder ziekmelding ÷ medewerkers × 100 = 30 ÷ 45 × 100 = 66,7 %"
        );
    }
}
