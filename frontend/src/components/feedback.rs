//! Messages after an action: an error alert and a success notice.
//!
//! Both containers are always in the page and only their content changes:
//! screen readers announce changes to a live region that already exists, not
//! one that appears together with its text.

use leptos::prelude::*;

use crate::components::icon::{Icon, IconName};

/// A red alert for a failed action; empty and hidden while `message` is `None`.
#[component]
pub fn ErrorAlert(#[prop(into)] message: Signal<Option<String>>, testid: &'static str) -> impl IntoView {
    view! {
        <div class="form-alert" class:is-visible=move || message.with(Option::is_some) role="alert" data-testid=testid>
            {move || message.get().map(|m| view! { <Icon icon=IconName::Alert /><p>{m}</p> })}
        </div>
    }
}

/// A green notice for a completed action; empty and hidden while `message` is
/// `None`. Its id is `testid`, so a page can move focus to it when the
/// control that was used disappeared with the change.
#[component]
pub fn SuccessNotice(#[prop(into)] message: Signal<Option<String>>, testid: &'static str) -> impl IntoView {
    view! {
        <div id=testid class="success-notice" class:is-visible=move || message.with(Option::is_some) role="status" tabindex="-1" data-testid=testid>
            {move || message.get().map(|m| view! { <Icon icon=IconName::Check /><p>{m}</p> })}
        </div>
    }
}
