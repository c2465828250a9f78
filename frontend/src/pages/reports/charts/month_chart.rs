//! The absence rate per month against the same days a year earlier: two bars per month,
//! drawn as inline SVG that scales to the width it gets (a phone as well as a printed
//! page). Each bar carries its month, series and value as `data-*`; a table under the
//! chart says the same for those who do not see it.

use chrono::Datelike;
use leptos::prelude::*;
use shared::absence::statistics::MonthlyRate;

use super::scale::Axis;
use super::{Plot, VIEW_HEIGHT, VIEW_WIDTH};
use crate::i18n::reports::ReportTexts;
use crate::pages::reports::format::{or_dash, percent};
use crate::pages::reports::use_texts;

/// Months with a label under the axis: every one up to a year, else each third.
fn labelled(index: usize, months: usize) -> bool {
    months <= 12 || index.is_multiple_of(3)
}

/// "jan" — with the year ("jan 25") where a long period would leave it unclear.
fn month_label(t: &ReportTexts, m: &MonthlyRate, months: usize) -> String {
    let short = t.month_short(m.period.start.month());
    if months > 12 { format!("{short} {:02}", m.period.start.year() % 100) } else { short }
}

/// "maart 2026".
fn month_name(t: &ReportTexts, m: &MonthlyRate) -> String {
    format!("{} {}", t.month_name(m.period.start.month()), m.period.start.year())
}

#[component]
pub fn MonthChart(monthly: Vec<MonthlyRate>) -> impl IntoView {
    let t = use_texts();
    let highest =
        monthly.iter().flat_map(|m| [m.percent, m.previous_year_percent]).flatten().fold(0.0, f64::max);
    let axis = Axis::up_to(highest);
    let plot = Plot::for_axis();
    let count = monthly.len().max(1);
    let slot = plot.width() / count as f64;
    let bar = slot * 0.36;
    let monthly = StoredValue::new(monthly);
    let bars = move |t: &'static ReportTexts| {
        monthly.with_value(|months| {
            months
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let left = plot.left + slot * i as f64 + (slot - 2.0 * bar) / 2.0;
                    let month = m.period.start.format("%Y-%m").to_string();
                    let name = month_name(t, m);
                    let series = [("current", m.percent, t.this_period), ("previous", m.previous_year_percent, t.previous_year)];
                    let rects = series
                        .into_iter()
                        .enumerate()
                        .map(|(s, (key, value, label))| {
                            let height = value.map_or(0.0, |v| axis.fraction(v) * plot.height());
                            let tip = format!("{name}, {label}: {}", or_dash(value, |v| percent(v, 2, t.locale)));
                            view! {
                                <rect
                                    class=format!("bar bar-{key}")
                                    x=left + bar * s as f64
                                    y=plot.bottom() - height
                                    width=bar
                                    height=height
                                    data-month=month.clone()
                                    data-series=key
                                    data-value=value.map(|v| v.to_string()).unwrap_or_default()
                                >
                                    <title>{tip}</title>
                                </rect>
                            }
                        })
                        .collect_view();
                    let label = labelled(i, months.len()).then(|| {
                        view! {
                            <text class="axis-label" x=plot.left + slot * (i as f64 + 0.5) y=plot.bottom() + 18.0 text-anchor="middle">
                                {month_label(t, m, months.len())}
                            </text>
                        }
                    });
                    view! { {rects} {label} }
                })
                .collect_view()
        })
    };
    view! {
        <figure class="chart" data-testid="statistics-month-chart">
            <svg
                class="chart-svg"
                viewBox=format!("0 0 {VIEW_WIDTH} {VIEW_HEIGHT}")
                role="img"
                aria-labelledby="statistics-month-chart-title"
                preserveAspectRatio="xMidYMid meet"
            >
                <title id="statistics-month-chart-title">{move || t().month_chart_title}</title>
                {move || plot.grid(axis, move |v| percent(v, if axis.step < 1.0 { 1 } else { 0 }, t().locale))}
                {move || bars(t())}
            </svg>
            <figcaption class="chart-legend">
                <span class="legend-item"><span class="swatch swatch-current" aria-hidden="true"></span>{move || t().this_period}</span>
                <span class="legend-item"><span class="swatch swatch-previous" aria-hidden="true"></span>{move || t().previous_year}</span>
            </figcaption>
            <details class="chart-table">
                <summary>{move || t().show_as_table}</summary>
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || t().month}</th>
                            <th scope="col">{move || t().this_period}</th>
                            <th scope="col">{move || t().previous_year}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let t = t();
                            monthly.with_value(|months| months.iter().map(|m| view! {
                                <tr>
                                    <th scope="row">{month_name(t, m)}</th>
                                    <td>{or_dash(m.percent, |v| percent(v, 2, t.locale))}</td>
                                    <td>{or_dash(m.previous_year_percent, |v| percent(v, 2, t.locale))}</td>
                                </tr>
                            }).collect_view())
                        }}
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
