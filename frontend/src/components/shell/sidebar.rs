//! The module menu: a sidebar on desktop, a drawer on a phone.

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;

use super::organisation_switcher::OrganisationSwitcher;
use super::{MenuState, use_menu};
use crate::components::icon::{Icon, IconName};
use crate::i18n::use_i18n;
use crate::modules::Module;
use crate::session::use_session;

#[component]
pub fn Sidebar() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let menu = use_menu().unwrap_or(MenuState {
        collapsed: RwSignal::new(false),
        drawer_open: RwSignal::new(false),
        menu_button: NodeRef::new(),
    });
    let close_button = NodeRef::<html::Button>::new();

    // Opening the drawer moves focus into it, so keyboard and screen reader
    // users land where the new content is. Deferred to the next frame: the
    // drawer only becomes focusable once its `is-open` class is applied.
    Effect::new(move || {
        if menu.drawer_open.get() {
            request_animation_frame(move || {
                if let Some(button) = close_button.get_untracked() {
                    let _ = button.focus();
                }
            });
        }
    });

    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" && menu.drawer_open.get_untracked() {
            ev.prevent_default();
            menu.close_drawer();
        }
    };

    // When collapsed, the labels are hidden visually but stay the links'
    // accessible names; `title` gives mouse users a tooltip.
    let title_when_collapsed = move |label: &'static str| move || menu.collapsed.get().then_some(label);

    let modules = move || {
        let t = i18n.t();
        session
            .me()
            .map(|me| {
                Module::ALL
                    .into_iter()
                    .filter(|m| m.shown_to(&me))
                    .map(|module| {
                        let label = module.label(t);
                        view! {
                            <li>
                                <A href=module.href() attr:class="menu-link" attr:title=title_when_collapsed(label)>
                                    <Icon icon=module.icon() />
                                    <span class="menu-label">{label}</span>
                                    {(!module.is_built()).then(|| view! { <span class="badge soon-badge">{t.soon_badge}</span> })}
                                </A>
                            </li>
                        }
                    })
                    .collect_view()
            })
    };

    view! {
        <aside
            id="sidebar"
            class="sidebar"
            class:is-open=move || menu.drawer_open.get()
            data-testid="sidebar"
            on:keydown=on_keydown
        >
            <div class="sidebar-inner">
            <div class="drawer-header">
                <span class="drawer-title">{move || i18n.t().main_menu}</span>
                <button
                    type="button"
                    class="icon-button"
                    node_ref=close_button
                    data-testid="menu-close"
                    on:click=move |_| menu.close_drawer()
                >
                    <Icon icon=IconName::Close />
                    <span class="visually-hidden">{move || i18n.t().close_menu}</span>
                </button>
            </div>
            <div class="drawer-organisation">
                <OrganisationSwitcher id="organisation-drawer" />
            </div>
            <nav class="menu" aria-label=move || i18n.t().main_menu>
                <ul>
                    <li>
                        <A href="/" exact=true attr:class="menu-link" attr:title=title_when_collapsed(i18n.t().nav_overview)>
                            <Icon icon=IconName::Overview />
                            <span class="menu-label">{move || i18n.t().nav_overview}</span>
                        </A>
                    </li>
                    {modules}
                    // Also in the top bar's name, which phones do not show.
                    <li>
                        <A href="/mijn-account" attr:class="menu-link" attr:title=title_when_collapsed(i18n.t().security.my_account_title)>
                            <Icon icon=IconName::Lock />
                            <span class="menu-label">{move || i18n.t().security.my_account_title}</span>
                        </A>
                    </li>
                </ul>
            </nav>
            <button
                type="button"
                class="collapse-toggle"
                aria-controls="sidebar"
                aria-expanded=move || (!menu.collapsed.get()).to_string()
                data-testid="menu-collapse"
                on:click=move |_| menu.toggle_collapsed()
            >
                {move || if menu.collapsed.get() {
                    view! { <Icon icon=IconName::ChevronRight /> }
                } else {
                    view! { <Icon icon=IconName::ChevronLeft /> }
                }}
                <span class="menu-label">
                    {move || if menu.collapsed.get() { i18n.t().expand_menu } else { i18n.t().collapse_menu }}
                </span>
            </button>
            </div>
        </aside>
    }
}
