//! The organisation picker (for a case manager serving several employers), the period
//! picker (month, quarter, year or from–to; this year by default) and the scope picker
//! (whole organisation, a department, a cost centre or a team), and the duration classes
//! (the standard ones unless other upper bounds are typed). They only propose a new
//! choice; the page puts it in the URL, from which everything is read again.

use chrono::NaiveDate;
use leptos::prelude::*;

use shared::absence::statistics::{DEFAULT_DURATION_CLASSES, upper_bounds_text};

use super::query::{PeriodChoice, PeriodKind, ScopeChoice, StatisticsChoice, standard_or_other_classes};
use super::use_texts;
use crate::api;
use crate::i18n::reports::ReportTexts;
use crate::session::use_session;

/// Whether the chosen organisation is the one the person acts in (its teams are the ones
/// `api::teams` lists).
fn own_organisation(choice: Memo<StatisticsChoice>) -> impl Fn() -> bool + Copy {
    let session = use_session();
    move || {
        choice.with(|c| c.organisation).is_none_or(|o| session.me().is_some_and(|me| me.organisation_id == o))
    }
}

/// The organisation, only for someone who sees more than one organisation's figures (a
/// case manager serving several employers). Another organisation starts at its whole
/// organisation: departments, cost centres and teams are its own.
#[component]
pub fn OrganisationPicker(
    choice: Memo<StatisticsChoice>,
    on_change: Callback<StatisticsChoice>,
) -> impl IntoView {
    let t = use_texts();
    let session = use_session();
    let organisations = LocalResource::new(api::absence_statistics_organisations);
    let current =
        move || choice.with(|c| c.organisation).or_else(|| session.me().map(|me| me.organisation_id));
    move || {
        let list = organisations.get().and_then(Result::ok).filter(|list| list.len() > 1)?;
        Some(view! {
            <div class="field">
                <label for="statistics-organisation">{move || t().organisation}</label>
                <select id="statistics-organisation" data-testid="statistics-organisation" on:change=move |ev| {
                    if let Ok(id) = event_target_value(&ev).parse() {
                        on_change.run(choice.get_untracked().in_organisation(id));
                    }
                }>
                    {list.into_iter().map(|o| {
                        let id = o.id;
                        view! { <option value=id.to_string() selected=move || current() == Some(id)>{o.name}</option> }
                    }).collect_view()}
                </select>
            </div>
        })
    }
}

/// The picker's label of a period kind.
fn kind_label(t: &ReportTexts, kind: PeriodKind) -> &'static str {
    match kind {
        PeriodKind::Month => t.kind_month,
        PeriodKind::Quarter => t.kind_quarter,
        PeriodKind::Year => t.kind_year,
        PeriodKind::Custom => t.kind_custom,
    }
}

/// The period: kind, then year with month or quarter, or the first and last day.
#[component]
pub fn PeriodPicker(choice: Memo<StatisticsChoice>, on_change: Callback<StatisticsChoice>) -> impl IntoView {
    let t = use_texts();
    let period = move || choice.with(|c| c.period);
    let set =
        move |period: PeriodChoice| on_change.run(StatisticsChoice { period, ..choice.get_untracked() });
    // A from after the to (or the reverse) moves the other along, so the period stays whole.
    let set_custom = move |from: Option<NaiveDate>, to: Option<NaiveDate>| {
        if let PeriodChoice::Custom { from: f, to: u } = choice.get_untracked().period {
            let (from, to) = (from.unwrap_or(f), to.unwrap_or(u));
            set(PeriodChoice::Custom { from: from.min(to), to: to.max(from) });
        }
    };
    let number_select = move |id: &'static str, label: fn(&ReportTexts) -> &'static str, count: u32| {
        view! {
            <div class="field">
                <label for=id>{move || label(t())}</label>
                <select id=id data-testid=id on:change=move |ev| {
                    let Ok(n) = event_target_value(&ev).parse::<u32>() else { return };
                    set(match period() {
                        PeriodChoice::Month { year, .. } => PeriodChoice::Month { year, month: n },
                        PeriodChoice::Quarter { year, .. } => PeriodChoice::Quarter { year, quarter: n },
                        other => other,
                    });
                }>
                    {(1..=count).map(|n| {
                        let selected = move || matches!(period(), PeriodChoice::Month { month, .. } | PeriodChoice::Quarter { quarter: month, .. } if month == n);
                        let text = move || if count == 12 { t().month_name(n).to_string() } else { format!("Q{n}") };
                        view! { <option value=n.to_string() selected=selected>{text}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <div class="field">
            <label for="statistics-period-kind">{move || t().period_kind}</label>
            <select id="statistics-period-kind" data-testid="statistics-period-kind" on:change=move |ev| {
                if let Some(kind) = PeriodKind::from_slug(&event_target_value(&ev)) {
                    set(period().as_kind(kind));
                }
            }>
                {PeriodKind::ALL.into_iter().map(|k| view! {
                    <option value=k.slug() selected=move || period().kind() == k>{move || kind_label(t(), k)}</option>
                }).collect_view()}
            </select>
        </div>
        {move || match period() {
            PeriodChoice::Custom { from, to } => view! {
                <div class="field">
                    <label for="statistics-from">{move || t().from}</label>
                    <input id="statistics-from" type="date" data-testid="statistics-from" prop:value=from.to_string()
                        on:change=move |ev| set_custom(event_target_value(&ev).parse().ok(), None) />
                </div>
                <div class="field">
                    <label for="statistics-to">{move || t().to}</label>
                    <input id="statistics-to" type="date" data-testid="statistics-to" prop:value=to.to_string()
                        on:change=move |ev| set_custom(None, event_target_value(&ev).parse().ok()) />
                </div>
            }.into_any(),
            calendar => view! {
                <div class="field">
                    <label for="statistics-year">{move || t().year}</label>
                    <input id="statistics-year" type="number" min="2000" max="2100" inputmode="numeric" data-testid="statistics-year"
                        prop:value=calendar.year().to_string()
                        on:change=move |ev| {
                            if let Ok(year) = event_target_value(&ev).trim().parse::<i32>() && (2000..=2100).contains(&year) {
                                set(period().in_year(year));
                            }
                        } />
                </div>
                {match calendar.kind() {
                    PeriodKind::Month => Some(number_select("statistics-month", |t| t.month, 12)),
                    PeriodKind::Quarter => Some(number_select("statistics-quarter", |t| t.quarter, 4)),
                    _ => None,
                }}
            }.into_any(),
        }}
    }
}

/// What the scope picker's first field offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ScopeKind {
    Organisation,
    Department,
    CostCentre,
    Team,
}

impl ScopeKind {
    const ALL: [ScopeKind; 4] =
        [ScopeKind::Organisation, ScopeKind::Department, ScopeKind::CostCentre, ScopeKind::Team];

    fn of(scope: &ScopeChoice) -> ScopeKind {
        match scope {
            ScopeChoice::Organisation => ScopeKind::Organisation,
            ScopeChoice::Department(_) => ScopeKind::Department,
            ScopeChoice::CostCentre(_) => ScopeKind::CostCentre,
            ScopeChoice::Team(_) => ScopeKind::Team,
        }
    }

    fn slug(self) -> &'static str {
        match self {
            ScopeKind::Organisation => "organisation",
            ScopeKind::Department => "department",
            ScopeKind::CostCentre => "cost_centre",
            ScopeKind::Team => "team",
        }
    }

    fn label(self, t: &ReportTexts) -> &'static str {
        match self {
            ScopeKind::Organisation => t.scope_organisation,
            ScopeKind::Department => t.scope_department,
            ScopeKind::CostCentre => t.scope_cost_centre,
            ScopeKind::Team => t.scope_team,
        }
    }
}

/// Whose absence: the whole organisation, or a department, cost centre or team. The
/// department and cost centre are typed as in the employee data (as the Medewerkers
/// filter takes them); the teams come from the organisation's teams.
#[component]
pub fn ScopePicker(choice: Memo<StatisticsChoice>, on_change: Callback<StatisticsChoice>) -> impl IntoView {
    let t = use_texts();
    // The kind picked but not yet filled in (no department typed yet); otherwise the
    // chosen scope's kind.
    let picked = RwSignal::new(None::<ScopeKind>);
    let kind = move || picked.get().unwrap_or_else(|| choice.with(|c| ScopeKind::of(&c.scope)));
    let set = move |scope: ScopeChoice| {
        picked.set(None);
        on_change.run(StatisticsChoice { scope, ..choice.get_untracked() });
    };
    let teams = LocalResource::new(api::teams);
    let own = own_organisation(choice);
    let typed =
        move |id: &'static str, label: fn(&ReportTexts) -> &'static str, make: fn(String) -> ScopeChoice| {
            let current = move || {
                choice.with(|c| match &c.scope {
                    ScopeChoice::Department(v) | ScopeChoice::CostCentre(v) if make(v.clone()) == c.scope => {
                        v.clone()
                    }
                    _ => String::new(),
                })
            };
            view! {
                <div class="field">
                    <label for=id>{move || label(t())}</label>
                    <input id=id type="text" data-testid=id prop:value=current on:change=move |ev| {
                        let value = event_target_value(&ev).trim().to_string();
                        if !value.is_empty() {
                            set(make(value));
                        }
                    } />
                    <p class="help-text">{move || t().typed_hint}</p>
                </div>
            }
        };
    view! {
        <div class="field">
            <label for="statistics-scope-kind">{move || t().scope_kind}</label>
            <select id="statistics-scope-kind" data-testid="statistics-scope-kind" on:change=move |ev| {
                match ScopeKind::ALL.into_iter().find(|k| k.slug() == event_target_value(&ev)) {
                    Some(ScopeKind::Organisation) => set(ScopeChoice::Organisation),
                    other => picked.set(other),
                }
            }>
                // Only one's own organisation's teams are listed, so only there is a team a choice.
                {move || ScopeKind::ALL.into_iter().filter(|&k| k != ScopeKind::Team || own()).map(|k| view! {
                    <option value=k.slug() selected=move || kind() == k>{move || k.label(t())}</option>
                }).collect_view()}
            </select>
        </div>
        {move || match kind() {
            ScopeKind::Organisation => None,
            ScopeKind::Department => Some(typed("statistics-department", |t| t.scope_department, ScopeChoice::Department).into_any()),
            ScopeKind::CostCentre => Some(typed("statistics-cost-centre", |t| t.scope_cost_centre, ScopeChoice::CostCentre).into_any()),
            ScopeKind::Team => Some(view! {
                <div class="field">
                    <label for="statistics-team">{move || t().scope_team}</label>
                    <select id="statistics-team" data-testid="statistics-team" on:change=move |ev| {
                        if let Ok(id) = event_target_value(&ev).parse() {
                            set(ScopeChoice::Team(id));
                        }
                    }>
                        <option value="">{move || t().choose_team}</option>
                        {move || teams.get().and_then(Result::ok).map(|page| page.items.into_iter().map(|team| {
                            let id = team.id;
                            view! {
                                <option value=id.to_string() selected=move || choice.with(|c| c.scope == ScopeChoice::Team(id))>{team.name}</option>
                            }
                        }).collect_view())}
                    </select>
                </div>
            }.into_any()),
        }}
    }
}

/// The duration classes by their upper bounds in days, checked as the API checks them: a
/// refused list says why under the field and changes nothing; "Standaardklassen" goes
/// back to 1–14, 15–91, 92–365 and 366–730.
#[component]
pub fn ClassesPicker(choice: Memo<StatisticsChoice>, on_change: Callback<StatisticsChoice>) -> impl IntoView {
    let t = use_texts();
    let shown = move || {
        choice.with(|c| c.classes.clone()).unwrap_or_else(|| upper_bounds_text(&DEFAULT_DURATION_CLASSES))
    };
    let typed = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<shared::absence::statistics::ClassesError>);
    let set = move |classes: Option<String>| {
        typed.set(None);
        error.set(None);
        on_change.run(StatisticsChoice { classes, ..choice.get_untracked() });
    };
    view! {
        <div class="field">
            <label for="statistics-classes">{move || t().classes_label}</label>
            <input id="statistics-classes" type="text" inputmode="numeric" data-testid="statistics-classes"
                aria-describedby="statistics-classes-hint statistics-classes-error"
                aria-invalid=move || error.get().is_some().then_some("true")
                prop:value=move || typed.get().unwrap_or_else(shown)
                on:input=move |ev| typed.set(Some(event_target_value(&ev)))
                on:change=move |ev| match standard_or_other_classes(&event_target_value(&ev)) {
                    Ok(classes) => set(classes),
                    Err(e) => error.set(Some(e)),
                } />
            <p id="statistics-classes-hint" class="help-text">{move || t().classes_hint}</p>
            <p id="statistics-classes-error" class="field-error" role="alert" data-testid="statistics-classes-error" hidden=move || error.get().is_none()>
                {move || error.get().map(|e| t().classes_error(e))}
            </p>
            <Show when=move || choice.with(|c| c.classes.is_some())>
                <button type="button" class="button secondary small" data-testid="statistics-classes-standard" on:click=move |_| set(None)>
                    {move || t().classes_standard}
                </button>
            </Show>
        </div>
    }
}
