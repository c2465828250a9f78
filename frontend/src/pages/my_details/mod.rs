//! `/mijn-gegevens` (seed 002 "Mijn gegevens: hier vind je de gegevens zoals bij ons
//! bekend"): the employee's record as the employer knows it; address and phone numbers
//! changed directly, the IBAN after the password (the employer is told), other fields by
//! a change request with an effective date, and the requests with their status.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use shared::employees::{
    ChangeRequest, EmployeeRecord, MyContactUpdate, MyIbanChange, NewChangeRequest, PostalAddress,
    changes::{ChangeField, ChangeRequestStatus},
    import::parse_hours,
};
use shared::networks::rules::normalise_postcode;

use crate::api::{self, ApiError};
use crate::browser;
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::components::page_title::use_page_title;
use crate::pages::absence::fields::InputKind;
use crate::pages::employees::form::check_iban;
use crate::pages::employees::{refusal, show_errors, use_texts};
use crate::pages::networks::form::{Field, TextField};

#[component]
pub fn MyDetailsPage() -> impl IntoView {
    let t = use_texts();
    use_page_title(move |d| crate::i18n::employees::texts(d.locale).my_title.into());
    let record = RwSignal::new(None::<Option<EmployeeRecord>>);
    let requests = RwSignal::new(Vec::<ChangeRequest>::new());
    let load_error = RwSignal::new(None::<ApiError>);
    let load = move || {
        spawn_local(async move {
            match api::my_employee_record().await {
                Ok(r) => record.set(Some(r)),
                Err(e) => load_error.set(Some(e)),
            }
            if let Ok(rs) = api::my_change_requests().await {
                requests.set(rs);
            }
        });
    };
    load();
    let reload = Callback::new(move |_: ()| load());
    // Saving replaces the record, which draws the sections anew: their "saved" notices
    // live here so they outlast that.
    let contact_notice = RwSignal::new(None::<String>);
    let iban_notice = RwSignal::new(None::<String>);
    let request_notice = RwSignal::new(None::<String>);
    view! {
        <div class="page my-details-page">
            <header class="page-header">
                <h1>{move || t().my_title}</h1>
                <p class="lead">{move || t().my_intro}</p>
            </header>
            {move || load_error.get().map(|e| view! { <p class="form-alert is-visible" role="alert">{refusal(&e, t())}</p> })}
            {move || match record.get() {
                None => None,
                Some(None) => Some(view! { <section class="card section-card" data-testid="no-record"><p>{move || t().no_record}</p></section> }.into_any()),
                Some(Some(r)) => Some(view! {
                    <Known r=r.clone() />
                    <ContactForm r=r.clone() record=record notice=contact_notice />
                    <IbanForm record=record notice=iban_notice />
                    <RequestForm reload=reload notice=request_notice />
                    <section class="card section-card" data-testid="id-document">
                        <h2>{move || t().id_document_heading}</h2>
                        <p>{move || t().id_document_text}</p>
                        <p><A href="/documenten" attr:class="button secondary" attr:data-testid="to-documents">{move || t().to_documents}</A></p>
                    </section>
                }.into_any()),
            }}
            <MyRequests requests=requests reload=reload />
        </div>
    }
}

/// A label picked from the texts.
type Label = fn(&'static crate::i18n::employees::EmployeeTexts) -> &'static str;

#[component]
fn Known(r: EmployeeRecord) -> impl IntoView {
    let t = use_texts();
    let rows: Vec<(Label, String, &'static str)> = vec![
        (|t| t.personnel_number, r.personnel_number.clone(), "my-personnel-number"),
        (|t| t.name, r.name.clone(), "my-name"),
        (|t| t.email, r.email.clone(), "my-email"),
        (|t| t.bsn, r.bsn_masked.clone().unwrap_or_default(), "my-bsn"),
        (|t| t.department, r.department.clone().unwrap_or_default(), "my-department"),
    ];
    let birth = r.birth_date;
    let tax = r.tax_credit;
    view! {
        <section class="card section-card" data-testid="my-known">
            <h2>{move || t().personal}</h2>
            <dl class="details">
                {rows.into_iter().map(|(label, value, testid)| view! {
                    <div class="detail-row"><dt>{move || label(t())}</dt><dd data-testid=testid>{value}</dd></div>
                }).collect_view()}
                <div class="detail-row"><dt>{move || t().birth_date}</dt><dd>{move || birth.map(|d| t().date(d)).unwrap_or_else(|| t().none.into())}</dd></div>
                <div class="detail-row"><dt>{move || t().tax_credit}</dt><dd>{move || if tax { t().yes } else { t().no }}</dd></div>
            </dl>
            <h3>{move || t().work_heading}</h3>
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">{move || t().starts_on}</th>
                        <th scope="col">{move || t().ends_on}</th>
                        <th scope="col">{move || t().contract_hours}</th>
                        <th scope="col">{move || t().job_title}</th>
                    </tr>
                </thead>
                <tbody>
                    {r.employment.into_iter().map(|p| view! {
                        <tr data-testid="my-period">
                            <td data-label=move || t().starts_on>{move || t().date(p.starts_on)}</td>
                            <td data-label=move || t().ends_on>{move || p.ends_on.map(|d| t().date(d)).unwrap_or_else(|| t().none.into())}</td>
                            <td data-label=move || t().contract_hours data-testid="my-period-hours">{move || t().hours(p.contract_minutes)}</td>
                            <td data-label=move || t().job_title>{p.job_title.clone().unwrap_or_default()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

#[component]
fn ContactForm(
    r: EmployeeRecord,
    record: RwSignal<Option<Option<EmployeeRecord>>>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let t = use_texts();
    let editing = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let (street, house, postcode, city, phone, emergency) =
        (Field::new(), Field::new(), Field::new(), Field::new(), Field::new(), Field::new());
    let fill = move |r: &EmployeeRecord| {
        let a = r.address.clone().unwrap_or_default();
        street.set(a.street);
        house.set(a.house_number);
        postcode.set(a.postcode);
        city.set(a.city);
        phone.set(r.phone.clone().unwrap_or_default());
        emergency.set(r.emergency_phone.clone().unwrap_or_default());
    };
    let address_text =
        r.address.as_ref().map(|a| format!("{} {}, {} {}", a.street, a.house_number, a.postcode, a.city));
    let phone_text = r.phone.clone();
    let version = r.version;
    // The postcode is checked as it is typed, with the same rule as the server.
    Effect::new(move |_| {
        let p = postcode.value.get();
        if p.chars().filter(|c| !c.is_whitespace()).count() >= 6 && normalise_postcode(&p).is_none() {
            postcode.error.set(Some(t().problem("invalid_postcode")));
        }
    });
    let save = Action::new_local(move |_: &()| async move {
        let t = t();
        let mut ok = true;
        for f in [street, house, postcode, city] {
            if f.text().is_none() {
                f.error.set(Some(t.problem("required")));
                ok = false;
            }
        }
        if postcode.text().is_some_and(|p| normalise_postcode(&p).is_none()) {
            postcode.error.set(Some(t.problem("invalid_postcode")));
            ok = false;
        }
        if !ok {
            browser::focus_element("my-street");
            return;
        }
        let update = MyContactUpdate {
            address: PostalAddress {
                street: street.text().unwrap_or_default(),
                house_number: house.text().unwrap_or_default(),
                postcode: postcode.text().unwrap_or_default(),
                city: city.text().unwrap_or_default(),
                country: "NL".into(),
            },
            phone: phone.text(),
            emergency_phone: emergency.text(),
            version,
        };
        match api::update_my_contact(&update).await {
            Ok(saved) => {
                editing.set(false);
                error.set(None);
                notice.set(Some(t.contact_saved.into()));
                record.set(Some(Some(saved)));
                browser::focus_element("contact-saved");
            }
            Err(e) => {
                let fields: Vec<(String, Field)> = vec![
                    ("address.street".into(), street),
                    ("address.house_number".into(), house),
                    ("address.postcode".into(), postcode),
                    ("address.city".into(), city),
                    ("phone".into(), phone),
                    ("emergency_phone".into(), emergency),
                ];
                show_errors(&e, t, &fields);
                error.set(Some(refusal(&e, t)));
            }
        }
    });
    let label = move |f: fn(&crate::i18n::employees::EmployeeTexts) -> &'static str| {
        Signal::derive(move || f(t()).to_string())
    };
    let r2 = r.clone();
    view! {
        <section class="card section-card" data-testid="my-contact">
            <div class="section-header">
                <h2>{move || t().contact_heading}</h2>
                <Show when=move || !editing.get()>
                    <button type="button" class="button secondary" data-testid="edit-contact" on:click={
                        let r = r2.clone();
                        move |_| { fill(&r); notice.set(None); editing.set(true); browser::focus_element("my-street"); }
                    }>{move || t().edit}</button>
                </Show>
            </div>
            <SuccessNotice message=notice testid="contact-saved" />
            <ErrorAlert message=error testid="contact-error" />
            <Show when=move || !editing.get()>
                <dl class="details">
                    <div class="detail-row"><dt>{move || t().address}</dt><dd data-testid="my-address">{address_text.clone().unwrap_or_else(|| t().none.into())}</dd></div>
                    <div class="detail-row"><dt>{move || t().phone}</dt><dd data-testid="my-phone">{phone_text.clone().unwrap_or_else(|| t().none.into())}</dd></div>
                </dl>
            </Show>
            <Show when=move || editing.get()>
                <form novalidate=true data-testid="contact-form" on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }>
                    <TextField id="my-street" label=label(|t| t.street) field=street />
                    <TextField id="my-house-number" label=label(|t| t.house_number) field=house />
                    <TextField id="my-postcode" label=label(|t| t.postcode) field=postcode />
                    <TextField id="my-city" label=label(|t| t.city) field=city />
                    <TextField id="my-phone" label=label(|t| t.phone) field=phone kind=InputKind::Tel />
                    <TextField id="my-emergency-phone" label=label(|t| t.emergency_phone) field=emergency kind=InputKind::Tel />
                    <div class="form-actions">
                        <button type="submit" class="button primary" data-testid="save-contact">{move || if save.pending().get() { t().saving } else { t().save }}</button>
                        <button type="button" class="button secondary" on:click=move |_| editing.set(false)>{move || t().cancel}</button>
                    </div>
                </form>
            </Show>
        </section>
    }
}

#[component]
fn IbanForm(
    record: RwSignal<Option<Option<EmployeeRecord>>>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let t = use_texts();
    let open = RwSignal::new(false);
    let iban = Field::new();
    let password = Field::new();
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let v = iban.value.get();
        if v.chars().filter(|c| c.is_ascii_alphanumeric()).count() >= 15 {
            check_iban(iban, t());
        }
    });
    let save = Action::new_local(move |_: &()| async move {
        let t = t();
        let Some(new) = iban.text() else {
            iban.error.set(Some(t.problem("required")));
            return;
        };
        if !check_iban(iban, t) {
            return;
        }
        let Some(pw) = password.text() else {
            password.error.set(Some(t.problem("required")));
            return;
        };
        match api::change_my_iban(&MyIbanChange { iban: new, password: pw }).await {
            Ok(saved) => {
                open.set(false);
                iban.set("");
                password.set("");
                error.set(None);
                notice.set(Some(t.iban_saved.into()));
                record.set(Some(Some(saved)));
            }
            Err(e) => {
                show_errors(&e, t, &[("iban".into(), iban), ("password".into(), password)]);
                error.set(Some(refusal(&e, t)));
            }
        }
    });
    let label = move |f: fn(&crate::i18n::employees::EmployeeTexts) -> &'static str| {
        Signal::derive(move || f(t()).to_string())
    };
    view! {
        <section class="card section-card" data-testid="my-iban">
            <div class="section-header">
                <h2>{move || t().iban_heading}</h2>
                <Show when=move || !open.get()>
                    <button type="button" class="button secondary" data-testid="change-iban" on:click=move |_| { open.set(true); notice.set(None); browser::focus_element("my-new-iban"); }>{move || t().change_iban}</button>
                </Show>
            </div>
            <SuccessNotice message=notice testid="iban-saved" />
            <p data-testid="my-iban-masked">{move || record.with(|r| r.as_ref().and_then(|r| r.as_ref()).and_then(|r| r.iban_masked.clone())).unwrap_or_else(|| t().none.into())}</p>
            <Show when=move || open.get()>
                <ErrorAlert message=error testid="iban-error" />
                <form novalidate=true on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }>
                    <TextField id="my-new-iban" label=label(|t| t.new_iban) field=iban />
                    <div class="field" class:has-error=move || password.error.with(Option::is_some)>
                        <label for="my-iban-password">{move || t().current_password}</label>
                        <input id="my-iban-password" type="password" autocomplete="current-password" data-testid="my-iban-password"
                            aria-describedby="my-iban-password-hint"
                            prop:value=move || password.value.get()
                            on:input=move |ev| { password.value.set(event_target_value(&ev)); password.error.set(None); } />
                        <p id="my-iban-password-hint" class="help-text">{move || t().iban_password_hint}</p>
                        {move || password.error.get().map(|m| view! { <p class="field-error" data-testid="my-iban-password-error">{m}</p> })}
                    </div>
                    <div class="form-actions">
                        <button type="submit" class="button primary" data-testid="save-iban">{move || if save.pending().get() { t().saving } else { t().save }}</button>
                        <button type="button" class="button secondary" on:click=move |_| open.set(false)>{move || t().cancel}</button>
                    </div>
                </form>
            </Show>
        </section>
    }
}

#[component]
fn RequestForm(reload: Callback<()>, notice: RwSignal<Option<String>>) -> impl IntoView {
    let t = use_texts();
    let field = RwSignal::new(ChangeField::ContractMinutes);
    let value = Field::new();
    let effective = Field::new();
    let reason = Field::new();
    let error = RwSignal::new(None::<String>);
    let send = Action::new_local(move |_: &()| async move {
        let t = t();
        let f = field.get_untracked();
        let raw = value.text().unwrap_or_default();
        let new_value = match f {
            ChangeField::ContractMinutes => match parse_hours(&raw) {
                Some(m) => m.to_string(),
                None => {
                    value.error.set(Some(t.problem("range")));
                    return;
                }
            },
            ChangeField::TaxCredit => {
                if matches!(raw.to_lowercase().as_str(), "ja" | "yes" | "true") {
                    "true".into()
                } else {
                    "false".into()
                }
            }
            _ => raw,
        };
        let Some(effective_on) = effective.text().and_then(|d| d.parse().ok()) else {
            effective.error.set(Some(t.problem("required")));
            return;
        };
        match api::request_change(&NewChangeRequest {
            field: f,
            new_value,
            effective_on,
            reason: reason.text(),
        })
        .await
        {
            Ok(_) => {
                value.set("");
                reason.set("");
                error.set(None);
                notice.set(Some(t.request_sent.into()));
                reload.run(());
            }
            Err(e) => {
                show_errors(
                    &e,
                    t,
                    &[
                        ("new_value".into(), value),
                        ("effective_on".into(), effective),
                        ("reason".into(), reason),
                    ],
                );
                error.set(Some(refusal(&e, t)));
            }
        }
    });
    let label = move |f: fn(&crate::i18n::employees::EmployeeTexts) -> &'static str| {
        Signal::derive(move || f(t()).to_string())
    };
    view! {
        <section class="card section-card" data-testid="request-change">
            <h2>{move || t().request_heading}</h2>
            <p>{move || t().request_intro}</p>
            <SuccessNotice message=notice testid="request-sent" />
            <ErrorAlert message=error testid="request-send-error" />
            <form novalidate=true on:submit=move |ev| { ev.prevent_default(); send.dispatch(()); }>
                <div class="field">
                    <label for="request-field">{move || t().field}</label>
                    <select id="request-field" data-testid="request-field" on:change=move |ev| {
                        if let Some(f) = ChangeField::parse(&event_target_value(&ev)) { field.set(f); value.set(""); }
                    }>
                        {ChangeField::ALL.into_iter().map(|f| view! {
                            <option value=f.as_str() selected=move || field.get() == f>{move || t().change_field(f)}</option>
                        }).collect_view()}
                    </select>
                </div>
                {move || {
                    let kind = if field.get() == ChangeField::BirthDate { InputKind::Date } else { InputKind::Text };
                    let hint = if field.get() == ChangeField::ContractMinutes { Some(Signal::derive(move || t().hours_value_hint)) } else { None };
                    match hint {
                        Some(h) => view! { <TextField id="request-value" label=label(|t| t.new_value) field=value kind=kind hint=h /> }.into_any(),
                        None => view! { <TextField id="request-value" label=label(|t| t.new_value) field=value kind=kind /> }.into_any(),
                    }
                }}
                <TextField id="request-effective-on" label=label(|t| t.effective_on) field=effective kind=InputKind::Date />
                <TextField id="request-reason" label=label(|t| t.reason) field=reason />
                <div class="form-actions">
                    <button type="submit" class="button primary" data-testid="send-request">{move || t().send_request}</button>
                </div>
            </form>
        </section>
    }
}

#[component]
fn MyRequests(requests: RwSignal<Vec<ChangeRequest>>, reload: Callback<()>) -> impl IntoView {
    let t = use_texts();
    view! {
        <Show when=move || !requests.with(Vec::is_empty)>
            <section class="card section-card" data-testid="my-requests">
                <h2>{move || t().my_requests}</h2>
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || t().field}</th>
                            <th scope="col">{move || t().new_value}</th>
                            <th scope="col">{move || t().effective_on}</th>
                            <th scope="col">{move || t().status}</th>
                            <th scope="col"><span class="visually-hidden">{move || t().withdraw}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || requests.get() key=|c| (c.id, c.status) children=move |c| {
                            let id = c.id;
                            let f = c.field;
                            let status = c.status;
                            let v = c.new_value.clone();
                            view! {
                                <tr data-testid="my-request" data-status=status.as_str()>
                                    <td data-label=move || t().field>{move || t().change_field(f)}</td>
                                    <td data-label=move || t().new_value>{move || t().change_value(f, &v)}</td>
                                    <td data-label=move || t().effective_on>{move || t().date(c.effective_on)}</td>
                                    <td data-label=move || t().status>
                                        {move || t().request_status(status)}
                                        {c.decision_note.clone().map(|n| view! { <span class="cell-sub">" — "{n}</span> })}
                                    </td>
                                    <td>
                                        {(status == ChangeRequestStatus::Pending).then(|| view! {
                                            <button type="button" class="button secondary small" data-testid="withdraw-request" on:click=move |_| {
                                                spawn_local(async move { let _ = api::withdraw_change(id).await; reload.run(()); });
                                            }>{move || t().withdraw}</button>
                                        })}
                                    </td>
                                </tr>
                            }
                        } />
                    </tbody>
                </table>
            </section>
        </Show>
    }
}
