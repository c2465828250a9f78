//! `/medewerkers`: the organisation's employees by name in the one list component —
//! chosen columns, search, a department filter shown as a chip; a row leads to the employee.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::employees::EmployeeSummary;

use super::{employee_href, use_texts};
use crate::api::{self, EmployeeFilter};
use crate::components::list::{DataList, FilterChip, ListColumn};
use crate::components::page_title::use_page_title;
use crate::components::paged::Paged;
use crate::i18n::employees::texts;

/// The list's columns; the start date is there for those who choose it.
fn columns(
    t: impl Fn() -> &'static crate::i18n::employees::EmployeeTexts + Copy + Send + Sync + 'static,
) -> Vec<ListColumn<EmployeeSummary>> {
    vec![
        ListColumn::new(
            "personnel_number",
            |d| texts(d.locale).personnel_number,
            true,
            |e: &EmployeeSummary| e.personnel_number.clone().into_any(),
        ),
        ListColumn::new(
            "name",
            |d| texts(d.locale).name,
            true,
            move |e: &EmployeeSummary| {
                let (pending, href, name) = (e.pending_changes > 0, employee_href(e.id), e.name.clone());
                view! {
                <A href=href attr:class="cell-title">{name}</A>
                {pending.then(|| view! { <span class="badge badge-pending">{move || t().pending_badge}</span> })}
            }
            .into_any()
            },
        ),
        ListColumn::new(
            "department",
            |d| texts(d.locale).department,
            true,
            |e: &EmployeeSummary| e.department.clone().unwrap_or_default().into_any(),
        ),
        ListColumn::new(
            "cost_centre",
            |d| texts(d.locale).cost_centre,
            true,
            |e: &EmployeeSummary| e.cost_centre.clone().unwrap_or_default().into_any(),
        ),
        ListColumn::new(
            "hours",
            |d| texts(d.locale).hours,
            true,
            move |e: &EmployeeSummary| {
                let minutes = e.contract_minutes;
                view! { <span data-testid="employee-hours">{move || minutes.map(|m| t().hours(m)).unwrap_or_default()}</span> }
                .into_any()
            },
        ),
        ListColumn::new(
            "factor",
            |d| texts(d.locale).factor,
            true,
            move |e: &EmployeeSummary| {
                let factor = e.part_time_factor;
                (move || factor.map(|f| t().factor(f)).unwrap_or_default()).into_any()
            },
        ),
        ListColumn::new(
            "employed_since",
            |d| texts(d.locale).employed_since,
            false,
            move |e: &EmployeeSummary| {
                let since = e.employed_since;
                (move || since.map(|d| t().date(d)).unwrap_or_default()).into_any()
            },
        ),
        ListColumn::new(
            "reviewed",
            |d| texts(d.locale).reviewed,
            true,
            move |e: &EmployeeSummary| {
                let year = e.reviewed_year;
                (move || year.map(|y| y.to_string()).unwrap_or_else(|| t().not_reviewed.into())).into_any()
            },
        ),
    ]
}

#[component]
pub fn EmployeesPage() -> impl IntoView {
    let t = use_texts();
    use_page_title(move |d| texts(d.locale).list_title.into());
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
    let chips = Signal::derive(move || {
        let d = department.get();
        (!d.is_empty())
            .then(|| FilterChip {
                label: format!("{}: {d}", t().department),
                clear: Callback::new(move |_| department.set(String::new())),
            })
            .into_iter()
            .collect::<Vec<_>>()
    });
    view! {
        <header class="page-header">
            <h1>{move || t().list_title}</h1>
            <p class="lead">{move || t().list_intro}</p>
            <p><A href="/medewerkers/nieuw" attr:class="button primary" attr:data-testid="new-employee">{move || t().new_employee}</A></p>
        </header>
        <DataList
            name="employee"
            columns=columns(t)
            list=list
            // Re-rendered when what a row shows can change.
            row_key=|e: &EmployeeSummary| format!("{}-{:?}-{:?}-{}-{}", e.id, e.contract_minutes, e.reviewed_year, e.pending_changes, e.name)
            empty=|d| texts(d.locale).no_employees
            search=q
            chips=chips
            clear_all=Callback::new(move |_| {
                q.set(String::new());
                department.set(String::new());
            })
            filters=move || view! {
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
            }
        />
    }
}
