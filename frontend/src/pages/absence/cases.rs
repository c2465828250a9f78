//! `/verzuim` for employers and the arbodienst: the cases they follow, newest
//! first, filtered by status and searched by name or case number, page by page.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::absence::{CaseStatus, CaseSummary};

use super::{CaseStatusBadge, case_href, follows_cases, is_arbodienst, reports_for_others};
use crate::api::{self, CaseFilter};
use crate::components::page_title::use_page_title;
use crate::components::paged::{LoadMore, Paged};
use crate::i18n::use_i18n;
use crate::pages::admin::NoAccess;
use crate::session::use_session;

#[component]
pub fn CasesPage() -> impl IntoView {
    let session = use_session();
    use_page_title(|t| t.absence.cases_title.into());
    let allowed = Memo::new(move |_| session.me().is_some_and(|me| follows_cases(&me)));
    view! {
        <Show when=move || allowed.get() fallback=|| view! { <NoAccess /> }>
            <CasesList />
        </Show>
    }
}

#[component]
fn CasesList() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let status = RwSignal::new(Some(CaseStatus::Open));
    let q = RwSignal::new(String::new());
    let filter = Memo::new(move |_| CaseFilter { status: status.get(), q: q.get() });
    let list = Paged::new(move |cursor| api::absence_cases(filter.get_untracked(), cursor));
    Effect::new(move |first: Option<()>| {
        filter.track();
        if first.is_some() {
            list.reload();
        }
    });
    let reporter = Memo::new(move |_| session.me().is_some_and(|me| reports_for_others(&me)));
    let arbodienst = Memo::new(move |_| session.me().is_some_and(|me| is_arbodienst(&me)));
    let a = move || i18n.t().absence;
    view! {
        <header class="page-header">
            <h1>{move || a().cases_title}</h1>
            <p class="lead">{move || a().cases_intro}</p>
        </header>
        <div class="list-toolbar">
            <div class="field search-field">
                <label for="cases-search">{move || a().search}</label>
                <input
                    id="cases-search"
                    type="search"
                    placeholder=move || a().search_hint
                    data-testid="cases-search"
                    prop:value=move || q.get()
                    on:input=move |ev| q.set(event_target_value(&ev))
                />
            </div>
            <div class="field">
                <label for="cases-status">{move || a().status_label}</label>
                <select id="cases-status" data-testid="cases-status" on:change=move |ev| status.set(CaseStatus::parse(&event_target_value(&ev)))>
                    <option value="" selected=move || status.get().is_none()>{move || a().all_statuses}</option>
                    {[CaseStatus::Open, CaseStatus::Closed].into_iter().map(|s| view! {
                        <option value=s.as_str() selected=move || status.get() == Some(s)>{move || a().status(s)}</option>
                    }).collect_view()}
                </select>
            </div>
            <Show when=move || reporter.get()>
                <A href="/verzuim/medewerker-ziek-melden" attr:class="button primary" attr:data-testid="report-for-link">
                    {move || a().tab_report_for}
                </A>
            </Show>
        </div>
        <section class="card section-card">
            <Show
                when=move || !list.loaded.get() || !list.items.with(Vec::is_empty)
                fallback=move || view! { <p class="empty-list" data-testid="no-cases">{a().no_cases}</p> }
            >
                <table class="data-table" data-testid="cases-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || a().case_label}</th>
                            <th scope="col">{move || a().status_label}</th>
                            <th scope="col">{move || a().sick_since}</th>
                            <th scope="col" class="numeric">{move || a().incapacity}</th>
                            <th scope="col">{move || a().next_step}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || list.items.get()
                            key=|c| (c.id, c.status.as_str(), c.incapacity_percent, c.open_activities)
                            children=move |c| view! { <CaseRow case=c show_organisation=arbodienst.get_untracked() /> }
                        />
                    </tbody>
                </table>
            </Show>
            <LoadMore list=list testid="cases-more" />
        </section>
    }
}

#[component]
fn CaseRow(case: CaseSummary, show_organisation: bool) -> impl IntoView {
    let i18n = use_i18n();
    let a = move || i18n.t().absence;
    let c = case;
    let name = c.employee.as_ref().map(|e| e.name.clone()).unwrap_or_else(|| "—".into());
    let sub = if show_organisation { format!("{name} · {}", c.organisation_name) } else { name.clone() };
    let (first, next, overdue, percent) =
        (c.first_sick_day, c.next_due_on, c.overdue_activities, c.incapacity_percent);
    let number = c.case_number.clone();
    view! {
        <tr data-testid="case-row" data-case-number=c.case_number.clone() data-employee=name>
            <td data-label=move || a().case_label>
                <div>
                    <A href=case_href(c.id) attr:class="cell-title" attr:data-testid="open-case">{number}</A>
                    <span class="cell-sub">{sub}</span>
                </div>
            </td>
            <td data-label=move || a().status_label><CaseStatusBadge status=c.status /></td>
            <td data-label=move || a().sick_since>{move || a().date(first)}</td>
            <td data-label=move || a().incapacity class="numeric">{format!("{percent}%")}</td>
            <td data-label=move || a().next_step>
                <div class="cell-stack">
                    <span>{move || next.map(|d| a().date(d)).unwrap_or_else(|| a().nothing_due.into())}</span>
                    {(overdue > 0).then(|| view! { <span class="badge badge-danger">{move || a().overdue_count(overdue)}</span> })}
                </div>
            </td>
        </tr>
    }
}
