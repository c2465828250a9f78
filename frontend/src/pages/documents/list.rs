//! The documents in the one list component: chosen columns, search, and type, period and
//! "only unread" filters shown as chips. One's own documents are marked new until opened.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::documents::{PersonDocument, PersonDocumentKind};
use uuid::Uuid;

use super::UnreadBadge;
use super::upload::UploadForm;
use crate::api::{self, DocumentListFilter};
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::components::list::period::PeriodChoice;
use crate::components::list::{DataList, FilterChip, ListColumn, PeriodFilter, period_chip, period_dates};
use crate::components::paged::Paged;
use crate::i18n::use_i18n;
use crate::time;

/// What the row actions do; the page owns them because they change its list.
#[derive(Clone, Copy)]
struct RowActions {
    /// Marks a document read here once its owner opened it (the download marked it on the server).
    opened: Callback<PersonDocument>,
    visible: Callback<(Uuid, bool)>,
    delete: Callback<Uuid>,
}

/// Whether the document is new for whoever looks: only one's own unread documents are.
fn is_new(d: &PersonDocument, employer: bool) -> bool {
    !employer && d.read_at.is_none()
}

/// The list's columns; the employer's list adds the person and whether they see it.
fn columns(employer: bool, actions: RowActions) -> Vec<ListColumn<PersonDocument>> {
    let i18n = use_i18n();
    let s = move || i18n.t().selfservice;
    let mut columns = vec![
        ListColumn::new(
            "title",
            |d| d.selfservice.col_title(),
            true,
            move |d: &PersonDocument| {
                let (href, file, title, by) = (
                    api::person_document_href(d.id),
                    d.file_name.clone(),
                    d.title.clone(),
                    d.uploaded_by_name.clone(),
                );
                let new = is_new(d, employer);
                let doc = d.clone();
                view! {
                    <div class="cell-stack">
                        <a href=href download=file class="cell-title" data-testid="document-link" on:click=move |_| actions.opened.run(doc.clone())>{title}</a>
                        <span class="cell-sub">{move || s().added_by(&by)}</span>
                        <UnreadBadge new=new />
                    </div>
                }
                .into_any()
            },
        ),
        ListColumn::new(
            "kind",
            |d| d.selfservice.filter_kind(),
            true,
            move |d: &PersonDocument| {
                let kind = d.kind;
                (move || s().kind(kind)).into_any()
            },
        ),
    ];
    if employer {
        columns.push(ListColumn::new(
            "person",
            |d| d.selfservice.col_person(),
            true,
            |d: &PersonDocument| d.person_name.clone().into_any(),
        ));
    }
    columns.push(ListColumn::new(
        "period",
        |d| d.selfservice.col_period(),
        true,
        move |d: &PersonDocument| {
            let (start, end) = (d.period_start, d.period_end);
            (move || match (start, end) {
                (Some(a), Some(b)) if a != b => format!("{} – {}", s().date(a), s().date(b)),
                (Some(a), _) => s().date(a),
                _ => "—".into(),
            })
            .into_any()
        },
    ));
    columns.push(ListColumn::new(
        "uploaded",
        |d| d.selfservice.col_uploaded(),
        true,
        move |d: &PersonDocument| {
            let at = d.uploaded_at;
            (move || time::date_time(at, i18n.locale())).into_any()
        },
    ));
    if employer {
        columns.push(ListColumn::new(
            "visible",
            |d| d.selfservice.col_visible(),
            true,
            move |d: &PersonDocument| {
                // One's own upload stays visible to oneself.
                let (id, visible, own_upload) =
                    (d.id, d.visible_employee, d.uploaded_by_name == d.person_name);
                view! {
                    <label class="checkbox">
                        <input
                            type="checkbox"
                            data-testid="visible-employee"
                            prop:checked=visible
                            disabled=own_upload
                            on:change=move |ev| actions.visible.run((id, event_target_checked(&ev)))
                        />
                        <span class="visually-hidden">{move || s().col_visible()}</span>
                    </label>
                }
                .into_any()
            },
        ));
    }
    columns.push(ListColumn::new("actions", |d| d.selfservice.col_actions(), true, move |d: &PersonDocument| {
        let (id, href, file, doc) = (d.id, api::person_document_href(d.id), d.file_name.clone(), d.clone());
        // Payslips and annual statements come from payroll and stay.
        let deletable =
            employer && !matches!(d.kind, PersonDocumentKind::Payslip | PersonDocumentKind::AnnualStatement);
        view! {
            <div class="row-actions">
                <a href=href download=file class="button secondary small" data-testid="open-document" on:click=move |_| actions.opened.run(doc.clone())>{move || s().open()}</a>
                {deletable.then(|| view! {
                    <button type="button" class="button subtle small" data-testid="delete-document" on:click=move |_| actions.delete.run(id)>{move || s().delete()}</button>
                })}
            </div>
        }
        .into_any()
    }));
    columns
}

/// The list with its filters and the upload form; `employer` lists the organisation's.
#[component]
pub fn DocumentList(employer: bool) -> impl IntoView {
    let i18n = use_i18n();
    let s = move || i18n.t().selfservice;
    let kind = RwSignal::new(None::<PersonDocumentKind>);
    let choice = RwSignal::new(PeriodChoice::All);
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let q = RwSignal::new(String::new());
    let unread = RwSignal::new(false);
    let filter = Memo::new(move |_| {
        let (from, to) = period_dates(choice.get(), &from.get(), &to.get());
        DocumentListFilter { user_id: None, kind: kind.get(), from, to, q: q.get(), unread: unread.get() }
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
    let actions = RowActions {
        opened: Callback::new(move |mut d: PersonDocument| {
            if is_new(&d, employer) {
                let id = d.id;
                d.read_at = Some(chrono::Utc::now());
                list.replace(|x| x.id == id, d);
            }
        }),
        visible: Callback::new(move |(id, visible): (Uuid, bool)| {
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
        }),
        delete: Callback::new(move |id: Uuid| {
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
        }),
    };
    let chips = Signal::derive(move || {
        let t = i18n.t();
        let s = t.selfservice;
        let mut chips = Vec::new();
        let text = q.get();
        if !text.is_empty() {
            chips.push(FilterChip {
                label: format!("{}: {text}", t.lists.search),
                clear: Callback::new(move |_| q.set(String::new())),
            });
        }
        if let Some(k) = kind.get() {
            chips.push(FilterChip {
                label: format!("{}: {}", s.filter_kind(), s.kind(k)),
                clear: Callback::new(move |_| kind.set(None)),
            });
        }
        chips.extend(period_chip(t, choice, from, to));
        if unread.get() {
            chips.push(FilterChip {
                label: s.only_unread().into(),
                clear: Callback::new(move |_| unread.set(false)),
            });
        }
        chips
    });
    view! {
        <header class="page-header">
            <h1>{move || if employer { s().employer_documents_title() } else { s().documents_title() }}</h1>
            <p class="lead">{move || if employer { s().employer_documents_intro() } else { s().documents_intro() }}</p>
        </header>
        <ErrorAlert message=error testid="documents-error" />
        <SuccessNotice message=notice testid="documents-notice" />
        <DataList
            // Own names, so each list remembers its own columns.
            name=if employer { "employee_document" } else { "document" }
            columns=columns(employer, actions)
            list=list
            // Re-rendered when what a row shows can change.
            row_key=|d: &PersonDocument| format!("{}-{:?}-{}", d.id, d.read_at, d.visible_employee)
            row_data=Callback::new(move |d: PersonDocument| row_data(&d, employer))
            empty=|d| d.selfservice.no_documents()
            search=q
            search_hint=|d| d.selfservice.search_placeholder()
            chips=chips
            clear_all=Callback::new(move |_| {
                q.set(String::new());
                kind.set(None);
                choice.set(PeriodChoice::All);
                from.set(String::new());
                to.set(String::new());
                unread.set(false);
            })
            filters=move || view! {
                <div class="field">
                    <label for="documents-kind">{move || s().filter_kind()}</label>
                    <select id="documents-kind" data-testid="documents-kind" on:change=move |ev| kind.set(PersonDocumentKind::parse(&event_target_value(&ev)))>
                        <option value="" selected=move || kind.get().is_none()>{move || s().all_kinds()}</option>
                        {PersonDocumentKind::ALL.into_iter().map(|k| view! {
                            <option value=k.as_str() selected=move || kind.get() == Some(k)>{move || s().kind(k)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <PeriodFilter id="documents" choice=choice from=from to=to />
                {(!employer).then(|| view! {
                    <label class="checkbox">
                        <input type="checkbox" data-testid="documents-unread" prop:checked=move || unread.get() on:change=move |ev| unread.set(event_target_checked(&ev)) />
                        <span>{move || s().only_unread()}</span>
                    </label>
                })}
            }
        />
        <UploadForm employer=employer on_done=Callback::new(move |_| list.reload()) notice=notice />
    }
}

/// What tests pick a row by: title, type and whether it is new.
fn row_data(d: &PersonDocument, employer: bool) -> Vec<(&'static str, String)> {
    vec![
        ("data-title", d.title.clone()),
        ("data-kind", d.kind.as_str().into()),
        ("data-unread", is_new(d, employer).to_string()),
    ]
}
