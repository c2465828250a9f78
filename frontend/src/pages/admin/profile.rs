//! `/beheer/organisatie`: the organisation profile networks show (address,
//! phone) and its category, which only the helpdesk changes. The same fields
//! sit in the helpdesk's new-organisation form.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::networks::OrganisationProfileUpdate;

use crate::api::{self, ApiError};
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::components::page_title::use_page_title;
use crate::i18n::care::CareTexts;
use crate::i18n::use_i18n;
use crate::pages::absence::fields::InputKind;
use crate::pages::networks::form::{
    AddressFields, AddressForm, Field, SelectField, TextField, category_name, refusal, show_field_errors,
};
use crate::session::use_session;

/// Category, address and phone as typed.
#[derive(Clone, Copy)]
pub struct ProfileForm {
    pub category: Field,
    pub address: AddressForm,
    pub phone: Field,
}

impl ProfileForm {
    pub fn new() -> Self {
        Self { category: Field::new(), address: AddressForm::new(), phone: Field::new() }
    }

    /// The update to send; an address left empty is left out. `None` after
    /// marking what is wrong.
    pub fn read(&self, t: &CareTexts) -> Option<OrganisationProfileUpdate> {
        let address = if self.address.is_empty() { Some(None) } else { self.address.read(t).map(Some) };
        Some(OrganisationProfileUpdate {
            category: self.category.text(),
            address: address?,
            phone: self.phone.text(),
        })
    }

    /// Shows the API's refusals under the fields; whether any field got one.
    pub fn show_errors(&self, error: &ApiError, t: &CareTexts) -> bool {
        let mut fields = vec![("category", self.category), ("phone", self.phone)];
        fields.extend(self.address.fields());
        show_field_errors(error, t, &fields)
    }

    pub fn clear(&self) {
        for field in [
            self.category,
            self.phone,
            self.address.street,
            self.address.house_number,
            self.address.postcode,
            self.address.city,
        ] {
            field.set("");
        }
    }
}

impl Default for ProfileForm {
    fn default() -> Self {
        Self::new()
    }
}

/// The profile's inputs; the category only for the helpdesk.
#[component]
pub fn ProfileFields(
    form: ProfileForm,
    prefix: &'static str,
    #[prop(into)] category_editable: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let categories = crate::pages::networks::load_categories();
    let options = Signal::derive(move || {
        let list = categories.get();
        list.iter()
            .map(|c| (c.code.clone(), category_name(&list, &c.code, i18n.locale())))
            .collect::<Vec<_>>()
    });
    let c = move || i18n.t().care;
    let (category_id, phone_id) =
        if prefix == "org" { ("org-category", "org-phone") } else { ("profile-category", "profile-phone") };
    view! {
        <SelectField
            id=category_id
            label=Signal::derive(move || c().category.to_string())
            field=form.category
            options=options
            empty=Signal::derive(move || c().no_category)
            disabled=Signal::derive(move || !category_editable.get())
            hint=Signal::derive(move || if category_editable.get() { "" } else { c().category_readonly_hint })
        />
        <AddressFields form=form.address prefix=prefix />
        <TextField id=phone_id label=Signal::derive(move || c().optional(c().phone)) field=form.phone kind=InputKind::Tel />
    }
}

#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    use_page_title(|t| t.care.profile_title.into());
    let form = ProfileForm::new();
    let notice = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let helpdesk = Signal::derive(move || session.me().is_some_and(|me| me.helpdesk));
    let c = move || i18n.t().care;
    let org_id = Memo::new(move |_| session.me().map(|me| me.organisation_id));

    Effect::new(move || {
        let Some(id) = org_id.get() else { return };
        spawn_local(async move {
            match api::organisation_profile(id).await {
                Ok(profile) => {
                    form.category.set(profile.category.unwrap_or_default());
                    if let Some(address) = profile.address {
                        form.address.fill(&address);
                    }
                    form.phone.set(profile.phone.unwrap_or_default());
                }
                Err(e) => error.set(Some(refusal(i18n.t(), &e))),
            }
        });
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        notice.set(None);
        error.set(None);
        let Some(id) = org_id.get_untracked() else { return };
        let Some(update) = form.read(c()) else { return };
        busy.set(true);
        spawn_local(async move {
            match api::save_organisation_profile(id, &update).await {
                Ok(_) => notice.set(Some(c().profile_saved.into())),
                Err(e) => {
                    if !form.show_errors(&e, c()) {
                        error.set(Some(refusal(i18n.t(), &e)));
                    }
                }
            }
            busy.set(false);
        });
    };

    view! {
        <header class="page-header">
            <h1>{move || c().profile_title}</h1>
            <p class="lead">{move || c().profile_intro}</p>
        </header>
        <section class="card section-card">
            <SuccessNotice message=notice testid="profile-notice" />
            <ErrorAlert message=error testid="profile-error" />
            <form class="form form-grid" novalidate=true data-testid="profile-form" on:submit=on_submit>
                <ProfileFields form=form prefix="profile" category_editable=helpdesk />
                <div class="form-actions span-all">
                    <button type="submit" class="button primary" data-testid="save-profile" aria-disabled=move || busy.get().to_string()>
                        {move || if busy.get() { c().working } else { c().save }}
                    </button>
                </div>
            </form>
        </section>
    }
}
