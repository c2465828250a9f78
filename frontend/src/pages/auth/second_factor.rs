//! The second sign-in step: the code from the authenticator app, or one of
//! the recovery codes, after a correct password.
//!
//! The password step stays in the page (hidden) so "back" keeps the e-mail
//! address. The challenge lives 5 minutes and allows a few wrong codes; when
//! the server no longer knows it (401), the person starts again at the
//! password.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use shared::auth::SecondFactorAnswer;
use shared::error::ErrorKind;

use crate::api;
use crate::components::feedback::ErrorAlert;
use crate::i18n::accounts::first_number;
use crate::i18n::use_i18n;
use crate::session::use_session;

/// Digits only: apps show the code as "123 456", and people paste it so.
pub fn normalise_code(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace() && *c != '-').collect()
}

/// Whether the text is a 6-digit code once spaces are removed.
pub fn is_code(text: &str) -> bool {
    let code = normalise_code(text);
    code.len() == 6 && code.chars().all(|c| c.is_ascii_digit())
}

#[component]
pub fn SecondFactorStep(
    challenge: String,
    /// Back to the password step, with the reason to show there (if any).
    on_back: impl Fn(Option<&'static str>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let use_recovery = RwSignal::new(false);
    let code = RwSignal::new(String::new());
    let remember = RwSignal::new(false);
    let field_error = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let code_input = NodeRef::<html::Input>::new();
    let challenge = StoredValue::new(challenge);

    let focus_code = move || {
        request_animation_frame(move || {
            if let Some(input) = code_input.get_untracked() {
                let _ = input.focus();
            }
        });
    };
    // Keyboard and screen reader users land in the field that is asked for.
    focus_code();

    let answer = Action::new_local(move |answer: &SecondFactorAnswer| {
        let answer = answer.clone();
        async move {
            match api::second_factor(&answer).await {
                Ok(me) => session.signed_in(me),
                Err(e) if e.kind() == Some(ErrorKind::Unauthenticated) => {
                    on_back(Some(i18n.t().security.challenge_expired));
                }
                Err(e) => {
                    let t = i18n.t();
                    code.set(String::new());
                    if e.field_code("code").is_some() || e.field_code("recovery_code").is_some() {
                        let message = e.field_message("code").or_else(|| e.field_message("recovery_code"));
                        field_error.set(Some(t.security.wrong_code(message.and_then(first_number))));
                    } else {
                        error.set(Some(t.api_error(&e)));
                    }
                    focus_code();
                }
            }
        }
    });
    let pending = answer.pending();

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        error.set(None);
        let t = i18n.t().security;
        let text = normalise_code(&code.get_untracked());
        let recovery = use_recovery.get_untracked();
        let problem = if recovery {
            text.is_empty().then_some(t.recovery_required)
        } else {
            (!is_code(&text)).then_some(t.code_format)
        };
        if let Some(problem) = problem {
            field_error.set(Some(problem.into()));
            focus_code();
            return;
        }
        field_error.set(None);
        answer.dispatch(SecondFactorAnswer {
            challenge: challenge.get_value(),
            code: (!recovery).then(|| text.clone()),
            recovery_code: recovery.then_some(text),
            remember_device: remember.get_untracked(),
        });
    };

    let switch_method = move |_| {
        use_recovery.update(|r| *r = !*r);
        code.set(String::new());
        field_error.set(None);
        error.set(None);
        focus_code();
    };

    view! {
        <div class="card auth-card" data-testid="second-factor-step">
            <h1>{move || i18n.t().security.code_title}</h1>
            <p class="lead">
                {move || if use_recovery.get() { i18n.t().security.recovery_intro } else { i18n.t().security.code_intro }}
            </p>
            <ErrorAlert message=error testid="second-factor-alert" />
            <form class="form" novalidate=true data-testid="second-factor-form" on:submit=on_submit>
                <div class="field" class:has-error=move || field_error.with(Option::is_some)>
                    <label for="second-factor-code">
                        {move || if use_recovery.get() { i18n.t().security.recovery_label } else { i18n.t().security.code_label }}
                    </label>
                    <input
                        id="second-factor-code"
                        name="code"
                        type="text"
                        class="code-input"
                        class:recovery=move || use_recovery.get()
                        inputmode=move || if use_recovery.get() { "text" } else { "numeric" }
                        autocomplete=move || if use_recovery.get() { "off" } else { "one-time-code" }
                        autocapitalize="none"
                        spellcheck="false"
                        maxlength=move || if use_recovery.get() { "32" } else { "7" }
                        required=true
                        data-testid="second-factor-code"
                        node_ref=code_input
                        prop:value=move || code.get()
                        aria-invalid=move || field_error.with(Option::is_some).to_string()
                        aria-describedby=move || field_error.with(Option::is_some).then_some("second-factor-error")
                        on:input=move |ev| {
                            code.set(event_target_value(&ev));
                            field_error.set(None);
                        }
                    />
                    {move || field_error.get().map(|message| view! {
                        <p id="second-factor-error" class="field-error" data-testid="second-factor-error">{message}</p>
                    })}
                </div>
                <label class="checkbox">
                    <input
                        type="checkbox"
                        data-testid="remember-device"
                        aria-describedby="remember-hint"
                        prop:checked=move || remember.get()
                        on:change=move |ev| remember.set(event_target_checked(&ev))
                    />
                    <span>{move || i18n.t().security.remember_device}</span>
                </label>
                <p id="remember-hint" class="help-text">{move || i18n.t().security.remember_hint}</p>
                <button
                    type="submit"
                    class="button primary block"
                    data-testid="second-factor-submit"
                    aria-disabled=move || pending.get().to_string()
                >
                    {move || if pending.get() { i18n.t().security.verifying } else { i18n.t().security.verify }}
                </button>
            </form>
            <button type="button" class="link-button" data-testid="switch-method" on:click=switch_method>
                {move || if use_recovery.get() { i18n.t().security.use_app_code } else { i18n.t().security.use_recovery_code }}
            </button>
            <button type="button" class="link-button" data-testid="second-factor-back" on:click=move |_| on_back(None)>
                {move || i18n.t().security.other_account}
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_may_be_typed_with_a_space() {
        assert!(is_code("123 456"));
        assert!(is_code("123456"));
        assert!(!is_code("12345"));
        assert!(!is_code("12345a"));
        assert_eq!(normalise_code(" 12-34 56 "), "123456");
    }
}
