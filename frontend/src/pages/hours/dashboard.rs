//! The hours cards on the dashboard: for a worker the week to sign with the
//! countdown to its deadline and the weeks still waiting; for approvers the
//! submitted weeks waiting; for planners the pending corrections.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::auth::Me;
use shared::hours::{CorrectionStatus, WeekStatus, format_minutes, view_of};

use super::{Countdown, StatusBadge, keeps_timesheets, week_href};
use crate::api::{self, WeekFilter};
use crate::components::icon::{Icon, IconName};
use crate::i18n::use_i18n;
use crate::time;

#[component]
pub fn HoursCards(me: Me) -> impl IntoView {
    let view = view_of(me.role);
    let worker = keeps_timesheets(&me);
    // Organisations that do not keep weekly hours in Poort get no hours cards.
    (me.hours_enabled && (worker || view.approves || view.corrects)).then(|| {
        view! {
            <div class="hours-cards">
                {worker.then(|| view! { <DueCard /> })}
                {view.approves.then(|| view! { <WaitingCard /> })}
                {view.corrects.then(|| view! { <CorrectionsCard /> })}
            </div>
        }
    })
}

#[component]
fn DueCard() -> impl IntoView {
    let i18n = use_i18n();
    let due = LocalResource::new(api::hours_due);
    view! {
        <section class="card section-card hours-card" aria-labelledby="due-heading" data-testid="hours-due">
            <h2 id="due-heading"><Icon icon=IconName::Hours />{move || i18n.t().hours.due_heading}</h2>
            {move || due.get().map(|r| match r {
                Err(e) => view! { <p class="field-error">{i18n.t().api_error(&e)}</p> }.into_any(),
                Ok(d) => {
                    let t = i18n.t();
                    let week = d.week;
                    let needs_action = matches!(d.status, WeekStatus::Open | WeekStatus::Rejected);
                    let overdue = d.overdue.clone();
                    view! {
                        <p class="due-week">
                            <strong data-testid="due-week">{t.hours.week_name(week)}</strong>
                            <span class="help-text">{format!(" · {}", t.hours.week_span(week))}</span>
                        </p>
                        <p class="week-status-row">
                            <StatusBadge status=d.status />
                            <span>{format!("{}: {}", t.hours.week_total, format_minutes(d.total_minutes))}</span>
                        </p>
                        {needs_action.then(|| view! {
                            <p>
                                {format!("{}: ", t.hours.deadline)}
                                <time datetime=time::iso(d.deadline_at)>{time::date_time(d.deadline_at, i18n.locale())}</time>
                                <br />
                                <Countdown deadline=d.deadline_at />
                            </p>
                        })}
                        <p>
                            <A href=week_href(week) attr:class=if needs_action { "button primary small" } else { "button secondary small" } attr:data-testid="due-link">
                                {t.hours.go_to_week(week)}
                            </A>
                        </p>
                        {(!overdue.is_empty()).then(move || view! {
                            <div class="overdue" data-testid="overdue">
                                <h3>{t.hours.overdue_heading}</h3>
                                <ul>
                                    {overdue.into_iter().map(|w| view! { <li><A href=week_href(w)>{t.hours.week_name(w)}</A></li> }).collect_view()}
                                </ul>
                            </div>
                        })}
                    }
                    .into_any()
                }
            })}
        </section>
    }
}

#[component]
fn WaitingCard() -> impl IntoView {
    let i18n = use_i18n();
    let waiting = LocalResource::new(|| {
        api::timesheets(WeekFilter { status: Some(WeekStatus::Submitted), ..WeekFilter::default() }, None)
    });
    view! {
        <section class="card section-card hours-card" aria-labelledby="waiting-heading" data-testid="hours-waiting">
            <h2 id="waiting-heading"><Icon icon=IconName::Check />{move || i18n.t().hours.waiting_heading}</h2>
            {move || waiting.get().map(|r| match r {
                Ok(page) => view! {
                    <p data-testid="waiting-count">{i18n.t().hours.waiting_count(page.items.len(), page.next_cursor.is_some())}</p>
                }.into_any(),
                Err(e) => view! { <p class="field-error">{i18n.t().api_error(&e)}</p> }.into_any(),
            })}
            <p><A href="/uren/goedkeuren" attr:class="button secondary small">{move || i18n.t().hours.go_approve}</A></p>
        </section>
    }
}

#[component]
fn CorrectionsCard() -> impl IntoView {
    let i18n = use_i18n();
    let pending = LocalResource::new(|| api::corrections(CorrectionStatus::Pending, None));
    view! {
        <section class="card section-card hours-card" aria-labelledby="corrections-waiting-heading" data-testid="hours-corrections">
            <h2 id="corrections-waiting-heading"><Icon icon=IconName::Documents />{move || i18n.t().hours.corrections_waiting_heading}</h2>
            {move || pending.get().map(|r| match r {
                Ok(page) => view! {
                    <p data-testid="corrections-count">{i18n.t().hours.corrections_count(page.items.len(), page.next_cursor.is_some())}</p>
                }.into_any(),
                Err(e) => view! { <p class="field-error">{i18n.t().api_error(&e)}</p> }.into_any(),
            })}
            <p><A href="/uren/correcties" attr:class="button secondary small">{move || i18n.t().hours.go_corrections}</A></p>
        </section>
    }
}
