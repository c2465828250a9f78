//! The cases open today per poortwachter stage (weeks 1–6, 7–8, 9–42, 43–52, the second
//! year, 88–104, past 104 weeks): where the scope's running cases stand now, whatever the
//! period, so a manager sees which are about to need the next step. Only counts; each row
//! carries its stage (`data-stage`, as the API names it) and count (`data-count`).

use leptos::prelude::*;
use shared::absence::statistics::StageCount;

use super::use_texts;

#[component]
pub fn OpenCases(open: Vec<StageCount>) -> impl IntoView {
    let t = use_texts();
    let total: u32 = open.iter().map(|c| c.cases).sum();
    view! {
        <section class="card section-card open-cases" aria-labelledby="statistics-open-heading"
            data-testid="statistics-open-cases" data-total=total.to_string()>
            <h2 id="statistics-open-heading">{move || t().open_cases_heading}</h2>
            <p class="help-text">{move || t().open_cases_note}</p>
            <table class="open-cases-table">
                <thead>
                    <tr>
                        <th scope="col">{move || t().stage}</th>
                        <th scope="col" class="numeric">{move || t().cases}</th>
                    </tr>
                </thead>
                <tbody>
                    {open.into_iter().map(|c| view! {
                        <tr data-testid="statistics-open-stage" data-stage=c.stage.as_str() data-count=c.cases.to_string()>
                            <th scope="row">{move || t().stage_label(c.stage)}</th>
                            <td class="numeric">{c.cases}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
