//! `/uren/goedkeuren`: the weeks of the coordinator's teams (everyone's for
//! administrators and employers), filtered and searchable, approved one by one
//! or many at once; `/uren/goedkeuren/{id}` opens one week to approve or
//! reject it with a reason.

use std::collections::BTreeSet;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_params_map};
use shared::hours::{
    BulkApproval, MAX_BULK, MAX_REASON_LEN, Timesheet, TimesheetSummary, WeekStatus, format_minutes, view_of,
};
use uuid::Uuid;

use super::declarations::{CostCentreSelect, StatusSelect, WeekField, parse_week_filter};
use super::view::{DayTotals, EntriesTable, History};
use super::week::use_hour_types;
use super::{RequireHours, StatusBadge};
use crate::api::{self, ApiError, WeekFilter};
use crate::browser;
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::components::page_title::use_page_title;
use crate::components::paged::{LoadMore, Paged};
use crate::i18n::use_i18n;
use crate::session::use_session;
use crate::time;

/// Where one week opens from the approvals list.
pub fn approval_href(id: Uuid) -> String {
    format!("/uren/goedkeuren/{id}")
}

/// Where one week opens from a correction request.
pub fn week_by_id_href(id: Uuid) -> String {
    format!("/uren/weken/{id}")
}

#[component]
pub fn ApprovalsPage() -> impl IntoView {
    let session = use_session();
    use_page_title(|t| t.hours.approvals_title.into());
    let allowed = Signal::derive(move || session.me().is_some_and(|me| view_of(me.role).approves));
    view! { <RequireHours allowed=allowed><ApprovalsList /></RequireHours> }
}

#[component]
fn ApprovalsList() -> impl IntoView {
    let i18n = use_i18n();
    let status = RwSignal::new(Some(WeekStatus::Submitted));
    let team = RwSignal::new(None::<Uuid>);
    let client = RwSignal::new(None::<Uuid>);
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let late = RwSignal::new(None::<bool>);
    let q = RwSignal::new(String::new());
    let cost_centre = RwSignal::new(None::<String>);
    let filter = Memo::new(move |_| WeekFilter {
        status: status.get(),
        team_id: team.get(),
        client_id: client.get(),
        from: from.with(|f| parse_week_filter(f).ok().flatten()),
        to: to.with(|t| parse_week_filter(t).ok().flatten()),
        late: late.get(),
        q: q.get(),
        cost_centre: cost_centre.get(),
    });
    let list = Paged::new(move |cursor| api::timesheets(filter.get_untracked(), cursor));
    let chosen = RwSignal::new(BTreeSet::<Uuid>::new());
    Effect::new(move |first: Option<()>| {
        filter.track();
        if first.is_some() {
            chosen.set(BTreeSet::new());
            list.reload();
        }
    });
    let teams = LocalResource::new(api::teams);
    let filters_open = RwSignal::new(!browser::is_narrow_viewport());
    let clients = LocalResource::new(|| api::clients(String::new()));

    let result = RwSignal::new(None::<BulkApproval>);
    let error = RwSignal::new(None::<String>);
    let approve = Action::new_local(move |ids: &Vec<Uuid>| {
        let ids = ids.clone();
        async move {
            match api::approve_timesheets(ids).await {
                Ok(outcome) => {
                    chosen.set(BTreeSet::new());
                    result.set(Some(outcome));
                    list.reload();
                    request_animation_frame(|| browser::focus_element("bulk-result"));
                }
                Err(e) => error.set(Some(i18n.t().api_error(&e))),
            }
        }
    });
    let pending = approve.pending();
    let approve_chosen = move |_| {
        if pending.get_untracked() {
            return;
        }
        error.set(None);
        result.set(None);
        let ids: Vec<Uuid> = chosen.get_untracked().into_iter().take(MAX_BULK).collect();
        if ids.is_empty() {
            error.set(Some(i18n.t().hours.nothing_selected.into()));
            return;
        }
        approve.dispatch(ids);
    };
    let selectable = move || {
        list.items.with(|items| {
            items.iter().filter(|s| s.status == WeekStatus::Submitted).map(|s| s.id).collect::<Vec<_>>()
        })
    };
    let all_chosen = move || {
        let ids = selectable();
        !ids.is_empty() && chosen.with(|c| ids.iter().all(|id| c.contains(id)))
    };

    let names = move |id: Uuid| {
        list.items.with(|items| {
            items
                .iter()
                .find(|s| s.id == id)
                .map(|s| format!("{} ({})", s.worker_name, s.week))
                .unwrap_or_else(|| id.to_string())
        })
    };
    let result_view = move || {
        result.get().map(|r| {
            let t = i18n.t();
            view! {
                <div class="success-notice is-visible" id="bulk-result" role="status" tabindex="-1" data-testid="bulk-result">
                    <div>
                        <p>{t.hours.bulk_result(r.approved.len(), r.refused.len())}</p>
                        {(!r.refused.is_empty()).then(|| view! {
                            <ul>
                                {r.refused.iter().map(|f| view! { <li>{format!("{}: {}", names(f.id), t.hours.refusal(&f.reason))}</li> }).collect_view()}
                            </ul>
                        })}
                    </div>
                </div>
            }
        })
    };

    view! {
        <header class="page-header">
            <h1>{move || i18n.t().hours.approvals_title}</h1>
            <p class="lead">{move || i18n.t().hours.approvals_intro}</p>
        </header>
        <div class="list-toolbar">
            <div class="field search-field">
                <label for="approvals-search">{move || i18n.t().hours.search}</label>
                <input id="approvals-search" type="search" prop:value=move || q.get() on:input=move |ev| q.set(event_target_value(&ev)) />
            </div>
            <button
                type="button"
                class="button secondary small"
                aria-expanded=move || filters_open.get().to_string()
                aria-controls="approval-filters"
                data-testid="toggle-filters"
                on:click=move |_| filters_open.update(|o| *o = !*o)
            >
                {move || i18n.t().hours.filters}
            </button>
        </div>
        <section
            class="card section-card filter-bar"
            id="approval-filters"
            class:is-hidden=move || !filters_open.get()
            aria-label=move || i18n.t().hours.filters
            data-testid="approval-filters"
        >
            <div class="filter-grid">
                <StatusSelect id="approvals-status" value=status />
                <div class="field">
                    <label for="approvals-team">{move || i18n.t().hours.team}</label>
                    <select id="approvals-team" on:change=move |ev| team.set(event_target_value(&ev).parse().ok())>
                        <option value="">{move || i18n.t().hours.all_teams}</option>
                        {move || teams.get().and_then(Result::ok).map(|p| p.items.into_iter().map(|t| view! {
                            <option value=t.id.to_string() selected=move || team.get() == Some(t.id)>{t.name.clone()}</option>
                        }).collect_view())}
                    </select>
                </div>
                <div class="field">
                    <label for="approvals-client">{move || i18n.t().hours.client}</label>
                    <select id="approvals-client" on:change=move |ev| client.set(event_target_value(&ev).parse().ok())>
                        <option value="">{move || i18n.t().hours.all_clients}</option>
                        {move || clients.get().and_then(Result::ok).map(|p| p.items.into_iter().map(|c| view! {
                            <option value=c.id.to_string() selected=move || client.get() == Some(c.id)>{c.name.clone()}</option>
                        }).collect_view())}
                    </select>
                </div>
                <CostCentreSelect id="approvals-cost-centre" mine=false value=cost_centre />
                <WeekField id="approvals-from" label=Signal::derive(move || i18n.t().hours.period_from) value=from />
                <WeekField id="approvals-to" label=Signal::derive(move || i18n.t().hours.period_to) value=to />
                <div class="field">
                    <label for="approvals-late">{move || i18n.t().hours.late_filter}</label>
                    <select id="approvals-late" on:change=move |ev| late.set(match event_target_value(&ev).as_str() {
                        "true" => Some(true),
                        "false" => Some(false),
                        _ => None,
                    })>
                        <option value="">{move || i18n.t().hours.late_any}</option>
                        <option value="true">{move || i18n.t().hours.late_only}</option>
                        <option value="false">{move || i18n.t().hours.on_time_only}</option>
                    </select>
                </div>
            </div>
        </section>
        <section class="card section-card">
            <div class="bulk-bar">
                <label class="checkbox">
                    <input
                        type="checkbox"
                        data-testid="select-all"
                        prop:checked=all_chosen
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let ids = selectable();
                            chosen.update(|c| for id in ids { if on { c.insert(id); } else { c.remove(&id); } });
                        }
                    />
                    <span>{move || i18n.t().hours.select_all}</span>
                </label>
                <button type="button" class="button primary" data-testid="bulk-approve" aria-disabled=move || pending.get().to_string() on:click=approve_chosen>
                    {move || if pending.get() { i18n.t().hours.approving.to_string() } else { i18n.t().hours.approve_selected(chosen.with(BTreeSet::len)) }}
                </button>
            </div>
            <ErrorAlert message=error testid="bulk-error" />
            {result_view}
            <Show
                when=move || !list.loaded.get() || !list.items.with(Vec::is_empty)
                fallback=move || view! { <p class="empty-list" data-testid="no-weeks">{i18n.t().hours.no_weeks}</p> }
            >
                <table class="data-table" data-testid="approvals-table">
                    <thead>
                        <tr>
                            <th scope="col" class="check-cell"><span class="visually-hidden">{move || i18n.t().hours.select_all}</span></th>
                            <th scope="col">{move || i18n.t().hours.worker}</th>
                            <th scope="col">{move || i18n.t().hours.week}</th>
                            <th scope="col">{move || i18n.t().hours.cost_centre}</th>
                            <th scope="col">{move || i18n.t().hours.status_label}</th>
                            <th scope="col">{move || i18n.t().hours.hours}</th>
                            <th scope="col">{move || i18n.t().hours.signed_at}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || list.items.get()
                            key=|s| (s.id, s.status)
                            children=move |s| view! { <ApprovalRow summary=s chosen=chosen /> }
                        />
                    </tbody>
                </table>
            </Show>
            <LoadMore list=list testid="approvals-more" />
        </section>
    }
}

#[component]
fn ApprovalRow(summary: TimesheetSummary, chosen: RwSignal<BTreeSet<Uuid>>) -> impl IntoView {
    let i18n = use_i18n();
    let s = summary;
    let id = s.id;
    let selectable = s.status == WeekStatus::Submitted;
    let name = s.worker_name.clone();
    let label_name = name.clone();
    let link_name = name.clone();
    let week = s.week;
    view! {
        <tr data-testid="approval-row" data-worker=name.clone() data-week=s.week.to_string()>
            <td class="check-cell">
                {selectable.then(|| view! {
                    <label class="checkbox">
                        <input
                            type="checkbox"
                            data-testid="select-week"
                            prop:checked=move || chosen.with(|c| c.contains(&id))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                chosen.update(|c| if on { c.insert(id); } else { c.remove(&id); });
                            }
                        />
                        <span class="visually-hidden">{move || i18n.t().hours.select_week(&label_name, week)}</span>
                    </label>
                })}
            </td>
            <td data-label=move || i18n.t().hours.worker>
                <A href=approval_href(id) attr:class="cell-title" attr:data-testid="open-week">{link_name}</A>
            </td>
            <td data-label=move || i18n.t().hours.week>
                <div>
                    {move || i18n.t().hours.week_name(week)}
                    <span class="cell-sub">{move || i18n.t().hours.week_span(week)}</span>
                </div>
            </td>
            <td data-label=move || i18n.t().hours.cost_centre data-testid="cost-centre">{s.cost_centre.clone().unwrap_or_else(|| "—".into())}</td>
            <td data-label=move || i18n.t().hours.status_label><StatusBadge status=s.status late=s.late /></td>
            <td data-label=move || i18n.t().hours.hours>
                <div>
                    {format_minutes(s.total_minutes)}
                    {s.contract_minutes.map(|c| view! { <span class="cell-sub">{move || format!("{}: {}", i18n.t().hours.contract_hours, format_minutes(c))}</span> })}
                </div>
            </td>
            <td data-label=move || i18n.t().hours.signed_at>
                {move || s.signed_at.map(|a| time::date_time(a, i18n.locale())).unwrap_or_else(|| "—".into())}
            </td>
        </tr>
    }
}

/// `/uren/goedkeuren/{id}` (and `/uren/weken/{id}`): one week of someone else.
#[component]
pub fn ApprovalPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| id.parse::<Uuid>().ok())));
    // Planners come here from a correction request and go back there.
    let back = if use_location().pathname.get_untracked().starts_with("/uren/weken/") {
        "/uren/correcties"
    } else {
        "/uren/goedkeuren"
    };
    move || match id.get() {
        Some(id) => view! { <ApprovalScreen id=id back=back /> }.into_any(),
        None => view! { <crate::pages::not_found::NotFoundContent /> }.into_any(),
    }
}

#[component]
fn ApprovalScreen(id: Uuid, back: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let hour_types = use_hour_types();
    let sheet = RwSignal::new(None::<Timesheet>);
    let load_error = RwSignal::new(None::<ApiError>);
    let title = Memo::new(move |_| {
        sheet.with(|s| s.as_ref().map(|s| (s.summary.worker_name.clone(), s.summary.week)))
    });
    use_page_title(move |t| match title.get() {
        Some((name, week)) => format!("{name}, {} – {}", t.hours.week_name(week), t.nav_hours),
        None => t.hours.approvals_title.into(),
    });
    spawn_local(async move {
        match api::timesheet(id).await {
            Ok(s) => sheet.set(Some(s)),
            Err(e) => load_error.set(Some(e)),
        }
    });

    let notice = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let rejecting = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let reason_error = RwSignal::new(None::<String>);

    let decide = Action::new_local(move |reject: &Option<String>| {
        let reject = reject.clone();
        async move {
            let t = i18n.t();
            let result = match reject.clone() {
                Some(reason) => api::reject_timesheet(id, reason).await,
                None => api::approve_timesheet(id).await,
            };
            match result {
                Ok(s) => {
                    sheet.set(Some(s));
                    rejecting.set(false);
                    reason.set(String::new());
                    notice.set(Some(
                        if reject.is_some() { t.hours.rejected_notice } else { t.hours.approved_notice }
                            .into(),
                    ));
                    request_animation_frame(|| browser::focus_element("approval-notice"));
                }
                Err(e) => match e.field_code("reason") {
                    Some(code) => {
                        reason_error.set(Some(if code == "required" {
                            t.hours.reason_required.into()
                        } else {
                            t.hours.problem(code)
                        }));
                        browser::focus_element("reject-reason");
                    }
                    None => error.set(Some(t.api_error(&e))),
                },
            }
        }
    });
    let pending = decide.pending();
    let approve = move |_| {
        if !pending.get_untracked() {
            notice.set(None);
            error.set(None);
            decide.dispatch(None);
        }
    };
    let on_reject = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        notice.set(None);
        error.set(None);
        let text = reason.get_untracked().trim().to_string();
        if text.is_empty() {
            reason_error.set(Some(i18n.t().hours.reason_required.into()));
            browser::focus_element("reject-reason");
            return;
        }
        decide.dispatch(Some(text));
    };
    let session = use_session();
    let own_week = move || {
        let me = session.me();
        sheet.with(|s| s.as_ref().zip(me).is_some_and(|(s, me)| s.summary.worker_id == me.id))
    };

    let decision = move || {
        let s = sheet.get()?;
        if !s.may.decide {
            return own_week().then(|| view! { <p class="notice">{i18n.t().hours.own_week}</p> }.into_any());
        }
        Some(view! {
            <section class="card section-card decision" aria-labelledby="decision-heading" data-testid="decision">
                <h2 id="decision-heading" class="visually-hidden">{move || i18n.t().hours.decided}</h2>
                <div class="form-actions">
                    <button type="button" class="button primary" data-testid="approve" aria-disabled=move || pending.get().to_string() on:click=approve>
                        {move || if pending.get() && !rejecting.get() { i18n.t().hours.approving } else { i18n.t().hours.approve }}
                    </button>
                    <button
                        type="button"
                        class="button secondary"
                        data-testid="reject"
                        aria-expanded=move || rejecting.get().to_string()
                        aria-controls="reject-form"
                        on:click=move |_| {
                            rejecting.update(|r| *r = !*r);
                            request_animation_frame(|| browser::focus_element("reject-reason"));
                        }
                    >
                        {move || i18n.t().hours.reject}
                    </button>
                </div>
                <Show when=move || rejecting.get()>
                    <form class="form" id="reject-form" novalidate=true on:submit=on_reject data-testid="reject-form">
                        <div class="field" class:has-error=move || reason_error.with(Option::is_some)>
                            <label for="reject-reason">{move || i18n.t().hours.reject_reason}</label>
                            <textarea
                                id="reject-reason"
                                rows="3"
                                maxlength=MAX_REASON_LEN.to_string()
                                aria-invalid=move || reason_error.with(Option::is_some).to_string()
                                aria-describedby=move || if reason_error.with(Option::is_some) { "reject-hint reject-reason-error" } else { "reject-hint" }
                                prop:value=move || reason.get()
                                on:input=move |ev| {
                                    reason.set(event_target_value(&ev));
                                    reason_error.set(None);
                                }
                            ></textarea>
                            <p class="help-text" id="reject-hint">{move || i18n.t().hours.reject_hint}</p>
                            {move || reason_error.get().map(|e| view! { <p class="field-error" id="reject-reason-error" data-testid="reason-error">{e}</p> })}
                        </div>
                        <div class="form-actions">
                            <button type="submit" class="button danger" data-testid="confirm-reject" aria-disabled=move || pending.get().to_string()>
                                {move || if pending.get() { i18n.t().hours.rejecting } else { i18n.t().hours.reject }}
                            </button>
                            <button type="button" class="button secondary" on:click=move |_| rejecting.set(false)>{move || i18n.t().hours.cancel}</button>
                        </div>
                    </form>
                </Show>
            </section>
        }
        .into_any())
    };

    view! {
        <p><A href=back attr:class="link-back">"‹ " {move || i18n.t().hours.back_to_list}</A></p>
        {move || load_error.get().map(|e| view! { <p class="form-alert is-visible" role="alert">{i18n.t().api_error(&e)}</p> })}
        {move || sheet.get().map(|s| {
            let t = i18n.t();
            let summary = s.summary.clone();
            let week = summary.week;
            let names: Vec<(Option<Uuid>, String)> = s.entries.iter().filter_map(|e| e.client.as_ref().map(|c| (Some(c.id), c.name.clone()))).collect();
            view! {
                <header class="page-header">
                    <h1 data-testid="approval-title">{format!("{} — {}", summary.worker_name, t.hours.week_name(week))}</h1>
                    <p class="lead">{t.hours.week_span(week)}</p>
                </header>
                <section class="card section-card week-status" data-testid="week-status">
                    <div class="week-status-row">
                        <StatusBadge status=summary.status late=summary.late />
                        <span>{format!("{}: {}", t.hours.deadline, time::date_time(summary.deadline_at, i18n.locale()))}</span>
                        {summary.signed_at.map(|a| view! { <span>{format!("{}: {}", t.hours.signed_at, time::date_time(a, i18n.locale()))}</span> })}
                    </div>
                    <p>
                        <strong data-testid="week-total">{format_minutes(s.totals.week)}</strong>
                        {summary.contract_minutes.map(|c| format!(" — {}", t.hours.of_contract(&format_minutes(s.totals.week), &format_minutes(c))))}
                    </p>
                    {summary.rejection_reason.clone().filter(|_| summary.status == WeekStatus::Rejected).map(|r| view! {
                        <p class="rejection"><strong>{format!("{}: ", t.hours.reason_label)}</strong><q>{r}</q></p>
                    })}
                    {s.decided_by.clone().zip(s.decided_at).map(|(n, at)| view! {
                        <p class="help-text">{t.hours.decided_by(summary.status, &n, &time::date_time(at, i18n.locale()))}</p>
                    })}
                </section>
                <section class="card section-card" aria-labelledby="lines-heading">
                    <h2 id="lines-heading">{t.hours.lines}</h2>
                    <DayTotals week=week totals=s.totals.clone() />
                    <EntriesTable entries=s.entries.clone() hour_types=hour_types />
                    <h3>{t.hours.per_client}</h3>
                    <ul class="client-totals">
                        {s.totals.per_client.iter().map(|c| {
                            let name = names.iter().find(|(id, _)| *id == c.client_id).map(|(_, n)| n.clone()).unwrap_or_else(|| t.hours.no_client.into());
                            view! { <li><span class="client-total-name">{name}</span><span class="client-total-minutes">{format_minutes(c.minutes)}</span></li> }
                        }).collect_view()}
                    </ul>
                </section>
            }
        })}
        <SuccessNotice message=notice testid="approval-notice" />
        <ErrorAlert message=error testid="approval-error" />
        {decision}
        {move || sheet.get().map(|s| view! { <History events=s.history /> })}
    }
}
