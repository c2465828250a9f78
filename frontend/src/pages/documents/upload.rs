//! Adding a document under Documenten: one's own, or the employer's for an employee.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use shared::documents::{MAX_PERSON_DOCUMENT_BYTES, PersonDocumentKind};
use uuid::Uuid;

use super::{parse_date, upload_problem};
use crate::api::{self, PersonUploadMeta};
use crate::browser;
use crate::components::feedback::ErrorAlert;
use crate::i18n::use_i18n;

/// Adding a document: one's own (the kinds an employee may add), or the employer's for a person.
#[component]
pub fn UploadForm(employer: bool, on_done: Callback<()>, notice: RwSignal<Option<String>>) -> impl IntoView {
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
