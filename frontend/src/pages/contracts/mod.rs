//! Contracten (seed 002): the employee's contracts to sign, signed and expired
//! (`/contracten`), one contract with its PDF, the signing form and the signature
//! (`/contracten/{id}`), and for the employer side the organisation's contracts with a
//! status filter, offering a new one (`/contracten/nieuw`), the audit trail and withdrawing.

mod detail;
mod new;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use shared::auth::{Me, Right};
use shared::contracts::{Contract, ContractStatus};
use uuid::Uuid;

pub use detail::ContractPage;
pub use new::NewContractPage;

use crate::api::{self, ApiError};
use crate::components::page_title::use_page_title;
use crate::i18n::contracts::{ContractTexts, texts};
use crate::i18n::use_i18n;
use crate::session::use_session;

/// Whether this person offers and follows contracts (the employer side).
pub fn manages_contracts(me: &Me) -> bool {
    me.rights.contains(&Right::ManageEmployeeData)
}

/// The deep link to a contract (also in the mail).
pub fn contract_href(id: Uuid) -> String {
    format!("/contracten/{id}")
}

/// The status as a badge.
#[component]
pub fn ContractStatusBadge(status: ContractStatus) -> impl IntoView {
    let i18n = use_i18n();
    let class = match status {
        ContractStatus::ToSign => "badge badge-pending",
        ContractStatus::Signed => "badge badge-ok",
        ContractStatus::Expired => "badge badge-danger",
        ContractStatus::Withdrawn => "badge badge-muted",
    };
    view! { <span class=class data-testid="contract-status">{move || texts(i18n.locale()).status_name(status)}</span> }
}

/// Records a visit for "Recent bekeken" on the dashboard; failures do not matter.
pub fn record_visit(title: String, link: String) {
    spawn_local(async move {
        let _ = api::record_visit(title, link).await;
    });
}

#[component]
pub fn ContractsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    use_page_title(|t| texts(t.locale).contracts_title.into());
    let c = move || texts(i18n.locale());
    let employer = move || session.me().is_some_and(|me| manages_contracts(&me));
    view! {
        <div class="page contracts-page">
            <header class="page-header">
                <h1>{move || c().contracts_title}</h1>
                <p class="lead">{move || c().contracts_intro}</p>
            </header>
            <MyContracts />
            {move || employer().then(|| view! { <EmployerContracts /> })}
        </div>
    }
}

#[component]
fn MyContracts() -> impl IntoView {
    let i18n = use_i18n();
    let mine = LocalResource::new(api::my_contracts);
    let c = move || texts(i18n.locale());
    view! {
        <section class="card section-card" aria-labelledby="my-contracts-heading" data-testid="my-contracts">
            <h2 id="my-contracts-heading">{move || c().my_contracts}</h2>
            {move || mine.get().map(|r| match r {
                Err(e) => view! { <p class="field-error">{i18n.t().api_error(&e)}</p> }.into_any(),
                Ok(list) if list.is_empty() => view! { <p class="empty-list">{c().no_contracts}</p> }.into_any(),
                Ok(list) => view! { <ContractTable items=list with_person=false /> }.into_any(),
            })}
        </section>
    }
}

#[component]
fn ContractTable(items: Vec<Contract>, with_person: bool) -> impl IntoView {
    let i18n = use_i18n();
    let c = move || texts(i18n.locale());
    let rows = items
        .into_iter()
        .map(|k| {
            let t: &'static ContractTexts = c();
            view! {
                <tr data-testid="contract-row">
                    <td data-label=t.title>
                        <A href=contract_href(k.id) attr:class="cell-title">{k.title.clone()}</A>
                    </td>
                    {with_person.then(|| view! { <td data-label=t.person>{k.person_name.clone()}</td> })}
                    <td data-label=t.sign_by>{t.date(k.sign_by)}</td>
                    <td data-label=t.status><ContractStatusBadge status=k.status /></td>
                </tr>
            }
        })
        .collect_view();
    let t = c();
    view! {
        <table class="data-table">
            <thead>
                <tr>
                    <th scope="col">{t.title}</th>
                    {with_person.then(|| view! { <th scope="col">{t.person}</th> })}
                    <th scope="col">{t.sign_by}</th>
                    <th scope="col">{t.status}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
fn EmployerContracts() -> impl IntoView {
    let i18n = use_i18n();
    let c = move || texts(i18n.locale());
    let status = RwSignal::new(None::<ContractStatus>);
    let items = RwSignal::new(Vec::<Contract>::new());
    let next = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<ApiError>);
    let load = move |more: bool| {
        let cursor = if more { next.get_untracked() } else { None };
        let filter = status.get_untracked();
        spawn_local(async move {
            match api::contracts(filter, cursor).await {
                Ok(page) => {
                    if more {
                        items.update(|v| v.extend(page.items));
                    } else {
                        items.set(page.items);
                    }
                    next.set(page.next_cursor);
                    error.set(None);
                }
                Err(e) => error.set(Some(e)),
            }
        })
    };
    load(false);
    let statuses =
        [ContractStatus::ToSign, ContractStatus::Signed, ContractStatus::Expired, ContractStatus::Withdrawn];
    view! {
        <section class="card section-card" aria-labelledby="org-contracts-heading" data-testid="org-contracts">
            <div class="section-header">
                <h2 id="org-contracts-heading">{move || c().employer_contracts}</h2>
                <A href="/contracten/nieuw" attr:class="button primary small" attr:data-testid="offer-contract">
                    {move || c().offer_contract}
                </A>
            </div>
            <div class="field inline-field">
                <label for="contract-status-filter">{move || c().status_filter}</label>
                <select
                    id="contract-status-filter"
                    data-testid="contract-status-filter"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        status.set(statuses.into_iter().find(|s| s.as_str() == v));
                        load(false);
                    }
                >
                    <option value="">{move || c().all_statuses}</option>
                    {statuses.into_iter().map(|s| view! { <option value=s.as_str()>{move || c().status_name(s)}</option> }).collect_view()}
                </select>
            </div>
            {move || error.get().map(|e| view! { <p class="field-error">{i18n.t().api_error(&e)}</p> })}
            {move || {
                let list = items.get();
                if list.is_empty() {
                    view! { <p class="empty-list">{c().no_contracts}</p> }.into_any()
                } else {
                    view! { <ContractTable items=list with_person=true /> }.into_any()
                }
            }}
            {move || next.get().is_some().then(|| view! {
                <p><button type="button" class="button secondary" on:click=move |_| load(true)>{c().load_more}</button></p>
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::contract_href;

    #[test]
    fn contracts_have_a_deep_link() {
        assert_eq!(contract_href(uuid::Uuid::nil()), "/contracten/00000000-0000-0000-0000-000000000000");
    }
}
