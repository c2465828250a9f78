//! "Beheer": invitations, members' roles and rights, and the audit log of the
//! organisation. Everything here needs the *manage rights* right; the server
//! checks it on every call, the pages only avoid showing doors that will not
//! open.

mod audit;
mod clients;
mod invitations;
mod members;
mod professionals;
mod profile;
mod security;
mod teams;

use leptos::prelude::*;
use leptos_router::components::{A, Outlet};
use shared::auth::Right;
use shared::error::ErrorKind;

pub use audit::{AuditPage, short_user_agent};
pub use clients::ClientsPage;
pub use invitations::{InvitationsPage, InviteForm, InviteMode};
pub use members::MembersPage;
pub use professionals::ProfessionalsPage;
pub use profile::{ProfileFields, ProfileForm, ProfilePage};
pub use security::SecurityPage;
pub use teams::{TeamPage, TeamsPage};

use crate::components::icon::{Icon, IconName};
use crate::components::page_title::use_page_title;
use crate::i18n::{Dict, use_i18n};
use crate::session::use_session;

/// The sections, in tab order: path, title, one line about it, icon.
fn sections(t: &'static Dict) -> [(&'static str, &'static str, &'static str, IconName); 9] {
    let (a, s, h, c) = (t.admin, t.security, t.hours, t.care);
    [
        ("/beheer/professionals", c.professionals_title, c.professionals_about, IconName::MyDetails),
        ("/beheer/teams", c.teams, c.teams_about, IconName::Network),
        ("/beheer/organisatie", c.profile_title, c.profile_about, IconName::Building),
        ("/beheer/uitnodigingen", a.invitations_title, a.invitations_about, IconName::Send),
        ("/beheer/rechten", a.members_title, a.members_about, IconName::Network),
        ("/beheer/beveiliging", s.security_title, s.security_about, IconName::Lock),
        ("/beheer/koppelingen", s.clients_title, s.clients_about, IconName::Building),
        ("/beheer/uren", h.settings_title, h.settings_about, IconName::Hours),
        ("/beheer/audit", a.audit_title, a.audit_about, IconName::Documents),
    ]
}

/// The tabs above every administration page, or "no access".
#[component]
pub fn AdminLayout() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let allowed = Memo::new(move |_| session.me().is_some_and(|me| me.rights.contains(&Right::ManageRights)));

    view! {
        <Show when=move || allowed.get() fallback=|| view! { <NoAccess /> }>
            <div class="page admin-page">
                <nav class="sub-nav" aria-label=move || i18n.t().admin.admin_sections data-testid="admin-nav">
                    <ul>
                        {move || sections(i18n.t())
                            .into_iter()
                            .map(|(href, title, _, icon)| view! {
                                <li>
                                    <A href=href attr:class="sub-nav-link">
                                        <Icon icon=icon />
                                        <span>{title}</span>
                                    </A>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                </nav>
                <Outlet />
            </div>
        </Show>
    }
}

/// `/beheer`: the sections as cards.
#[component]
pub fn AdminOverview() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.admin.admin_title.into());
    move || {
        let t = i18n.t();
        view! {
            <header class="page-header">
                <h1>{t.admin.admin_title}</h1>
                <p class="lead">{t.admin.admin_intro}</p>
            </header>
            <ul class="module-grid">
                {sections(t)
                    .into_iter()
                    .map(|(href, title, about, icon)| view! {
                        <li>
                            <A href=href attr:class="module-card">
                                <span class="module-icon"><Icon icon=icon /></span>
                                <span class="module-title">{title}</span>
                                <span class="module-about">{about}</span>
                            </A>
                        </li>
                    })
                    .collect_view()}
            </ul>
        }
    }
}

/// Shown instead of a page the person lacks the right for; `helpdesk` for
/// the helpdesk's pages, which need a helpdesk account instead of a right.
#[component]
pub fn NoAccess(#[prop(optional)] helpdesk: bool) -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.admin.no_access_title.into());
    view! {
        <div class="page">
            <div class="card empty-state" data-testid="no-access">
                <span class="empty-state-icon"><Icon icon=IconName::Alert /></span>
                <h1>{move || i18n.t().admin.no_access_title}</h1>
                <p>{move || if helpdesk { i18n.t().error_kind(ErrorKind::Forbidden) } else { i18n.t().admin.no_access_body }}</p>
                <A href="/" attr:class="button secondary">{move || i18n.t().back_to_overview}</A>
            </div>
        </div>
    }
}
