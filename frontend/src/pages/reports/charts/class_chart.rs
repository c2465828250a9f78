//! Cases per duration class (short 1–14, medium 15–91, long 92–365, extra long 366–730
//! days, or the classes chosen on the page): one bar per class, the cases that ended in
//! the period and those still running at its end stacked, with the counts beside it.
//! Cases longer than every class get a row of their own when there are any.

use leptos::prelude::*;
use shared::absence::statistics::{DurationClass, DurationClassCount, DurationCounts, longest_class_days};

use super::VIEW_WIDTH;
use super::scale::Axis;
use crate::i18n::reports::ReportTexts;
use crate::pages::reports::use_texts;

/// One row's height in the drawing's units: a label line and a bar.
const ROW: f64 = 50.0;
/// Room on the right of the longest bar for its counts.
const COUNTS_WIDTH: f64 = 150.0;

/// A class's name: "Kort (1–14 dagen)"; classes other than the standard four by range.
pub fn class_name(t: &ReportTexts, class: &DurationClass) -> String {
    let name = match (class.from_days, class.to_days) {
        (1, Some(14)) => Some(t.class_short),
        (15, Some(91)) => Some(t.class_medium),
        (92, Some(365)) => Some(t.class_long),
        (366, Some(730)) => Some(t.class_extra_long),
        _ => None,
    };
    let range = t.class_range(class.from_days, class.to_days);
    match name {
        Some(name) => format!("{name} ({range})"),
        None => range,
    }
}

/// The rows: each class, then the cases beyond them if there are any.
fn rows(
    t: &ReportTexts,
    classes: &[DurationClassCount],
    outside: DurationCounts,
) -> Vec<(String, DurationCounts)> {
    let mut rows: Vec<_> = classes.iter().map(|c| (class_name(t, &c.class), c.cases)).collect();
    if outside.ended + outside.running > 0 {
        rows.push((t.beyond(longest_class_days(classes)), outside));
    }
    rows
}

#[component]
pub fn ClassChart(classes: Vec<DurationClassCount>, outside: DurationCounts) -> impl IntoView {
    let t = use_texts();
    let class_rows = move || rows(t(), &classes, outside);
    let drawing = move || {
        let t = t();
        let rows = class_rows();
        let axis = Axis::counts_up_to(rows.iter().map(|(_, c)| c.ended + c.running).max().unwrap_or(0));
        let length = VIEW_WIDTH - COUNTS_WIDTH;
        let height = ROW * rows.len().max(1) as f64;
        let bars = rows
            .into_iter()
            .enumerate()
            .map(|(i, (name, cases))| {
                let y = ROW * i as f64;
                let ended = axis.fraction(f64::from(cases.ended)) * length;
                let running = axis.fraction(f64::from(cases.running)) * length;
                let counts = format!("{} {} · {} {}", cases.ended, t.ended.to_lowercase(), cases.running, t.running.to_lowercase());
                view! {
                    <g class="class-row" data-class=name.clone() data-ended=cases.ended data-running=cases.running>
                        <text class="axis-label class-label" x="0" y=y + 14.0>{name.clone()}</text>
                        <rect class="bar bar-ended" x="0" y=y + 22.0 width=ended height="18">
                            <title>{format!("{name}: {} {}", cases.ended, t.ended.to_lowercase())}</title>
                        </rect>
                        <rect class="bar bar-running" x=ended y=y + 22.0 width=running height="18">
                            <title>{format!("{name}: {} {}", cases.running, t.running.to_lowercase())}</title>
                        </rect>
                        <text class="axis-label" x=ended + running + 6.0 y=y + 36.0>{counts}</text>
                    </g>
                }
            })
            .collect_view();
        view! {
            <svg
                class="chart-svg"
                viewBox=format!("0 0 {VIEW_WIDTH} {height}")
                role="img"
                aria-labelledby="statistics-class-chart-title"
                preserveAspectRatio="xMidYMid meet"
            >
                <title id="statistics-class-chart-title">{t.class_chart_title}</title>
                {bars}
            </svg>
        }
    };
    view! {
        <figure class="chart" data-testid="statistics-class-chart">
            {drawing}
            <figcaption class="chart-legend">
                <span class="legend-item"><span class="swatch swatch-ended" aria-hidden="true"></span>{move || t().ended}</span>
                <span class="legend-item"><span class="swatch swatch-running" aria-hidden="true"></span>{move || t().running}</span>
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use shared::absence::statistics::DEFAULT_DURATION_CLASSES;

    use super::*;
    use crate::i18n::reports::NL;

    #[test]
    fn the_standard_classes_have_names_and_others_their_range() {
        let names: Vec<_> = DEFAULT_DURATION_CLASSES.iter().map(|c| class_name(&NL, c)).collect();
        assert_eq!(
            names,
            [
                "Kort (1–14 dagen)",
                "Middellang (15–91 dagen)",
                "Lang (92–365 dagen)",
                "Extra lang (366–730 dagen)"
            ]
        );
        assert_eq!(class_name(&NL, &DurationClass { from_days: 8, to_days: None }), "8+ dagen");
    }

    #[test]
    fn cases_beyond_the_classes_get_a_row_only_when_there_are_any() {
        let classes = shared::absence::statistics::empty_class_counts(&DEFAULT_DURATION_CLASSES);
        assert_eq!(rows(&NL, &classes, DurationCounts::default()).len(), 4);
        let beyond = rows(&NL, &classes, DurationCounts { ended: 0, running: 1 });
        assert_eq!(beyond.last().map(|(n, _)| n.as_str()), Some("Langer dan 730 dagen"));
    }
}
