//! `/wachtwoord-herstellen?token=…`: choosing a new password from a mailed link.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::auth::PasswordResetConfirm;
use shared::error::ErrorKind;
use shared::password_policy::PasswordPolicy;

use super::layout::AuthLayout;
use super::new_password::{NewPassword, NewPasswordFields};
use crate::api::{self, ApiError};
use crate::components::feedback::ErrorAlert;
use crate::components::icon::{Icon, IconName};
use crate::components::page_title::use_page_title;
use crate::i18n::use_i18n;
use crate::session::use_session;

/// The link cannot be used (any more); offers a new one.
#[component]
pub fn InvalidResetLink() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="card auth-card" data-testid="invalid-link">
            <span class="empty-state-icon"><Icon icon=IconName::Alert /></span>
            <h1>{move || i18n.t().accounts.link_invalid_title}</h1>
            <p>{move || i18n.t().accounts.reset_link_invalid}</p>
            <A href="/wachtwoord-vergeten" attr:class="button primary block" attr:data-testid="request-new-link">
                {move || i18n.t().accounts.request_new_link}
            </A>
            <A href="/inloggen" attr:class="back-link">
                <Icon icon=IconName::ChevronLeft />
                {move || i18n.t().accounts.back_to_sign_in}
            </A>
        </div>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let query = use_query_map();
    use_page_title(|t| t.accounts.reset_title.into());

    let token = query.with_untracked(|q| q.get("token")).filter(|t| !t.trim().is_empty());
    let invalid = RwSignal::new(token.is_none());
    let token = token.unwrap_or_default();
    // Reset links are for any account; the default policy is what the server applies.
    let policy = PasswordPolicy::default();
    let state = NewPassword::new();
    let error = RwSignal::new(None::<String>);

    let confirm = Action::new_local(move |request: &PasswordResetConfirm| {
        let request = request.clone();
        let navigate = navigate.clone();
        async move {
            match api::confirm_password_reset(&request).await {
                Ok(()) => {
                    // Every session of the account has just ended, this one too.
                    session.signed_out();
                    navigate("/inloggen?wachtwoord=gewijzigd", NavigateOptions::default());
                }
                Err(e) if is_invalid_link(&e) => invalid.set(true),
                Err(e) => {
                    let t = i18n.t();
                    match e.field_code("password") {
                        Some(code) => state.server_error.set(Some(
                            t.accounts.password_code(code, policy).unwrap_or_else(|| t.field_code(code, 0)),
                        )),
                        None if e.kind() == Some(ErrorKind::Validation) => {
                            state.server_error.set(Some(t.error_kind(ErrorKind::Validation).into()))
                        }
                        None => error.set(Some(t.api_error(&e))),
                    }
                    if let Some(input) = state.password_input.get_untracked() {
                        let _ = input.focus();
                    }
                }
            }
        }
    });
    let pending = confirm.pending();

    let submit_token = token.clone();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        if pending.get_untracked() || !state.ready() {
            return;
        }
        confirm.dispatch(PasswordResetConfirm {
            token: submit_token.clone(),
            password: state.password.get_untracked(),
        });
    };

    let form = move || {
        let token = token.clone();
        view! {
            <div class="card auth-card">
                <h1>{move || i18n.t().accounts.reset_title}</h1>
                <p class="lead">{move || i18n.t().accounts.reset_intro}</p>
                <ErrorAlert message=error testid="reset-error" />
                <form class="form" novalidate=true data-testid="reset-form" on:submit=on_submit.clone()>
                    <NewPasswordFields state=state token=token policy=policy />
                    <button
                        type="submit"
                        class="button primary block"
                        data-testid="reset-submit"
                        aria-disabled=move || pending.get().to_string()
                    >
                        {move || if pending.get() { i18n.t().accounts.saving } else { i18n.t().accounts.save_password }}
                    </button>
                </form>
                <A href="/inloggen" attr:class="back-link">
                    <Icon icon=IconName::ChevronLeft />
                    {move || i18n.t().accounts.back_to_sign_in}
                </A>
            </div>
        }
    };

    view! {
        <AuthLayout>
            <Show when=move || !invalid.get() fallback=InvalidResetLink>
                {form.clone()}
            </Show>
        </AuthLayout>
    }
}

/// Whether an error means the link is unusable rather than the input wrong:
/// the server names the token (`invalid_link`) for invalid, used and expired links.
pub fn is_invalid_link(error: &ApiError) -> bool {
    error.field_code("token").is_some()
}
