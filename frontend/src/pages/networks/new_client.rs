//! `/netwerken/nieuw`: a care coordinator adds a client; they become its primary
//! coordinator and their organisation's module is on from the start.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use shared::networks::NewCareClient;

use super::client_href;
use super::form::{AddressFields, AddressForm, Field, TextField, refusal, show_field_errors};
use super::organisations::ModuleChecks;
use crate::api;
use crate::components::feedback::ErrorAlert;
use crate::components::page_title::use_page_title;
use crate::i18n::use_i18n;
use crate::pages::absence::fields::{InputKind, parse_date};

#[component]
pub fn NewClientPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.care.new_client.into());
    let navigate = use_navigate();
    let first_name = Field::new();
    let infix = Field::new();
    let last_name = Field::new();
    let birth_date = Field::new();
    let address = AddressForm::new();
    let modules = RwSignal::new(Vec::<String>::new());
    let modules_error = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let c = move || i18n.t().care;

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        error.set(None);
        let t = c();
        let first = first_name.required(t);
        let last = last_name.required(t);
        let born = birth_date.required(t).and_then(|d| {
            let date = parse_date(&d);
            if date.is_none() {
                birth_date.error.set(Some(t.problem("invalid_date")));
            }
            date
        });
        let home = address.read(t);
        let (Some(first_name_text), Some(last_name_text), Some(born), Some(home)) = (first, last, born, home)
        else {
            return;
        };
        let client = NewCareClient {
            first_name: first_name_text,
            infix: infix.text(),
            last_name: last_name_text,
            birth_date: born,
            address: home,
            modules: modules.get_untracked(),
        };
        busy.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::create_care_client(&client).await {
                Ok(network) => navigate(&client_href(network.client.id), Default::default()),
                Err(e) => {
                    let mut fields = vec![
                        ("first_name", first_name),
                        ("infix", infix),
                        ("last_name", last_name),
                        ("birth_date", birth_date),
                    ];
                    fields.extend(address.fields());
                    let shown = show_field_errors(&e, c(), &fields);
                    if let Some(code) = e.field_code("modules") {
                        modules_error.set(Some(c().problem(code)));
                    } else if !shown {
                        error.set(Some(refusal(i18n.t(), &e)));
                    }
                }
            }
            busy.set(false);
        });
    };

    view! {
        <A href="/netwerken" attr:class="link-back">{move || c().back_to_clients}</A>
        <header class="page-header">
            <h1>{move || c().new_client}</h1>
            <p class="lead">{move || c().new_client_intro}</p>
        </header>
        <section class="card section-card">
            <ErrorAlert message=error testid="new-client-error" />
            <form class="form form-grid" novalidate=true data-testid="new-client-form" on:submit=on_submit>
                <TextField id="client-first-name" label=Signal::derive(move || c().first_name.to_string()) field=first_name />
                <TextField id="client-infix" label=Signal::derive(move || c().optional(c().infix)) field=infix />
                <TextField id="client-last-name" label=Signal::derive(move || c().last_name.to_string()) field=last_name />
                <TextField id="client-birth-date" label=Signal::derive(move || c().birth_date.to_string()) field=birth_date kind=InputKind::Date />
                <AddressFields form=address prefix="client" />
                <div class="span-all">
                    <ModuleChecks chosen=modules error=modules_error />
                </div>
                <div class="form-actions span-all">
                    <button type="submit" class="button primary" data-testid="create-client" aria-disabled=move || busy.get().to_string()>
                        {move || if busy.get() { c().working } else { c().create_client }}
                    </button>
                </div>
            </form>
        </section>
    }
}
