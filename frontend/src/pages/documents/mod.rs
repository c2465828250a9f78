//! Documenten (seed 002): one's own documents — contracts, payslips, annual statements,
//! certificates — with type, period and search filters, new ones marked until opened, and
//! adding one's own (ID, certificate, other). The employer (*manage employee data*) also gets
//! every employee's documents, adds one for an employee and chooses whether they see it.
//!
//! Files go up as the raw request body; the server recognises the type from the content and
//! refuses anything else, and the page says why in the reader's language.

use chrono::NaiveDate;
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::auth::Right;
use shared::documents::{MAX_PERSON_DOCUMENT_BYTES, PersonDocument, PersonDocumentKind};
use shared::error::ErrorKind;
use uuid::Uuid;

use crate::api::{self, ApiError, DocumentListFilter, PersonUploadMeta};
use crate::browser;
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::components::page_title::use_page_title;
use crate::components::paged::{LoadMore, Paged};
use crate::i18n::selfservice::SelfServiceTexts;
use crate::i18n::use_i18n;
use crate::session::use_session;
use crate::time;

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

/// The list with its filters and the upload form; `employer` lists the organisation's.
#[component]
fn DocumentList(employer: bool) -> impl IntoView {
    let i18n = use_i18n();
    let kind = RwSignal::new(None::<PersonDocumentKind>);
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let q = RwSignal::new(String::new());
    let unread = RwSignal::new(false);
    let filter = Memo::new(move |_| DocumentListFilter {
        user_id: None,
        kind: kind.get(),
        from: from.with(|f| parse_date(f)),
        to: to.with(|t| parse_date(t)),
        q: q.get(),
        unread: unread.get(),
    });
    let list = Paged::new(move |cursor| {
        let f = filter.get_untracked();
        async move {
            if employer {
                api::employee_documents(f, cursor).await
            } else {
                api::my_documents(f, cursor).await
            }
        }
    });
    Effect::new(move |first: Option<()>| {
        filter.track();
        if first.is_some() {
            list.reload();
        }
    });
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let s = move || i18n.t().selfservice;
    let clear = move |_| {
        kind.set(None);
        from.set(String::new());
        to.set(String::new());
        q.set(String::new());
        unread.set(false);
    };
    let set_visible = move |id: Uuid, visible: bool| {
        spawn_local(async move {
            match api::set_person_document_visibility(id, visible).await {
                Ok(doc) => {
                    error.set(None);
                    notice.set(Some(s().visibility_saved().into()));
                    list.replace(|d| d.id == id, doc);
                }
                Err(e) => error.set(Some(i18n.t().api_error(&e))),
            }
        });
    };
    let remove = move |id: Uuid| {
        spawn_local(async move {
            match api::delete_person_document(id).await {
                Ok(()) => {
                    error.set(None);
                    notice.set(Some(s().deleted_notice().into()));
                    list.reload();
                }
                Err(e) => error.set(Some(i18n.t().api_error(&e))),
            }
        });
    };
    view! {
        <header class="page-header">
            <h1>{move || if employer { s().employer_documents_title() } else { s().documents_title() }}</h1>
            <p class="lead">{move || if employer { s().employer_documents_intro() } else { s().documents_intro() }}</p>
        </header>
        <div class="list-toolbar">
            <div class="field search-field">
                <label for="documents-search">{move || s().search()}</label>
                <input
                    id="documents-search"
                    type="search"
                    placeholder=move || s().search_placeholder()
                    data-testid="documents-search"
                    prop:value=move || q.get()
                    on:input=move |ev| q.set(event_target_value(&ev))
                />
            </div>
            <button type="button" class="link-button" data-testid="clear-filters" on:click=clear>{move || s().clear_filters()}</button>
        </div>
        <section class="card section-card filter-bar" aria-label=move || s().filter_kind() data-testid="document-filters">
            <div class="filter-grid">
                <div class="field">
                    <label for="documents-kind">{move || s().filter_kind()}</label>
                    <select id="documents-kind" data-testid="documents-kind" on:change=move |ev| kind.set(PersonDocumentKind::parse(&event_target_value(&ev)))>
                        <option value="" selected=move || kind.get().is_none()>{move || s().all_kinds()}</option>
                        {PersonDocumentKind::ALL.into_iter().map(|k| view! {
                            <option value=k.as_str() selected=move || kind.get() == Some(k)>{move || s().kind(k)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="documents-from">{move || s().filter_from()}</label>
                    <input id="documents-from" type="date" data-testid="documents-from" prop:value=move || from.get() on:change=move |ev| from.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="documents-to">{move || s().filter_to()}</label>
                    <input id="documents-to" type="date" data-testid="documents-to" prop:value=move || to.get() on:change=move |ev| to.set(event_target_value(&ev)) />
                </div>
                {(!employer).then(|| view! {
                    <label class="checkbox overdue-filter">
                        <input type="checkbox" data-testid="documents-unread" prop:checked=move || unread.get() on:change=move |ev| unread.set(event_target_checked(&ev)) />
                        <span>{move || s().only_unread()}</span>
                    </label>
                })}
            </div>
        </section>
        <ErrorAlert message=error testid="documents-error" />
        <SuccessNotice message=notice testid="documents-notice" />
        <section class="card section-card">
            <Show
                when=move || !list.loaded.get() || !list.items.with(Vec::is_empty)
                fallback=move || view! { <p class="empty-list" data-testid="no-documents">{s().no_documents()}</p> }
            >
                <table class="data-table documents-table" data-testid="documents-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || s().col_title()}</th>
                            {employer.then(|| view! { <th scope="col">{move || s().col_person()}</th> })}
                            <th scope="col">{move || s().col_period()}</th>
                            <th scope="col">{move || s().col_uploaded()}</th>
                            {employer.then(|| view! { <th scope="col">{move || s().col_visible()}</th> })}
                            <th scope="col" class="actions-cell"><span class="visually-hidden">{move || s().open()}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || list.items.get()
                            key=|d| (d.id, d.read_at, d.visible_employee)
                            children=move |d: PersonDocument| view! {
                                <DocumentRow doc=d employer=employer on_visible=Callback::new(move |(id, v)| set_visible(id, v)) on_delete=Callback::new(remove) />
                            }
                        />
                    </tbody>
                </table>
            </Show>
            <LoadMore list=list testid="documents-more" />
        </section>
        <UploadForm employer=employer on_done=Callback::new(move |_| list.reload()) notice=notice />
    }
}

#[component]
fn DocumentRow(
    doc: PersonDocument,
    employer: bool,
    on_visible: Callback<(Uuid, bool)>,
    on_delete: Callback<Uuid>,
) -> impl IntoView {
    let i18n = use_i18n();
    let s = move || i18n.t().selfservice;
    let d = doc;
    let href = api::person_document_href(d.id);
    let id = d.id;
    // The employee's own new document is marked until opened; opening marks it read here too.
    let is_new = RwSignal::new(!employer && d.read_at.is_none());
    let (kind, at, start, end) = (d.kind, d.uploaded_at, d.period_start, d.period_end);
    let period = move || match (start, end) {
        (Some(a), Some(b)) if a != b => format!("{} – {}", s().date(a), s().date(b)),
        (Some(a), _) => s().date(a),
        _ => "—".into(),
    };
    let deletable = !matches!(kind, PersonDocumentKind::Payslip | PersonDocumentKind::AnnualStatement);
    let visible = d.visible_employee;
    let own_upload = d.uploaded_by_name == d.person_name;
    view! {
        <tr data-testid="document-row" data-title=d.title.clone() data-kind=kind.as_str() data-unread=move || is_new.get().to_string()>
            <td data-label=move || s().col_title()>
                <div class="cell-stack">
                    <a href=href.clone() download=d.file_name.clone() class="cell-title" data-testid="document-link" on:click=move |_| is_new.set(false)>{d.title.clone()}</a>
                    <span class="cell-sub">{move || format!("{} · {}", s().kind(kind), s().added_by(&d.uploaded_by_name))}</span>
                    {move || is_new.get().then(|| view! { <span class="badge badge-pending" data-testid="unread-badge">{s().unread()}</span> })}
                </div>
            </td>
            {employer.then(|| view! { <td data-label=move || s().col_person()>{d.person_name.clone()}</td> })}
            <td data-label=move || s().col_period()>{period}</td>
            <td data-label=move || s().col_uploaded()>{move || time::date_time(at, i18n.locale())}</td>
            {employer.then(|| view! {
                <td data-label=move || s().col_visible()>
                    <label class="checkbox">
                        <input
                            type="checkbox"
                            data-testid="visible-employee"
                            prop:checked=visible
                            disabled=own_upload
                            on:change=move |ev| on_visible.run((id, event_target_checked(&ev)))
                        />
                        <span class="visually-hidden">{move || s().col_visible()}</span>
                    </label>
                </td>
            })}
            <td class="actions-cell">
                <div class="row-actions">
                    <a href=href download=d.file_name.clone() class="button secondary small" data-testid="open-document" on:click=move |_| is_new.set(false)>{move || s().open()}</a>
                    {(employer && deletable).then(|| view! {
                        <button type="button" class="button subtle small" data-testid="delete-document" on:click=move |_| on_delete.run(id)>{move || s().delete()}</button>
                    })}
                </div>
            </td>
        </tr>
    }
}

/// Adding a document: one's own (the kinds an employee may add), or the employer's for a person.
#[component]
fn UploadForm(employer: bool, on_done: Callback<()>, notice: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let kinds: Vec<PersonDocumentKind> = if employer {
        PersonDocumentKind::ALL
            .into_iter()
            .filter(|k| !matches!(k, PersonDocumentKind::Payslip | PersonDocumentKind::AnnualStatement))
            .collect()
    } else {
        PersonDocumentKind::ALL.into_iter().filter(|k| k.employee_may_upload()).collect()
    };
    let kind = RwSignal::new(kinds[0]);
    let person = RwSignal::new(None::<Uuid>);
    let title = RwSignal::new(String::new());
    let start = RwSignal::new(String::new());
    let end = RwSignal::new(String::new());
    let visible = RwSignal::new(true);
    let field_error = RwSignal::new(None::<(&'static str, String)>);
    let error = RwSignal::new(None::<String>);
    let file_input = NodeRef::<html::Input>::new();
    let people = LocalResource::new(move || async move {
        if !employer {
            return Vec::new();
        }
        let mut people = api::members(None).await.map(|p| p.items).unwrap_or_default();
        people.sort_by(|a, b| a.name.cmp(&b.name));
        people
    });
    let s = move || i18n.t().selfservice;
    let err_for =
        move |field: &'static str| move || field_error.get().filter(|(f, _)| *f == field).map(|(_, m)| m);
    let send = Action::new_local(move |_: &()| async move {
        let t = i18n.t().selfservice;
        let Some(input) = file_input.get_untracked() else { return };
        let Some((file_name, bytes)) = browser::read_chosen_file(&input).await else {
            field_error.set(Some(("file", t.error_file_required().into())));
            browser::focus_element("upload-file");
            return;
        };
        if bytes.len() > MAX_PERSON_DOCUMENT_BYTES {
            field_error.set(Some(("file", t.error_too_large().into())));
            browser::focus_element("upload-file");
            return;
        }
        let meta = PersonUploadMeta {
            user_id: if employer { person.get_untracked() } else { None },
            kind: kind.get_untracked(),
            title: title.get_untracked(),
            file_name,
            period_start: start.with_untracked(|d| parse_date(d)),
            period_end: end.with_untracked(|d| parse_date(d)),
            visible_employee: !employer || visible.get_untracked(),
        };
        match api::upload_person_document(&meta, bytes).await {
            Ok(_) => {
                title.set(String::new());
                start.set(String::new());
                end.set(String::new());
                input.set_value("");
                field_error.set(None);
                notice.set(Some(t.uploaded_notice().into()));
                on_done.run(());
            }
            Err(e) => match upload_problem(t, &e) {
                Some((field, message)) => {
                    field_error.set(Some((field, message.into())));
                    browser::focus_element(match field {
                        "title" => "upload-title",
                        "user_id" => "upload-person",
                        _ => "upload-file",
                    });
                }
                None => error.set(Some(i18n.t().api_error(&e))),
            },
        }
    });
    let pending = send.pending();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        error.set(None);
        notice.set(None);
        field_error.set(None);
        let t = i18n.t().selfservice;
        if employer && person.get_untracked().is_none() {
            field_error.set(Some(("user_id", t.choose_person().into())));
            browser::focus_element("upload-person");
            return;
        }
        if title.with_untracked(|t| t.trim().is_empty()) {
            field_error.set(Some(("title", t.error_required().into())));
            browser::focus_element("upload-title");
            return;
        }
        send.dispatch(());
    };
    view! {
        <form class="card section-card form upload-form" novalidate=true on:submit=on_submit data-testid="upload-form" aria-labelledby="upload-heading">
            <h2 id="upload-heading">{move || s().upload_heading()}</h2>
            <div class="form-grid">
                {employer.then(|| view! {
                    <div class="field" class:has-error=move || err_for("user_id")().is_some()>
                        <label for="upload-person">{move || s().upload_for()}</label>
                        <select id="upload-person" data-testid="upload-person" on:change=move |ev| person.set(event_target_value(&ev).parse().ok())>
                            <option value="">{move || s().choose_person()}</option>
                            {move || people.get().map(|people| people.into_iter().map(|p| view! {
                                <option value=p.user_id.to_string()>{p.name.clone()}</option>
                            }).collect_view())}
                        </select>
                        {move || err_for("user_id")().map(|m| view! { <p class="field-error" data-testid="upload-person-error">{m}</p> })}
                    </div>
                })}
                <div class="field">
                    <label for="upload-kind">{move || s().filter_kind()}</label>
                    <select id="upload-kind" data-testid="upload-kind" on:change=move |ev| {
                        if let Some(k) = PersonDocumentKind::parse(&event_target_value(&ev)) {
                            kind.set(k);
                        }
                    }>
                        {kinds.clone().into_iter().map(|k| view! {
                            <option value=k.as_str() selected=move || kind.get() == k>{move || s().kind(k)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field" class:has-error=move || err_for("title")().is_some()>
                    <label for="upload-title">{move || s().doc_title()}</label>
                    <input id="upload-title" type="text" maxlength="200" data-testid="upload-title"
                        aria-invalid=move || err_for("title")().is_some().to_string()
                        prop:value=move || title.get()
                        on:input=move |ev| { title.set(event_target_value(&ev)); field_error.set(None); } />
                    {move || err_for("title")().map(|m| view! { <p class="field-error" data-testid="upload-title-error">{m}</p> })}
                </div>
                <div class="field">
                    <label for="upload-start">{move || s().period_start()}</label>
                    <input id="upload-start" type="date" data-testid="upload-start" prop:value=move || start.get() on:change=move |ev| start.set(event_target_value(&ev)) />
                </div>
                <div class="field" class:has-error=move || err_for("period_end")().is_some()>
                    <label for="upload-end">{move || s().period_end()}</label>
                    <input id="upload-end" type="date" data-testid="upload-end" prop:value=move || end.get() on:change=move |ev| end.set(event_target_value(&ev)) />
                    {move || err_for("period_end")().map(|m| view! { <p class="field-error">{m}</p> })}
                </div>
            </div>
            <div class="field" class:has-error=move || err_for("file")().is_some()>
                <label for="upload-file">{move || s().doc_file()}</label>
                <input
                    id="upload-file"
                    type="file"
                    accept=".pdf,.docx,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
                    data-testid="upload-file"
                    node_ref=file_input
                    aria-invalid=move || err_for("file")().is_some().to_string()
                    aria-describedby=move || if err_for("file")().is_some() { "upload-file-hint upload-file-error" } else { "upload-file-hint" }
                    on:change=move |_| field_error.set(None)
                />
                <p id="upload-file-hint" class="help-text">{move || s().doc_file_hint()}</p>
                {move || err_for("file")().map(|m| view! { <p id="upload-file-error" class="field-error" role="alert" data-testid="upload-file-error">{m}</p> })}
            </div>
            {employer.then(|| view! {
                <label class="checkbox">
                    <input type="checkbox" data-testid="upload-visible-employee" prop:checked=move || visible.get() on:change=move |ev| visible.set(event_target_checked(&ev)) />
                    <span>{move || s().show_to_employee()}</span>
                </label>
            })}
            <ErrorAlert message=error testid="upload-error" />
            <div class="form-actions">
                <button type="submit" class="button primary" data-testid="submit-upload" aria-disabled=move || pending.get().to_string()>
                    {move || if pending.get() { s().uploading() } else { s().upload() }}
                </button>
            </div>
        </form>
    }
}
