//! The tabs above the pages of one module (Uren, Verzuim, Netwerken): plain links
//! the router still handles, with `aria-current` on the page shown. Shown only
//! when there is more than one tab.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// One tab: where it leads and its label.
pub type Tab = (&'static str, &'static str);

/// The tab bar; `is_current(href, path)` says which tab covers the current path
/// (a list tab also covers its detail pages).
#[component]
pub fn SubNav(
    #[prop(into)] tabs: Signal<Vec<Tab>>,
    #[prop(into)] label: Signal<&'static str>,
    testid: &'static str,
    is_current: fn(&str, &str) -> bool,
) -> impl IntoView {
    let location = use_location();
    move || {
        let tabs = tabs.get();
        (tabs.len() > 1).then(|| {
            view! {
                <nav class="sub-nav" aria-label=move || label.get() data-testid=testid>
                    <ul>
                        {tabs
                            .into_iter()
                            .map(|(href, text)| view! {
                                <li>
                                    <a
                                        href=href
                                        class="sub-nav-link"
                                        aria-current=move || location.pathname.with(|p| is_current(href, p)).then_some("page")
                                    >
                                        {text}
                                    </a>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                </nav>
            }
        })
    }
}
