//! The sign-in page.
//!
//! The e-mail address is checked with the same rule the server applies
//! (`shared::validation::check_email`): after a short pause in typing or when
//! leaving the field, and from then on at every keystroke. Server errors are
//! shown translated by their kind, never as the server's English text.

use std::time::Duration;

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::auth::{LoginRequest, SecondFactorRequired};
use shared::error::ErrorKind;
use shared::validation::{FieldProblem, MAX_EMAIL_LEN, MAX_PASSWORD_LEN, check_email};

use super::layout::AuthLayout;
use super::second_factor::SecondFactorStep;
use crate::api::{self, ApiError, LoginOutcome};
use crate::components::icon::{Icon, IconName};
use crate::components::page_title::use_page_title;
use crate::components::shell::is_safe_return_path;
use crate::i18n::{Dict, use_i18n};
use crate::session::{Session, use_session};

/// How long typing must pause before the e-mail address is judged, so nobody
/// is told off for an address they are still typing.
const TYPING_PAUSE: Duration = Duration::from_millis(700);

fn check_password(password: &str) -> Result<(), FieldProblem> {
    if password.is_empty() {
        Err(FieldProblem::Required)
    } else if password.chars().count() > MAX_PASSWORD_LEN {
        Err(FieldProblem::TooLong(MAX_PASSWORD_LEN))
    } else {
        Ok(())
    }
}

fn email_message(t: &Dict, problem: FieldProblem) -> String {
    match problem {
        FieldProblem::Required => t.email_required.into(),
        other => t.field_problem(other),
    }
}

fn password_message(t: &Dict, problem: FieldProblem) -> String {
    match problem {
        FieldProblem::Required => t.password_required.into(),
        other => t.field_problem(other),
    }
}

/// The translated message for a failed sign-in, with the request id when the
/// helpdesk would need it.
fn sign_in_error_message(t: &Dict, error: &ApiError) -> (String, Option<String>) {
    (t.api_error(error), error.reference().map(str::to_string))
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let query = use_query_map();
    use_page_title(|t| t.sign_in_title.into());

    // Signed in (just now, or already when the page opened): go on to where
    // the person was heading.
    Effect::new(move || {
        if session.is_signed_in() {
            let target = query
                .with_untracked(|q| q.get("terug"))
                .filter(|p| is_safe_return_path(p))
                .unwrap_or_else(|| "/".into());
            navigate(&target, NavigateOptions { replace: true, ..Default::default() });
        }
    });
    let expired = Memo::new(move |_| session.get() == Session::Expired);
    // Pages that end at the sign-in page say why: `?wachtwoord=gewijzigd`
    // after a reset, `?account=geactiveerd` when signing in after activation failed.
    let arrival_notice = Memo::new(move |_| {
        let accounts = i18n.t().accounts;
        query.with(|q| {
            if q.get("wachtwoord").as_deref() == Some("gewijzigd") {
                Some(accounts.password_changed)
            } else if q.get("account").as_deref() == Some("geactiveerd") {
                Some(accounts.activated_sign_in)
            } else {
                None
            }
        })
    });

    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let email_judged = RwSignal::new(false);
    let password_judged = RwSignal::new(false);
    let show_password = RwSignal::new(false);
    let stay_signed_in = RwSignal::new(false);
    let server_error = RwSignal::new(None::<ApiError>);
    // Set while the second sign-in step (a code) is shown.
    let challenge = RwSignal::new(None::<SecondFactorRequired>);
    // Set when the code step ended without signing in: back to the password.
    let step_notice = RwSignal::new(None::<&'static str>);
    let typing_timer = StoredValue::new(None::<TimeoutHandle>);

    let email_input = NodeRef::<html::Input>::new();
    let password_input = NodeRef::<html::Input>::new();

    let email_problem = Memo::new(move |_| email.with(|e| check_email(e).err()));
    let password_problem = Memo::new(move |_| password.with(|p| check_password(p).err()));

    // A field error the server sent wins until the person edits the field.
    let server_field_message = move |field: &str| {
        let t = i18n.t();
        server_error.with(|e| match e {
            Some(ApiError::Server { body, .. }) => {
                let max = if field == "email" { MAX_EMAIL_LEN } else { MAX_PASSWORD_LEN };
                body.fields.get(field).map(|f| t.field_code(&f.code, max))
            }
            _ => None,
        })
    };
    let email_error = Signal::derive(move || {
        let t = i18n.t();
        let local = email_judged.get().then(|| email_problem.get()).flatten().map(|p| email_message(t, p));
        local.or_else(|| server_field_message("email"))
    });
    let password_error = Signal::derive(move || {
        let t = i18n.t();
        let local =
            password_judged.get().then(|| password_problem.get()).flatten().map(|p| password_message(t, p));
        local.or_else(|| server_field_message("password"))
    });

    let login = Action::new_local(move |request: &LoginRequest| {
        let request = request.clone();
        async move {
            match api::login(&request).await {
                Ok(LoginOutcome::SignedIn(me)) => session.signed_in(*me),
                Ok(LoginOutcome::SecondFactor(required)) => {
                    // The password was right; it is not needed again.
                    password.set(String::new());
                    password_judged.set(false);
                    challenge.set(Some(required));
                }
                Err(error) => {
                    // Start the password afresh, without scolding the now
                    // empty field before the person had a chance to type.
                    password.set(String::new());
                    password_judged.set(false);
                    server_error.set(Some(error));
                    if let Some(input) = password_input.get_untracked() {
                        let _ = input.focus();
                    }
                }
            }
        }
    });
    let pending = login.pending();

    let on_email_input = move |ev| {
        email.set(event_target_value(&ev));
        server_error.set(None);
        if let Some(handle) = typing_timer.get_value() {
            handle.clear();
        }
        let timer = set_timeout_with_handle(
            move || {
                if !email.get_untracked().trim().is_empty() {
                    email_judged.set(true);
                }
            },
            TYPING_PAUSE,
        );
        typing_timer.set_value(timer.ok());
    };
    on_cleanup(move || {
        if let Some(handle) = typing_timer.get_value() {
            handle.clear();
        }
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        email_judged.set(true);
        password_judged.set(true);
        server_error.set(None);
        step_notice.set(None);
        // Focus the first field that needs attention, like the server would
        // have complained about it.
        if email_problem.get_untracked().is_some() {
            if let Some(input) = email_input.get_untracked() {
                let _ = input.focus();
            }
            return;
        }
        if password_problem.get_untracked().is_some() {
            if let Some(input) = password_input.get_untracked() {
                let _ = input.focus();
            }
            return;
        }
        login.dispatch(LoginRequest {
            email: email.get_untracked().trim().to_string(),
            password: password.get_untracked(),
            organisation_id: None,
            stay_signed_in: stay_signed_in.get_untracked(),
        });
    };

    let alert = move || {
        let t = i18n.t();
        server_error.with(|error| {
            // Field errors show beside their field; the alert is for the rest.
            let error = error.as_ref().filter(|e| e.kind() != Some(ErrorKind::Validation))?;
            let (message, reference) = sign_in_error_message(t, error);
            Some(view! {
                <Icon icon=IconName::Alert />
                <p>
                    {message}
                    {reference.map(|r| view! { <span class="reference">{format!(" {}: {r}", t.error_reference)}</span> })}
                </p>
            })
        })
    };

    let back_to_password = move |notice: Option<&'static str>| {
        challenge.set(None);
        step_notice.set(notice);
        request_animation_frame(move || {
            if let Some(input) = password_input.get_untracked() {
                let _ = input.focus();
            }
        });
    };

    view! {
        <AuthLayout>
                    {move || challenge.get().map(|c| view! {
                        <SecondFactorStep required=c on_back=back_to_password />
                    })}
                    <div class="card auth-card" class:is-hidden=move || challenge.with(Option::is_some)>
                        <h1>{move || i18n.t().sign_in_title}</h1>
                        <p class="lead">{move || i18n.t().sign_in_intro}</p>
                        <Show when=move || expired.get()>
                            <p class="notice" data-testid="session-expired">{move || i18n.t().session_expired}</p>
                        </Show>
                        {move || step_notice.get().map(|text| view! {
                            <p class="notice" role="status" data-testid="second-factor-expired">{text}</p>
                        })}
                        {move || arrival_notice.get().map(|text| view! {
                            <p class="notice success" role="status" data-testid="sign-in-notice">{text}</p>
                        })}
                        <div
                            class="form-alert"
                            class:is-visible=move || server_error.with(|e| e.as_ref().is_some_and(|e| e.kind() != Some(ErrorKind::Validation)))
                            role="alert"
                            data-testid="sign-in-error"
                        >
                            {alert}
                        </div>
                        <form class="form" novalidate=true data-testid="sign-in-form" on:submit=on_submit>
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
                                    on:input=on_email_input
                                    on:blur=move |_| {
                                        if !email.get_untracked().trim().is_empty() {
                                            email_judged.set(true);
                                        }
                                    }
                                />
                                {move || email_error.get().map(|message| view! {
                                    <p id="email-error" class="field-error" data-testid="email-error">{message}</p>
                                })}
                            </div>
                            <div class="field" class:has-error=move || password_error.with(Option::is_some)>
                                <label for="password">{move || i18n.t().password_label}</label>
                                <div class="password-row">
                                    <input
                                        id="password"
                                        name="password"
                                        type=move || if show_password.get() { "text" } else { "password" }
                                        autocomplete="current-password"
                                        required=true
                                        node_ref=password_input
                                        prop:value=move || password.get()
                                        aria-invalid=move || password_error.with(Option::is_some).to_string()
                                        aria-describedby=move || password_error.with(Option::is_some).then_some("password-error")
                                        on:input=move |ev| {
                                            password.set(event_target_value(&ev));
                                            server_error.set(None);
                                        }
                                    />
                                    <button
                                        type="button"
                                        class="icon-button password-toggle"
                                        aria-controls="password"
                                        aria-pressed=move || show_password.get().to_string()
                                        data-testid="password-toggle"
                                        on:click=move |_| show_password.update(|s| *s = !*s)
                                    >
                                        {move || if show_password.get() {
                                            view! { <Icon icon=IconName::EyeOff /> }
                                        } else {
                                            view! { <Icon icon=IconName::Eye /> }
                                        }}
                                        <span class="visually-hidden">{move || i18n.t().show_password}</span>
                                    </button>
                                </div>
                                {move || password_error.get().map(|message| view! {
                                    <p id="password-error" class="field-error" data-testid="password-error">{message}</p>
                                })}
                                <A href="/wachtwoord-vergeten" attr:class="field-link" attr:data-testid="forgot-password-link">
                                    {move || i18n.t().accounts.forgot_link}
                                </A>
                            </div>
                            <label class="checkbox">
                                <input
                                    type="checkbox"
                                    data-testid="stay-signed-in"
                                    aria-describedby="stay-signed-in-hint"
                                    prop:checked=move || stay_signed_in.get()
                                    on:change=move |ev| stay_signed_in.set(event_target_checked(&ev))
                                />
                                <span>{move || i18n.t().security.stay_signed_in}</span>
                            </label>
                            <p id="stay-signed-in-hint" class="help-text">{move || i18n.t().security.stay_signed_in_hint}</p>
                            <button
                                type="submit"
                                class="button primary block"
                                data-testid="sign-in-submit"
                                aria-disabled=move || pending.get().to_string()
                            >
                                {move || if pending.get() { i18n.t().signing_in } else { i18n.t().sign_in_button }}
                            </button>
                        </form>
                        <p class="help-text">{move || i18n.t().sign_in_help}</p>
                    </div>
        </AuthLayout>
    }
}
