//! Netwerken (seed 003): the clients whose network the person is in
//! (`/netwerken`), a new client (`/netwerken/nieuw`, care coordinators) and one
//! client's page with their network and its history (`/netwerken/{id}`).
//!
//! The server decides who may see and change what (`Network.may_edit`, 404 for
//! anyone outside the network); these pages only leave out doors that would
//! not open, and show every refusal under the field it concerns.

mod carers;
mod client;
mod clients;
mod coordinators;
pub mod form;
mod history;
mod new_client;
mod organisations;
pub mod search;

use leptos::prelude::*;
use leptos_router::components::Outlet;
use shared::auth::{Me, Role};
use uuid::Uuid;

pub use client::ClientPage;
pub use clients::ClientsPage;
pub use new_client::NewClientPage;
pub use organisations::load_categories;

/// Whether this person starts clients (and so becomes their coordinator).
pub fn starts_clients(me: &Me) -> bool {
    me.role == Role::CareCoordinator
}

/// The deep link to a client.
pub fn client_href(id: Uuid) -> String {
    format!("/netwerken/{id}")
}

/// The frame of the network pages.
#[component]
pub fn NetworksLayout() -> impl IntoView {
    view! {
        <div class="page networks-page">
            <Outlet />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::client_href;

    #[test]
    fn clients_have_a_deep_link() {
        assert_eq!(client_href(uuid::Uuid::nil()), "/netwerken/00000000-0000-0000-0000-000000000000");
    }
}
