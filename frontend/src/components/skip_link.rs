//! "Naar de inhoud": the first thing a keyboard user reaches on every page.

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::use_i18n;

/// Skips the header and menu. The router would treat `#main` as a
/// navigation and leave focus where it was, so the click moves focus itself.
#[component]
pub fn SkipLink() -> impl IntoView {
    let i18n = use_i18n();
    let skip = |ev: MouseEvent| {
        ev.prevent_default();
        let main = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("main"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(main) = main {
            let _ = main.focus();
        }
    };
    view! {
        <a class="skip-link" href="#main" data-testid="skip-link" on:click=skip>
            {move || i18n.t().skip_to_content}
        </a>
    }
}
