//! Verzuim: the employee's own absence (`/verzuim/mijn`, `/verzuim/ziek-melden`),
//! the cases an employer or the arbodienst follows (`/verzuim`), the dossier
//! view of every activity (`/verzuim/activiteiten`), reporting an employee sick
//! (`/verzuim/medewerker-ziek-melden`), one case (`/verzuim/{id}`, the link in
//! the mails) and the cards on the dashboard.
//!
//! The server decides what anyone may do (`AbsenceCase.may`, roles and the
//! right to report absence); these pages only leave out doors that would not
//! open. Nothing medical is ever shown outside the physician's own section.

mod activities;
mod case;
mod cases;
mod dashboard;
mod documents;
mod facts;
pub mod fields;
mod mine;
mod physician;
mod recovery;
mod report;
mod timeline;

use chrono::{NaiveDate, Utc};
use chrono_tz::Europe::Amsterdam;
use leptos::prelude::*;
use leptos_router::components::Outlet;
use shared::absence::{ActivityState, CaseStatus};
use shared::auth::{Me, Right, Role};
use uuid::Uuid;

pub use activities::ActivitiesPage;
pub use case::CasePage;
pub use cases::CasesPage;
pub use dashboard::AbsenceCards;
pub use mine::MyAbsencePage;
pub use report::{OwnSickReportPage, ReportForPage};

use crate::components::sub_nav::SubNav;
use crate::i18n::{Dict, use_i18n};
use crate::session::use_session;

/// Whether this person works at the arbodienst (case manager or physician).
pub fn is_arbodienst(me: &Me) -> bool {
    matches!(me.role, Role::CaseManager | Role::OccupationalPhysician)
}

/// Whether this person reports others sick: the right to report absence, outside the arbodienst.
pub fn reports_for_others(me: &Me) -> bool {
    !is_arbodienst(me) && me.rights.contains(&Right::ReportAbsence)
}

/// Whether this person follows other people's cases (employer or arbodienst).
pub fn follows_cases(me: &Me) -> bool {
    is_arbodienst(me) || reports_for_others(me)
}

/// Today in the Netherlands: the calendar the law counts in.
pub fn today() -> NaiveDate {
    Utc::now().with_timezone(&Amsterdam).date_naive()
}

/// The deep link to a case (the mails use the same).
pub fn case_href(id: Uuid) -> String {
    format!("/verzuim/{id}")
}

/// The absence tabs this person gets: path and label.
fn tabs(me: &Me, t: &'static Dict) -> Vec<(&'static str, &'static str)> {
    let a = t.absence;
    let mut tabs = Vec::new();
    if follows_cases(me) {
        tabs.push(("/verzuim", a.tab_cases));
        tabs.push(("/verzuim/activiteiten", a.tab_activities));
    }
    if reports_for_others(me) {
        tabs.push(("/verzuim/medewerker-ziek-melden", a.tab_report_for));
        tabs.push(("/verzuim/mijn", a.tab_mine));
    }
    tabs
}

/// Whether the tab at `href` is the page at `path`: the case list also covers the cases.
fn tab_is_current(href: &str, path: &str) -> bool {
    if href == "/verzuim" {
        path == "/verzuim" || path.strip_prefix("/verzuim/").is_some_and(|rest| rest.parse::<Uuid>().is_ok())
    } else {
        path == href || (href == "/verzuim/mijn" && path == "/verzuim/ziek-melden")
    }
}

/// The tabs above every absence page.
#[component]
pub fn AbsenceLayout() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    view! {
        <div class="page absence-page">
            <SubNav
                tabs=Signal::derive(move || session.me().map(|me| tabs(&me, i18n.t())).unwrap_or_default())
                label=Signal::derive(move || i18n.t().absence.sections)
                testid="absence-nav"
                is_current=tab_is_current
            />
            <Outlet />
        </div>
    }
}

/// `/verzuim`: the case list for those who follow cases, else one's own absence.
#[component]
pub fn AbsenceIndex() -> impl IntoView {
    let session = use_session();
    // Only what decides the page, so a new language does not reset a form.
    let follows = Memo::new(move |_| session.me().map(|me| follows_cases(&me)));
    move || {
        Some(match follows.get()? {
            true => view! { <CasesPage /> }.into_any(),
            false => view! { <MyAbsencePage /> }.into_any(),
        })
    }
}

/// An activity's state as a badge.
#[component]
pub fn StateBadge(state: ActivityState) -> impl IntoView {
    let i18n = use_i18n();
    let class = match state {
        ActivityState::Done => "badge badge-ok",
        ActivityState::Open => "badge badge-pending",
        ActivityState::Overdue => "badge badge-danger",
        ActivityState::Closed => "badge badge-muted",
    };
    view! { <span class=class data-testid="state-badge" data-state=state.as_str()>{move || i18n.t().absence.state(state)}</span> }
}

/// A case's status as a badge.
#[component]
pub fn CaseStatusBadge(status: CaseStatus) -> impl IntoView {
    let i18n = use_i18n();
    let class = match status {
        CaseStatus::Open => "badge badge-pending",
        CaseStatus::Closed => "badge badge-muted",
    };
    view! { <span class=class data-testid="case-status" data-status=status.as_str()>{move || i18n.t().absence.status(status)}</span> }
}

#[cfg(test)]
mod tests {
    use super::tab_is_current;

    #[test]
    fn the_case_list_tab_covers_the_cases() {
        assert!(tab_is_current("/verzuim", "/verzuim"));
        assert!(tab_is_current("/verzuim", "/verzuim/0190f1c2-7a3b-7c4d-8e5f-6a7b8c9d0e1f"));
        assert!(!tab_is_current("/verzuim", "/verzuim/activiteiten"));
        assert!(tab_is_current("/verzuim/activiteiten", "/verzuim/activiteiten"));
        assert!(tab_is_current("/verzuim/mijn", "/verzuim/ziek-melden"));
    }
}
