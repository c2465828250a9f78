//! The lines of a week as the worker edits them: a weekly grid on a desktop, a
//! day at a time (with day tabs) on a phone, and one form for the line being
//! edited. Used for the week itself and for a correction proposal.
//!
//! What is typed stays text until it is sent, so a half-typed time is not lost
//! and can be pointed at; the rules are `shared::hours`' own (`check_week`,
//! `totals`), so what this screen says is what the server will say.

use std::sync::atomic::{AtomicU32, Ordering};

use chrono::{NaiveDate, NaiveTime};
use leptos::ev;
use leptos::prelude::*;
use shared::hours::{
    ClientRef, Entry, EntryInput, EntryProblem, EntrySource, HourType, IsoWeek, check_week, day_index,
    format_minutes, totals,
};
use shared::i18n::Locale;
use uuid::Uuid;

use crate::api::{self, ApiError};
use crate::browser;
use crate::i18n::{Dict, use_i18n};

/// A fresh key for a line on screen (stable while it is edited, unlike its position).
pub fn next_key() -> u32 {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// One line as it is being edited.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Identity on screen.
    pub key: u32,
    /// The saved entry this line edits, if any.
    pub id: Option<Uuid>,
    pub day: NaiveDate,
    pub client: Option<ClientRef>,
    pub hour_type: String,
    /// Entered as a duration instead of start and end.
    pub by_duration: bool,
    pub start: String,
    pub end: String,
    pub break_minutes: String,
    pub duration: String,
    pub note: String,
    pub source: EntrySource,
    /// Changed by the person, so its problems are worth showing already.
    pub touched: bool,
}

/// "08:30" for a time.
fn hh_mm(t: Option<NaiveTime>) -> String {
    t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default()
}

/// Reads "08:30" (what `<input type=time>` gives; seconds allowed).
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let s = s.trim();
    NaiveTime::parse_from_str(s, "%H:%M").or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S")).ok()
}

/// Reads a duration as hours and minutes ("7:30") or decimal hours ("7,5", "7.5", "7").
pub fn parse_duration(s: &str) -> Option<i32> {
    let s = s.trim();
    if let Some((h, m)) = s.split_once(':') {
        let (h, m) = (h.trim().parse::<i32>().ok()?, m.trim().parse::<i32>().ok()?);
        return (h >= 0 && (0..60).contains(&m) && m.to_string().len() <= 2).then_some(h * 60 + m);
    }
    let hours = s.replace(',', ".").parse::<f64>().ok()?;
    (hours.is_finite() && (0.0..=48.0).contains(&hours)).then(|| (hours * 60.0).round() as i32)
}

impl Line {
    /// An empty shift on `day`.
    pub fn blank(day: NaiveDate, hour_type: String) -> Self {
        Self {
            key: next_key(),
            id: None,
            day,
            client: None,
            hour_type,
            by_duration: false,
            start: String::new(),
            end: String::new(),
            break_minutes: "0".into(),
            duration: String::new(),
            note: String::new(),
            source: EntrySource::Worker,
            touched: false,
        }
    }

    /// A saved entry, ready to edit.
    pub fn from_entry(entry: &Entry) -> Self {
        Self::from_input(&entry.to_input(), entry.client.clone(), entry.source)
    }

    /// Lines from an input (a correction proposal); the client's name comes with it.
    pub fn from_input(input: &EntryInput, client: Option<ClientRef>, source: EntrySource) -> Self {
        let by_duration = input.start.is_none() && input.end.is_none();
        Self {
            key: next_key(),
            id: input.id,
            day: input.day,
            client,
            hour_type: input.hour_type.clone(),
            by_duration,
            start: hh_mm(input.start),
            end: hh_mm(input.end),
            break_minutes: input.break_minutes.to_string(),
            duration: input.minutes.map(format_minutes).unwrap_or_default(),
            note: input.note.clone().unwrap_or_default(),
            source,
            touched: false,
        }
    }

    /// What the server gets. Text that cannot be read is left out, so the
    /// shared rules call it missing; [`Line::parse_problem`] says why first.
    pub fn to_input(&self) -> EntryInput {
        let (start, end, minutes) = if self.by_duration {
            (None, None, parse_duration(&self.duration))
        } else {
            (parse_time(&self.start), parse_time(&self.end), None)
        };
        let note = self.note.trim();
        EntryInput {
            id: self.id,
            day: self.day,
            client_id: self.client.as_ref().map(|c| c.id),
            hour_type: self.hour_type.clone(),
            start,
            end,
            break_minutes: self.break_minutes.trim().parse().unwrap_or(0),
            minutes,
            note: (!note.is_empty()).then(|| note.to_string()),
        }
    }

    /// Text this screen cannot read, as (field, code).
    pub fn parse_problem(&self) -> Option<(&'static str, &'static str)> {
        let b = self.break_minutes.trim();
        if !b.is_empty() && b.parse::<i32>().is_err() {
            return Some(("break_minutes", "invalid_number"));
        }
        if self.by_duration {
            return match self.duration.trim() {
                "" => Some(("minutes", "required")),
                d if parse_duration(d).is_none() => Some(("minutes", "invalid_duration")),
                _ => None,
            };
        }
        for (field, value) in [("start", &self.start), ("end", &self.end)] {
            match value.trim() {
                "" => return Some((field, "required")),
                v if parse_time(v).is_none() => return Some((field, "invalid_time")),
                _ => {}
            }
        }
        None
    }

    /// "08:00–12:00" or "4:00", for a line's summary.
    pub fn when(&self) -> String {
        if self.by_duration {
            parse_duration(&self.duration).map(format_minutes).unwrap_or_else(|| self.duration.clone())
        } else {
            format!("{}–{}", self.start.trim(), self.end.trim())
        }
    }
}

/// Something wrong with one field of one line.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The line.
    pub key: u32,
    /// `start`, `end`, `break_minutes`, `minutes`, `hour_type`, `client_id`, `note`, `day`.
    pub field: String,
    /// In the person's language.
    pub text: String,
}

/// The problems the shared rules find in the lines, in the person's language.
pub fn local_problems(week: IsoWeek, lines: &[Line], t: &'static Dict, all: bool) -> Vec<Problem> {
    let inputs: Vec<EntryInput> = lines.iter().map(Line::to_input).collect();
    let mut out = Vec::new();
    let shown = |line: &Line| all || line.touched;
    for line in lines.iter().filter(|l| shown(l)) {
        if let Some((field, code)) = line.parse_problem() {
            out.push(Problem { key: line.key, field: field.into(), text: t.hours.problem(code) });
        }
    }
    for (i, field, problem) in check_week(week, &inputs) {
        let Some(line) = lines.get(i) else { continue };
        if !shown(line) || line.parse_problem().is_some() {
            continue;
        }
        let text = match problem {
            EntryProblem::Overlaps(j) => match lines.get(j) {
                Some(other) => t.hours.overlaps_with(&other.when()),
                None => t.hours.problem(problem.code()),
            },
            other => t.hours.problem(other.code()),
        };
        out.push(Problem { key: line.key, field: field.into(), text });
    }
    out
}

/// The server's field errors (`entries[2].end`), tied to the lines that were sent.
pub fn server_problems(error: &ApiError, sent: &[u32], t: &'static Dict) -> Vec<Problem> {
    let ApiError::Server { body, .. } = error else { return Vec::new() };
    body.fields
        .iter()
        .filter_map(|(name, fe)| {
            let rest = name.strip_prefix("entries[")?;
            let (index, field) = rest.split_once(']')?;
            let key = *sent.get(index.parse::<usize>().ok()?)?;
            let field = match field.trim_start_matches('.') {
                "" => "day",
                f => f,
            };
            Some(Problem { key, field: field.into(), text: t.hours.problem_at(field, &fe.code) })
        })
        .collect()
}

/// Field errors of the server that belong to no line (e.g. `entries`: too many).
pub fn general_problems(error: &ApiError, t: &'static Dict) -> Vec<String> {
    let ApiError::Server { body, .. } = error else { return Vec::new() };
    body.fields
        .iter()
        .filter(|(name, _)| !name.starts_with("entries["))
        .map(|(_, fe)| t.hours.problem(&fe.code))
        .collect()
}

/// An hour type's name in the person's language (the code when unknown).
pub fn hour_type_name(types: &[HourType], code: &str, locale: Locale) -> String {
    types
        .iter()
        .find(|h| h.code == code)
        .map(|h| if locale == Locale::Nl { h.name_nl.clone() } else { h.name_en.clone() })
        .unwrap_or_else(|| code.to_string())
}

/// The index of `today` in `week`, or Monday when the week is another one.
fn initial_day(week: IsoWeek) -> usize {
    let today = chrono::Local::now().date_naive();
    if week.contains(today) { day_index(week, today) } else { 0 }
}

/// Whether the phone layout applies, following the window's size.
pub fn use_narrow() -> RwSignal<bool> {
    let narrow = RwSignal::new(browser::is_narrow_viewport());
    let handle = window_event_listener(ev::resize, move |_| {
        let now = browser::is_narrow_viewport();
        if narrow.get_untracked() != now {
            narrow.set(now);
        }
    });
    on_cleanup(move || handle.remove());
    narrow
}

/// The week's lines: a grid or day tabs, and the form of the selected line.
#[component]
pub fn LinesEditor(
    /// Element ids start with this, so two editors can share a page.
    id: &'static str,
    week: IsoWeek,
    lines: RwSignal<Vec<Line>>,
    #[prop(into)] editable: Signal<bool>,
    #[prop(into)] problems: Signal<Vec<Problem>>,
    #[prop(into)] hour_types: Signal<Vec<HourType>>,
    selected: RwSignal<Option<u32>>,
    /// Called after every change the person makes.
    on_edit: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let narrow = use_narrow();
    let day = RwSignal::new(initial_day(week));
    let per_day = Memo::new(move |_| {
        lines.with(|ls| totals(week, &ls.iter().map(Line::to_input).collect::<Vec<_>>()).per_day)
    });

    let add = move |date: NaiveDate| {
        let hour_type = hour_types.with_untracked(|h| h.first().map(|h| h.code.clone())).unwrap_or_default();
        let line = Line::blank(date, hour_type);
        let key = line.key;
        lines.update(|ls| ls.push(line));
        selected.set(Some(key));
        on_edit.run(());
        request_animation_frame(move || browser::focus_element(&format!("{id}-start")));
    };

    let column = move |index: usize| {
        let date = week.days()[index];
        view! {
            <DayLines id=id date=date lines=lines editable=editable problems=problems hour_types=hour_types selected=selected />
            <Show when=move || editable.get()>
                <button
                    type="button"
                    class="button subtle small add-line"
                    id=format!("{id}-add-{date}")
                    data-testid=format!("add-line-{date}")
                    aria-label=move || i18n.t().hours.add_line_on(date)
                    on:click=move |_| add(date)
                >
                    "+ " {move || i18n.t().hours.add_line}
                </button>
            </Show>
        }
    };

    let grid = move || {
        view! {
            <div class="week-grid" data-testid=format!("{id}-grid")>
                {(0..7)
                    .map(|i| {
                        let date = week.days()[i];
                        view! {
                            <section class="day-column" aria-labelledby=format!("{id}-day-{i}") data-testid=format!("day-{date}")>
                                <h3 class="day-heading" id=format!("{id}-day-{i}")>
                                    <span>{move || i18n.t().hours.day_short(date)}</span>
                                    <span class="day-total" data-testid="day-total">{move || format_minutes(per_day.get()[i])}</span>
                                </h3>
                                {column(i)}
                            </section>
                        }
                    })
                    .collect_view()}
            </div>
        }
    };

    let on_tab_key = move |ev: ev::KeyboardEvent| {
        let next = match ev.key().as_str() {
            "ArrowRight" => (day.get_untracked() + 1) % 7,
            "ArrowLeft" => (day.get_untracked() + 6) % 7,
            "Home" => 0,
            "End" => 6,
            _ => return,
        };
        ev.prevent_default();
        day.set(next);
        browser::focus_element(&format!("{id}-tab-{next}"));
    };

    let tabs = move || {
        view! {
            <div class="day-view" data-testid=format!("{id}-days")>
                <div class="day-tabs" role="tablist" aria-label=move || i18n.t().hours.days_label on:keydown=on_tab_key>
                    {(0..7)
                        .map(|i| {
                            let date = week.days()[i];
                            view! {
                                <button
                                    type="button"
                                    role="tab"
                                    class="day-tab"
                                    id=format!("{id}-tab-{i}")
                                    data-testid=format!("tab-{date}")
                                    aria-selected=move || (day.get() == i).to_string()
                                    aria-controls=format!("{id}-panel")
                                    tabindex=move || if day.get() == i { "0" } else { "-1" }
                                    on:click=move |_| day.set(i)
                                    // Automatic activation: the focused tab is the shown day.
                                    on:focus=move |_| if day.get_untracked() != i { day.set(i) }
                                >
                                    <span class="day-tab-name">{move || i18n.t().hours.weekday_short(i)}</span>
                                    <span class="day-tab-date">{date.format("%-d").to_string()}</span>
                                    <span class="day-tab-total">{move || format_minutes(per_day.get()[i])}</span>
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
                <section
                    class="day-panel"
                    role="tabpanel"
                    id=format!("{id}-panel")
                    aria-labelledby=move || format!("{id}-tab-{}", day.get())
                    data-testid=move || format!("day-{}", week.days()[day.get()])
                >
                    <h3 class="day-heading">
                        <span>{move || i18n.t().hours.day_long(week.days()[day.get()])}</span>
                        <span class="day-total" data-testid="day-total">{move || format_minutes(per_day.get()[day.get()])}</span>
                    </h3>
                    {move || column(day.get())}
                </section>
            </div>
        }
    };

    // Selecting a line of another day (from the problem list) shows that day.
    Effect::new(move || {
        if let Some(key) = selected.get() {
            let d =
                lines.with_untracked(|ls| ls.iter().find(|l| l.key == key).map(|l| day_index(week, l.day)));
            if let Some(d) = d
                && d != day.get_untracked()
            {
                day.set(d);
            }
        }
    });

    view! {
        <div class="lines-editor">
            {move || if narrow.get() { tabs().into_any() } else { grid().into_any() }}
            {move || selected.get().filter(|_| editable.get()).map(|key| view! {
                <LineForm id=id week=week line_key=key lines=lines problems=problems hour_types=hour_types selected=selected on_edit=on_edit />
            })}
        </div>
    }
}

/// One day's lines as cards; a card opens the line's form when editable.
#[component]
fn DayLines(
    id: &'static str,
    date: NaiveDate,
    lines: RwSignal<Vec<Line>>,
    editable: Signal<bool>,
    problems: Signal<Vec<Problem>>,
    hour_types: Signal<Vec<HourType>>,
    selected: RwSignal<Option<u32>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {move || {
            let t = i18n.t();
            let day_lines: Vec<Line> = lines.with(|ls| ls.iter().filter(|l| l.day == date).cloned().collect());
            if day_lines.is_empty() {
                return view! { <p class="empty-day">{t.hours.empty_day}</p> }.into_any();
            }
            view! {
                <ul class="line-cards">
                    {day_lines
                        .into_iter()
                        .map(|line| view! { <LineCard id=id line=line editable=editable problems=problems hour_types=hour_types selected=selected /> })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }}
    }
}

#[component]
fn LineCard(
    id: &'static str,
    line: Line,
    editable: Signal<bool>,
    problems: Signal<Vec<Problem>>,
    hour_types: Signal<Vec<HourType>>,
    selected: RwSignal<Option<u32>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let key = line.key;
    let has_problem = Memo::new(move |_| problems.with(|p| p.iter().any(|p| p.key == key)));
    let worked = line.to_input().minutes_worked().ok();
    let client = line.client.as_ref().map(|c| c.name.clone());
    let hour_type = line.hour_type.clone();
    let when = line.when();
    let note = (!line.note.trim().is_empty()).then(|| line.note.clone());
    let source = line.source;
    let content = move || {
        let t = i18n.t();
        view! {
            <span class="line-when">
                {when.clone()}
                {worked.filter(|_| !line.by_duration).map(|m| view! { <span class="line-minutes">{format!(" · {}", format_minutes(m))}</span> })}
            </span>
            <span class="line-client">{client.clone().unwrap_or_else(|| t.hours.no_client.into())}</span>
            <span class="line-type">{hour_type_name(&hour_types.get(), &hour_type, i18n.locale())}</span>
            {note.clone().map(|n| view! { <span class="line-note">{n}</span> })}
            {(source == EntrySource::Planning).then(|| view! { <span class="badge badge-pending" data-testid="planned">{t.hours.planned_badge}</span> })}
            {(source == EntrySource::Correction).then(|| view! { <span class="badge badge-muted">{t.hours.correction_badge}</span> })}
            <Show when=move || has_problem.get()>
                <span class="badge badge-danger" data-testid="line-problem">{move || i18n.t().hours.has_problem}</span>
            </Show>
        }
    };
    view! {
        <li>
            {move || if editable.get() {
                view! {
                    <button
                        type="button"
                        class="line-card"
                        class:has-error=move || has_problem.get()
                        class:is-selected=move || selected.get() == Some(key)
                        id=format!("{id}-line-{key}")
                        data-testid="line"
                        aria-expanded=move || (selected.get() == Some(key)).to_string()
                        on:click=move |_| selected.set(if selected.get_untracked() == Some(key) { None } else { Some(key) })
                    >
                        {content.clone()}
                    </button>
                }
                .into_any()
            } else {
                view! { <div class="line-card" data-testid="line">{content.clone()}</div> }.into_any()
            }}
        </li>
    }
}

/// The form of one line.
#[component]
fn LineForm(
    id: &'static str,
    week: IsoWeek,
    line_key: u32,
    lines: RwSignal<Vec<Line>>,
    problems: Signal<Vec<Problem>>,
    hour_types: Signal<Vec<HourType>>,
    selected: RwSignal<Option<u32>>,
    on_edit: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let key = line_key;
    let get = move |f: fn(&Line) -> String| {
        move || lines.with(|ls| ls.iter().find(|l| l.key == key).map(f).unwrap_or_default())
    };
    let edit = move |f: Box<dyn FnOnce(&mut Line)>| {
        lines.update(|ls| {
            if let Some(l) = ls.iter_mut().find(|l| l.key == key) {
                f(l);
            }
        });
        on_edit.run(());
    };
    let touch = move || {
        lines.update(|ls| {
            if let Some(l) = ls.iter_mut().find(|l| l.key == key) {
                l.touched = true;
            }
        });
    };
    let error_of = move |fields: &'static [&'static str]| {
        Memo::new(move |_| {
            problems.with(|p| {
                p.iter().find(|p| p.key == key && fields.contains(&p.field.as_str())).map(|p| p.text.clone())
            })
        })
    };
    let day_error = error_of(&["day", "entries"]);
    let client_error = error_of(&["client_id", "client"]);
    let type_error = error_of(&["hour_type"]);
    let start_error = error_of(&["start"]);
    let end_error = error_of(&["end"]);
    let break_error = error_of(&["break_minutes"]);
    let duration_error = error_of(&["minutes"]);
    let note_error = error_of(&["note"]);
    let by_duration =
        Memo::new(move |_| lines.with(|ls| ls.iter().find(|l| l.key == key).is_some_and(|l| l.by_duration)));
    let source = lines.with_untracked(|ls| ls.iter().find(|l| l.key == key).map(|l| l.source));
    let day = Memo::new(move |_| lines.with(|ls| ls.iter().find(|l| l.key == key).map(|l| l.day)));

    // Client search: the first page of matches, plus the line's own client.
    let search = RwSignal::new(String::new());
    let found = LocalResource::new(move || api::clients(search.get()));
    let current_client =
        Memo::new(move |_| lines.with(|ls| ls.iter().find(|l| l.key == key).and_then(|l| l.client.clone())));
    let client_options = move || {
        let mut options: Vec<ClientRef> =
            found.get().and_then(Result::ok).map(|p| p.items).unwrap_or_default();
        if let Some(c) = current_client.get()
            && !options.iter().any(|o| o.id == c.id)
        {
            options.insert(0, c);
        }
        options
    };

    let close = move || {
        selected.set(None);
        request_animation_frame(move || browser::focus_element(&format!("{id}-line-{key}")));
    };
    let remove = move |_| {
        let date = day.get_untracked();
        lines.update(|ls| ls.retain(|l| l.key != key));
        selected.set(None);
        on_edit.run(());
        if let Some(date) = date {
            request_animation_frame(move || browser::focus_element(&format!("{id}-add-{date}")));
        }
    };
    let on_keydown = move |ev: ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            close();
        }
    };

    let field_id = move |name: &str| format!("{id}-{name}");
    let described = move |name: &str, error: Memo<Option<String>>| {
        let eid = format!("{id}-{name}-error");
        move || error.get().map(|_| eid.clone())
    };
    let error_text = move |name: &str, error: Memo<Option<String>>| {
        let eid = format!("{id}-{name}-error");
        move || {
            error
                .get()
                .map(|e| view! { <p class="field-error" id=eid.clone() data-testid="field-error">{e}</p> })
        }
    };

    view! {
        <fieldset class="line-form" data-testid=format!("{id}-line-form") on:keydown=on_keydown>
            <legend>
                {move || i18n.t().hours.edit_line}
                {move || day.get().map(|d| format!(" — {}", i18n.t().hours.day_long(d)))}
            </legend>
            {(source == Some(EntrySource::Planning)).then(|| view! {
                <p class="notice planned-notice">{move || i18n.t().hours.planned_badge}</p>
            })}
            <div class="line-form-grid">
                <div class="field" class:has-error=move || day_error.get().is_some()>
                    <label for=field_id("day")>{move || i18n.t().hours.day_label}</label>
                    <select
                        id=field_id("day")
                        aria-invalid=move || day_error.get().is_some().to_string()
                        aria-describedby=described("day", day_error)
                        on:change=move |ev| {
                            if let Ok(d) = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d") {
                                edit(Box::new(move |l| { l.day = d; l.touched = true; }));
                            }
                        }
                    >
                        {week.days().into_iter().map(|d| view! {
                            <option value=d.to_string() selected=move || day.get() == Some(d)>{move || i18n.t().hours.day_long(d)}</option>
                        }).collect_view()}
                    </select>
                    {error_text("day", day_error)}
                </div>
                <div class="field" class:has-error=move || type_error.get().is_some()>
                    <label for=field_id("type")>{move || i18n.t().hours.hour_type_label}</label>
                    <select
                        id=field_id("type")
                        aria-invalid=move || type_error.get().is_some().to_string()
                        aria-describedby=described("type", type_error)
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            edit(Box::new(move |l| { l.hour_type = v; l.touched = true; }));
                        }
                    >
                        {move || {
                            let current = get(|l| l.hour_type.clone())();
                            let locale = i18n.locale();
                            let types = hour_types.get();
                            let known = types.iter().any(|h| h.code == current);
                            let mut options: Vec<(String, String)> = types
                                .iter()
                                .map(|h| (h.code.clone(), if locale == Locale::Nl { h.name_nl.clone() } else { h.name_en.clone() }))
                                .collect();
                            if !known {
                                options.insert(0, (current.clone(), current.clone()));
                            }
                            options
                                .into_iter()
                                .map(|(code, name)| {
                                    let selected = code == current;
                                    view! { <option value=code selected=selected>{name}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                    {error_text("type", type_error)}
                </div>
                <fieldset class="field radio-group mode-field">
                    <legend>{move || i18n.t().hours.entry_mode}</legend>
                    <div class="radio-row">
                        <label class="checkbox">
                            <input
                                type="radio"
                                name=field_id("mode")
                                data-testid="mode-shift"
                                prop:checked=move || !by_duration.get()
                                on:change=move |_| edit(Box::new(|l| l.by_duration = false))
                            />
                            <span>{move || i18n.t().hours.mode_shift}</span>
                        </label>
                        <label class="checkbox">
                            <input
                                type="radio"
                                name=field_id("mode")
                                data-testid="mode-duration"
                                prop:checked=move || by_duration.get()
                                on:change=move |_| edit(Box::new(|l| {
                                    if l.duration.trim().is_empty()
                                        && let (Some(s), Some(e)) = (parse_time(&l.start), parse_time(&l.end))
                                        && e > s
                                    {
                                        l.duration = format_minutes(((e - s).num_minutes()) as i32);
                                    }
                                    l.by_duration = true;
                                }))
                            />
                            <span>{move || i18n.t().hours.mode_duration}</span>
                        </label>
                    </div>
                </fieldset>
                <div class="client-field span-all">
                    <div class="field">
                    <label for=field_id("client-search")>{move || i18n.t().hours.client_search}</label>
                    <input
                        id=field_id("client-search")
                        type="search"
                        autocomplete="off"
                        aria-describedby=field_id("client-search-hint")
                        prop:value=move || search.get()
                        on:input=move |ev| search.set(event_target_value(&ev))
                    />
                    <p class="help-text" id=field_id("client-search-hint")>{move || i18n.t().hours.client_search_hint}</p>
                    </div>
                    <div class="field" class:has-error=move || client_error.get().is_some()>
                    <label for=field_id("client")>{move || i18n.t().hours.client_label}</label>
                    <select
                        id=field_id("client")
                        aria-invalid=move || client_error.get().is_some().to_string()
                        aria-describedby=described("client", client_error)
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            let chosen = client_options().into_iter().find(|c| c.id.to_string() == value);
                            edit(Box::new(move |l| { l.client = chosen; l.touched = true; }));
                        }
                    >
                        <option value="" selected=move || current_client.get().is_none()>{move || i18n.t().hours.no_client}</option>
                        {move || {
                            let current = current_client.get().map(|c| c.id);
                            client_options()
                                .into_iter()
                                .map(|c| {
                                    let selected = Some(c.id) == current;
                                    let label = match &c.municipality {
                                        Some(m) => format!("{} ({m})", c.name),
                                        None => c.name.clone(),
                                    };
                                    view! { <option value=c.id.to_string() selected=selected>{label}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                    {error_text("client", client_error)}
                    </div>
                </div>
                <Show
                    when=move || !by_duration.get()
                    fallback=move || view! {
                        <LineField
                            id=field_id("duration")
                            label=Signal::derive(move || i18n.t().hours.duration_label)
                            hint=Signal::derive(move || i18n.t().hours.duration_hint)
                            kind="text"
                            inputmode="decimal"
                            value=Signal::derive(get(|l| l.duration.clone()))
                            error=duration_error
                            on_input=Callback::new(move |v| edit(Box::new(move |l| l.duration = v)))
                            on_change=Callback::new(move |_| touch())
                        />
                    }
                >
                    <LineField
                        id=field_id("start")
                        label=Signal::derive(move || i18n.t().hours.start_label)
                        kind="time"
                        value=Signal::derive(get(|l| l.start.clone()))
                        error=start_error
                        on_input=Callback::new(move |v| edit(Box::new(move |l| l.start = v)))
                        on_change=Callback::new(move |_| touch())
                    />
                    <LineField
                        id=field_id("end")
                        label=Signal::derive(move || i18n.t().hours.end_label)
                        kind="time"
                        value=Signal::derive(get(|l| l.end.clone()))
                        error=end_error
                        on_input=Callback::new(move |v| edit(Box::new(move |l| l.end = v)))
                        on_change=Callback::new(move |_| touch())
                    />
                </Show>
                <LineField
                    id=field_id("break")
                    label=Signal::derive(move || i18n.t().hours.break_label)
                    kind="number"
                    inputmode="numeric"
                    min="0"
                    step="5"
                    value=Signal::derive(get(|l| l.break_minutes.clone()))
                    error=break_error
                    on_input=Callback::new(move |v| edit(Box::new(move |l| l.break_minutes = v)))
                    on_change=Callback::new(move |_| touch())
                />
                <LineField
                    id=field_id("note")
                    label=Signal::derive(move || i18n.t().hours.note_label)
                    kind="text"
                    maxlength="500"
                    wide=true
                    value=Signal::derive(get(|l| l.note.clone()))
                    error=note_error
                    on_input=Callback::new(move |v| edit(Box::new(move |l| l.note = v)))
                    on_change=Callback::new(move |_| touch())
                />
            </div>
            <div class="form-actions">
                <button type="button" class="button secondary small" data-testid=format!("{id}-line-done") on:click=move |_| close()>
                    {move || i18n.t().hours.done}
                </button>
                <button type="button" class="button subtle small danger-text" data-testid=format!("{id}-line-remove") on:click=remove>
                    {move || i18n.t().hours.remove_line}
                </button>
            </div>
        </fieldset>
    }
}

/// One typed field of the line form, with its problem beside it. What is typed
/// stays text on the line (`on_input`); leaving the field marks the line touched
/// (`on_change`), so its problems show from then on.
#[component]
fn LineField(
    id: String,
    label: Signal<&'static str>,
    /// The input's `type`.
    kind: &'static str,
    #[prop(optional, into)] hint: Option<Signal<&'static str>>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] min: Option<&'static str>,
    #[prop(optional)] step: Option<&'static str>,
    #[prop(optional)] maxlength: Option<&'static str>,
    /// Spans the whole form width.
    #[prop(optional)]
    wide: bool,
    value: Signal<String>,
    error: Memo<Option<String>>,
    on_input: Callback<String>,
    on_change: Callback<()>,
) -> impl IntoView {
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let ids: Vec<&str> = [hint.map(|_| hint_id.as_str()), error.get().map(|_| error_id.as_str())]
                .into_iter()
                .flatten()
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:span-all=wide class:has-error=move || error.get().is_some()>
            <label for=id.clone()>{move || label.get()}</label>
            <input
                id=id.clone()
                type=kind
                inputmode=inputmode
                min=min
                step=step
                maxlength=maxlength
                autocomplete=(kind == "text").then_some("off")
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
                on:change=move |_| on_change.run(())
            />
            {hint.map(|h| view! { <p class="help-text" id=hint_id.clone()>{move || h.get()}</p> })}
            {move || error.get().map(|e| view! { <p class="field-error" id=error_id.clone() data-testid="field-error">{e}</p> })}
        </div>
    }
}

/// Totals per client and the week against contract hours, from what is on screen.
#[component]
pub fn TotalsPanel(
    /// Element ids start with this, so two panels can share a page.
    id: &'static str,
    week: IsoWeek,
    lines: RwSignal<Vec<Line>>,
    #[prop(into)] contract_minutes: Signal<Option<i32>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sums =
        Memo::new(move |_| lines.with(|ls| totals(week, &ls.iter().map(Line::to_input).collect::<Vec<_>>())));
    let name_of = move |client: Option<Uuid>| {
        let t = i18n.t();
        client
            .and_then(|id| {
                lines.with(|ls| {
                    ls.iter().find_map(|l| l.client.as_ref().filter(|c| c.id == id).map(|c| c.name.clone()))
                })
            })
            .unwrap_or_else(|| t.hours.no_client.into())
    };
    view! {
        <section class="card section-card totals-panel" aria-labelledby=format!("{id}-totals-heading") data-testid=format!("{id}-totals")>
            <h2 id=format!("{id}-totals-heading")>{move || i18n.t().hours.week_total}</h2>
            <p class="week-total">
                <strong data-testid=format!("{id}-total")>{move || format_minutes(sums.get().week)}</strong>
                {move || contract_minutes.get().map(|c| view! {
                    <span class="help-text" data-testid="contract">
                        {format!(" — {}", i18n.t().hours.of_contract(&format_minutes(sums.get().week), &format_minutes(c)))}
                    </span>
                })}
            </p>
            {move || contract_minutes.get().filter(|c| *c > 0).map(|c| view! {
                <meter
                    class="contract-meter"
                    min="0"
                    max=c.to_string()
                    optimum=c.to_string()
                    value=sums.get().week.to_string()
                    aria-label=move || i18n.t().hours.contract_hours
                ></meter>
            })}
            <h3>{move || i18n.t().hours.per_client}</h3>
            {move || {
                let s = sums.get();
                let max = s.per_client.iter().map(|c| c.minutes).max().unwrap_or(0).max(1);
                if s.per_client.is_empty() {
                    return view! { <p class="empty-list">{i18n.t().hours.empty_day}</p> }.into_any();
                }
                view! {
                    <ul class="client-totals" data-testid="client-totals">
                        {s.per_client.into_iter().map(|c| view! {
                            <li>
                                <span class="client-total-name">{name_of(c.client_id)}</span>
                                <meter min="0" max=max.to_string() value=c.minutes.to_string() aria-hidden="true"></meter>
                                <span class="client-total-minutes">{format_minutes(c.minutes)}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 17).unwrap_or_default()
    }

    #[test]
    fn durations_are_read_as_hours_and_minutes_or_decimal_hours() {
        assert_eq!(parse_duration("7:30"), Some(450));
        assert_eq!(parse_duration("7,5"), Some(450));
        assert_eq!(parse_duration("7.25"), Some(435));
        assert_eq!(parse_duration("8"), Some(480));
        assert_eq!(parse_duration("7:75"), None);
        assert_eq!(parse_duration("zeven"), None);
        assert_eq!(parse_time("08:30").map(|t| t.to_string()).as_deref(), Some("08:30:00"));
    }

    #[test]
    fn a_line_becomes_the_input_the_server_checks() {
        let mut line = Line::blank(day(), "direct_care".into());
        line.start = "08:00".into();
        line.end = "12:30".into();
        line.break_minutes = "30".into();
        assert_eq!(line.parse_problem(), None);
        assert_eq!(line.to_input().minutes_worked(), Ok(240));
        line.by_duration = true;
        line.duration = "3:00".into();
        assert_eq!(line.to_input().minutes_worked(), Ok(150));
        line.duration = "abc".into();
        assert_eq!(line.parse_problem(), Some(("minutes", "invalid_duration")));
    }

    #[test]
    fn half_typed_lines_say_what_is_missing() {
        let mut line = Line::blank(day(), "direct_care".into());
        line.start = "08:00".into();
        assert_eq!(line.parse_problem(), Some(("end", "required")));
        line.end = "8 uur".into();
        assert_eq!(line.parse_problem(), Some(("end", "invalid_time")));
    }
}
