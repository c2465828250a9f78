//! `/beheer/teams`: the organisation's teams and a new team; `/teams/{id}`: one
//! team's members. Administrators add members and choose main contacts; the
//! team's main contacts (seed 003: "hoofdcontacten") and administrators remove
//! members, who keep their profile.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::auth::{Me, Right, Role};
use shared::networks::{NewTeamMember, TeamMember};
use shared::organisations::Team;
use uuid::Uuid;

use crate::api;
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::components::icon::{Icon, IconName};
use crate::components::page_title::use_page_title;
use crate::i18n::use_i18n;
use crate::pages::networks::form::{Field, SelectField, TextField, refusal, show_field_errors};
use crate::session::use_session;

/// Whether this person administers the organisation's people and teams.
pub fn administers(me: &Me) -> bool {
    me.role == Role::Administrator || me.rights.contains(&Right::ManageRights)
}

/// Whether `me` may remove members of a team with these members: an
/// administrator, or one of the team's main contacts.
pub fn removes_members(me: &Me, members: &[TeamMember]) -> bool {
    administers(me) || members.iter().any(|m| m.main_contact && m.name == me.name)
}

/// The team's page.
pub fn team_href(id: Uuid) -> String {
    format!("/teams/{id}")
}

#[component]
pub fn TeamsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.care.teams.into());
    let revision = RwSignal::new(0u32);
    let teams = LocalResource::new(move || {
        revision.track();
        api::teams()
    });
    let name = Field::new();
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let c = move || i18n.t().care;
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        error.set(None);
        let Some(text) = name.required(c()) else { return };
        busy.set(true);
        spawn_local(async move {
            match api::create_team(text).await {
                Ok(_) => {
                    name.set("");
                    revision.update(|r| *r += 1);
                }
                Err(e) => {
                    if !show_field_errors(&e, c(), &[("name", name)]) {
                        error.set(Some(refusal(i18n.t(), &e)));
                    }
                }
            }
            busy.set(false);
        });
    };
    view! {
        <header class="page-header">
            <h1>{move || c().teams}</h1>
            <p class="lead">{move || c().teams_about}</p>
        </header>
        <section class="card section-card" aria-labelledby="new-team-heading">
            <h2 id="new-team-heading">{move || c().new_team}</h2>
            <ErrorAlert message=error testid="team-error" />
            <form class="form" novalidate=true data-testid="team-form" on:submit=on_submit>
                <TextField id="team-name" label=Signal::derive(move || c().team_name.to_string()) field=name />
                <div class="form-actions">
                    <button type="submit" class="button primary" data-testid="create-team" aria-disabled=move || busy.get().to_string()>
                        {move || if busy.get() { c().working } else { c().create_team }}
                    </button>
                </div>
            </form>
        </section>
        <section class="card section-card">
            {move || teams.get().map(|result| match result {
                Ok(page) if page.items.is_empty() => view! { <p class="empty-list">{c().no_teams}</p> }.into_any(),
                Ok(page) => view! {
                    <ul class="plain-list" data-testid="teams">
                        {page.items.into_iter().map(|team: Team| {
                            let name = team.name.clone();
                            view! {
                            <li data-testid="team" data-name=name>
                                <A href=team_href(team.id) attr:class="cell-title">{team.name.clone()}</A>
                                <span class="help-text">{c().member_count(team.member_count)}</span>
                            </li>
                        }}).collect_view()}
                    </ul>
                }
                .into_any(),
                Err(e) => view! { <p class="field-error">{refusal(i18n.t(), &e)}</p> }.into_any(),
            })}
        </section>
    }
}

#[component]
pub fn TeamPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| id.parse::<Uuid>().ok())));
    let team = RwSignal::new(None::<Team>);
    let members = RwSignal::new(Vec::<TeamMember>::new());
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    use_page_title(move |t| {
        team.with(|t| t.as_ref().map(|t| t.name.clone())).unwrap_or_else(|| t.care.team.into())
    });
    let c = move || i18n.t().care;

    let load = move |news: Option<&'static str>| {
        let Some(id) = id.get_untracked() else { return };
        spawn_local(async move {
            match (api::team(id).await, api::team_members(id).await) {
                (Ok(t), Ok(m)) => {
                    team.set(Some(t));
                    members.set(m);
                    if let Some(news) = news {
                        notice.set(Some(news.into()));
                        error.set(None);
                    }
                }
                (Err(e), _) | (_, Err(e)) => error.set(Some(refusal(i18n.t(), &e))),
            }
        });
    };
    Effect::new(move || {
        id.track();
        load(None);
    });
    let admin = Memo::new(move |_| session.me().is_some_and(|me| administers(&me)));
    let remover =
        Memo::new(move |_| session.me().is_some_and(|me| members.with(|m| removes_members(&me, m))));

    let act = move |call: TeamAction| {
        let Some(team_id) = id.get_untracked() else { return };
        notice.set(None);
        error.set(None);
        spawn_local(async move {
            let (result, news) = match call {
                TeamAction::MainContact(m, on) => {
                    (api::set_team_main_contact(team_id, m, on).await, c().main_contact_saved)
                }
                TeamAction::Remove(m) => (api::remove_team_member(team_id, m).await, c().member_removed),
            };
            match result {
                Ok(()) => load(Some(news)),
                Err(e) => error.set(Some(refusal(i18n.t(), &e))),
            }
        });
    };

    view! {
        <div class="page">
            <A href="/beheer/teams" attr:class="link-back">{move || c().back_to_teams}</A>
            <header class="page-header">
                <h1 data-testid="team-name">{move || team.with(|t| t.as_ref().map(|t| t.name.clone()))}</h1>
            </header>
            <SuccessNotice message=notice testid="team-notice" />
            <ErrorAlert message=error testid="team-page-error" />
            <section class="card section-card" aria-labelledby="members-heading">
                <h2 id="members-heading">{move || c().team_members}</h2>
                <Show when=move || !members.with(Vec::is_empty) fallback=move || view! { <p class="empty-list">{c().no_team_members}</p> }>
                    <table class="data-table" data-testid="team-members">
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t().name_label}</th>
                                <th scope="col">{move || c().job_title}</th>
                                <th scope="col">{move || c().main_contact}</th>
                                <th scope="col"><span class="visually-hidden">{move || i18n.t().admin.actions}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || members.get()
                                key=|m| (m.membership_id, m.main_contact)
                                children=move |m| {
                                    let (membership, main_contact) = (m.membership_id, m.main_contact);
                                    let name = m.name.clone();
                                    view! {
                                        <tr data-testid="team-member" data-name=m.name.clone()>
                                            <td data-label=move || i18n.t().name_label><span class="cell-title">{m.name.clone()}</span></td>
                                            <td data-label=move || c().job_title>{m.job_title.clone().unwrap_or_default()}</td>
                                            <td data-label=move || c().main_contact>
                                                <label class="checkbox">
                                                    <input
                                                        type="checkbox"
                                                        data-testid="main-contact-toggle"
                                                        aria-label=i18n.t().admin.action_for(c().main_contact, &name)
                                                        checked=main_contact
                                                        disabled=move || !admin.get()
                                                        on:change=move |ev| act(TeamAction::MainContact(membership, event_target_checked(&ev)))
                                                    />
                                                </label>
                                            </td>
                                            <td class="actions-cell">
                                                <Show when=move || remover.get()>
                                                    <button
                                                        type="button"
                                                        class="button subtle small danger-text"
                                                        data-testid="remove-member"
                                                        on:click=move |_| act(TeamAction::Remove(membership))
                                                    >
                                                        <Icon icon=IconName::Trash />
                                                        <span>{move || c().remove}</span>
                                                    </button>
                                                </Show>
                                            </td>
                                        </tr>
                                    }
                                }
                            />
                        </tbody>
                    </table>
                </Show>
            </section>
            <Show when=move || admin.get()>
                <AddMember team=id members=members on_added=move || load(Some(i18n.t().care.member_added)) />
            </Show>
        </div>
    }
}

#[derive(Clone, Copy)]
enum TeamAction {
    MainContact(Uuid, bool),
    Remove(Uuid),
}

/// An administrator adds a member of the organisation to the team.
#[component]
fn AddMember(
    team: Memo<Option<Uuid>>,
    members: RwSignal<Vec<TeamMember>>,
    on_added: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let c = move || i18n.t().care;
    let person = Field::new();
    let main_contact = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let everyone = RwSignal::new(Vec::<(Uuid, String)>::new());
    spawn_local(async move {
        if let Ok(page) = api::professionals(String::new(), None, None).await {
            everyone.set(page.items.into_iter().map(|p| (p.membership_id, p.name)).collect());
        }
    });
    let options = Signal::derive(move || {
        let current: Vec<Uuid> = members.with(|m| m.iter().map(|m| m.membership_id).collect());
        everyone.with(|all| {
            all.iter()
                .filter(|(id, _)| !current.contains(id))
                .map(|(id, name)| (id.to_string(), name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let Some(team_id) = team.get_untracked() else { return };
        let Some(membership_id) = person.required(c()).and_then(|p| p.parse::<Uuid>().ok()) else { return };
        let request = NewTeamMember { membership_id, main_contact: main_contact.get_untracked() };
        spawn_local(async move {
            match api::add_team_member(team_id, &request).await {
                Ok(()) => {
                    person.set("");
                    main_contact.set(false);
                    on_added();
                }
                Err(e) => {
                    if !show_field_errors(&e, c(), &[("membership_id", person)]) {
                        error.set(Some(refusal(i18n.t(), &e)));
                    }
                }
            }
        });
    };
    view! {
        <section class="card section-card" aria-labelledby="add-member-heading">
            <h2 id="add-member-heading">{move || c().add_member}</h2>
            <ErrorAlert message=error testid="add-member-error" />
            <form class="form" novalidate=true data-testid="add-member-form" on:submit=on_submit>
                <SelectField id="member-person" label=Signal::derive(move || c().member_label.to_string()) field=person options=options empty=Signal::derive(move || c().choose) />
                <label class="checkbox">
                    <input type="checkbox" data-testid="member-main-contact" prop:checked=move || main_contact.get() on:change=move |ev| main_contact.set(event_target_checked(&ev)) />
                    <span>{move || c().main_contact}</span>
                </label>
                <div class="form-actions">
                    <button type="submit" class="button primary" data-testid="add-member">{move || c().add_member}</button>
                </div>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn me(role: Role) -> Me {
        Me {
            id: Uuid::nil(),
            name: "Noor Willems".into(),
            email: "noor@example.nl".into(),
            locale: shared::i18n::Locale::Nl,
            helpdesk: false,
            organisation_id: Uuid::nil(),
            organisation_name: "Org".into(),
            role,
            rights: Vec::new(),
            main_contact: false,
            memberships: Vec::new(),
            must_change_password: false,
            must_set_up_second_factor: false,
            hours_enabled: false,
            networks_enabled: false,
        }
    }

    #[test]
    fn administrators_and_the_teams_main_contacts_remove_members() {
        let member = |name: &str, main_contact| TeamMember {
            membership_id: Uuid::nil(),
            name: name.into(),
            job_title: None,
            main_contact,
        };
        assert!(removes_members(&me(Role::Administrator), &[]));
        assert!(removes_members(&me(Role::Employee), &[member("Noor Willems", true)]));
        assert!(!removes_members(
            &me(Role::Employee),
            &[member("Noor Willems", false), member("Daan", true)]
        ));
    }
}
