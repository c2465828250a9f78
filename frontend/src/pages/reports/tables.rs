//! The per-employee overview and the mutations of the chosen period and scope, in the one
//! list component with "meer laden", each with its CSV and XLSX download (the same query,
//! every row).

use leptos::prelude::*;
use leptos_router::components::A;
use shared::absence::statistics::{CurrentState, EmployeeStatistics, Mutation};

use super::format::{decimal, or_dash, percent};
use super::use_texts;
use crate::api::{self, ABSENCE_STATISTICS};
use crate::components::list::{DataList, ListColumn};
use crate::components::paged::Paged;
use crate::i18n::reports::texts;
use crate::pages::absence::case_href;

/// The download of one list (`employees`, `mutations`) as `csv` or `xlsx`.
pub fn export_href(list: &str, ext: &str, query: &str) -> String {
    format!("{ABSENCE_STATISTICS}/export/{list}.{ext}?{query}")
}

/// A list that fetches again whenever the choice (the query string) changes.
fn paged_by_query<T, F, Fut>(query: Memo<String>, fetch: F) -> Paged<T>
where
    T: Clone + Send + Sync + 'static,
    F: Fn(String, Option<String>) -> Fut + 'static,
    Fut: Future<Output = Result<shared::Page<T>, api::ApiError>> + 'static,
{
    let list = Paged::new(move |cursor| fetch(query.get_untracked(), cursor));
    Effect::new(move |prev: Option<()>| {
        query.track();
        if prev.is_some() {
            list.reload();
        }
    });
    list
}

/// The CSV and XLSX links of a list.
#[component]
fn Downloads(list: &'static str, query: Memo<String>) -> impl IntoView {
    let t = use_texts();
    view! {
        <p class="downloads">
            <span>{move || t().download}": "</span>
            <a class="button secondary small" download="" href=move || export_href(list, "csv", &query.get()) data-testid=format!("statistics-{list}-csv")>
                {move || t().download_csv}
            </a>
            " "
            <a class="button secondary small" download="" href=move || export_href(list, "xlsx", &query.get()) data-testid=format!("statistics-{list}-xlsx")>
                {move || t().download_xlsx}
            </a>
        </p>
    }
}

/// An enum's name as the API writes it (`partly_sick`, `sick_report`), for tests to pick by.
fn api_name(value: &impl serde::Serialize) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()
}

/// A badge for today's state.
fn state_badge(state: CurrentState) -> AnyView {
    let class = match state {
        CurrentState::Fit => "badge badge-ok",
        CurrentState::PartlySick => "badge badge-pending",
        CurrentState::Sick => "badge badge-danger",
    };
    let t = use_texts();
    view! { <span class=class data-state=api_name(&state)>{move || t().current_state(state)}</span> }
        .into_any()
}

fn employee_columns() -> Vec<ListColumn<EmployeeStatistics>> {
    let t = use_texts();
    let number = move |v: f64| decimal(v, 1, t().locale);
    vec![
        ListColumn::new(
            "name",
            |d| texts(d.locale).name,
            true,
            |e: &EmployeeStatistics| e.name.clone().into_any(),
        ),
        ListColumn::new(
            "personnel_number",
            |d| texts(d.locale).personnel_number,
            true,
            |e: &EmployeeStatistics| e.personnel_number.clone().into_any(),
        ),
        ListColumn::new(
            "department",
            |d| texts(d.locale).department,
            true,
            |e: &EmployeeStatistics| e.department.clone().unwrap_or_default().into_any(),
        ),
        ListColumn::new(
            "employed_days",
            |d| texts(d.locale).employed_days,
            true,
            |e: &EmployeeStatistics| e.employed_days.into_any(),
        ),
        ListColumn::new(
            "weighted_employed_days",
            |d| texts(d.locale).weighted_employed_days,
            false,
            move |e: &EmployeeStatistics| {
                let v = e.weighted_employed_days;
                (move || number(v)).into_any()
            },
        ),
        ListColumn::new(
            "sick_days",
            |d| texts(d.locale).sick_days,
            true,
            |e: &EmployeeStatistics| e.sick_days.into_any(),
        ),
        ListColumn::new(
            "weighted_sick_days",
            |d| texts(d.locale).weighted_sick_days,
            false,
            move |e: &EmployeeStatistics| {
                let v = e.weighted_sick_days;
                (move || number(v)).into_any()
            },
        ),
        ListColumn::new(
            "absence_percent",
            |d| texts(d.locale).absence_percent,
            true,
            move |e: &EmployeeStatistics| {
                let v = e.absence_percent;
                view! { <span data-value=v.map(|v| v.to_string()).unwrap_or_default()>{move || or_dash(v, |p| percent(p, 2, t().locale))}</span> }
                .into_any()
            },
        ),
        ListColumn::new(
            "reports",
            |d| texts(d.locale).reports,
            true,
            |e: &EmployeeStatistics| e.reports.into_any(),
        ),
        ListColumn::new(
            "current_state",
            |d| texts(d.locale).current_state,
            true,
            |e: &EmployeeStatistics| state_badge(e.current_state),
        ),
    ]
}

fn mutation_columns() -> Vec<ListColumn<Mutation>> {
    let t = use_texts();
    vec![
        ListColumn::new(
            "date",
            |d| texts(d.locale).date,
            true,
            move |m: &Mutation| {
                let date = m.date;
                (move || t().date(date)).into_any()
            },
        ),
        ListColumn::new(
            "kind",
            |d| texts(d.locale).kind,
            true,
            move |m: &Mutation| {
                let (kind, recovered) = (m.kind, m.recovered_percent);
                view! {
                    <span data-kind=api_name(&kind)>{move || t().mutation_kind(kind)}</span>
                    {move || recovered.map(|p| format!(" ({})", t().recovered(p)))}
                }
                .into_any()
            },
        ),
        ListColumn::new("name", |d| texts(d.locale).name, true, |m: &Mutation| m.name.clone().into_any()),
        ListColumn::new(
            "personnel_number",
            |d| texts(d.locale).personnel_number,
            true,
            |m: &Mutation| m.personnel_number.clone().unwrap_or_default().into_any(),
        ),
        ListColumn::new(
            "case_number",
            |d| texts(d.locale).case_number,
            true,
            |m: &Mutation| {
                let (href, number) = (case_href(m.case_id), m.case_number.clone());
                view! { <A href=href>{number}</A> }.into_any()
            },
        ),
    ]
}

/// Per employee employed in the period, by name.
#[component]
pub fn EmployeesTable(query: Memo<String>) -> impl IntoView {
    let t = use_texts();
    let list =
        paged_by_query(query, |q, cursor| async move { api::absence_statistics_employees(&q, cursor).await });
    view! {
        <section class="statistics-list" aria-labelledby="statistics-employees-heading">
            <h2 id="statistics-employees-heading">{move || t().employees_heading}</h2>
            <Downloads list="employees" query=query />
            <DataList
                name="statistics-employees"
                columns=employee_columns()
                list=list
                // Every value, not just the person: the same person in another period (or
                // organisation) is another row, or the list keeps showing the old numbers.
                row_key=|e: &EmployeeStatistics| format!("{e:?}")
                empty=|d| texts(d.locale).no_employees
            />
        </section>
    }
}

/// The sick and recovery reports dated in the period.
#[component]
pub fn MutationsTable(query: Memo<String>) -> impl IntoView {
    let t = use_texts();
    let list =
        paged_by_query(query, |q, cursor| async move { api::absence_statistics_mutations(&q, cursor).await });
    view! {
        <section class="statistics-list" aria-labelledby="statistics-mutations-heading">
            <h2 id="statistics-mutations-heading">{move || t().mutations_heading}</h2>
            <Downloads list="mutations" query=query />
            <DataList
                name="statistics-mutations"
                columns=mutation_columns()
                list=list
                row_key=|m: &Mutation| format!("{}-{}-{:?}-{}", m.case_id, m.date, m.kind, m.recovered_percent.unwrap_or(0))
                empty=|d| texts(d.locale).no_mutations
            />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downloads_carry_the_same_query() {
        assert_eq!(
            export_href("employees", "xlsx", "period=year&year=2026"),
            "/api/v1/absence/statistics/export/employees.xlsx?period=year&year=2026"
        );
    }
}
