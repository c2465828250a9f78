//! Medewerkers (seed 004 "Werknemersgegevens beheren"): the list (`/medewerkers`), one
//! employee with their data, the revealed BSN/IBAN, the edit form and the history
//! (`/medewerkers/{id}`), the import (`/medewerkers/import`), the yearly review
//! (`/medewerkers/controle`) and the change requests (`/medewerkers/wijzigingsverzoeken`).
//!
//! The server decides who may see what (*manage employee data*, 404 for others); these
//! pages only leave out doors that would not open.

mod detail;
pub mod form;
mod import;
mod list;
mod requests;
mod review;

use leptos::prelude::*;
use leptos_router::components::Outlet;
use shared::auth::{Me, Right, Role};
use uuid::Uuid;

pub use detail::{EmployeePage, NewEmployeePage};
pub use import::ImportPage;
pub use list::EmployeesPage;
pub use requests::ChangeRequestsPage;
pub use review::ReviewPage;

use crate::api::ApiError;
use crate::components::sub_nav::SubNav;
use crate::i18n::employees::{EmployeeTexts, texts};
use crate::i18n::use_i18n;
use crate::pages::networks::form::Field;

/// Whether this person manages the organisation's employee data.
pub fn manages(me: &Me) -> bool {
    matches!(me.role, Role::Employer | Role::Administrator) && me.rights.contains(&Right::ManageEmployeeData)
}

/// The deep link to an employee (the mails use the same).
pub fn employee_href(id: Uuid) -> String {
    format!("/medewerkers/{id}")
}

/// The employee texts in the current language (tracked).
pub fn use_texts() -> impl Fn() -> &'static EmployeeTexts + Copy {
    let i18n = use_i18n();
    move || texts(i18n.locale())
}

/// Puts the API's field refusals under the fields named exactly like the API's; returns
/// whether any field got one.
pub fn show_errors(error: &ApiError, t: &EmployeeTexts, fields: &[(String, Field)]) -> bool {
    let ApiError::Server { body, .. } = error else { return false };
    let mut any = false;
    for (name, problem) in &body.fields {
        if let Some((_, field)) = fields.iter().find(|(f, _)| f == name) {
            field.error.set(Some(t.problem(&problem.code)));
            any = true;
        }
    }
    any
}

/// The message for a refusal no field shows.
pub fn refusal(error: &ApiError, t: &EmployeeTexts) -> String {
    match error {
        ApiError::Server { body, .. } => match body.fields.values().next() {
            Some(problem) => t.problem(&problem.code),
            None => crate::i18n::dict(t.locale).api_error(error),
        },
        other => crate::i18n::dict(t.locale).api_error(other),
    }
}

fn tab_is_current(href: &str, path: &str) -> bool {
    if href == "/medewerkers" {
        path == "/medewerkers"
            || path.strip_prefix("/medewerkers/").is_some_and(|rest| rest.parse::<Uuid>().is_ok())
    } else {
        path == href
    }
}

/// The tabs above the employer's pages.
#[component]
pub fn EmployeesLayout() -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="page employees-page">
            <SubNav
                tabs=Signal::derive(move || {
                    let t = t();
                    vec![
                        ("/medewerkers", t.tab_list),
                        ("/medewerkers/import", t.tab_import),
                        ("/medewerkers/controle", t.tab_review),
                        ("/medewerkers/wijzigingsverzoeken", t.tab_requests),
                    ]
                })
                label=Signal::derive(move || t().sections)
                testid="employees-nav"
                is_current=tab_is_current
            />
            <Outlet />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_tab_covers_the_employees() {
        assert!(tab_is_current("/medewerkers", "/medewerkers/0190f1c2-7a3b-7c4d-8e5f-6a7b8c9d0e1f"));
        assert!(!tab_is_current("/medewerkers", "/medewerkers/import"));
        assert!(tab_is_current("/medewerkers/import", "/medewerkers/import"));
    }
}
