//! "Mijn account" (`/mijn-account`): password, contact details, authenticator
//! app, SMS codes, remembered browsers, sessions;
//! and the screen a restricted session must finish first (`/eerst-instellen`).

mod contact;
mod password;
mod qr;
mod remembered;
mod second_factor;
mod sessions;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

use crate::components::page_title::use_page_title;
use crate::i18n::use_i18n;
use crate::session::use_session;

use contact::{ContactSection, SmsSection};
use password::ChangePasswordForm;
use remembered::RememberedSection;
use second_factor::{TotpSection, TotpSetup};
use sessions::SessionsSection;

/// Where a restricted session is sent.
pub const FORCED_SETUP_PATH: &str = "/eerst-instellen";

#[component]
pub fn MyAccountPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.security.my_account_title.into());
    // A new mobile number changes what the SMS section offers.
    let contact_revision = RwSignal::new(0u32);
    view! {
        <div class="page account-page">
            <header class="page-header">
                <h1>{move || i18n.t().security.my_account_title}</h1>
                <p class="lead">{move || i18n.t().security.my_account_intro}</p>
            </header>
            <section class="card section-card" aria-labelledby="password-heading" data-testid="password-section">
                <h2 id="password-heading">{move || i18n.t().security.change_password_heading}</h2>
                <p class="help-text">{move || i18n.t().security.change_password_intro}</p>
                <ChangePasswordForm on_done=|| {} />
            </section>
            <ContactSection revision=contact_revision />
            <TotpSection />
            <SmsSection revision=contact_revision />
            <RememberedSection />
            <SessionsSection />
        </div>
    }
}

/// A temporary password to replace, then a second factor to set up (when
/// the organisation asks), then on to the dashboard.
#[component]
pub fn ForcedSetupPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let must_change = Memo::new(move |_| session.me().is_some_and(|me| me.must_change_password));
    let must_set_up = Memo::new(move |_| session.me().is_some_and(|me| me.must_set_up_second_factor));
    use_page_title(move |t| {
        if must_change.get() {
            t.security.forced_password_title.into()
        } else {
            t.security.forced_totp_title.into()
        }
    });

    // Nothing (left) to do: on to the dashboard.
    Effect::new(move || {
        if session.is_signed_in() && !session.is_restricted() {
            navigate("/", NavigateOptions { replace: true, ..Default::default() });
        }
    });

    // The server clears the flags; ask it again rather than guessing.
    let done = move || session.reload();

    view! {
        <div class="page forced-page">
            {move || if must_change.get() {
                view! {
                    <section class="card section-card" data-testid="forced-password">
                        <h1>{move || i18n.t().security.forced_password_title}</h1>
                        <p class="lead">{move || i18n.t().security.forced_password_intro}</p>
                        <ChangePasswordForm temporary=true on_done=done />
                    </section>
                }
                .into_any()
            } else if must_set_up.get() {
                view! {
                    <section class="card section-card" data-testid="forced-second-factor">
                        <h1>{move || i18n.t().security.forced_totp_title}</h1>
                        <p class="lead">{move || i18n.t().security.forced_totp_intro}</p>
                        <TotpSetup autostart=true on_done=done />
                    </section>
                }
                .into_any()
            } else {
                ().into_any()
            }}
        </div>
    }
}
