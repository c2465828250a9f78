//! The history tab: every change of the network, newest first.

use leptos::prelude::*;
use shared::networks::NetworkEvent;
use uuid::Uuid;

use crate::api;
use crate::components::paged::{LoadMore, Paged};
use crate::i18n::use_i18n;
use crate::time;

#[component]
pub fn HistoryTab(id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let list = Paged::new(move |cursor| api::network_history(id, cursor));
    let c = move || i18n.t().care;
    view! {
        <section class="card section-card" data-testid="history">
            <Show
                when=move || !list.loaded.get() || !list.items.with(Vec::is_empty)
                fallback=move || view! { <p class="empty-list">{c().history_empty}</p> }
            >
                <ul class="plain-list history-list">
                    <For
                        each=move || list.items.get()
                        key=|e: &NetworkEvent| e.id
                        children=move |event| {
                            let at = event.at;
                            let action = event.action.clone();
                            view! {
                                <li data-testid="history-event" data-action=event.action.clone()>
                                    <span class="cell-title">{move || c().history_action(&action)}</span>
                                    {event.subject.clone().map(|s| view! { <span class="cell-sub">{s}</span> })}
                                    <span class="help-text">
                                        <time datetime=time::iso(at)>{move || time::date_time(at, i18n.locale())}</time>
                                        {event.actor_name.clone().map(|a| format!(" · {a}"))}
                                    </span>
                                </li>
                            }
                        }
                    />
                </ul>
            </Show>
            <LoadMore list=list testid="history-more" />
        </section>
    }
}
