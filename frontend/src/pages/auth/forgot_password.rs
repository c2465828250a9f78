//! "Wachtwoord vergeten": asks for a reset link by mail.
//!
//! The answer is the same whether or not the address has an account (the
//! server answers 202 either way), so the page cannot be used to find out
//! who uses Poort.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use shared::validation::{FieldProblem, check_email};

use super::layout::AuthLayout;
use crate::api;
use crate::components::feedback::ErrorAlert;
use crate::components::icon::{Icon, IconName};
use crate::components::page_title::use_page_title;
use crate::i18n::use_i18n;

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.accounts.forgot_title.into());

    let email = RwSignal::new(String::new());
    let judged = RwSignal::new(false);
    let sent = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let email_input = NodeRef::<html::Input>::new();
    let sent_heading = NodeRef::<html::H1>::new();

    let problem = Memo::new(move |_| email.with(|e| check_email(e).err()));
    let email_error = Signal::derive(move || {
        let t = i18n.t();
        judged.get().then(|| problem.get()).flatten().map(|p| match p {
            FieldProblem::Required => t.email_required.to_string(),
            other => t.field_problem(other),
        })
    });

    let request = Action::new_local(move |address: &String| {
        let address = address.clone();
        async move {
            match api::request_password_reset(&address).await {
                Ok(()) => {
                    sent.set(true);
                    // The form is replaced: move focus to the news.
                    request_animation_frame(move || {
                        if let Some(heading) = sent_heading.get_untracked() {
                            let _ = heading.focus();
                        }
                    });
                }
                Err(e) => error.set(Some(i18n.t().api_error(&e))),
            }
        }
    });
    let pending = request.pending();

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        judged.set(true);
        error.set(None);
        if problem.get_untracked().is_some() {
            if let Some(input) = email_input.get_untracked() {
                let _ = input.focus();
            }
            return;
        }
        request.dispatch(email.get_untracked().trim().to_string());
    };

    let form = move || {
        view! {
            <h1>{move || i18n.t().accounts.forgot_title}</h1>
            <p class="lead">{move || i18n.t().accounts.forgot_intro}</p>
            <ErrorAlert message=error testid="forgot-error" />
            <form class="form" novalidate=true data-testid="forgot-form" on:submit=on_submit>
                <div class="field" class:has-error=move || email_error.with(Option::is_some)>
                    <label for="email">{move || i18n.t().email_label}</label>
                    <input
                        id="email"
                        name="email"
                        type="email"
                        inputmode="email"
                        autocomplete="username"
                        autocapitalize="none"
                        spellcheck="false"
                        required=true
                        node_ref=email_input
                        prop:value=move || email.get()
                        aria-invalid=move || email_error.with(Option::is_some).to_string()
                        aria-describedby=move || email_error.with(Option::is_some).then_some("email-error")
                        on:input=move |ev| email.set(event_target_value(&ev))
                        on:blur=move |_| {
                            if !email.get_untracked().trim().is_empty() {
                                judged.set(true);
                            }
                        }
                    />
                    {move || email_error.get().map(|message| view! {
                        <p id="email-error" class="field-error" data-testid="email-error">{message}</p>
                    })}
                </div>
                <button
                    type="submit"
                    class="button primary block"
                    data-testid="forgot-submit"
                    aria-disabled=move || pending.get().to_string()
                >
                    {move || if pending.get() { i18n.t().accounts.sending } else { i18n.t().accounts.forgot_submit }}
                </button>
            </form>
        }
    };

    let confirmation = move || {
        view! {
            <span class="empty-state-icon"><Icon icon=IconName::Mail /></span>
            <h1 tabindex="-1" node_ref=sent_heading>{move || i18n.t().accounts.forgot_sent_title}</h1>
            <p role="status" data-testid="forgot-sent">{move || i18n.t().accounts.forgot_sent_body}</p>
            <p class="help-text">{move || i18n.t().accounts.forgot_sent_spam}</p>
        }
    };

    view! {
        <AuthLayout>
            <div class="card auth-card">
                <Show when=move || sent.get() fallback=form>
                    {confirmation}
                </Show>
                <A href="/inloggen" attr:class="back-link" attr:data-testid="back-to-sign-in">
                    <Icon icon=IconName::ChevronLeft />
                    {move || i18n.t().accounts.back_to_sign_in}
                </A>
            </div>
        </AuthLayout>
    }
}
