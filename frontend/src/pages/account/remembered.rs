//! The browsers remembered for 30 days ("remember this browser" at the code
//! step), with "forget" per browser and for all of them.

use leptos::prelude::*;
use shared::auth::RememberedDevice;

use crate::api;
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::i18n::use_i18n;
use crate::pages::admin::short_user_agent;
use crate::time;

#[component]
pub fn RememberedSection() -> impl IntoView {
    let i18n = use_i18n();
    let revision = RwSignal::new(0u32);
    let devices = LocalResource::new(move || {
        revision.track();
        api::remembered_devices()
    });
    let notice = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);

    // `None`: every browser; `Some(id)`: that one.
    let forget = Action::new_local(move |which: &Option<String>| {
        let which = which.clone();
        async move {
            let t = i18n.t();
            let one = which.is_some();
            match api::forget_remembered_devices(which).await {
                Ok(()) => {
                    notice.set(Some(if one { t.contact.forgotten } else { t.contact.all_forgotten }.into()));
                    revision.update(|r| *r += 1);
                    request_animation_frame(|| crate::browser::focus_element("remembered-notice"));
                }
                Err(e) => error.set(Some(t.api_error(&e))),
            }
        }
    });
    let pending = forget.pending();
    let run = move |which: Option<String>| {
        if !pending.get_untracked() {
            notice.set(None);
            error.set(None);
            forget.dispatch(which);
        }
    };

    let rows = move || {
        devices.get().map(|result| match result {
            Ok(list) if list.is_empty() => {
                view! { <p class="empty-list" data-testid="no-remembered">{i18n.t().contact.no_remembered}</p> }.into_any()
            }
            Ok(list) => view! {
                <ul class="session-list" data-testid="remembered-devices">
                    {list.into_iter().map(|d| view! { <DeviceRow device=d on_forget=move |id| run(Some(id)) /> }).collect_view()}
                </ul>
                <button type="button" class="button secondary" data-testid="forget-all-devices" on:click=move |_| run(None)>
                    {move || i18n.t().contact.forget_all}
                </button>
            }
            .into_any(),
            Err(e) => view! { <p class="field-error">{i18n.t().api_error(&e)}</p> }.into_any(),
        })
    };

    view! {
        <section class="card section-card" aria-labelledby="remembered-heading" data-testid="remembered-section">
            <h2 id="remembered-heading">{move || i18n.t().contact.remembered_heading}</h2>
            <p class="help-text">{move || i18n.t().contact.remembered_intro}</p>
            <ErrorAlert message=error testid="remembered-error" />
            <SuccessNotice message=notice testid="remembered-notice" />
            {rows}
        </section>
    }
}

#[component]
fn DeviceRow(
    device: RememberedDevice,
    on_forget: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = device.user_agent.as_deref().map(short_user_agent);
    let (created, last_used, expires) = (device.created_at, device.last_used_at, device.expires_at);
    let id = device.id.clone();
    view! {
        <li class="session" data-testid="remembered-device">
            <div class="session-main">
                <span class="cell-title" title=device.user_agent.clone()>
                    {move || name.clone().unwrap_or_else(|| i18n.t().contact.unknown_browser.into())}
                </span>
                <span class="cell-sub">
                    {move || i18n.t().contact.remembered_on}": "
                    <time datetime=time::iso(created)>{move || time::date_time(created, i18n.locale())}</time>
                    " · "{move || i18n.t().contact.last_used}": "
                    {move || match last_used {
                        Some(at) => view! { <time datetime=time::iso(at)>{time::date_time(at, i18n.locale())}</time> }.into_any(),
                        None => i18n.t().contact.not_used_yet.into_any(),
                    }}
                </span>
                <span class="cell-sub">
                    {move || i18n.t().contact.remembered_until}": "
                    <time datetime=time::iso(expires)>{move || time::date_time(expires, i18n.locale())}</time>
                </span>
            </div>
            <button type="button" class="button secondary small" data-testid="forget-device" on:click=move |_| on_forget(id.clone())>
                {move || i18n.t().contact.forget}
            </button>
        </li>
    }
}
