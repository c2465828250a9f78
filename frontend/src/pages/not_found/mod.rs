//! For addresses that lead nowhere.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::icon::{Icon, IconName};
use crate::components::page_title::use_page_title;
use crate::i18n::use_i18n;

/// A page-level "not found", with its title.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    use_page_title(|t| t.not_found_title.into());
    view! { <NotFoundContent /> }
}

/// The "not found" message, for pages that find out late that there is nothing to show.
#[component]
pub fn NotFoundContent() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="page">
            <div class="card empty-state" data-testid="not-found">
                <span class="empty-state-icon"><Icon icon=IconName::Alert /></span>
                <h1>{move || i18n.t().not_found_title}</h1>
                <p>{move || i18n.t().not_found_body}</p>
                <A href="/" attr:class="button secondary">{move || i18n.t().back_to_overview}</A>
            </div>
        </div>
    }
}
