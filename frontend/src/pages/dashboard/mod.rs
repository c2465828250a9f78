//! The overview a person lands on after signing in.

use chrono::{Local, Timelike};
use leptos::prelude::*;
use leptos_router::components::A;
use shared::auth::Me;

use crate::components::icon::Icon;
use crate::components::page_title::use_page_title;
use crate::i18n::{Dict, use_i18n};
use crate::modules::Module;
use crate::pages::absence::AbsenceCards;
use crate::pages::hours::HoursCards;
use crate::session::use_session;

mod sections;
use sections::DashboardSections;

/// "Goedemorgen" until noon, "Goedemiddag" until six, then "Goedenavond".
fn greeting_for_hour(t: &Dict, hour: u32) -> &'static str {
    match hour {
        5..=11 => t.good_morning,
        12..=17 => t.good_afternoon,
        _ => t.good_evening,
    }
}

#[component]
pub fn DashboardPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    use_page_title(|t| t.nav_overview.into());

    move || {
        let me = session.me()?;
        let t = i18n.t();
        Some(view! { <Dashboard me=me t=t /> })
    }
}

#[component]
fn Dashboard(me: Me, t: &'static Dict) -> impl IntoView {
    let greeting = format!("{}, {}", greeting_for_hour(t, Local::now().hour()), me.name);
    let modules = Module::ALL
        .into_iter()
        .filter(|m| m.shown_to(&me))
        .map(|module| {
            view! {
                <li>
                    <A href=module.href() attr:class="module-card">
                        <span class="module-icon"><Icon icon=module.icon() /></span>
                        <span class="module-title">{module.label(t)}</span>
                        {(!module.is_built()).then(|| view! { <span class="badge soon-badge">{t.soon_badge}</span> })}
                        <span class="module-about">{module.about(t)}</span>
                    </A>
                </li>
            }
        })
        .collect_view();

    view! {
        <div class="page">
            <header class="page-header">
                <h1 data-testid="greeting">{greeting}</h1>
                <p class="lead">{t.dashboard_intro}</p>
            </header>
            <DashboardSections />
            <HoursCards me=me.clone() />
            <AbsenceCards me=me.clone() />
            <div class="dashboard-grid">
                <section class="card account-card" aria-labelledby="account-heading">
                    <h2 id="account-heading">{t.your_account}</h2>
                    <dl class="facts">
                        <div>
                            <dt>{t.name_label}</dt>
                            <dd data-testid="account-name">{me.name.clone()}</dd>
                        </div>
                        <div>
                            <dt>{t.email_label}</dt>
                            <dd class="break-anywhere">{me.email.clone()}</dd>
                        </div>
                        <div>
                            <dt>{t.organisation}</dt>
                            <dd data-testid="organisation">{me.organisation_name.clone()}</dd>
                        </div>
                        <div>
                            <dt>{t.role_label}</dt>
                            <dd>
                                <span data-testid="role">{t.role(me.role)}</span>
                                {me.main_contact.then(|| view! { <span class="badge">{t.main_contact}</span> })}
                                {me.helpdesk.then(|| view! { <span class="badge">{t.helpdesk}</span> })}
                            </dd>
                        </div>
                    </dl>
                </section>
                <section class="modules" aria-labelledby="modules-heading">
                    <h2 id="modules-heading">{t.modules_heading}</h2>
                    <p class="section-intro">{t.modules_intro}</p>
                    <ul class="module-grid">{modules}</ul>
                </section>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::NL;

    #[test]
    fn greeting_follows_the_time_of_day() {
        assert_eq!(greeting_for_hour(&NL, 8), "Goedemorgen");
        assert_eq!(greeting_for_hour(&NL, 12), "Goedemiddag");
        assert_eq!(greeting_for_hour(&NL, 20), "Goedenavond");
        assert_eq!(greeting_for_hour(&NL, 2), "Goedenavond");
    }
}
