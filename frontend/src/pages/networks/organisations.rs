//! The client's modules, the organisations of each switched-on category with
//! their professionals ("Organisatie toevoegen": nearest first), and the
//! professional search of "Overige relaties" (suggestions while typing,
//! nearest first).

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::networks::{EntryKind, ModulesUpdate, OrganisationCategory, OrganisationHit, ProfessionalHit};

use super::client::{ClientCtx, EntryRow};
use super::form::{category_name, refusal};
use super::search::{Latest, MIN_QUERY_CHARS, debounced, worth_searching};
use crate::api;
use crate::components::feedback::ErrorAlert;
use crate::components::icon::{Icon, IconName};
use crate::i18n::use_i18n;

/// The category list, fetched once for the page.
pub fn load_categories() -> RwSignal<Vec<OrganisationCategory>> {
    let list = RwSignal::new(Vec::new());
    spawn_local(async move {
        if let Ok(categories) = api::categories().await {
            list.set(categories);
        }
    });
    list
}

/// A checkbox per category: the modules a client has on.
#[component]
pub fn ModuleChecks(chosen: RwSignal<Vec<String>>, error: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let categories = load_categories();
    view! {
        <fieldset class="field checkbox-group" class:has-error=move || error.with(Option::is_some) data-testid="module-checks">
            <legend>{move || i18n.t().care.modules}</legend>
            <p class="help-text">{move || i18n.t().care.modules_hint}</p>
            <For
                each=move || categories.get()
                key=|c| c.code.clone()
                children=move |category| {
                    let code = category.code.clone();
                    let toggled = code.clone();
                    let name = category_name(std::slice::from_ref(&category), &category.code, i18n.locale_untracked());
                    view! {
                        <label class="checkbox">
                            <input
                                type="checkbox"
                                data-testid=format!("module-{code}")
                                prop:checked=move || chosen.with(|c| c.contains(&code))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    error.set(None);
                                    chosen.update(|c| {
                                        c.retain(|x| *x != toggled);
                                        if on {
                                            c.push(toggled.clone());
                                        }
                                    });
                                }
                            />
                            <span>{name}</span>
                        </label>
                    }
                }
            />
            {move || error.get().map(|m| view! { <p class="field-error" data-testid="modules-error">{m}</p> })}
        </fieldset>
    }
}

/// The "modules" block: which categories the network shows; coordinators edit them.
#[component]
pub fn ModulesBlock(ctx: ClientCtx) -> impl IntoView {
    let i18n = use_i18n();
    let editing = RwSignal::new(false);
    let chosen = RwSignal::new(Vec::<String>::new());
    let error = RwSignal::new(None::<String>);
    let stale = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let c = move || i18n.t().care;
    let current =
        move || ctx.network.with(|n| n.as_ref().map(|n| (n.client.modules.clone(), n.client.version)));
    let start = move |_| {
        chosen.set(current().map(|(m, _)| m).unwrap_or_default());
        error.set(None);
        stale.set(false);
        editing.set(true);
    };
    let save = move |_| {
        if busy.get_untracked() {
            return;
        }
        let Some((_, version)) = current() else { return };
        let update = ModulesUpdate { modules: chosen.get_untracked(), version };
        busy.set(true);
        spawn_local(async move {
            match api::save_modules(ctx.id, &update).await {
                Ok(()) => {
                    editing.set(false);
                    ctx.changed(c().modules_saved);
                }
                Err(e) => match e.field_code("modules").or_else(|| e.field_code("version")) {
                    Some("stale") => stale.set(true),
                    Some(code) => error.set(Some(c().problem(code))),
                    None if e.kind() == Some(shared::error::ErrorKind::Conflict) => stale.set(true),
                    None => error.set(Some(refusal(i18n.t(), &e))),
                },
            }
            busy.set(false);
        });
    };
    let reload = move |_| {
        stale.set(false);
        editing.set(false);
        ctx.refresh();
    };
    view! {
        <section class="card section-card" data-testid="modules-block" aria-labelledby="modules-heading">
            <div class="section-header">
                <h2 id="modules-heading">{move || c().modules}</h2>
                <Show when=move || ctx.may_edit() && !editing.get()>
                    <button type="button" class="button subtle small" data-testid="edit-modules" on:click=start>
                        <Icon icon=IconName::Pencil />
                        <span>{move || c().edit}</span>
                    </button>
                </Show>
            </div>
            <Show
                when=move || editing.get()
                fallback=move || {
                    let names = move || {
                        let cats = ctx.categories.get();
                        current().map(|(m, _)| m).unwrap_or_default().iter().map(|code| category_name(&cats, code, i18n.locale())).collect::<Vec<_>>()
                    };
                    view! {
                        <Show when=move || !names().is_empty() fallback=move || view! { <p class="empty-list" data-testid="no-modules">{c().modules_none}</p> }>
                            <ul class="plain-list" data-testid="modules-on">
                                {move || names().into_iter().map(|n| view! { <li data-testid="module-on">{n}</li> }).collect_view()}
                            </ul>
                        </Show>
                    }
                }
            >
                <Show when=move || stale.get()>
                    <div class="form-alert is-visible stale-alert" role="alert" data-testid="modules-stale">
                        <p>{move || c().stale}</p>
                        <button type="button" class="button secondary small" data-testid="modules-reload" on:click=reload>{move || c().reload}</button>
                    </div>
                </Show>
                <ModuleChecks chosen=chosen error=error />
                <div class="form-actions">
                    <button type="button" class="button primary" data-testid="save-modules" aria-disabled=move || busy.get().to_string() on:click=save>
                        {move || if busy.get() { c().working } else { c().save }}
                    </button>
                    <button type="button" class="button secondary" on:click=move |_| editing.set(false)>{move || c().cancel}</button>
                </div>
            </Show>
        </section>
    }
}

/// One switched-on category: its organisations in the network with their
/// professionals, and "Organisatie toevoegen".
#[component]
pub fn CategoryBlock(ctx: ClientCtx, code: String) -> impl IntoView {
    let i18n = use_i18n();
    let c = move || i18n.t().care;
    let adding = RwSignal::new(false);
    let heading_code = code.clone();
    let title = move || category_name(&ctx.categories.get(), &heading_code, i18n.locale());
    let org_code = code.clone();
    let organisations = move || {
        let code = org_code.clone();
        ctx.entries(move |e| {
            e.kind == EntryKind::Organisation && e.category.as_deref() == Some(code.as_str())
        })
    };
    let block_code = code.clone();
    view! {
        <section class="card section-card" data-testid="category-block" data-category=code.clone()>
            <div class="section-header">
                <h2>{title}</h2>
                <Show when=move || ctx.may_edit() && !adding.get()>
                    <button type="button" class="button subtle small" data-testid="add-organisation" on:click=move |_| adding.set(true)>
                        <Icon icon=IconName::Pencil />
                        <span>{move || c().add_organisation}</span>
                    </button>
                </Show>
            </div>
            <Show when=move || adding.get()>
                <OrganisationSearch ctx=ctx code=block_code.clone() open=adding />
            </Show>
            {move || {
                let orgs = organisations();
                if orgs.is_empty() {
                    return view! { <p class="empty-list">{c().no_organisations}</p> }.into_any();
                }
                orgs.into_iter().map(|org| {
                    let org_id = org.organisation_id;
                    let org_name = org.name.clone();
                    let people = ctx.entries(move |e| e.kind == EntryKind::Professional && e.organisation_id == org_id);
                    view! {
                        <ul class="plain-list network-list" data-testid="network-organisation" data-name=org_name>
                            <EntryRow ctx=ctx entry=org />
                            {(!people.is_empty()).then(|| view! {
                                <li>
                                    <ul class="plain-list nested">
                                        {people.into_iter().map(|p| view! { <EntryRow ctx=ctx entry=p /> }).collect_view()}
                                    </ul>
                                </li>
                            })}
                        </ul>
                    }
                }).collect_view().into_any()
            }}
        </section>
    }
}

/// Organisations of one category, nearest to the client first, to add.
#[component]
fn OrganisationSearch(ctx: ClientCtx, code: String, open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let c = move || i18n.t().care;
    let typed = RwSignal::new(String::new());
    let q = debounced(typed);
    let hits = RwSignal::new(None::<Vec<OrganisationHit>>);
    let error = RwSignal::new(None::<String>);
    let latest = StoredValue::new(Latest::default());
    Effect::new(move || {
        let query = q.get();
        let code = code.clone();
        let n = latest.write_value().next();
        spawn_local(async move {
            let result = api::organisation_search(ctx.id, code, query).await;
            if latest.get_value().is_current(n) {
                match result {
                    Ok(found) => hits.set(Some(found)),
                    Err(e) => error.set(Some(refusal(i18n.t(), &e))),
                }
            }
        });
    });
    let add = move |org_id| {
        error.set(None);
        spawn_local(async move {
            match api::add_network_organisation(ctx.id, org_id).await {
                Ok(()) => {
                    open.set(false);
                    ctx.changed(c().added);
                }
                Err(e) => error.set(Some(refusal(i18n.t(), &e))),
            }
        });
    };
    view! {
        <div class="field person-picker" data-testid="organisation-search">
            <label for="organisation-search-input">{move || c().organisation_search_label}</label>
            <input
                id="organisation-search-input"
                type="search"
                autocomplete="off"
                data-testid="organisation-search-input"
                prop:value=move || typed.get()
                on:input=move |ev| typed.set(event_target_value(&ev))
            />
            <ErrorAlert message=error testid="organisation-search-error" />
            {move || hits.get().map(|found| {
                if found.is_empty() {
                    return view! { <p class="empty-list" role="status">{c().no_hits}</p> }.into_any();
                }
                view! {
                    <ul class="person-options" role="list" data-testid="organisation-hits">
                        {found.into_iter().map(|hit| {
                            let id = hit.id;
                            let meta = [hit.city.clone(), hit.distance_km.map(|d| c().distance(d))].into_iter().flatten().collect::<Vec<_>>().join(" · ");
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="person-option"
                                        data-testid="organisation-hit"
                                        data-name=hit.name.clone()
                                        disabled=hit.in_network
                                        on:click=move |_| add(id)
                                    >
                                        <span class="cell-title">{hit.name.clone()}</span>
                                        <span class="cell-sub" data-testid="hit-meta">{meta}</span>
                                        {hit.in_network.then(|| view! { <span class="badge badge-muted">{c().in_network}</span> })}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            })}
            <button type="button" class="button secondary small" on:click=move |_| open.set(false)>{move || c().cancel}</button>
        </div>
    }
}

/// "Overige relaties": find a professional by name, organisation or function;
/// suggestions while typing, nearest to the client first; choose, "Volgende", "Bewaar".
#[component]
pub fn ProfessionalSearch(ctx: ClientCtx) -> impl IntoView {
    let i18n = use_i18n();
    let c = move || i18n.t().care;
    let typed = RwSignal::new(String::new());
    let q = debounced(typed);
    let hits = RwSignal::new(None::<Vec<ProfessionalHit>>);
    let chosen = RwSignal::new(None::<ProfessionalHit>);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let latest = StoredValue::new(Latest::default());
    Effect::new(move || {
        let query = q.get();
        let n = latest.write_value().next();
        if !worth_searching(&query, MIN_QUERY_CHARS) {
            hits.set(None);
            return;
        }
        spawn_local(async move {
            let result = api::professional_search(ctx.id, query).await;
            if latest.get_value().is_current(n) {
                match result {
                    Ok(found) => hits.set(Some(found)),
                    Err(e) => error.set(Some(refusal(i18n.t(), &e))),
                }
            }
        });
    });
    let save = move |_| {
        let Some(hit) = chosen.get_untracked() else { return };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match api::add_network_professional(ctx.id, hit.membership_id).await {
                Ok(()) => {
                    chosen.set(None);
                    typed.set(String::new());
                    ctx.changed(c().added);
                }
                Err(e) => error.set(Some(refusal(i18n.t(), &e))),
            }
            busy.set(false);
        });
    };
    let meta = move |hit: &ProfessionalHit| {
        [
            hit.job_title.clone(),
            Some(hit.organisation_name.clone()),
            hit.city.clone(),
            hit.distance_km.map(|d| c().distance(d)),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
    };
    view! {
        <section class="card section-card" data-testid="other-relations" aria-labelledby="other-relations-heading">
            <h2 id="other-relations-heading">{move || c().other_relations}</h2>
            <ErrorAlert message=error testid="professional-search-error" />
            {move || match chosen.get() {
                Some(hit) => view! {
                    <div class="chosen-person" data-testid="chosen-professional">
                        <span><span class="cell-title">{hit.name.clone()}</span>" "<span class="cell-sub">{meta(&hit)}</span></span>
                        <div class="row-actions">
                            <button type="button" class="button primary small" data-testid="save-professional" aria-disabled=move || busy.get().to_string() on:click=save>
                                {c().save}
                            </button>
                            <button type="button" class="button subtle small" on:click=move |_| { chosen.set(None); error.set(None); }>{c().change_choice}</button>
                        </div>
                    </div>
                }
                .into_any(),
                None => view! {
                    <div class="field person-picker">
                        <label for="professional-search">{c().professional_search}": "{c().professional_search_label}</label>
                        <input
                            id="professional-search"
                            type="search"
                            autocomplete="off"
                            data-testid="professional-search"
                            aria-describedby="professional-search-hint"
                            prop:value=move || typed.get()
                            on:input=move |ev| {
                                typed.set(event_target_value(&ev));
                                error.set(None);
                            }
                        />
                        <p id="professional-search-hint" class="help-text">{c().professional_search_hint}</p>
                        {move || hits.get().map(|found| {
                            if found.is_empty() {
                                return view! { <p class="empty-list" role="status">{c().no_hits}</p> }.into_any();
                            }
                            view! {
                                <ul class="person-options" role="list" data-testid="professional-hits">
                                    {found.into_iter().map(|hit| {
                                        let line = meta(&hit);
                                        let (off, member) = (!hit.module_on, hit.in_network);
                                        let pick = hit.clone();
                                        view! {
                                            <li>
                                                <button
                                                    type="button"
                                                    class="person-option"
                                                    data-testid="professional-hit"
                                                    data-name=hit.name.clone()
                                                    disabled=member
                                                    on:click=move |_| chosen.set(Some(pick.clone()))
                                                >
                                                    <span class="cell-title">{hit.name.clone()}</span>
                                                    <span class="cell-sub" data-testid="hit-meta">{line}</span>
                                                    {off.then(|| view! { <span class="badge badge-muted">{c().module_off_badge}</span> })}
                                                    {member.then(|| view! { <span class="badge badge-muted">{c().in_network}</span> })}
                                                </button>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }
                            .into_any()
                        })}
                    </div>
                }
                .into_any(),
            }}
        </section>
    }
}
