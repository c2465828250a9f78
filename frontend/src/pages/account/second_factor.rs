//! The authenticator app: setting it up (QR code, manual key, first code,
//! recovery codes), new recovery codes, removing it.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use shared::auth::{RecoveryCodes, TotpEnrolment};

use super::qr::QrCodeSvg;
use crate::api::{self, ApiError};
use crate::browser;
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::i18n::{Dict, use_i18n};
use crate::pages::auth::second_factor::{is_code, normalise_code};

/// The base32 key in groups of four, as authenticator apps show it: easier
/// to type and to compare.
pub fn group_key(key: &str) -> String {
    let chars: Vec<char> = key.chars().filter(|c| !c.is_whitespace()).collect();
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join(" ")
}

/// The codes as a `data:` link for the download button: no Blob or object
/// URL to clean up, and nothing leaves the browser.
fn codes_download_href(codes: &[String]) -> String {
    let text = format!("Poort – herstelcodes / recovery codes\r\n\r\n{}\r\n", codes.join("\r\n"));
    let encoded: String = text
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("data:text/plain;charset=utf-8,{encoded}")
}

/// Recovery codes, shown once, with copy and download.
#[component]
pub fn RecoveryCodesView(
    codes: Vec<String>,
    on_done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(false);
    let all = codes.join("\n");
    let href = codes_download_href(&codes);
    let heading = NodeRef::<html::H3>::new();
    // The codes replace the form that was used: move focus to them.
    request_animation_frame(move || {
        if let Some(h) = heading.get_untracked() {
            let _ = h.focus();
        }
    });
    view! {
        <div class="recovery-codes" data-testid="recovery-codes">
            <h3 tabindex="-1" node_ref=heading>{move || i18n.t().security.codes_heading}</h3>
            <p class="notice">{move || i18n.t().security.codes_intro}</p>
            <ol class="code-list">
                {codes.into_iter().map(|c| view! { <li><code data-testid="recovery-code">{c}</code></li> }).collect_view()}
            </ol>
            <div class="form-actions">
                <button
                    type="button"
                    class="button secondary"
                    data-testid="copy-codes"
                    on:click=move |_| {
                        browser::copy_to_clipboard(&all);
                        copied.set(true);
                    }
                >
                    {move || if copied.get() { i18n.t().security.copied } else { i18n.t().security.copy }}
                </button>
                <a class="button secondary" href=href download="poort-herstelcodes.txt" data-testid="download-codes">
                    {move || i18n.t().security.download}
                </a>
                <button type="button" class="button primary" data-testid="codes-done" on:click=move |_| on_done()>
                    {move || i18n.t().security.codes_done}
                </button>
            </div>
        </div>
    }
}

#[derive(Clone, PartialEq)]
enum Step {
    Start,
    Scan(TotpEnrolment),
    Codes(Vec<String>),
}

/// Setting up the app; `autostart` asks for the key at once (forced screen).
#[component]
pub fn TotpSetup(
    #[prop(optional)] autostart: bool,
    on_done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let step = RwSignal::new(Step::Start);
    let error = RwSignal::new(None::<String>);
    let code = RwSignal::new(String::new());
    let code_error = RwSignal::new(None::<String>);
    let code_input = NodeRef::<html::Input>::new();

    let enrol = Action::new_local(move |_: &()| async move {
        match api::enrol_totp().await {
            Ok(enrolment) => {
                step.set(Step::Scan(enrolment));
                request_animation_frame(move || {
                    if let Some(input) = code_input.get_untracked() {
                        let _ = input.focus();
                    }
                });
            }
            Err(e) => error.set(Some(i18n.t().api_error(&e))),
        }
    });
    if autostart {
        enrol.dispatch(());
    }
    let confirm = Action::new_local(move |code_text: &String| {
        let code_text = code_text.clone();
        async move {
            match api::confirm_totp(code_text).await {
                Ok(RecoveryCodes { codes }) => step.set(Step::Codes(codes)),
                Err(e) => {
                    code.set(String::new());
                    code_error.set(Some(confirm_error(i18n.t(), &e)));
                    if let Some(input) = code_input.get_untracked() {
                        let _ = input.focus();
                    }
                }
            }
        }
    });
    let enrolling = enrol.pending();
    let confirming = confirm.pending();

    let on_confirm = move |ev: SubmitEvent| {
        ev.prevent_default();
        if confirming.get_untracked() {
            return;
        }
        let text = normalise_code(&code.get_untracked());
        if !is_code(&text) {
            code_error.set(Some(i18n.t().security.code_format.into()));
            if let Some(input) = code_input.get_untracked() {
                let _ = input.focus();
            }
            return;
        }
        confirm.dispatch(text);
    };

    let body = move || {
        match step.get() {
        Step::Start => view! {
            <button
                type="button"
                class="button primary"
                data-testid="totp-start"
                aria-disabled=move || enrolling.get().to_string()
                on:click=move |_| {
                    if !enrolling.get_untracked() {
                        error.set(None);
                        enrol.dispatch(());
                    }
                }
            >
                {move || if enrolling.get() { i18n.t().security.starting } else { i18n.t().security.totp_start }}
            </button>
        }
        .into_any(),
        Step::Scan(enrolment) => view! {
            <div class="totp-setup" data-testid="totp-setup">
                <p>{move || i18n.t().security.scan_step}</p>
                <QrCodeSvg text=enrolment.otpauth_url.clone() label=i18n.t().security.qr_label />
                <p class="help-text">{move || i18n.t().security.manual_step}</p>
                <p><code class="manual-key" data-testid="totp-manual-key">{group_key(&enrolment.manual_key)}</code></p>
                <form class="form" novalidate=true data-testid="totp-confirm-form" on:submit=on_confirm>
                    <div class="field" class:has-error=move || code_error.with(Option::is_some)>
                        <label for="totp-code">{move || i18n.t().security.confirm_step}</label>
                        <input
                            id="totp-code"
                            name="code"
                            type="text"
                            class="code-input"
                            inputmode="numeric"
                            autocomplete="one-time-code"
                            maxlength="7"
                            required=true
                            data-testid="totp-code"
                            node_ref=code_input
                            prop:value=move || code.get()
                            aria-invalid=move || code_error.with(Option::is_some).to_string()
                            aria-describedby=move || code_error.with(Option::is_some).then_some("totp-code-error")
                            on:input=move |ev| {
                                code.set(event_target_value(&ev));
                                code_error.set(None);
                            }
                        />
                        {move || code_error.get().map(|m| view! {
                            <p id="totp-code-error" class="field-error" data-testid="totp-code-error">{m}</p>
                        })}
                    </div>
                    <button
                        type="submit"
                        class="button primary"
                        data-testid="totp-confirm"
                        aria-disabled=move || confirming.get().to_string()
                    >
                        {move || if confirming.get() { i18n.t().security.confirming } else { i18n.t().security.confirm }}
                    </button>
                </form>
            </div>
        }
        .into_any(),
        Step::Codes(codes) => view! { <RecoveryCodesView codes=codes on_done=on_done /> }.into_any(),
    }
    };

    view! {
        <ErrorAlert message=error testid="totp-error" />
        {body}
    }
}

fn confirm_error(t: &'static Dict, error: &ApiError) -> String {
    if error.field_code("code").is_some() { t.security.wrong_code(None) } else { t.api_error(error) }
}

/// The app's state on "Mijn account", with setup, new codes and removal.
#[component]
pub fn TotpSection() -> impl IntoView {
    let i18n = use_i18n();
    let revision = RwSignal::new(0u32);
    let status = LocalResource::new(move || {
        revision.track();
        api::second_factor_status()
    });
    let notice = RwSignal::new(None::<String>);
    let refresh = move || revision.update(|r| *r += 1);

    view! {
        <section class="card section-card" aria-labelledby="totp-heading" data-testid="totp-section">
            <h2 id="totp-heading">{move || i18n.t().security.totp_heading}</h2>
            <p class="help-text">{move || i18n.t().security.totp_intro}</p>
            <SuccessNotice message=notice testid="totp-notice" />
            {move || status.get().map(|result| match result {
                Ok(s) if s.totp => view! {
                    <p data-testid="totp-status" data-on="true">
                        {i18n.t().security.totp_on}" "{i18n.t().security.codes_left(s.recovery_codes_left)}
                    </p>
                    <TotpManage notice=notice on_change=refresh />
                }
                .into_any(),
                Ok(_) => view! {
                    <p data-testid="totp-status" data-on="false">{i18n.t().security.totp_off}</p>
                    <TotpSetup on_done=move || {
                        notice.set(Some(i18n.t().security.totp_enabled.into()));
                        refresh();
                    } />
                }
                .into_any(),
                Err(e) => view! { <p class="field-error">{i18n.t().api_error(&e)}</p> }.into_any(),
            })}
        </section>
    }
}

/// New recovery codes or removing the app, both after the password.
#[component]
fn TotpManage(
    notice: RwSignal<Option<String>>,
    on_change: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let codes = RwSignal::new(None::<Vec<String>>);
    let input = NodeRef::<html::Input>::new();

    let fail = move |e: ApiError| {
        let t = i18n.t();
        error.set(Some(if e.field_code("password").is_some() {
            t.security.wrong_password.into()
        } else {
            t.api_error(&e)
        }));
        if let Some(i) = input.get_untracked() {
            let _ = i.focus();
        }
    };
    // `true`: remove the app; `false`: new recovery codes.
    let act = Action::new_local(move |remove: &bool| {
        let remove = *remove;
        let pw = password.get_untracked();
        async move {
            if remove {
                match api::remove_totp(pw).await {
                    Ok(()) => {
                        notice.set(Some(i18n.t().security.totp_removed.into()));
                        on_change();
                    }
                    Err(e) => fail(e),
                }
            } else {
                match api::regenerate_recovery_codes(pw).await {
                    Ok(RecoveryCodes { codes: new }) => {
                        password.set(String::new());
                        codes.set(Some(new));
                    }
                    Err(e) => fail(e),
                }
            }
        }
    });
    let pending = act.pending();
    let run = move |remove: bool| {
        error.set(None);
        notice.set(None);
        if pending.get_untracked() {
            return;
        }
        if password.with_untracked(String::is_empty) {
            error.set(Some(i18n.t().password_required.into()));
            if let Some(i) = input.get_untracked() {
                let _ = i.focus();
            }
            return;
        }
        act.dispatch(remove);
    };

    view! {
        {move || match codes.get() {
            Some(list) => view! { <RecoveryCodesView codes=list on_done=move || { codes.set(None); on_change(); } /> }.into_any(),
            None => view! {
                <form class="form" novalidate=true data-testid="totp-manage" on:submit=move |ev: SubmitEvent| { ev.prevent_default(); run(false); }>
                    <p class="help-text">{move || i18n.t().security.new_codes_intro}" "{move || i18n.t().security.remove_intro}</p>
                    <div class="field" class:has-error=move || error.with(Option::is_some)>
                        <label for="reauth-password">{move || i18n.t().security.your_password}</label>
                        <input
                            id="reauth-password"
                            type="password"
                            autocomplete="current-password"
                            data-testid="reauth-password"
                            node_ref=input
                            prop:value=move || password.get()
                            aria-invalid=move || error.with(Option::is_some).to_string()
                            aria-describedby=move || error.with(Option::is_some).then_some("reauth-error")
                            on:input=move |ev| { password.set(event_target_value(&ev)); error.set(None); }
                        />
                        {move || error.get().map(|m| view! { <p id="reauth-error" class="field-error" data-testid="reauth-error">{m}</p> })}
                    </div>
                    <div class="form-actions">
                        <button type="submit" class="button secondary" data-testid="new-recovery-codes">
                            {move || i18n.t().security.new_codes}
                        </button>
                        <button type="button" class="button danger" data-testid="remove-totp" on:click=move |_| run(true)>
                            {move || i18n.t().security.remove_totp}
                        </button>
                    </div>
                </form>
            }
            .into_any(),
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_grouped_in_fours() {
        assert_eq!(group_key("JBSWY3DPEHPK3PXP"), "JBSW Y3DP EHPK 3PXP");
        assert_eq!(group_key("ABCDEF"), "ABCD EF");
    }

    #[test]
    fn the_download_link_carries_the_codes() {
        let href = codes_download_href(&["abcd-1234".into()]);
        assert!(href.starts_with("data:text/plain;charset=utf-8,"));
        assert!(href.contains("abcd-1234"));
    }
}
