//! Where menu items for modules that are not built yet lead.

use leptos::prelude::*;
use leptos_router::components::{A, Redirect};
use leptos_router::hooks::use_params_map;

use crate::components::icon::Icon;
use crate::components::page_title::use_page_title;
use crate::i18n::use_i18n;
use crate::modules::Module;
use crate::pages::not_found::NotFoundContent;

#[component]
pub fn ComingSoonPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let module = Memo::new(move |_| params.with(|p| p.get("module").as_deref().and_then(Module::from_slug)));
    use_page_title(move |t| match module.get() {
        Some(m) => m.label(t).to_string(),
        None => t.not_found_title.to_string(),
    });

    move || {
        let t = i18n.t();
        match module.get() {
            // An old bookmark of a module that has been built since.
            Some(module) if module.is_built() => view! { <Redirect path=module.href() /> }.into_any(),
            Some(module) => view! {
                <div class="page">
                    <div class="card empty-state" data-testid="coming-soon">
                        <span class="empty-state-icon"><Icon icon=module.icon() /></span>
                        <h1>{format!("{} {}", module.label(t), t.coming_soon_suffix)}</h1>
                        <p class="lead">{module.about(t)}</p>
                        <p>{t.coming_soon_body}</p>
                        <A href="/" attr:class="button secondary">{t.back_to_overview}</A>
                    </div>
                </div>
            }
            .into_any(),
            None => view! { <NotFoundContent /> }.into_any(),
        }
    }
}
