//! `/contracten/{id}`: the contract, its PDF, signing (for the signer) and, for the
//! employer side, the audit trail and withdrawing.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::contracts::{Contract, ContractAuditEntry, ContractStatus, SignContract};
use shared::error::ErrorKind;
use uuid::Uuid;

use super::{ContractStatusBadge, contract_href, manages_contracts, record_visit};
use crate::api::{self, ApiError};
use crate::browser;
use crate::components::field::{FieldKind, InputField};
use crate::components::page_title::use_page_title;
use crate::i18n::contracts::texts;
use crate::i18n::use_i18n;
use crate::session::use_session;

#[component]
pub fn ContractPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| id.parse::<Uuid>().ok())));
    use_page_title(|t| texts(t.locale).contracts_title.into());
    let contract = RwSignal::new(None::<Result<Contract, ApiError>>);
    let load = move || {
        let Some(id) = id.get_untracked() else {
            contract.set(Some(Err(ApiError::Unexpected(404))));
            return;
        };
        spawn_local(async move {
            let r = api::contract(id).await;
            if let Ok(c) = &r {
                record_visit(c.title.clone(), contract_href(c.id));
            }
            contract.set(Some(r));
        });
    };
    Effect::new(move |_| {
        id.track();
        load();
    });
    let c = move || texts(i18n.locale());
    view! {
        <div class="page contract-page">
            <p><A href="/contracten" attr:class="back-link">{move || c().back_to_contracts}</A></p>
            {move || contract.get().map(|r| match r {
                Err(e) => {
                    let msg = if e.kind() == Some(ErrorKind::NotFound) || e == ApiError::Unexpected(404) {
                        c().contract_not_found.to_string()
                    } else {
                        i18n.t().api_error(&e)
                    };
                    view! { <p class="form-alert is-visible" role="alert">{msg}</p> }.into_any()
                }
                Ok(k) => view! { <ContractView contract=k reload=Callback::new(move |_| load()) /> }.into_any(),
            })}
        </div>
    }
}

#[component]
fn ContractView(contract: Contract, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let c = move || texts(i18n.locale());
    let me = session.me();
    let mine = me.as_ref().is_some_and(|m| m.id == contract.user_id);
    let employer = me.as_ref().is_some_and(manages_contracts);
    let id = contract.id;
    let href = api::contract_file_href(id);
    let status = contract.status;
    view! {
        <header class="page-header">
            <h1 data-testid="contract-title">{contract.title.clone()}</h1>
            <p class="lead">
                <ContractStatusBadge status=status />
                " "
                {format!("{} · {}: {}", contract.person_name, c().sign_by, c().date(contract.sign_by))}
            </p>
        </header>
        <section class="card section-card" aria-labelledby="pdf-heading">
            <h2 id="pdf-heading">{move || c().read_pdf}</h2>
            <p>
                <a href=href.clone() class="button secondary" target="_blank" rel="noopener" data-testid="open-pdf">
                    {move || c().open_pdf}
                </a>
            </p>
            <p class="help-text break-anywhere">{move || format!("{}: ", c().document_hash)}<code>{contract.document_sha256.clone()}</code></p>
        </section>
        {(status == ContractStatus::Withdrawn).then(|| view! { <p class="form-alert is-visible" role="status">{c().withdrawn_notice}</p> })}
        {(status == ContractStatus::Expired).then(|| view! { <p class="form-alert is-visible" role="status">{c().expired_notice}</p> })}
        {(mine && status == ContractStatus::ToSign).then(|| view! { <SignForm id=id reload=reload /> })}
        {contract.signature.clone().map(|s| {
            let t = c();
            view! {
                <section class="card section-card" aria-labelledby="signature-heading" data-testid="signature">
                    <h2 id="signature-heading">{t.signature_heading}</h2>
                    <dl class="facts">
                        <div><dt>{t.signed_by}</dt><dd data-testid="signed-by">{contract.person_name.clone()}</dd></div>
                        <div><dt>{t.typed_name}</dt><dd>{s.typed_name.clone()}</dd></div>
                        <div><dt>{t.signed_at}</dt><dd data-testid="signed-at">{t.instant(s.signed_at)}</dd></div>
                        <div><dt>{t.second_factor}</dt><dd>{if s.second_factor == "sms" { "SMS" } else { "Authenticator-app" }}</dd></div>
                        <div><dt>{t.document_hash}</dt><dd class="break-anywhere" data-testid="signed-hash"><code>{s.document_sha256.clone()}</code></dd></div>
                        <div><dt>{t.ip_address}</dt><dd>{s.ip.clone().unwrap_or_default()}</dd></div>
                        <div><dt>{t.browser}</dt><dd class="break-anywhere">{s.user_agent.clone().unwrap_or_default()}</dd></div>
                    </dl>
                </section>
            }
        })}
        {employer.then(|| view! { <EmployerPanel id=id status=status reload=reload /> })}
    }
}

#[component]
fn SignForm(id: Uuid, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let c = move || texts(i18n.locale());
    let factors = LocalResource::new(api::second_factor_status);
    let agree = RwSignal::new(false);
    let agree_error = RwSignal::new(None::<String>);
    let name = RwSignal::new(String::new());
    let name_error = RwSignal::new(None::<String>);
    let code = RwSignal::new(String::new());
    let code_error = RwSignal::new(None::<String>);
    let alert = RwSignal::new(None::<String>);
    let sms_note = RwSignal::new(None::<String>);
    let sign = Action::new_local(move |_: &()| async move {
        let t = texts(i18n.locale_untracked());
        let body = SignContract {
            agree: agree.get_untracked(),
            typed_name: name.get_untracked(),
            code: code.get_untracked().trim().to_string(),
        };
        match api::sign_contract(id, &body).await {
            Ok(_) => reload.run(()),
            Err(e) => {
                let mut any = false;
                for (field, signal) in
                    [("agree", agree_error), ("typed_name", name_error), ("code", code_error)]
                {
                    if let Some(code) = e.field_code(field) {
                        signal.set(Some(t.problem(field, code)));
                        any = true;
                    }
                }
                for field in ["document", "status"] {
                    if let Some(code) = e.field_code(field) {
                        alert.set(Some(t.problem(field, code)));
                        any = true;
                    }
                }
                if !any {
                    alert.set(Some(i18n.t().api_error(&e)));
                }
                if code_error.with_untracked(Option::is_some) {
                    code.set(String::new());
                    browser::focus_element("sign-code");
                }
            }
        }
    });
    let pending = sign.pending();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        alert.set(None);
        let t = texts(i18n.locale_untracked());
        let mut first = None;
        if !agree.get_untracked() {
            agree_error.set(Some(t.problem("agree", "required")));
            first.get_or_insert("sign-agree");
        }
        if name.with_untracked(|n| n.trim().is_empty()) {
            name_error.set(Some(t.problem("typed_name", "required")));
            first.get_or_insert("sign-name");
        }
        if code.with_untracked(|n| n.trim().is_empty()) {
            code_error.set(Some(t.problem("code", "required")));
            first.get_or_insert("sign-code");
        }
        if let Some(f) = first {
            browser::focus_element(f);
            return;
        }
        sign.dispatch(());
    };
    let send_sms = move |_| {
        spawn_local(async move {
            let t = texts(i18n.locale_untracked());
            match api::contract_sign_code(id).await {
                Ok(sent) => sms_note.set(Some(format!("{} {}", t.sms_code_sent, sent.sent_to))),
                Err(e) => sms_note.set(Some(i18n.t().api_error(&e))),
            }
        })
    };
    view! {
        <section class="card section-card sign-card" aria-labelledby="sign-heading" data-testid="sign-form">
            <h2 id="sign-heading">{move || c().sign_heading}</h2>
            {move || factors.get().map(|r| match r {
                Ok(f) if !f.totp && !f.sms => view! {
                    <div data-testid="no-second-factor">
                        <p class="form-alert is-visible" role="alert">{c().no_second_factor}</p>
                        <p><A href="/mijn-account" attr:class="button primary">{c().set_up_second_factor}</A></p>
                    </div>
                }.into_any(),
                Ok(f) => {
                    let sms = f.sms;
                    view! {
                        <p>{c().sign_intro}</p>
                        <form novalidate on:submit=on_submit>
                            <div class="field checkbox-field" class:has-error=move || agree_error.with(Option::is_some)>
                                <label>
                                    <input
                                        id="sign-agree"
                                        type="checkbox"
                                        data-testid="sign-agree"
                                        prop:checked=move || agree.get()
                                        aria-invalid=move || agree_error.with(Option::is_some).to_string()
                                        aria-describedby="sign-agree-error"
                                        on:change=move |ev| {
                                            agree.set(event_target_checked(&ev));
                                            agree_error.set(None);
                                        }
                                    />
                                    " "
                                    {c().agree_label}
                                </label>
                                {move || agree_error.get().map(|m| view! { <p id="sign-agree-error" class="field-error" data-testid="sign-agree-error">{m}</p> })}
                            </div>
                            <InputField
                                id="sign-name"
                                label=Signal::derive(move || c().typed_name_label)
                                value=name
                                error=name_error
                                hint=Signal::derive(move || Some(c().typed_name_hint.to_string()))
                            />
                            <InputField
                                id="sign-code"
                                label=Signal::derive(move || c().code_label)
                                value=code
                                error=code_error
                                kind=FieldKind::Code
                                hint=Signal::derive(move || Some(c().code_hint_totp.to_string()))
                            />
                            {sms.then(|| view! {
                                <p>
                                    <button type="button" class="button secondary small" data-testid="send-sign-sms" on:click=send_sms>
                                        {c().send_sms_code}
                                    </button>
                                    " "
                                    <span role="status">{move || sms_note.get()}</span>
                                </p>
                            })}
                            {move || alert.get().map(|m| view! { <p class="form-alert is-visible" role="alert" data-testid="sign-alert">{m}</p> })}
                            <button type="submit" class="button primary" data-testid="sign-submit" disabled=move || pending.get()>
                                {move || if pending.get() { c().signing } else { c().sign_button }}
                            </button>
                        </form>
                    }.into_any()
                }
                Err(e) => view! { <p class="field-error">{i18n.t().api_error(&e)}</p> }.into_any(),
            })}
        </section>
    }
}

#[component]
fn EmployerPanel(id: Uuid, status: ContractStatus, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let c = move || texts(i18n.locale());
    let trail = LocalResource::new(move || api::contract_audit(id));
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let withdraw = move |_| {
        if !confirming.get_untracked() {
            confirming.set(true);
            return;
        }
        spawn_local(async move {
            match api::withdraw_contract(id).await {
                Ok(_) => reload.run(()),
                Err(e) => error.set(Some(i18n.t().api_error(&e))),
            }
        });
    };
    view! {
        <section class="card section-card" aria-labelledby="audit-heading" data-testid="contract-audit">
            <h2 id="audit-heading">{move || c().audit_heading}</h2>
            {move || trail.get().map(|r| match r {
                Err(e) => view! { <p class="field-error">{i18n.t().api_error(&e)}</p> }.into_any(),
                Ok(lines) => view! { <AuditTable lines=lines /> }.into_any(),
            })}
            {(status == ContractStatus::ToSign).then(|| view! {
                <p>
                    {move || confirming.get().then(|| view! { <span class="help-text">{c().withdraw_confirm}" "</span> })}
                    <button type="button" class="button danger small" data-testid="withdraw-contract" on:click=withdraw>
                        {move || c().withdraw}
                    </button>
                </p>
            })}
            {move || error.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
        </section>
    }
}

#[component]
fn AuditTable(lines: Vec<ContractAuditEntry>) -> impl IntoView {
    let i18n = use_i18n();
    let t = texts(i18n.locale_untracked());
    let rows = lines
        .into_iter()
        .map(|l| {
            view! {
                <tr data-testid="audit-row">
                    <td data-label=t.audit_when>{t.instant(l.at)}</td>
                    <td data-label=t.audit_what data-testid="audit-action">{t.action_name(&l.action)}</td>
                    <td data-label=t.audit_who>{l.actor_name.clone()}</td>
                    <td data-label=t.ip_address>{l.ip.clone().unwrap_or_default()}</td>
                    <td data-label=t.browser class="break-anywhere">{l.user_agent.clone().unwrap_or_default()}</td>
                    <td data-label=t.audit_detail class="break-anywhere"><code>{l.detail.clone().unwrap_or_default()}</code></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data-table audit-table">
            <thead>
                <tr>
                    <th scope="col">{t.audit_when}</th>
                    <th scope="col">{t.audit_what}</th>
                    <th scope="col">{t.audit_who}</th>
                    <th scope="col">{t.ip_address}</th>
                    <th scope="col">{t.browser}</th>
                    <th scope="col">{t.audit_detail}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
