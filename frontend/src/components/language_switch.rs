//! The NL | EN switch. Signed in, the choice is saved to the account so it
//! follows the person to other browsers; it is always remembered in this
//! browser so the sign-in page speaks it too.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::auth::Preferences;
use shared::i18n::Locale;

use crate::api;
use crate::i18n::use_i18n;
use crate::session::use_session;

/// Each language's name in that language, so a person who cannot read the
/// current one still finds their own.
fn native_name(locale: Locale) -> &'static str {
    match locale {
        Locale::Nl => "Nederlands",
        Locale::En => "English",
    }
}

/// A two-button language switch.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();

    let choose = move |locale: Locale| {
        if i18n.locale_untracked() == locale {
            return;
        }
        i18n.set_locale(locale);
        if !session.is_signed_in_untracked() {
            i18n.mark_chosen_while_signed_out(true);
            return;
        }
        spawn_local(async move {
            // A later click may have changed the language while this was on
            // its way; the newest choice wins.
            if let Ok(me) = api::save_preferences(&Preferences { locale }).await
                && i18n.locale_untracked() == me.locale
            {
                session.update(me);
            }
        });
    };

    view! {
        <div class="language-switch" role="group" aria-label=move || i18n.t().language>
            {[Locale::Nl, Locale::En]
                .into_iter()
                .map(|locale| {
                    view! {
                        <button
                            type="button"
                            class="language-option"
                            lang=locale.tag()
                            data-testid=format!("language-{}", locale.tag())
                            aria-pressed=move || (i18n.locale() == locale).to_string()
                            on:click=move |_| choose(locale)
                        >
                            {locale.tag().to_uppercase()}
                            <span class="visually-hidden">{format!(" ({})", native_name(locale))}</span>
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
