//! The root: language and session in context, and the routes.
//!
//! Paths are Dutch, like the interface's default language: `/inloggen`,
//! `/uren/week/2026-W47`. Everything except the signed-out account pages
//! (sign-in, forgotten password, new password, activation) sits inside the
//! signed-in shell, which sends visitors without a session to `/inloggen`.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

use crate::components::shell::Shell;
use crate::components::status_banner::provide_status_revision;
use crate::i18n::provide_i18n;
use crate::pages::absence::{
    AbsenceIndex, AbsenceLayout, ActivitiesPage, CasePage, MyAbsencePage, OwnSickReportPage, ReportForPage,
};
use crate::pages::account::{ForcedSetupPage, MyAccountPage};
use crate::pages::admin::{
    AdminLayout, AdminOverview, AuditPage, ClientsPage, InvitationsPage, MembersPage, ProfessionalsPage,
    ProfilePage, SecurityPage, TeamPage, TeamsPage,
};
use crate::pages::auth::{ActivatePage, ForgotPasswordPage, ResetPasswordPage, SignInPage};
use crate::pages::coming_soon::ComingSoonPage;
use crate::pages::contracts::{ContractPage, ContractsPage, NewContractPage};
use crate::pages::dashboard::DashboardPage;
use crate::pages::employees::{
    ChangeRequestsPage, EmployeePage, EmployeesLayout, EmployeesPage, ImportPage, NewEmployeePage, ReviewPage,
};
use crate::pages::helpdesk::HelpdeskPage;
use crate::pages::hours::{
    ApprovalPage, ApprovalsPage, CorrectionsPage, DeclarationsPage, ExportsPage, HoursIndex, HoursLayout,
    HoursSettingsPage, WeekPage,
};
use crate::pages::my_details::MyDetailsPage;
use crate::pages::networks::{ClientPage, ClientsPage as NetworkClientsPage, NetworksLayout, NewClientPage};
use crate::pages::news::{NewsAdminPage, NewsPage};
use crate::pages::not_found::NotFoundPage;
use crate::pages::reports::{ManagementReportPage, StatisticsPage};
use crate::pages::{
    documents::DocumentsPage,
    payroll::{AccrualsPage, PaymentsPage, PayslipsPage},
    placements::{PhasePage, PlacementsPage},
};
use crate::session::provide_session;

#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    provide_session();
    provide_status_revision();

    view! {
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/inloggen") view=SignInPage />
                <Route path=path!("/wachtwoord-vergeten") view=ForgotPasswordPage />
                <Route path=path!("/wachtwoord-herstellen") view=ResetPasswordPage />
                <Route path=path!("/activeren") view=ActivatePage />
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("") view=DashboardPage />
                    <ParentRoute path=path!("beheer") view=AdminLayout>
                        <Route path=path!("") view=AdminOverview />
                        <Route path=path!("uitnodigingen") view=InvitationsPage />
                        <Route path=path!("rechten") view=MembersPage />
                        <Route path=path!("beveiliging") view=SecurityPage />
                        <Route path=path!("koppelingen") view=ClientsPage />
                        <Route path=path!("audit") view=AuditPage />
                        <Route path=path!("uren") view=HoursSettingsPage />
                        <Route path=path!("professionals") view=ProfessionalsPage />
                        <Route path=path!("teams") view=TeamsPage />
                        <Route path=path!("organisatie") view=ProfilePage />
                    </ParentRoute>
                    <ParentRoute path=path!("uren") view=HoursLayout>
                        <Route path=path!("") view=HoursIndex />
                        <Route path=path!("week/:week") view=WeekPage />
                        <Route path=path!("declaraties") view=DeclarationsPage />
                        <Route path=path!("goedkeuren") view=ApprovalsPage />
                        <Route path=path!("goedkeuren/:id") view=ApprovalPage />
                        <Route path=path!("weken/:id") view=ApprovalPage />
                        <Route path=path!("correcties") view=CorrectionsPage />
                        <Route path=path!("export") view=ExportsPage />
                    </ParentRoute>
                    // The case's path last: a fixed segment wins over an id.
                    <ParentRoute path=path!("verzuim") view=AbsenceLayout>
                        <Route path=path!("") view=AbsenceIndex />
                        <Route path=path!("mijn") view=MyAbsencePage />
                        <Route path=path!("ziek-melden") view=OwnSickReportPage />
                        <Route path=path!("medewerker-ziek-melden") view=ReportForPage />
                        <Route path=path!("activiteiten") view=ActivitiesPage />
                        <Route path=path!(":id") view=CasePage />
                    </ParentRoute>
                    <ParentRoute path=path!("netwerken") view=NetworksLayout>
                        <Route path=path!("") view=NetworkClientsPage />
                        <Route path=path!("nieuw") view=NewClientPage />
                        <Route path=path!(":id") view=ClientPage />
                    </ParentRoute>
                    // Issue 6: contracts and news.
                    <Route path=path!("contracten") view=ContractsPage />
                    <Route path=path!("contracten/nieuw") view=NewContractPage />
                    <Route path=path!("contracten/:id") view=ContractPage />
                    <Route path=path!("nieuws") view=NewsPage />
                    <Route path=path!("nieuws/beheer") view=NewsAdminPage />
                    // Employee records (issue 6): the employer's pages, the employee's own data.
                    <ParentRoute path=path!("medewerkers") view=EmployeesLayout>
                        <Route path=path!("") view=EmployeesPage />
                        <Route path=path!("import") view=ImportPage />
                        <Route path=path!("controle") view=ReviewPage />
                        <Route path=path!("wijzigingsverzoeken") view=ChangeRequestsPage />
                        <Route path=path!("nieuw") view=NewEmployeePage />
                        <Route path=path!(":id") view=EmployeePage />
                    </ParentRoute>
                    <Route path=path!("mijn-gegevens") view=MyDetailsPage />
                    // Absence statistics (issue 7).
                    <Route path=path!("rapportages") view=StatisticsPage />
                    <Route path=path!("rapportages/verzuim/managementrapportage") view=ManagementReportPage />
                    // Self-service (issue 6).
                    <Route path=path!("documenten") view=DocumentsPage />
                    <Route path=path!("loonstroken") view=PayslipsPage />
                    <Route path=path!("reserveringen") view=AccrualsPage />
                    <Route path=path!("betalingen") view=PaymentsPage />
                    <Route path=path!("plaatsingen") view=PlacementsPage />
                    <Route path=path!("fase") view=PhasePage />
                    <Route path=path!("mijn-account") view=MyAccountPage />
                    <Route path=path!("eerst-instellen") view=ForcedSetupPage />
                    <Route path=path!("helpdesk") view=HelpdeskPage />
                    <Route path=path!("teams/:id") view=TeamPage />
                    <Route path=path!("binnenkort/:module") view=ComingSoonPage />
                    <Route path=path!("*any") view=NotFoundPage />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
