//! Rapportages (issue 7): the absence statistics by the Dutch standard (CBS/SZW 1996) for a
//! period and scope (`/rapportages`) — the key figures with their formulas, the rate per
//! month against the year before, the cases per duration class, the per-employee overview
//! and the mutations with their downloads — and the same figures as a printable management
//! report (`/rapportages/verzuim/managementrapportage`, also as a PDF from the API). Both
//! show the cases open today per poortwachter stage; a case manager serving several
//! employers picks the organisation.
//!
//! The period and scope live in the URL query, which is the API's query as it is: a reload
//! or a shared link shows the same, and every call and download passes it on. The server
//! decides who may see the figures (those who see the organisation's absence cases); the
//! menu only leaves the door out for others.

mod cards;
mod charts;
mod format;
mod formula;
mod management;
mod open_cases;
mod pickers;
mod query;
mod tables;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::absence::statistics::StatisticsReport;
use shared::auth::Me;

pub use management::ManagementReportPage;

use self::cards::FigureCards;
use self::charts::class_chart::ClassChart;
use self::charts::month_chart::MonthChart;
use self::open_cases::OpenCases;
use self::pickers::{ClassesPicker, OrganisationPicker, PeriodPicker, ScopePicker};
use self::query::StatisticsChoice;
use self::tables::{EmployeesTable, MutationsTable};
use crate::api::{self, ApiError};
use crate::components::page_title::use_page_title;
use crate::i18n::reports::{ReportTexts, texts};
use crate::i18n::use_i18n;

/// Where the statistics page lives.
const STATISTICS_PATH: &str = "/rapportages";
/// Where the printable management report lives.
const MANAGEMENT_PATH: &str = "/rapportages/verzuim/managementrapportage";

/// Whether this person sees absence statistics: whoever follows the organisation's
/// absence cases (the right to report absence, or the arbodienst), as the API decides.
pub fn shows_statistics(me: &Me) -> bool {
    crate::pages::absence::follows_cases(me)
}

/// The report texts in the current language (tracked).
pub fn use_texts() -> impl Fn() -> &'static ReportTexts + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || texts(i18n.locale())
}

/// The period and scope in the page's URL, and the query string the API gets for it.
fn use_choice() -> (Memo<StatisticsChoice>, Memo<String>) {
    let params = use_query_map();
    let choice = Memo::new(move |_| {
        params.with(|p| StatisticsChoice::from_query(|key| p.get(key), crate::time::today_nl()))
    });
    let query = Memo::new(move |_| choice.with(StatisticsChoice::query));
    (choice, query)
}

/// The figures for the chosen period and scope, fetched again when the choice changes.
fn use_report(query: Memo<String>) -> LocalResource<Result<StatisticsReport, ApiError>> {
    LocalResource::new(move || {
        let query = query.get();
        async move { api::absence_statistics(&query).await }
    })
}

/// `/rapportages`: the absence statistics.
#[component]
pub fn StatisticsPage() -> impl IntoView {
    let t = use_texts();
    let i18n = use_i18n();
    use_page_title(|d| texts(d.locale).title.into());
    let (choice, query) = use_choice();
    let navigate = use_navigate();
    let on_change = Callback::new(move |next: StatisticsChoice| {
        let options = NavigateOptions { replace: true, scroll: false, ..Default::default() };
        navigate(&format!("{STATISTICS_PATH}?{}", next.query()), options);
    });
    let report = use_report(query);
    view! {
        <div class="page statistics-page">
            <header class="page-header">
                <h1>{move || t().title}</h1>
                <p class="lead">{move || t().intro}</p>
                <p class="help-text" data-testid="statistics-standard">{move || t().standard}</p>
            </header>
            <section class="card section-card statistics-choice" aria-labelledby="statistics-choice-heading">
                <h2 id="statistics-choice-heading">{move || t().choice_heading}</h2>
                <div class="statistics-fields">
                    <OrganisationPicker choice=choice on_change=on_change />
                    <PeriodPicker choice=choice on_change=on_change />
                    <ScopePicker choice=choice on_change=on_change />
                    <ClassesPicker choice=choice on_change=on_change />
                </div>
                <p>
                    <A href=move || format!("{MANAGEMENT_PATH}?{}", query.get()) attr:class="button secondary" attr:data-testid="statistics-management-link">
                        {move || t().management_link}
                    </A>
                </p>
            </section>
            {move || report.get().map(|result| match result {
                Ok(report) => view! { <ReportBody report=report /> }.into_any(),
                Err(e) => view! { <p class="field-error" role="alert" data-testid="statistics-error">{i18n.t().api_error(&e)}</p> }.into_any(),
            })}
            <EmployeesTable query=query />
            <MutationsTable query=query />
        </div>
    }
}

/// The figures and charts of one report.
#[component]
fn ReportBody(report: StatisticsReport) -> impl IntoView {
    let t = use_texts();
    let statistics = report.statistics;
    view! {
        <section class="statistics-figures" aria-labelledby="statistics-figures-heading" data-testid="statistics-report"
            data-from=statistics.period.start.to_string() data-to=statistics.period.end.to_string()
            data-organisation=report.scope.organisation_id.to_string()>
            <h2 id="statistics-figures-heading">{move || t().figures_heading}</h2>
            {report.counted_until.map(|today| view! {
                <p class="help-text" data-testid="statistics-counted-until" data-until=today.to_string()>
                    {move || t().counted_until_line(today)}
                </p>
            })}
            <FigureCards statistics=statistics.clone() />
        </section>
        <div class="statistics-charts">
            <section class="card section-card" aria-labelledby="statistics-month-heading">
                <h2 id="statistics-month-heading">{move || t().month_chart_heading}</h2>
                <MonthChart monthly=report.monthly />
            </section>
            <section class="card section-card" aria-labelledby="statistics-class-heading">
                <h2 id="statistics-class-heading">{move || t().class_chart_heading}</h2>
                <ClassChart classes=statistics.duration_classes outside=statistics.outside_classes />
            </section>
        </div>
        <OpenCases open=report.open_cases />
    }
}
