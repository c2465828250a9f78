//! A week read, not edited: its lines as a table, its totals per day and its
//! history. For approvers, planners and the worker's closed weeks.

use leptos::prelude::*;
use shared::hours::{Entry, EntrySource, HourType, IsoWeek, WeekEvent, WeekTotals, format_minutes};

use super::lines::hour_type_name;
use crate::i18n::use_i18n;
use crate::time;

/// The lines of a week, one row each.
#[component]
pub fn EntriesTable(entries: Vec<Entry>, #[prop(into)] hour_types: Signal<Vec<HourType>>) -> impl IntoView {
    let i18n = use_i18n();
    if entries.is_empty() {
        return view! { <p class="empty-list">{move || i18n.t().hours.no_lines}</p> }.into_any();
    }
    view! {
        <table class="data-table entries-table" data-testid="entries-table">
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t().hours.day_label}</th>
                    <th scope="col">{move || i18n.t().hours.time}</th>
                    <th scope="col">{move || i18n.t().hours.client_label}</th>
                    <th scope="col">{move || i18n.t().hours.hour_type_label}</th>
                    <th scope="col" class="numeric">{move || i18n.t().hours.hours}</th>
                    <th scope="col">{move || i18n.t().hours.note_label}</th>
                </tr>
            </thead>
            <tbody>
                {entries.into_iter().map(|e| {
                    let when = match (e.start, e.end) {
                        (Some(s), Some(t)) => format!("{}–{}", s.format("%H:%M"), t.format("%H:%M")),
                        _ => String::new(),
                    };
                    let brk = e.break_minutes;
                    let client = e.client.as_ref().map(|c| c.name.clone());
                    let code = e.hour_type.clone();
                    let source = e.source;
                    let day = e.day;
                    view! {
                        <tr data-testid="entry-row">
                            <td data-label=move || i18n.t().hours.day_label>{move || i18n.t().hours.day_short(day)}</td>
                            <td data-label=move || i18n.t().hours.time>
                                <div>
                                    {when}
                                    {(brk > 0).then(|| view! { <span class="cell-sub">{move || format!("{}: {brk}", i18n.t().hours.break_label)}</span> })}
                                </div>
                            </td>
                            <td data-label=move || i18n.t().hours.client_label>
                                {move || client.clone().unwrap_or_else(|| i18n.t().hours.no_client.into())}
                            </td>
                            <td data-label=move || i18n.t().hours.hour_type_label>
                                <div class="cell-stack">
                                    <span>{move || hour_type_name(&hour_types.get(), &code, i18n.locale())}</span>
                                    {(source == EntrySource::Planning).then(|| view! { <span class="badge badge-pending">{move || i18n.t().hours.planned_badge}</span> })}
                                    {(source == EntrySource::Correction).then(|| view! { <span class="badge badge-muted">{move || i18n.t().hours.correction_badge}</span> })}
                                </div>
                            </td>
                            <td data-label=move || i18n.t().hours.hours class="numeric">{format_minutes(e.minutes)}</td>
                            <td data-label=move || i18n.t().hours.note_label>{e.note.clone().unwrap_or_default()}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// Minutes per day as a row of seven, optionally next to a proposal.
#[component]
pub fn DayTotals(
    week: IsoWeek,
    totals: WeekTotals,
    /// A proposed change to compare with (correction requests).
    #[prop(optional)]
    proposed: Option<[i32; 7]>,
) -> impl IntoView {
    let i18n = use_i18n();
    let days = week.days();
    view! {
        <table class="day-totals" data-testid="day-totals">
            <thead>
                <tr>
                    <td></td>
                    {days.iter().enumerate().map(|(i, _)| view! { <th scope="col">{move || i18n.t().hours.weekday_short(i)}</th> }).collect_view()}
                    <th scope="col">{move || i18n.t().hours.week_total}</th>
                </tr>
            </thead>
            <tbody>
                <tr>
                    <th scope="row">{move || if proposed.is_some() { i18n.t().hours.current } else { i18n.t().hours.hours }}</th>
                    {totals.per_day.iter().map(|m| view! { <td>{format_minutes(*m)}</td> }).collect_view()}
                    <td><strong>{format_minutes(totals.week)}</strong></td>
                </tr>
                {proposed.map(|p| {
                    let sum: i32 = p.iter().sum();
                    view! {
                        <tr class="proposed-row">
                            <th scope="row">{move || i18n.t().hours.proposed}</th>
                            {p.iter().zip(totals.per_day).map(|(m, now)| view! {
                                <td class:changed=*m != now>{format_minutes(*m)}</td>
                            }).collect_view()}
                            <td><strong data-testid="proposed-total">{format_minutes(sum)}</strong></td>
                        </tr>
                    }
                })}
            </tbody>
        </table>
    }
}

/// What happened to a week, oldest first.
#[component]
pub fn History(events: Vec<WeekEvent>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card section-card" aria-labelledby="history-heading" data-testid="history">
            <h2 id="history-heading">{move || i18n.t().hours.history}</h2>
            {if events.is_empty() {
                view! { <p class="empty-list">{move || i18n.t().hours.no_history}</p> }.into_any()
            } else {
                view! {
                    <ol class="history">
                        {events.into_iter().map(|e| {
                            let at = e.at;
                            let action = e.action.clone();
                            let actor = e.actor_name.clone();
                            view! {
                                <li data-testid="history-event" data-action=e.action.clone()>
                                    <time datetime=time::iso(at)>{move || time::date_time(at, i18n.locale())}</time>
                                    <span class="history-what">{move || i18n.t().hours.event(&action)}</span>
                                    <span class="history-who">{move || actor.clone().unwrap_or_else(|| i18n.t().hours.system.into())}</span>
                                    {e.reason.clone().map(|r| view! { <q class="history-reason">{r}</q> })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }
                .into_any()
            }}
        </section>
    }
}
