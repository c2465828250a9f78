//! `/activeren?token=…`: activating an invitation.
//!
//! The invitee proves who they are (their birth date, or the PIN that opening
//! the link sent by SMS) and chooses a password (or, with an existing Poort
//! account, confirms their current one: one person keeps one account), and is
//! signed in straight away.

use chrono::NaiveDate;
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::accounts::{Activate, ActivationInfo, ActivationProof};
use shared::auth::LoginRequest;
use shared::error::ErrorKind;
use shared::password_policy::PasswordPolicy;

use super::layout::AuthLayout;
use super::new_password::{NewPassword, NewPasswordFields};
use super::reset_password::is_invalid_link;
use crate::api::{self, LoginOutcome};
use crate::components::feedback::ErrorAlert;
use crate::components::field::{FieldKind, InputField};
use crate::components::icon::{Icon, IconName};
use crate::components::page_title::use_page_title;
use crate::i18n::accounts::first_number;
use crate::i18n::use_i18n;
use crate::pages::auth::second_factor::{is_code, normalise_code};
use crate::session::use_session;

#[component]
pub fn ActivatePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    use_page_title(|t| t.accounts.activate_title.into());

    let token = query.with_untracked(|q| q.get("token")).filter(|t| !t.trim().is_empty());
    // Set when activating finds the link unusable after all (used in another tab, burned).
    let invalid = RwSignal::new(token.is_none());
    let lookup_token = token.clone().unwrap_or_default();
    let info = LocalResource::new(move || api::lookup_activation(lookup_token.clone()));
    let token = token.unwrap_or_default();

    let content = move || {
        if invalid.get() {
            return view! { <InvalidInvitation /> }.into_any();
        }
        match info.get() {
            None => view! {
                <div class="card auth-card loading-card" role="status">
                    <span class="spinner" aria-hidden="true"></span>
                    <span>{move || i18n.t().loading}</span>
                </div>
            }
            .into_any(),
            Some(Err(e)) if is_invalid_link(&e) => view! { <InvalidInvitation /> }.into_any(),
            Some(Err(e)) => view! {
                <div class="card auth-card">
                    <ErrorAlert message=Signal::derive(move || Some(i18n.t().api_error(&e))) testid="activate-error" />
                </div>
            }
            .into_any(),
            Some(Ok(info)) => view! { <ActivationForm info=info token=token.clone() invalid=invalid /> }.into_any(),
        }
    };

    view! { <AuthLayout>{content}</AuthLayout> }
}

/// The invitation cannot be used (any more).
#[component]
fn InvalidInvitation() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="card auth-card" data-testid="invalid-link">
            <span class="empty-state-icon"><Icon icon=IconName::Alert /></span>
            <h1>{move || i18n.t().accounts.link_invalid_title}</h1>
            <p>{move || i18n.t().accounts.activation_link_invalid}</p>
        </div>
    }
}

#[component]
fn ActivationForm(info: ActivationInfo, token: String, invalid: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let policy: PasswordPolicy = info.password_policy;
    let existing = info.existing_account;
    let by_pin = info.proof == ActivationProof::SmsPin;

    let pin = RwSignal::new(String::new());
    let pin_error = RwSignal::new(None::<String>);
    let pin_input = NodeRef::<html::Input>::new();
    let pin_notice = RwSignal::new(info.sent_to.as_deref().map(|to| i18n.t().contact.pin_sent(to)));

    let birth_date = RwSignal::new(String::new());
    let birth_date_error = RwSignal::new(None::<String>);
    let birth_date_input = NodeRef::<html::Input>::new();
    // A new account chooses a password; an existing one confirms its own.
    let new_password = NewPassword::new();
    let current_password = RwSignal::new(String::new());
    let current_error = RwSignal::new(None::<String>);
    let current_input = NodeRef::<html::Input>::new();
    let error = RwSignal::new(None::<String>);

    let focus = |input: NodeRef<html::Input>| {
        if let Some(input) = input.get_untracked() {
            let _ = input.focus();
        }
    };

    let email = info.email.clone();
    let activate = Action::new_local(move |request: &Activate| {
        let request = request.clone();
        let email = email.clone();
        let navigate = navigate.clone();
        async move {
            let t = i18n.t();
            match api::activate(&request).await {
                Ok(()) => {
                    let login = LoginRequest {
                        email,
                        password: request.password,
                        organisation_id: None,
                        stay_signed_in: false,
                    };
                    match api::login(&login).await {
                        Ok(LoginOutcome::SignedIn(me)) => {
                            session.signed_in(*me);
                            navigate("/", NavigateOptions { replace: true, ..Default::default() });
                        }
                        // Activated, but signing in did not work right now (a
                        // limit, the network) or needs the authenticator app
                        // of an existing account: the sign-in page takes over.
                        Ok(LoginOutcome::SecondFactor(_)) | Err(_) => {
                            navigate("/inloggen?account=geactiveerd", NavigateOptions::default())
                        }
                    }
                }
                Err(e) => {
                    if is_invalid_link(&e) {
                        invalid.set(true);
                        return;
                    }
                    let left = |field: &str| e.field_message(field).and_then(first_number);
                    if let Some(code) = e.field_code("pin") {
                        let message = match code {
                            "wrong_proof" => t.accounts.with_attempts_left(t.contact.wrong_pin, left("pin")),
                            "pin_expired" => t.contact.pin_expired.into(),
                            _ => t.contact.pin_required.into(),
                        };
                        pin.set(String::new());
                        pin_error.set(Some(message));
                        focus(pin_input);
                    } else if e.field_code("birth_date").is_some() {
                        let message = match e.field_code("birth_date") {
                            Some("wrong_proof") => t.accounts.wrong_birth_date(left("birth_date")),
                            Some("out_of_range") => t.admin.birth_date_out_of_range.into(),
                            Some(code) => t.field_code(code, 0),
                            None => String::new(),
                        };
                        birth_date_error.set(Some(message));
                        focus(birth_date_input);
                    } else if let Some(code) = e.field_code("password") {
                        if existing || code == "wrong_proof" {
                            let message = if code == "wrong_proof" {
                                t.accounts.wrong_current_password(left("password"))
                            } else {
                                t.field_code(code, 0)
                            };
                            current_error.set(Some(message));
                            current_password.set(String::new());
                            focus(current_input);
                        } else {
                            let message = t
                                .accounts
                                .password_code(code, policy)
                                .unwrap_or_else(|| t.field_code(code, 0));
                            new_password.server_error.set(Some(message));
                            focus(new_password.password_input);
                        }
                    } else if e.kind() == Some(ErrorKind::Validation) {
                        error.set(Some(t.error_kind(ErrorKind::Validation).into()));
                    } else {
                        error.set(Some(t.api_error(&e)));
                    }
                }
            }
        }
    });
    let pending = activate.pending();

    // The live check finds the person's name and organisation by this token.
    let check_token = token.clone();
    let pin_token = token.clone();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        error.set(None);
        let t = i18n.t();
        let (date, typed_pin) = if by_pin {
            let typed = normalise_code(&pin.get_untracked());
            if !is_code(&typed) {
                let problem = if typed.is_empty() { t.contact.pin_required } else { t.contact.pin_format };
                pin_error.set(Some(problem.into()));
                focus(pin_input);
                return;
            }
            (None, Some(typed))
        } else {
            // A date input's value is always `YYYY-MM-DD` (or empty when incomplete).
            let date = NaiveDate::parse_from_str(&birth_date.get_untracked(), "%Y-%m-%d").ok();
            if date.is_none() {
                birth_date_error.set(Some(t.accounts.birth_date_required.into()));
                focus(birth_date_input);
                return;
            }
            (date, None)
        };
        let password = if existing {
            let password = current_password.get_untracked();
            if password.is_empty() {
                current_error.set(Some(t.password_required.into()));
                focus(current_input);
                return;
            }
            password
        } else {
            if !new_password.ready() {
                return;
            }
            new_password.password.get_untracked()
        };
        activate.dispatch(Activate { token: token.clone(), birth_date: date, pin: typed_pin, password });
    };

    let resend = Action::new_local(move |_: &()| {
        let token = pin_token.clone();
        async move {
            let t = i18n.t();
            match api::resend_activation_pin(token).await {
                Ok(sent) => {
                    pin_error.set(None);
                    pin_notice.set(Some(t.contact.pin_sent(&sent.sent_to)));
                    focus(pin_input);
                }
                Err(e) if is_invalid_link(&e) => invalid.set(true),
                Err(e) => pin_error.set(Some(t.api_error(&e))),
            }
        }
    });
    let resending = resend.pending();

    let name = info.name.clone();
    let organisation = info.organisation_name.clone();

    view! {
        <div class="card auth-card">
            <h1 data-testid="activate-welcome">{move || i18n.t().accounts.welcome(&name)}</h1>
            <p class="lead">
                {move || if by_pin {
                    i18n.t().contact.activate_intro_pin(&organisation, existing)
                } else {
                    i18n.t().accounts.activate_intro(&organisation, existing)
                }}
            </p>
            <dl class="facts compact">
                <div>
                    <dt>{move || i18n.t().organisation}</dt>
                    <dd data-testid="activate-organisation">{info.organisation_name.clone()}</dd>
                </div>
                <div>
                    <dt>{move || i18n.t().email_label}</dt>
                    <dd class="break-anywhere">{info.email.clone()}</dd>
                </div>
            </dl>
            <ErrorAlert message=error testid="activate-error" />
            <form class="form" novalidate=true data-testid="activate-form" on:submit=on_submit>
                <Show when=move || by_pin>
                    <div>
                        <InputField
                            id="activation-pin"
                            label=Signal::derive(move || i18n.t().contact.pin_label)
                            value=pin
                            error=pin_error
                            node=pin_input
                            kind=FieldKind::Code
                            hint=pin_notice
                        />
                        <button
                            type="button"
                            class="link-button"
                            data-testid="resend-pin"
                            aria-disabled=move || resending.get().to_string()
                            on:click=move |_| if !resending.get_untracked() { resend.dispatch(()); }
                        >
                            {move || if resending.get() { i18n.t().contact.sending } else { i18n.t().contact.resend_pin }}
                        </button>
                    </div>
                </Show>
                <Show when=move || !by_pin>
                <div class="field" class:has-error=move || birth_date_error.with(Option::is_some)>
                    <label for="birth-date">{move || i18n.t().accounts.birth_date_label}</label>
                    <input
                        id="birth-date"
                        name="bday"
                        type="date"
                        autocomplete="bday"
                        min="1900-01-01"
                        required=true
                        node_ref=birth_date_input
                        prop:value=move || birth_date.get()
                        aria-invalid=move || birth_date_error.with(Option::is_some).to_string()
                        aria-describedby=move || if birth_date_error.with(Option::is_some) {
                            "birth-date-hint birth-date-error"
                        } else {
                            "birth-date-hint"
                        }
                        on:input=move |ev| {
                            birth_date.set(event_target_value(&ev));
                            birth_date_error.set(None);
                        }
                    />
                    <p id="birth-date-hint" class="help-text">{move || i18n.t().accounts.birth_date_hint}</p>
                    {move || birth_date_error.get().map(|message| view! {
                        <p id="birth-date-error" class="field-error" data-testid="birth-date-error">{message}</p>
                    })}
                </div>
                </Show>
                {if existing {
                    view! {
                        <div class="field" class:has-error=move || current_error.with(Option::is_some)>
                            <label for="current-password">{move || i18n.t().accounts.current_password_label}</label>
                            <input
                                id="current-password"
                                name="current-password"
                                type="password"
                                autocomplete="current-password"
                                required=true
                                data-testid="current-password"
                                node_ref=current_input
                                prop:value=move || current_password.get()
                                aria-invalid=move || current_error.with(Option::is_some).to_string()
                                aria-describedby=move || if current_error.with(Option::is_some) {
                                    "current-password-hint current-password-error"
                                } else {
                                    "current-password-hint"
                                }
                                on:input=move |ev| {
                                    current_password.set(event_target_value(&ev));
                                    current_error.set(None);
                                }
                            />
                            <p id="current-password-hint" class="help-text">{move || i18n.t().accounts.current_password_hint}</p>
                            {move || current_error.get().map(|message| view! {
                                <p id="current-password-error" class="field-error" data-testid="current-password-error">{message}</p>
                            })}
                        </div>
                    }
                    .into_any()
                } else {
                    view! { <NewPasswordFields state=new_password token=check_token policy=policy /> }.into_any()
                }}
                <button
                    type="submit"
                    class="button primary block"
                    data-testid="activate-submit"
                    aria-disabled=move || pending.get().to_string()
                >
                    {move || if pending.get() { i18n.t().accounts.activating } else { i18n.t().accounts.activate_submit }}
                </button>
            </form>
        </div>
    }
}
