//! Uren: the worker's week (`/uren`, `/uren/week/2026-W47`), the declarations
//! list (`/uren/declaraties`), approvals (`/uren/goedkeuren`), corrections
//! (`/uren/correcties`), exports (`/uren/export`), the settings under "Beheer"
//! (`/beheer/uren`) and the cards on the dashboard.
//!
//! The server decides what anyone may do (`Timesheet.may`, roles and rights);
//! these pages only leave out doors that would not open.

mod approvals;
mod corrections;
mod dashboard;
mod declarations;
mod exports;
mod lines;
mod settings;
mod view;
mod week;

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Amsterdam;
use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect};
use shared::auth::{Me, Right, Role};
use shared::hours::{IsoWeek, WeekStatus, view_of};

pub use approvals::{ApprovalPage, ApprovalsPage};
pub use corrections::CorrectionsPage;
pub use dashboard::HoursCards;
pub use declarations::DeclarationsPage;
pub use exports::ExportsPage;
pub use settings::HoursSettingsPage;
pub use week::WeekPage;

use crate::components::sub_nav::SubNav;
use crate::i18n::{Dict, use_i18n};
use crate::pages::admin::NoAccess;
use crate::session::use_session;

/// Whether this person keeps weekly timesheets of their own. Workers do; the
/// people who approve, plan and administer look at other people's weeks.
pub fn keeps_timesheets(me: &Me) -> bool {
    me.role == Role::Employee
}

/// Whether this person makes exports for payroll and billing.
pub fn exports_hours(me: &Me) -> bool {
    me.rights.contains(&Right::ManageEmployeeData)
}

/// The week that contains today, in Dutch time.
pub fn current_week() -> IsoWeek {
    IsoWeek::of(Utc::now().with_timezone(&Amsterdam).date_naive())
}

/// The deep link to one of the worker's weeks (reminder mails use the same).
pub fn week_href(week: IsoWeek) -> String {
    format!("/uren/week/{week}")
}

/// The hours tabs this person gets: path and label.
fn tabs(me: &Me, t: &'static Dict) -> Vec<(&'static str, &'static str)> {
    let h = t.hours;
    let view = view_of(me.role);
    let mut tabs = Vec::new();
    if keeps_timesheets(me) {
        tabs.push(("/uren", h.tab_week));
        tabs.push(("/uren/declaraties", h.tab_declarations));
    }
    if view.approves {
        tabs.push(("/uren/goedkeuren", h.tab_approvals));
    }
    if view.corrects {
        tabs.push(("/uren/correcties", h.tab_corrections));
    }
    if exports_hours(me) {
        tabs.push(("/uren/export", h.tab_export));
    }
    tabs
}

/// Whether the tab at `href` is the page at `path`.
fn tab_is_current(href: &str, path: &str) -> bool {
    if href == "/uren" {
        path == "/uren" || path.starts_with("/uren/week/")
    } else {
        path == href || path.starts_with(&format!("{href}/"))
    }
}

/// The tabs above every hours page.
#[component]
pub fn HoursLayout() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    view! {
        <div class="page hours-page">
            <SubNav
                tabs=Signal::derive(move || session.me().map(|me| tabs(&me, i18n.t())).unwrap_or_default())
                label=Signal::derive(move || i18n.t().hours.sections)
                testid="hours-nav"
                is_current=tab_is_current
            />
            <Outlet />
        </div>
    }
}

/// `/uren`: a worker's current week; others go to their first tab.
#[component]
pub fn HoursIndex() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    // Only what decides the page, so a new language (which updates the
    // session) does not throw away lines being typed.
    let target = Memo::new(move |_| {
        let me = session.me()?;
        Some(if keeps_timesheets(&me) {
            None
        } else {
            Some(tabs(&me, i18n.t()).first().map(|(href, _)| *href))
        })
    });
    move || {
        Some(match target.get()? {
            None => view! { <WeekPage /> }.into_any(),
            Some(Some(href)) => view! { <Redirect path=href /> }.into_any(),
            Some(None) => view! { <NoAccess /> }.into_any(),
        })
    }
}

/// Seed 002's status name as a badge, with "te laat" beside it when late.
#[component]
pub fn StatusBadge(status: WeekStatus, #[prop(optional)] late: bool) -> impl IntoView {
    let i18n = use_i18n();
    let class = match status {
        WeekStatus::Open => "badge badge-pending",
        WeekStatus::Submitted => "badge",
        WeekStatus::Rejected => "badge badge-danger",
        WeekStatus::Approved => "badge badge-ok",
        WeekStatus::Processed => "badge badge-muted",
    };
    view! {
        <span class="status-badges">
            <span class=class data-testid="week-status-badge" data-status=status.as_str()>{move || i18n.t().hours.status(status)}</span>
            {late.then(|| view! { <span class="badge badge-danger" data-testid="late-badge">{move || i18n.t().hours.late}</span> })}
        </span>
    }
}

/// The time left until `deadline`, kept up to date every half minute.
#[component]
pub fn Countdown(deadline: DateTime<Utc>) -> impl IntoView {
    let i18n = use_i18n();
    let now = RwSignal::new(Utc::now());
    if let Ok(handle) =
        set_interval_with_handle(move || now.set(Utc::now()), std::time::Duration::from_secs(30))
    {
        on_cleanup(move || handle.clear());
    }
    let past = move || now.get() >= deadline;
    view! {
        <span class="countdown" class:is-past=past data-testid="countdown">
            {move || i18n.t().hours.countdown(deadline - now.get())}
        </span>
    }
}

/// Shown on a list page the person has no business with.
#[component]
pub fn RequireHours(#[prop(into)] allowed: Signal<bool>, children: ChildrenFn) -> impl IntoView {
    let children = StoredValue::new(children);
    view! {
        <Show when=move || allowed.get() fallback=|| view! { <NoAccess /> }>
            {children.read_value()()}
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::{tab_is_current, week_href};

    #[test]
    fn the_week_tab_covers_every_week() {
        assert!(tab_is_current("/uren", "/uren"));
        assert!(tab_is_current("/uren", "/uren/week/2026-W47"));
        assert!(!tab_is_current("/uren", "/uren/declaraties"));
        assert!(tab_is_current("/uren/goedkeuren", "/uren/goedkeuren/0190"));
        assert!(!tab_is_current("/uren/goedkeuren", "/uren/goedkeurenx"));
        assert_eq!(week_href("2026-W47".parse().unwrap_or_else(|_| unreachable!())), "/uren/week/2026-W47");
    }
}
