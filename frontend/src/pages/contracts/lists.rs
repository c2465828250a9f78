//! The contract lists in the one list component: one's own contracts, and for the employer
//! the organisation's with a status filter shown as a chip.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::contracts::{Contract, ContractStatus};

use super::{ContractStatusBadge, contract_href};
use crate::api;
use crate::components::list::{DataList, FilterChip, ListColumn};
use crate::components::paged::Paged;
use crate::i18n::contracts::texts;
use crate::i18n::use_i18n;

/// The statuses the employer filters by, in the menu's order.
const STATUSES: [ContractStatus; 4] =
    [ContractStatus::ToSign, ContractStatus::Signed, ContractStatus::Expired, ContractStatus::Withdrawn];

/// The columns; `with_person` for the employer's list of everyone's contracts.
fn columns(with_person: bool) -> Vec<ListColumn<Contract>> {
    let i18n = use_i18n();
    let mut columns = vec![ListColumn::new(
        "title",
        |d| texts(d.locale).title,
        true,
        |k: &Contract| {
            let (href, title) = (contract_href(k.id), k.title.clone());
            view! { <A href=href attr:class="cell-title">{title}</A> }.into_any()
        },
    )];
    if with_person {
        columns.push(ListColumn::new(
            "person",
            |d| texts(d.locale).person,
            true,
            |k: &Contract| k.person_name.clone().into_any(),
        ));
    }
    columns.push(ListColumn::new(
        "sign_by",
        |d| texts(d.locale).sign_by,
        true,
        move |k: &Contract| {
            let day = k.sign_by;
            (move || texts(i18n.locale()).date(day)).into_any()
        },
    ));
    columns.push(ListColumn::new(
        "status",
        |d| texts(d.locale).status,
        true,
        |k: &Contract| view! { <ContractStatusBadge status=k.status /> }.into_any(),
    ));
    columns
}

/// Re-rendered when the status changes.
fn row_key(k: &Contract) -> String {
    format!("{}-{}", k.id, k.status.as_str())
}

/// Rows carry their status as `data-tag`.
fn status_tag(k: &Contract) -> String {
    k.status.as_str().to_string()
}

/// "Mijn contracten": one's own, to sign first.
#[component]
pub fn MyContracts() -> impl IntoView {
    let i18n = use_i18n();
    let c = move || texts(i18n.locale());
    let list = Paged::whole(api::my_contracts);
    view! {
        <section class="list-section" aria-labelledby="my-contracts-heading" data-testid="my-contracts">
            <h2 id="my-contracts-heading">{move || c().my_contracts}</h2>
            <DataList
                name="my_contract"
                columns=columns(false)
                list=list
                row_key=row_key
                row_tag=status_tag
                empty=|d| texts(d.locale).no_contracts
            />
        </section>
    }
}

/// The organisation's contracts (employer side), by status, with offering a new one.
#[component]
pub fn EmployerContracts() -> impl IntoView {
    let i18n = use_i18n();
    let c = move || texts(i18n.locale());
    let status = RwSignal::new(None::<ContractStatus>);
    let list = Paged::new(move |cursor| api::contracts(status.get_untracked(), cursor));
    Effect::new(move |first: Option<()>| {
        status.track();
        if first.is_some() {
            list.reload();
        }
    });
    let chips = Signal::derive(move || {
        status
            .get()
            .map(|s| FilterChip {
                label: format!("{}: {}", c().status, c().status_name(s)),
                clear: Callback::new(move |_| status.set(None)),
            })
            .into_iter()
            .collect::<Vec<_>>()
    });
    view! {
        <section class="list-section" aria-labelledby="org-contracts-heading" data-testid="org-contracts">
            <div class="section-header">
                <h2 id="org-contracts-heading">{move || c().employer_contracts}</h2>
                <A href="/contracten/nieuw" attr:class="button primary small" attr:data-testid="offer-contract">
                    {move || c().offer_contract}
                </A>
            </div>
            <DataList
                name="contract"
                columns=columns(true)
                list=list
                row_key=row_key
                row_tag=status_tag
                empty=|d| texts(d.locale).no_contracts
                chips=chips
                clear_all=Callback::new(move |_| status.set(None))
                filters=move || view! {
                    <div class="field">
                        <label for="contract-status-filter">{move || c().status_filter}</label>
                        <select
                            id="contract-status-filter"
                            data-testid="contract-status-filter"
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                status.set(STATUSES.into_iter().find(|s| s.as_str() == v));
                            }
                        >
                            <option value="" selected=move || status.get().is_none()>{move || c().all_statuses}</option>
                            {STATUSES.into_iter().map(|s| view! {
                                <option value=s.as_str() selected=move || status.get() == Some(s)>{move || c().status_name(s)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                }
            />
        </section>
    }
}
