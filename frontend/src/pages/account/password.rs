//! Changing the password while signed in: the current one, then the new one
//! twice with the same live feedback as the reset page.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use shared::auth::ChangePassword;
use shared::error::ErrorKind;
use shared::password_policy::PasswordPolicy;

use crate::api;
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::i18n::use_i18n;
use crate::pages::auth::new_password::{NewPassword, NewPasswordFields};

/// The form; `temporary` words the first field for a temporary password.
/// `on_done` runs after the server accepted the new password.
#[component]
pub fn ChangePasswordForm(
    #[prop(optional)] temporary: bool,
    on_done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    // The organisation's own rules are checked by the server on saving; the
    // hint shows Poort's standard, which most organisations use.
    let policy = PasswordPolicy::default();
    let state = NewPassword::new();
    let current = RwSignal::new(String::new());
    let current_error = RwSignal::new(None::<String>);
    let current_input = NodeRef::<html::Input>::new();
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);

    let save = Action::new_local(move |request: &ChangePassword| {
        let request = ChangePassword {
            current_password: request.current_password.clone(),
            new_password: request.new_password.clone(),
        };
        async move {
            let t = i18n.t();
            match api::change_password(&request).await {
                Ok(()) => {
                    current.set(String::new());
                    state.password.set(String::new());
                    state.repeat.set(String::new());
                    state.problems.set(None);
                    state.repeat_judged.set(false);
                    notice.set(Some(t.security.password_saved.into()));
                    on_done();
                }
                Err(e) => {
                    if e.field_code("current_password").is_some() {
                        current_error.set(Some(t.security.wrong_password.into()));
                        if let Some(input) = current_input.get_untracked() {
                            let _ = input.focus();
                        }
                    } else if let Some(code) = e.field_code("new_password") {
                        state.server_error.set(Some(
                            t.accounts.password_code(code, policy).unwrap_or_else(|| t.field_code(code, 0)),
                        ));
                        if let Some(input) = state.password_input.get_untracked() {
                            let _ = input.focus();
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
    let pending = save.pending();

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        notice.set(None);
        if pending.get_untracked() {
            return;
        }
        if current.with_untracked(String::is_empty) {
            current_error.set(Some(i18n.t().password_required.into()));
            if let Some(input) = current_input.get_untracked() {
                let _ = input.focus();
            }
            return;
        }
        if !state.ready() {
            return;
        }
        save.dispatch(ChangePassword {
            current_password: current.get_untracked(),
            new_password: state.password.get_untracked(),
        });
    };

    view! {
        <ErrorAlert message=error testid="change-password-error" />
        <SuccessNotice message=notice testid="change-password-notice" />
        <form class="form" novalidate=true data-testid="change-password-form" on:submit=on_submit>
            <div class="field" class:has-error=move || current_error.with(Option::is_some)>
                <label for="current-password">
                    {move || if temporary {
                        i18n.t().security.temporary_password_label
                    } else {
                        i18n.t().security.current_password_label
                    }}
                </label>
                <input
                    id="current-password"
                    name="current-password"
                    type="password"
                    autocomplete="current-password"
                    required=true
                    data-testid="current-password"
                    node_ref=current_input
                    prop:value=move || current.get()
                    aria-invalid=move || current_error.with(Option::is_some).to_string()
                    aria-describedby=move || current_error.with(Option::is_some).then_some("current-password-error")
                    on:input=move |ev| {
                        current.set(event_target_value(&ev));
                        current_error.set(None);
                    }
                />
                {move || current_error.get().map(|m| view! {
                    <p id="current-password-error" class="field-error" data-testid="current-password-error">{m}</p>
                })}
            </div>
            <NewPasswordFields state=state policy=policy />
            <button
                type="submit"
                class="button primary"
                data-testid="change-password-submit"
                aria-disabled=move || pending.get().to_string()
            >
                {move || if pending.get() { i18n.t().accounts.saving } else { i18n.t().accounts.save_password }}
            </button>
        </form>
    }
}
