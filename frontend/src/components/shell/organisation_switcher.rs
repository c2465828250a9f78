//! Shows the organisation the session acts in, and lets people with more than
//! one membership switch.

use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::api;
use crate::components::icon::{Icon, IconName};
use crate::i18n::use_i18n;
use crate::session::use_session;

/// `id` keeps the label/select pair unique: the top bar and the phone drawer
/// each render one.
#[component]
pub fn OrganisationSwitcher(id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let switching = RwSignal::new(false);
    // Bumped after a failed switch so the select snaps back to the
    // organisation the session still acts in.
    let revision = RwSignal::new(0u32);

    let switch_to = move |value: String| {
        let Ok(organisation_id) = Uuid::parse_str(&value) else {
            return;
        };
        switching.set(true);
        spawn_local(async move {
            match api::switch_organisation(organisation_id).await {
                Ok(me) => session.update(me),
                Err(_) => revision.update(|r| *r += 1),
            }
            switching.set(false);
        });
    };

    move || {
        let me = session.me()?;
        let t = i18n.t();
        if me.memberships.len() <= 1 {
            return Some(
                view! {
                    <span class="organisation-name" data-testid="organisation-name">
                        <Icon icon=IconName::Building />
                        <span class="visually-hidden">{t.organisation}": "</span>
                        {me.organisation_name}
                    </span>
                }
                .into_any(),
            );
        }
        let current = me.organisation_id.to_string();
        let options = me
            .memberships
            .iter()
            .map(|m| {
                let value = m.organisation_id.to_string();
                let selected = value == current;
                view! { <option value=value selected=selected>{m.organisation_name.clone()}</option> }
            })
            .collect_view();
        Some(
            view! {
                <span class="organisation-switcher">
                    <label class="visually-hidden" for=id>{t.organisation}</label>
                    <Icon icon=IconName::Building />
                    <select
                        id=id
                        data-testid="organisation-switcher"
                        prop:value=move || { revision.track(); current.clone() }
                        disabled=move || switching.get()
                        aria-busy=move || switching.get().to_string()
                        on:change=move |ev| switch_to(event_target_value(&ev))
                    >
                        {options}
                    </select>
                </span>
            }
            .into_any(),
        )
    }
}
