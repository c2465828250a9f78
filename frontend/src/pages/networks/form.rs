//! Form parts the care screens share: a labelled select, the address block
//! (street, house number, postcode, city), and putting the API's field
//! refusals under the fields they concern, in the person's language.

use leptos::prelude::*;
use shared::i18n::Locale;
use shared::networks::rules::normalise_postcode;
use shared::networks::{Address, AddressInput, OrganisationCategory};

use crate::api::ApiError;
use crate::i18n::care::CareTexts;
use crate::i18n::{Dict, use_i18n};
use crate::pages::absence::fields::Input;

/// A field's signals: what is typed and its error.
#[derive(Clone, Copy)]
pub struct Field {
    pub value: RwSignal<String>,
    pub error: RwSignal<Option<String>>,
}

impl Field {
    pub fn new() -> Self {
        Self { value: RwSignal::new(String::new()), error: RwSignal::new(None) }
    }

    /// The trimmed text, `None` when empty.
    pub fn text(&self) -> Option<String> {
        Some(self.value.get_untracked().trim().to_string()).filter(|t| !t.is_empty())
    }

    /// The trimmed text; an empty field gets "verplicht" under it.
    pub fn required(&self, t: &CareTexts) -> Option<String> {
        let text = self.text();
        if text.is_none() {
            self.error.set(Some(t.problem("required")));
        }
        text
    }

    pub fn set(&self, text: impl Into<String>) {
        self.value.set(text.into());
        self.error.set(None);
    }
}

impl Default for Field {
    fn default() -> Self {
        Self::new()
    }
}

/// Puts the API's field refusals under the fields: `(name, field)` where the
/// name matches the API's field or its last part (`address.postcode` → `postcode`).
/// Returns whether any field got one.
pub fn show_field_errors(error: &ApiError, t: &CareTexts, fields: &[(&str, Field)]) -> bool {
    let ApiError::Server { body, .. } = error else { return false };
    let mut any = false;
    for (name, problem) in &body.fields {
        let last = name.rsplit('.').next().unwrap_or(name);
        if let Some((_, field)) = fields.iter().find(|(f, _)| *f == name.as_str() || *f == last) {
            field.error.set(Some(t.problem(&problem.code)));
            any = true;
        }
    }
    any
}

/// The alert for a refusal no field shows: the API's code in words when it gave one.
pub fn refusal(t: &'static Dict, error: &ApiError) -> String {
    match error {
        ApiError::Server { body, .. } => match body.fields.values().next() {
            Some(problem) => t.care.problem(&problem.code),
            None => t.api_error(error),
        },
        other => t.api_error(other),
    }
}

/// A category's name in this language; unknown codes show as they are.
pub fn category_name(categories: &[OrganisationCategory], code: &str, locale: Locale) -> String {
    categories
        .iter()
        .find(|c| c.code == code)
        .map(|c| if locale == Locale::Nl { c.name_nl.clone() } else { c.name_en.clone() })
        .unwrap_or_else(|| code.to_string())
}

/// A labelled select over `(value, label)` options; the empty value is "none".
#[component]
pub fn SelectField(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    field: Field,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(optional, into)] empty: Option<Signal<&'static str>>,
    #[prop(optional, into)] disabled: Signal<bool>,
    #[prop(optional, into)] hint: Option<Signal<&'static str>>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let described = move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("{id}-hint"));
        }
        if field.error.with(Option::is_some) {
            ids.push(format!("{id}-error"));
        }
        ids.join(" ")
    };
    view! {
        <div class="field" class:has-error=move || field.error.with(Option::is_some)>
            <label for=id>{move || label.get()}</label>
            <select
                id=id
                data-testid=id
                disabled=move || disabled.get()
                aria-invalid=move || field.error.with(Option::is_some).to_string()
                aria-describedby=described
                on:change=move |ev| field.set(event_target_value(&ev))
            >
                {empty.map(|e| view! { <option value="" selected=move || field.value.with(String::is_empty)>{move || e.get()}</option> })}
                {move || options.get().into_iter().map(|(value, text)| {
                    let v = value.clone();
                    view! { <option value=value selected=move || field.value.with(|f| *f == v)>{text}</option> }
                }).collect_view()}
            </select>
            {hint.map(|h| view! { <p id=format!("{id}-hint") class="help-text">{move || h.get()}</p> })}
            {move || field.error.get().map(|m| view! { <p id=format!("{id}-error") class="field-error" data-testid=format!("{id}-error")>{m}</p> })}
        </div>
    }
}

/// A text input on a [`Field`].
#[component]
pub fn TextField(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    field: Field,
    #[prop(optional)] kind: crate::pages::absence::fields::InputKind,
    #[prop(optional, into)] hint: Option<Signal<&'static str>>,
) -> impl IntoView {
    match hint {
        Some(hint) => {
            view! { <Input id=id label=label value=field.value error=field.error kind=kind hint=hint /> }
                .into_any()
        }
        None => {
            view! { <Input id=id label=label value=field.value error=field.error kind=kind /> }.into_any()
        }
    }
}

/// The address block: street, house number, postcode and city.
#[derive(Clone, Copy)]
pub struct AddressForm {
    pub street: Field,
    pub house_number: Field,
    pub postcode: Field,
    pub city: Field,
}

impl AddressForm {
    pub fn new() -> Self {
        Self { street: Field::new(), house_number: Field::new(), postcode: Field::new(), city: Field::new() }
    }

    /// Fills the block with a stored address.
    pub fn fill(&self, address: &Address) {
        self.street.set(address.street.clone());
        self.house_number.set(address.house_number.clone());
        self.postcode.set(address.postcode.clone());
        self.city.set(address.city.clone());
    }

    /// Whether nothing was typed (an address is then left out where it is optional).
    pub fn is_empty(&self) -> bool {
        [self.street, self.house_number, self.postcode, self.city].iter().all(|f| f.text().is_none())
    }

    /// The address as typed, with "verplicht" and postcode problems under the fields.
    pub fn read(&self, t: &CareTexts) -> Option<AddressInput> {
        let street = self.street.required(t);
        let house_number = self.house_number.required(t);
        let postcode = self.postcode.required(t);
        let city = self.city.required(t);
        let postcode = postcode.and_then(|p| {
            let normalised = normalise_postcode(&p);
            if normalised.is_none() {
                self.postcode.error.set(Some(t.problem("invalid_postcode")));
            }
            normalised
        });
        Some(AddressInput {
            street: street?,
            house_number: house_number?,
            postcode: postcode?,
            city: city?,
            latitude: None,
            longitude: None,
        })
    }

    /// The API's names for the fields.
    pub fn fields(&self) -> [(&'static str, Field); 4] {
        [
            ("street", self.street),
            ("house_number", self.house_number),
            ("postcode", self.postcode),
            ("city", self.city),
        ]
    }
}

impl Default for AddressForm {
    fn default() -> Self {
        Self::new()
    }
}

/// The address block's inputs; `prefix` keeps ids apart when a page has two.
#[component]
pub fn AddressFields(form: AddressForm, prefix: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let ids: &'static [&'static str; 4] = match prefix {
        "org" => &["org-street", "org-house-number", "org-postcode", "org-city"],
        "profile" => &["profile-street", "profile-house-number", "profile-postcode", "profile-city"],
        _ => &["client-street", "client-house-number", "client-postcode", "client-city"],
    };
    view! {
        <TextField id=ids[0] label=Signal::derive(move || i18n.t().care.street.to_string()) field=form.street />
        <TextField id=ids[1] label=Signal::derive(move || i18n.t().care.house_number.to_string()) field=form.house_number />
        <TextField id=ids[2] label=Signal::derive(move || i18n.t().care.postcode.to_string()) field=form.postcode />
        <TextField id=ids[3] label=Signal::derive(move || i18n.t().care.city.to_string()) field=form.city />
    }
}

/// An address on one line: "Kerkstraat 12, 3511 AB Utrecht".
pub fn address_line(address: &Address) -> String {
    format!("{} {}, {} {}", address.street, address.house_number, address.postcode, address.city)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_read_on_one_line() {
        let address = Address {
            street: "Biltstraat".into(),
            house_number: "12a".into(),
            postcode: "3572 AB".into(),
            city: "Utrecht".into(),
            latitude: 52.09,
            longitude: 5.13,
            approximate: true,
        };
        assert_eq!(address_line(&address), "Biltstraat 12a, 3572 AB Utrecht");
    }

    #[test]
    fn categories_are_named_in_the_language() {
        let list = vec![OrganisationCategory {
            code: "gp".into(),
            name_nl: "Huisarts".into(),
            name_en: "GP".into(),
        }];
        assert_eq!(category_name(&list, "gp", Locale::Nl), "Huisarts");
        assert_eq!(category_name(&list, "gp", Locale::En), "GP");
        assert_eq!(category_name(&list, "x", Locale::En), "x");
    }
}
