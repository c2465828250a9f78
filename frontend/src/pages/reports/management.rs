//! `/rapportages/verzuim/managementrapportage?…`: the management report — the key figures,
//! the rate per month against the year before, the cases per duration class and the cases
//! open today per poortwachter stage of the chosen organisation, period and scope on one
//! printable page (A4, the print stylesheet leaves the menu out), with "Afdrukken" and
//! "PDF downloaden": the same report as the API writes it
//! (`/api/v1/absence/statistics/report.pdf` with the page's query).

use leptos::prelude::*;
use leptos_router::components::A;
use shared::absence::statistics::{StatisticsReport, StatisticsScope};

use super::{ReportBody, STATISTICS_PATH, use_choice, use_report, use_texts};
use crate::api::{self, ABSENCE_STATISTICS};
use crate::components::page_title::use_page_title;
use crate::i18n::reports::{ReportTexts, texts};
use crate::i18n::use_i18n;

/// "Bouwbedrijf Van Dijk B.V. · Afdeling: Uitvoering" — the team by its name once known.
fn scope_line(t: &ReportTexts, scope: &StatisticsScope, team_name: Option<String>) -> String {
    let narrowed = [
        scope.department.as_ref().map(|d| format!("{}: {d}", t.scope_department)),
        scope.cost_centre.as_ref().map(|c| format!("{}: {c}", t.scope_cost_centre)),
        scope.team_id.map(|id| format!("{}: {}", t.scope_team, team_name.unwrap_or_else(|| id.to_string()))),
    ];
    std::iter::once(scope.organisation_name.clone())
        .chain(narrowed.into_iter().flatten())
        .collect::<Vec<_>>()
        .join(" · ")
}

#[component]
pub fn ManagementReportPage() -> impl IntoView {
    let t = use_texts();
    let i18n = use_i18n();
    use_page_title(|d| texts(d.locale).management_title.into());
    let (_, query) = use_choice();
    let report = use_report(query);
    view! {
        <div class="page management-report" data-testid="management-report">
            <div class="report-actions">
                <A href=move || format!("{STATISTICS_PATH}?{}", query.get()) attr:class="link-button">{move || t().back_to_statistics}</A>
                <button type="button" class="button primary" data-testid="management-print" on:click=move |_| crate::browser::print_page()>
                    {move || t().print}
                </button>
                <a class="button secondary" download="" data-testid="management-pdf"
                    href=move || format!("{ABSENCE_STATISTICS}/report.pdf?{}", query.get())>
                    {move || t().download_pdf}
                </a>
            </div>
            {move || report.get().map(|result| match result {
                Ok(report) => view! { <ManagementReport report=report /> }.into_any(),
                Err(e) => view! { <p class="field-error" role="alert" data-testid="statistics-error">{i18n.t().api_error(&e)}</p> }.into_any(),
            })}
        </div>
    }
}

#[component]
fn ManagementReport(report: StatisticsReport) -> impl IntoView {
    let t = use_texts();
    let team = report.scope.team_id;
    // The team's name for the heading; only fetched when a team is the scope.
    let teams = LocalResource::new(move || async move {
        match team {
            Some(_) => api::teams().await.map(|p| p.items).unwrap_or_default(),
            None => Vec::new(),
        }
    });
    let team_name =
        move || teams.get().and_then(|ts| ts.into_iter().find(|x| Some(x.id) == team).map(|x| x.name));
    let scope = report.scope.clone();
    let period = report.statistics.period;
    view! {
        <header class="page-header">
            <h1>{move || t().management_title}</h1>
            <p class="lead" data-testid="management-scope">{move || scope_line(t(), &scope, team_name())}</p>
            <p data-testid="management-period">{move || format!("{} – {}", t().date(period.start), t().date(period.end))}</p>
            <p class="help-text">{move || t().standard}</p>
        </header>
        <ReportBody report=report />
    }
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;
    use crate::i18n::reports::NL;

    #[test]
    fn the_scope_line_names_the_organisation_and_what_narrows_it() {
        let mut scope = StatisticsScope {
            organisation_id: Uuid::nil(),
            organisation_name: "Bouwbedrijf Van Dijk B.V.".into(),
            department: Some("Uitvoering".into()),
            cost_centre: None,
            team_id: None,
        };
        assert_eq!(scope_line(&NL, &scope, None), "Bouwbedrijf Van Dijk B.V. · Afdeling: Uitvoering");
        scope.department = None;
        scope.team_id = Some(Uuid::nil());
        assert_eq!(scope_line(&NL, &scope, Some("Noord".into())), "Bouwbedrijf Van Dijk B.V. · Team: Noord");
    }
}
