//! The bar across the top: menu button (phone), brand, organisation,
//! language, the signed-in person and sign-out.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::organisation_switcher::OrganisationSwitcher;
use super::use_menu;
use crate::api;
use crate::components::icon::{Icon, IconName, Logo};
use crate::components::language_switch::LanguageSwitch;
use crate::i18n::use_i18n;
use crate::session::use_session;

#[component]
pub fn TopBar() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let menu = use_menu();
    let menu_button = menu.map(|m| m.menu_button).unwrap_or_default();
    let drawer_open = menu.map(|m| m.drawer_open).unwrap_or_else(|| RwSignal::new(false));
    let navigate = use_navigate();

    let sign_out = move |_| {
        let navigate = navigate.clone();
        spawn_local(async move {
            // Even if the server cannot be reached, the person asked to leave:
            // forget the session here; its cookies expire on their own.
            let _ = api::logout().await;
            session.signed_out();
            navigate("/inloggen", NavigateOptions { replace: true, ..Default::default() });
        });
    };

    view! {
        <header class="top-bar" inert=move || drawer_open.get()>
            <button
                type="button"
                class="icon-button menu-button"
                node_ref=menu_button
                aria-controls="sidebar"
                aria-expanded=move || drawer_open.get().to_string()
                data-testid="menu-button"
                on:click=move |_| drawer_open.set(true)
            >
                <Icon icon=IconName::Menu />
                <span class="visually-hidden">{move || i18n.t().open_menu}</span>
            </button>
            <A href="/" attr:class="brand">
                <Logo />
                <span class="brand-name">"Poort"</span>
            </A>
            <div class="top-bar-spacer"></div>
            <div class="top-bar-organisation">
                <OrganisationSwitcher id="organisation-top" />
            </div>
            <LanguageSwitch />
            // The person's name leads to "Mijn account"; the title says so to
            // mouse users, the hidden text to screen readers.
            <A href="/mijn-account" attr:class="user-chip" attr:data-testid="user-chip" attr:title=move || i18n.t().security.my_account_title>
                <span class="visually-hidden">{move || i18n.t().signed_in_as}" "</span>
                <span class="user-name">{move || session.me().map(|me| me.name)}</span>
                <span class="visually-hidden">{move || format!(" – {}", i18n.t().security.my_account_title)}</span>
            </A>
            <button type="button" class="button subtle sign-out" data-testid="sign-out" on:click=sign_out>
                <Icon icon=IconName::SignOut />
                <span class="sign-out-label">{move || i18n.t().sign_out}</span>
            </button>
        </header>
    }
}
