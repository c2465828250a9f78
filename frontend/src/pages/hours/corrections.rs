//! `/uren/correcties`: workers' correction requests for weeks they can no
//! longer change. The planner (or coordinator, administrator) compares the
//! proposal with the week as it is, then accepts it or declines with a reason.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use shared::hours::{
    ClientRef, CorrectionRequest, CorrectionStatus, EntryInput, HourType, MAX_REASON_LEN, format_minutes,
    totals, view_of,
};
use uuid::Uuid;

use super::RequireHours;
use super::approvals::week_by_id_href;
use super::lines::hour_type_name;
use super::view::DayTotals;
use super::week::use_hour_types;
use crate::api;
use crate::browser;
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::components::page_title::use_page_title;
use crate::components::paged::{LoadMore, Paged};
use crate::i18n::use_i18n;
use crate::session::use_session;
use crate::time;

#[component]
pub fn CorrectionsPage() -> impl IntoView {
    let session = use_session();
    use_page_title(|t| t.hours.corrections_title.into());
    let allowed = Signal::derive(move || session.me().is_some_and(|me| view_of(me.role).corrects));
    view! { <RequireHours allowed=allowed><CorrectionsList /></RequireHours> }
}

#[component]
fn CorrectionsList() -> impl IntoView {
    let i18n = use_i18n();
    let hour_types = use_hour_types();
    let status = RwSignal::new(CorrectionStatus::Pending);
    let list = Paged::new(move |cursor| api::corrections(status.get_untracked(), cursor));
    Effect::new(move |first: Option<()>| {
        status.track();
        if first.is_some() {
            list.reload();
        }
    });
    let notice = RwSignal::new(None::<String>);

    view! {
        <header class="page-header">
            <h1>{move || i18n.t().hours.corrections_title}</h1>
            <p class="lead">{move || i18n.t().hours.corrections_intro}</p>
        </header>
        <div class="segmented" role="group" aria-label=move || i18n.t().hours.status_label>
            {[CorrectionStatus::Pending, CorrectionStatus::Accepted, CorrectionStatus::Declined].into_iter().map(|s| view! {
                <button
                    type="button"
                    class="segment"
                    data-testid=format!("corrections-{}", s.as_str())
                    aria-pressed=move || (status.get() == s).to_string()
                    on:click=move |_| status.set(s)
                >
                    {move || i18n.t().hours.correction_status(s)}
                </button>
            }).collect_view()}
        </div>
        <SuccessNotice message=notice testid="corrections-notice" />
        <Show
            when=move || !list.loaded.get() || !list.items.with(Vec::is_empty)
            fallback=move || view! { <p class="card section-card empty-list" data-testid="no-corrections">{i18n.t().hours.no_corrections}</p> }
        >
            <ul class="correction-list">
                <For
                    each=move || list.items.get()
                    key=|c| (c.id, c.status.as_str())
                    children=move |c| view! { <CorrectionCard request=c list=list notice=notice hour_types=hour_types /> }
                />
            </ul>
        </Show>
        <LoadMore list=list testid="corrections-more" />
    }
}

#[component]
fn CorrectionCard(
    request: CorrectionRequest,
    list: Paged<CorrectionRequest>,
    notice: RwSignal<Option<String>>,
    hour_types: Signal<Vec<HourType>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = request.id;
    let week = request.week;
    // The week as it is now: its totals per day.
    let current = LocalResource::new(move || api::timesheet(request.timesheet_id));
    let proposed = totals(week, &request.entries).per_day;
    let declining = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let reason_error = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let reason_id = format!("decline-reason-{id}");

    let decide = Action::new_local(move |decline: &Option<String>| {
        let decline = decline.clone();
        async move {
            let t = i18n.t();
            let result = match decline.clone() {
                Some(reason) => api::decline_correction(id, reason).await,
                None => api::accept_correction(id).await,
            };
            match result {
                Ok(updated) => {
                    notice.set(Some(
                        if decline.is_some() { t.hours.declined_notice } else { t.hours.accepted_notice }
                            .into(),
                    ));
                    list.replace(|c| c.id == id, updated);
                    request_animation_frame(|| browser::focus_element("corrections-notice"));
                }
                Err(e) => match e.field_code("reason") {
                    Some(code) => reason_error.set(Some(if code == "required" {
                        t.hours.reason_required.into()
                    } else {
                        t.hours.problem(code)
                    })),
                    None => error.set(Some(t.api_error(&e))),
                },
            }
        }
    });
    let pending = decide.pending();
    let rid = reason_id.clone();
    let on_decline = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let text = reason.get_untracked().trim().to_string();
        if text.is_empty() {
            reason_error.set(Some(i18n.t().hours.reason_required.into()));
            browser::focus_element(&rid);
            return;
        }
        error.set(None);
        decide.dispatch(Some(text));
    };

    // The request names its clients itself: a client the week does not have yet
    // shows by name too.
    let clients = request.clients.clone();
    let r = request.clone();
    let rid = reason_id.clone();
    view! {
        <li class="card section-card correction-card" data-testid="correction-card" data-worker=r.worker_name.clone() data-week=week.to_string()>
            <div class="section-header">
                <h2>{format!("{} — ", r.worker_name)}{move || i18n.t().hours.week_name(week)}</h2>
                <span class="badge badge-pending" data-testid="correction-status">{move || i18n.t().hours.correction_status(r.status)}</span>
            </div>
            <p class="help-text">
                {move || format!("{}: {}", i18n.t().hours.requested_on, time::date_time(r.requested_at, i18n.locale()))}
                " · "
                <A href=week_by_id_href(r.timesheet_id)>{move || i18n.t().hours.open_week_link}</A>
            </p>
            <p><strong>{move || format!("{}: ", i18n.t().hours.reason_label)}</strong><q data-testid="correction-reason">{r.reason.clone()}</q></p>
            <p data-testid="correction-minutes">
                {move || format!("{}: {} → {}", i18n.t().hours.week_total, format_minutes(r.minutes_before), format_minutes(r.minutes_after))}
            </p>
            {move || current.get().and_then(Result::ok).map(|s| view! { <DayTotals week=week totals=s.totals proposed=proposed /> })}
            <ProposedLines entries=request.entries.clone() clients=Signal::derive(move || clients.clone()) hour_types=hour_types />
            {r.decided_by.clone().map(|by| {
                let at = r.decided_at;
                view! {
                    <p class="help-text">
                        {move || format!("{}: {by}{}", i18n.t().hours.decided, at.map(|a| format!(", {}", time::date_time(a, i18n.locale()))).unwrap_or_default())}
                    </p>
                }
            })}
            {r.decision_reason.clone().map(|why| view! { <p><q>{why}</q></p> })}
            <ErrorAlert message=error testid="correction-error" />
            {(r.status == CorrectionStatus::Pending).then(|| view! {
                <div class="form-actions">
                    <button type="button" class="button primary" data-testid="accept-correction" aria-disabled=move || pending.get().to_string()
                        on:click=move |_| if !pending.get_untracked() { error.set(None); decide.dispatch(None); }>
                        {move || if pending.get() && !declining.get() { i18n.t().hours.accepting } else { i18n.t().hours.accept }}
                    </button>
                    <button type="button" class="button secondary" data-testid="decline-correction" aria-expanded=move || declining.get().to_string()
                        on:click=move |_| declining.update(|d| *d = !*d)>
                        {move || i18n.t().hours.decline}
                    </button>
                </div>
                <Show when=move || declining.get()>
                    <form class="form" novalidate=true on:submit=on_decline.clone()>
                        <div class="field" class:has-error=move || reason_error.with(Option::is_some)>
                            <label for=rid.clone()>{move || i18n.t().hours.decline_reason}</label>
                            <textarea
                                id=rid.clone()
                                rows="2"
                                maxlength=MAX_REASON_LEN.to_string()
                                aria-invalid=move || reason_error.with(Option::is_some).to_string()
                                prop:value=move || reason.get()
                                on:input=move |ev| { reason.set(event_target_value(&ev)); reason_error.set(None); }
                            ></textarea>
                            {move || reason_error.get().map(|e| view! { <p class="field-error" data-testid="reason-error">{e}</p> })}
                        </div>
                        <div class="form-actions">
                            <button type="submit" class="button danger" data-testid="confirm-decline">
                                {move || if pending.get() { i18n.t().hours.declining } else { i18n.t().hours.decline }}
                            </button>
                        </div>
                    </form>
                </Show>
            })}
        </li>
    }
}

/// The lines a correction proposes.
#[component]
fn ProposedLines(
    entries: Vec<EntryInput>,
    clients: Signal<Vec<ClientRef>>,
    hour_types: Signal<Vec<HourType>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="data-table entries-table" data-testid="proposed-lines">
            <caption class="visually-hidden">{move || i18n.t().hours.proposed}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t().hours.day_label}</th>
                    <th scope="col">{move || i18n.t().hours.time}</th>
                    <th scope="col">{move || i18n.t().hours.client_label}</th>
                    <th scope="col">{move || i18n.t().hours.hour_type_label}</th>
                    <th scope="col" class="numeric">{move || i18n.t().hours.hours}</th>
                </tr>
            </thead>
            <tbody>
                {entries.into_iter().map(|e| {
                    let when = match (e.start, e.end) {
                        (Some(s), Some(t)) => format!("{}–{}", s.format("%H:%M"), t.format("%H:%M")),
                        _ => String::new(),
                    };
                    let client: Option<Uuid> = e.client_id;
                    let code = e.hour_type.clone();
                    let minutes = e.minutes_worked().unwrap_or(0);
                    let day = e.day;
                    view! {
                        <tr>
                            <td data-label=move || i18n.t().hours.day_label>{move || i18n.t().hours.day_short(day)}</td>
                            <td data-label=move || i18n.t().hours.time>{when}</td>
                            <td data-label=move || i18n.t().hours.client_label>
                                {move || match client {
                                    None => i18n.t().hours.no_client.to_string(),
                                    Some(id) => clients.with(|cs| cs.iter().find(|c| c.id == id).map(|c| c.name.clone())).unwrap_or_else(|| "—".into()),
                                }}
                            </td>
                            <td data-label=move || i18n.t().hours.hour_type_label>{move || hour_type_name(&hour_types.get(), &code, i18n.locale())}</td>
                            <td data-label=move || i18n.t().hours.hours class="numeric">{format_minutes(minutes)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
