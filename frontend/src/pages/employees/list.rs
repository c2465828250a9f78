//! `/medewerkers`: the organisation's employees by name, with search and a department
//! filter; a row leads to the employee.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::employees::EmployeeSummary;

use super::{employee_href, use_texts};
use crate::api::{self, EmployeeFilter};
use crate::components::page_title::use_page_title;
use crate::components::paged::{LoadMore, Paged};

#[component]
pub fn EmployeesPage() -> impl IntoView {
    let t = use_texts();
    use_page_title(move |d| crate::i18n::employees::texts(d.locale).list_title.into());
    let q = RwSignal::new(String::new());
    let department = RwSignal::new(String::new());
    let filter =
        Memo::new(move |_| EmployeeFilter { q: q.get(), department: department.get(), unreviewed_for: None });
    let list: Paged<EmployeeSummary> = Paged::new(move |cursor| {
        let f = filter.get_untracked();
        async move { api::employees(&f, cursor).await }
    });
    Effect::new(move |prev: Option<()>| {
        filter.track();
        if prev.is_some() {
            list.reload();
        }
    });
    view! {
        <header class="page-header">
            <h1>{move || t().list_title}</h1>
            <p class="lead">{move || t().list_intro}</p>
            <p><A href="/medewerkers/nieuw" attr:class="button primary" attr:data-testid="new-employee">{move || t().new_employee}</A></p>
        </header>
        <section class="card section-card">
            <div class="filters">
                <div class="field">
                    <label for="employee-search">{move || t().search}</label>
                    <input
                        id="employee-search"
                        type="search"
                        data-testid="employee-search"
                        placeholder=move || t().search_hint
                        prop:value=move || q.get()
                        on:input=move |ev| q.set(event_target_value(&ev))
                    />
                </div>
                <div class="field">
                    <label for="employee-department">{move || t().department}</label>
                    <input
                        id="employee-department"
                        type="text"
                        data-testid="employee-department"
                        prop:value=move || department.get()
                        on:change=move |ev| department.set(event_target_value(&ev))
                    />
                </div>
            </div>
            <Show
                when=move || !(list.loaded.get() && list.items.with(Vec::is_empty))
                fallback=move || view! { <p class="empty-list" data-testid="no-employees">{t().no_employees}</p> }
            >
                <table class="data-table" data-testid="employee-list">
                    <thead>
                        <tr>
                            <th scope="col">{move || t().personnel_number}</th>
                            <th scope="col">{move || t().name}</th>
                            <th scope="col">{move || t().department}</th>
                            <th scope="col">{move || t().cost_centre}</th>
                            <th scope="col">{move || t().hours}</th>
                            <th scope="col">{move || t().factor}</th>
                            <th scope="col">{move || t().employed_since}</th>
                            <th scope="col">{move || t().reviewed}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || list.items.get()
                            key=|e| (e.id, e.contract_minutes, e.reviewed_year, e.pending_changes, e.name.clone())
                            children=move |e| {
                                let pending = e.pending_changes;
                                view! {
                                    <tr data-testid="employee-row">
                                        <td data-label=move || t().personnel_number>{e.personnel_number.clone()}</td>
                                        <td data-label=move || t().name>
                                            <A href=employee_href(e.id) attr:class="cell-title">{e.name.clone()}</A>
                                            {(pending > 0).then(|| view! { <span class="badge badge-pending">{move || t().pending_badge}</span> })}
                                        </td>
                                        <td data-label=move || t().department>{e.department.clone().unwrap_or_default()}</td>
                                        <td data-label=move || t().cost_centre>{e.cost_centre.clone().unwrap_or_default()}</td>
                                        <td data-label=move || t().hours data-testid="employee-hours">{move || e.contract_minutes.map(|m| t().hours(m)).unwrap_or_default()}</td>
                                        <td data-label=move || t().factor>{move || e.part_time_factor.map(|f| t().factor(f)).unwrap_or_default()}</td>
                                        <td data-label=move || t().employed_since>{move || e.employed_since.map(|d| t().date(d)).unwrap_or_default()}</td>
                                        <td data-label=move || t().reviewed>{move || e.reviewed_year.map(|y| y.to_string()).unwrap_or_else(|| t().not_reviewed.into())}</td>
                                    </tr>
                                }
                            }
                        />
                    </tbody>
                </table>
            </Show>
            <LoadMore list=list testid="employees-more" />
        </section>
    }
}
