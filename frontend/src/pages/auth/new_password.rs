//! Choosing a new password (reset and activation): the password twice, with
//! live feedback from the server's own rules.
//!
//! The server is asked (`POST /api/v1/password-check`) once typing pauses, so
//! the blocklist and the person's name, e-mail and organisation are checked
//! exactly as they will be on saving; the browser does not hold the
//! blocklist. When the server cannot be reached, the length rules from
//! `shared` still give feedback.

use std::time::Duration;

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::accounts::PasswordCheck;
use shared::password_policy::{PasswordPolicy, PasswordProblem, PersonalInfo, check_password};

use crate::api;
use crate::components::icon::{Icon, IconName};
use crate::i18n::use_i18n;

/// Pause in typing before the server is asked, so a fast typist does not send
/// a request per keystroke.
const CHECK_PAUSE: Duration = Duration::from_millis(300);

/// The live state of the new password, shared with the page that submits it.
#[derive(Clone, Copy)]
pub struct NewPassword {
    /// The new password.
    pub password: RwSignal<String>,
    /// The same, typed again.
    pub repeat: RwSignal<String>,
    /// The problems found for the current text; `None` until checked.
    pub problems: RwSignal<Option<Vec<PasswordProblem>>>,
    /// A check is waiting for typing to pause or for the server.
    pub checking: RwSignal<bool>,
    /// Show the mismatch even if the repeat is shorter (after blur or submit).
    pub repeat_judged: RwSignal<bool>,
    /// What the server said about the password on submitting, translated.
    pub server_error: RwSignal<Option<String>>,
    /// For focusing the field that needs attention.
    pub password_input: NodeRef<html::Input>,
    pub repeat_input: NodeRef<html::Input>,
}

impl Default for NewPassword {
    fn default() -> Self {
        Self::new()
    }
}

impl NewPassword {
    /// Empty fields, not checked yet.
    pub fn new() -> Self {
        Self {
            password: RwSignal::new(String::new()),
            repeat: RwSignal::new(String::new()),
            problems: RwSignal::new(None),
            checking: RwSignal::new(false),
            repeat_judged: RwSignal::new(false),
            server_error: RwSignal::new(None),
            password_input: NodeRef::new(),
            repeat_input: NodeRef::new(),
        }
    }

    /// The two fields differ in a way more typing cannot fix.
    fn mismatch(&self, judged: bool) -> bool {
        let password = self.password.get();
        let repeat = self.repeat.get();
        if repeat.is_empty() {
            return judged && !password.is_empty();
        }
        repeat != password && (judged || !password.starts_with(&repeat))
    }

    /// Called on submit: whether the page may send the password. Otherwise
    /// marks the problem and focuses the field to fix.
    pub fn ready(&self) -> bool {
        self.repeat_judged.set(true);
        let known_bad = self.password.with_untracked(String::is_empty)
            || (!self.checking.get_untracked()
                && self.problems.with_untracked(|p| p.as_ref().is_some_and(|p| !p.is_empty())));
        if known_bad {
            focus(self.password_input);
            return false;
        }
        if self.password.get_untracked() != self.repeat.get_untracked() {
            focus(self.repeat_input);
            return false;
        }
        true
    }
}

fn focus(input: NodeRef<html::Input>) {
    if let Some(input) = input.get_untracked() {
        let _ = input.focus();
    }
}

/// The new-password and repeat fields with their feedback.
#[component]
pub fn NewPasswordFields(
    state: NewPassword,
    /// The invitation or reset token; signed-in pages have none.
    #[prop(optional, into)]
    token: Option<String>,
    policy: PasswordPolicy,
) -> impl IntoView {
    let i18n = use_i18n();
    let show = RwSignal::new(false);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    // Answers to older texts are dropped: the server may answer out of order.
    let sequence = StoredValue::new(0u32);
    let token = StoredValue::new(token);

    let run_check = move || {
        let password = state.password.get_untracked();
        if password.is_empty() {
            state.problems.set(None);
            state.checking.set(false);
            return;
        }
        sequence.update_value(|s| *s = s.wrapping_add(1));
        let mine = sequence.get_value();
        let request = PasswordCheck { password: password.clone(), token: token.get_value() };
        spawn_local(async move {
            let problems = match api::check_password(&request).await {
                Ok(result) => result.problems,
                Err(_) => check_password(policy, &password, PersonalInfo::default(), &|_| false),
            };
            if sequence.get_value() == mine {
                state.problems.set(Some(problems));
                state.checking.set(false);
            }
        });
    };

    let on_password_input = move |ev| {
        state.password.set(event_target_value(&ev));
        state.server_error.set(None);
        state.checking.set(true);
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(set_timeout_with_handle(run_check, CHECK_PAUSE).ok());
    };
    on_cleanup(move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
    });

    let has_problems = Signal::derive(move || {
        state.server_error.with(Option::is_some)
            || (!state.password.with(String::is_empty)
                && state.problems.with(|p| p.as_ref().is_some_and(|p| !p.is_empty())))
    });
    let mismatch = Signal::derive(move || state.mismatch(state.repeat_judged.get()));

    let feedback = move || {
        let t = i18n.t().accounts;
        if let Some(message) = state.server_error.get() {
            return Some(
                view! {
                    <ul class="password-problems" data-testid="password-problems">
                        <li class="field-error"><Icon icon=IconName::Alert />{message}</li>
                    </ul>
                }
                .into_any(),
            );
        }
        if state.password.with(String::is_empty) {
            return None;
        }
        let problems = state.problems.get()?;
        if problems.is_empty() {
            if state.checking.get() {
                return None;
            }
            return Some(
                view! {
                    <p class="password-ok" data-testid="password-ok"><Icon icon=IconName::Check />{t.password_ok}</p>
                }
                .into_any(),
            );
        }
        Some(
            view! {
                <ul class="password-problems" data-testid="password-problems">
                    {problems
                        .into_iter()
                        .map(|p| view! {
                            <li class="field-error" data-testid=format!("password-problem-{}", p.code())>
                                <Icon icon=IconName::Alert />
                                {t.password_problem(p)}
                            </li>
                        })
                        .collect_view()}
                </ul>
            }
            .into_any(),
        )
    };

    view! {
        <div class="field" class:has-error=move || has_problems.get()>
            <label for="new-password">{move || i18n.t().accounts.new_password_label}</label>
            <input
                id="new-password"
                name="new-password"
                type=move || if show.get() { "text" } else { "password" }
                autocomplete="new-password"
                required=true
                data-testid="new-password"
                node_ref=state.password_input
                prop:value=move || state.password.get()
                aria-invalid=move || has_problems.get().to_string()
                aria-describedby="new-password-hint new-password-feedback"
                on:input=on_password_input
            />
            <p id="new-password-hint" class="help-text">{move || i18n.t().accounts.password_hint(policy)}</p>
            <div id="new-password-feedback" class="password-feedback" aria-live="polite">{feedback}</div>
        </div>
        <div class="field" class:has-error=move || mismatch.get()>
            <label for="repeat-password">{move || i18n.t().accounts.repeat_password_label}</label>
            <input
                id="repeat-password"
                name="repeat-password"
                type=move || if show.get() { "text" } else { "password" }
                autocomplete="new-password"
                required=true
                data-testid="repeat-password"
                node_ref=state.repeat_input
                prop:value=move || state.repeat.get()
                aria-invalid=move || mismatch.get().to_string()
                aria-describedby=move || mismatch.get().then_some("repeat-password-error")
                on:input=move |ev| state.repeat.set(event_target_value(&ev))
                on:blur=move |_| {
                    if !state.repeat.get_untracked().is_empty() {
                        state.repeat_judged.set(true);
                    }
                }
            />
            {move || mismatch.get().then(|| view! {
                <p id="repeat-password-error" class="field-error" data-testid="passwords-differ">
                    {i18n.t().accounts.passwords_differ}
                </p>
            })}
        </div>
        <label class="checkbox">
            <input
                type="checkbox"
                data-testid="show-passwords"
                prop:checked=move || show.get()
                on:change=move |ev| show.set(event_target_checked(&ev))
            />
            <span>{move || i18n.t().accounts.show_passwords}</span>
        </label>
    }
}
