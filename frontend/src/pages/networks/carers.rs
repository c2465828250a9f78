//! Informal carers (mantelzorgers): the list, and adding one. A new person who
//! looks like someone Poort knows goes through "Vergelijkbare personen" first:
//! link the existing person (one account for father and mother) or create a
//! new one anyway.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::networks::{AddInformalCarer, EntryKind, Gender, NewInformalCarer, SimilarPerson};
use uuid::Uuid;

use super::client::{ClientCtx, EntryRow};
use super::form::{Field, TextField, refusal, show_field_errors};
use crate::api;
use crate::components::feedback::ErrorAlert;
use crate::components::icon::{Icon, IconName};
use crate::i18n::use_i18n;
use crate::pages::absence::fields::{InputKind, parse_date};

#[component]
pub fn CarersBlock(ctx: ClientCtx) -> impl IntoView {
    let i18n = use_i18n();
    let c = move || i18n.t().care;
    let adding = RwSignal::new(false);
    let carers = move || ctx.entries(|e| e.kind == EntryKind::InformalCarer);
    view! {
        <section class="card section-card" data-testid="carers-block" aria-labelledby="carers-heading">
            <div class="section-header">
                <h2 id="carers-heading">{move || c().informal_carers}</h2>
                <Show when=move || ctx.may_edit() && !adding.get()>
                    <button type="button" class="button subtle small" data-testid="add-carer" on:click=move |_| adding.set(true)>
                        <Icon icon=IconName::Pencil />
                        <span>{move || c().add_carer}</span>
                    </button>
                </Show>
            </div>
            <Show when=move || adding.get()>
                <CarerForm ctx=ctx open=adding />
            </Show>
            {move || {
                let list = carers();
                if list.is_empty() {
                    view! { <p class="empty-list">{c().no_carers}</p> }.into_any()
                } else {
                    view! {
                        <ul class="plain-list network-list" data-testid="carers">
                            {list.into_iter().map(|e| view! { <EntryRow ctx=ctx entry=e /> }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

/// The fields of a new carer.
#[derive(Clone, Copy)]
struct CarerFields {
    first_name: Field,
    infix: Field,
    last_name: Field,
    gender: RwSignal<Option<Gender>>,
    email: Field,
    birth_date: Field,
    phone: Field,
    relation: Field,
}

impl CarerFields {
    fn new() -> Self {
        Self {
            first_name: Field::new(),
            infix: Field::new(),
            last_name: Field::new(),
            gender: RwSignal::new(None),
            email: Field::new(),
            birth_date: Field::new(),
            phone: Field::new(),
            relation: Field::new(),
        }
    }

    /// The person and the relation as typed; `None` after marking what is missing.
    fn read(&self, t: &crate::i18n::care::CareTexts) -> Option<(NewInformalCarer, String)> {
        let first = self.first_name.required(t);
        let last = self.last_name.required(t);
        let email = self.email.required(t);
        let relation = self.relation.required(t);
        let birth_date = match self.birth_date.text() {
            None => Some(None),
            Some(text) => match parse_date(&text) {
                Some(d) => Some(Some(d)),
                None => {
                    self.birth_date.error.set(Some(t.problem("invalid_date")));
                    None
                }
            },
        };
        let person = NewInformalCarer {
            first_name: first?,
            infix: self.infix.text(),
            last_name: last?,
            gender: self.gender.get_untracked(),
            email: email?,
            birth_date: birth_date?,
            phone: self.phone.text(),
        };
        Some((person, relation?))
    }

    fn api_fields(&self) -> [(&'static str, Field); 7] {
        [
            ("first_name", self.first_name),
            ("infix", self.infix),
            ("last_name", self.last_name),
            ("email", self.email),
            ("birth_date", self.birth_date),
            ("phone", self.phone),
            ("relation", self.relation),
        ]
    }
}

#[component]
fn CarerForm(ctx: ClientCtx, open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let c = move || i18n.t().care;
    let fields = CarerFields::new();
    let similar = RwSignal::new(None::<Vec<SimilarPerson>>);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    // Sends the carer: an existing person (`existing`) or the typed one.
    let send = move |existing: Option<Uuid>, create_anyway: bool| {
        let Some((person, relation)) = fields.read(c()) else { return };
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let body = AddInformalCarer {
                existing_id: existing,
                person: existing.is_none().then(|| person.clone()),
                relation,
                create_anyway,
            };
            match api::add_informal_carer(ctx.id, &body).await {
                Ok(()) => {
                    open.set(false);
                    ctx.changed(c().added);
                }
                Err(e)
                    if e.field_code("person").or_else(|| e.field_code("email"))
                        == Some("similar_persons")
                        || is_similar_refusal(&e) =>
                {
                    match api::similar_carers(&person).await {
                        Ok(found) if !found.is_empty() => similar.set(Some(found)),
                        _ => error.set(Some(refusal(i18n.t(), &e))),
                    }
                }
                Err(e) => {
                    if !show_field_errors(&e, c(), &fields.api_fields()) {
                        error.set(Some(refusal(i18n.t(), &e)));
                    }
                    similar.set(None);
                }
            }
            busy.set(false);
        });
    };

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let Some((person, _)) = fields.read(c()) else { return };
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let found = api::similar_carers(&person).await;
            busy.set(false);
            match found {
                Ok(found) if !found.is_empty() => similar.set(Some(found)),
                Ok(_) => send(None, false),
                Err(e) => {
                    if !show_field_errors(&e, c(), &fields.api_fields()) {
                        error.set(Some(refusal(i18n.t(), &e)));
                    }
                }
            }
        });
    };

    let gender_choice = move |value: Gender,
                              label: fn(&crate::i18n::care::CareTexts) -> &'static str,
                              testid: &'static str| {
        view! {
            <label class="checkbox">
                <input
                    type="radio"
                    name="carer-gender"
                    data-testid=testid
                    prop:checked=move || fields.gender.get() == Some(value)
                    on:change=move |_| fields.gender.set(Some(value))
                />
                <span>{move || label(c())}</span>
            </label>
        }
    };

    view! {
        <ErrorAlert message=error testid="carer-error" />
        {move || match similar.get() {
            Some(found) => view! {
                <div class="similar-persons" data-testid="similar-persons">
                    <h3>{c().similar_heading}</h3>
                    <p class="help-text">{c().similar_intro}</p>
                    <ul class="plain-list">
                        {found.into_iter().map(|p| {
                            let id = p.id;
                            let meta = [Some(p.email_hint.clone()), p.birth_year.map(|y| y.to_string()), Some(c().in_networks(p.networks))]
                                .into_iter().flatten().collect::<Vec<_>>().join(" · ");
                            view! {
                                <li class="network-entry" data-testid="similar-person" data-name=p.name.clone()>
                                    <div class="entry-main">
                                        <span class="cell-title">{p.name.clone()}</span>
                                        <span class="cell-sub">{meta}</span>
                                    </div>
                                    <button type="button" class="button primary small" data-testid="link-person" aria-disabled=move || busy.get().to_string() on:click=move |_| send(Some(id), false)>
                                        {c().link_person}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <div class="form-actions">
                        <button type="button" class="button secondary" data-testid="create-anyway" aria-disabled=move || busy.get().to_string() on:click=move |_| send(None, true)>
                            {c().create_anyway}
                        </button>
                        <button type="button" class="button subtle" on:click=move |_| similar.set(None)>{c().cancel}</button>
                    </div>
                </div>
            }
            .into_any(),
            None => view! {
                <form class="form form-grid" novalidate=true data-testid="carer-form" on:submit=on_submit>
                    <TextField id="carer-first-name" label=Signal::derive(move || c().first_name.to_string()) field=fields.first_name />
                    <TextField id="carer-infix" label=Signal::derive(move || c().optional(c().infix)) field=fields.infix />
                    <TextField id="carer-last-name" label=Signal::derive(move || c().last_name.to_string()) field=fields.last_name />
                    <fieldset class="field">
                        <legend>{c().optional(c().gender)}</legend>
                        <div class="radio-row">
                            {gender_choice(Gender::Male, |t| t.male, "carer-male")}
                            {gender_choice(Gender::Female, |t| t.female, "carer-female")}
                        </div>
                    </fieldset>
                    <TextField id="carer-email" label=Signal::derive(move || c().email.to_string()) field=fields.email />
                    <TextField id="carer-birth-date" label=Signal::derive(move || c().optional(c().birth_date)) field=fields.birth_date kind=InputKind::Date />
                    <TextField id="carer-phone" label=Signal::derive(move || c().optional(c().phone)) field=fields.phone kind=InputKind::Tel />
                    <TextField id="carer-relation" label=Signal::derive(move || c().relation.to_string()) field=fields.relation hint=Signal::derive(move || c().relation_hint) />
                    <div class="form-actions span-all">
                        <button type="submit" class="button primary" data-testid="save-carer" aria-disabled=move || busy.get().to_string()>
                            {move || if busy.get() { c().working } else { c().save }}
                        </button>
                        <button type="button" class="button secondary" on:click=move |_| open.set(false)>{c().cancel}</button>
                    </div>
                </form>
            }
            .into_any(),
        }}
    }
}

/// Whether the API refused a new person because similar ones exist (409 `similar_persons`).
fn is_similar_refusal(error: &api::ApiError) -> bool {
    match error {
        api::ApiError::Server { body, .. } => {
            body.fields.values().any(|f| f.code == "similar_persons") || body.message.contains("similar")
        }
        _ => false,
    }
}
