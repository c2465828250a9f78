//! `/medewerkers/{id}`: one employee — everything on file with the BSN and IBAN masked
//! until "Toon" (audited), the edit form, and the history.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::employees::{EmployeeRecord, RecordEvent, RevealedSecrets};
use uuid::Uuid;

use super::form::{RecordFields, RecordForm};
use super::{refusal, show_errors, use_texts};
use crate::api::{self, ApiError};
use crate::browser;
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::components::page_title::use_page_title;
use crate::i18n::employees::EmployeeTexts;

#[component]
fn Row(
    #[prop(into)] label: Signal<&'static str>,
    #[prop(into)] value: Signal<String>,
    testid: &'static str,
) -> impl IntoView {
    view! {
        <div class="detail-row">
            <dt>{move || label.get()}</dt>
            <dd data-testid=testid>{move || value.get()}</dd>
        </div>
    }
}

#[component]
pub fn EmployeePage() -> impl IntoView {
    let t = use_texts();
    use_page_title(move |d| crate::i18n::employees::texts(d.locale).record_title.into());
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<Uuid>().ok())));
    let record = RwSignal::new(None::<EmployeeRecord>);
    let history = RwSignal::new(Vec::<RecordEvent>::new());
    let load_error = RwSignal::new(None::<ApiError>);
    let revealed = RwSignal::new(None::<RevealedSecrets>);
    let editing = RwSignal::new(false);
    let notice = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let form = RecordForm::new();
    let load = move || {
        let Some(id) = id.get_untracked() else { return };
        spawn_local(async move {
            match api::employee(id).await {
                Ok(r) => record.set(Some(r)),
                Err(e) => load_error.set(Some(e)),
            }
            if let Ok(h) = api::employee_history(id).await {
                history.set(h);
            }
        });
    };
    Effect::new(move |_| {
        id.track();
        load();
    });
    let reveal = move |_| {
        if revealed.with_untracked(Option::is_some) {
            revealed.set(None);
            return;
        }
        let Some(id) = id.get_untracked() else { return };
        spawn_local(async move {
            match api::reveal_employee(id).await {
                Ok(s) => revealed.set(Some(s)),
                Err(e) => error.set(Some(refusal(&e, t()))),
            }
        });
    };
    let start_edit = move |_| {
        if let Some(r) = record.get_untracked() {
            form.load(&r);
            notice.set(None);
            error.set(None);
            editing.set(true);
            browser::focus_element("record-personnel-number");
        }
    };
    let save = Action::new_local(move |_: &()| async move {
        let t = t();
        let Some(r) = record.get_untracked() else { return };
        if !form.check(t) {
            error.set(Some(
                crate::i18n::dict(t.locale).error_kind(shared::error::ErrorKind::Validation).into(),
            ));
            return;
        }
        match api::update_employee(r.id, &form.input(r.email.clone(), Some(r.version))).await {
            Ok(saved) => {
                record.set(Some(saved));
                editing.set(false);
                error.set(None);
                notice.set(Some(t.saved.into()));
                revealed.set(None);
                if let Ok(h) = api::employee_history(r.id).await {
                    history.set(h);
                }
                browser::focus_element("record-saved");
            }
            Err(e) => {
                show_errors(&e, t, &form.fields());
                error.set(Some(refusal(&e, t)));
            }
        }
    });
    let value = move |f: fn(&EmployeeRecord, &'static EmployeeTexts) -> String| {
        Signal::derive(move || record.with(|r| r.as_ref().map(|r| f(r, t())).unwrap_or_default()))
    };
    view! {
        <p><A href="/medewerkers" attr:class="back-link">{move || t().back_to_list}</A></p>
        {move || load_error.get().map(|e| view! { <p class="form-alert is-visible" role="alert">{refusal(&e, t())}</p> })}
        <header class="page-header">
            <h1 data-testid="record-name">{move || record.with(|r| r.as_ref().map(|r| r.name.clone()).unwrap_or_else(|| t().record_title.into()))}</h1>
        </header>
        <SuccessNotice message=notice testid="record-saved" />
        <ErrorAlert message=error testid="record-error" />
        <Show when=move || record.with(Option::is_some) && !editing.get()>
            <section class="card section-card" data-testid="record-view">
                <div class="section-header">
                    <h2>{move || t().personal}</h2>
                    <button type="button" class="button secondary" data-testid="edit-record" on:click=start_edit>{move || t().edit}</button>
                </div>
                <dl class="details">
                    <Row label=Signal::derive(move || t().personnel_number) value=value(|r, _| r.personnel_number.clone()) testid="view-personnel-number" />
                    <Row label=Signal::derive(move || t().name) value=value(|r, _| r.name.clone()) testid="view-name" />
                    <Row label=Signal::derive(move || t().birth_date) value=value(|r, t| r.birth_date.map(|d| t.date(d)).unwrap_or_else(|| t.none.into())) testid="view-birth-date" />
                    <Row label=Signal::derive(move || t().email) value=value(|r, _| r.email.clone()) testid="view-email" />
                    <Row label=Signal::derive(move || t().phone) value=value(|r, t| r.phone.clone().unwrap_or_else(|| t.none.into())) testid="view-phone" />
                    <Row label=Signal::derive(move || t().emergency_phone) value=value(|r, t| r.emergency_phone.clone().unwrap_or_else(|| t.none.into())) testid="view-emergency-phone" />
                    <Row label=Signal::derive(move || t().address) value=value(|r, t| r.address.as_ref().map(|a| format!("{} {}, {} {}", a.street, a.house_number, a.postcode, a.city)).unwrap_or_else(|| t.none.into())) testid="view-address" />
                    <Row label=Signal::derive(move || t().tax_credit) value=value(|r, t| (if r.tax_credit { t.yes } else { t.no }).into()) testid="view-tax-credit" />
                    <Row label=Signal::derive(move || t().department) value=value(|r, t| r.department.clone().unwrap_or_else(|| t.none.into())) testid="view-department" />
                    <Row label=Signal::derive(move || t().cost_centre) value=value(|r, t| r.cost_centre.clone().unwrap_or_else(|| t.none.into())) testid="view-cost-centre" />
                    <div class="detail-row">
                        <dt>{move || t().bsn}</dt>
                        <dd data-testid="view-bsn">{move || revealed.with(|s| s.as_ref().and_then(|s| s.bsn.clone())).or_else(|| record.with(|r| r.as_ref().and_then(|r| r.bsn_masked.clone()))).unwrap_or_else(|| t().none.into())}</dd>
                    </div>
                    <div class="detail-row">
                        <dt>{move || t().iban}</dt>
                        <dd data-testid="view-iban">{move || revealed.with(|s| s.as_ref().and_then(|s| s.iban.clone())).or_else(|| record.with(|r| r.as_ref().and_then(|r| r.iban_masked.clone()))).unwrap_or_else(|| t().none.into())}</dd>
                    </div>
                </dl>
                <p>
                    <button type="button" class="button secondary small" data-testid="reveal" aria-pressed=move || revealed.with(Option::is_some).to_string() on:click=reveal>
                        {move || if revealed.with(Option::is_some) { t().hide } else { t().show }}
                    </button>
                    " "
                    <span class="help-text">{move || t().reveal_note}</span>
                </p>
            </section>
            <section class="card section-card" data-testid="record-employment">
                <h2>{move || t().employment}</h2>
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || t().starts_on}</th>
                            <th scope="col">{move || t().ends_on}</th>
                            <th scope="col">{move || t().contract_hours}</th>
                            <th scope="col">{move || t().full_time_hours}</th>
                            <th scope="col">{move || t().factor}</th>
                            <th scope="col">{move || t().job_title}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || record.get().map(|r| r.employment.into_iter().map(|p| view! {
                            <tr data-testid="period-row">
                                <td data-label=move || t().starts_on>{move || t().date(p.starts_on)}</td>
                                <td data-label=move || t().ends_on>{move || p.ends_on.map(|d| t().date(d)).unwrap_or_else(|| t().none.into())}</td>
                                <td data-label=move || t().contract_hours data-testid="period-hours">{move || t().hours(p.contract_minutes)}</td>
                                <td data-label=move || t().full_time_hours>{move || t().hours(p.full_time_minutes)}</td>
                                <td data-label=move || t().factor>{move || t().factor(p.part_time_factor)}</td>
                                <td data-label=move || t().job_title>{p.job_title.clone().unwrap_or_default()}</td>
                            </tr>
                        }).collect_view())}
                    </tbody>
                </table>
            </section>
        </Show>
        <Show when=move || editing.get()>
            <form
                class="card section-card record-form"
                data-testid="record-form"
                novalidate=true
                on:submit=move |ev| {
                    ev.prevent_default();
                    save.dispatch(());
                }
            >
                <RecordFields form=form />
                <div class="form-actions">
                    <button type="submit" class="button primary" data-testid="save-record" aria-disabled=move || save.pending().get().to_string()>
                        {move || if save.pending().get() { t().saving } else { t().save }}
                    </button>
                    <button type="button" class="button secondary" data-testid="cancel-edit" on:click=move |_| { editing.set(false); error.set(None); }>
                        {move || t().cancel}
                    </button>
                </div>
            </form>
        </Show>
        <section class="card section-card" data-testid="record-history">
            <h2>{move || t().history}</h2>
            <Show when=move || !history.with(Vec::is_empty) fallback=move || view! { <p class="empty-list">{t().no_history}</p> }>
                <ul class="timeline">
                    <For
                        each=move || history.get()
                        key=|e| e.id
                        children=move |e| {
                            let at = e.at.with_timezone(&chrono_tz::Europe::Amsterdam).date_naive();
                            let fields = e.fields.join(", ");
                            view! {
                                <li data-testid="history-line">
                                    <strong>{move || t().action(&e.action)}</strong>
                                    " · "{move || t().date(at)}" · "{move || t().by}" "{e.actor_name.clone()}
                                    {(!fields.is_empty()).then(|| view! { <span class="cell-sub">" ("{fields.clone()}")"</span> })}
                                </li>
                            }
                        }
                    />
                </ul>
            </Show>
        </section>
    }
}

/// `/medewerkers/nieuw`: a new employee; they get an invitation by mail.
#[component]
pub fn NewEmployeePage() -> impl IntoView {
    let t = use_texts();
    use_page_title(move |d| crate::i18n::employees::texts(d.locale).new_employee.into());
    let form = RecordForm::new();
    form.add_period();
    let email = crate::pages::networks::form::Field::new();
    let error = RwSignal::new(None::<String>);
    let navigate = leptos_router::hooks::use_navigate();
    let save = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        async move {
            let t = t();
            let mut ok = form.check(t);
            if email.text().is_none() {
                email.error.set(Some(t.problem("required")));
                ok = false;
            }
            if !ok {
                error.set(Some(
                    crate::i18n::dict(t.locale).error_kind(shared::error::ErrorKind::Validation).into(),
                ));
                return;
            }
            match api::create_employee(&form.input(email.text().unwrap_or_default(), None)).await {
                Ok(r) => navigate(&super::employee_href(r.id), Default::default()),
                Err(e) => {
                    let mut fields = form.fields();
                    fields.push(("email".into(), email));
                    show_errors(&e, t, &fields);
                    error.set(Some(refusal(&e, t)));
                }
            }
        }
    });
    view! {
        <p><A href="/medewerkers" attr:class="back-link">{move || t().back_to_list}</A></p>
        <header class="page-header">
            <h1>{move || t().new_employee}</h1>
            <p class="lead">{move || t().new_employee_intro}</p>
        </header>
        <ErrorAlert message=error testid="new-record-error" />
        <form class="card section-card record-form" novalidate=true on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }>
            <crate::pages::networks::form::TextField id="record-email" label=Signal::derive(move || t().email.to_string()) field=email />
            <RecordFields form=form />
            <div class="form-actions">
                <button type="submit" class="button primary" data-testid="create-record">{move || if save.pending().get() { t().saving } else { t().create }}</button>
            </div>
        </form>
    }
}
