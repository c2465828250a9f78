//! `/uren/declaraties` (seed 002): the worker's weeks with the status names
//! they know, columns they choose (remembered on the server), filters on
//! status and period, search, and "load more".

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use shared::hours::{
    DeclarationColumn, DeclarationColumns, IsoWeek, TimesheetSummary, WeekStatus, format_minutes,
};

use super::{StatusBadge, week_href};
use crate::api::{self, WeekFilter};
use crate::components::feedback::ErrorAlert;
use crate::components::page_title::use_page_title;
use crate::components::paged::{LoadMore, Paged};
use crate::i18n::use_i18n;
use crate::time;

/// The column's API name, e.g. `contract_hours`.
fn column_slug(c: DeclarationColumn) -> &'static str {
    match c {
        DeclarationColumn::Week => "week",
        DeclarationColumn::Status => "status",
        DeclarationColumn::Hours => "hours",
        DeclarationColumn::ContractHours => "contract_hours",
        DeclarationColumn::Deadline => "deadline",
        DeclarationColumn::Signed => "signed",
        DeclarationColumn::Reason => "reason",
        DeclarationColumn::CostCentre => "cost_centre",
    }
}

/// A week typed in a filter: empty is no filter, anything unreadable is an error.
pub fn parse_week_filter(text: &str) -> Result<Option<IsoWeek>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.to_uppercase().parse().map(Some).map_err(|_| ())
}

/// A week-picker field (`<input type=week>`, plain text where browsers lack it).
#[component]
pub fn WeekField(
    id: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    value: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let bad = Memo::new(move |_| value.with(|v| parse_week_filter(v).is_err()));
    view! {
        <div class="field" class:has-error=move || bad.get()>
            <label for=id>{move || label.get()}</label>
            <input
                id=id
                type="week"
                placeholder="2026-W47"
                aria-invalid=move || bad.get().to_string()
                aria-describedby=format!("{id}-hint")
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            <p class="help-text" id=format!("{id}-hint")>
                {move || if bad.get() { i18n.t().hours.bad_week } else { i18n.t().hours.week_format_hint }}
            </p>
        </div>
    }
}

/// A status choice: every status, or none for all.
#[component]
pub fn StatusSelect(id: &'static str, value: RwSignal<Option<WeekStatus>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id>{move || i18n.t().hours.status_label}</label>
            <select id=id on:change=move |ev| value.set(WeekStatus::parse(&event_target_value(&ev)))>
                <option value="" selected=move || value.get().is_none()>{move || i18n.t().hours.all_statuses}</option>
                {WeekStatus::ALL.into_iter().map(|s| view! {
                    <option value=s.as_str() selected=move || value.get() == Some(s)>{move || i18n.t().hours.status(s)}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// A cost centre choice among those of the weeks the list shows (`mine`: the
/// worker's own), or none for all. Hidden when no week has one.
#[component]
pub fn CostCentreSelect(id: &'static str, mine: bool, value: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let choices = LocalResource::new(move || api::cost_centres(mine));
    let known = move || choices.get().and_then(Result::ok).unwrap_or_default();
    view! {
        <Show when=move || !known().is_empty()>
            <div class="field">
                <label for=id>{move || i18n.t().hours.cost_centre}</label>
                <select id=id on:change=move |ev| value.set(Some(event_target_value(&ev)).filter(|v| !v.is_empty()))>
                    <option value="" selected=move || value.with(Option::is_none)>{move || i18n.t().hours.all_cost_centres}</option>
                    {move || known().into_iter().map(|c| {
                        let chosen = c.clone();
                        view! { <option value=c.clone() selected=move || value.get().as_ref() == Some(&chosen)>{c.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
        </Show>
    }
}

#[component]
pub fn DeclarationsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.hours.declarations_title.into());

    let columns = RwSignal::new(DeclarationColumn::DEFAULT.to_vec());
    let columns_error = RwSignal::new(None::<String>);
    spawn_local(async move {
        if let Ok(c) = api::declaration_columns().await
            && !c.columns.is_empty()
        {
            columns.set(c.columns);
        }
    });
    let toggle_column = move |column: DeclarationColumn, on: bool| {
        let mut next: Vec<DeclarationColumn> = columns.get_untracked();
        if on && !next.contains(&column) {
            next.push(column);
            // Keep the standard order, whatever order they were ticked in.
            next.sort_by_key(|c| DeclarationColumn::ALL.iter().position(|a| a == c));
        } else if !on && next.len() > 1 {
            next.retain(|c| *c != column);
        } else {
            return;
        }
        columns.set(next.clone());
        spawn_local(async move {
            match api::save_declaration_columns(&DeclarationColumns { columns: next }).await {
                Ok(saved) => {
                    columns_error.set(None);
                    columns.set(saved.columns);
                }
                Err(e) => columns_error.set(Some(i18n.t().api_error(&e))),
            }
        });
    };

    let status = RwSignal::new(None::<WeekStatus>);
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let q = RwSignal::new(String::new());
    let cost_centre = RwSignal::new(None::<String>);
    let filter = Memo::new(move |_| WeekFilter {
        status: status.get(),
        from: from.with(|f| parse_week_filter(f).ok().flatten()),
        to: to.with(|t| parse_week_filter(t).ok().flatten()),
        q: q.get(),
        cost_centre: cost_centre.get(),
        ..WeekFilter::default()
    });
    let list = Paged::new(move |cursor| api::my_timesheets(filter.get_untracked(), cursor));
    Effect::new(move |first: Option<()>| {
        filter.track();
        if first.is_some() {
            list.reload();
        }
    });
    let filters_open = RwSignal::new(!crate::browser::is_narrow_viewport());

    let active = move || {
        let t = i18n.t();
        let f = filter.get();
        let mut chips: Vec<(String, Callback<()>)> = Vec::new();
        if let Some(s) = f.status {
            chips.push((
                format!("{}: {}", t.hours.status_label, t.hours.status(s)),
                Callback::new(move |_| status.set(None)),
            ));
        }
        if let Some(w) = f.from {
            chips.push((
                format!("{}: {w}", t.hours.period_from),
                Callback::new(move |_| from.set(String::new())),
            ));
        }
        if let Some(cc) = f.cost_centre {
            chips.push((
                format!("{}: {cc}", t.hours.cost_centre),
                Callback::new(move |_| cost_centre.set(None)),
            ));
        }
        if let Some(w) = f.to {
            chips
                .push((format!("{}: {w}", t.hours.period_to), Callback::new(move |_| to.set(String::new()))));
        }
        if !f.q.trim().is_empty() {
            chips.push((
                format!("{}: {}", t.hours.search, f.q.trim()),
                Callback::new(move |_| q.set(String::new())),
            ));
        }
        (!chips.is_empty()).then(|| {
            view! {
                <div class="active-filters" data-testid="active-filters">
                    <span class="help-text">{t.hours.active_filters}</span>
                    {chips.into_iter().map(|(label, clear)| view! {
                        <button type="button" class="filter-chip" on:click=move |_| clear.run(())>
                            {label.clone()} <span aria-hidden="true">" ×"</span>
                            <span class="visually-hidden">{format!(" ({})", t.hours.clear_filters)}</span>
                        </button>
                    }).collect_view()}
                    <button type="button" class="link-button" on:click=move |_| {
                        status.set(None);
                        from.set(String::new());
                        to.set(String::new());
                        q.set(String::new());
                        cost_centre.set(None);
                    }>{t.hours.clear_filters}</button>
                </div>
            }
        })
    };

    view! {
        <header class="page-header">
            <h1>{move || i18n.t().hours.declarations_title}</h1>
            <p class="lead">{move || i18n.t().hours.declarations_intro}</p>
        </header>
        <div class="list-toolbar">
            <div class="field search-field">
                <label for="declarations-search">{move || i18n.t().hours.search}</label>
                <input id="declarations-search" type="search" data-testid="declarations-search" prop:value=move || q.get() on:input=move |ev| q.set(event_target_value(&ev)) />
            </div>
            <details class="column-chooser" data-testid="column-chooser">
                <summary class="button secondary small">{move || i18n.t().hours.columns}</summary>
                <fieldset class="field">
                    <legend>{move || i18n.t().hours.columns_legend}</legend>
                    {DeclarationColumn::ALL.into_iter().map(|c| view! {
                        <label class="checkbox">
                            <input
                                type="checkbox"
                                data-testid=format!("column-{}", column_slug(c))
                                prop:checked=move || columns.with(|cs| cs.contains(&c))
                                on:change=move |ev| toggle_column(c, event_target_checked(&ev))
                            />
                            <span>{move || i18n.t().hours.column(c)}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
            </details>
            <button
                type="button"
                class="button secondary small"
                aria-expanded=move || filters_open.get().to_string()
                aria-controls="declaration-filters"
                data-testid="toggle-filters"
                on:click=move |_| filters_open.update(|o| *o = !*o)
            >
                {move || i18n.t().hours.filters}
            </button>
        </div>
        <ErrorAlert message=columns_error testid="columns-error" />
        {active}
        <div class="list-with-filters" class:filters-open=move || filters_open.get()>
            <section class="card section-card list-main">
                <Show
                    when=move || !list.loaded.get() || !list.items.with(Vec::is_empty)
                    fallback=move || view! { <p class="empty-list" data-testid="no-weeks">{i18n.t().hours.no_weeks}</p> }
                >
                    <table class="data-table" data-testid="declarations-table">
                        <thead>
                            <tr>
                                {move || columns.get().into_iter().map(|c| view! { <th scope="col">{i18n.t().hours.column(c)}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || list.items.get()
                                key=|s| (s.id, s.status, s.total_minutes, s.late)
                                children=move |s| view! { <DeclarationRow summary=s columns=columns /> }
                            />
                        </tbody>
                    </table>
                </Show>
                <LoadMore list=list testid="declarations-more" />
            </section>
            <Show when=move || filters_open.get()>
                <aside class="card section-card filter-panel" id="declaration-filters" aria-labelledby="filters-heading" data-testid="filters">
                    <div class="section-header">
                        <h2 id="filters-heading">{move || i18n.t().hours.filters}</h2>
                        <button type="button" class="button subtle small" on:click=move |_| filters_open.set(false)>{move || i18n.t().hours.close_filters}</button>
                    </div>
                    <StatusSelect id="declarations-status" value=status />
                    <CostCentreSelect id="declarations-cost-centre" mine=true value=cost_centre />
                    <WeekField id="declarations-from" label=Signal::derive(move || i18n.t().hours.period_from) value=from />
                    <WeekField id="declarations-to" label=Signal::derive(move || i18n.t().hours.period_to) value=to />
                </aside>
            </Show>
        </div>
    }
}

#[component]
fn DeclarationRow(summary: TimesheetSummary, columns: RwSignal<Vec<DeclarationColumn>>) -> impl IntoView {
    let i18n = use_i18n();
    let s = summary;
    view! {
        <tr data-testid="declaration-row" data-week=s.week.to_string()>
            {move || {
                let t = i18n.t();
                let locale = i18n.locale();
                columns.get().into_iter().map(|c| {
                    let label = t.hours.column(c);
                    let cell = match c {
                        DeclarationColumn::Week => view! {
                            <div>
                                <A href=week_href(s.week) attr:class="cell-title">{t.hours.week_name(s.week)}</A>
                                <span class="cell-sub">{t.hours.week_span(s.week)}</span>
                            </div>
                        }.into_any(),
                        DeclarationColumn::Status => view! { <StatusBadge status=s.status late=s.late /> }.into_any(),
                        DeclarationColumn::Hours => format_minutes(s.total_minutes).into_any(),
                        DeclarationColumn::ContractHours => s.contract_minutes.map(format_minutes).unwrap_or_else(|| "—".into()).into_any(),
                        DeclarationColumn::Deadline => time::date_time(s.deadline_at, locale).into_any(),
                        DeclarationColumn::Signed => s.signed_at.map(|a| time::date_time(a, locale)).unwrap_or_else(|| "—".into()).into_any(),
                        DeclarationColumn::Reason => s.rejection_reason.clone().unwrap_or_default().into_any(),
                        DeclarationColumn::CostCentre => s.cost_centre.clone().unwrap_or_else(|| "—".into()).into_any(),
                    };
                    view! { <td data-label=label>{cell}</td> }
                }).collect_view()
            }}
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::parse_week_filter;

    #[test]
    fn column_slugs_are_the_api_names() {
        for c in shared::hours::DeclarationColumn::ALL {
            assert_eq!(serde_json::to_value(c).ok(), Some(serde_json::json!(super::column_slug(c))));
        }
    }

    #[test]
    fn week_filters_are_empty_a_week_or_wrong() {
        assert_eq!(parse_week_filter("  "), Ok(None));
        assert_eq!(
            parse_week_filter("2026-w40").map(|w| w.map(|w| w.to_string())),
            Ok(Some("2026-W40".into()))
        );
        assert!(parse_week_filter("week 40").is_err());
    }
}
