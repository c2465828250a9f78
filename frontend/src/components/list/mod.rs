//! The one list component (seed 002 "Binnen een module"): a table whose columns the person
//! chooses (remembered on the server, so they follow them from phone to desktop), a search
//! box, active filters shown as chips above the results, a filter panel that folds away,
//! a period filter, and keyset pages with "meer laden". On a phone the rows stack, each
//! cell labelled with its column.
//!
//! A page describes its columns (`ListColumn`), owns its filter signals and a `Paged`
//! fetcher, and hands both to `DataList`; the component owns everything else.

pub mod columns;
pub mod period;

use std::rc::Rc;

use leptos::attr::any_attribute::AnyAttribute;
use leptos::attr::custom::custom_attribute;
use leptos::prelude::*;
use leptos::task::spawn_local;

use self::columns::{toggle, visible_columns};
use self::period::{PeriodChoice, period_range};
use crate::api;
use crate::components::feedback::ErrorAlert;
use crate::components::paged::{LoadMore, Paged};
use crate::i18n::{Dict, use_i18n};

/// A column of a list.
pub struct ListColumn<T> {
    /// Stable name: remembered in the person's choice and set as `data-column` on cells.
    pub key: &'static str,
    /// The header text.
    pub label: fn(&Dict) -> &'static str,
    /// Shown until the person chooses otherwise.
    pub default: bool,
    cell: Rc<dyn Fn(&T) -> AnyView>,
}

impl<T> ListColumn<T> {
    /// A column named `key`, headed `label`, whose cell `cell` renders from a row.
    pub fn new(
        key: &'static str,
        label: fn(&Dict) -> &'static str,
        default: bool,
        cell: impl Fn(&T) -> AnyView + 'static,
    ) -> Self {
        Self { key, label, default, cell: Rc::new(cell) }
    }
}

/// An active filter shown above the results, with a way to clear it.
#[derive(Clone)]
pub struct FilterChip {
    /// "Type: Loonstrook".
    pub label: String,
    /// Clears this filter.
    pub clear: Callback<()>,
}

/// The list. `name` is the list's name: its columns are remembered as `columns.<name>`
/// and its test ids start with it (`<name>-table`, `<name>-row`, `<name>-search`, …).
#[component]
pub fn DataList<T: Clone + Send + Sync + 'static>(
    name: &'static str,
    columns: Vec<ListColumn<T>>,
    list: Paged<T>,
    /// A stable key per row (re-rendered when it changes, so include what can change).
    row_key: fn(&T) -> String,
    /// The text when nothing matches.
    empty: fn(&Dict) -> &'static str,
    /// The search box's value; no search box without it.
    #[prop(optional)]
    search: Option<RwSignal<String>>,
    /// What the search looks in, shown in the empty search box.
    #[prop(optional)]
    search_hint: Option<fn(&Dict) -> &'static str>,
    /// Active filters as chips.
    #[prop(optional, into)]
    chips: Option<Signal<Vec<FilterChip>>>,
    /// Clears every filter ("Alle filters wissen").
    #[prop(optional)]
    clear_all: Option<Callback<()>>,
    /// The filter panel's fields; no filter panel without them.
    #[prop(optional, into)]
    filters: Option<ViewFn>,
    /// A value set as `data-tag` on each row (what tests and styles pick rows by).
    #[prop(optional)]
    row_tag: Option<fn(&T) -> String>,
    /// More `data-*` attributes per row, as (name, value), for rows that are picked by
    /// several facts at once (a document by title, type and whether it is new).
    #[prop(optional)]
    row_data: Option<Callback<T, Vec<(&'static str, String)>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let all: Vec<&'static str> = columns.iter().map(|c| c.key).collect();
    let defaults: Vec<&'static str> = columns.iter().filter(|c| c.default).map(|c| c.key).collect();
    let all = StoredValue::new(all);
    let shown = RwSignal::new(visible_columns(&all.get_value(), &defaults, &[]));
    let columns = StoredValue::new_local(columns);
    let columns_error = RwSignal::new(None::<String>);
    let key = format!("columns.{name}");

    {
        let key = key.clone();
        spawn_local(async move {
            if let Ok(p) = api::preference(&key).await {
                shown.set(visible_columns(&all.get_value(), &defaults, &p.values));
            }
        });
    }
    let key = StoredValue::new(key);
    let choose = move |column: &'static str, on: bool| {
        let Some(next) = toggle(&all.get_value(), &shown.get_untracked(), column, on) else { return };
        shown.set(next.clone());
        spawn_local(async move {
            let values = next.iter().map(|c| c.to_string()).collect();
            match api::save_preference(&key.get_value(), values).await {
                Ok(_) => columns_error.set(None),
                Err(e) => columns_error.set(Some(i18n.t().api_error(&e))),
            }
        });
    };
    let label_of = move |key: &str| -> &'static str {
        columns.with_value(|cs| {
            cs.iter().find(|c| c.key == key).map(|c| (c.label)(i18n.t())).unwrap_or_default()
        })
    };

    let has_filters = filters.is_some();
    let filters_open = RwSignal::new(has_filters && !crate::browser::is_narrow_viewport());
    let panel_id = format!("{name}-filters");
    let heading_id = format!("{name}-filters-heading");
    let search_id = format!("{name}-search");

    let chips_view = move || {
        let chips = chips.map(|c| c.get()).unwrap_or_default();
        (!chips.is_empty()).then(|| {
            let t = i18n.t().lists;
            view! {
                <div class="active-filters" data-testid=format!("{name}-active-filters")>
                    <span class="help-text">{t.active_filters}</span>
                    {chips.into_iter().map(|chip| view! {
                        <button type="button" class="filter-chip" on:click=move |_| chip.clear.run(())>
                            {chip.label.clone()} <span aria-hidden="true">" ×"</span>
                            <span class="visually-hidden">{format!(" ({})", t.clear_filter)}</span>
                        </button>
                    }).collect_view()}
                    {clear_all.map(|clear| view! {
                        <button type="button" class="link-button" data-testid=format!("{name}-clear-filters") on:click=move |_| clear.run(())>{t.clear_filters}</button>
                    })}
                </div>
            }
        })
    };

    view! {
        <div class="list-toolbar">
            {search.map(|q| view! {
                <div class="field search-field">
                    <label for=search_id.clone()>{move || i18n.t().lists.search}</label>
                    <input
                        id=search_id.clone()
                        type="search"
                        data-testid=format!("{name}-search")
                        placeholder=move || search_hint.map(|hint| hint(i18n.t()))
                        prop:value=move || q.get()
                        on:input=move |ev| q.set(event_target_value(&ev))
                    />
                </div>
            })}
            <details class="column-chooser" data-testid=format!("{name}-columns")>
                <summary class="button secondary small">{move || i18n.t().lists.columns}</summary>
                <fieldset class="field">
                    <legend>{move || i18n.t().lists.columns_legend}</legend>
                    {all.get_value().into_iter().map(|c| view! {
                        <label class="checkbox">
                            <input
                                type="checkbox"
                                data-testid=format!("{name}-column-{c}")
                                prop:checked=move || shown.with(|s| s.contains(&c))
                                on:change=move |ev| choose(c, event_target_checked(&ev))
                            />
                            <span>{move || label_of(c)}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
            </details>
            {has_filters.then(|| view! {
                <button
                    type="button"
                    class="button secondary small"
                    aria-expanded=move || filters_open.get().to_string()
                    aria-controls=panel_id.clone()
                    data-testid=format!("{name}-toggle-filters")
                    on:click=move |_| filters_open.update(|o| *o = !*o)
                >
                    {move || i18n.t().lists.filters}
                </button>
            })}
        </div>
        <ErrorAlert message=columns_error testid="columns-error" />
        {chips_view}
        <div class="list-with-filters" class:filters-open=move || filters_open.get()>
            <section class="card section-card list-main">
                <Show
                    when=move || !list.loaded.get() || !list.items.with(Vec::is_empty)
                    fallback=move || view! { <p class="empty-list" data-testid=format!("{name}-empty")>{empty(i18n.t())}</p> }
                >
                    <table class="data-table" data-testid=format!("{name}-table") aria-busy=move || list.loading.get().to_string()>
                        <thead>
                            <tr>
                                {move || shown.get().into_iter().map(|c| view! { <th scope="col" data-column=c>{label_of(c)}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || list.items.get()
                                key=move |item| row_key(item)
                                children=move |item| {
                                    let tag = row_tag.map(|f| f(&item));
                                    let data: Vec<AnyAttribute> = row_data
                                        .map(|f| f.run(item.clone()))
                                        .unwrap_or_default()
                                        .into_iter()
                                        .map(|(key, value)| custom_attribute(key, value).into_any_attr())
                                        .collect();
                                    view! {
                                        <tr data-testid=format!("{name}-row") data-tag=tag>
                                            {move || shown.get().into_iter().map(|c| {
                                                let cell = columns.with_value(|cs| cs.iter().find(|x| x.key == c).map(|x| (x.cell)(&item)));
                                                view! { <td data-label=label_of(c) data-column=c>{cell}</td> }
                                            }).collect_view()}
                                        </tr>
                                    }
                                    .add_any_attr(data)
                                }
                            />
                        </tbody>
                    </table>
                </Show>
                <LoadMore list=list testid=format!("{name}-more").leak() />
            </section>
            {filters.map(|fields| view! {
                <Show when=move || filters_open.get()>
                    <aside class="card section-card filter-panel" id=panel_id.clone() aria-labelledby=heading_id.clone() data-testid=format!("{name}-filters")>
                        <div class="section-header">
                            <h2 id=heading_id.clone()>{move || i18n.t().lists.filters}</h2>
                            <button type="button" class="button subtle small" on:click=move |_| filters_open.set(false)>{move || i18n.t().lists.close_filters}</button>
                        </div>
                        {fields.run()}
                    </aside>
                </Show>
            })}
        </div>
    }
}

/// The period filter: a choice ("Alle (géén periode filter)", this month, …, "Zelf
/// kiezen") with from/to dates for the last. Read the chosen dates with `period_dates`.
#[component]
pub fn PeriodFilter(
    /// Prefix of the field ids and test ids.
    id: &'static str,
    choice: RwSignal<PeriodChoice>,
    /// `YYYY-MM-DD` or empty, used when the choice is custom.
    from: RwSignal<String>,
    /// `YYYY-MM-DD` or empty, used when the choice is custom.
    to: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let select_id = format!("{id}-period");
    let from_id = format!("{id}-from");
    let to_id = format!("{id}-to");
    view! {
        <div class="field">
            <label for=select_id.clone()>{move || i18n.t().lists.period}</label>
            <select id=select_id.clone() data-testid=format!("{id}-period") on:change=move |ev| {
                if let Some(c) = PeriodChoice::from_slug(&event_target_value(&ev)) {
                    choice.set(c);
                }
            }>
                {PeriodChoice::ALL.into_iter().map(|c| view! {
                    <option value=c.slug() selected=move || choice.get() == c>{move || i18n.t().lists.period_choice(c)}</option>
                }).collect_view()}
            </select>
        </div>
        <Show when=move || choice.get() == PeriodChoice::Custom>
            <div class="field">
                <label for=from_id.clone()>{move || i18n.t().lists.from}</label>
                <input id=from_id.clone() type="date" data-testid=format!("{id}-from") prop:value=move || from.get() on:change=move |ev| from.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for=to_id.clone()>{move || i18n.t().lists.to}</label>
                <input id=to_id.clone() type="date" data-testid=format!("{id}-to") prop:value=move || to.get() on:change=move |ev| to.set(event_target_value(&ev)) />
            </div>
        </Show>
    }
}

/// The first and last day the period filter stands for today (open sides are `None`).
pub fn period_dates(
    choice: PeriodChoice,
    from: &str,
    to: &str,
) -> (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>) {
    period_range(choice, crate::time::today_nl(), (from.parse().ok(), to.parse().ok()))
}

/// The chip for an active period filter, or nothing for "all".
pub fn period_chip(
    t: &Dict,
    choice: RwSignal<PeriodChoice>,
    from: RwSignal<String>,
    to: RwSignal<String>,
) -> Option<FilterChip> {
    let c = choice.get();
    if c == PeriodChoice::All {
        return None;
    }
    let label = match (c, period_dates(c, &from.get(), &to.get())) {
        (PeriodChoice::Custom, (f, u)) => format!(
            "{}: {} – {}",
            t.lists.period,
            f.map(|d| d.format("%d-%m-%Y").to_string()).unwrap_or_default(),
            u.map(|d| d.format("%d-%m-%Y").to_string()).unwrap_or_default()
        ),
        _ => format!("{}: {}", t.lists.period, t.lists.period_choice(c)),
    };
    Some(FilterChip {
        label,
        clear: Callback::new(move |_| {
            choice.set(PeriodChoice::All);
            from.set(String::new());
            to.set(String::new());
        }),
    })
}
