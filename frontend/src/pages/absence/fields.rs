//! The absence forms' fields: labelled, with hint and error wired up for
//! screen readers, each with `data-testid` = its id and `{id}-error` for its
//! error. Free text an employer can read carries the privacy warning.

use chrono::NaiveDate;
use leptos::prelude::*;
use shared::absence::ExpectedDuration;

use crate::api::ApiError;
use crate::components::icon::{Icon, IconName};
use crate::i18n::absence::AbsenceTexts;
use crate::i18n::use_i18n;

/// "Schrijf hier geen medische informatie …", tied to its field.
#[component]
pub fn PrivacyWarning(id: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="privacy-warning" id=id data-testid="privacy-warning">
            <Icon icon=IconName::Warning />
            <span>{move || i18n.t().absence.privacy_warning}</span>
        </p>
    }
}

/// The ids a field's `aria-describedby` names: hint, warning, error.
fn described_by(id: &'static str, hint: bool, privacy: bool, error: RwSignal<Option<String>>) -> String {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if privacy {
        ids.push(format!("{id}-privacy"));
    }
    if error.with(Option::is_some) {
        ids.push(format!("{id}-error"));
    }
    ids.join(" ")
}

#[component]
fn FieldError(id: &'static str, error: RwSignal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|m| {
            view! { <p id=format!("{id}-error") class="field-error" data-testid=format!("{id}-error")>{m}</p> }
        })
    }
}

/// What kind of single-line input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputKind {
    /// Plain text.
    #[default]
    Text,
    /// A calendar date (`<input type=date>`, `yyyy-mm-dd`).
    Date,
    /// A phone number.
    Tel,
    /// A whole number.
    Number,
}

/// A single-line input.
#[component]
pub fn Input(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    error: RwSignal<Option<String>>,
    #[prop(optional)] kind: InputKind,
    #[prop(optional, into)] hint: Option<Signal<&'static str>>,
    /// Free text the employer can read.
    #[prop(optional)]
    privacy: bool,
    #[prop(optional, into)] max: Option<String>,
    #[prop(optional, into)] min: Option<String>,
) -> impl IntoView {
    let (kind_attr, inputmode, autocomplete) = match kind {
        InputKind::Text => ("text", "text", "off"),
        InputKind::Date => ("date", "numeric", "off"),
        InputKind::Tel => ("tel", "tel", "tel"),
        InputKind::Number => ("number", "numeric", "off"),
    };
    let has_hint = hint.is_some();
    view! {
        <div class="field" class:has-error=move || error.with(Option::is_some)>
            <label for=id>{move || label.get()}</label>
            <input
                id=id
                type=kind_attr
                inputmode=inputmode
                autocomplete=autocomplete
                data-testid=id
                min=min
                max=max
                prop:value=move || value.get()
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=move || described_by(id, has_hint, privacy, error)
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    error.set(None);
                }
                on:change=move |ev| value.set(event_target_value(&ev))
            />
            {hint.map(|h| view! { <p id=format!("{id}-hint") class="help-text">{move || h.get()}</p> })}
            {privacy.then(|| view! { <PrivacyWarning id=format!("{id}-privacy") /> })}
            <FieldError id=id error=error />
        </div>
    }
}

/// A multi-line text field.
#[component]
pub fn TextArea(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    error: RwSignal<Option<String>>,
    #[prop(optional, into)] hint: Option<Signal<&'static str>>,
    /// Free text the employer can read.
    #[prop(optional)]
    privacy: bool,
    #[prop(default = 1000)] max_len: usize,
    #[prop(default = 3)] rows: u32,
) -> impl IntoView {
    let has_hint = hint.is_some();
    view! {
        <div class="field" class:has-error=move || error.with(Option::is_some)>
            <label for=id>{move || label.get()}</label>
            <textarea
                id=id
                rows=rows.to_string()
                maxlength=max_len.to_string()
                data-testid=id
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=move || described_by(id, has_hint, privacy, error)
                prop:value=move || value.get()
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    error.set(None);
                }
            ></textarea>
            {hint.map(|h| view! { <p id=format!("{id}-hint") class="help-text">{move || h.get()}</p> })}
            {privacy.then(|| view! { <PrivacyWarning id=format!("{id}-privacy") /> })}
            <FieldError id=id error=error />
        </div>
    }
}

/// Yes, no, or not filled in.
#[component]
pub fn YesNo(
    id: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    value: RwSignal<Option<bool>>,
    #[prop(optional, into)] hint: Option<Signal<&'static str>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let has_hint = hint.is_some();
    view! {
        <div class="field">
            <label for=id>{move || label.get()}</label>
            <select
                id=id
                data-testid=id
                aria-describedby=has_hint.then(|| format!("{id}-hint"))
                on:change=move |ev| value.set(match event_target_value(&ev).as_str() {
                    "true" => Some(true),
                    "false" => Some(false),
                    _ => None,
                })
            >
                <option value="" selected=move || value.get().is_none()>{move || i18n.t().absence.not_filled_in}</option>
                <option value="true" selected=move || value.get() == Some(true)>{move || i18n.t().absence.yes}</option>
                <option value="false" selected=move || value.get() == Some(false)>{move || i18n.t().absence.no}</option>
            </select>
            {hint.map(|h| view! { <p id=format!("{id}-hint") class="help-text">{move || h.get()}</p> })}
        </div>
    }
}

/// The expected duration, or not filled in.
#[component]
pub fn DurationSelect(id: &'static str, value: RwSignal<Option<ExpectedDuration>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id>{move || i18n.t().absence.expected_duration}</label>
            <select id=id data-testid=id on:change=move |ev| value.set(ExpectedDuration::parse(&event_target_value(&ev)))>
                <option value="" selected=move || value.get().is_none()>{move || i18n.t().absence.not_filled_in}</option>
                {AbsenceTexts::DURATIONS.into_iter().map(|d| view! {
                    <option value=d.as_str() selected=move || value.get() == Some(d)>{move || i18n.t().absence.duration(d)}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// A label with "(niet verplicht)" after it.
pub fn optional(label: &str, t: &AbsenceTexts) -> String {
    format!("{label} {}", t.optional)
}

/// Reads `yyyy-mm-dd` (what `<input type=date>` gives).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// Reads hours worked as `uu:mm` ("2:30") or whole or decimal hours ("2", "2,5"):
/// `Ok(None)` when empty, `Err` when unreadable or more than a day.
pub fn parse_hours(text: &str) -> Result<Option<u32>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let minutes = if let Some((h, m)) = text.split_once(':') {
        let (h, m) = (h.trim().parse::<u32>().map_err(drop)?, m.trim());
        if m.len() != 2 {
            return Err(());
        }
        let m = m.parse::<u32>().map_err(drop)?;
        if m >= 60 {
            return Err(());
        }
        h * 60 + m
    } else {
        let hours = text.replace(',', ".").parse::<f64>().map_err(drop)?;
        if !hours.is_finite() || hours < 0.0 {
            return Err(());
        }
        (hours * 60.0).round() as u32
    };
    if minutes > 24 * 60 { Err(()) } else { Ok(Some(minutes)) }
}

/// Shows the server's field errors on the fields that have them: `(server field, signal)`.
/// Returns whether any of them had one.
pub fn show_field_errors(
    error: &ApiError,
    t: &AbsenceTexts,
    fields: &[(&str, RwSignal<Option<String>>)],
) -> bool {
    let mut any = false;
    for (field, signal) in fields {
        if let Some(code) = error.field_code(field) {
            signal.set(Some(t.problem(field, code)));
            any = true;
        }
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_worked_are_read_as_people_type_them() {
        assert_eq!(parse_hours(""), Ok(None));
        assert_eq!(parse_hours("2:30"), Ok(Some(150)));
        assert_eq!(parse_hours("0:05"), Ok(Some(5)));
        assert_eq!(parse_hours("2,5"), Ok(Some(150)));
        assert_eq!(parse_hours("3"), Ok(Some(180)));
        assert_eq!(parse_hours("24:00"), Ok(Some(1440)));
        assert!(parse_hours("24:01").is_err());
        assert!(parse_hours("2:5").is_err());
        assert!(parse_hours("2:75").is_err());
        assert!(parse_hours("twee").is_err());
    }

    #[test]
    fn dates_come_from_date_inputs() {
        assert_eq!(parse_date("2026-03-04"), NaiveDate::from_ymd_opt(2026, 3, 4));
        assert_eq!(parse_date("4-3-2026"), None);
    }
}
