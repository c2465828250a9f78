//! What the employer may record about a sick employee (AVG art. 9, the Dutch
//! DPA's "De zieke werknemer"): phone and address while sick, expected
//! duration, ongoing work, and yes/no for safety net, work accident, liable
//! third party and labour conflict. Nothing else, and no field for a diagnosis.
//! Besides, whether the absence is pregnancy or maternity leave: leave the employer
//! grants, not sickness (no poortwachter steps; the statistics give the rate without it).

use leptos::prelude::*;
use shared::absence::{CaseFacts, ExpectedDuration, MAX_TEXT_LEN};

use super::fields::{DurationSelect, Input, InputKind, TextArea, YesNo, optional, show_field_errors};
use crate::api::ApiError;
use crate::i18n::absence::AbsenceTexts;
use crate::i18n::use_i18n;

/// The facts being typed, with their errors.
#[derive(Clone, Copy)]
pub struct FactsForm {
    pub phone: RwSignal<String>,
    pub address: RwSignal<String>,
    pub duration: RwSignal<Option<ExpectedDuration>>,
    pub ongoing: RwSignal<String>,
    pub safety_net: RwSignal<Option<bool>>,
    pub work_accident: RwSignal<Option<bool>>,
    pub third_party: RwSignal<Option<bool>>,
    pub labour_conflict: RwSignal<Option<bool>>,
    pub pregnancy_leave: RwSignal<bool>,
    pub phone_error: RwSignal<Option<String>>,
    pub address_error: RwSignal<Option<String>>,
    pub ongoing_error: RwSignal<Option<String>>,
}

/// A phone number to reach someone while sick, as the server checks it: empty, or
/// 6 to 15 digits with spaces, `+`, `-` and brackets.
pub fn phone_is_valid(phone: &str) -> bool {
    let phone = phone.trim();
    if phone.is_empty() {
        return true;
    }
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    phone.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c)) && (6..=15).contains(&digits)
}

fn text(value: &RwSignal<String>) -> Option<String> {
    let v = value.get_untracked();
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_string())
}

impl FactsForm {
    /// An empty form.
    pub fn new() -> Self {
        Self {
            phone: RwSignal::new(String::new()),
            address: RwSignal::new(String::new()),
            duration: RwSignal::new(None),
            ongoing: RwSignal::new(String::new()),
            safety_net: RwSignal::new(None),
            work_accident: RwSignal::new(None),
            third_party: RwSignal::new(None),
            labour_conflict: RwSignal::new(None),
            pregnancy_leave: RwSignal::new(false),
            phone_error: RwSignal::new(None),
            address_error: RwSignal::new(None),
            ongoing_error: RwSignal::new(None),
        }
    }

    /// Fills the form with what is recorded.
    pub fn load(&self, f: &CaseFacts) {
        self.phone.set(f.contact_phone.clone().unwrap_or_default());
        self.address.set(f.contact_address.clone().unwrap_or_default());
        self.duration.set(f.expected_duration);
        self.ongoing.set(f.ongoing_work.clone().unwrap_or_default());
        self.safety_net.set(f.safety_net);
        self.work_accident.set(f.work_accident);
        self.third_party.set(f.third_party_liable);
        self.labour_conflict.set(f.labour_conflict);
        self.pregnancy_leave.set(f.pregnancy_leave);
        self.clear_errors();
    }

    /// What is typed, as the API takes it.
    pub fn facts(&self) -> CaseFacts {
        CaseFacts {
            contact_phone: text(&self.phone),
            contact_address: text(&self.address),
            expected_duration: self.duration.get_untracked(),
            ongoing_work: text(&self.ongoing),
            safety_net: self.safety_net.get_untracked(),
            work_accident: self.work_accident.get_untracked(),
            third_party_liable: self.third_party.get_untracked(),
            labour_conflict: self.labour_conflict.get_untracked(),
            pregnancy_leave: self.pregnancy_leave.get_untracked(),
        }
    }

    pub fn clear_errors(&self) {
        self.phone_error.set(None);
        self.address_error.set(None);
        self.ongoing_error.set(None);
    }

    /// The checks the server makes too; returns whether all passed.
    pub fn check(&self, t: &AbsenceTexts) -> bool {
        let mut ok = true;
        if !self.phone.with_untracked(|p| phone_is_valid(p)) {
            self.phone_error.set(Some(t.problem("facts.contact_phone", "phone")));
            ok = false;
        }
        if self.address.with_untracked(|a| a.chars().count() > 300) {
            self.address_error.set(Some(t.problem("facts.contact_address", "too_long")));
            ok = false;
        }
        if self.ongoing.with_untracked(|a| a.chars().count() > MAX_TEXT_LEN) {
            self.ongoing_error.set(Some(t.problem("facts.ongoing_work", "too_long")));
            ok = false;
        }
        ok
    }

    /// Shows the server's field errors (`facts.…`, or the employee's own form's plain names).
    pub fn show_errors(&self, error: &ApiError, t: &AbsenceTexts) -> bool {
        show_field_errors(
            error,
            t,
            &[
                ("facts.contact_phone", self.phone_error),
                ("contact_phone", self.phone_error),
                ("facts.contact_address", self.address_error),
                ("contact_address", self.address_error),
                ("facts.ongoing_work", self.ongoing_error),
            ],
        )
    }

    /// The id of the first field with an error, to move focus to.
    pub fn first_error(&self, at: FactsAt) -> Option<String> {
        let prefix = at.prefix();
        [(self.phone_error, "phone"), (self.address_error, "address"), (self.ongoing_error, "ongoing")]
            .into_iter()
            .find(|(e, _)| e.with_untracked(Option::is_some))
            .map(|(_, f)| format!("{prefix}-{f}"))
    }
}

/// Where the facts form is: its fields' ids start with this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactsAt {
    /// Reporting an employee sick: `report-phone`, ….
    Report,
    /// Changing a case's facts: `facts-phone`, ….
    Case,
}

impl FactsAt {
    /// The id prefix.
    pub fn prefix(self) -> &'static str {
        match self {
            Self::Report => "report",
            Self::Case => "facts",
        }
    }

    /// The fields' ids: phone, address, duration, ongoing, safety net, work accident,
    /// third party, labour conflict, pregnancy leave.
    fn ids(self) -> [&'static str; 9] {
        match self {
            Self::Report => [
                "report-phone",
                "report-address",
                "report-duration",
                "report-ongoing",
                "report-safety-net",
                "report-work-accident",
                "report-third-party",
                "report-labour-conflict",
                "report-pregnancy-leave",
            ],
            Self::Case => [
                "facts-phone",
                "facts-address",
                "facts-duration",
                "facts-ongoing",
                "facts-safety-net",
                "facts-work-accident",
                "facts-third-party",
                "facts-labour-conflict",
                "facts-pregnancy-leave",
            ],
        }
    }
}

/// The fields of the facts form.
#[component]
pub fn FactsFields(form: FactsForm, at: FactsAt) -> impl IntoView {
    let i18n = use_i18n();
    let [phone, address, duration, ongoing, safety_net, work_accident, third_party, labour_conflict, leave] =
        at.ids();
    let a = move || i18n.t().absence;
    view! {
        <div class="form-grid">
            <Input
                id=phone
                label=Signal::derive(move || optional(a().contact_phone, a()))
                value=form.phone
                error=form.phone_error
                kind=InputKind::Tel
                hint=Signal::derive(move || a().contact_phone_hint_other)
            />
            <Input
                id=address
                label=Signal::derive(move || optional(a().contact_address, a()))
                value=form.address
                error=form.address_error
                hint=Signal::derive(move || a().contact_address_hint_other)
            />
            <DurationSelect id=duration value=form.duration />
            <div class="span-all">
                <TextArea
                    id=ongoing
                    label=Signal::derive(move || optional(a().ongoing_work, a()))
                    value=form.ongoing
                    error=form.ongoing_error
                    hint=Signal::derive(move || a().ongoing_work_hint)
                    privacy=true
                    max_len=MAX_TEXT_LEN
                />
            </div>
            <YesNo id=safety_net label=Signal::derive(move || a().safety_net) value=form.safety_net hint=Signal::derive(move || a().safety_net_hint) />
            <YesNo id=work_accident label=Signal::derive(move || a().work_accident) value=form.work_accident />
            <YesNo id=third_party label=Signal::derive(move || a().third_party_liable) value=form.third_party />
            <YesNo id=labour_conflict label=Signal::derive(move || a().labour_conflict) value=form.labour_conflict />
            <div class="field span-all">
                <label class="checkbox">
                    <input type="checkbox" id=leave data-testid=leave aria-describedby=format!("{leave}-hint")
                        prop:checked=move || form.pregnancy_leave.get()
                        on:change=move |ev| form.pregnancy_leave.set(event_target_checked(&ev)) />
                    <span>{move || a().pregnancy_leave}</span>
                </label>
                <p id=format!("{leave}-hint") class="help-text">{move || a().pregnancy_leave_hint}</p>
            </div>
        </div>
    }
}

/// The recorded facts, read-only.
#[component]
pub fn FactsList(#[prop(into)] facts: Signal<CaseFacts>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let a = i18n.t().absence;
        let f = facts.get();
        let yes_no = |v: Option<bool>| match v {
            Some(true) => a.yes,
            Some(false) => a.no,
            None => a.not_filled_in,
        };
        let or_dash = |v: Option<String>| v.unwrap_or_else(|| "—".into());
        view! {
            <dl class="facts case-facts" data-testid="case-facts">
                <div><dt>{a.contact_phone}</dt><dd>{or_dash(f.contact_phone.clone())}</dd></div>
                <div><dt>{a.contact_address}</dt><dd class="break-anywhere">{or_dash(f.contact_address.clone())}</dd></div>
                <div><dt>{a.expected_duration}</dt><dd>{f.expected_duration.map(|d| a.duration(d)).unwrap_or(a.not_filled_in)}</dd></div>
                <div><dt>{a.ongoing_work}</dt><dd class="break-anywhere pre-line">{or_dash(f.ongoing_work.clone())}</dd></div>
                <div><dt>{a.safety_net}</dt><dd>{yes_no(f.safety_net)}</dd></div>
                <div><dt>{a.work_accident}</dt><dd>{yes_no(f.work_accident)}</dd></div>
                <div><dt>{a.third_party_liable}</dt><dd>{yes_no(f.third_party_liable)}</dd></div>
                <div><dt>{a.labour_conflict}</dt><dd>{yes_no(f.labour_conflict)}</dd></div>
                <div><dt>{a.pregnancy_leave}</dt><dd data-testid="facts-pregnancy-leave-value">{if f.pregnancy_leave { a.yes } else { a.no }}</dd></div>
            </dl>
        }
    }
}

#[cfg(test)]
mod tests {
    use super::phone_is_valid;

    #[test]
    fn phone_numbers_are_checked_as_the_server_does() {
        assert!(phone_is_valid(""));
        assert!(phone_is_valid("06 12345678"));
        assert!(phone_is_valid("+31 (0)6-1234 5678"));
        assert!(!phone_is_valid("06 123"));
        assert!(!phone_is_valid("bel me maar"));
    }
}
