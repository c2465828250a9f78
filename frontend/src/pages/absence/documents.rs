//! The case's dossier documents (seed 001: each marked visible or not for the
//! employee): the list with downloads, who sees each one (the arbodienst
//! changes it), and adding a document — the file goes up as the request body.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::absence::{AbsenceCase, Document, DocumentKind, MAX_DOCUMENT_BYTES, Visibility};
use shared::error::ErrorKind;
use uuid::Uuid;

use super::fields::{Input, show_field_errors};
use crate::api::{self, UploadMeta};
use crate::browser;
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::i18n::use_i18n;
use crate::time;

/// The documents card.
#[component]
pub fn DocumentsSection(
    case: RwSignal<Option<AbsenceCase>>,
    own: Signal<bool>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let may = Memo::new(move |_| case.with(|c| c.as_ref().map(|c| c.may).unwrap_or_default()));
    let case_id = Memo::new(move |_| case.with(|c| c.as_ref().map(|c| c.id)));
    let documents =
        Memo::new(move |_| case.with(|c| c.as_ref().map(|c| c.documents.clone()).unwrap_or_default()));
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    // Saves who sees a document; a refused change puts the box back as it was.
    let set_visibility = move |ev: leptos::ev::Event, doc: Uuid, v: Visibility| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        spawn_local(async move {
            let Some(id) = case_id.get_untracked() else { return };
            match api::set_document_visibility(id, doc, v).await {
                Ok(_) => {
                    error.set(None);
                    notice.set(Some(i18n.t().absence.visibility_saved.into()));
                    reload.run(());
                }
                Err(e) => {
                    input.set_checked(!input.checked());
                    error.set(Some(i18n.t().api_error(&e)));
                }
            }
        });
    };
    let a = move || i18n.t().absence;
    view! {
        <section class="card section-card" aria-labelledby="documents-heading" data-testid="documents">
            <div>
                <h2 id="documents-heading">{move || a().documents_heading}</h2>
                <p class="help-text">{move || if own.get() { a().documents_intro_employee } else { a().documents_intro }}</p>
            </div>
            <ErrorAlert message=error testid="documents-error" />
            <SuccessNotice message=notice testid="documents-notice" />
            <Show when=move || !documents.with(Vec::is_empty) fallback=move || view! { <p class="empty-list">{a().no_documents}</p> }>
                <table class="data-table documents-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || a().document_title}</th>
                            <th scope="col">{move || a().uploaded}</th>
                            <th scope="col">{move || a().visible_to}</th>
                            <th scope="col" class="actions-cell"><span class="visually-hidden">{move || a().download}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || documents.get()
                            key=|d| (d.id, d.visibility.employee, d.visibility.employer)
                            children=move |d: Document| {
                                let href = case_id.get_untracked().map(|c| api::absence_document_href(c, d.id)).unwrap_or_default();
                                let (doc_id, visibility, kind, size, at) = (d.id, d.visibility, d.kind, d.size_bytes, d.uploaded_at);
                                let title = d.title.clone();
                                let file_name = d.file_name.clone();
                                view! {
                                    <tr data-testid="document-row" data-title=d.title.clone()>
                                        <td data-label=move || a().document_title>
                                            <div class="cell-stack">
                                                <a href=href.clone() download=d.file_name.clone() class="cell-title" data-testid="document-link">{title}</a>
                                                <span class="cell-sub">{move || format!("{} · {} · {}", a().document_kind(kind), file_name, a().size(size))}</span>
                                            </div>
                                        </td>
                                        <td data-label=move || a().uploaded>
                                            <div>
                                                {move || time::date_time(at, i18n.locale())}
                                                <span class="cell-sub">{d.uploaded_by_name.clone()}</span>
                                            </div>
                                        </td>
                                        <td data-label=move || a().visible_to>
                                            {move || if may.get().set_visibility {
                                                view! {
                                                    <div class="visibility-toggles">
                                                        <label class="checkbox">
                                                            <input
                                                                type="checkbox"
                                                                data-testid="visible-employee"
                                                                prop:checked=visibility.employee
                                                                on:change=move |ev| {
                                                                    let v = Visibility { employee: event_target_checked(&ev), employer: visibility.employer };
                                                                    set_visibility(ev, doc_id, v);
                                                                }
                                                            />
                                                            <span>{a().visible_employee}</span>
                                                        </label>
                                                        <label class="checkbox">
                                                            <input
                                                                type="checkbox"
                                                                data-testid="visible-employer"
                                                                prop:checked=visibility.employer
                                                                on:change=move |ev| {
                                                                    let v = Visibility { employee: visibility.employee, employer: event_target_checked(&ev) };
                                                                    set_visibility(ev, doc_id, v);
                                                                }
                                                            />
                                                            <span>{a().visible_employer}</span>
                                                        </label>
                                                    </div>
                                                }.into_any()
                                            } else {
                                                let t = a();
                                                let mut who = Vec::new();
                                                if visibility.employee { who.push(t.visible_employee); }
                                                if visibility.employer { who.push(t.visible_employer); }
                                                let text = if who.is_empty() { t.visible_arbodienst_only.to_string() } else { who.join(", ") };
                                                view! { <span data-testid="visibility">{text}</span> }.into_any()
                                            }}
                                        </td>
                                        <td class="actions-cell">
                                            <a href=href download=d.file_name.clone() class="button secondary small" data-testid="download-document">{move || a().download}</a>
                                        </td>
                                    </tr>
                                }
                            }
                        />
                    </tbody>
                </table>
            </Show>
            {move || may.get().upload.then(|| view! { <UploadForm case_id=case_id arbodienst=may.get().set_visibility reload=reload notice=notice /> })}
        </section>
    }
}

/// Adding a document: kind, title, file and who may see it.
#[component]
fn UploadForm(
    case_id: Memo<Option<Uuid>>,
    arbodienst: bool,
    reload: Callback<()>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let kind = RwSignal::new(DocumentKind::PlanOfAction);
    let title = RwSignal::new(String::new());
    let title_error = RwSignal::new(None::<String>);
    let file_error = RwSignal::new(None::<String>);
    let employee = RwSignal::new(false);
    let employer = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let file_input = NodeRef::<html::Input>::new();
    let send = Action::new_local(move |_: &()| async move {
        let t = i18n.t();
        let Some(id) = case_id.get_untracked() else { return };
        let Some(input) = file_input.get_untracked() else { return };
        let Some((file_name, bytes)) = browser::read_chosen_file(&input).await else {
            file_error.set(Some(t.absence.problem("file", "required")));
            browser::focus_element("document-file");
            return;
        };
        if bytes.len() > MAX_DOCUMENT_BYTES {
            file_error.set(Some(t.absence.problem("file", "too_large")));
            browser::focus_element("document-file");
            return;
        }
        let meta = UploadMeta {
            kind: kind.get_untracked(),
            title: title.get_untracked(),
            file_name,
            employee: employee.get_untracked(),
            employer: employer.get_untracked(),
        };
        match api::upload_absence_document(id, &meta, bytes).await {
            Ok(_) => {
                title.set(String::new());
                input.set_value("");
                employee.set(false);
                employer.set(false);
                notice.set(Some(t.absence.uploaded_notice.into()));
                reload.run(());
            }
            Err(e) => {
                if show_field_errors(&e, t.absence, &[("title", title_error), ("file", file_error)]) {
                    browser::focus_element(if title_error.with_untracked(Option::is_some) {
                        "document-title"
                    } else {
                        "document-file"
                    });
                    if e.kind() != Some(ErrorKind::Validation) {
                        error.set(Some(t.api_error(&e)));
                    }
                } else if e.kind() == Some(ErrorKind::PayloadTooLarge) {
                    file_error.set(Some(t.absence.problem("file", "too_large")));
                } else {
                    error.set(Some(t.api_error(&e)));
                }
            }
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
        let t = i18n.t().absence;
        if title.with_untracked(|t| t.trim().is_empty()) {
            title_error.set(Some(t.problem("title", "required")));
            browser::focus_element("document-title");
            return;
        }
        send.dispatch(());
    };
    let a = move || i18n.t().absence;
    view! {
        <form class="form upload-form" novalidate=true on:submit=on_submit data-testid="upload-form" aria-labelledby="upload-heading">
            <h3 id="upload-heading">{move || a().upload_heading}</h3>
            <div class="form-grid">
                <div class="field">
                    <label for="document-kind">{move || a().document_kind}</label>
                    <select
                        id="document-kind"
                        data-testid="document-kind"
                        on:change=move |ev| {
                            if let Some(k) = DocumentKind::parse(&event_target_value(&ev)) {
                                kind.set(k);
                            }
                        }
                    >
                        {DocumentKind::ALL.into_iter().map(|k| view! {
                            <option value=k.as_str() selected=move || kind.get() == k>{move || a().document_kind(k)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <Input
                    id="document-title"
                    label=Signal::derive(move || a().document_title.to_string())
                    value=title
                    error=title_error
                    privacy=true
                />
            </div>
            <div class="field" class:has-error=move || file_error.with(Option::is_some)>
                <label for="document-file">{move || a().document_file}</label>
                <input
                    id="document-file"
                    type="file"
                    accept=".pdf,.docx,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
                    data-testid="document-file"
                    node_ref=file_input
                    aria-invalid=move || file_error.with(Option::is_some).to_string()
                    aria-describedby=move || if file_error.with(Option::is_some) { "document-file-hint document-file-error" } else { "document-file-hint" }
                    on:change=move |_| file_error.set(None)
                />
                <p id="document-file-hint" class="help-text">{move || a().document_file_hint}</p>
                {move || file_error.get().map(|m| view! { <p id="document-file-error" class="field-error" data-testid="document-file-error">{m}</p> })}
            </div>
            <fieldset class="field">
                <legend>{move || a().visible_to}</legend>
                <label class="checkbox">
                    <input type="checkbox" data-testid="upload-visible-employee" prop:checked=move || employee.get() on:change=move |ev| employee.set(event_target_checked(&ev)) />
                    <span>{move || a().visible_employee}</span>
                </label>
                {if arbodienst {
                    view! {
                        <label class="checkbox">
                            <input type="checkbox" data-testid="upload-visible-employer" prop:checked=move || employer.get() on:change=move |ev| employer.set(event_target_checked(&ev)) />
                            <span>{move || a().visible_employer}</span>
                        </label>
                    }.into_any()
                } else {
                    view! { <p class="help-text">{move || a().employer_sees_own_uploads}</p> }.into_any()
                }}
            </fieldset>
            <ErrorAlert message=error testid="upload-error" />
            <div class="form-actions">
                <button type="submit" class="button primary" data-testid="submit-upload" aria-disabled=move || pending.get().to_string()>
                    {move || if pending.get() { a().uploading } else { a().upload }}
                </button>
            </div>
        </form>
    }
}
