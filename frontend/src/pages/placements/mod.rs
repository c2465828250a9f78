//! Uitzendwerk (seed 002): Plaatsingen (`/plaatsingen`: one's own, or for the employer every
//! placement with a hirer search and a form to add one) and Fase (`/fase`: the phase of the
//! agency CAO with the worked weeks counted and what comes next).

use chrono::NaiveDate;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::auth::Right;
use shared::placements::{AgencyPhase, PhaseRules, Placement, PlacementInput};
use uuid::Uuid;

use crate::api;
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::components::page_title::use_page_title;
use crate::components::paged::{LoadMore, Paged};
use crate::components::sub_nav::SubNav;
use crate::i18n::selfservice::SelfServiceTexts;
use crate::i18n::use_i18n;
use crate::session::use_session;

fn tabs(t: &'static SelfServiceTexts) -> Vec<(&'static str, &'static str)> {
    vec![("/plaatsingen", t.tab_placements()), ("/fase", t.tab_phase())]
}

fn is_current(href: &str, path: &str) -> bool {
    href == path
}

#[component]
fn AgencyTabs() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <SubNav
            tabs=Signal::derive(move || tabs(i18n.t().selfservice))
            label=Signal::derive(move || i18n.t().selfservice.agency_sections())
            testid="agency-nav"
            is_current=is_current
        />
    }
}

fn hours(minutes: i32) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

#[component]
fn PlacementRows(
    #[prop(into)] items: Signal<Vec<Placement>>,
    employer: bool,
    on_delete: Callback<Uuid>,
) -> impl IntoView {
    let i18n = use_i18n();
    let s = move || i18n.t().selfservice;
    view! {
        <table class="data-table" data-testid="placements-table">
            <thead>
                <tr>
                    {employer.then(|| view! { <th scope="col">{move || s().col_person()}</th> })}
                    <th scope="col">{move || s().col_hirer()}</th>
                    <th scope="col">{move || s().col_function()}</th>
                    <th scope="col">{move || s().col_start()}</th>
                    <th scope="col">{move || s().col_end()}</th>
                    <th scope="col" class="numeric">{move || s().col_hours()}</th>
                    {employer.then(|| view! { <th scope="col" class="actions-cell"><span class="visually-hidden">{move || s().delete()}</span></th> })}
                </tr>
            </thead>
            <tbody>
                <For
                    each=move || items.get()
                    key=|p| (p.id, p.minutes_per_week, p.ends_on)
                    children=move |p: Placement| {
                        let (id, start, end, minutes) = (p.id, p.starts_on, p.ends_on, p.minutes_per_week);
                        view! {
                            <tr data-testid="placement-row" data-hirer=p.hirer.clone()>
                                {employer.then(|| view! { <td data-label=move || s().col_person()>{p.person_name.clone()}</td> })}
                                <td data-label=move || s().col_hirer()>
                                    <div class="cell-stack">
                                        <span class="cell-title">{p.hirer.clone()}</span>
                                        {p.cost_centre.clone().map(|c| view! { <span class="cell-sub">{c}</span> })}
                                    </div>
                                </td>
                                <td data-label=move || s().col_function()>{p.function.clone()}</td>
                                <td data-label=move || s().col_start()>{move || s().date(start)}</td>
                                <td data-label=move || s().col_end()>{move || end.map(|d| s().date(d)).unwrap_or_else(|| s().open_ended().into())}</td>
                                <td class="numeric" data-label=move || s().col_hours()>{hours(minutes)}</td>
                                {employer.then(|| view! {
                                    <td class="actions-cell">
                                        <button type="button" class="button subtle small" data-testid="delete-placement" on:click=move |_| on_delete.run(id)>{move || s().delete()}</button>
                                    </td>
                                })}
                            </tr>
                        }
                    }
                />
            </tbody>
        </table>
    }
}

/// `/plaatsingen`.
#[component]
pub fn PlacementsPage() -> impl IntoView {
    let session = use_session();
    use_page_title(|t| t.selfservice.placements_title().into());
    let employer = Memo::new(move |_| {
        session.me().map(|me| me.rights.contains(&Right::ManageEmployeeData)).unwrap_or(false)
    });
    view! {
        <div class="page agency-page">
            <AgencyTabs />
            {move || if employer.get() { view! { <EmployerPlacements /> }.into_any() } else { view! { <MyPlacements /> }.into_any() }}
        </div>
    }
}

#[component]
fn MyPlacements() -> impl IntoView {
    let i18n = use_i18n();
    let s = move || i18n.t().selfservice;
    let mine = LocalResource::new(api::my_placements);
    view! {
        <header class="page-header">
            <h1>{move || s().placements_title()}</h1>
            <p class="lead">{move || s().placements_intro()}</p>
        </header>
        <section class="card section-card">
            {move || mine.get().map(|r| match r {
                Err(e) => view! { <p class="form-alert is-visible" role="alert">{i18n.t().api_error(&e)}</p> }.into_any(),
                Ok(list) if list.is_empty() => view! { <p class="empty-list" data-testid="no-placements">{s().no_placements()}</p> }.into_any(),
                Ok(list) => view! { <PlacementRows items=Signal::derive(move || list.clone()) employer=false on_delete=Callback::new(|_| {}) /> }.into_any(),
            })}
        </section>
    }
}

#[component]
fn EmployerPlacements() -> impl IntoView {
    let i18n = use_i18n();
    let s = move || i18n.t().selfservice;
    let hirer = RwSignal::new(String::new());
    let list: Paged<Placement> = Paged::new(move |cursor| api::placements(hirer.get_untracked(), cursor));
    Effect::new(move |first: Option<()>| {
        hirer.track();
        if first.is_some() {
            list.reload();
        }
    });
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let remove = move |id: Uuid| {
        spawn_local(async move {
            match api::delete_placement(id).await {
                Ok(()) => list.reload(),
                Err(e) => error.set(Some(i18n.t().api_error(&e))),
            }
        })
    };
    view! {
        <header class="page-header">
            <h1>{move || s().placements_title()}</h1>
            <p class="lead">{move || s().employer_placements_intro()}</p>
        </header>
        <div class="list-toolbar">
            <div class="field search-field">
                <label for="placements-hirer">{move || s().filter_hirer()}</label>
                <input id="placements-hirer" type="search" data-testid="placements-hirer" prop:value=move || hirer.get() on:input=move |ev| hirer.set(event_target_value(&ev)) />
            </div>
        </div>
        <ErrorAlert message=error testid="placements-error" />
        <SuccessNotice message=notice testid="placements-notice" />
        <section class="card section-card">
            <Show
                when=move || !list.loaded.get() || !list.items.with(Vec::is_empty)
                fallback=move || view! { <p class="empty-list" data-testid="no-placements">{s().no_placements()}</p> }
            >
                <PlacementRows items=list.items employer=true on_delete=Callback::new(remove) />
            </Show>
            <LoadMore list=list testid="placements-more" />
        </section>
        <NewPlacementForm on_done=Callback::new(move |_| { notice.set(Some(i18n.t().selfservice.placement_saved().into())); list.reload(); }) />
    }
}

#[component]
fn NewPlacementForm(on_done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let s = move || i18n.t().selfservice;
    let person = RwSignal::new(None::<Uuid>);
    let hirer = RwSignal::new(String::new());
    let function = RwSignal::new(String::new());
    let start = RwSignal::new(String::new());
    let end = RwSignal::new(String::new());
    let hours_text = RwSignal::new(String::from("24"));
    let cost_centre = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<(String, String)>::new());
    let error = RwSignal::new(None::<String>);
    let people = LocalResource::new(|| async {
        let mut people = api::members(None).await.map(|p| p.items).unwrap_or_default();
        people.sort_by(|a, b| a.name.cmp(&b.name));
        people
    });
    let err_for = move |field: &'static str| {
        move || errors.with(|e| e.iter().find(|(f, _)| f == field).map(|(_, m)| m.clone()))
    };
    let parse = |t: &str| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let t = i18n.t().selfservice;
        let mut problems = Vec::new();
        let Some(user_id) = person.get_untracked() else {
            errors.set(vec![("user_id".into(), t.choose_person().into())]);
            return;
        };
        let starts_on = start.with_untracked(|d| parse(d));
        if starts_on.is_none() {
            problems.push(("starts_on".to_string(), t.error_required().to_string()));
        }
        let minutes = hours_text
            .with_untracked(|h| h.trim().replace(',', ".").parse::<f64>().ok())
            .map(|h| (h * 60.0).round() as i32);
        if minutes.is_none_or(|m| !(1..=3600).contains(&m)) {
            problems.push(("minutes_per_week".into(), t.error_out_of_range().into()));
        }
        if !problems.is_empty() {
            errors.set(problems);
            return;
        }
        let input = PlacementInput {
            user_id,
            hirer: hirer.get_untracked(),
            function: function.get_untracked(),
            starts_on: starts_on.unwrap_or_default(),
            ends_on: end.with_untracked(|d| parse(d)),
            minutes_per_week: minutes.unwrap_or(0),
            cost_centre: Some(cost_centre.get_untracked()).filter(|c| !c.trim().is_empty()),
        };
        spawn_local(async move {
            match api::create_placement(&input).await {
                Ok(_) => {
                    errors.set(Vec::new());
                    error.set(None);
                    hirer.set(String::new());
                    function.set(String::new());
                    on_done.run(());
                }
                Err(e) => {
                    let t = i18n.t().selfservice;
                    let found: Vec<(String, String)> = [
                        "user_id",
                        "hirer",
                        "function",
                        "starts_on",
                        "ends_on",
                        "minutes_per_week",
                        "cost_centre",
                    ]
                    .into_iter()
                    .filter_map(|f| e.field_code(f).map(|c| (f.to_string(), t.problem(f, c).to_string())))
                    .collect();
                    if found.is_empty() {
                        error.set(Some(i18n.t().api_error(&e)));
                    }
                    errors.set(found);
                }
            }
        });
    };
    let text_field = move |id: &'static str,
                           field: &'static str,
                           label: fn(&SelfServiceTexts) -> &'static str,
                           value: RwSignal<String>,
                           kind: &'static str| {
        view! {
            <div class="field" class:has-error=move || err_for(field)().is_some()>
                <label for=id>{move || label(i18n.t().selfservice)}</label>
                <input id=id type=kind data-testid=id prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
                {move || err_for(field)().map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
        }
    };
    view! {
        <form class="card section-card form" novalidate=true on:submit=on_submit data-testid="placement-form" aria-labelledby="placement-heading">
            <h2 id="placement-heading">{move || s().new_placement()}</h2>
            <div class="form-grid">
                <div class="field" class:has-error=move || err_for("user_id")().is_some()>
                    <label for="placement-person">{move || s().col_person()}</label>
                    <select id="placement-person" data-testid="placement-person" on:change=move |ev| person.set(event_target_value(&ev).parse().ok())>
                        <option value="">{move || s().choose_person()}</option>
                        {move || people.get().map(|people| people.into_iter().map(|p| view! { <option value=p.user_id.to_string()>{p.name.clone()}</option> }).collect_view())}
                    </select>
                    {move || err_for("user_id")().map(|m| view! { <p class="field-error">{m}</p> })}
                </div>
                {text_field("placement-hirer", "hirer", SelfServiceTexts::col_hirer, hirer, "text")}
                {text_field("placement-function", "function", SelfServiceTexts::col_function, function, "text")}
                {text_field("placement-start", "starts_on", SelfServiceTexts::col_start, start, "date")}
                {text_field("placement-end", "ends_on", SelfServiceTexts::col_end, end, "date")}
                {text_field("placement-hours", "minutes_per_week", SelfServiceTexts::col_hours, hours_text, "text")}
                {text_field("placement-cost-centre", "cost_centre", SelfServiceTexts::col_cost_centre, cost_centre, "text")}
            </div>
            <ErrorAlert message=error testid="placement-error" />
            <div class="form-actions">
                <button type="submit" class="button primary" data-testid="save-placement">{move || s().save()}</button>
            </div>
        </form>
    }
}

/// `/fase`.
#[component]
pub fn PhasePage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.selfservice.phase_title().into());
    let s = move || i18n.t().selfservice;
    let phase = LocalResource::new(api::my_phase);
    let rules = PhaseRules::default();
    view! {
        <div class="page agency-page">
            <AgencyTabs />
            <header class="page-header">
                <h1>{move || s().phase_title()}</h1>
                <p class="lead">{move || s().phase_intro()}</p>
            </header>
            {move || phase.get().map(|r| match r {
                Err(e) => view! { <p class="form-alert is-visible" role="alert">{i18n.t().api_error(&e)}</p> }.into_any(),
                Ok(None) => view! { <section class="card section-card"><p class="empty-list" data-testid="no-phase">{s().no_phase()}</p></section> }.into_any(),
                Ok(Some(p)) => {
                    let (phase, started) = (p.phase, p.started_on);
                    let pct = (f64::from(p.weeks_counted) * 100.0 / f64::from(rules.a_weeks)).min(100.0);
                    view! {
                        <section class="card section-card phase-card" data-testid="phase-card" data-phase=phase.as_str()>
                            <h2 data-testid="phase-name">{move || s().phase(phase)}</h2>
                            <p>{move || s().phase_about(phase)}</p>
                            <dl class="facts">
                                <div><dt>{move || s().phase_since()}</dt><dd>{move || s().date(started)}</dd></div>
                                {(phase == AgencyPhase::A).then(|| view! {
                                    <div><dt>{move || s().weeks_counted()}</dt><dd data-testid="weeks-counted">{p.weeks_counted}</dd></div>
                                    <div><dt>{move || s().weeks_left()}</dt><dd data-testid="weeks-left">{p.weeks_left.unwrap_or(0)}</dd></div>
                                })}
                                {(phase == AgencyPhase::B).then(|| view! {
                                    <div><dt>{move || s().contracts_counted()}</dt><dd>{p.contracts_counted}</dd></div>
                                    <div><dt>{move || s().contracts_left()}</dt><dd>{p.contracts_left.unwrap_or(0)}</dd></div>
                                    <div><dt>{move || s().ends_by()}</dt><dd>{move || p.ends_by.map(|d| s().date(d)).unwrap_or_default()}</dd></div>
                                })}
                            </dl>
                            {(phase == AgencyPhase::A).then(|| view! {
                                <div class="weeks-bar">
                                    <progress max=rules.a_weeks value=p.weeks_counted aria-label=move || s().weeks_of(p.weeks_counted, rules.a_weeks)>{format!("{pct:.0}%")}</progress>
                                    <span>{move || s().weeks_of(p.weeks_counted, rules.a_weeks)}</span>
                                </div>
                                <p class="help-text">{move || s().weeks_rule()}</p>
                            })}
                            <h3>{move || s().next_phase()}</h3>
                            <p data-testid="next-phase">{move || match p.next {
                                Some(n) => format!("{}: {}", s().phase(n), s().phase_about(n)),
                                None => s().phase_c_final().to_string(),
                            }}</p>
                        </section>
                    }.into_any()
                }
            })}
        </div>
    }
}
