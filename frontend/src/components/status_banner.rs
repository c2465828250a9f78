//! The platform status every page shows: either "no known outages" or the
//! message the helpdesk set.

use chrono::{DateTime, Local, Utc};
use leptos::prelude::*;
use shared::i18n::Locale;
use shared::status::PlatformStatus;

use crate::api;
use crate::components::icon::{Icon, IconName};
use crate::i18n::use_i18n;

/// Formats when the message changed, in the browser's time zone.
fn format_updated(at: DateTime<Utc>, locale: Locale) -> String {
    let local = at.with_timezone(&Local);
    match locale {
        Locale::Nl => local.format("%-d-%-m-%Y %H:%M").to_string(),
        Locale::En => local.format("%-d %b %Y, %H:%M").to_string(),
    }
}

/// Bumped when the helpdesk changed the message, so every banner fetches it again.
#[derive(Clone, Copy)]
pub struct StatusRevision(RwSignal<u32>);

/// Puts the status revision in context; call once at the root.
pub fn provide_status_revision() {
    provide_context(StatusRevision(RwSignal::new(0)));
}

/// A function that makes every status banner fetch the message again. Taken
/// from context when a component is set up, because context is not
/// reachable from inside a browser future.
pub fn status_refresher() -> impl Fn() + Copy + 'static {
    let revision = use_context::<StatusRevision>();
    move || {
        if let Some(StatusRevision(revision)) = revision {
            revision.update(|r| *r = r.wrapping_add(1));
        }
    }
}

/// The status banner. Renders nothing until the status is known, and nothing
/// if it cannot be fetched: claiming "no outages" then could be untrue.
#[component]
pub fn StatusBanner() -> impl IntoView {
    let i18n = use_i18n();
    let revision = use_context::<StatusRevision>();
    let status = LocalResource::new(move || {
        if let Some(StatusRevision(revision)) = revision {
            revision.track();
        }
        api::status()
    });

    move || {
        let t = i18n.t();
        match status.get()? {
            Ok(PlatformStatus { message: Some(message), updated_at }) if !message.trim().is_empty() => Some(
                view! {
                    <section class="status-banner status-outage" role="status" aria-label=t.status_label data-testid="status-banner">
                        <Icon icon=IconName::Warning />
                        <div class="status-text">
                            <strong class="status-title">{t.status_outage_title}</strong>
                            <p>{message}</p>
                            {updated_at.map(|at| view! {
                                <p class="status-updated">{format!("{} {}", t.status_updated, format_updated(at, i18n.locale()))}</p>
                            })}
                        </div>
                    </section>
                }
                .into_any(),
            ),
            Ok(_) => Some(
                view! {
                    <section class="status-banner status-ok" role="status" aria-label=t.status_label data-testid="status-banner">
                        <Icon icon=IconName::Check />
                        <p class="status-text">{t.status_ok}</p>
                    </section>
                }
                .into_any(),
            ),
            Err(_) => None,
        }
    }
}
