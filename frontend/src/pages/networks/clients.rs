//! `/netwerken`: my clients, searchable, with "Nieuwe cliënt" for care coordinators.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::networks::CareClientSummary;

use super::search::debounced;
use super::{client_href, starts_clients};
use crate::api;
use crate::components::page_title::use_page_title;
use crate::components::paged::{LoadMore, Paged};
use crate::i18n::use_i18n;
use crate::session::use_session;

#[component]
pub fn ClientsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    use_page_title(|t| t.care.clients_title.into());
    let typed = RwSignal::new(String::new());
    let q = debounced(typed);
    let list = Paged::new(move |cursor| api::care_clients(q.get_untracked(), cursor));
    Effect::new(move |previous: Option<String>| {
        let now = q.get();
        if previous.is_some_and(|p| p != now) {
            list.reload();
        }
        now
    });
    let starts = Memo::new(move |_| session.me().is_some_and(|me| starts_clients(&me)));
    let c = move || i18n.t().care;
    view! {
        <header class="page-header">
            <h1>{move || c().clients_title}</h1>
            <p class="lead">{move || c().clients_intro}</p>
        </header>
        <div class="list-toolbar">
            <div class="field search-field">
                <label for="clients-search">{move || c().search}</label>
                <input
                    id="clients-search"
                    type="search"
                    placeholder=move || c().clients_search_hint
                    data-testid="clients-search"
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                />
            </div>
            <Show when=move || starts.get()>
                <A href="/netwerken/nieuw" attr:class="button primary" attr:data-testid="new-client-link">{move || c().new_client}</A>
            </Show>
        </div>
        <section class="card section-card">
            <Show
                when=move || !list.loaded.get() || !list.items.with(Vec::is_empty)
                fallback=move || view! { <p class="empty-list" data-testid="no-clients">{c().no_clients}</p> }
            >
                <table class="data-table" data-testid="clients-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t().name_label}</th>
                            <th scope="col">{move || c().born}</th>
                            <th scope="col">{move || c().city}</th>
                            <th scope="col">{move || c().primary_coordinator}</th>
                            <th scope="col">{move || i18n.t().role_label}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || list.items.get() key=|c: &CareClientSummary| c.id children=move |client| view! { <ClientRow client=client /> } />
                    </tbody>
                </table>
            </Show>
            <LoadMore list=list testid="clients-more" />
        </section>
    }
}

#[component]
fn ClientRow(client: CareClientSummary) -> impl IntoView {
    let i18n = use_i18n();
    let c = move || i18n.t().care;
    let role = client.my_role;
    view! {
        <tr data-testid="client-row">
            <td data-label=move || i18n.t().name_label>
                <A href=client_href(client.id) attr:class="cell-title" attr:data-testid="client-link">{client.name.clone()}</A>
            </td>
            <td data-label=move || c().born>{client.birth_date.format("%d-%m-%Y").to_string()}</td>
            <td data-label=move || c().city>{client.city.clone()}</td>
            <td data-label=move || c().primary_coordinator>{client.primary_coordinator.clone().unwrap_or_default()}</td>
            <td data-label=move || i18n.t().role_label>{move || c().network_role(role)}</td>
        </tr>
    }
}
