//! The root: language and session in context, and the routes.
//!
//! Paths are Dutch, like the interface's default language: `/inloggen`,
//! `/binnenkort/uren`. Everything except the sign-in page sits inside the
//! signed-in shell, which sends visitors without a session to `/inloggen`.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

use crate::components::shell::Shell;
use crate::i18n::provide_i18n;
use crate::pages::auth::SignInPage;
use crate::pages::coming_soon::ComingSoonPage;
use crate::pages::dashboard::DashboardPage;
use crate::pages::not_found::NotFoundPage;
use crate::session::provide_session;

#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    provide_session();

    view! {
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/inloggen") view=SignInPage />
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("") view=DashboardPage />
                    <Route path=path!("binnenkort/:module") view=ComingSoonPage />
                    <Route path=path!("*any") view=NotFoundPage />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
