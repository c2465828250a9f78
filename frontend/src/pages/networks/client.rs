//! `/netwerken/{id}`: the client's name with the primary coordinator beside it,
//! and two tabs: the network (modules, the organisations per switched-on
//! category with their professionals, other relations, informal carers,
//! coordinators) and its history.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::error::ErrorKind;
use shared::networks::{EntryKind, Network, NetworkEntry, OrganisationCategory};
use uuid::Uuid;

use super::carers::CarersBlock;
use super::coordinators::CoordinatorsBlock;
use super::form::{address_line, refusal};
use super::history::HistoryTab;
use super::organisations::{CategoryBlock, ModulesBlock, ProfessionalSearch, load_categories};
use crate::api::{self, ApiError};
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::components::icon::{Icon, IconName};
use crate::components::page_title::use_page_title;
use crate::i18n::{Dict, use_i18n};

/// What every block of the client page works with.
#[derive(Clone, Copy)]
pub struct ClientCtx {
    pub id: Uuid,
    pub network: RwSignal<Option<Network>>,
    pub categories: RwSignal<Vec<OrganisationCategory>>,
    /// The page-wide news after a change ("Toegevoegd").
    pub notice: RwSignal<Option<String>>,
    /// The caller left the network.
    pub gone: RwSignal<bool>,
}

impl ClientCtx {
    /// Reads the network again after a change, and says what happened.
    pub fn changed(self, news: &'static str) {
        self.notice.set(Some(news.into()));
        self.refresh();
    }

    /// Reads the network again (after someone else changed it).
    pub fn refresh(self) {
        spawn_local(async move {
            if let Ok(network) = api::care_client(self.id).await {
                self.network.set(Some(network));
            }
        });
    }

    /// Whether the caller may change the network.
    pub fn may_edit(self) -> bool {
        self.network.with(|n| n.as_ref().is_some_and(|n| n.may_edit))
    }

    /// The entries, filtered.
    pub fn entries(self, keep: impl Fn(&NetworkEntry) -> bool) -> Vec<NetworkEntry> {
        self.network.with(|n| {
            n.as_ref().map(|n| n.entries.iter().filter(|e| keep(e)).cloned().collect()).unwrap_or_default()
        })
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Network,
    History,
}

#[component]
pub fn ClientPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| id.parse::<Uuid>().ok())));
    let network = RwSignal::new(None::<Network>);
    let failure = RwSignal::new(None::<ApiError>);
    let categories = load_categories();
    let notice = RwSignal::new(None::<String>);
    let gone = RwSignal::new(false);
    use_page_title(move |t| {
        network
            .with(|n| n.as_ref().map(|n| n.client.name.clone()))
            .unwrap_or_else(|| t.care.clients_title.into())
    });

    Effect::new(move || {
        let Some(id) = id.get() else {
            failure.set(Some(not_found()));
            return;
        };
        spawn_local(async move {
            match api::care_client(id).await {
                Ok(n) => {
                    network.set(Some(n));
                    failure.set(None);
                }
                Err(e) => failure.set(Some(e)),
            }
        });
    });

    let loaded = Memo::new(move |_| network.with(Option::is_some));
    let c = move || i18n.t().care;
    move || {
        if gone.get() {
            return view! {
                <div class="card empty-state" data-testid="left-network">
                    <span class="empty-state-icon"><Icon icon=IconName::Check /></span>
                    <h1>{c().removed_myself}</h1>
                    <A href="/netwerken" attr:class="button secondary">{c().back_to_clients}</A>
                </div>
            }
            .into_any();
        }
        if let Some(e) = failure.get() {
            let text = if e.kind() == Some(ErrorKind::NotFound) {
                c().client_not_found.to_string()
            } else {
                refusal(i18n.t(), &e)
            };
            return view! {
                <div class="card empty-state" data-testid="client-not-found">
                    <span class="empty-state-icon"><Icon icon=IconName::Alert /></span>
                    <h1>{i18n.t().not_found_title}</h1>
                    <p>{text}</p>
                    <A href="/netwerken" attr:class="button secondary">{c().back_to_clients}</A>
                </div>
            }
            .into_any();
        }
        let (Some(client_id), true) = (id.get_untracked(), loaded.get()) else {
            return view! { <p class="help-text">{i18n.t().loading}</p> }.into_any();
        };
        let ctx = ClientCtx { id: client_id, network, categories, notice, gone };
        view! { <ClientView ctx=ctx /> }.into_any()
    }
}

fn not_found() -> ApiError {
    ApiError::Server {
        body: shared::error::ErrorBody {
            error: ErrorKind::NotFound,
            message: String::new(),
            fields: Default::default(),
            request_id: None,
        },
        retry_after: None,
    }
}

#[component]
fn ClientView(ctx: ClientCtx) -> impl IntoView {
    let i18n = use_i18n();
    let tab = RwSignal::new(Tab::Network);
    let c = move || i18n.t().care;
    let client = move || ctx.network.with(|n| n.as_ref().map(|n| n.client.clone()));
    let tab_button = move |which: Tab, testid: &'static str, label: fn(&'static Dict) -> &'static str| {
        view! {
            <button
                type="button"
                role="tab"
                class="sub-nav-link"
                data-testid=testid
                aria-selected=move || (tab.get() == which).to_string()
                aria-current=move || (tab.get() == which).then_some("page")
                on:click=move |_| tab.set(which)
            >
                {move || label(i18n.t())}
            </button>
        }
    };
    let modules = move || client().map(|c| c.modules).unwrap_or_default();
    view! {
        <A href="/netwerken" attr:class="link-back">{move || c().back_to_clients}</A>
        <header class="page-header client-header">
            <div>
                <h1 data-testid="client-name">{move || client().map(|c| c.name)}</h1>
                <p class="lead">
                    {move || client().map(|cl| format!("{} {} · {}", c().born, cl.birth_date.format("%d-%m-%Y"), address_line(&cl.address)))}
                </p>
            </div>
            <aside class="card coordinator-box" data-testid="primary-coordinator" aria-label=move || c().primary_coordinator>
                <span class="help-text">{move || c().primary_coordinator}</span>
                <span class="cell-title" data-testid="primary-coordinator-name">
                    {move || client().and_then(|c| c.primary_coordinator).map(|p| p.name)}
                </span>
                <span class="cell-sub">
                    {move || client().and_then(|c| c.primary_coordinator).and_then(|p| p.organisation_name)}
                </span>
            </aside>
        </header>
        <nav class="sub-nav" role="tablist" aria-label=move || c().client_sections>
            <ul>
                <li>{tab_button(Tab::Network, "tab-network", |t| t.care.tab_network)}</li>
                <li>{tab_button(Tab::History, "tab-history", |t| t.care.tab_history)}</li>
            </ul>
        </nav>
        <SuccessNotice message=ctx.notice testid="network-notice" />
        <Show when=move || tab.get() == Tab::Network fallback=move || view! { <HistoryTab id=ctx.id /> }>
            <div class="network-grid">
                <ModulesBlock ctx=ctx />
                <For
                    each=modules
                    key=|code| code.clone()
                    children=move |code| view! { <CategoryBlock ctx=ctx code=code /> }
                />
                <Show when=move || ctx.may_edit()>
                    <ProfessionalSearch ctx=ctx />
                </Show>
                <CarersBlock ctx=ctx />
                <CoordinatorsBlock ctx=ctx />
            </div>
        </Show>
    }
}

/// One person or organisation in the network: name, role, how to reach them,
/// and the trash button for coordinators (and for oneself: "mijzelf verwijderen").
#[component]
pub fn EntryRow(ctx: ClientCtx, entry: NetworkEntry) -> impl IntoView {
    let i18n = use_i18n();
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let c = move || i18n.t().care;
    let (entry_id, is_me, name) = (entry.id, entry.is_me, entry.name.clone());
    let may_remove = move || ctx.may_edit() || is_me;
    let remove = move || {
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match api::remove_network_entry(ctx.id, entry_id).await {
                Ok(()) => {
                    confirming.set(false);
                    if is_me
                        && !api::care_client(ctx.id).await.is_ok_and(|n| n.entries.iter().any(|e| e.is_me))
                    {
                        ctx.gone.set(true);
                    } else {
                        ctx.changed(c().removed);
                    }
                }
                Err(e) => error.set(Some(refusal(i18n.t(), &e))),
            }
            busy.set(false);
        });
    };
    let contact = [entry.email.clone(), entry.phone.clone(), entry.address.as_ref().map(address_line)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let (coordinator, primary) = (entry.coordinator, entry.primary);
    let kind = match entry.kind {
        EntryKind::Organisation => "organisation",
        EntryKind::Professional => "professional",
        EntryKind::InformalCarer => "carer",
    };
    let stored_name = StoredValue::new(name.clone());
    view! {
        <li class="network-entry" data-testid="network-entry" data-kind=kind data-name=name.clone()>
            <div class="entry-main">
                <span class="cell-title">
                    {name.clone()}
                    {is_me.then(|| view! { " " <span class="badge">{move || c().you}</span> })}
                </span>
                {entry.role_text.clone().map(|r| view! { <span class="cell-sub">{r}</span> })}
                {(!contact.is_empty()).then(|| view! { <span class="cell-sub break-anywhere" data-testid="entry-contact">{contact}</span> })}
            </div>
            <div class="status-badges">
                {coordinator.then(|| view! { <span class="badge badge-ok" data-testid="coordinator-badge">{move || c().coordinator}</span> })}
                {primary.then(|| view! { <span class="badge badge-pending" data-testid="primary-badge">{move || c().primary}</span> })}
            </div>
            <Show when=may_remove>
                <Show
                    when=move || confirming.get()
                    fallback=move || {
                        let label = if is_me { c().remove_myself } else { c().remove };
                        view! {
                            <button
                                type="button"
                                class=if is_me { "button subtle small danger-text" } else { "icon-button danger-text" }
                                data-testid=if is_me { "remove-myself" } else { "remove-entry" }
                                aria-label=i18n.t().admin.action_for(label, &stored_name.get_value())
                                title=label
                                on:click=move |_| confirming.set(true)
                            >
                                <Icon icon=IconName::Trash />
                                {is_me.then(|| view! { <span>{label}</span> })}
                            </button>
                        }
                    }
                >
                    <div class="confirm" role="group">
                        <p>{move || c().remove_question(&stored_name.get_value())}</p>
                        <div class="row-actions">
                            <button type="button" class="button danger small" data-testid="remove-confirm" aria-disabled=move || busy.get().to_string() on:click=move |_| {
                                if !busy.get_untracked() {
                                    remove();
                                }
                            }>
                                {c().yes_remove}
                            </button>
                            <button type="button" class="button secondary small" on:click=move |_| { confirming.set(false); error.set(None); }>
                                {c().cancel}
                            </button>
                        </div>
                    </div>
                </Show>
            </Show>
            <ErrorAlert message=error testid="entry-error" />
        </li>
    }
}
