//! `/verzuim/activiteiten`: seed 004's dossier view — every poortwachter
//! activity done or still to do across the cases the person follows, by due
//! date, filtered on done yes/no, overdue, due period, employee and activity,
//! and searched by name or case number; done marks given or taken back here too.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::absence::{Activity, ActivityState, CaseStatus, PersonRef};
use uuid::Uuid;

use super::fields::parse_date;
use super::timeline::{activity_name, is_pending};
use super::{StateBadge, case_href, follows_cases};
use crate::api::{self, ActivityFilter, CaseFilter};
use crate::browser;
use crate::components::feedback::ErrorAlert;
use crate::components::page_title::use_page_title;
use crate::components::paged::{LoadMore, Paged};
use crate::i18n::absence::AbsenceTexts;
use crate::i18n::use_i18n;
use crate::pages::admin::NoAccess;
use crate::session::use_session;

#[component]
pub fn ActivitiesPage() -> impl IntoView {
    let session = use_session();
    use_page_title(|t| t.absence.activities_title.into());
    let allowed = Memo::new(move |_| session.me().is_some_and(|me| follows_cases(&me)));
    view! {
        <Show when=move || allowed.get() fallback=|| view! { <NoAccess /> }>
            <ActivitiesList />
        </Show>
    }
}

#[component]
fn ActivitiesList() -> impl IntoView {
    let i18n = use_i18n();
    let done = RwSignal::new(Some(false));
    let overdue = RwSignal::new(false);
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let employee = RwSignal::new(None::<Uuid>);
    let kind = RwSignal::new(None::<shared::absence::ActivityKind>);
    let q = RwSignal::new(String::new());
    let filter = Memo::new(move |_| ActivityFilter {
        done: done.get(),
        overdue: overdue.get(),
        due_from: from.with(|f| parse_date(f)),
        due_to: to.with(|t| parse_date(t)),
        employee_id: employee.get(),
        kind: kind.get(),
        q: q.get(),
    });
    let list = Paged::new(move |cursor| api::absence_activities(filter.get_untracked(), cursor));
    Effect::new(move |first: Option<()>| {
        filter.track();
        if first.is_some() {
            list.reload();
        }
    });
    // The employees to choose from: those with a case the person follows.
    let employees = LocalResource::new(|| async {
        let mut people: Vec<PersonRef> = Vec::new();
        for status in [CaseStatus::Open, CaseStatus::Closed] {
            if let Ok(page) =
                api::absence_cases(CaseFilter { status: Some(status), q: String::new() }, None).await
            {
                for p in page.items.into_iter().filter_map(|c| c.employee) {
                    if !people.iter().any(|known| known.id == p.id) {
                        people.push(p);
                    }
                }
            }
        }
        people.sort_by(|a, b| a.name.cmp(&b.name));
        people
    });
    let filters_open = RwSignal::new(!browser::is_narrow_viewport());
    let error = RwSignal::new(None::<String>);
    let toggle = Action::new_local(move |(id, is_done): &(Uuid, bool)| {
        let (id, is_done) = (*id, *is_done);
        async move {
            let result =
                if is_done { api::undo_activity_done(id).await } else { api::mark_activity_done(id).await };
            match result {
                Ok(updated) => {
                    error.set(None);
                    list.replace(|a| a.id == id, updated);
                }
                Err(e) => error.set(Some(i18n.t().api_error(&e))),
            }
        }
    });
    let a = move || i18n.t().absence;
    let clear = move |_| {
        done.set(None);
        overdue.set(false);
        from.set(String::new());
        to.set(String::new());
        employee.set(None);
        kind.set(None);
        q.set(String::new());
    };

    view! {
        <header class="page-header">
            <h1>{move || a().activities_title}</h1>
            <p class="lead">{move || a().activities_intro}</p>
        </header>
        <div class="list-toolbar">
            <div class="field search-field">
                <label for="activities-search">{move || a().search}</label>
                <input
                    id="activities-search"
                    type="search"
                    placeholder=move || a().search_hint
                    data-testid="activities-search"
                    prop:value=move || q.get()
                    on:input=move |ev| q.set(event_target_value(&ev))
                />
            </div>
            <button
                type="button"
                class="button secondary small"
                aria-expanded=move || filters_open.get().to_string()
                aria-controls="activity-filters"
                data-testid="toggle-filters"
                on:click=move |_| filters_open.update(|o| *o = !*o)
            >
                {move || a().filters}
            </button>
            <button type="button" class="link-button" data-testid="clear-filters" on:click=clear>{move || a().clear_filters}</button>
        </div>
        <section
            class="card section-card filter-bar"
            id="activity-filters"
            class:is-hidden=move || !filters_open.get()
            aria-label=move || a().filters
            data-testid="activity-filters"
        >
            <div class="filter-grid">
                <div class="field">
                    <label for="activities-done">{move || a().done_filter}</label>
                    <select id="activities-done" data-testid="activities-done" on:change=move |ev| done.set(match event_target_value(&ev).as_str() {
                        "true" => Some(true),
                        "false" => Some(false),
                        _ => None,
                    })>
                        <option value="" selected=move || done.get().is_none()>{move || a().done_any}</option>
                        <option value="false" selected=move || done.get() == Some(false)>{move || a().done_no}</option>
                        <option value="true" selected=move || done.get() == Some(true)>{move || a().done_yes}</option>
                    </select>
                </div>
                <div class="field">
                    <label for="activities-from">{move || a().due_from}</label>
                    <input id="activities-from" type="date" data-testid="activities-from" prop:value=move || from.get() on:change=move |ev| from.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="activities-to">{move || a().due_to}</label>
                    <input id="activities-to" type="date" data-testid="activities-to" prop:value=move || to.get() on:change=move |ev| to.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="activities-employee">{move || a().employee}</label>
                    <select id="activities-employee" data-testid="activities-employee" on:change=move |ev| employee.set(event_target_value(&ev).parse().ok())>
                        <option value="" selected=move || employee.get().is_none()>{move || a().all_employees}</option>
                        {move || employees.get().map(|people| people.into_iter().map(|p| view! {
                            <option value=p.id.to_string() selected=move || employee.get() == Some(p.id)>{p.name.clone()}</option>
                        }).collect_view())}
                    </select>
                </div>
                <div class="field">
                    <label for="activities-kind">{move || a().activity_label}</label>
                    <select id="activities-kind" data-testid="activities-kind" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        kind.set(AbsenceTexts::KINDS.into_iter().find(|k| k.as_str() == v));
                    }>
                        <option value="" selected=move || kind.get().is_none()>{move || a().all_activities}</option>
                        {AbsenceTexts::KINDS.into_iter().map(|k| view! {
                            <option value=k.as_str() selected=move || kind.get() == Some(k)>{move || a().kind(k)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <label class="checkbox overdue-filter">
                    <input type="checkbox" data-testid="activities-overdue" prop:checked=move || overdue.get() on:change=move |ev| overdue.set(event_target_checked(&ev)) />
                    <span>{move || a().overdue_only}</span>
                </label>
            </div>
        </section>
        <ErrorAlert message=error testid="activities-error" />
        <section class="card section-card">
            <Show
                when=move || !list.loaded.get() || !list.items.with(Vec::is_empty)
                fallback=move || view! { <p class="empty-list" data-testid="no-activities">{a().no_activities}</p> }
            >
                <table class="data-table" data-testid="activities-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || a().case_label}</th>
                            <th scope="col">{move || a().activity_label}</th>
                            <th scope="col">{move || a().owner_label}</th>
                            <th scope="col">{move || a().due}</th>
                            <th scope="col">{move || a().state_label}</th>
                            <th scope="col" class="actions-cell"><span class="visually-hidden">{move || a().mark_done}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || list.items.get()
                            key=|act| (act.id, act.state)
                            children=move |act| view! { <ActivityRow activity=act on_toggle=Callback::new(move |x| { toggle.dispatch(x); }) /> }
                        />
                    </tbody>
                </table>
            </Show>
            <LoadMore list=list testid="activities-more" />
        </section>
    }
}

#[component]
fn ActivityRow(activity: Activity, on_toggle: Callback<(Uuid, bool)>) -> impl IntoView {
    let i18n = use_i18n();
    let a = move || i18n.t().absence;
    let act = activity;
    let (id, state, owner, window_from, due_on, done_on) =
        (act.id, act.state, act.owner, act.window_from, act.due_on, act.done_on);
    let by = act.done_by_name.clone();
    let employee = act.employee_name.clone().unwrap_or_else(|| "—".into());
    let (case_id, case_number, key) = (act.case_id, act.case_number.clone(), act.key.clone());
    let link_text = case_number.clone();
    let done = state == ActivityState::Done;
    view! {
        <tr data-testid="activity-row" data-case-number=case_number.clone() data-key=key.clone() data-state=state.as_str()>
            <td data-label=move || a().case_label>
                <div>
                    <A href=case_href(case_id) attr:class="cell-title">{link_text}</A>
                    <span class="cell-sub">{employee}</span>
                </div>
            </td>
            <td data-label=move || a().activity_label>{move || activity_name(a(), &act)}</td>
            <td data-label=move || a().owner_label>{move || a().owner(owner)}</td>
            <td data-label=move || a().due>
                <div>
                    {move || a().due_text(window_from, due_on)}
                    {done.then(|| view! { <span class="cell-sub">{move || a().done_by(done_on, by.as_deref())}</span> })}
                </div>
            </td>
            <td data-label=move || a().state_label><StateBadge state=state /></td>
            <td class="actions-cell">
                {(done || is_pending(state)).then(|| view! {
                    <button
                        type="button"
                        class=if done { "button subtle small" } else { "button secondary small" }
                        data-testid=if done { "undo-done" } else { "mark-done" }
                        on:click=move |_| on_toggle.run((id, done))
                    >
                        {move || if done { a().undo_done } else { a().mark_done }}
                    </button>
                })}
            </td>
        </tr>
    }
}
