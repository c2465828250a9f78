//! Recovery (hersteldmelding): the employee's "Hersteld melden" with the first
//! day back at work (seed 001); the employer's and arbodienst's partial or
//! full recovery as a percentage from a date (seed 004); and "ziek uit dienst".
//! A date before the first sick day is refused here as the server would.

use chrono::NaiveDate;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use shared::absence::{AbsenceCase, RecoveryReport};
use shared::error::ErrorKind;
use uuid::Uuid;

use super::fields::{Input, InputKind, parse_date, show_field_errors};
use super::today;
use crate::api::{self, ApiError};
use crate::browser;
use crate::components::feedback::ErrorAlert;
use crate::i18n::absence::AbsenceTexts;
use crate::i18n::{Dict, use_i18n};

/// A changed case with the notice to show about it.
pub type Done = Callback<(AbsenceCase, String)>;

/// Reads a date field that must not be before `first_day`; shows why not.
fn checked_date(
    value: RwSignal<String>,
    error: RwSignal<Option<String>>,
    first_day: NaiveDate,
    field: &str,
    t: &AbsenceTexts,
) -> Option<NaiveDate> {
    match parse_date(&value.get_untracked()) {
        None => {
            error.set(Some(t.problem(field, "invalid_date")));
            None
        }
        Some(d) if d < first_day => {
            error.set(Some(t.problem(field, "before_first_sick_day")));
            None
        }
        Some(d) => Some(d),
    }
}

/// Shows a refused report: on its fields when the server named them, else above.
fn refused(
    e: &ApiError,
    d: &'static Dict,
    fields: &[(&str, RwSignal<Option<String>>)],
    general: RwSignal<Option<String>>,
    first_id: &str,
) {
    if show_field_errors(e, d.absence, fields) {
        browser::focus_element(first_id);
        if !matches!(e.kind(), Some(ErrorKind::Validation | ErrorKind::Conflict)) {
            general.set(Some(d.api_error(e)));
        }
    } else {
        general.set(Some(d.api_error(e)));
    }
}

/// The employee's own "Hersteld melden": the first day back at work.
#[component]
pub fn OwnRecoveryForm(case_id: Uuid, first_day: NaiveDate, on_done: Done) -> impl IntoView {
    let i18n = use_i18n();
    let date = RwSignal::new(today().to_string());
    let date_error = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let send = Action::new_local(move |from: &NaiveDate| {
        let from = *from;
        async move {
            let t = i18n.t().absence;
            match api::report_own_recovered(case_id, from).await {
                Ok(case) => on_done.run((case, t.recovered_notice.into())),
                Err(e) => refused(&e, i18n.t(), &[("from_date", date_error)], error, "own-recovery-date"),
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
        match checked_date(date, date_error, first_day, "from_date", t) {
            Some(from) => {
                send.dispatch(from);
            }
            None => browser::focus_element("own-recovery-date"),
        }
    };
    let a = move || i18n.t().absence;
    view! {
        <form class="form recovery-form" novalidate=true on:submit=on_submit data-testid="own-recovery-form" aria-labelledby="own-recovery-heading">
            <h3 id="own-recovery-heading">{move || a().own_recovery_heading}</h3>
            <p class="help-text">{move || a().own_recovery_intro}</p>
            <Input
                id="own-recovery-date"
                label=Signal::derive(move || a().back_at_work_on.to_string())
                value=date
                error=date_error
                kind=InputKind::Date
            />
            <ErrorAlert message=error testid="own-recovery-error" />
            <div class="form-actions">
                <button type="submit" class="button primary" data-testid="submit-own-recovery" aria-disabled=move || pending.get().to_string()>
                    {move || if pending.get() { a().sending } else { a().report_recovered }}
                </button>
            </div>
        </form>
    }
}

/// Partial or full recovery as a percentage from a date.
#[component]
pub fn RecoveryForm(
    case_id: Uuid,
    #[prop(into)] first_day: Signal<NaiveDate>,
    on_done: Done,
) -> impl IntoView {
    let i18n = use_i18n();
    let percent = RwSignal::new("100".to_string());
    let percent_error = RwSignal::new(None::<String>);
    let date = RwSignal::new(today().to_string());
    let date_error = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let parsed_percent = move || percent.with(|p| p.trim().parse::<u32>().ok().filter(|p| *p <= 100));
    let send = Action::new_local(move |report: &RecoveryReport| {
        let report = report.clone();
        async move {
            let t = i18n.t().absence;
            match api::report_recovery(case_id, report.clone()).await {
                Ok(case) => {
                    percent.set("100".into());
                    let notice =
                        if report.percent == 100 { t.recovered_notice } else { t.partly_recovered_notice };
                    on_done.run((case, notice.into()));
                }
                Err(e) => refused(
                    &e,
                    i18n.t(),
                    &[("from_date", date_error), ("percent", percent_error)],
                    error,
                    if e.field_code("percent").is_some() { "recovery-percent" } else { "recovery-date" },
                ),
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
        let p = parsed_percent();
        if p.is_none() {
            percent_error.set(Some(t.problem("percent", "out_of_range")));
        }
        let from = checked_date(date, date_error, first_day.get_untracked(), "from_date", t);
        match (p, from) {
            (Some(percent), Some(from_date)) => {
                send.dispatch(RecoveryReport { from_date, percent });
            }
            (None, _) => browser::focus_element("recovery-percent"),
            _ => browser::focus_element("recovery-date"),
        }
    };
    let a = move || i18n.t().absence;
    view! {
        <form class="form recovery-form" novalidate=true on:submit=on_submit data-testid="recovery-form">
            <div class="form-grid">
                <Input
                    id="recovery-percent"
                    label=Signal::derive(move || a().recovery_percent.to_string())
                    value=percent
                    error=percent_error
                    kind=InputKind::Number
                    min="0"
                    max="100"
                    hint=Signal::derive(move || a().recovery_percent_hint)
                />
                <Input
                    id="recovery-date"
                    label=Signal::derive(move || a().recovery_from.to_string())
                    value=date
                    error=date_error
                    kind=InputKind::Date
                />
            </div>
            <ErrorAlert message=error testid="recovery-error" />
            <div class="form-actions">
                <button type="submit" class="button primary" data-testid="submit-recovery" aria-disabled=move || pending.get().to_string()>
                    {move || if pending.get() {
                        a().sending
                    } else if parsed_percent() == Some(100) {
                        a().report_full
                    } else {
                        a().report_partial
                    }}
                </button>
            </div>
        </form>
    }
}

/// Ziek uit dienst: the first day no longer employed.
#[component]
pub fn OutOfEmploymentForm(
    case_id: Uuid,
    #[prop(into)] first_day: Signal<NaiveDate>,
    on_done: Done,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let date = RwSignal::new(today().to_string());
    let date_error = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let send = Action::new_local(move |from: &NaiveDate| {
        let from = *from;
        async move {
            let t = i18n.t().absence;
            match api::report_out_of_employment(case_id, from).await {
                Ok(case) => {
                    open.set(false);
                    on_done.run((case, t.out_of_employment_notice.into()));
                }
                Err(e) => {
                    refused(&e, i18n.t(), &[("from_date", date_error)], error, "out-of-employment-date")
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
        // Employment ends after the first sick day, not on it.
        let after_first = first_day.get_untracked().succ_opt().unwrap_or(first_day.get_untracked());
        match checked_date(date, date_error, after_first, "from_date", t) {
            Some(from) => {
                send.dispatch(from);
            }
            None => browser::focus_element("out-of-employment-date"),
        }
    };
    let a = move || i18n.t().absence;
    view! {
        <div class="out-of-employment" data-testid="out-of-employment">
            <h3>{move || a().out_of_employment_heading}</h3>
            <p class="help-text">{move || a().out_of_employment_intro}</p>
            <button
                type="button"
                class="button secondary small"
                data-testid="toggle-out-of-employment"
                aria-expanded=move || open.get().to_string()
                aria-controls="out-of-employment-form"
                on:click=move |_| {
                    open.update(|o| *o = !*o);
                    request_animation_frame(|| browser::focus_element("out-of-employment-date"));
                }
            >
                {move || a().report_out_of_employment}
            </button>
            <Show when=move || open.get()>
                <form class="form" id="out-of-employment-form" novalidate=true on:submit=on_submit>
                    <Input
                        id="out-of-employment-date"
                        label=Signal::derive(move || a().out_of_employment_from.to_string())
                        value=date
                        error=date_error
                        kind=InputKind::Date
                    />
                    <ErrorAlert message=error testid="out-of-employment-error" />
                    <div class="form-actions">
                        <button type="submit" class="button danger" data-testid="submit-out-of-employment" aria-disabled=move || pending.get().to_string()>
                            {move || if pending.get() { a().sending } else { a().report_out_of_employment }}
                        </button>
                        <button type="button" class="button secondary" on:click=move |_| open.set(false)>{move || a().cancel}</button>
                    </div>
                </form>
            </Show>
        </div>
    }
}
