//! `/beheer/beveiliging`: the organisation's password rules, what happens
//! after wrong passwords, whether a second factor is required, and how
//! invitees prove who they are (birth date or an SMS PIN). Settings
//! below Poort's standard are allowed (seed 004's customers need them) but
//! the page says plainly what they cost.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use shared::accounts::{ActivationProof, LockoutSetting, SecuritySettings};
use shared::password_policy::{MIN_LENGTH_FLOOR, PasswordPolicy, STANDARD_MAX_LENGTH, STANDARD_MIN_LENGTH};

use crate::api;
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::components::icon::{Icon, IconName};
use crate::components::page_title::use_page_title;
use crate::i18n::use_i18n;

/// The lock Poort proposes when an organisation switches to locking.
const SUGGESTED_LOCKOUT: LockoutSetting = LockoutSetting { failures: 5, minutes: 15 };

#[component]
pub fn SecurityPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.security.security_title.into());
    let settings = LocalResource::new(api::security);

    view! {
        <header class="page-header">
            <h1>{move || i18n.t().security.security_title}</h1>
            <p class="lead">{move || i18n.t().security.security_intro}</p>
        </header>
        {move || settings.get().map(|result| match result {
            Ok(s) => view! { <SecurityForm initial=s /> }.into_any(),
            Err(e) => view! { <p class="field-error">{i18n.t().api_error(&e)}</p> }.into_any(),
        })}
    }
}

#[component]
fn SecurityForm(initial: SecuritySettings) -> impl IntoView {
    let i18n = use_i18n();
    let legacy = RwSignal::new(initial.password_policy == PasswordPolicy::Legacy);
    let min_length = RwSignal::new(match initial.password_policy {
        PasswordPolicy::Standard { min_length } => min_length,
        PasswordPolicy::Legacy => STANDARD_MIN_LENGTH,
    });
    let lock = RwSignal::new(initial.lockout.is_some());
    let lockout = initial.lockout.unwrap_or(SUGGESTED_LOCKOUT);
    let failures = RwSignal::new(lockout.failures);
    let minutes = RwSignal::new(lockout.minutes);
    let require = RwSignal::new(initial.require_second_factor);
    let by_pin = RwSignal::new(initial.activation_proof == ActivationProof::SmsPin);
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    // Shown from what is on screen, so the warning changes with the choice.
    let weaker_legacy = Memo::new(move |_| legacy.get());
    let weaker_lock = Memo::new(move |_| lock.get());

    let save = Action::new_local(move |settings: &SecuritySettings| {
        let settings = settings.clone();
        async move {
            match api::save_security(&settings).await {
                Ok(_) => notice.set(Some(i18n.t().security.security_saved.into())),
                Err(e) => error.set(Some(i18n.t().api_error(&e))),
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
        notice.set(None);
        save.dispatch(SecuritySettings {
            password_policy: if legacy.get_untracked() {
                PasswordPolicy::Legacy
            } else {
                PasswordPolicy::Standard { min_length: min_length.get_untracked() }
            },
            lockout: lock.get_untracked().then(|| LockoutSetting {
                failures: failures.get_untracked(),
                minutes: minutes.get_untracked(),
            }),
            require_second_factor: require.get_untracked(),
            activation_proof: if by_pin.get_untracked() {
                ActivationProof::SmsPin
            } else {
                ActivationProof::BirthDate
            },
            weaker_than_standard: false,
        });
    };

    let number = |signal: RwSignal<u32>| {
        move |ev| {
            if let Ok(n) = event_target_value(&ev).trim().parse::<u32>() {
                signal.set(n);
            }
        }
    };

    view! {
        <section class="card section-card">
            <div class="weaker-warning" role="status" data-testid="weaker-warning" class:is-visible=move || weaker_legacy.get() || weaker_lock.get()>
                <Show when=move || weaker_legacy.get() || weaker_lock.get()>
                    <Icon icon=IconName::Warning />
                    <div>
                        <p><strong>{move || i18n.t().security.weaker_title}</strong></p>
                        <Show when=move || weaker_legacy.get()><p>{move || i18n.t().security.weaker_legacy}</p></Show>
                        <Show when=move || weaker_lock.get()><p>{move || i18n.t().security.weaker_lockout}</p></Show>
                    </div>
                </Show>
            </div>
            <ErrorAlert message=error testid="security-error" />
            <SuccessNotice message=notice testid="security-notice" />
            <form class="form" novalidate=true data-testid="security-form" on:submit=on_submit>
                <fieldset class="field radio-group">
                    <legend>{move || i18n.t().security.policy_legend}</legend>
                    <label class="checkbox">
                        <input type="radio" name="policy" data-testid="policy-standard" prop:checked=move || !legacy.get() on:change=move |_| legacy.set(false) />
                        <span>{move || i18n.t().security.policy_standard}</span>
                    </label>
                    <p class="help-text">{move || i18n.t().security.policy_standard_hint}</p>
                    <Show when=move || !legacy.get()>
                        <div class="field nested">
                            <label for="min-length">{move || i18n.t().security.min_length_label}</label>
                            <input
                                id="min-length"
                                type="number"
                                inputmode="numeric"
                                min=MIN_LENGTH_FLOOR.to_string()
                                max=STANDARD_MAX_LENGTH.to_string()
                                prop:value=move || min_length.get().to_string()
                                on:input=move |ev| {
                                    if let Ok(n) = event_target_value(&ev).trim().parse::<usize>() {
                                        min_length.set(n);
                                    }
                                }
                            />
                        </div>
                    </Show>
                    <label class="checkbox">
                        <input type="radio" name="policy" data-testid="policy-legacy" prop:checked=move || legacy.get() on:change=move |_| legacy.set(true) />
                        <span>{move || i18n.t().security.policy_legacy}</span>
                    </label>
                    <p class="help-text">{move || i18n.t().security.policy_legacy_hint}</p>
                </fieldset>
                <fieldset class="field radio-group">
                    <legend>{move || i18n.t().security.lockout_legend}</legend>
                    <label class="checkbox">
                        <input type="radio" name="lockout" data-testid="lockout-delays" prop:checked=move || !lock.get() on:change=move |_| lock.set(false) />
                        <span>{move || i18n.t().security.lockout_delays}</span>
                    </label>
                    <p class="help-text">{move || i18n.t().security.lockout_delays_hint}</p>
                    <label class="checkbox">
                        <input type="radio" name="lockout" data-testid="lockout-lock" prop:checked=move || lock.get() on:change=move |_| lock.set(true) />
                        <span>{move || i18n.t().security.lockout_lock}</span>
                    </label>
                    <p class="help-text">{move || i18n.t().security.lockout_lock_hint}</p>
                    <Show when=move || lock.get()>
                        <div class="field-row nested">
                            <div class="field">
                                <label for="lock-failures">{move || i18n.t().security.failures_label}</label>
                                <input id="lock-failures" type="number" inputmode="numeric" min="1" max="10"
                                    prop:value=move || failures.get().to_string() on:input=number(failures) />
                            </div>
                            <div class="field">
                                <label for="lock-minutes">{move || i18n.t().security.minutes_label}</label>
                                <input id="lock-minutes" type="number" inputmode="numeric" min="1" max="1440"
                                    prop:value=move || minutes.get().to_string() on:input=number(minutes) />
                            </div>
                        </div>
                    </Show>
                </fieldset>
                <fieldset class="field">
                    <legend>{move || i18n.t().security.second_factor_legend}</legend>
                    <label class="checkbox">
                        <input type="checkbox" data-testid="require-second-factor" prop:checked=move || require.get()
                            on:change=move |ev| require.set(event_target_checked(&ev)) />
                        <span>{move || i18n.t().security.require_second_factor}</span>
                    </label>
                    <p class="help-text">{move || i18n.t().security.require_second_factor_hint}</p>
                </fieldset>
                <fieldset class="field radio-group">
                    <legend>{move || i18n.t().contact.proof_legend}</legend>
                    <label class="checkbox">
                        <input type="radio" name="proof" data-testid="proof-birth-date" prop:checked=move || !by_pin.get() on:change=move |_| by_pin.set(false) />
                        <span>{move || i18n.t().contact.proof_birth_date}</span>
                    </label>
                    <p class="help-text">{move || i18n.t().contact.proof_birth_date_hint}</p>
                    <label class="checkbox">
                        <input type="radio" name="proof" data-testid="proof-sms-pin" prop:checked=move || by_pin.get() on:change=move |_| by_pin.set(true) />
                        <span>{move || i18n.t().contact.proof_sms_pin}</span>
                    </label>
                    <p class="help-text">{move || i18n.t().contact.proof_sms_pin_hint}</p>
                </fieldset>
                <div class="form-actions">
                    <button type="submit" class="button primary" data-testid="security-save" aria-disabled=move || pending.get().to_string()>
                        {move || if pending.get() { i18n.t().admin.saving } else { i18n.t().admin.save }}
                    </button>
                </div>
            </form>
        </section>
    }
}
