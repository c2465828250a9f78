//! The poortwachter timeline of a case: every activity with its due date (or
//! window), owner and state, done marks given and taken back, activities the
//! arbodienst adds; and for the employee, what is expected of them and when.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use shared::absence::{AbsenceCase, Activity, ActivityState, NewActivity, Owner};
use shared::error::ErrorKind;
use uuid::Uuid;

use super::StateBadge;
use super::fields::{Input, InputKind, parse_date, show_field_errors};
use crate::api;
use crate::browser;
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::i18n::absence::AbsenceTexts;
use crate::i18n::use_i18n;

/// Whether the employee must act on an activity (alone or with the employer).
pub fn is_employees(owner: Owner) -> bool {
    matches!(owner, Owner::Employee | Owner::EmployerAndEmployee)
}

/// Whether an activity still waits for someone.
pub fn is_pending(state: ActivityState) -> bool {
    matches!(state, ActivityState::Open | ActivityState::Overdue)
}

/// An activity's name in the current language.
pub fn activity_name(t: &AbsenceTexts, a: &Activity) -> String {
    t.activity_name(a.kind, &a.key, a.title.as_deref())
}

/// How many of the employee's next steps the case page lists; the rest are in the timeline.
const EXPECTED_SHOWN: usize = 3;

/// How many steps still to come the timeline shows before "show all".
const UPCOMING_SHOWN: usize = 4;

/// Which activities the compact timeline shows: everything done or overdue, and
/// the first few of the rest; far-away steps (week 104) wait behind "show all".
pub fn compact(activities: &[Activity]) -> Vec<bool> {
    let mut upcoming = 0;
    activities
        .iter()
        .map(|a| match a.state {
            ActivityState::Done | ActivityState::Overdue => true,
            ActivityState::Open | ActivityState::Closed => {
                upcoming += 1;
                upcoming <= UPCOMING_SHOWN
            }
        })
        .collect()
}

/// "Wat er van u verwacht wordt": the employee's next open steps, soonest first.
#[component]
pub fn ExpectedOfYou(case: RwSignal<Option<AbsenceCase>>) -> impl IntoView {
    let i18n = use_i18n();
    let steps = Memo::new(move |_| {
        case.with(|c| {
            c.as_ref()
                .map(|c| {
                    c.activities
                        .iter()
                        .filter(|a| is_employees(a.owner) && is_pending(a.state))
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let later = move || steps.with(|s| s.len().saturating_sub(EXPECTED_SHOWN));
    let a = move || i18n.t().absence;
    view! {
        <section class="card section-card expected-card" aria-labelledby="expected-heading" data-testid="expected-of-you">
            <h2 id="expected-heading">{move || a().expected_heading}</h2>
            <p class="help-text">{move || a().expected_intro}</p>
            <Show when=move || !steps.with(Vec::is_empty) fallback=move || view! { <p class="empty-list">{a().nothing_expected}</p> }>
                <ul class="expected-list">
                    {move || steps.get().into_iter().take(EXPECTED_SHOWN).map(|s| {
                        let t = a();
                        view! {
                            <li data-testid="expected-step" data-key=s.key.clone()>
                                <strong>{activity_name(t, &s)}</strong>
                                <span>{t.due_text(s.window_from, s.due_on)}</span>
                                <span class="cell-sub">{t.owner(s.owner)}</span>
                                <StateBadge state=s.state />
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {move || (later() > 0).then(|| view! { <p class="help-text">{a().later_steps(later())}</p> })}
            </Show>
        </section>
    }
}

/// The timeline of every activity of the case.
#[component]
pub fn Timeline(
    case: RwSignal<Option<AbsenceCase>>,
    own: Signal<bool>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(None::<Uuid>);
    let may = Memo::new(move |_| case.with(|c| c.as_ref().map(|c| c.may).unwrap_or_default()));
    let toggle = Action::new_local(move |(id, done): &(Uuid, bool)| {
        let (id, done) = (*id, *done);
        async move {
            busy.set(Some(id));
            let result =
                if done { api::undo_activity_done(id).await } else { api::mark_activity_done(id).await };
            busy.set(None);
            match result {
                Ok(updated) => {
                    error.set(None);
                    case.update(|c| {
                        if let Some(slot) =
                            c.as_mut().and_then(|c| c.activities.iter_mut().find(|a| a.id == id))
                        {
                            *slot = updated;
                        }
                    });
                    // Undoing replans; the history has a new line either way.
                    reload.run(());
                }
                Err(e) => error.set(Some(i18n.t().api_error(&e))),
            }
        }
    });
    let all = Memo::new(move |_| case.with(|c| c.as_ref().map(|c| c.activities.clone()).unwrap_or_default()));
    let show_all = RwSignal::new(false);
    let hidden = Memo::new(move |_| all.with(|list| compact(list).iter().filter(|shown| !**shown).count()));
    let activities = Memo::new(move |_| {
        all.with(|list| {
            if show_all.get() {
                return list.clone();
            }
            list.iter()
                .zip(compact(list))
                .filter(|(_, shown)| *shown)
                .map(|(a, _)| a.clone())
                .collect::<Vec<_>>()
        })
    });
    let a = move || i18n.t().absence;
    view! {
        <section class="card section-card" aria-labelledby="timeline-heading" data-testid="timeline">
            <div>
                <h2 id="timeline-heading">{move || a().timeline_heading}</h2>
                <p class="help-text">{move || a().timeline_intro}</p>
            </div>
            <ErrorAlert message=error testid="timeline-error" />
            <ol class="activity-timeline">
                <For
                    each=move || activities.get()
                    key=|act| (act.id, act.state, act.due_on, act.done_on)
                    children=move |act| {
                        let id = act.id;
                        let state = act.state;
                        let mine = own.get_untracked() && is_employees(act.owner);
                        let (window_from, due_on, owner, done_on) = (act.window_from, act.due_on, act.owner, act.done_on);
                        let by = act.done_by_name.clone();
                        let key = act.key.clone();
                        view! {
                            <li
                                class=format!("activity-item state-{}", state.as_str())
                                class:is-mine=mine
                                data-testid="activity"
                                data-key=key
                                data-state=state.as_str()
                            >
                                <span class="activity-dot" aria-hidden="true"></span>
                                <div class="activity-body">
                                    <div class="activity-head">
                                        <strong class="activity-name">{move || activity_name(a(), &act)}</strong>
                                        <StateBadge state=state />
                                        {mine.then(|| view! { <span class="badge badge-pending">{move || a().yours_badge}</span> })}
                                    </div>
                                    <p class="activity-meta">
                                        <span>{move || a().due_text(window_from, due_on)}</span>
                                        <span>{move || format!("{}: {}", a().owner_label, a().owner(owner))}</span>
                                    </p>
                                    {(state == ActivityState::Done).then(|| view! {
                                        <p class="help-text">{move || a().done_by(done_on, by.as_deref())}</p>
                                    })}
                                    {move || may.get().mark_done.then(|| {
                                        let done = state == ActivityState::Done;
                                        (done || is_pending(state)).then(|| view! {
                                            <button
                                                type="button"
                                                class=if done { "button subtle small" } else { "button secondary small" }
                                                data-testid=if done { "undo-done" } else { "mark-done" }
                                                aria-disabled=move || (busy.get() == Some(id)).to_string()
                                                on:click=move |_| {
                                                    if busy.get_untracked().is_none() {
                                                        toggle.dispatch((id, done));
                                                    }
                                                }
                                            >
                                                {move || if done { a().undo_done } else { a().mark_done }}
                                            </button>
                                        })
                                    })}
                                </div>
                            </li>
                        }
                    }
                />
            </ol>
            <Show when=move || { hidden.get() > 0 }>
                <button
                    type="button"
                    class="link-button"
                    data-testid="timeline-show-all"
                    aria-expanded=move || show_all.get().to_string()
                    on:click=move |_| show_all.update(|s| *s = !*s)
                >
                    {move || if show_all.get() { a().show_fewer_steps.to_string() } else { a().show_all_steps(all.with(Vec::len)) }}
                </button>
            </Show>
            {move || may.get().add_activity.then(|| view! { <AddActivity case=case reload=reload /> })}
        </section>
    }
}

/// The arbodienst adds an activity: what, by when, who.
#[component]
fn AddActivity(case: RwSignal<Option<AbsenceCase>>, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let title = RwSignal::new(String::new());
    let title_error = RwSignal::new(None::<String>);
    let due = RwSignal::new(String::new());
    let due_error = RwSignal::new(None::<String>);
    let owner = RwSignal::new(Owner::CaseManager);
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let send = Action::new_local(move |activity: &NewActivity| {
        let activity = activity.clone();
        async move {
            let Some(id) = case.with_untracked(|c| c.as_ref().map(|c| c.id)) else { return };
            let t = i18n.t();
            match api::add_absence_activity(id, &activity).await {
                Ok(_) => {
                    title.set(String::new());
                    due.set(String::new());
                    notice.set(Some(t.absence.activity_added.into()));
                    reload.run(());
                }
                Err(e) => {
                    if show_field_errors(&e, t.absence, &[("title", title_error), ("due_on", due_error)]) {
                        browser::focus_element(if title_error.with_untracked(Option::is_some) {
                            "activity-title"
                        } else {
                            "activity-due"
                        });
                        if e.kind() != Some(ErrorKind::Validation) {
                            error.set(Some(t.api_error(&e)));
                        }
                    } else {
                        error.set(Some(t.api_error(&e)));
                    }
                }
            }
        }
    });
    let pending = send.pending();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        error.set(None);
        notice.set(None);
        let t = i18n.t().absence;
        let text = title.get_untracked().trim().to_string();
        if text.is_empty() {
            title_error.set(Some(t.problem("title", "required")));
        }
        let date = parse_date(&due.get_untracked());
        if date.is_none() {
            due_error.set(Some(t.problem("due_on", "invalid_date")));
        }
        match (text.is_empty(), date) {
            (false, Some(due_on)) => {
                send.dispatch(NewActivity { title: text, due_on, owner: owner.get_untracked() });
            }
            (true, _) => browser::focus_element("activity-title"),
            _ => browser::focus_element("activity-due"),
        }
    };
    let a = move || i18n.t().absence;
    view! {
        <details class="add-activity" data-testid="add-activity">
            <summary class="button secondary small">{move || a().add_activity_heading}</summary>
            <form class="form" novalidate=true on:submit=on_submit>
                <Input
                    id="activity-title"
                    label=Signal::derive(move || a().activity_title.to_string())
                    value=title
                    error=title_error
                    privacy=true
                />
                <div class="form-grid">
                    <Input
                        id="activity-due"
                        label=Signal::derive(move || a().activity_due.to_string())
                        value=due
                        error=due_error
                        kind=InputKind::Date
                    />
                    <div class="field">
                        <label for="activity-owner">{move || a().owner_label}</label>
                        <select
                            id="activity-owner"
                            data-testid="activity-owner"
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                if let Some(o) = AbsenceTexts::OWNERS.into_iter().find(|o| o.as_str() == v) {
                                    owner.set(o);
                                }
                            }
                        >
                            {AbsenceTexts::OWNERS.into_iter().map(|o| view! {
                                <option value=o.as_str() selected=move || owner.get() == o>{move || a().owner(o)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <ErrorAlert message=error testid="add-activity-error" />
                <SuccessNotice message=notice testid="add-activity-notice" />
                <div class="form-actions">
                    <button type="submit" class="button primary" data-testid="submit-activity" aria-disabled=move || pending.get().to_string()>
                        {move || if pending.get() { a().saving } else { a().add_activity }}
                    </button>
                </div>
            </form>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use shared::absence::{ActivityKind, Owner};
    use uuid::Uuid;

    use super::*;

    fn step(key: &str, state: ActivityState) -> Activity {
        Activity {
            id: Uuid::nil(),
            case_id: Uuid::nil(),
            case_number: "2026-0001".into(),
            employee_name: None,
            key: key.into(),
            kind: Some(ActivityKind::Evaluation),
            title: None,
            owner: Owner::EmployerAndEmployee,
            window_from: None,
            due_on: NaiveDate::MIN,
            state,
            done_on: None,
            done_by_name: None,
        }
    }

    #[test]
    fn the_compact_timeline_keeps_what_matters_now() {
        use ActivityState::*;
        let list: Vec<Activity> = [Done, Overdue, Open, Open, Open, Open, Open, Open, Closed]
            .iter()
            .map(|s| step("x", *s))
            .collect();
        assert_eq!(compact(&list), [true, true, true, true, true, true, false, false, false]);
        // After full recovery the first closed steps stay in view, the rest wait.
        let closed: Vec<Activity> =
            [Done, Closed, Closed, Closed, Closed, Closed].iter().map(|s| step("x", *s)).collect();
        assert_eq!(compact(&closed), [true, true, true, true, true, false]);
    }
}
