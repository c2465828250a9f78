//! The key figures as cards: absence rate with and without pregnancy, report frequency,
//! average duration and zero-absence. Each card carries the raw number as the API sent it
//! (`data-value`, empty without value) and its formula, shown on hover and on a tap of
//! "Hoe berekend?".

use leptos::prelude::*;
use shared::absence::statistics::{AbsenceRate, AverageDuration, ReportFrequency, Statistics, ZeroAbsence};

use super::formula::{
    duration_formula, frequency_formula, rate_formula, shown_duration, shown_frequency, shown_rate,
    shown_zero, zero_formula,
};
use super::use_texts;
use crate::i18n::reports::ReportTexts;

/// One figure of the statistics, with the sums it comes from.
#[derive(Debug, Clone, Copy)]
enum Figure {
    Rate(AbsenceRate),
    RateWithoutPregnancy(AbsenceRate),
    Frequency(ReportFrequency),
    Duration(AverageDuration),
    Zero(ZeroAbsence),
}

impl Figure {
    /// The figures of `s`, in the cards' order.
    fn all(s: &Statistics) -> [Figure; 5] {
        [
            Figure::Rate(s.absence_rate),
            Figure::RateWithoutPregnancy(s.absence_rate_without_pregnancy),
            Figure::Frequency(s.report_frequency),
            Figure::Duration(s.average_duration),
            Figure::Zero(s.zero_absence),
        ]
    }

    fn testid(self) -> &'static str {
        match self {
            Figure::Rate(_) => "statistics-rate",
            Figure::RateWithoutPregnancy(_) => "statistics-rate-without-pregnancy",
            Figure::Frequency(_) => "statistics-frequency",
            Figure::Duration(_) => "statistics-duration",
            Figure::Zero(_) => "statistics-zero",
        }
    }

    /// The number as the API sent it.
    fn value(self) -> Option<f64> {
        match self {
            Figure::Rate(r) | Figure::RateWithoutPregnancy(r) => r.percent,
            Figure::Frequency(f) => f.per_year,
            Figure::Duration(d) => d.days,
            Figure::Zero(z) => z.percent,
        }
    }

    fn label(self, t: &ReportTexts) -> &'static str {
        match self {
            Figure::Rate(_) => t.rate,
            Figure::RateWithoutPregnancy(_) => t.rate_without_pregnancy,
            Figure::Frequency(_) => t.frequency,
            Figure::Duration(_) => t.duration,
            Figure::Zero(_) => t.zero,
        }
    }

    fn shown(self, t: &ReportTexts) -> String {
        match self {
            Figure::Rate(r) | Figure::RateWithoutPregnancy(r) => shown_rate(t, &r),
            Figure::Frequency(f) => shown_frequency(t, &f),
            Figure::Duration(d) => shown_duration(t, &d),
            Figure::Zero(z) => shown_zero(t, &z),
        }
    }

    /// What the number means, under it.
    fn note(self, t: &ReportTexts) -> Option<&'static str> {
        match self {
            _ if self.value().is_none() => Some(t.no_value),
            Figure::Frequency(_) => Some(t.per_year),
            _ => None,
        }
    }

    fn formula(self, t: &ReportTexts) -> String {
        match self {
            Figure::Rate(r) => rate_formula(t, t.rate, t.formula_rate, &r),
            Figure::RateWithoutPregnancy(r) => {
                rate_formula(t, t.rate_without_pregnancy, t.formula_rate_without_pregnancy, &r)
            }
            Figure::Frequency(f) => frequency_formula(t, &f),
            Figure::Duration(d) => duration_formula(t, &d),
            Figure::Zero(z) => zero_formula(t, &z),
        }
    }
}

/// The cards for one set of figures.
#[component]
pub fn FigureCards(statistics: Statistics) -> impl IntoView {
    view! {
        <div class="figure-grid" data-testid="statistics-figures">
            {Figure::all(&statistics).into_iter().map(|figure| view! { <FigureCard figure=figure /> }).collect_view()}
        </div>
    }
}

#[component]
fn FigureCard(figure: Figure) -> impl IntoView {
    let t = use_texts();
    // Owned by the card, which lives as long as its button.
    let open = RwSignal::new(false);
    let testid = figure.testid();
    let formula_id = format!("{testid}-formula");
    view! {
        <article class="card figure-card" data-testid=testid data-value=figure.value().map(|v| v.to_string()).unwrap_or_default()>
            <h3 class="figure-label">{move || figure.label(t())}</h3>
            <p class="figure-value" data-testid=format!("{testid}-shown")>{move || figure.shown(t())}</p>
            {move || figure.note(t()).map(|note| view! { <p class="figure-note">{note}</p> })}
            <button
                type="button"
                class="link-button figure-formula-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls=formula_id.clone()
                title=move || figure.formula(t())
                data-testid=format!("{testid}-formula-toggle")
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || t().show_formula}
            </button>
            <p id=formula_id.clone() class="figure-formula" hidden=move || !open.get() data-testid=formula_id.clone()>
                {move || figure.formula(t())}
            </p>
        </article>
    }
}
