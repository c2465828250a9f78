//! `/verzuim/mijn` (and `/verzuim` for employees): the person's own absence, as
//! seed 001's employee portal has it — "Ziek melden" when not sick, the open
//! case with "Hersteld melden" when sick, and the earlier sick reports.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use shared::absence::{CaseStatus, CaseSummary};

use super::recovery::OwnRecoveryForm;
use super::{CaseStatusBadge, case_href};
use crate::api::{self, ApiError};
use crate::components::page_title::use_page_title;
use crate::i18n::use_i18n;

#[component]
pub fn MyAbsencePage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.absence.mine_title.into());
    let cases = RwSignal::new(None::<Vec<CaseSummary>>);
    let load_error = RwSignal::new(None::<ApiError>);
    let load = move || {
        spawn_local(async move {
            match api::my_absence().await {
                Ok(c) => cases.set(Some(c)),
                Err(e) => load_error.set(Some(e)),
            }
        })
    };
    load();
    let open = Memo::new(move |_| {
        cases.with(|c| c.as_ref().map(|c| c.iter().find(|c| c.status == CaseStatus::Open).cloned()))
    });
    let earlier = Memo::new(move |_| {
        cases.with(|c| {
            c.as_ref()
                .map(|c| c.iter().filter(|c| c.status != CaseStatus::Open).cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let a = move || i18n.t().absence;

    view! {
        <header class="page-header">
            <h1>{move || a().mine_title}</h1>
            <p class="lead">{move || a().mine_intro}</p>
        </header>
        {move || load_error.get().map(|e| view! { <p class="form-alert is-visible" role="alert">{i18n.t().api_error(&e)}</p> })}
        {move || open.get().map(|open| match open {
            Some(case) => {
                let id = case.id;
                view! {
                    <section class="card section-card own-case" aria-labelledby="own-case-heading" data-testid="own-open-case">
                        <div class="section-header">
                            <h2 id="own-case-heading">{move || a().open_case_heading}</h2>
                            <CaseStatusBadge status=case.status />
                        </div>
                        <p>{move || a().own_sick_since(case.first_sick_day)}</p>
                        {(case.incapacity_percent < 100).then(|| view! {
                            <p>{move || format!("{}: {}%", a().incapacity, case.incapacity_percent)}</p>
                        })}
                        <p>
                            <A href=case_href(id) attr:class="button secondary" attr:data-testid="own-case-link">
                                {move || a().go_to_case}
                            </A>
                        </p>
                        <OwnRecoveryForm
                            case_id=id
                            first_day=case.first_sick_day
                            on_done=Callback::new(move |_| load())
                        />
                    </section>
                }
                .into_any()
            }
            None => view! {
                <section class="card section-card own-case" aria-labelledby="own-case-heading" data-testid="no-open-case">
                    <h2 id="own-case-heading">{move || a().open_case_heading}</h2>
                    <p>{move || a().no_open_case}</p>
                    <p>
                        <A href="/verzuim/ziek-melden" attr:class="button primary" attr:data-testid="report-sick-link">
                            {move || a().report_sick}
                        </A>
                    </p>
                </section>
            }
            .into_any(),
        })}
        <section class="card section-card" aria-labelledby="earlier-heading" data-testid="earlier-cases">
            <h2 id="earlier-heading">{move || a().earlier_cases}</h2>
            <Show
                when=move || !earlier.with(Vec::is_empty)
                fallback=move || view! { <p class="empty-list">{a().no_earlier_cases}</p> }
            >
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || a().case_label}</th>
                            <th scope="col">{move || a().sick_since}</th>
                            <th scope="col">{move || a().recovered_on}</th>
                            <th scope="col">{move || a().status_label}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || earlier.get()
                            key=|c| (c.id, c.status.as_str())
                            children=move |c| view! {
                                <tr data-testid="earlier-case">
                                    <td data-label=move || a().case_label>
                                        <A href=case_href(c.id) attr:class="cell-title">{c.case_number.clone()}</A>
                                    </td>
                                    <td data-label=move || a().sick_since>{move || a().date(c.first_sick_day)}</td>
                                    <td data-label=move || a().recovered_on>
                                        {move || c.recovered_on.map(|d| a().date(d)).unwrap_or_else(|| "—".into())}
                                    </td>
                                    <td data-label=move || a().status_label><CaseStatusBadge status=c.status /></td>
                                </tr>
                            }
                        />
                    </tbody>
                </table>
            </Show>
        </section>
    }
}
