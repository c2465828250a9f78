//! `/contracten/nieuw`: the employer offers a contract (person, title, sign-by day, PDF).

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use shared::documents::MAX_PERSON_DOCUMENT_BYTES;
use shared::error::ErrorKind;
use uuid::Uuid;

use super::contract_href;
use crate::api;
use crate::browser;
use crate::components::field::InputField;
use crate::components::page_title::use_page_title;
use crate::i18n::contracts::texts;
use crate::i18n::use_i18n;
use crate::pages::networks::search::debounced;

#[component]
pub fn NewContractPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| texts(t.locale).new_contract_title.into());
    let c = move || texts(i18n.locale());
    // The people come from the employee records (what offering a contract needs is the same
    // right); a search narrows them, so large organisations are not one long select. The
    // search goes out once typing pauses.
    let typed = RwSignal::new(String::new());
    // A memo, so that coming back to the same words is no new search.
    let settled = debounced(typed);
    let person_q = Memo::new(move |_| settled.get());
    let people = LocalResource::new(move || {
        let filter = api::EmployeeFilter { q: person_q.get(), ..Default::default() };
        async move { api::employees(&filter, None).await }
    });
    let person = RwSignal::new(String::new());
    // A new search replaces the options, so the select falls back to "Kies een medewerker":
    // the choice goes with it, or sending would offer the contract to someone no longer shown.
    Effect::new(move |first: Option<()>| {
        person_q.track();
        if first.is_some() {
            person.set(String::new());
        }
    });
    let person_error = RwSignal::new(None::<String>);
    let title = RwSignal::new(String::new());
    let title_error = RwSignal::new(None::<String>);
    let today = chrono::Local::now().date_naive();
    let sign_by = RwSignal::new((today + chrono::Duration::days(14)).to_string());
    let sign_by_error = RwSignal::new(None::<String>);
    let file_error = RwSignal::new(None::<String>);
    let alert = RwSignal::new(None::<String>);
    let file_input = NodeRef::<html::Input>::new();
    let navigate = use_navigate();
    let send = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        async move {
            let t = texts(i18n.locale_untracked());
            let Some(input) = file_input.get_untracked() else { return };
            let Some((file_name, bytes)) = browser::read_chosen_file(&input).await else {
                file_error.set(Some(t.problem("file", "required")));
                browser::focus_element("contract-file");
                return;
            };
            if bytes.len() > MAX_PERSON_DOCUMENT_BYTES {
                file_error.set(Some(t.problem("file", "too_large")));
                return;
            }
            let Ok(user_id) = person.get_untracked().parse::<Uuid>() else { return };
            let Ok(day) = sign_by.get_untracked().parse::<chrono::NaiveDate>() else { return };
            match api::offer_contract(
                user_id,
                title.get_untracked().trim().to_string(),
                day,
                file_name,
                bytes,
            )
            .await
            {
                Ok(k) => navigate(&contract_href(k.id), Default::default()),
                Err(e) => {
                    let mut any = false;
                    for (field, signal) in [
                        ("user_id", person_error),
                        ("title", title_error),
                        ("sign_by", sign_by_error),
                        ("file", file_error),
                    ] {
                        if let Some(code) = e.field_code(field) {
                            signal.set(Some(t.problem(field, code)));
                            any = true;
                        }
                    }
                    if e.kind() == Some(ErrorKind::PayloadTooLarge) {
                        file_error.set(Some(t.problem("file", "too_large")));
                    } else if !any {
                        alert.set(Some(i18n.t().api_error(&e)));
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
        alert.set(None);
        let t = texts(i18n.locale_untracked());
        let mut first = None;
        if person.with_untracked(String::is_empty) {
            person_error.set(Some(t.problem("user_id", "required")));
            first.get_or_insert("contract-person");
        }
        if title.with_untracked(|s| s.trim().is_empty()) {
            title_error.set(Some(t.problem("title", "required")));
            first.get_or_insert("contract-title");
        }
        match sign_by.get_untracked().parse::<chrono::NaiveDate>() {
            Ok(d) if d >= today => {}
            _ => {
                sign_by_error.set(Some(t.problem("sign_by", "in_past")));
                first.get_or_insert("contract-sign-by");
            }
        }
        if let Some(f) = first {
            browser::focus_element(f);
            return;
        }
        send.dispatch(());
    };
    view! {
        <div class="page contract-new-page">
            <p><A href="/contracten" attr:class="back-link">{move || c().back_to_contracts}</A></p>
            <header class="page-header">
                <h1>{move || c().new_contract_title}</h1>
                <p class="lead">{move || c().new_contract_intro}</p>
            </header>
            <form class="card section-card" novalidate on:submit=on_submit>
                <div class="field" class:has-error=move || person_error.with(Option::is_some)>
                    <label for="contract-person">{move || c().person}</label>
                    <input
                        type="search"
                        class="picker-search"
                        data-testid="contract-person-search"
                        aria-label=move || c().find_person
                        placeholder=move || c().find_person
                        prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev))
                    />
                    <select
                        id="contract-person"
                        data-testid="contract-person"
                        aria-invalid=move || person_error.with(Option::is_some).to_string()
                        on:change=move |ev| {
                            person.set(event_target_value(&ev));
                            person_error.set(None);
                        }
                    >
                        <option value="">{move || c().choose_person}</option>
                        {move || people.get().and_then(Result::ok).map(|page| {
                            page.items
                                .into_iter()
                                .map(|e| view! { <option value=e.user_id.to_string()>{e.name.clone()}</option> })
                                .collect_view()
                        })}
                    </select>
                    {move || person_error.get().map(|m| view! { <p class="field-error" data-testid="contract-person-error">{m}</p> })}
                </div>
                <InputField id="contract-title" label=Signal::derive(move || c().title) value=title error=title_error />
                <div class="field" class:has-error=move || sign_by_error.with(Option::is_some)>
                    <label for="contract-sign-by">{move || c().sign_by}</label>
                    <input
                        id="contract-sign-by"
                        type="date"
                        data-testid="contract-sign-by"
                        min=today.to_string()
                        prop:value=move || sign_by.get()
                        aria-invalid=move || sign_by_error.with(Option::is_some).to_string()
                        on:input=move |ev| {
                            sign_by.set(event_target_value(&ev));
                            sign_by_error.set(None);
                        }
                    />
                    {move || sign_by_error.get().map(|m| view! { <p class="field-error" data-testid="contract-sign-by-error">{m}</p> })}
                </div>
                <div class="field" class:has-error=move || file_error.with(Option::is_some)>
                    <label for="contract-file">{move || c().pdf_file}</label>
                    <input
                        id="contract-file"
                        type="file"
                        accept="application/pdf,.pdf"
                        data-testid="contract-file"
                        node_ref=file_input
                        aria-describedby="contract-file-hint"
                        aria-invalid=move || file_error.with(Option::is_some).to_string()
                        on:change=move |_| file_error.set(None)
                    />
                    <p id="contract-file-hint" class="help-text">{move || c().pdf_file_hint}</p>
                    {move || file_error.get().map(|m| view! { <p class="field-error" data-testid="contract-file-error">{m}</p> })}
                </div>
                {move || alert.get().map(|m| view! { <p class="form-alert is-visible" role="alert">{m}</p> })}
                <button type="submit" class="button primary" data-testid="contract-submit" disabled=move || pending.get()>
                    {move || if pending.get() { c().sending } else { c().send_contract }}
                </button>
            </form>
        </div>
    }
}
