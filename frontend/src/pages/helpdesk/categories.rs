//! The helpdesk's list of organisation categories (organisatieprofielen) and
//! "Categorie toevoegen".

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::networks::{NewOrganisationCategory, OrganisationCategory};

use crate::api;
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::i18n::use_i18n;
use crate::pages::networks::form::{Field, TextField, refusal, show_field_errors};
use crate::pages::networks::load_categories;

#[component]
pub fn Categories() -> impl IntoView {
    let i18n = use_i18n();
    let c = move || i18n.t().care;
    let list = load_categories();
    let code = Field::new();
    let name_nl = Field::new();
    let name_en = Field::new();
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        error.set(None);
        notice.set(None);
        let t = c();
        let (Some(code_text), Some(nl), Some(en)) =
            (code.required(t), name_nl.required(t), name_en.required(t))
        else {
            return;
        };
        let request = NewOrganisationCategory { code: code_text, name_nl: nl, name_en: en };
        busy.set(true);
        spawn_local(async move {
            match api::create_category(&request).await {
                Ok(category) => {
                    list.update(|l| {
                        l.push(category);
                        l.sort_by(|a, b| a.name_nl.cmp(&b.name_nl));
                    });
                    for field in [code, name_nl, name_en] {
                        field.set("");
                    }
                    notice.set(Some(c().category_added.into()));
                }
                Err(e) => {
                    let conflict = e.kind() == Some(shared::error::ErrorKind::Conflict);
                    if conflict {
                        code.error.set(Some(c().problem("duplicate")));
                    } else if !show_field_errors(
                        &e,
                        c(),
                        &[("code", code), ("name_nl", name_nl), ("name_en", name_en)],
                    ) {
                        error.set(Some(refusal(i18n.t(), &e)));
                    }
                }
            }
            busy.set(false);
        });
    };
    view! {
        <section class="card section-card" aria-labelledby="categories-heading">
            <h2 id="categories-heading">{move || c().categories_heading}</h2>
            <p class="section-intro">{move || c().categories_intro}</p>
            <ul class="plain-list" data-testid="categories">
                <For
                    each=move || list.get()
                    key=|cat: &OrganisationCategory| cat.code.clone()
                    children=move |cat| view! {
                        <li data-testid="category" data-code=cat.code.clone()>
                            <span class="cell-title">{move || if i18n.locale() == shared::i18n::Locale::Nl { cat.name_nl.clone() } else { cat.name_en.clone() }}</span>
                            <code class="help-text">{cat.code.clone()}</code>
                        </li>
                    }
                />
            </ul>
            <h3>{move || c().add_category}</h3>
            <SuccessNotice message=notice testid="category-notice" />
            <ErrorAlert message=error testid="category-error" />
            <form class="form form-grid" novalidate=true data-testid="category-form" on:submit=on_submit>
                <TextField id="category-code" label=Signal::derive(move || c().code.to_string()) field=code hint=Signal::derive(move || c().code_hint) />
                <TextField id="category-name-nl" label=Signal::derive(move || c().name_nl.to_string()) field=name_nl />
                <TextField id="category-name-en" label=Signal::derive(move || c().name_en.to_string()) field=name_en />
                <div class="form-actions span-all">
                    <button type="submit" class="button secondary" data-testid="add-category" aria-disabled=move || busy.get().to_string()>
                        {move || c().add_category}
                    </button>
                </div>
            </form>
        </section>
    }
}
