//! The record form: every field the employer keeps, with the shared rules run as you
//! type (BSN elfproef, IBAN mod-97, employment periods), so the form says what the server
//! will say before it is sent.

use chrono::NaiveDate;
use leptos::prelude::*;
use shared::employees::{
    EmployeeRecord, EmployeeRecordInput, EmploymentPeriodInput, PostalAddress, bsn::normalise_bsn,
    employment::check_periods, iban::normalise_iban, import::parse_hours,
};

use super::use_texts;
use crate::i18n::employees::EmployeeTexts;
use crate::pages::absence::fields::InputKind;
use crate::pages::networks::form::{Field, TextField};

/// One employment period being typed.
#[derive(Clone, Copy)]
pub struct PeriodForm {
    pub key: u32,
    pub starts_on: Field,
    pub ends_on: Field,
    pub hours: Field,
    pub full_time: Field,
    pub job_title: Field,
}

impl PeriodForm {
    fn new(key: u32) -> Self {
        Self {
            key,
            starts_on: Field::new(),
            ends_on: Field::new(),
            hours: Field::new(),
            full_time: Field::new(),
            job_title: Field::new(),
        }
    }

    /// The period, when its dates and hours can be read.
    fn read(&self) -> Option<EmploymentPeriodInput> {
        Some(EmploymentPeriodInput {
            starts_on: self.starts_on.text()?.parse().ok()?,
            ends_on: match self.ends_on.text() {
                Some(e) => Some(e.parse::<NaiveDate>().ok()?),
                None => None,
            },
            contract_minutes: parse_hours(&self.hours.text()?)?,
            full_time_minutes: parse_hours(&self.full_time.text()?)?,
            job_title: self.job_title.text(),
        })
    }
}

/// The whole form.
#[derive(Clone, Copy)]
pub struct RecordForm {
    pub personnel_number: Field,
    pub first_name: Field,
    pub infix: Field,
    pub last_name: Field,
    pub birth_date: Field,
    pub street: Field,
    pub house_number: Field,
    pub postcode: Field,
    pub city: Field,
    pub phone: Field,
    pub emergency_phone: Field,
    pub bsn: Field,
    pub iban: Field,
    pub tax_credit: RwSignal<bool>,
    pub department: Field,
    pub cost_centre: Field,
    pub periods: RwSignal<Vec<PeriodForm>>,
    next_key: RwSignal<u32>,
    /// The page's reactive owner. Periods are added from click handlers that run under
    /// whatever view holds the button (the record view, which closes as the form opens);
    /// their signals must live as long as the form, or reading them panics.
    owner: StoredValue<Option<Owner>>,
}

fn hours_text(minutes: i32) -> String {
    let h = f64::from(minutes) / 60.0;
    if (h - h.round()).abs() < 1e-9 {
        format!("{}", h.round() as i64)
    } else {
        format!("{h}").replace('.', ",")
    }
}

impl RecordForm {
    pub fn new() -> Self {
        Self {
            personnel_number: Field::new(),
            first_name: Field::new(),
            infix: Field::new(),
            last_name: Field::new(),
            birth_date: Field::new(),
            street: Field::new(),
            house_number: Field::new(),
            postcode: Field::new(),
            city: Field::new(),
            phone: Field::new(),
            emergency_phone: Field::new(),
            bsn: Field::new(),
            iban: Field::new(),
            tax_credit: RwSignal::new(false),
            department: Field::new(),
            cost_centre: Field::new(),
            periods: RwSignal::new(Vec::new()),
            next_key: RwSignal::new(0),
            owner: StoredValue::new(Owner::current()),
        }
    }

    /// Fills the form with a stored record (BSN and IBAN stay empty: left out keeps them).
    pub fn load(&self, r: &EmployeeRecord) {
        self.personnel_number.set(r.personnel_number.clone());
        self.first_name.set(r.first_name.clone());
        self.infix.set(r.infix.clone().unwrap_or_default());
        self.last_name.set(r.last_name.clone());
        self.birth_date.set(r.birth_date.map(|d| d.to_string()).unwrap_or_default());
        let a = r.address.clone().unwrap_or_default();
        self.street.set(a.street);
        self.house_number.set(a.house_number);
        self.postcode.set(a.postcode);
        self.city.set(a.city);
        self.phone.set(r.phone.clone().unwrap_or_default());
        self.emergency_phone.set(r.emergency_phone.clone().unwrap_or_default());
        self.bsn.set("");
        self.iban.set("");
        self.tax_credit.set(r.tax_credit);
        self.department.set(r.department.clone().unwrap_or_default());
        self.cost_centre.set(r.cost_centre.clone().unwrap_or_default());
        let mut periods = Vec::new();
        for p in r.employment.iter().rev() {
            let f = self.new_period();
            f.starts_on.set(p.starts_on.to_string());
            f.ends_on.set(p.ends_on.map(|d| d.to_string()).unwrap_or_default());
            f.hours.set(hours_text(p.contract_minutes));
            f.full_time.set(hours_text(p.full_time_minutes));
            f.job_title.set(p.job_title.clone().unwrap_or_default());
            periods.push(f);
        }
        self.periods.set(periods);
    }

    fn new_period(&self) -> PeriodForm {
        let key = self.next_key.get_untracked();
        self.next_key.set(key + 1);
        match self.owner.get_value() {
            Some(owner) => owner.with(|| PeriodForm::new(key)),
            None => PeriodForm::new(key),
        }
    }

    /// Adds an empty period.
    pub fn add_period(&self) {
        let p = self.new_period();
        p.full_time.set("38");
        self.periods.update(|ps| ps.push(p));
    }

    /// Every field under the API's name.
    pub fn fields(&self) -> Vec<(String, Field)> {
        let mut out: Vec<(String, Field)> = vec![
            ("personnel_number".into(), self.personnel_number),
            ("first_name".into(), self.first_name),
            ("infix".into(), self.infix),
            ("last_name".into(), self.last_name),
            ("birth_date".into(), self.birth_date),
            ("address.street".into(), self.street),
            ("address.house_number".into(), self.house_number),
            ("address.postcode".into(), self.postcode),
            ("address.city".into(), self.city),
            ("phone".into(), self.phone),
            ("emergency_phone".into(), self.emergency_phone),
            ("bsn".into(), self.bsn),
            ("iban".into(), self.iban),
            ("department".into(), self.department),
            ("cost_centre".into(), self.cost_centre),
        ];
        for (i, p) in self.periods.get_untracked().iter().enumerate() {
            out.push((format!("employment.{i}.starts_on"), p.starts_on));
            out.push((format!("employment.{i}.ends_on"), p.ends_on));
            out.push((format!("employment.{i}.contract_minutes"), p.hours));
            out.push((format!("employment.{i}.full_time_minutes"), p.full_time));
            out.push((format!("employment.{i}.job_title"), p.job_title));
        }
        out
    }

    /// The shared rules on what is typed now; returns whether all passed.
    pub fn check(&self, t: &EmployeeTexts) -> bool {
        let mut ok = true;
        for f in [self.personnel_number, self.first_name, self.last_name] {
            if f.required_text(t).is_none() {
                ok = false;
            }
        }
        ok &= check_bsn(self.bsn, t);
        ok &= check_iban(self.iban, t);
        ok &= self.check_periods(t);
        ok
    }

    /// The employment periods against each other (as you type).
    pub fn check_periods(&self, t: &EmployeeTexts) -> bool {
        let periods = self.periods.get_untracked();
        let mut read = Vec::new();
        let mut ok = true;
        for p in &periods {
            match p.read() {
                Some(r) => read.push(r),
                None => {
                    if p.starts_on.text().and_then(|s| s.parse::<NaiveDate>().ok()).is_none() {
                        p.starts_on.error.set(Some(t.problem("required")));
                    }
                    if p.hours.text().and_then(|h| parse_hours(&h)).is_none() {
                        p.hours.error.set(Some(t.problem("range")));
                    }
                    ok = false;
                }
            }
        }
        if ok {
            for (i, field, code) in check_periods(&read) {
                let p = periods[i];
                let f = match field {
                    "ends_on" => p.ends_on,
                    "full_time_minutes" => p.full_time,
                    "contract_minutes" => p.hours,
                    _ => p.starts_on,
                };
                f.error.set(Some(t.problem(code)));
                ok = false;
            }
        }
        ok
    }

    /// What is typed, as the API takes it.
    pub fn input(&self, email: String, version: Option<i32>) -> EmployeeRecordInput {
        let address =
            match (self.street.text(), self.house_number.text(), self.postcode.text(), self.city.text()) {
                (None, None, None, None) => None,
                (s, h, p, c) => Some(PostalAddress {
                    street: s.unwrap_or_default(),
                    house_number: h.unwrap_or_default(),
                    postcode: p.unwrap_or_default(),
                    city: c.unwrap_or_default(),
                    country: "NL".into(),
                }),
            };
        EmployeeRecordInput {
            personnel_number: self.personnel_number.text().unwrap_or_default(),
            first_name: self.first_name.text().unwrap_or_default(),
            infix: self.infix.text(),
            last_name: self.last_name.text().unwrap_or_default(),
            birth_date: self.birth_date.text().and_then(|d| d.parse().ok()),
            email,
            address,
            phone: self.phone.text(),
            emergency_phone: self.emergency_phone.text(),
            bsn: self.bsn.text(),
            iban: self.iban.text(),
            tax_credit: self.tax_credit.get_untracked(),
            id_document: None,
            department: self.department.text(),
            cost_centre: self.cost_centre.text(),
            employment: self.periods.get_untracked().iter().filter_map(PeriodForm::read).collect(),
            version,
        }
    }
}

impl Default for RecordForm {
    fn default() -> Self {
        Self::new()
    }
}

trait Required {
    fn required_text(&self, t: &EmployeeTexts) -> Option<String>;
}

impl Required for Field {
    fn required_text(&self, t: &EmployeeTexts) -> Option<String> {
        let text = self.text();
        if text.is_none() {
            self.error.set(Some(t.problem("required")));
        }
        text
    }
}

/// The elfproef on what is typed (empty is fine: it keeps the stored BSN).
pub fn check_bsn(f: Field, t: &EmployeeTexts) -> bool {
    match f.text() {
        Some(b) => match normalise_bsn(&b) {
            Ok(_) => true,
            Err(e) => {
                f.error.set(Some(t.problem(e.code())));
                false
            }
        },
        None => true,
    }
}

/// Mod-97 on what is typed (empty is fine).
pub fn check_iban(f: Field, t: &EmployeeTexts) -> bool {
    match f.text() {
        Some(i) => match normalise_iban(&i) {
            Ok(_) => true,
            Err(e) => {
                f.error.set(Some(t.problem(e.code())));
                false
            }
        },
        None => true,
    }
}

/// A field checked as you type once it holds enough to judge.
fn live(f: Field, min_len: usize, check: fn(Field, &EmployeeTexts) -> bool) {
    let t = use_texts();
    Effect::new(move |_| {
        let v = f.value.get();
        if v.chars().filter(|c| c.is_ascii_alphanumeric()).count() >= min_len {
            check(f, t());
        }
    });
}

/// The periods with their position (the API names errors by position).
fn indexed(periods: Vec<PeriodForm>) -> Vec<(usize, PeriodForm)> {
    periods.into_iter().enumerate().collect()
}

/// The form's fields.
#[component]
pub fn RecordFields(form: RecordForm) -> impl IntoView {
    let t = use_texts();
    let label = move |f: fn(&EmployeeTexts) -> &'static str| Signal::derive(move || f(t()).to_string());
    live(form.bsn, 8, check_bsn);
    live(form.iban, 15, check_iban);
    // Periods are checked against each other whenever one changes.
    Effect::new(move |_| {
        let periods = form.periods.get();
        for p in &periods {
            p.starts_on.value.track();
            p.ends_on.value.track();
            p.hours.value.track();
            p.full_time.value.track();
        }
        if periods.iter().all(|p| p.read().is_some()) {
            form.check_periods(t());
        }
    });
    view! {
        <fieldset class="form-section">
            <legend>{move || t().personal}</legend>
            <TextField id="record-personnel-number" label=label(|t| t.personnel_number) field=form.personnel_number />
            <TextField id="record-first-name" label=label(|t| t.first_name) field=form.first_name />
            <TextField id="record-infix" label=label(|t| t.infix) field=form.infix />
            <TextField id="record-last-name" label=label(|t| t.last_name) field=form.last_name />
            <TextField id="record-birth-date" label=label(|t| t.birth_date) field=form.birth_date kind=InputKind::Date />
            <TextField id="record-bsn" label=label(|t| t.bsn) field=form.bsn hint=Signal::derive(move || t().bsn_hint) />
            <TextField id="record-iban" label=label(|t| t.iban) field=form.iban hint=Signal::derive(move || t().iban_hint) />
            <div class="field checkbox-field">
                <label>
                    <input
                        type="checkbox"
                        data-testid="record-tax-credit"
                        prop:checked=move || form.tax_credit.get()
                        on:change=move |ev| form.tax_credit.set(event_target_checked(&ev))
                    />
                    {move || t().tax_credit}
                </label>
            </div>
        </fieldset>
        <fieldset class="form-section">
            <legend>{move || t().address}</legend>
            <TextField id="record-street" label=label(|t| t.street) field=form.street />
            <TextField id="record-house-number" label=label(|t| t.house_number) field=form.house_number />
            <TextField id="record-postcode" label=label(|t| t.postcode) field=form.postcode />
            <TextField id="record-city" label=label(|t| t.city) field=form.city />
            <TextField id="record-phone" label=label(|t| t.phone) field=form.phone kind=InputKind::Tel />
            <TextField id="record-emergency-phone" label=label(|t| t.emergency_phone) field=form.emergency_phone kind=InputKind::Tel />
        </fieldset>
        <fieldset class="form-section">
            <legend>{move || t().employment}</legend>
            <TextField id="record-department" label=label(|t| t.department) field=form.department />
            <TextField id="record-cost-centre" label=label(|t| t.cost_centre) field=form.cost_centre />
            <For
                each=move || indexed(form.periods.get())
                key=|(i, p)| (*i, p.key)
                children=move |(i, p)| view! {
                    <div class="period-form" data-testid="period-form">
                        <PeriodInputs i=i p=p />
                        <button
                            type="button"
                            class="button secondary small"
                            data-testid="remove-period"
                            on:click=move |_| form.periods.update(|ps| ps.retain(|x| x.key != p.key))
                        >
                            {move || t().remove_period}
                        </button>
                    </div>
                }
            />
            <button type="button" class="button secondary small" data-testid="add-period" on:click=move |_| form.add_period()>
                {move || t().add_period}
            </button>
        </fieldset>
    }
}

#[component]
fn PeriodInputs(i: usize, p: PeriodForm) -> impl IntoView {
    let t = use_texts();
    let label = move |f: fn(&EmployeeTexts) -> &'static str| Signal::derive(move || f(t()).to_string());
    // Ids must be static strings; a record has only a handful of periods.
    let id = |base: &'static str| -> &'static str { Box::leak(format!("{base}-{i}").into_boxed_str()) };
    view! {
        <TextField id=id("period-starts-on") label=label(|t| t.starts_on) field=p.starts_on kind=InputKind::Date />
        <TextField id=id("period-ends-on") label=label(|t| t.ends_on) field=p.ends_on kind=InputKind::Date />
        <TextField id=id("period-hours") label=label(|t| t.contract_hours) field=p.hours />
        <TextField id=id("period-full-time") label=label(|t| t.full_time_hours) field=p.full_time />
        <TextField id=id("period-job-title") label=label(|t| t.job_title) field=p.job_title />
    }
}
