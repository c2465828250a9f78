//! `/beheer/koppelingen`: API clients for other systems. A new client's
//! secret is shown once, with a copy button; revoking asks first.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use shared::integrations::{ApiClient, ApiScope, CreatedApiClient};
/// Longest client name the form takes; the server applies its own limit.
const MAX_NAME_LEN: usize = 100;

use crate::api;
use crate::browser;
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::components::page_title::use_page_title;
use crate::i18n::use_i18n;
use crate::time;

#[component]
pub fn ClientsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.security.clients_title.into());
    let revision = RwSignal::new(0u32);
    let clients = LocalResource::new(move || {
        revision.track();
        api::api_clients()
    });
    let created = RwSignal::new(None::<CreatedApiClient>);
    let notice = RwSignal::new(None::<String>);
    let refresh = move || revision.update(|r| *r += 1);

    view! {
        <header class="page-header">
            <h1>{move || i18n.t().security.clients_title}</h1>
            <p class="lead">{move || i18n.t().security.clients_intro}</p>
        </header>
        <section class="card section-card" aria-labelledby="new-client-heading">
            <h2 id="new-client-heading">{move || i18n.t().security.new_client_heading}</h2>
            <NewClientForm created=created on_created=refresh />
            {move || created.get().map(|c| view! { <CreatedSecret created=c /> })}
        </section>
        <section class="card section-card" aria-labelledby="clients-heading">
            <h2 id="clients-heading">{move || i18n.t().security.clients_heading}</h2>
            <SuccessNotice message=notice testid="clients-notice" />
            {move || clients.get().map(|result| match result {
                Ok(list) if list.is_empty() => view! { <p class="empty-list">{i18n.t().security.no_clients}</p> }.into_any(),
                Ok(list) => view! {
                    <table class="data-table" data-testid="clients-table">
                        <thead>
                            <tr>
                                <th scope="col">{i18n.t().security.client_name_label}</th>
                                <th scope="col">{i18n.t().security.created_on}</th>
                                <th scope="col">{i18n.t().security.last_used}</th>
                                <th scope="col">{i18n.t().admin.status_label}</th>
                                <th scope="col"><span class="visually-hidden">{i18n.t().admin.actions}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            {list.into_iter().map(|c| view! { <ClientRow client=c notice=notice on_change=refresh /> }).collect_view()}
                        </tbody>
                    </table>
                }
                .into_any(),
                Err(e) => view! { <p class="field-error">{i18n.t().api_error(&e)}</p> }.into_any(),
            })}
        </section>
    }
}

#[component]
fn NewClientForm(
    created: RwSignal<Option<CreatedApiClient>>,
    on_created: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let name_error = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let input = NodeRef::<html::Input>::new();
    let create = Action::new_local(move |text: &String| {
        let text = text.clone();
        async move {
            match api::create_api_client(text, ApiScope::ALL.to_vec()).await {
                Ok(c) => {
                    created.set(Some(c));
                    on_created();
                }
                Err(e) => match e.field_code("name") {
                    Some(code) => name_error.set(Some(i18n.t().field_code(code, MAX_NAME_LEN))),
                    None => error.set(Some(i18n.t().api_error(&e))),
                },
            }
        }
    });
    let pending = create.pending();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        if pending.get_untracked() {
            return;
        }
        let text = name.get_untracked().trim().to_string();
        if text.is_empty() {
            name_error.set(Some(i18n.t().field_problem(shared::validation::FieldProblem::Required)));
            if let Some(i) = input.get_untracked() {
                let _ = i.focus();
            }
            return;
        }
        created.set(None);
        name.set(String::new());
        create.dispatch(text);
    };
    view! {
        <ErrorAlert message=error testid="client-error" />
        <form class="form" novalidate=true data-testid="new-client-form" on:submit=on_submit>
            <div class="field" class:has-error=move || name_error.with(Option::is_some)>
                <label for="client-name">{move || i18n.t().security.client_name_label}</label>
                <input
                    id="client-name"
                    type="text"
                    maxlength=MAX_NAME_LEN.to_string()
                    data-testid="client-name"
                    node_ref=input
                    prop:value=move || name.get()
                    aria-invalid=move || name_error.with(Option::is_some).to_string()
                    aria-describedby="client-name-hint"
                    on:input=move |ev| { name.set(event_target_value(&ev)); name_error.set(None); }
                />
                <p id="client-name-hint" class="help-text">{move || i18n.t().security.client_name_hint}</p>
                {move || name_error.get().map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            <fieldset class="field">
                <legend>{move || i18n.t().security.scopes_legend}</legend>
                // One scope exists so far; it is what every client gets.
                <label class="checkbox">
                    <input type="checkbox" checked=true disabled=true />
                    <span>{move || i18n.t().security.scope_organisation_read}</span>
                </label>
            </fieldset>
            <button type="submit" class="button primary" data-testid="create-client" aria-disabled=move || pending.get().to_string()>
                {move || if pending.get() { i18n.t().security.creating } else { i18n.t().security.create_client }}
            </button>
        </form>
    }
}

#[component]
fn CreatedSecret(created: CreatedApiClient) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(false);
    let secret = created.client_secret.clone();
    view! {
        <div class="one-time-secret" role="status" data-testid="client-secret">
            <h3>{move || i18n.t().security.secret_heading}</h3>
            <p class="notice">{move || i18n.t().security.secret_warning}</p>
            <dl class="secret-list">
                <dt>{move || i18n.t().security.client_id_label}</dt>
                <dd><code class="secret" data-testid="client-id-value">{created.client.id.to_string()}</code></dd>
                <dt>{move || i18n.t().security.client_secret_label}</dt>
                <dd><code class="secret" data-testid="client-secret-value">{created.client_secret.clone()}</code></dd>
            </dl>
            <button type="button" class="button secondary" data-testid="copy-secret" on:click=move |_| {
                browser::copy_to_clipboard(&secret);
                copied.set(true);
            }>
                {move || if copied.get() { i18n.t().security.copied } else { i18n.t().security.copy }}
            </button>
        </div>
    }
}

#[component]
fn ClientRow(
    client: ApiClient,
    notice: RwSignal<Option<String>>,
    on_change: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let id = client.id;
    let revoke = Action::new_local(move |_: &()| async move {
        match api::revoke_api_client(id).await {
            Ok(_) => {
                notice.set(Some(i18n.t().security.client_revoked.into()));
                on_change();
            }
            Err(e) => error.set(Some(i18n.t().api_error(&e))),
        }
    });
    let (created, used, revoked) = (client.created_at, client.last_used_at, client.revoked_at.is_some());
    view! {
        <tr data-testid="client-row">
            <td data-label=move || i18n.t().security.client_name_label><span class="cell-title">{client.name.clone()}</span></td>
            <td data-label=move || i18n.t().security.created_on>{move || time::date_time(created, i18n.locale())}</td>
            <td data-label=move || i18n.t().security.last_used>
                {move || used.map(|u| time::date_time(u, i18n.locale())).unwrap_or_else(|| i18n.t().security.never.into())}
            </td>
            <td data-label=move || i18n.t().admin.status_label>
                {move || if revoked {
                    view! { <span class="badge badge-muted">{i18n.t().security.revoked}</span> }
                } else {
                    view! { <span class="badge badge-ok">{i18n.t().security.active}</span> }
                }}
            </td>
            <td class="actions-cell">
                {(!revoked).then(|| view! {
                    <Show
                        when=move || confirming.get()
                        fallback=move || view! {
                            <button type="button" class="button secondary small" data-testid="revoke-client" on:click=move |_| confirming.set(true)>
                                {move || i18n.t().admin.revoke}
                            </button>
                        }
                    >
                        <div class="confirm" role="group" aria-label=move || i18n.t().admin.revoke>
                            <p>{move || i18n.t().security.revoke_client_question}</p>
                            <ErrorAlert message=error testid="revoke-client-error" />
                            <div class="row-actions">
                                <button type="button" class="button danger small" data-testid="revoke-client-confirm" on:click=move |_| { revoke.dispatch(()); }>
                                    {move || i18n.t().admin.revoke_confirm_yes}
                                </button>
                                <button type="button" class="button secondary small" on:click=move |_| confirming.set(false)>
                                    {move || i18n.t().admin.cancel}
                                </button>
                            </div>
                        </div>
                    </Show>
                })}
            </td>
        </tr>
    }
}
