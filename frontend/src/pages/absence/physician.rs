//! The occupational physician's parts of a case: statements the employer may
//! read (functional limitations, remaining capacity, expected duration,
//! advice — never a diagnosis), and medical notes, which only the physician
//! sees: this section is drawn only when the server says `may.medical_notes`,
//! and its notes come from their own endpoint.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::absence::{AbsenceCase, ExpectedDuration, MAX_NOTE_LEN, MAX_TEXT_LEN, MedicalNote, NewStatement};
use shared::error::ErrorKind;
use uuid::Uuid;

use super::fields::{DurationSelect, TextArea, show_field_errors};
use crate::api::{self, ApiError};
use crate::browser;
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::i18n::use_i18n;
use crate::time;

/// The physician's statements for the employer, and the form to write one.
#[component]
pub fn StatementsSection(case: RwSignal<Option<AbsenceCase>>, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let statements =
        Memo::new(move |_| case.with(|c| c.as_ref().map(|c| c.statements.clone()).unwrap_or_default()));
    let may_write = Memo::new(move |_| case.with(|c| c.as_ref().is_some_and(|c| c.may.write_statement)));
    let a = move || i18n.t().absence;
    view! {
        <section class="card section-card" aria-labelledby="statements-heading" data-testid="statements">
            <div>
                <h2 id="statements-heading">{move || a().statements_heading}</h2>
                <p class="help-text">{move || a().statements_intro}</p>
            </div>
            <Show when=move || !statements.with(Vec::is_empty) fallback=move || view! { <p class="empty-list">{a().no_statements}</p> }>
                <ul class="statement-list">
                    {move || statements.get().into_iter().map(|s| {
                        let t = a();
                        view! {
                            <li class="statement" data-testid="statement">
                                <p class="help-text">{format!("{} · {}", s.author_name, time::date_time(s.created_at, i18n.locale()))}</p>
                                <dl class="facts">
                                    <div><dt>{t.functional_limitations}</dt><dd class="pre-line">{s.functional_limitations.clone()}</dd></div>
                                    <div><dt>{t.remaining_capacity}</dt><dd class="pre-line">{s.remaining_capacity.clone()}</dd></div>
                                    <div><dt>{t.expected_duration}</dt><dd>{s.expected_duration.map(|d| t.duration(d)).unwrap_or(t.not_filled_in)}</dd></div>
                                    <div><dt>{t.advice}</dt><dd class="pre-line">{s.advice.clone()}</dd></div>
                                </dl>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
            <Show when=move || may_write.get()>
                <StatementForm case=case reload=reload />
            </Show>
        </section>
    }
}

#[component]
fn StatementForm(case: RwSignal<Option<AbsenceCase>>, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let limitations = RwSignal::new(String::new());
    let capacity = RwSignal::new(String::new());
    let advice = RwSignal::new(String::new());
    let duration = RwSignal::new(None::<ExpectedDuration>);
    let limitations_error = RwSignal::new(None::<String>);
    let capacity_error = RwSignal::new(None::<String>);
    let advice_error = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let fields = move || {
        [
            ("functional_limitations", limitations, limitations_error, "statement-limitations"),
            ("remaining_capacity", capacity, capacity_error, "statement-capacity"),
            ("advice", advice, advice_error, "statement-advice"),
        ]
    };
    let send = Action::new_local(move |statement: &NewStatement| {
        let statement = statement.clone();
        async move {
            let Some(id) = case.with_untracked(|c| c.as_ref().map(|c| c.id)) else { return };
            let t = i18n.t();
            match api::add_statement(id, &statement).await {
                Ok(_) => {
                    for (_, value, _, _) in fields() {
                        value.set(String::new());
                    }
                    duration.set(None);
                    notice.set(Some(t.absence.statement_added.into()));
                    reload.run(());
                }
                Err(e) => {
                    let pairs: Vec<(&str, RwSignal<Option<String>>)> =
                        fields().iter().map(|(f, _, err, _)| (*f, *err)).collect();
                    if show_field_errors(&e, t.absence, &pairs) {
                        if let Some((_, _, _, id)) =
                            fields().into_iter().find(|(_, _, err, _)| err.with_untracked(Option::is_some))
                        {
                            browser::focus_element(id);
                        }
                        if e.kind() != Some(ErrorKind::Validation) {
                            error.set(Some(t.api_error(&e)));
                        }
                    } else {
                        error.set(Some(t.api_error(&e)));
                    }
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
        let mut first_bad = None;
        for (field, value, err, id) in fields() {
            if value.with_untracked(|v| v.trim().is_empty()) {
                err.set(Some(t.problem(field, "required")));
                first_bad.get_or_insert(id);
            }
        }
        if let Some(id) = first_bad {
            browser::focus_element(id);
            return;
        }
        send.dispatch(NewStatement {
            functional_limitations: limitations.get_untracked().trim().to_string(),
            remaining_capacity: capacity.get_untracked().trim().to_string(),
            expected_duration: duration.get_untracked(),
            advice: advice.get_untracked().trim().to_string(),
        });
    };
    let a = move || i18n.t().absence;
    view! {
        <form class="form" novalidate=true on:submit=on_submit data-testid="statement-form" aria-labelledby="statement-form-heading">
            <h3 id="statement-form-heading">{move || a().write_statement_heading}</h3>
            <TextArea id="statement-limitations" label=Signal::derive(move || a().functional_limitations.to_string()) value=limitations error=limitations_error privacy=true max_len=MAX_TEXT_LEN />
            <TextArea id="statement-capacity" label=Signal::derive(move || a().remaining_capacity.to_string()) value=capacity error=capacity_error privacy=true max_len=MAX_TEXT_LEN />
            <DurationSelect id="statement-duration" value=duration />
            <TextArea id="statement-advice" label=Signal::derive(move || a().advice.to_string()) value=advice error=advice_error privacy=true max_len=MAX_TEXT_LEN />
            <ErrorAlert message=error testid="statement-error" />
            <SuccessNotice message=notice testid="statement-notice" />
            <div class="form-actions">
                <button type="submit" class="button primary" data-testid="submit-statement" aria-disabled=move || pending.get().to_string()>
                    {move || if pending.get() { a().saving } else { a().add_statement }}
                </button>
            </div>
        </form>
    }
}

/// Medical notes: the physician's alone.
#[component]
pub fn MedicalNotesSection(case_id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let notes = RwSignal::new(None::<Vec<MedicalNote>>);
    let load_error = RwSignal::new(None::<ApiError>);
    let load = move || {
        spawn_local(async move {
            match api::medical_notes(case_id).await {
                Ok(n) => notes.set(Some(n)),
                Err(e) => load_error.set(Some(e)),
            }
        })
    };
    load();
    let body = RwSignal::new(String::new());
    let body_error = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let send = Action::new_local(move |text: &String| {
        let text = text.clone();
        async move {
            let t = i18n.t();
            match api::add_medical_note(case_id, text).await {
                Ok(_) => {
                    body.set(String::new());
                    notice.set(Some(t.absence.note_added.into()));
                    load();
                }
                Err(e) => {
                    if !show_field_errors(&e, t.absence, &[("body", body_error)]) {
                        error.set(Some(t.api_error(&e)));
                    }
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
        let text = body.get_untracked().trim().to_string();
        if text.is_empty() {
            body_error.set(Some(i18n.t().absence.problem("body", "required")));
            browser::focus_element("medical-note");
            return;
        }
        send.dispatch(text);
    };
    let a = move || i18n.t().absence;
    view! {
        <section class="card section-card medical-notes" aria-labelledby="notes-heading" data-testid="medical-notes">
            <div>
                <h2 id="notes-heading">{move || a().notes_heading}</h2>
                <p class="notice">{move || a().notes_intro}</p>
            </div>
            {move || load_error.get().map(|e| view! { <p class="field-error" role="alert">{i18n.t().api_error(&e)}</p> })}
            {move || notes.get().map(|n| if n.is_empty() {
                view! { <p class="empty-list">{a().no_notes}</p> }.into_any()
            } else {
                view! {
                    <ul class="note-list">
                        {n.into_iter().map(|note| view! {
                            <li class="note" data-testid="medical-note-item">
                                <p class="help-text">{format!("{} · {}", note.author_name, time::date_time(note.created_at, i18n.locale()))}</p>
                                <p class="pre-line">{note.body}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            })}
            <form class="form" novalidate=true on:submit=on_submit data-testid="medical-note-form">
                <TextArea id="medical-note" label=Signal::derive(move || a().note_label.to_string()) value=body error=body_error max_len=MAX_NOTE_LEN rows=5 />
                <ErrorAlert message=error testid="medical-note-error" />
                <SuccessNotice message=notice testid="medical-note-notice" />
                <div class="form-actions">
                    <button type="submit" class="button primary" data-testid="submit-medical-note" aria-disabled=move || pending.get().to_string()>
                        {move || if pending.get() { a().saving } else { a().add_note }}
                    </button>
                </div>
            </form>
        </section>
    }
}
