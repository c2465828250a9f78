//! `/beheer/professionals`: the organisation's professionals with function,
//! role, teams and whether they activated their account; search; and
//! "Professional toevoegen" (the profile at once, an activation mail to them).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::auth::Role;
use shared::networks::{NewProfessional, Professional};
use uuid::Uuid;

use crate::api;
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::components::page_title::use_page_title;
use crate::components::paged::{LoadMore, Paged};
use crate::i18n::use_i18n;
use crate::pages::absence::fields::{InputKind, parse_date};
use crate::pages::networks::form::{Field, SelectField, TextField, refusal, show_field_errors};
use crate::pages::networks::search::debounced;

/// The roles an administrator gives professionals.
pub const PROFESSIONAL_ROLES: [Role; 4] =
    [Role::Employee, Role::CareCoordinator, Role::Planner, Role::Administrator];

#[component]
pub fn ProfessionalsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.care.professionals_title.into());
    let typed = RwSignal::new(String::new());
    let q = debounced(typed);
    let list = Paged::new(move |cursor| api::professionals(q.get_untracked(), None, cursor));
    Effect::new(move |previous: Option<String>| {
        let now = q.get();
        if previous.is_some_and(|p| p != now) {
            list.reload();
        }
        now
    });
    let adding = RwSignal::new(false);
    let notice = RwSignal::new(None::<String>);
    let c = move || i18n.t().care;
    view! {
        <header class="page-header">
            <h1>{move || c().professionals_title}</h1>
            <p class="lead">{move || c().professionals_intro}</p>
        </header>
        <SuccessNotice message=notice testid="professionals-notice" />
        <Show
            when=move || adding.get()
            fallback=move || view! {
                <div class="list-toolbar">
                    <div class="field search-field">
                        <label for="professionals-search">{move || c().search}</label>
                        <input
                            id="professionals-search"
                            type="search"
                            placeholder=move || c().professionals_search_hint
                            data-testid="professionals-search"
                            prop:value=move || typed.get()
                            on:input=move |ev| typed.set(event_target_value(&ev))
                        />
                    </div>
                    <button type="button" class="button primary" data-testid="add-professional" on:click=move |_| { notice.set(None); adding.set(true); }>
                        {move || c().add_professional}
                    </button>
                </div>
            }
        >
            <NewProfessionalForm open=adding list=list notice=notice />
        </Show>
        <section class="card section-card">
            <Show
                when=move || !list.loaded.get() || !list.items.with(Vec::is_empty)
                fallback=move || view! { <p class="empty-list">{c().no_professionals}</p> }
            >
                <table class="data-table" data-testid="professionals-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t().name_label}</th>
                            <th scope="col">{move || c().job_title}</th>
                            <th scope="col">{move || i18n.t().role_label}</th>
                            <th scope="col">{move || c().teams}</th>
                            <th scope="col">{move || c().activated}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || list.items.get() key=|p: &Professional| (p.membership_id, p.activated, p.teams.len()) children=move |p| view! { <ProfessionalRow professional=p /> } />
                    </tbody>
                </table>
            </Show>
            <LoadMore list=list testid="professionals-more" />
        </section>
    }
}

#[component]
fn ProfessionalRow(professional: Professional) -> impl IntoView {
    let i18n = use_i18n();
    let c = move || i18n.t().care;
    let (role, activated) = (professional.role, professional.activated);
    let teams = professional.teams.iter().map(|t| t.name.clone()).collect::<Vec<_>>().join(", ");
    view! {
        <tr data-testid="professional-row" data-email=professional.email.clone()>
            <td data-label=move || i18n.t().name_label>
                <div>
                    <span class="cell-title">{professional.name.clone()}</span>
                    <span class="cell-sub break-anywhere">{professional.email.clone()}</span>
                </div>
            </td>
            <td data-label=move || c().job_title>{professional.job_title.clone().unwrap_or_default()}</td>
            <td data-label=move || i18n.t().role_label>{move || i18n.t().role(role)}</td>
            <td data-label=move || c().teams>{teams}</td>
            <td data-label=move || c().activated>
                {move || if activated {
                    view! { <span class="badge badge-ok" data-testid="activated">{c().yes}</span> }
                } else {
                    view! { <span class="badge badge-pending" data-testid="activated">{c().not_yet}</span> }
                }}
            </td>
        </tr>
    }
}

#[component]
fn NewProfessionalForm(
    open: RwSignal<bool>,
    list: Paged<Professional>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let c = move || i18n.t().care;
    let name = Field::new();
    let email = Field::new();
    let job_title = Field::new();
    let role = Field::new();
    role.set(Role::Employee.as_str());
    let birth_date = Field::new();
    let mobile = Field::new();
    let team = Field::new();
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let teams = RwSignal::new(Vec::<(String, String)>::new());
    spawn_local(async move {
        if let Ok(page) = api::teams().await {
            teams.set(page.items.into_iter().map(|t| (t.id.to_string(), t.name)).collect());
        }
    });
    let roles = Signal::derive(move || {
        PROFESSIONAL_ROLES
            .iter()
            .map(|r| (r.as_str().to_string(), i18n.t().role(*r).to_string()))
            .collect::<Vec<_>>()
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        error.set(None);
        let t = c();
        let (n, e, j) = (name.required(t), email.required(t), job_title.required(t));
        let born = birth_date.required(t).and_then(|d| {
            let date = parse_date(&d);
            if date.is_none() {
                birth_date.error.set(Some(t.problem("invalid_date")));
            }
            date
        });
        let chosen_role = role.text().and_then(|r| Role::parse(&r));
        let (Some(n), Some(e), Some(j), Some(born), Some(chosen_role)) = (n, e, j, born, chosen_role) else {
            return;
        };
        let request = NewProfessional {
            name: n,
            email: e,
            job_title: j,
            role: chosen_role,
            birth_date: born,
            mobile: mobile.text(),
            team_id: team.text().and_then(|id| id.parse::<Uuid>().ok()),
        };
        busy.set(true);
        spawn_local(async move {
            match api::create_professional(&request).await {
                Ok(p) => {
                    notice.set(Some(c().professional_added(&p.name, &p.email)));
                    open.set(false);
                    list.reload();
                }
                Err(err) => {
                    let fields = [
                        ("name", name),
                        ("email", email),
                        ("job_title", job_title),
                        ("role", role),
                        ("birth_date", birth_date),
                        ("mobile", mobile),
                        ("team_id", team),
                    ];
                    if !show_field_errors(&err, c(), &fields) {
                        error.set(Some(refusal(i18n.t(), &err)));
                    }
                }
            }
            busy.set(false);
        });
    };

    view! {
        <section class="card section-card" aria-labelledby="new-professional-heading">
            <h2 id="new-professional-heading">{move || c().add_professional}</h2>
            <ErrorAlert message=error testid="professional-error" />
            <form class="form form-grid" novalidate=true data-testid="professional-form" on:submit=on_submit>
                <TextField id="professional-name" label=Signal::derive(move || i18n.t().name_label.to_string()) field=name />
                <TextField id="professional-email" label=Signal::derive(move || c().email.to_string()) field=email />
                <TextField id="professional-job-title" label=Signal::derive(move || c().job_title.to_string()) field=job_title />
                <SelectField id="professional-role" label=Signal::derive(move || i18n.t().role_label.to_string()) field=role options=roles />
                <TextField
                    id="professional-birth-date"
                    label=Signal::derive(move || c().birth_date.to_string())
                    field=birth_date
                    kind=InputKind::Date
                    hint=Signal::derive(move || i18n.t().admin.invite_birth_date_hint)
                />
                <TextField id="professional-mobile" label=Signal::derive(move || c().optional(i18n.t().contact.mobile_label)) field=mobile kind=InputKind::Tel />
                <SelectField
                    id="professional-team"
                    label=Signal::derive(move || c().team.to_string())
                    field=team
                    options=teams
                    empty=Signal::derive(move || c().no_team)
                />
                <div class="form-actions span-all">
                    <button type="submit" class="button primary" data-testid="save-professional" aria-disabled=move || busy.get().to_string()>
                        {move || if busy.get() { c().working } else { c().add_professional }}
                    </button>
                    <button type="button" class="button secondary" on:click=move |_| open.set(false)>{move || c().cancel}</button>
                </div>
            </form>
        </section>
    }
}
