//! `/uren` and `/uren/week/2026-W47`: the worker's week. Enter or confirm the
//! lines, see the totals against contract hours, save, and sign before the
//! deadline; after it (or after signing) ask the planner for a correction.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::error::ErrorKind;
use shared::hours::{EntryInput, HourType, IsoWeek, MAX_REASON_LEN, Timesheet, WeekStatus, format_minutes};

use super::lines::{
    Line, LinesEditor, Problem, TotalsPanel, general_problems, local_problems, server_problems,
};
use super::view::History;
use super::{Countdown, StatusBadge, current_week, week_href};
use crate::api::{self, ApiError};
use crate::browser;
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::components::page_title::use_page_title;
use crate::i18n::use_i18n;
use crate::pages::not_found::NotFoundContent;
use crate::time;

/// The week in the path, or this week at `/uren`; `None` for a path that is no week.
fn week_from(param: Option<String>) -> Option<IsoWeek> {
    match param {
        Some(w) => w.parse().ok(),
        None => Some(current_week()),
    }
}

#[component]
pub fn WeekPage() -> impl IntoView {
    let params = use_params_map();
    let week = Memo::new(move |_| week_from(params.with(|p| p.get("week"))));
    move || match week.get() {
        Some(week) => view! { <WeekScreen week=week /> }.into_any(),
        None => view! { <NotFoundContent /> }.into_any(),
    }
}

/// The organisation's kinds of hours, fetched once per page.
pub fn use_hour_types() -> Signal<Vec<HourType>> {
    let types = LocalResource::new(api::hour_types);
    Signal::derive(move || types.get().and_then(Result::ok).unwrap_or_default())
}

fn lines_of(sheet: &Timesheet) -> Vec<Line> {
    sheet.entries.iter().map(Line::from_entry).collect()
}

/// The problems to show: the shared rules' (all of them once a save was
/// tried), then the server's for lines still on screen.
fn use_problems(
    week: IsoWeek,
    lines: RwSignal<Vec<Line>>,
    judged: RwSignal<bool>,
    server: RwSignal<Vec<Problem>>,
) -> Memo<Vec<Problem>> {
    let i18n = use_i18n();
    Memo::new(move |_| {
        let t = i18n.t();
        let mut all = lines.with(|ls| local_problems(week, ls, t, judged.get()));
        lines.with(|ls| {
            server.with(|s| {
                for p in s {
                    if ls.iter().any(|l| l.key == p.key)
                        && !all.iter().any(|a| a.key == p.key && a.field == p.field)
                    {
                        all.push(p.clone());
                    }
                }
            })
        });
        all
    })
}

/// Moves to the first line with a problem: selects it and focuses its field.
fn show_first_problem(id: &'static str, problems: &[Problem], selected: RwSignal<Option<u32>>) {
    let Some(first) = problems.first() else { return };
    selected.set(Some(first.key));
    let field = match first.field.as_str() {
        "start" => "start",
        "end" => "end",
        "break_minutes" => "break",
        "minutes" => "duration",
        "hour_type" => "type",
        "client_id" | "client" => "client",
        "note" => "note",
        _ => "day",
    };
    let target = format!("{id}-{field}");
    request_animation_frame(move || browser::focus_element(&target));
}

#[component]
fn WeekScreen(week: IsoWeek) -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move |t| format!("{} – {}", t.hours.week_name(week), t.nav_hours));
    let hour_types = use_hour_types();

    let sheet = RwSignal::new(None::<Timesheet>);
    let load_error = RwSignal::new(None::<ApiError>);
    let lines = RwSignal::new(Vec::<Line>::new());
    let selected = RwSignal::new(None::<u32>);
    let dirty = RwSignal::new(false);
    let judged = RwSignal::new(false);
    let server = RwSignal::new(Vec::<Problem>::new());
    let general = RwSignal::new(Vec::<String>::new());
    let stale = RwSignal::new(false);
    let notice = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let problems = use_problems(week, lines, judged, server);

    // Shows a sheet from the server; its lines replace the screen's unless the
    // person's own lines must be kept (after someone else's change).
    let show = move |s: Timesheet, keep_lines: bool| {
        if !keep_lines {
            lines.set(lines_of(&s));
            selected.set(None);
            dirty.set(false);
            judged.set(false);
            server.set(Vec::new());
            general.set(Vec::new());
        }
        sheet.set(Some(s));
    };
    let load = move |keep_lines: bool| {
        spawn_local(async move {
            match api::my_week(week).await {
                Ok(s) => {
                    load_error.set(None);
                    show(s, keep_lines);
                }
                Err(e) => load_error.set(Some(e)),
            }
        });
    };
    load(false);

    let may = Memo::new(move |_| sheet.with(|s| s.as_ref().map(|s| s.may).unwrap_or_default()));
    let editable = Signal::derive(move || may.get().edit);

    // A refused change: someone else's newer version (409), the rules (422), or the rest.
    let refused = move |e: ApiError, sent: Vec<u32>| {
        let t = i18n.t();
        match e.kind() {
            // Someone else saved a newer version: keep the person's lines to apply again.
            Some(ErrorKind::Conflict) if e.field_code("version") == Some("stale") => {
                stale.set(true);
                load(true);
                request_animation_frame(|| browser::focus_element("week-stale"));
            }
            // Signed or locked in the meantime: show the week as it now is.
            Some(ErrorKind::Conflict) => {
                error.set(Some(t.hours.changed_state.into()));
                load(false);
            }
            Some(ErrorKind::Validation) => {
                let found = server_problems(&e, &sent, t);
                general.set(general_problems(&e, t));
                error.set(Some(t.error_kind(ErrorKind::Validation).into()));
                show_first_problem("week", &found, selected);
                server.set(found);
            }
            _ => error.set(Some(t.api_error(&e))),
        }
    };

    // Saves the lines, then signs when asked: what is signed is what was saved.
    let save = Action::new_local(move |sign: &bool| {
        let sign = *sign;
        async move {
            let t = i18n.t();
            let Some(version) = sheet.with_untracked(|s| s.as_ref().map(|s| s.version)) else { return };
            let mut version = version;
            if dirty.get_untracked() || !sign {
                let (keys, inputs): (Vec<u32>, Vec<EntryInput>) =
                    lines.with_untracked(|ls| ls.iter().map(|l| (l.key, l.to_input())).unzip());
                match api::save_week(week, version, inputs).await {
                    Ok(s) => {
                        stale.set(false);
                        version = s.version;
                        show(s, false);
                        if !sign {
                            notice.set(Some(t.hours.saved.into()));
                            request_animation_frame(|| browser::focus_element("week-notice"));
                            return;
                        }
                    }
                    Err(e) => return refused(e, keys),
                }
            }
            match api::sign_week(week, version).await {
                Ok(s) => {
                    stale.set(false);
                    show(s, false);
                    notice.set(Some(t.hours.signed.into()));
                    request_animation_frame(|| browser::focus_element("week-notice"));
                }
                Err(e) => refused(e, Vec::new()),
            }
        }
    });
    let pending = save.pending();
    let submit = move |sign: bool| {
        if pending.get_untracked() {
            return;
        }
        notice.set(None);
        error.set(None);
        judged.set(true);
        let now = problems.get_untracked();
        if !now.is_empty() {
            error.set(Some(i18n.t().error_kind(ErrorKind::Validation).into()));
            show_first_problem("week", &now, selected);
            return;
        }
        save.dispatch(sign);
    };

    let on_edit = Callback::new(move |_| {
        dirty.set(true);
        notice.set(None);
    });

    let status_card = move || {
        sheet.get().map(|s| {
            let t = i18n.t();
            let summary = s.summary.clone();
            let deadline = summary.deadline_at;
            let status = summary.status;
            let body = match status {
                WeekStatus::Open if !s.may.edit => Some(t.hours.locked_body),
                WeekStatus::Submitted => Some(t.hours.submitted_body),
                WeekStatus::Approved => Some(t.hours.approved_body),
                WeekStatus::Processed => Some(t.hours.processed_body),
                _ => None,
            };
            let locked = status == WeekStatus::Open && !s.may.edit;
            view! {
                <section class="card section-card week-status" data-testid="week-status" aria-labelledby="week-status-heading">
                    <h2 id="week-status-heading" class="visually-hidden">{t.hours.status_label}</h2>
                    <div class="week-status-row">
                        <StatusBadge status=status late=summary.late />
                        {matches!(status, WeekStatus::Open | WeekStatus::Rejected).then(|| view! {
                            <span class="deadline">
                                <span class="deadline-label">{format!("{}: ", t.hours.deadline)}</span>
                                <time datetime=time::iso(deadline) data-testid="deadline">{time::date_time(deadline, i18n.locale())}</time>
                                " · "
                                <Countdown deadline=deadline />
                            </span>
                        })}
                        {summary.signed_at.map(|at| view! {
                            <span class="help-text">{format!("{}: {}", t.hours.signed_at, time::date_time(at, i18n.locale()))}</span>
                        })}
                    </div>
                    {locked.then(|| view! { <h3 data-testid="locked">{t.hours.locked_heading}</h3> })}
                    {body.map(|b| view! { <p>{b}</p> })}
                    {s.decided_by.clone().zip(s.decided_at).filter(|_| matches!(status, WeekStatus::Approved | WeekStatus::Processed)).map(|(name, at)| view! {
                        <p class="help-text">{t.hours.decided_by(status, &name, &time::date_time(at, i18n.locale()))}</p>
                    })}
                    {summary.rejection_reason.clone().filter(|_| status == WeekStatus::Rejected).map(|reason| view! {
                        <div class="rejection" data-testid="rejection">
                            <strong>{t.hours.rejected_heading}</strong>
                            <p><span class="visually-hidden">{format!("{}: ", t.hours.reason_label)}</span><q data-testid="rejection-reason">{reason}</q></p>
                        </div>
                    })}
                </section>
            }
        })
    };

    let problem_list = move || {
        let list = problems.get();
        let extra = general.get();
        if !judged.get() || (list.is_empty() && extra.is_empty()) {
            return None;
        }
        let t = i18n.t();
        let order: Vec<u32> = lines.with(|ls| ls.iter().map(|l| l.key).collect());
        Some(view! {
            <section class="problem-list" aria-labelledby="problems-heading" data-testid="problems">
                <h2 id="problems-heading">{t.hours.problems_heading}</h2>
                <ul>
                    {extra.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                    {list.into_iter().map(|p| {
                        let (n, day) = lines.with(|ls| {
                            let n = order.iter().position(|k| *k == p.key).unwrap_or(0) + 1;
                            (n, ls.iter().find(|l| l.key == p.key).map(|l| l.day))
                        });
                        let label = day.map(|d| t.hours.line_ref(n, d)).unwrap_or_default();
                        let key = p.key;
                        view! {
                            <li>
                                <button type="button" class="link-button" on:click=move |_| selected.set(Some(key))>{label}</button>
                                {format!(" — {}: {}", t.hours.field(&p.field), p.text)}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })
    };

    let actions = move || {
        let m = may.get();
        (m.edit || m.sign).then(|| {
            view! {
                <div class="week-actions">
                    <Show when=move || dirty.get()>
                        <span class="badge badge-pending" data-testid="unsaved">{move || i18n.t().hours.unsaved}</span>
                    </Show>
                    {m.edit.then(|| view! {
                        <button type="button" class="button secondary" data-testid="save-week" aria-disabled=move || pending.get().to_string() on:click=move |_| submit(false)>
                            {move || if pending.get() { i18n.t().hours.saving } else { i18n.t().hours.save }}
                        </button>
                    })}
                    {m.sign.then(|| view! {
                        <button type="button" class="button primary" data-testid="sign-week" aria-describedby="sign-hint" aria-disabled=move || pending.get().to_string() on:click=move |_| submit(true)>
                            {move || if pending.get() { i18n.t().hours.signing } else { i18n.t().hours.sign }}
                        </button>
                        <p class="help-text sign-hint" id="sign-hint">{move || i18n.t().hours.sign_hint}</p>
                    })}
                </div>
            }
        })
    };

    let correction = move || {
        let s = sheet.get()?;
        if s.may.edit {
            return None;
        }
        if let Some(pending) = s.pending_correction.clone() {
            let t = i18n.t();
            return Some(view! {
                <section class="card section-card" aria-labelledby="correction-heading" data-testid="correction-pending">
                    <h2 id="correction-heading">{t.hours.correction_pending_heading}</h2>
                    <p>
                        <span class="badge badge-pending" data-testid="correction-status">{t.hours.correction_status(pending.status)}</span>
                        " "
                        {t.hours.correction_pending(&time::date_time(pending.requested_at, i18n.locale()))}
                    </p>
                    <p>{format!("{}: {} → {}", t.hours.week_total, format_minutes(pending.minutes_before), format_minutes(pending.minutes_after))}</p>
                    <p><span class="help-text">{format!("{}: ", t.hours.reason_label)}</span><q>{pending.reason.clone()}</q></p>
                </section>
            }
            .into_any());
        }
        s.may.request_correction.then(|| {
            view! { <CorrectionForm week=week sheet=s hour_types=hour_types on_sent=Callback::new(move |_| load(false)) notice=notice /> }
                .into_any()
        })
    };

    view! {
        <header class="page-header week-header">
            <h1 data-testid="week-title">{move || i18n.t().hours.week_name(week)}</h1>
            <p class="lead">{move || i18n.t().hours.week_span(week)}</p>
            <nav class="week-nav" aria-label=move || i18n.t().hours.week_navigation>
                <A href=week_href(week.previous()) attr:class="button secondary small" attr:data-testid="previous-week">
                    "‹ " {move || i18n.t().hours.previous_week}
                </A>
                <A href=week_href(current_week()) attr:class="button subtle small" attr:data-testid="this-week">{move || i18n.t().hours.this_week}</A>
                <A href=week_href(week.next()) attr:class="button secondary small" attr:data-testid="next-week">
                    {move || i18n.t().hours.next_week} " ›"
                </A>
            </nav>
        </header>
        {move || load_error.get().map(|e| {
            let t = i18n.t();
            let text = match e.field_code("week") {
                Some("too_far_ahead") => t.hours.too_far_ahead.to_string(),
                _ => t.api_error(&e),
            };
            view! { <p class="form-alert is-visible" role="alert" data-testid="week-load-error">{text}</p> }
        })}
        {status_card}
        <SuccessNotice message=notice testid="week-notice" />
        <ErrorAlert message=error testid="week-error" />
        <div class="stale-alert" class:is-visible=move || stale.get() role="alert" id="week-stale" tabindex="-1" data-testid="week-stale">
            <Show when=move || stale.get()>
                <p>{move || i18n.t().hours.stale}</p>
                <div class="form-actions">
                    <button type="button" class="button primary small" data-testid="reapply" on:click=move |_| submit(false)>
                        {move || i18n.t().hours.reapply}
                    </button>
                    <button type="button" class="button secondary small" data-testid="discard" on:click=move |_| {
                        stale.set(false);
                        if let Some(s) = sheet.get_untracked() {
                            show(s, false);
                        }
                    }>
                        {move || i18n.t().hours.discard}
                    </button>
                </div>
            </Show>
        </div>
        {problem_list}
        <Show when=move || sheet.with(Option::is_some)>
            <section class="card section-card week-lines" aria-labelledby="lines-heading">
                <h2 id="lines-heading" class="visually-hidden">{move || i18n.t().hours.lines}</h2>
                <Show when=move || editable.get() && hour_types.with(Vec::is_empty)>
                    <p class="help-text">{move || i18n.t().hours.no_hour_types}</p>
                </Show>
                <LinesEditor
                    id="week"
                    week=week
                    lines=lines
                    editable=editable
                    problems=problems
                    hour_types=hour_types
                    selected=selected
                    on_edit=on_edit
                />
                {actions}
            </section>
            <TotalsPanel id="week" week=week lines=lines contract_minutes=Signal::derive(move || sheet.with(|s| s.as_ref().and_then(|s| s.summary.contract_minutes))) />
            {correction}
            {move || sheet.get().map(|s| view! { <History events=s.history /> })}
        </Show>
    }
}

/// The request for a correction: the lines as they should be and a reason.
#[component]
fn CorrectionForm(
    week: IsoWeek,
    sheet: Timesheet,
    hour_types: Signal<Vec<HourType>>,
    on_sent: Callback<()>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let lines = RwSignal::new(lines_of(&sheet));
    let selected = RwSignal::new(None::<u32>);
    let judged = RwSignal::new(false);
    let server = RwSignal::new(Vec::<Problem>::new());
    let problems = use_problems(week, lines, judged, server);
    let reason = RwSignal::new(String::new());
    let reason_error = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);

    let send = Action::new_local(move |_: &()| async move {
        let t = i18n.t();
        let (keys, inputs): (Vec<u32>, Vec<EntryInput>) =
            lines.with_untracked(|ls| ls.iter().map(|l| (l.key, l.to_input())).unzip());
        match api::request_correction(week, reason.get_untracked().trim().to_string(), inputs).await {
            Ok(_) => {
                notice.set(Some(t.hours.correction_sent.into()));
                open.set(false);
                on_sent.run(());
                request_animation_frame(|| browser::focus_element("week-notice"));
            }
            Err(e) if e.kind() == Some(ErrorKind::Validation) => {
                let found = server_problems(&e, &keys, t);
                if let Some(code) = e.field_code("reason") {
                    reason_error.set(Some(if code == "required" {
                        t.hours.reason_required.into()
                    } else {
                        t.hours.problem(code)
                    }));
                }
                error.set(Some(t.error_kind(ErrorKind::Validation).into()));
                show_first_problem("correction", &found, selected);
                server.set(found);
            }
            Err(e) => error.set(Some(t.api_error(&e))),
        }
    });
    let pending = send.pending();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let t = i18n.t();
        judged.set(true);
        error.set(None);
        reason_error.set(None);
        let now = problems.get_untracked();
        if !now.is_empty() {
            error.set(Some(t.error_kind(ErrorKind::Validation).into()));
            show_first_problem("correction", &now, selected);
            return;
        }
        if reason.with_untracked(|r| r.trim().is_empty()) {
            reason_error.set(Some(t.hours.reason_required.into()));
            browser::focus_element("correction-reason");
            return;
        }
        send.dispatch(());
    };

    view! {
        <section class="card section-card" aria-labelledby="correction-heading" data-testid="correction">
            <h2 id="correction-heading">{move || i18n.t().hours.correction_heading}</h2>
            <Show
                when=move || open.get()
                fallback=move || view! {
                    <div>
                        <button type="button" class="button primary" data-testid="request-correction" on:click=move |_| {
                            open.set(true);
                            request_animation_frame(|| browser::focus_element("correction-reason"));
                        }>
                            {move || i18n.t().hours.request_correction}
                        </button>
                    </div>
                }
            >
                <p class="section-intro">{move || i18n.t().hours.correction_intro}</p>
                <ErrorAlert message=error testid="correction-error" />
                <form class="form" novalidate=true on:submit=submit data-testid="correction-form">
                    <LinesEditor
                        id="correction"
                        week=week
                        lines=lines
                        editable=true
                        problems=problems
                        hour_types=hour_types
                        selected=selected
                        on_edit=Callback::new(move |_| server.set(Vec::new()))
                    />
                    <TotalsPanel id="correction" week=week lines=lines contract_minutes=Signal::derive(|| None) />
                    <div class="field" class:has-error=move || reason_error.with(Option::is_some)>
                        <label for="correction-reason">{move || i18n.t().hours.correction_reason}</label>
                        <textarea
                            id="correction-reason"
                            rows="3"
                            maxlength=MAX_REASON_LEN.to_string()
                            aria-invalid=move || reason_error.with(Option::is_some).to_string()
                            aria-describedby=move || reason_error.with(Option::is_some).then_some("correction-reason-error")
                            prop:value=move || reason.get()
                            on:input=move |ev| {
                                reason.set(event_target_value(&ev));
                                reason_error.set(None);
                            }
                        ></textarea>
                        {move || reason_error.get().map(|e| view! { <p class="field-error" id="correction-reason-error" data-testid="field-error">{e}</p> })}
                    </div>
                    <div class="form-actions">
                        <button type="submit" class="button primary" data-testid="send-correction" aria-disabled=move || pending.get().to_string()>
                            {move || if pending.get() { i18n.t().hours.sending } else { i18n.t().hours.send_correction }}
                        </button>
                        <button type="button" class="button secondary" on:click=move |_| open.set(false)>{move || i18n.t().hours.cancel}</button>
                    </div>
                </form>
            </Show>
        </section>
    }
}
