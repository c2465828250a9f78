//! The frame around every signed-in page: top bar, module menu, status banner.
//!
//! On a desktop the menu is a sidebar that can be collapsed to icons (the
//! choice is remembered). On a phone it is a drawer the menu button opens;
//! while it is open the rest of the page is `inert`, so keyboard focus stays
//! in the drawer, and Escape or the close button returns focus to the menu
//! button.

mod organisation_switcher;
mod sidebar;
mod top_bar;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::Outlet;
use leptos_router::hooks::{use_location, use_navigate};

use crate::browser;
use crate::components::skip_link::SkipLink;
use crate::components::status_banner::StatusBanner;
use crate::i18n::use_i18n;
use crate::pages::account::FORCED_SETUP_PATH;
use crate::session::{Session, use_session};

use sidebar::Sidebar;
use top_bar::TopBar;

const MENU_COLLAPSED_KEY: &str = "poort.menu.collapsed";

/// Only simple app paths are carried through the sign-in page, so the
/// `terug` parameter can never point elsewhere or need escaping.
pub fn is_safe_return_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && path.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_'))
}

/// The menu's open/collapsed state, shared by the top bar and the sidebar.
#[derive(Clone, Copy)]
pub struct MenuState {
    /// Desktop: the sidebar shows icons only.
    pub collapsed: RwSignal<bool>,
    /// Phone: the drawer is open.
    pub drawer_open: RwSignal<bool>,
    /// Where focus returns when the drawer closes.
    pub menu_button: NodeRef<html::Button>,
}

impl MenuState {
    /// Closes the phone drawer and puts focus back on the menu button.
    pub fn close_drawer(&self) {
        if self.drawer_open.get_untracked() {
            self.drawer_open.set(false);
            // The top bar stops being inert only when the view updates.
            let menu_button = self.menu_button;
            request_animation_frame(move || {
                if let Some(button) = menu_button.get_untracked() {
                    let _ = button.focus();
                }
            });
        }
    }

    /// Collapses or expands the desktop sidebar and remembers the choice.
    pub fn toggle_collapsed(&self) {
        let collapsed = !self.collapsed.get_untracked();
        self.collapsed.set(collapsed);
        browser::local_storage_set(MENU_COLLAPSED_KEY, if collapsed { "1" } else { "0" });
    }
}

/// The signed-in frame; sends anyone who is not signed in to the sign-in page.
#[component]
pub fn Shell() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let location = use_location();

    Effect::new(move || {
        if !matches!(session.get(), Session::SignedOut | Session::Expired) {
            return;
        }
        // Signing out navigates by itself; do not send it round again.
        let path = location.pathname.get_untracked();
        if path.starts_with("/inloggen") {
            return;
        }
        // Bring the person back here after signing in.
        let target = if path != "/" && is_safe_return_path(&path) {
            format!("/inloggen?terug={path}")
        } else {
            "/inloggen".to_string()
        };
        navigate(&target, NavigateOptions { replace: true, ..Default::default() });
    });

    // A temporary password or a required second factor comes first: the
    // server refuses everything else until then.
    let navigate_restricted = use_navigate();
    Effect::new(move || {
        if session.is_restricted() && location.pathname.get() != FORCED_SETUP_PATH {
            navigate_restricted(FORCED_SETUP_PATH, NavigateOptions { replace: true, ..Default::default() });
        }
    });

    let signed_in = Memo::new(move |_| session.is_signed_in());
    view! {
        <Show when=move || signed_in.get() fallback=LoadingScreen>
            <ShellLayout />
        </Show>
    }
}

/// Shown while the session is being checked.
#[component]
fn LoadingScreen() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="loading-screen" role="status">
            <span class="spinner" aria-hidden="true"></span>
            <span>{move || i18n.t().loading}</span>
        </div>
    }
}

#[component]
fn ShellLayout() -> impl IntoView {
    let menu = MenuState {
        collapsed: RwSignal::new(browser::local_storage_get(MENU_COLLAPSED_KEY).as_deref() == Some("1")),
        drawer_open: RwSignal::new(false),
        menu_button: NodeRef::new(),
    };
    provide_context(menu);

    // Following a link closes the drawer.
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            menu.drawer_open.set(false);
        }
        path
    });

    // Growing past the phone layout with the drawer open would leave the page
    // inert behind a drawer that is no longer drawn.
    let resize = window_event_listener(ev::resize, move |_| {
        if menu.drawer_open.get_untracked() && !browser::is_narrow_viewport() {
            menu.drawer_open.set(false);
        }
    });
    on_cleanup(move || resize.remove());

    let drawer_open = menu.drawer_open;
    view! {
        <SkipLink />
        <div class="shell" class:menu-collapsed=move || menu.collapsed.get() class:drawer-open=move || drawer_open.get()>
            <TopBar />
            <Sidebar />
            <div class="drawer-backdrop" aria-hidden="true" on:click=move |_| menu.close_drawer()></div>
            <main id="main" class="main" tabindex="-1" inert=move || drawer_open.get()>
                <StatusBanner />
                <Outlet />
            </main>
        </div>
    }
}

/// The menu state from context.
pub fn use_menu() -> Option<MenuState> {
    use_context::<MenuState>()
}

#[cfg(test)]
mod tests {
    use super::is_safe_return_path;

    #[test]
    fn only_plain_app_paths_are_returned_to() {
        assert!(is_safe_return_path("/binnenkort/uren"));
        assert!(!is_safe_return_path("//evil.example"));
        assert!(!is_safe_return_path("https://evil.example"));
        assert!(!is_safe_return_path("/a?b=c"));
        assert!(!is_safe_return_path("binnenkort"));
    }
}
