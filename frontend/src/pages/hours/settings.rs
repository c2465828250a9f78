//! `/beheer/uren`: when weeks must be signed and when reminders go out. A
//! moment is a weekday relative to the week plus a time in Dutch time
//! (`Moment { day_offset, time }`); the shared rules check the choice as it
//! is made, the same rules the server applies.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use shared::hours::{HoursSettings, MAX_DAY_OFFSET, Moment};

use super::lines::parse_time;
use crate::api::{self, ApiError};
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::components::page_title::use_page_title;
use crate::i18n::use_i18n;
use crate::session::use_session;

/// Most reminders the rules allow.
const MAX_REMINDERS: usize = 5;

#[component]
pub fn HoursSettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.hours.settings_title.into());
    let settings = LocalResource::new(api::hours_settings);
    view! {
        <header class="page-header">
            <h1>{move || i18n.t().hours.settings_title}</h1>
            <p class="lead">{move || i18n.t().hours.settings_intro}</p>
        </header>
        {move || settings.get().map(|result| match result {
            Ok(s) => view! { <SettingsForm initial=s /> }.into_any(),
            Err(e) => view! { <p class="field-error">{i18n.t().api_error(&e)}</p> }.into_any(),
        })}
    }
}

/// A moment as typed: day offset and "HH:MM".
#[derive(Debug, Clone, PartialEq)]
struct MomentInput {
    key: u32,
    day_offset: u8,
    time: String,
}

impl MomentInput {
    fn from(m: Moment) -> Self {
        Self {
            key: super::lines::next_key(),
            day_offset: m.day_offset,
            time: m.time.format("%H:%M").to_string(),
        }
    }

    fn parsed(&self) -> Option<Moment> {
        Some(Moment { day_offset: self.day_offset, time: parse_time(&self.time)? })
    }
}

#[component]
fn SettingsForm(initial: HoursSettings) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let enabled = RwSignal::new(initial.enabled);
    let deadline = RwSignal::new(MomentInput::from(initial.deadline));
    let reminders =
        RwSignal::new(initial.reminders.iter().copied().map(MomentInput::from).collect::<Vec<_>>());
    let server_error = RwSignal::new(None::<ApiError>);
    let notice = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);

    let current = Memo::new(move |_| {
        Some(HoursSettings {
            enabled: enabled.get(),
            deadline: deadline.with(MomentInput::parsed)?,
            reminders: reminders.with(|rs| rs.iter().map(MomentInput::parsed).collect::<Option<Vec<_>>>())?,
        })
    });
    // The shared rules on what is on screen, then what the server said.
    let problem = move |field: &'static str| {
        Signal::derive(move || {
            let t = i18n.t();
            let unreadable = match field {
                "deadline" => deadline.with(|m| m.parsed().is_none()),
                _ => reminders.with(|rs| rs.iter().any(|r| r.parsed().is_none())),
            };
            if unreadable {
                return Some(t.hours.problem("invalid_time"));
            }
            let local = current
                .get()
                .and_then(|s| s.problems().into_iter().find(|(f, _)| *f == field))
                .map(|(_, p)| t.hours.settings_problem(p.code()));
            local.or_else(|| {
                server_error.with(|e| e.as_ref()?.field_code(field).map(|c| t.hours.settings_problem(c)))
            })
        })
    };
    let deadline_problem = problem("deadline");
    let reminders_problem = problem("reminders");

    let save = Action::new_local(move |s: &HoursSettings| {
        let s = s.clone();
        async move {
            let t = i18n.t();
            match api::save_hours_settings(&s).await {
                Ok(saved) => {
                    deadline.set(MomentInput::from(saved.deadline));
                    reminders.set(saved.reminders.iter().copied().map(MomentInput::from).collect());
                    enabled.set(saved.enabled);
                    // The menu shows Uren only while hours are on: follow the change at once.
                    if let Some(me) = untrack(|| session.me())
                        && me.hours_enabled != saved.enabled
                    {
                        session.update(shared::auth::Me { hours_enabled: saved.enabled, ..me });
                    }
                    notice.set(Some(t.hours.settings_saved.into()));
                }
                Err(e) => {
                    error.set(Some(t.api_error(&e)));
                    server_error.set(Some(e));
                }
            }
        }
    });
    let pending = save.pending();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        notice.set(None);
        error.set(None);
        server_error.set(None);
        match current.get_untracked() {
            Some(s) if s.problems().is_empty() => {
                save.dispatch(s);
            }
            _ => error.set(Some(i18n.t().error_kind(shared::error::ErrorKind::Validation).into())),
        }
    };

    let day_options = move |range: std::ops::RangeInclusive<u8>, chosen: Signal<u8>| {
        range
            .map(|d| view! { <option value=d.to_string() selected=move || chosen.get() == d>{move || i18n.t().hours.offset_day(d)}</option> })
            .collect_view()
    };

    view! {
        <section class="card section-card">
            <ErrorAlert message=error testid="hours-settings-error" />
            <SuccessNotice message=notice testid="hours-settings-notice" />
            <form class="form" novalidate=true on:submit=on_submit data-testid="hours-settings-form">
                <label class="checkbox">
                    <input type="checkbox" data-testid="hours-enabled" prop:checked=move || enabled.get() on:change=move |ev| enabled.set(event_target_checked(&ev)) />
                    <span>{move || i18n.t().hours.enabled}</span>
                </label>
                <fieldset class="field" class:has-error=move || deadline_problem.with(Option::is_some)>
                    <legend>{move || i18n.t().hours.deadline_legend}</legend>
                    <p class="help-text">{move || i18n.t().hours.deadline_hint}</p>
                    <div class="field-row">
                        <div class="field">
                            <label for="deadline-day">{move || i18n.t().hours.day_label}</label>
                            <select id="deadline-day" on:change=move |ev| {
                                if let Ok(d) = event_target_value(&ev).parse::<u8>() {
                                    deadline.update(|m| m.day_offset = d);
                                }
                            }>
                                {day_options(7..=MAX_DAY_OFFSET, Signal::derive(move || deadline.with(|m| m.day_offset)))}
                            </select>
                        </div>
                        <div class="field">
                            <label for="deadline-time">{move || i18n.t().hours.time}</label>
                            <input id="deadline-time" type="time" prop:value=move || deadline.with(|m| m.time.clone())
                                on:input=move |ev| { let v = event_target_value(&ev); deadline.update(|m| m.time = v); } />
                        </div>
                    </div>
                    {move || deadline_problem.get().map(|p| view! { <p class="field-error" data-testid="deadline-error">{p}</p> })}
                </fieldset>
                <fieldset class="field" class:has-error=move || reminders_problem.with(Option::is_some)>
                    <legend>{move || i18n.t().hours.reminders_legend}</legend>
                    <p class="help-text">{move || i18n.t().hours.reminders_hint}</p>
                    <Show when=move || reminders.with(Vec::is_empty)>
                        <p class="empty-list">{move || i18n.t().hours.no_reminders}</p>
                    </Show>
                    <For
                        each=move || reminders.get()
                        key=|r| r.key
                        children=move |r| {
                            let key = r.key;
                            let day_id = format!("reminder-day-{key}");
                            let time_id = format!("reminder-time-{key}");
                            let chosen = Signal::derive(move || reminders.with(|rs| rs.iter().find(|x| x.key == key).map(|x| x.day_offset).unwrap_or(0)));
                            view! {
                                <div class="field-row reminder-row" data-testid="reminder">
                                    <div class="field">
                                        <label for=day_id.clone()>{move || i18n.t().hours.day_label}</label>
                                        <select id=day_id.clone() on:change=move |ev| {
                                            if let Ok(d) = event_target_value(&ev).parse::<u8>() {
                                                reminders.update(|rs| if let Some(x) = rs.iter_mut().find(|x| x.key == key) { x.day_offset = d; });
                                            }
                                        }>
                                            {day_options(0..=MAX_DAY_OFFSET, chosen)}
                                        </select>
                                    </div>
                                    <div class="field">
                                        <label for=time_id.clone()>{move || i18n.t().hours.time}</label>
                                        <input id=time_id.clone() type="time"
                                            prop:value=move || reminders.with(|rs| rs.iter().find(|x| x.key == key).map(|x| x.time.clone()).unwrap_or_default())
                                            on:input=move |ev| {
                                                let v = event_target_value(&ev);
                                                reminders.update(|rs| if let Some(x) = rs.iter_mut().find(|x| x.key == key) { x.time = v; });
                                            } />
                                    </div>
                                    <button type="button" class="button subtle small danger-text reminder-remove"
                                        on:click=move |_| reminders.update(|rs| rs.retain(|x| x.key != key))>
                                        {move || i18n.t().hours.remove_reminder}
                                    </button>
                                </div>
                            }
                        }
                    />
                    <Show when=move || reminders.with(|r| r.len() < MAX_REMINDERS)>
                        <div>
                            <button type="button" class="button secondary small" data-testid="add-reminder"
                                on:click=move |_| reminders.update(|rs| rs.push(MomentInput::from(Moment::at(4, 15, 0))))>
                                {move || i18n.t().hours.add_reminder}
                            </button>
                        </div>
                    </Show>
                    {move || reminders_problem.get().map(|p| view! { <p class="field-error" data-testid="reminders-error">{p}</p> })}
                </fieldset>
                <div class="form-actions">
                    <button type="submit" class="button primary" data-testid="hours-settings-save" aria-disabled=move || pending.get().to_string()>
                        {move || if pending.get() { i18n.t().admin.saving } else { i18n.t().admin.save }}
                    </button>
                </div>
            </form>
        </section>
    }
}
