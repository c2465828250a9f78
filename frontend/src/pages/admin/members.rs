//! `/beheer/rechten`: the organisation's members with their role and rights.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use shared::auth::{Me, Right, Role};
use shared::error::ErrorKind;
use shared::organisations::{Member, MemberUpdate};

use super::invitations::grantable_roles;
use crate::api::{self, ApiError};
use crate::browser;
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::components::page_title::use_page_title;
use crate::components::paged::{LoadMore, Paged};
use crate::i18n::use_i18n;
use crate::session::use_session;

/// Why a member's row cannot be edited by `me`, if it cannot. The server
/// refuses both anyway; saying so up front saves a useless form.
fn read_only_reason(me: &Me, member: &Member) -> Option<ReadOnly> {
    if member.user_id == me.id {
        Some(ReadOnly::Yourself)
    } else if member.main_contact {
        Some(ReadOnly::MainContact)
    } else {
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ReadOnly {
    Yourself,
    MainContact,
}

#[component]
pub fn MembersPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.admin.members_title.into());
    let list = Paged::new(api::members);
    let notice = RwSignal::new(None::<String>);

    view! {
        <header class="page-header">
            <h1>{move || i18n.t().admin.members_title}</h1>
            <p class="lead">{move || i18n.t().admin.members_intro}</p>
        </header>
        <section class="card section-card">
            <SuccessNotice message=notice testid="members-notice" />
            <Show
                when=move || !list.loaded.get() || !list.items.with(Vec::is_empty)
                fallback=move || view! { <p class="empty-list">{i18n.t().admin.no_members}</p> }
            >
                <table class="data-table" data-testid="members-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t().name_label}</th>
                            <th scope="col">{move || i18n.t().role_label}</th>
                            <th scope="col">{move || i18n.t().admin.rights_label}</th>
                            <th scope="col"><span class="visually-hidden">{move || i18n.t().admin.actions}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || list.items.get()
                            key=|m| (m.id, m.role, m.rights.clone())
                            children=move |member| view! { <MemberRow member=member list=list notice=notice /> }
                        />
                    </tbody>
                </table>
            </Show>
            <LoadMore list=list testid="members-more" />
        </section>
    }
}

#[component]
fn MemberRow(member: Member, list: Paged<Member>, notice: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let editing = RwSignal::new(false);
    let edit_button = NodeRef::<html::Button>::new();
    let read_only = session.me().and_then(|me| read_only_reason(&me, &member));
    let id = member.id;
    let name = member.name.clone();

    let close_editor = move || {
        editing.set(false);
        request_animation_frame(move || {
            if let Some(b) = edit_button.get_untracked() {
                let _ = b.focus();
            }
        });
    };

    let role = member.role;
    let rights = member.rights.clone();
    let testid = format!("member-{}", member.email);
    let editor_member = member.clone();
    view! {
        <tr data-testid=testid.clone()>
            <td data-label=move || i18n.t().name_label>
                <div>
                    <span class="cell-title">
                        {member.name.clone()}
                        {member.main_contact.then(|| view! { <span class="badge">{move || i18n.t().main_contact}</span> })}
                        {(read_only == Some(ReadOnly::Yourself)).then(|| view! { <span class="badge">{move || i18n.t().admin.you}</span> })}
                    </span>
                    <span class="cell-sub break-anywhere">{member.email.clone()}</span>
                </div>
            </td>
            <td data-label=move || i18n.t().role_label data-testid="member-role">{move || i18n.t().role(role)}</td>
            <td data-label=move || i18n.t().admin.rights_label data-testid="member-rights">
                {move || i18n.t().admin.rights_list(&rights)}
            </td>
            <td class="actions-cell">
                {match read_only {
                    Some(reason) => view! {
                        <span class="help-text" data-testid="read-only">
                            {move || match reason {
                                ReadOnly::Yourself => i18n.t().admin.read_only_self,
                                ReadOnly::MainContact => i18n.t().admin.read_only_main_contact,
                            }}
                        </span>
                    }
                    .into_any(),
                    None => view! {
                        <div class="row-actions">
                        <button
                            type="button"
                            class="button secondary small"
                            id=format!("edit-{id}")
                            data-testid="edit-member"
                            node_ref=edit_button
                            aria-expanded=move || editing.get().to_string()
                            aria-controls=format!("editor-{id}")
                            aria-label=move || i18n.t().admin.action_for(i18n.t().admin.edit, &name)
                            on:click=move |_| editing.update(|e| *e = !*e)
                        >
                            {move || i18n.t().admin.edit}
                        </button>
                        <TemporaryPasswordAction id=id name=member.name.clone() />
                        </div>
                    }
                    .into_any(),
                }}
            </td>
        </tr>
        <Show when=move || editing.get()>
            <tr class="editor-row" id=format!("editor-{id}") data-testid=format!("{testid}-editor")>
                <td colspan="4">
                    <MemberEditor member=editor_member.clone() list=list notice=notice on_close=close_editor />
                </td>
            </tr>
        </Show>
    }
}

#[component]
fn MemberEditor(
    member: Member,
    list: Paged<Member>,
    notice: RwSignal<Option<String>>,
    on_close: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let role = RwSignal::new(member.role);
    let rights = RwSignal::new(member.rights.clone());
    let error = RwSignal::new(None::<String>);
    let role_select = NodeRef::<html::Select>::new();
    let id = member.id;

    // Focus the first control, so keyboard users land in the editor they opened.
    Effect::new(move || {
        if let Some(select) = role_select.get() {
            let _ = select.focus();
        }
    });

    let save = Action::new_local(move |update: &MemberUpdate| {
        let update = update.clone();
        async move {
            match api::update_member(id, &update).await {
                Ok(updated) => {
                    notice.set(Some(i18n.t().admin.member_saved.into()));
                    // The row is drawn anew with the saved values and the
                    // editor closed: give focus back to its edit button.
                    list.replace(|m| m.id == id, updated);
                    request_animation_frame(move || browser::focus_element(&format!("edit-{id}")));
                }
                Err(e) => error.set(Some(member_error(i18n.t(), &e))),
            }
        }
    });
    let pending = save.pending();

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        error.set(None);
        notice.set(None);
        save.dispatch(MemberUpdate { role: role.get_untracked(), rights: rights.get_untracked() });
    };

    // The member's current role stays selectable even when this person could
    // not grant it, so opening the editor never changes it by itself.
    let current_role = member.role;
    let roles = move || {
        let mut roles: Vec<Role> = session.me().map(|me| grantable_roles(&me)).unwrap_or_default();
        if !roles.contains(&current_role) {
            roles.push(current_role);
        }
        roles
    };
    let held = move || session.me().map(|me| me.rights).unwrap_or_default();
    let select_id = format!("member-role-{id}");

    view! {
        <form
            class="member-editor"
            novalidate=true
            on:submit=on_submit
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Escape" {
                    ev.prevent_default();
                    on_close();
                }
            }
        >
            <ErrorAlert message=error testid="member-error" />
            <div class="field">
                <label for=select_id.clone()>{move || i18n.t().role_label}</label>
                <select
                    id=select_id
                    data-testid="member-role-select"
                    node_ref=role_select
                    on:change=move |ev| {
                        if let Some(r) = Role::parse(&event_target_value(&ev)) {
                            role.set(r);
                        }
                    }
                >
                    {move || roles()
                        .into_iter()
                        .map(|r| view! { <option value=r.as_str() selected=move || role.get() == r>{i18n.t().role(r)}</option> })
                        .collect_view()}
                </select>
            </div>
            <fieldset class="field checkbox-group">
                <legend>{move || i18n.t().admin.rights_label}</legend>
                <p class="help-text">{move || i18n.t().admin.rights_hint}</p>
                {move || {
                    let held = held();
                    Right::ALL
                        .into_iter()
                        .map(|right| {
                            let box_id = format!("member-{id}-right-{}", right.as_str());
                            view! {
                                <label class="checkbox">
                                    <input
                                        id=box_id
                                        type="checkbox"
                                        data-testid=format!("member-right-{}", right.as_str())
                                        disabled=!held.contains(&right)
                                        prop:checked=move || rights.with(|r| r.contains(&right))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            rights.update(|r| {
                                                r.retain(|x| *x != right);
                                                if on {
                                                    r.push(right);
                                                    r.sort();
                                                }
                                            });
                                        }
                                    />
                                    <span>{i18n.t().admin.right(right)}</span>
                                </label>
                            }
                        })
                        .collect_view()
                }}
            </fieldset>
            <div class="form-actions">
                <button type="submit" class="button primary" data-testid="member-save" aria-disabled=move || pending.get().to_string()>
                    {move || if pending.get() { i18n.t().admin.saving } else { i18n.t().admin.save }}
                </button>
                <button type="button" class="button secondary" on:click=move |_| on_close()>
                    {move || i18n.t().admin.cancel}
                </button>
            </div>
        </form>
    }
}

/// "Tijdelijk wachtwoord": after a confirmation, a password the person must
/// change at the next sign-in, shown here once.
#[component]
fn TemporaryPasswordAction(id: uuid::Uuid, name: String) -> impl IntoView {
    let i18n = use_i18n();
    let confirming = RwSignal::new(false);
    let shown = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let open_button = NodeRef::<html::Button>::new();
    let confirm_button = NodeRef::<html::Button>::new();
    let give = Action::new_local(move |_: &()| async move {
        match api::temporary_password(id).await {
            Ok(answer) => {
                confirming.set(false);
                shown.set(Some(answer.temporary_password));
            }
            Err(e) => error.set(Some(member_error(i18n.t(), &e))),
        }
    });
    let pending = give.pending();
    let close = move || {
        confirming.set(false);
        error.set(None);
        request_animation_frame(move || {
            if let Some(b) = open_button.get_untracked() {
                let _ = b.focus();
            }
        });
    };
    let label = name.clone();

    view! {
        <button
            type="button"
            class="button secondary small"
            data-testid="temporary-password"
            node_ref=open_button
            aria-expanded=move || confirming.get().to_string()
            aria-label=move || i18n.t().admin.action_for(i18n.t().security.temporary_password, &label)
            on:click=move |_| {
                shown.set(None);
                confirming.set(true);
                request_animation_frame(move || {
                    if let Some(b) = confirm_button.get_untracked() {
                        let _ = b.focus();
                    }
                });
            }
        >
            {move || i18n.t().security.temporary_password}
        </button>
        <Show when=move || confirming.get()>
            <div
                class="confirm"
                role="group"
                aria-label=move || i18n.t().security.temporary_password
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Escape" {
                        ev.prevent_default();
                        close();
                    }
                }
            >
                <p>{move || i18n.t().security.temporary_password_question}</p>
                <ErrorAlert message=error testid="temporary-password-error" />
                <div class="row-actions">
                    <button
                        type="button"
                        class="button danger small"
                        data-testid="temporary-password-confirm"
                        node_ref=confirm_button
                        aria-disabled=move || pending.get().to_string()
                        on:click=move |_| {
                            if !pending.get_untracked() {
                                give.dispatch(());
                            }
                        }
                    >
                        {move || i18n.t().security.give}
                    </button>
                    <button type="button" class="button secondary small" on:click=move |_| close()>
                        {move || i18n.t().admin.cancel}
                    </button>
                </div>
            </div>
        </Show>
        {move || shown.get().map(|password| view! {
            <div class="one-time-secret" role="status" data-testid="temporary-password-shown">
                <p>{i18n.t().security.temporary_password_shown}</p>
                <code class="secret" data-testid="temporary-password-value">{password}</code>
            </div>
        })}
    }
}

fn member_error(t: &'static crate::i18n::Dict, error: &ApiError) -> String {
    match error.kind() {
        Some(ErrorKind::Forbidden) => t.admin.forbidden_grant.into(),
        _ => t.api_error(error),
    }
}
