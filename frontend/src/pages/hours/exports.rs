//! `/uren/export`: approved weeks exported for payroll and billing. The page
//! makes its idempotency key itself, once per intended export, so a double
//! click (or a retry after a lost answer) gives the same batch, not two.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use shared::hours::{ExportBatch, format_minutes};

use super::declarations::{WeekField, parse_week_filter};
use super::{RequireHours, exports_hours};
use crate::api;
use crate::browser;
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::components::page_title::use_page_title;
use crate::components::paged::{LoadMore, Paged};
use crate::i18n::use_i18n;
use crate::session::use_session;
use crate::time;

/// A fresh idempotency key from the browser's `crypto.randomUUID()`.
fn new_key() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        // No Web Crypto: a key from the clock still separates one person's exports.
        .unwrap_or_else(|| format!("export-{}", chrono::Utc::now().timestamp_micros()))
}

/// The four files of a batch: file name and its label.
fn files(t: &'static crate::i18n::Dict) -> [(&'static str, &'static str); 4] {
    let h = t.hours;
    [
        ("payroll.csv", h.payroll_csv),
        ("payroll.xlsx", h.payroll_xlsx),
        ("billing.csv", h.billing_csv),
        ("billing.xlsx", h.billing_xlsx),
    ]
}

#[component]
pub fn ExportsPage() -> impl IntoView {
    let session = use_session();
    use_page_title(|t| t.hours.export_title.into());
    let allowed = Signal::derive(move || session.me().is_some_and(|me| exports_hours(&me)));
    view! { <RequireHours allowed=allowed><Exports /></RequireHours> }
}

#[component]
fn Exports() -> impl IntoView {
    let i18n = use_i18n();
    let list = Paged::new(api::exports);
    let key = RwSignal::new(new_key());
    let up_to = RwSignal::new(String::new());
    let notice = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);

    let export = Action::new_local(move |(key_now, week): &(String, Option<shared::hours::IsoWeek>)| {
        let (key_now, week) = (key_now.clone(), *week);
        async move {
            let t = i18n.t();
            match api::create_export(key_now, week).await {
                Ok(batch) => {
                    notice.set(Some(
                        t.hours.export_made(batch.timesheet_count, &format_minutes(batch.total_minutes)),
                    ));
                    list.items.update(|items| {
                        if let Some(slot) = items.iter_mut().find(|b| b.id == batch.id) {
                            *slot = batch;
                        } else {
                            items.insert(0, batch);
                        }
                    });
                    // The next export is a new one.
                    key.set(new_key());
                    request_animation_frame(|| browser::focus_element("export-notice"));
                }
                // The key stays: trying again cannot export twice.
                Err(e) => error.set(Some(t.api_error(&e))),
            }
        }
    });
    let pending = export.pending();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        notice.set(None);
        error.set(None);
        let Ok(week) = up_to.with_untracked(|w| parse_week_filter(w)) else {
            browser::focus_element("export-up-to");
            return;
        };
        export.dispatch((key.get_untracked(), week));
    };

    view! {
        <header class="page-header">
            <h1>{move || i18n.t().hours.export_title}</h1>
            <p class="lead">{move || i18n.t().hours.export_intro}</p>
        </header>
        <section class="card section-card">
            <form class="form export-form" novalidate=true on:submit=on_submit data-testid="export-form">
                <WeekField id="export-up-to" label=Signal::derive(move || i18n.t().hours.up_to_week) value=up_to />
                <div class="form-actions">
                    <button type="submit" class="button primary" data-testid="make-export" aria-disabled=move || pending.get().to_string()>
                        {move || if pending.get() { i18n.t().hours.exporting } else { i18n.t().hours.make_export }}
                    </button>
                </div>
            </form>
            <SuccessNotice message=notice testid="export-notice" />
            <ErrorAlert message=error testid="export-error" />
        </section>
        <section class="card section-card" aria-labelledby="exports-heading">
            <h2 id="exports-heading">{move || i18n.t().hours.exports_heading}</h2>
            <Show
                when=move || !list.loaded.get() || !list.items.with(Vec::is_empty)
                fallback=move || view! { <p class="empty-list">{i18n.t().hours.no_exports}</p> }
            >
                <table class="data-table" data-testid="exports-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t().hours.created}</th>
                            <th scope="col">{move || i18n.t().hours.created_by}</th>
                            <th scope="col">{move || i18n.t().hours.weeks}</th>
                            <th scope="col">{move || i18n.t().hours.hours}</th>
                            <th scope="col">{move || i18n.t().hours.period}</th>
                            <th scope="col">{move || i18n.t().hours.downloads}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || list.items.get() key=|b| (b.id, b.timesheet_count) children=move |b| view! { <ExportRow batch=b /> } />
                    </tbody>
                </table>
            </Show>
            <LoadMore list=list testid="exports-more" />
        </section>
    }
}

#[component]
fn ExportRow(batch: ExportBatch) -> impl IntoView {
    let i18n = use_i18n();
    let b = batch;
    let id = b.id;
    let period = match (b.first_week, b.last_week) {
        (Some(a), Some(z)) if a == z => a.to_string(),
        (Some(a), Some(z)) => format!("{a} – {z}"),
        _ => "—".into(),
    };
    view! {
        <tr data-testid="export-row">
            <td data-label=move || i18n.t().hours.created>
                <time datetime=time::iso(b.created_at)>{move || time::date_time(b.created_at, i18n.locale())}</time>
            </td>
            <td data-label=move || i18n.t().hours.created_by>{b.created_by.clone()}</td>
            <td data-label=move || i18n.t().hours.weeks data-testid="export-weeks">{b.timesheet_count}</td>
            <td data-label=move || i18n.t().hours.hours>{format_minutes(b.total_minutes)}</td>
            <td data-label=move || i18n.t().hours.period>{period}</td>
            <td data-label=move || i18n.t().hours.downloads>
                <ul class="download-links">
                    {move || files(i18n.t()).into_iter().map(|(file, label)| view! {
                        <li><a href=api::export_file_href(id, file) download="" data-testid=format!("download-{file}")>{label}</a></li>
                    }).collect_view()}
                </ul>
            </td>
        </tr>
    }
}
