//! Sick reports (ziekmelding). `/verzuim/ziek-melden`: the employee reports
//! themselves sick with the first sick day, hours worked that day and how to
//! reach them (seed 001). `/verzuim/medewerker-ziek-melden`: someone with the
//! right reports an employee sick, with only the facts the law allows (seed 004).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use shared::absence::{NewSickReport, OwnSickReport, PersonRef};

use super::facts::{FactsAt, FactsFields, FactsForm, phone_is_valid};
use super::fields::{Input, InputKind, optional, parse_date, parse_hours, show_field_errors};
use super::{case_href, reports_for_others, today};
use crate::api::{self, ApiError};
use crate::browser;
use crate::components::feedback::ErrorAlert;
use crate::components::page_title::use_page_title;
use crate::i18n::absence::AbsenceTexts;
use crate::i18n::use_i18n;
use crate::pages::admin::NoAccess;
use crate::session::use_session;

/// The first sick day and hours worked, shared by both forms.
#[derive(Clone, Copy)]
struct FirstDay {
    day: RwSignal<String>,
    hours: RwSignal<String>,
    day_error: RwSignal<Option<String>>,
    hours_error: RwSignal<Option<String>>,
}

impl FirstDay {
    fn new() -> Self {
        Self {
            day: RwSignal::new(today().to_string()),
            hours: RwSignal::new(String::new()),
            day_error: RwSignal::new(None),
            hours_error: RwSignal::new(None),
        }
    }

    /// The day and minutes worked, or the errors shown on the fields.
    fn read(&self, t: &AbsenceTexts) -> Option<(chrono::NaiveDate, Option<u32>)> {
        let day = match parse_date(&self.day.get_untracked()) {
            None => {
                self.day_error.set(Some(t.problem("first_sick_day", "invalid_date")));
                None
            }
            Some(d) if d > today() => {
                self.day_error.set(Some(t.problem("first_sick_day", "in_future")));
                None
            }
            Some(d) => Some(d),
        };
        let hours = match parse_hours(&self.hours.get_untracked()) {
            Ok(h) => Some(h),
            Err(()) => {
                self.hours_error.set(Some(t.problem("hours_worked_minutes", "too_many")));
                None
            }
        };
        Some((day?, hours?))
    }

    fn show_errors(&self, e: &ApiError, t: &AbsenceTexts) -> bool {
        show_field_errors(
            e,
            t,
            &[("first_sick_day", self.day_error), ("hours_worked_minutes", self.hours_error)],
        )
    }

    /// The id of the first of these fields with an error.
    fn first_error(&self, prefix: &str) -> Option<String> {
        if self.day_error.with_untracked(Option::is_some) {
            Some(format!("{prefix}-first-day"))
        } else if self.hours_error.with_untracked(Option::is_some) {
            Some(format!("{prefix}-hours"))
        } else {
            None
        }
    }
}

#[component]
fn FirstDayFields(
    first: FirstDay,
    day_id: &'static str,
    hours_id: &'static str,
    /// Reporting someone else: the hints speak of "the employee".
    #[prop(optional)]
    other: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let a = move || i18n.t().absence;
    view! {
        <Input
            id=day_id
            label=Signal::derive(move || a().first_sick_day.to_string())
            value=first.day
            error=first.day_error
            kind=InputKind::Date
            max=today().to_string()
            hint=Signal::derive(move || if other { a().first_sick_day_hint_other } else { a().first_sick_day_hint })
        />
        <Input
            id=hours_id
            label=Signal::derive(move || optional(a().hours_worked, a()))
            value=first.hours
            error=first.hours_error
            hint=Signal::derive(move || if other { a().hours_worked_hint_other } else { a().hours_worked_hint })
        />
    }
}

/// `/verzuim/ziek-melden`: the employee's own sick report.
#[component]
pub fn OwnSickReportPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| format!("{} – {}", t.absence.sick_report_title, t.nav_absence));
    let navigate = use_navigate();
    let first = FirstDay::new();
    let phone = RwSignal::new(String::new());
    let address = RwSignal::new(String::new());
    let phone_error = RwSignal::new(None::<String>);
    let address_error = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);

    let send = Action::new_local(move |report: &OwnSickReport| {
        let report = report.clone();
        let navigate = navigate.clone();
        async move {
            let t = i18n.t().absence;
            match api::report_own_sick(&report).await {
                Ok(case) => navigate(&case_href(case.id), Default::default()),
                Err(e) => {
                    let shown = first.show_errors(&e, t)
                        | show_field_errors(
                            &e,
                            t,
                            &[
                                ("facts.contact_phone", phone_error),
                                ("contact_phone", phone_error),
                                ("facts.contact_address", address_error),
                                ("contact_address", address_error),
                            ],
                        );
                    if shown {
                        if let Some(id) = first.first_error("own").or_else(|| {
                            phone_error.with_untracked(Option::is_some).then(|| "own-phone".to_string())
                        }) {
                            browser::focus_element(&id);
                        }
                    } else {
                        error.set(Some(i18n.t().api_error(&e)));
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
        let t = i18n.t().absence;
        let first_day = first.read(t);
        let phone_ok = phone.with_untracked(|p| phone_is_valid(p));
        if !phone_ok {
            phone_error.set(Some(t.problem("contact_phone", "phone")));
        }
        let (Some((day, minutes)), true) = (first_day, phone_ok) else {
            let focus = first.first_error("own").or_else(|| (!phone_ok).then(|| "own-phone".to_string()));
            if let Some(id) = focus {
                browser::focus_element(&id);
            }
            return;
        };
        let clean = |s: RwSignal<String>| {
            let v = s.get_untracked().trim().to_string();
            (!v.is_empty()).then_some(v)
        };
        send.dispatch(OwnSickReport {
            first_sick_day: day,
            hours_worked_minutes: minutes,
            contact_phone: clean(phone),
            contact_address: clean(address),
        });
    };

    let a = move || i18n.t().absence;
    view! {
        <p><A href="/verzuim/mijn" attr:class="link-back">"‹ " {move || a().back_to_mine}</A></p>
        <header class="page-header">
            <h1>{move || a().sick_report_title}</h1>
            <p class="lead">{move || a().sick_report_intro}</p>
        </header>
        <section class="card section-card sick-report-card">
            <form class="form" novalidate=true on:submit=on_submit data-testid="own-sick-report">
                <FirstDayFields first=first day_id="own-first-day" hours_id="own-hours" />
                <Input
                    id="own-phone"
                    label=Signal::derive(move || optional(a().contact_phone, a()))
                    value=phone
                    error=phone_error
                    kind=InputKind::Tel
                    hint=Signal::derive(move || a().contact_phone_hint)
                />
                <Input
                    id="own-address"
                    label=Signal::derive(move || optional(a().contact_address, a()))
                    value=address
                    error=address_error
                    hint=Signal::derive(move || a().contact_address_hint)
                />
                <ErrorAlert message=error testid="sick-report-error" />
                <div class="form-actions">
                    <button type="submit" class="button primary" data-testid="submit-sick-report" aria-disabled=move || pending.get().to_string()>
                        {move || if pending.get() { a().reporting } else { a().report_sick }}
                    </button>
                </div>
            </form>
        </section>
    }
}

/// `/verzuim/medewerker-ziek-melden`: reporting an employee sick.
#[component]
pub fn ReportForPage() -> impl IntoView {
    let session = use_session();
    use_page_title(|t| format!("{} – {}", t.absence.report_for_title, t.nav_absence));
    let allowed = Memo::new(move |_| session.me().is_some_and(|me| reports_for_others(&me)));
    view! {
        <Show when=move || allowed.get() fallback=|| view! { <NoAccess /> }>
            <ReportForForm />
        </Show>
    }
}

#[component]
fn ReportForForm() -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let search = RwSignal::new(String::new());
    let chosen = RwSignal::new(None::<PersonRef>);
    let person_error = RwSignal::new(None::<String>);
    let people = LocalResource::new(move || {
        let q = search.get();
        async move { if q.trim().is_empty() { Ok(Vec::new()) } else { api::reportable(q).await } }
    });
    let first = FirstDay::new();
    let facts = FactsForm::new();
    let error = RwSignal::new(None::<String>);

    let send = Action::new_local(move |report: &NewSickReport| {
        let report = report.clone();
        let navigate = navigate.clone();
        async move {
            let t = i18n.t().absence;
            match api::report_sick_for(&report).await {
                Ok(case) => navigate(&case_href(case.id), Default::default()),
                Err(e) => {
                    let shown = first.show_errors(&e, t)
                        | facts.show_errors(&e, t)
                        | show_field_errors(&e, t, &[("user_id", person_error)]);
                    // A field error (a 422, or a 409 naming the field) says it all.
                    if !shown {
                        error.set(Some(i18n.t().api_error(&e)));
                    }
                    let focus = if person_error.with_untracked(Option::is_some) {
                        Some("report-person".to_string())
                    } else {
                        first.first_error("report").or_else(|| facts.first_error(FactsAt::Report))
                    };
                    if let Some(id) = focus {
                        browser::focus_element(&id);
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
        let t = i18n.t().absence;
        let person = chosen.get_untracked();
        if person.is_none() {
            person_error.set(Some(t.problem("user_id", "required")));
        }
        let first_day = first.read(t);
        let facts_ok = facts.check(t);
        let (Some(person), Some((day, minutes)), true) = (person, first_day, facts_ok) else {
            let focus = if person_error.with_untracked(Option::is_some) {
                Some("report-person".to_string())
            } else {
                first.first_error("report").or_else(|| facts.first_error(FactsAt::Report))
            };
            if let Some(id) = focus {
                browser::focus_element(&id);
            }
            return;
        };
        send.dispatch(NewSickReport {
            user_id: person.id,
            first_sick_day: day,
            hours_worked_minutes: minutes,
            facts: facts.facts(),
        });
    };

    let a = move || i18n.t().absence;
    let picker = move || {
        match chosen.get() {
        Some(p) => view! {
            <div class="chosen-person" data-testid="chosen-person">
                <span>{a().chosen_person(&p.name)}</span>
                <button
                    type="button"
                    id="change-person"
                    class="button subtle small"
                    data-testid="change-person"
                    on:click=move |_| {
                        chosen.set(None);
                        request_animation_frame(|| browser::focus_element("report-person"));
                    }
                >
                    {a().change_person}
                </button>
            </div>
        }
        .into_any(),
        None => view! {
            <div class="field person-picker" class:has-error=move || person_error.with(Option::is_some)>
                <label for="report-person">{move || a().person}</label>
                <input
                    id="report-person"
                    type="search"
                    autocomplete="off"
                    data-testid="report-person"
                    aria-describedby=move || if person_error.with(Option::is_some) { "report-person-hint report-person-error" } else { "report-person-hint" }
                    aria-invalid=move || person_error.with(Option::is_some).to_string()
                    prop:value=move || search.get()
                    on:input=move |ev| {
                        search.set(event_target_value(&ev));
                        person_error.set(None);
                    }
                />
                <p id="report-person-hint" class="help-text">{move || a().person_search_hint}</p>
                {move || person_error.get().map(|m| view! { <p id="report-person-error" class="field-error" data-testid="report-person-error">{m}</p> })}
                {move || {
                    let q = search.get();
                    if q.trim().is_empty() {
                        return None;
                    }
                    let found = people.get()?.ok()?;
                    Some(if found.is_empty() {
                        view! { <p class="empty-list" role="status">{a().no_people_found}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="person-options" role="list" data-testid="person-options">
                                {found.into_iter().map(|p| {
                                    let name = p.name.clone();
                                    view! {
                                        <li>
                                            <button
                                                type="button"
                                                class="person-option"
                                                data-testid="person-option"
                                                on:click=move |_| {
                                                    chosen.set(Some(p.clone()));
                                                    person_error.set(None);
                                                    request_animation_frame(|| browser::focus_element("change-person"));
                                                }
                                            >
                                                {name}
                                            </button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    })
                }}
            </div>
        }
        .into_any(),
    }
    };

    view! {
        <header class="page-header">
            <h1>{move || a().report_for_title}</h1>
            <p class="lead">{move || a().report_for_intro}</p>
        </header>
        <section class="card section-card">
            <form class="form" novalidate=true on:submit=on_submit data-testid="report-for-form">
                {picker}
                <div class="form-grid">
                    <FirstDayFields first=first day_id="report-first-day" hours_id="report-hours" other=true />
                </div>
                <fieldset class="field facts-fieldset">
                    <legend>{move || a().facts_legend}</legend>
                    <p class="help-text">{move || a().facts_intro}</p>
                    <FactsFields form=facts at=FactsAt::Report />
                </fieldset>
                <ErrorAlert message=error testid="report-for-error" />
                <div class="form-actions">
                    <button type="submit" class="button primary" data-testid="submit-report-for" aria-disabled=move || pending.get().to_string()>
                        {move || if pending.get() { a().reporting } else { a().report_sick }}
                    </button>
                </div>
            </form>
        </section>
    }
}
