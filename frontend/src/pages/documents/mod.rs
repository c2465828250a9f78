//! Documenten (seed 002): one's own documents — contracts, payslips, annual statements,
//! certificates — with type, period and search filters, new ones marked until opened, and
//! adding one's own (ID, certificate, other). The employer (*manage employee data*) also gets
//! every employee's documents, adds one for an employee and chooses whether they see it.
//!
//! Files go up as the raw request body; the server recognises the type from the content and
//! refuses anything else, and the page says why in the reader's language.

mod list;
mod upload;

use chrono::NaiveDate;
use leptos::prelude::*;
use shared::auth::Right;
use shared::error::ErrorKind;

use self::list::DocumentList;
use crate::api::ApiError;
use crate::components::page_title::use_page_title;
use crate::i18n::selfservice::SelfServiceTexts;
use crate::i18n::use_i18n;
use crate::session::use_session;

fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// Whether this person acts as the employer for documents.
pub fn is_employer(me: &shared::auth::Me) -> bool {
    me.rights.contains(&Right::ManageEmployeeData)
}

/// The server's reason for a refused upload, in the reader's language.
pub fn upload_problem(t: &SelfServiceTexts, e: &ApiError) -> Option<(&'static str, &'static str)> {
    if e.kind() == Some(ErrorKind::PayloadTooLarge) {
        return Some(("file", t.error_too_large()));
    }
    for field in ["file", "title", "kind", "user_id", "period_end"] {
        if let Some(code) = e.field_code(field) {
            return Some((field, t.problem(field, code)));
        }
    }
    None
}

/// "Nieuw" on a document or payslip its owner has not opened yet.
#[component]
pub fn UnreadBadge(new: bool) -> impl IntoView {
    let i18n = use_i18n();
    new.then(|| view! { <span class="badge badge-pending" data-testid="unread-badge">{move || i18n.t().selfservice.unread()}</span> })
}

/// `/documenten`.
#[component]
pub fn DocumentsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    use_page_title(|t| t.selfservice.documents_title().into());
    let employer = Memo::new(move |_| session.me().map(|me| is_employer(&me)).unwrap_or(false));
    let tab = RwSignal::new(false);
    let s = move || i18n.t().selfservice;
    view! {
        <div class="page documents-page">
            {move || employer.get().then(|| view! {
                <nav class="sub-nav" aria-label=move || s().documents_title() data-testid="documents-nav">
                    <ul>
                        <li><button type="button" class="sub-nav-link link-button" aria-current=move || (!tab.get()).then_some("page") data-testid="tab-my-documents" on:click=move |_| tab.set(false)>{move || s().tab_my_documents()}</button></li>
                        <li><button type="button" class="sub-nav-link link-button" aria-current=move || tab.get().then_some("page") data-testid="tab-employee-documents" on:click=move |_| tab.set(true)>{move || s().tab_employee_documents()}</button></li>
                    </ul>
                </nav>
            })}
            {move || if tab.get() && employer.get() {
                view! { <DocumentList employer=true /> }.into_any()
            } else {
                view! { <DocumentList employer=false /> }.into_any()
            }}
        </div>
    }
}
