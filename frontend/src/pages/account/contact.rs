//! Contact details (e-mail address and mobile number, each changed after the
//! password) and SMS codes as a second factor, which need the number proven
//! by a code sent to it.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use shared::auth::{ChangeEmail, ChangeMobile, ContactDetails, RecoveryCodes};
use shared::mobile::{format_mobile, normalise_mobile};
use shared::validation::{FieldProblem, MAX_EMAIL_LEN, check_email};

use super::second_factor::RecoveryCodesView;
use crate::api::{self, ApiError};
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::components::field::{FieldKind, InputField, focus_input};
use crate::i18n::{Dict, use_i18n};
use crate::pages::auth::second_factor::{is_code, normalise_code};
use crate::session::use_session;

/// Which of the two details is being changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Detail {
    Email,
    Mobile,
}

/// The e-mail address and mobile number, with their change forms. `revision`
/// moves on every change, so the SMS section reads the number again.
#[component]
pub fn ContactSection(revision: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let details = LocalResource::new(move || {
        revision.track();
        api::contact()
    });
    let editing = RwSignal::new(None::<Detail>);
    let notice = RwSignal::new(None::<String>);

    let shown = move || {
        details.get().map(|result| match result {
            Ok(d) => view! { <ContactFacts details=d /> }.into_any(),
            Err(e) => view! { <p class="field-error">{i18n.t().api_error(&e)}</p> }.into_any(),
        })
    };
    let toggle = move |detail: Detail| {
        notice.set(None);
        editing.update(|e| *e = if *e == Some(detail) { None } else { Some(detail) });
    };

    view! {
        <section class="card section-card" aria-labelledby="contact-heading" data-testid="contact-section">
            <h2 id="contact-heading">{move || i18n.t().contact.contact_heading}</h2>
            <p class="help-text">{move || i18n.t().contact.contact_intro}</p>
            <SuccessNotice message=notice testid="contact-notice" />
            {shown}
            <div class="form-actions">
                <button type="button" class="button secondary" data-testid="change-email"
                    aria-expanded=move || (editing.get() == Some(Detail::Email)).to_string()
                    on:click=move |_| toggle(Detail::Email)>
                    {move || i18n.t().contact.change_email}
                </button>
                <button type="button" class="button secondary" data-testid="change-mobile"
                    aria-expanded=move || (editing.get() == Some(Detail::Mobile)).to_string()
                    on:click=move |_| toggle(Detail::Mobile)>
                    {move || i18n.t().contact.change_mobile}
                </button>
            </div>
            {move || editing.get().map(|detail| view! {
                <ChangeForm detail=detail on_done=move |message: String| {
                    editing.set(None);
                    notice.set(Some(message));
                    revision.update(|r| *r += 1);
                    request_animation_frame(|| crate::browser::focus_element("contact-notice"));
                } on_cancel=move || editing.set(None) />
            })}
        </section>
    }
}

#[component]
fn ContactFacts(details: ContactDetails) -> impl IntoView {
    let i18n = use_i18n();
    let verified = details.mobile_verified;
    let mobile = details.mobile.as_deref().map(format_mobile);
    let has_mobile = mobile.is_some();
    view! {
        <dl class="facts compact">
            <div>
                <dt>{move || i18n.t().email_label}</dt>
                <dd class="break-anywhere" data-testid="contact-email">{details.email.clone()}</dd>
            </div>
            <div>
                <dt>{move || i18n.t().contact.mobile_label}</dt>
                <dd data-testid="contact-mobile">
                    {mobile.clone().unwrap_or_default()}
                    {move || (!has_mobile).then(|| i18n.t().contact.no_mobile)}
                    {has_mobile.then(|| view! {
                        " "
                        <span class=if verified { "badge badge-ok" } else { "badge badge-muted" } data-testid="mobile-verified" data-verified=verified.to_string()>
                            {move || if verified { i18n.t().contact.verified } else { i18n.t().contact.not_verified }}
                        </span>
                    })}
                </dd>
            </div>
        </dl>
    }
}

/// The message for a refused change.
fn change_error(t: &'static Dict, detail: Detail, e: &ApiError) -> (Option<String>, Option<String>) {
    let field = if detail == Detail::Email { "email" } else { "mobile" };
    if e.field_code("password").is_some() {
        return (None, Some(t.security.wrong_password.into()));
    }
    match e.field_code(field) {
        Some("email_taken") => (Some(t.contact.email_taken.into()), None),
        Some(code) => (Some(t.field_code(code, MAX_EMAIL_LEN)), None),
        None => (None, None),
    }
}

/// The new value and the current password.
#[component]
fn ChangeForm(
    detail: Detail,
    on_done: impl Fn(String) + Copy + Send + Sync + 'static,
    on_cancel: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let value = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let value_error = RwSignal::new(None::<String>);
    let password_error = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let value_input = NodeRef::<html::Input>::new();
    let password_input = NodeRef::<html::Input>::new();
    focus_input(value_input);

    // The same rules the server applies.
    let local_problem = move |text: &str| -> Option<FieldProblem> {
        match detail {
            Detail::Email => check_email(text).err(),
            Detail::Mobile if text.trim().is_empty() => None,
            Detail::Mobile => normalise_mobile(text).err(),
        }
    };

    let save = Action::new_local(move |(typed, pw): &(String, String)| {
        let (typed, pw) = (typed.clone(), pw.clone());
        async move {
            let t = i18n.t();
            let result = match detail {
                Detail::Email => api::change_email(&ChangeEmail { password: pw, email: typed }).await,
                Detail::Mobile => {
                    let mobile = Some(typed).filter(|m| !m.trim().is_empty());
                    api::change_mobile(&ChangeMobile { password: pw, mobile }).await
                }
            };
            match result {
                Ok(details) => on_done(match (detail, details.mobile.is_some()) {
                    (Detail::Email, _) => {
                        // The top bar shows the address too.
                        session.reload();
                        t.contact.email_saved(&details.email)
                    }
                    (Detail::Mobile, true) => t.contact.mobile_saved.into(),
                    (Detail::Mobile, false) => t.contact.mobile_removed.into(),
                }),
                Err(e) => {
                    password.set(String::new());
                    match change_error(t, detail, &e) {
                        (Some(m), _) => {
                            value_error.set(Some(m));
                            focus_input(value_input);
                        }
                        (None, Some(m)) => {
                            password_error.set(Some(m));
                            focus_input(password_input);
                        }
                        (None, None) => error.set(Some(t.api_error(&e))),
                    }
                }
            }
        }
    });
    let pending = save.pending();

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        error.set(None);
        let t = i18n.t();
        let typed = value.get_untracked().trim().to_string();
        if let Some(problem) = local_problem(&typed) {
            value_error.set(Some(match problem {
                FieldProblem::Required if detail == Detail::Email => t.email_required.into(),
                other => t.field_problem(other),
            }));
            focus_input(value_input);
            return;
        }
        if password.with_untracked(String::is_empty) {
            password_error.set(Some(t.password_required.into()));
            focus_input(password_input);
            return;
        }
        save.dispatch((typed, password.get_untracked()));
    };

    let id = if detail == Detail::Email { "new-email" } else { "new-mobile" };
    view! {
        <form class="form nested" novalidate=true data-testid=format!("{id}-form") on:submit=on_submit>
            <ErrorAlert message=error testid="contact-error" />
            <div class="field" class:has-error=move || value_error.with(Option::is_some)>
                <label for=id>
                    {move || if detail == Detail::Email { i18n.t().contact.new_email_label } else { i18n.t().contact.new_mobile_label }}
                </label>
                <input
                    id=id
                    type=if detail == Detail::Email { "email" } else { "tel" }
                    inputmode=if detail == Detail::Email { "email" } else { "tel" }
                    autocomplete=if detail == Detail::Email { "email" } else { "tel" }
                    data-testid=id
                    node_ref=value_input
                    prop:value=move || value.get()
                    aria-invalid=move || value_error.with(Option::is_some).to_string()
                    aria-describedby=format!("{id}-hint {id}-error")
                    on:input=move |ev| {
                        value.set(event_target_value(&ev));
                        value_error.set(None);
                    }
                />
                {(detail == Detail::Mobile).then(|| view! {
                    <p id="new-mobile-hint" class="help-text">{move || i18n.t().contact.mobile_hint}</p>
                })}
                {move || value_error.get().map(|m| view! { <p id=format!("{id}-error") class="field-error" data-testid="contact-value-error">{m}</p> })}
            </div>
            <InputField
                id="contact-password"
                label=Signal::derive(move || i18n.t().security.your_password)
                value=password
                error=password_error
                node=password_input
                kind=FieldKind::CurrentPassword
            />
            <div class="form-actions">
                <button type="submit" class="button primary" data-testid="contact-save" aria-disabled=move || pending.get().to_string()>
                    {move || if pending.get() { i18n.t().contact.saving } else { i18n.t().contact.save }}
                </button>
                <button type="button" class="button secondary" on:click=move |_| on_cancel()>
                    {move || i18n.t().contact.cancel}
                </button>
            </div>
        </form>
    }
}

/// SMS codes as a second factor: on, off, or being set up.
#[component]
pub fn SmsSection(revision: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let state = LocalResource::new(move || {
        revision.track();
        async move {
            let status = api::second_factor_status().await?;
            let contact = api::contact().await?;
            Ok::<_, ApiError>((status.sms, contact.mobile.is_some()))
        }
    });
    let notice = RwSignal::new(None::<String>);
    let changed = move |message: &'static str| {
        notice.set(Some(message.into()));
        revision.update(|r| *r += 1);
    };

    view! {
        <section class="card section-card" aria-labelledby="sms-heading" data-testid="sms-section">
            <h2 id="sms-heading">{move || i18n.t().contact.sms_heading}</h2>
            <p class="help-text">{move || i18n.t().contact.sms_factor_intro}</p>
            <SuccessNotice message=notice testid="sms-notice" />
            {move || state.get().map(|result| match result {
                Ok((true, _)) => view! {
                    <p data-testid="sms-status" data-on="true">{i18n.t().contact.sms_on}</p>
                    <SmsRemove on_done=move || changed(i18n.t().contact.sms_removed) />
                }
                .into_any(),
                Ok((false, true)) => view! {
                    <p data-testid="sms-status" data-on="false">{i18n.t().contact.sms_off}</p>
                    <SmsSetup on_done=move || changed(i18n.t().contact.sms_enabled) />
                }
                .into_any(),
                Ok((false, false)) => view! {
                    <p data-testid="sms-status" data-on="false">{i18n.t().contact.sms_off}" "{i18n.t().contact.sms_needs_mobile}</p>
                }
                .into_any(),
                Err(e) => view! { <p class="field-error">{i18n.t().api_error(&e)}</p> }.into_any(),
            })}
        </section>
    }
}

#[component]
fn SmsSetup(on_done: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let sent = RwSignal::new(None::<String>);
    let code = RwSignal::new(String::new());
    let code_error = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let codes = RwSignal::new(None::<Vec<String>>);
    let input = NodeRef::<html::Input>::new();
    let focus = move || focus_input(input);

    let start = Action::new_local(move |_: &()| async move {
        let t = i18n.t();
        match api::start_sms_factor().await {
            Ok(s) => {
                error.set(None);
                sent.set(Some(t.contact.code_sent(&s.sent_to, s.valid_minutes)));
                focus();
            }
            Err(e) => error.set(Some(t.api_error(&e))),
        }
    });
    let starting = start.pending();
    let confirm = Action::new_local(move |typed: &String| {
        let typed = typed.clone();
        async move {
            let t = i18n.t();
            match api::confirm_sms_factor(typed).await {
                Ok(RecoveryCodes { codes: list }) if list.is_empty() => on_done(),
                Ok(RecoveryCodes { codes: list }) => codes.set(Some(list)),
                Err(e) => {
                    code.set(String::new());
                    code_error.set(Some(match e.field_code("code") {
                        Some("code_expired") => t.contact.code_expired.into(),
                        Some(_) => t.security.wrong_code(
                            e.field_message("code").and_then(crate::i18n::accounts::first_number),
                        ),
                        None => t.api_error(&e),
                    }));
                    focus();
                }
            }
        }
    });
    let confirming = confirm.pending();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if confirming.get_untracked() {
            return;
        }
        let typed = normalise_code(&code.get_untracked());
        if !is_code(&typed) {
            code_error.set(Some(i18n.t().security.code_format.into()));
            focus();
            return;
        }
        confirm.dispatch(typed);
    };

    view! {
        <ErrorAlert message=error testid="sms-error" />
        {move || match (codes.get(), sent.get()) {
            (Some(list), _) => view! { <RecoveryCodesView codes=list on_done=on_done /> }.into_any(),
            (None, None) => ().into_any(),
            (None, Some(text)) => view! {
                <p class="notice" role="status" data-testid="sms-setup-sent">{text}</p>
                <form class="form" novalidate=true data-testid="sms-confirm-form" on:submit=on_submit>
                    <InputField
                        id="sms-setup-code"
                        label=Signal::derive(move || i18n.t().contact.sms_code_label)
                        value=code
                        error=code_error
                        node=input
                        kind=FieldKind::Code
                    />
                    <button type="submit" class="button primary" data-testid="sms-confirm" aria-disabled=move || confirming.get().to_string()>
                        {move || if confirming.get() { i18n.t().security.confirming } else { i18n.t().security.confirm }}
                    </button>
                </form>
            }
            .into_any(),
        }}
        <Show when=move || codes.with(Option::is_none)>
            <button
                type="button"
                class="button secondary"
                data-testid="sms-start"
                aria-disabled=move || starting.get().to_string()
                on:click=move |_| if !starting.get_untracked() { start.dispatch(()); }
            >
                {move || {
                    let t = i18n.t();
                    if starting.get() {
                        t.contact.sending
                    } else if sent.with(Option::is_some) {
                        t.contact.resend_sms
                    } else {
                        t.contact.sms_start
                    }
                }}
            </button>
        </Show>
    }
}

#[component]
fn SmsRemove(on_done: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let input = NodeRef::<html::Input>::new();
    let remove = Action::new_local(move |pw: &String| {
        let pw = pw.clone();
        async move {
            let t = i18n.t();
            match api::remove_sms_factor(pw).await {
                Ok(()) => on_done(),
                Err(e) => {
                    password.set(String::new());
                    error.set(Some(if e.field_code("password").is_some() {
                        t.security.wrong_password.into()
                    } else {
                        t.api_error(&e)
                    }));
                    focus_input(input);
                }
            }
        }
    });
    let pending = remove.pending();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        if password.with_untracked(String::is_empty) {
            error.set(Some(i18n.t().password_required.into()));
            focus_input(input);
            return;
        }
        remove.dispatch(password.get_untracked());
    };
    view! {
        <form class="form" novalidate=true data-testid="sms-remove-form" on:submit=on_submit>
            <InputField
                id="sms-remove-password"
                label=Signal::derive(move || i18n.t().security.your_password)
                value=password
                error=error
                node=input
                kind=FieldKind::CurrentPassword
            />
            <div class="form-actions">
                <button type="submit" class="button danger" data-testid="sms-remove" aria-disabled=move || pending.get().to_string()>
                    {move || i18n.t().contact.sms_remove}
                </button>
            </div>
        </form>
    }
}
