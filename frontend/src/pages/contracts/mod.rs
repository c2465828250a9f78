//! Contracten (seed 002): the employee's contracts to sign, signed and expired
//! (`/contracten`), one contract with its PDF, the signing form and the signature
//! (`/contracten/{id}`), and for the employer side the organisation's contracts with a
//! status filter, offering a new one (`/contracten/nieuw`), the audit trail and withdrawing.

mod detail;
mod lists;
mod new;

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::auth::{Me, Right};
use shared::contracts::ContractStatus;
use uuid::Uuid;

pub use detail::ContractPage;
use lists::{EmployerContracts, MyContracts};
pub use new::NewContractPage;

use crate::api;
use crate::components::page_title::use_page_title;
use crate::i18n::contracts::texts;
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

#[cfg(test)]
mod tests {
    use super::contract_href;

    #[test]
    fn contracts_have_a_deep_link() {
        assert_eq!(contract_href(uuid::Uuid::nil()), "/contracten/00000000-0000-0000-0000-000000000000");
    }
}
