//! The coordinators block: who coordinates, exactly one of them primary.
//! Coordinators tick a colleague as coordinator and "primair" and save; the
//! trash button behind one's own name then removes oneself from the network.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::networks::rules::check_coordinators;
use shared::networks::{CoordinatorChoice, CoordinatorsUpdate, EntryKind, NetworkEntry};
use uuid::Uuid;

use super::client::{ClientCtx, EntryRow};
use super::form::refusal;
use crate::api;
use crate::components::feedback::ErrorAlert;
use crate::components::icon::{Icon, IconName};
use crate::i18n::use_i18n;

/// The choices as the form holds them: per professional entry, coordinator and primary.
pub fn choices_of(entries: &[NetworkEntry]) -> Vec<(Uuid, bool, bool)> {
    entries
        .iter()
        .filter(|e| e.kind == EntryKind::Professional)
        .map(|e| (e.id, e.coordinator, e.primary))
        .collect()
}

/// What to send: the ticked coordinators; a primary is always a coordinator.
pub fn update_of(choices: &[(Uuid, bool, bool)]) -> CoordinatorsUpdate {
    CoordinatorsUpdate {
        coordinators: choices
            .iter()
            .filter(|(_, coordinator, primary)| *coordinator || *primary)
            .map(|(id, _, primary)| CoordinatorChoice { entry_id: *id, primary: *primary })
            .collect(),
    }
}

#[component]
pub fn CoordinatorsBlock(ctx: ClientCtx) -> impl IntoView {
    let i18n = use_i18n();
    let c = move || i18n.t().care;
    let editing = RwSignal::new(false);
    let choices = RwSignal::new(Vec::<(Uuid, bool, bool)>::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let coordinators = move || ctx.entries(|e| e.coordinator);
    let professionals = move || ctx.entries(|e| e.kind == EntryKind::Professional);

    let start = move |_| {
        choices.set(ctx.network.with(|n| n.as_ref().map(|n| choices_of(&n.entries)).unwrap_or_default()));
        error.set(None);
        editing.set(true);
    };
    let save = move |_| {
        if busy.get_untracked() {
            return;
        }
        let update = update_of(&choices.get_untracked());
        let pairs: Vec<(Uuid, bool)> = update.coordinators.iter().map(|c| (c.entry_id, c.primary)).collect();
        // The same rule as the server's, checked first so a slip costs no round trip.
        if let Err(problem) = check_coordinators(&pairs, |_| true) {
            error.set(Some(c().problem(problem.code())));
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match api::save_coordinators(ctx.id, &update).await {
                Ok(()) => {
                    editing.set(false);
                    ctx.changed(c().coordinators_saved);
                }
                Err(e) => error.set(Some(refusal(i18n.t(), &e))),
            }
            busy.set(false);
        });
    };
    let set = move |id: Uuid, coordinator: Option<bool>, primary: bool| {
        error.set(None);
        choices.update(|list| {
            for (entry, c, p) in list.iter_mut() {
                if primary {
                    *p = *entry == id;
                    if *entry == id {
                        *c = true;
                    }
                } else if *entry == id
                    && let Some(on) = coordinator
                {
                    *c = on;
                    if !on {
                        *p = false;
                    }
                }
            }
        });
    };

    view! {
        <section class="card section-card" data-testid="coordinators-block" aria-labelledby="coordinators-heading">
            <div class="section-header">
                <h2 id="coordinators-heading">{move || c().coordinators}</h2>
                <Show when=move || ctx.may_edit() && !editing.get()>
                    <button type="button" class="button subtle small" data-testid="edit-coordinators" on:click=start>
                        <Icon icon=IconName::Pencil />
                        <span>{move || c().edit}</span>
                    </button>
                </Show>
            </div>
            <ErrorAlert message=error testid="coordinators-error" />
            <Show
                when=move || editing.get()
                fallback=move || view! {
                    <ul class="plain-list network-list" data-testid="coordinators">
                        {move || coordinators().into_iter().map(|e| view! { <EntryRow ctx=ctx entry=e /> }).collect_view()}
                    </ul>
                }
            >
                <p class="help-text">{move || c().coordinators_hint}</p>
                <table class="data-table" data-testid="coordinators-form">
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t().name_label}</th>
                            <th scope="col">{move || c().coordinator}</th>
                            <th scope="col">{move || c().primary}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || professionals().into_iter().map(|e| {
                            let id = e.id;
                            let name = e.name.clone();
                            let picked = move |f: fn(&(Uuid, bool, bool)) -> bool| choices.with(|l| l.iter().find(|x| x.0 == id).is_some_and(f));
                            view! {
                                <tr data-testid="coordinator-choice" data-name=name.clone()>
                                    <td data-label=move || i18n.t().name_label>
                                        <span class="cell-title">{name.clone()}</span>
                                        <span class="cell-sub">{e.organisation_name.clone()}</span>
                                    </td>
                                    <td data-label=move || c().coordinator>
                                        <label class="checkbox">
                                            <input
                                                type="checkbox"
                                                data-testid="choose-coordinator"
                                                aria-label=i18n.t().admin.action_for(c().coordinator, &name)
                                                prop:checked=move || picked(|x| x.1)
                                                on:change=move |ev| set(id, Some(event_target_checked(&ev)), false)
                                            />
                                        </label>
                                    </td>
                                    <td data-label=move || c().primary>
                                        <label class="checkbox">
                                            <input
                                                type="radio"
                                                name="primary-coordinator"
                                                data-testid="choose-primary"
                                                aria-label=i18n.t().admin.action_for(c().primary, &name)
                                                prop:checked=move || picked(|x| x.2)
                                                on:change=move |_| set(id, None, true)
                                            />
                                        </label>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <div class="form-actions">
                    <button type="button" class="button primary" data-testid="save-coordinators" aria-disabled=move || busy.get().to_string() on:click=save>
                        {move || if busy.get() { c().working } else { c().save }}
                    </button>
                    <button type="button" class="button secondary" on:click=move |_| editing.set(false)>{move || c().cancel}</button>
                </div>
            </Show>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_primary_is_always_a_coordinator_and_unticked_ones_leave() {
        let (a, b, c) = (Uuid::from_u128(1), Uuid::from_u128(2), Uuid::from_u128(3));
        let update = update_of(&[(a, true, false), (b, false, true), (c, false, false)]);
        assert_eq!(
            update.coordinators,
            vec![
                CoordinatorChoice { entry_id: a, primary: false },
                CoordinatorChoice { entry_id: b, primary: true }
            ]
        );
    }
}
