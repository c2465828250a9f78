//! `/medewerkers/wijzigingsverzoeken`: the employees' change requests waiting for a
//! decision — approve (the value is applied) or decline with a note.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use shared::employees::{ChangeDecision, ChangeRequest, changes::ChangeRequestStatus};
use uuid::Uuid;

use super::{employee_href, refusal, use_texts};
use crate::api;
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::components::page_title::use_page_title;
use crate::components::paged::{LoadMore, Paged};

#[component]
pub fn ChangeRequestsPage() -> impl IntoView {
    let t = use_texts();
    use_page_title(move |d| crate::i18n::employees::texts(d.locale).requests_title.into());
    let list: Paged<ChangeRequest> =
        Paged::new(move |cursor| api::change_requests(ChangeRequestStatus::Pending, cursor));
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let decide = Callback::new(move |(id, approve, note): (Uuid, bool, Option<String>)| {
        spawn_local(async move {
            error.set(None);
            match api::decide_change(id, &ChangeDecision { approve, note }).await {
                Ok(c) => {
                    list.items.update(|items| items.retain(|i| i.id != id));
                    notice.set(Some(format!("{}: {}", c.employee_name, t().request_status(c.status))));
                }
                Err(e) => error.set(Some(refusal(&e, t()))),
            }
        });
    });
    view! {
        <header class="page-header">
            <h1>{move || t().requests_title}</h1>
            <p class="lead">{move || t().requests_intro}</p>
        </header>
        <SuccessNotice message=notice testid="request-decided" />
        <ErrorAlert message=error testid="request-error" />
        <section class="card section-card">
            <Show
                when=move || !(list.loaded.get() && list.items.with(Vec::is_empty))
                fallback=move || view! { <p class="empty-list" data-testid="no-requests">{t().no_requests}</p> }
            >
                <ul class="request-list">
                    <For each=move || list.items.get() key=|c| c.id children=move |c| view! { <RequestItem c=c decide=decide /> } />
                </ul>
            </Show>
            <LoadMore list=list testid="requests-more" />
        </section>
    }
}

#[component]
fn RequestItem(c: ChangeRequest, decide: Callback<(Uuid, bool, Option<String>)>) -> impl IntoView {
    let t = use_texts();
    let note = RwSignal::new(String::new());
    let note_error = RwSignal::new(None::<String>);
    let id = c.id;
    let field = c.field;
    let note_id = format!("note-{id}");
    let decline = move |_| {
        let n = note.get_untracked().trim().to_string();
        if n.is_empty() {
            note_error.set(Some(t().note_required.into()));
            return;
        }
        decide.run((id, false, Some(n)));
    };
    view! {
        <li class="card request-item" data-testid="change-request">
            <h3>
                <A href=employee_href(c.record_id)>{c.employee_name.clone()}</A>
                " · "{c.personnel_number.clone()}
            </h3>
            <dl class="details">
                <div class="detail-row"><dt>{move || t().field}</dt><dd data-testid="request-field">{move || t().change_field(field)}</dd></div>
                <div class="detail-row"><dt>{move || t().old_value}</dt><dd>{let v = c.old_value.clone(); move || t().change_value(field, &v)}</dd></div>
                <div class="detail-row"><dt>{move || t().new_value}</dt><dd data-testid="request-new-value">{let v = c.new_value.clone(); move || t().change_value(field, &v)}</dd></div>
                <div class="detail-row"><dt>{move || t().effective_on}</dt><dd>{move || t().date(c.effective_on)}</dd></div>
                {c.reason.clone().map(|r| view! { <div class="detail-row"><dt>{move || t().reason}</dt><dd>{r}</dd></div> })}
            </dl>
            <div class="field" class:has-error=move || note_error.with(Option::is_some)>
                <label for=note_id.clone()>{move || t().note}</label>
                <input
                    id=note_id.clone()
                    type="text"
                    data-testid="decision-note"
                    prop:value=move || note.get()
                    on:input=move |ev| { note.set(event_target_value(&ev)); note_error.set(None); }
                />
                {move || note_error.get().map(|m| view! { <p class="field-error" data-testid="decision-note-error">{m}</p> })}
            </div>
            <div class="form-actions">
                <button type="button" class="button primary" data-testid="approve-request" on:click=move |_| {
                    let n = note.get_untracked().trim().to_string();
                    decide.run((id, true, (!n.is_empty()).then_some(n)));
                }>{move || t().approve}</button>
                <button type="button" class="button secondary" data-testid="decline-request" on:click=decline>{move || t().decline}</button>
            </div>
        </li>
    }
}
