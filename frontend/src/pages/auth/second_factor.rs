//! The second sign-in step after a correct password: the code from the
//! authenticator app, a code sent by SMS on request, or one of the recovery
//! codes.
//!
//! The password step stays in the page (hidden) so "back" keeps the e-mail
//! address. The challenge lives 5 minutes and allows a few wrong codes; when
//! the server no longer knows it (401), the person starts again at the
//! password.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use shared::auth::{SecondFactorAnswer, SecondFactorMethod, SecondFactorRequired};
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

/// How the person answers the step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The authenticator app's code.
    App,
    /// A code sent by SMS on request.
    Sms,
    /// One of the recovery codes.
    Recovery,
}

#[component]
pub fn SecondFactorStep(
    required: SecondFactorRequired,
    /// Back to the password step, with the reason to show there (if any).
    on_back: impl Fn(Option<&'static str>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let has_app = required.methods.contains(&SecondFactorMethod::Totp);
    let has_sms = required.methods.contains(&SecondFactorMethod::Sms);
    // The app first when there is one; SMS costs money and waits for the network.
    let primary = if has_app || !has_sms { Mode::App } else { Mode::Sms };
    let mode = RwSignal::new(primary);
    let code = RwSignal::new(String::new());
    let remember = RwSignal::new(false);
    let field_error = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    // Where the last SMS code went, once one was sent.
    let sms_sent = RwSignal::new(None::<String>);
    let code_input = NodeRef::<html::Input>::new();
    let challenge = StoredValue::new(required.challenge);

    let focus_code = move || {
        request_animation_frame(move || {
            if let Some(input) = code_input.get_untracked() {
                let _ = input.focus();
            }
        });
    };
    // Keyboard and screen reader users land in the field that is asked for.
    focus_code();

    let send_sms = Action::new_local(move |_: &()| async move {
        let t = i18n.t();
        match api::send_sms_code(challenge.get_value()).await {
            Ok(sent) => {
                error.set(None);
                sms_sent.set(Some(t.contact.code_sent(&sent.sent_to, sent.valid_minutes)));
                focus_code();
            }
            Err(e) if e.kind() == Some(ErrorKind::Unauthenticated) => {
                on_back(Some(t.security.challenge_expired));
            }
            Err(e) => error.set(Some(t.api_error(&e))),
        }
    });
    let sending = send_sms.pending();
    let request_sms = move || {
        if !sending.get_untracked() {
            field_error.set(None);
            send_sms.dispatch(());
        }
    };

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
        let t = i18n.t();
        let text = normalise_code(&code.get_untracked());
        let current = mode.get_untracked();
        let problem = match current {
            Mode::Recovery => text.is_empty().then_some(t.security.recovery_required),
            Mode::Sms if sms_sent.with_untracked(Option::is_none) => Some(t.contact.send_sms_first),
            Mode::App | Mode::Sms => (!is_code(&text)).then_some(t.security.code_format),
        };
        if let Some(problem) = problem {
            field_error.set(Some(problem.into()));
            focus_code();
            return;
        }
        field_error.set(None);
        answer.dispatch(SecondFactorAnswer {
            challenge: challenge.get_value(),
            code: (current == Mode::App).then(|| text.clone()),
            recovery_code: (current == Mode::Recovery).then(|| text.clone()),
            sms_code: (current == Mode::Sms).then_some(text),
            remember_device: remember.get_untracked(),
        });
    };

    let switch_to = move |next: Mode| {
        mode.set(next);
        code.set(String::new());
        field_error.set(None);
        error.set(None);
        focus_code();
    };

    let intro = move || {
        let t = i18n.t();
        match mode.get() {
            Mode::App => t.security.code_intro,
            Mode::Sms => t.contact.sms_intro,
            Mode::Recovery => t.security.recovery_intro,
        }
    };
    let label = move || {
        let t = i18n.t();
        match mode.get() {
            Mode::App => t.security.code_label,
            Mode::Sms => t.contact.sms_code_label,
            Mode::Recovery => t.security.recovery_label,
        }
    };
    let recovery = move || mode.get() == Mode::Recovery;

    view! {
        <div class="card auth-card" data-testid="second-factor-step">
            <h1>{move || if mode.get() == Mode::Sms { i18n.t().contact.sms_title } else { i18n.t().security.code_title }}</h1>
            <p class="lead">{intro}</p>
            <ErrorAlert message=error testid="second-factor-alert" />
            <Show when=move || mode.get() == Mode::Sms>
                <div class="sms-request" data-testid="sms-request">
                    {move || sms_sent.get().map(|text| view! { <p class="notice" role="status" data-testid="sms-sent">{text}</p> })}
                    <button
                        type="button"
                        class="button secondary"
                        data-testid="send-sms"
                        aria-disabled=move || sending.get().to_string()
                        on:click=move |_| request_sms()
                    >
                        {move || {
                            let t = i18n.t();
                            if sending.get() {
                                t.contact.sending
                            } else if sms_sent.with(Option::is_some) {
                                t.contact.resend_sms
                            } else {
                                t.contact.send_sms
                            }
                        }}
                    </button>
                </div>
            </Show>
            <form class="form" novalidate=true data-testid="second-factor-form" on:submit=on_submit>
                <div class="field" class:has-error=move || field_error.with(Option::is_some)>
                    <label for="second-factor-code">{label}</label>
                    <input
                        id="second-factor-code"
                        name="code"
                        type="text"
                        class="code-input"
                        class:recovery=recovery
                        inputmode=move || if recovery() { "text" } else { "numeric" }
                        autocomplete=move || if recovery() { "off" } else { "one-time-code" }
                        autocapitalize="none"
                        spellcheck="false"
                        maxlength=move || if recovery() { "32" } else { "7" }
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
            <Show when=move || has_app && has_sms && mode.get() == Mode::App>
                <button type="button" class="link-button" data-testid="use-sms" on:click=move |_| { switch_to(Mode::Sms); request_sms(); }>
                    {move || i18n.t().contact.use_sms_instead}
                </button>
            </Show>
            <Show when=move || has_app && mode.get() == Mode::Sms>
                <button type="button" class="link-button" data-testid="use-app" on:click=move |_| switch_to(Mode::App)>
                    {move || i18n.t().contact.use_app_instead}
                </button>
            </Show>
            <button
                type="button"
                class="link-button"
                data-testid="switch-method"
                on:click=move |_| switch_to(if recovery() { primary } else { Mode::Recovery })
            >
                {move || {
                    let t = i18n.t();
                    match (recovery(), primary) {
                        (false, _) => t.security.use_recovery_code,
                        (true, Mode::Sms) => t.contact.use_sms_instead,
                        (true, _) => t.security.use_app_code,
                    }
                }}
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
