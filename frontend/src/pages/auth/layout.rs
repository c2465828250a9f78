//! The frame of the signed-out pages: brand, language, status and one card.

use leptos::prelude::*;

use crate::components::icon::Logo;
use crate::components::language_switch::LanguageSwitch;
use crate::components::skip_link::SkipLink;
use crate::components::status_banner::StatusBanner;
use crate::i18n::use_i18n;

/// Puts `children` (usually one `.card.auth-card`) under the status banner.
#[component]
pub fn AuthLayout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="auth-page">
            <SkipLink />
            <header class="auth-header">
                <span class="brand">
                    <Logo />
                    <span class="brand-name">"Poort"</span>
                </span>
                <LanguageSwitch />
            </header>
            <main id="main" class="auth-main" tabindex="-1">
                <div class="auth-column">
                    <StatusBanner />
                    {children()}
                    <p class="tagline">{move || i18n.t().app_tagline}</p>
                </div>
            </main>
        </div>
    }
}
