//! `/medewerkers/controle`: the yearly review (seed 004: every January) — progress and the
//! employees still to confirm, each with "Klopt" and a link to correct the record.

use chrono::Datelike;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use shared::employees::{EmployeeSummary, ReviewProgress};

use super::{employee_href, refusal, use_texts};
use crate::api::{self, EmployeeFilter};
use crate::components::feedback::ErrorAlert;
use crate::components::page_title::use_page_title;
use crate::components::paged::{LoadMore, Paged};

#[component]
pub fn ReviewPage() -> impl IntoView {
    let t = use_texts();
    use_page_title(move |d| crate::i18n::employees::texts(d.locale).review_title.into());
    let year = RwSignal::new(crate::pages::absence::today().year());
    let progress = RwSignal::new(None::<ReviewProgress>);
    let error = RwSignal::new(None::<String>);
    let list: Paged<EmployeeSummary> = Paged::new(move |cursor| {
        let filter = EmployeeFilter { unreviewed_for: Some(year.get_untracked()), ..Default::default() };
        async move { api::employees(&filter, cursor).await }
    });
    let load_progress = move || {
        let y = year.get_untracked();
        spawn_local(async move {
            match api::review_progress(y).await {
                Ok(p) => progress.set(Some(p)),
                Err(e) => error.set(Some(refusal(&e, t()))),
            }
        });
    };
    Effect::new(move |prev: Option<()>| {
        year.track();
        load_progress();
        if prev.is_some() {
            list.reload();
        }
    });
    let confirm = move |id| {
        let y = year.get_untracked();
        spawn_local(async move {
            let done = match api::employee(id).await {
                Ok(r) => api::confirm_employee(id, y, r.version).await.map(drop),
                Err(e) => Err(e),
            };
            match done {
                Ok(()) => {
                    list.items.update(|items| items.retain(|i| i.id != id));
                    load_progress();
                }
                Err(e) => error.set(Some(refusal(&e, t()))),
            }
        });
    };
    let this_year = crate::pages::absence::today().year();
    view! {
        <header class="page-header">
            <h1>{move || t().review_title}</h1>
            <p class="lead">{move || t().review_intro}</p>
        </header>
        <ErrorAlert message=error testid="review-error" />
        <section class="card section-card" data-testid="review-progress">
            <div class="field">
                <label for="review-year">{move || t().review_year}</label>
                <select id="review-year" data-testid="review-year" on:change=move |ev| {
                    if let Ok(y) = event_target_value(&ev).parse() { year.set(y) }
                }>
                    {[this_year - 1, this_year, this_year + 1].into_iter().map(|y| view! {
                        <option value=y.to_string() selected=move || year.get() == y>{y}</option>
                    }).collect_view()}
                </select>
            </div>
            {move || progress.get().map(|p| view! {
                <progress max=p.total.max(1) value=p.confirmed aria-labelledby="review-progress-text"></progress>
                <p id="review-progress-text" data-testid="review-progress-text">{move || t().progress(p.confirmed, p.total)}</p>
            })}
        </section>
        <section class="card section-card">
            <h2>{move || t().still_open}</h2>
            <Show
                when=move || !(list.loaded.get() && list.items.with(Vec::is_empty))
                fallback=move || view! { <p class="empty-list" data-testid="review-all-done">{t().all_confirmed}</p> }
            >
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || t().personnel_number}</th>
                            <th scope="col">{move || t().name}</th>
                            <th scope="col">{move || t().hours}</th>
                            <th scope="col"><span class="visually-hidden">{move || t().confirm}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || list.items.get()
                            key=|e| e.id
                            children=move |e| {
                                let id = e.id;
                                view! {
                                    <tr data-testid="review-row">
                                        <td data-label=move || t().personnel_number>{e.personnel_number.clone()}</td>
                                        <td data-label=move || t().name>{e.name.clone()}</td>
                                        <td data-label=move || t().hours>{move || e.contract_minutes.map(|m| t().hours(m)).unwrap_or_default()}</td>
                                        <td>
                                            <button type="button" class="button primary small" data-testid="review-confirm" on:click=move |_| confirm(id)>{move || t().confirm}</button>
                                            " "
                                            <A href=employee_href(id) attr:class="button secondary small">{move || t().correct}</A>
                                        </td>
                                    </tr>
                                }
                            }
                        />
                    </tbody>
                </table>
            </Show>
            <LoadMore list=list testid="review-more" />
        </section>
    }
}
