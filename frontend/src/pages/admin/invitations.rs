//! `/beheer/uitnodigingen`: inviting people and following their invitations.
//! The same form serves the helpdesk for a new organisation's main contact.

use chrono::{NaiveDate, Utc};
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::accounts::{Invitation, InvitationStatus, NewInvitation, may_grant};
use shared::auth::{Me, Right, Role};
use shared::error::ErrorKind;
use shared::mobile::normalise_mobile;
use shared::networks::OrganisationProfileUpdate;
use shared::organisations::{NewMainContact, Organisation};
use shared::validation::{FieldProblem, MAX_EMAIL_LEN, MAX_ORGANISATION_NAME_LEN, check_email, check_name};

use super::{ProfileFields, ProfileForm};
use crate::api::{self, ApiError};
use crate::browser;
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::components::page_title::use_page_title;
use crate::components::paged::{LoadMore, Paged};
use crate::i18n::{Dict, use_i18n};
use crate::session::use_session;
use crate::time;

/// The longest name the server accepts for an invitee.
const MAX_NAME_LEN: usize = 200;

/// The roles this person may give, in the order screens list them.
pub fn grantable_roles(me: &Me) -> Vec<Role> {
    Role::ALL.into_iter().filter(|role| may_grant(me.role, &me.rights, me.main_contact, *role, &[])).collect()
}

/// The message for a failed invitation call (403, 409 and the rest).
fn invitation_error(t: &'static Dict, error: &ApiError) -> String {
    match error {
        ApiError::Server { body, .. } if body.error == ErrorKind::Forbidden => t.admin.forbidden_grant.into(),
        // The server's 409s carry no code; its English text tells the two apart.
        ApiError::Server { body, .. } if body.error == ErrorKind::Conflict => {
            let message = body.message.to_lowercase();
            if message.contains("open invitation") {
                t.admin.conflict_open.into()
            } else if message.contains("already has an account") {
                t.admin.conflict_member.into()
            } else {
                t.admin.conflict_closed.into()
            }
        }
        other => t.api_error(other),
    }
}

#[component]
pub fn InvitationsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.admin.invitations_title.into());
    let list = Paged::new(api::invitations);
    let notice = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);

    view! {
        <header class="page-header">
            <h1>{move || i18n.t().admin.invitations_title}</h1>
        </header>
        <InviteForm mode=InviteMode::Colleague(list) />
        <section class="card section-card" aria-labelledby="sent-heading">
            <h2 id="sent-heading">{move || i18n.t().admin.sent_heading}</h2>
            <SuccessNotice message=notice testid="invitations-notice" />
            <ErrorAlert message=error testid="invitations-error" />
            <InvitationTable list=list notice=notice error=error />
            <LoadMore list=list testid="invitations-more" />
        </section>
    }
}

/// Whom the form invites.
#[derive(Clone, Copy)]
pub enum InviteMode {
    /// A colleague in the rights manager's own organisation; sent ones join the list.
    Colleague(Paged<Invitation>),
    /// A new organisation and its first main contact (helpdesk); new ones join the list.
    NewOrganisation(Paged<Organisation>),
}

/// What the form sends.
#[derive(Clone)]
enum Request {
    Colleague(NewInvitation),
    /// The organisation's name (or the one made on an earlier try), its profile and its main contact.
    NewOrganisation(String, Option<Organisation>, Option<OrganisationProfileUpdate>, NewMainContact),
}

/// A refusal of the new organisation's profile: its field names get a `profile.`
/// prefix, so they are not mistaken for the main contact's (both have a `phone`).
struct ProfileRefused;

impl ProfileRefused {
    const PREFIX: &'static str = "profile.";

    fn mark(error: ApiError) -> ApiError {
        match error {
            ApiError::Server { mut body, retry_after } => {
                body.fields = std::mem::take(&mut body.fields)
                    .into_iter()
                    .map(|(name, problem)| (format!("{}{name}", Self::PREFIX), problem))
                    .collect();
                ApiError::Server { body, retry_after }
            }
            other => other,
        }
    }

    /// Whether the error is one of the profile's.
    fn is(error: &ApiError) -> bool {
        matches!(error, ApiError::Server { body, .. } if body.fields.keys().any(|k| k.starts_with(Self::PREFIX)))
    }
}

/// The calls of the helpdesk's form: the organisation, its profile (category,
/// address, phone) and its main contact's invitation. The organisation is kept
/// when a later call failed, so trying again does not make it twice.
async fn create_and_invite(
    name: String,
    made: Option<Organisation>,
    profile: Option<OrganisationProfileUpdate>,
    contact: NewMainContact,
    created: RwSignal<Option<Organisation>>,
) -> Result<(Organisation, Invitation), ApiError> {
    let org = match made.filter(|o| o.name == name) {
        Some(org) => org,
        None => {
            let org = api::create_organisation(name).await?;
            created.set(Some(org.clone()));
            org
        }
    };
    if let Some(profile) = profile {
        api::save_organisation_profile(org.id, &profile).await.map_err(ProfileRefused::mark)?;
    }
    let invitation = api::invite_main_contact(org.id, &contact).await?;
    Ok((org, invitation))
}

#[component]
pub fn InviteForm(mode: InviteMode) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let for_organisation = matches!(mode, InviteMode::NewOrganisation(_));

    let org_name = RwSignal::new(String::new());
    // Made by an earlier try whose invitation failed.
    let created = RwSignal::new(None::<Organisation>);
    let mobile = RwSignal::new(String::new());
    let org_name_input = NodeRef::<html::Input>::new();
    let mobile_input = NodeRef::<html::Input>::new();
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let birth_date = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Employee);
    let rights = RwSignal::new(Vec::<Right>::new());
    let judged = RwSignal::new(false);
    let server_error = RwSignal::new(None::<ApiError>);
    let notice = RwSignal::new(None::<String>);
    let name_input = NodeRef::<html::Input>::new();
    let profile = ProfileForm::new();
    let email_input = NodeRef::<html::Input>::new();
    let birth_date_input = NodeRef::<html::Input>::new();

    let today = Utc::now().date_naive();
    let parsed_birth_date = Memo::new(move |_| {
        birth_date.with(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()).filter(|d| *d <= today)
    });

    // Local problems first (the same rules as the server), then the
    // server's own per-field answer.
    let field_error = move |field: &'static str| {
        Signal::derive(move || {
            let t = i18n.t();
            let local = judged.get().then(|| match field {
                "org_name" => org_name
                    .with(|n| check_name(n, MAX_ORGANISATION_NAME_LEN).err())
                    .map(|p| t.field_problem(p)),
                "mobile" => mobile
                    .with(|m| (!m.trim().is_empty()).then(|| normalise_mobile(m).err()).flatten())
                    .map(|p| t.field_problem(p)),
                "name" => name.with(|n| check_name(n, MAX_NAME_LEN).err()).map(|p| t.field_problem(p)),
                "email" => email.with(|e| check_email(e).err()).map(|p| match p {
                    FieldProblem::Required => t.email_required.to_string(),
                    other => t.field_problem(other),
                }),
                _ => match (birth_date.with(String::is_empty), parsed_birth_date.get()) {
                    (true, _) => Some(t.field_problem(FieldProblem::Required)),
                    (false, None) => Some(t.admin.birth_date_out_of_range.to_string()),
                    _ => None,
                },
            });
            local.flatten().or_else(|| {
                server_error.with(|e| {
                    let code = e.as_ref()?.field_code(field)?;
                    Some(match (field, code) {
                        (_, "out_of_range") => t.admin.birth_date_out_of_range.to_string(),
                        ("mobile", "required") => t.contact.mobile_required_for_pin.to_string(),
                        ("org_name", "name_taken") => t.contact.name_taken.to_string(),
                        (_, code) => {
                            t.field_code(code, if field == "email" { MAX_EMAIL_LEN } else { MAX_NAME_LEN })
                        }
                    })
                })
            })
        })
    };
    let org_name_error = field_error("org_name");
    let mobile_error = field_error("mobile");
    let name_error = field_error("name");
    let email_error = field_error("email");
    let birth_date_error = field_error("birth_date");

    let alert = Signal::derive(move || {
        let t = i18n.t();
        server_error.with(|e| {
            let e = e
                .as_ref()
                .filter(|e| e.kind() != Some(ErrorKind::Validation) || created.with(Option::is_some));
            match (e, created.get()) {
                (None, _) => None,
                // The organisation exists; only its invitation still has to go.
                (Some(_), Some(org)) if for_organisation => Some(t.contact.org_created_no_invite(&org.name)),
                (Some(e), _) if for_organisation && e.kind() == Some(ErrorKind::Conflict) => {
                    Some(t.contact.main_contact_exists.into())
                }
                (Some(e), _) => Some(invitation_error(t, e)),
            }
        })
    });

    let reset = move || {
        org_name.set(String::new());
        created.set(None);
        mobile.set(String::new());
        name.set(String::new());
        email.set(String::new());
        birth_date.set(String::new());
        role.set(if for_organisation { Role::Administrator } else { Role::Employee });
        rights.set(Vec::new());
        profile.clear();
        judged.set(false);
        let first = if for_organisation { org_name_input } else { name_input };
        if let Some(input) = first.get_untracked() {
            let _ = input.focus();
        }
    };
    reset_role(role, for_organisation);

    let invite = Action::new_local(move |request: &Request| {
        let request = request.clone();
        async move {
            let t = i18n.t();
            match (request, mode) {
                (Request::Colleague(request), InviteMode::Colleague(list)) => {
                    match api::invite(&request).await {
                        Ok(invitation) => {
                            notice.set(Some(t.admin.invitation_sent_to(&invitation.email)));
                            list.items.update(|items| items.insert(0, invitation));
                            reset();
                        }
                        Err(error) => server_error.set(Some(error)),
                    }
                }
                (
                    Request::NewOrganisation(org, made, org_profile, contact),
                    InviteMode::NewOrganisation(list),
                ) => {
                    match create_and_invite(org, made, org_profile, contact, created).await {
                        Ok((org, invitation)) => {
                            notice.set(Some(t.contact.org_created(&org.name, &invitation.email)));
                            list.reload();
                            reset();
                        }
                        Err(error) if ProfileRefused::is(&error) => {
                            list.reload();
                            if !profile.show_errors(&error, t.care) {
                                server_error.set(Some(error));
                            }
                        }
                        Err(error) => {
                            if created.with_untracked(Option::is_some) {
                                list.reload();
                            }
                            let org_field = error.field_code("name").map(str::to_string);
                            match org_field {
                                // The organisation's name was refused, not the person's.
                                Some(code) if created.with_untracked(Option::is_none) => {
                                    server_error.set(Some(rename_field(error, "name", "org_name", &code)));
                                }
                                _ => server_error.set(Some(error)),
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    });
    let pending = invite.pending();

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        judged.set(true);
        server_error.set(None);
        notice.set(None);
        let mut fields = Vec::new();
        if for_organisation {
            fields.push((org_name_error, org_name_input));
        }
        fields.extend([
            (name_error, name_input),
            (email_error, email_input),
            (birth_date_error, birth_date_input),
            (mobile_error, mobile_input),
        ]);
        for (error, input) in fields {
            if error.with_untracked(Option::is_some) {
                if let Some(input) = input.get_untracked() {
                    let _ = input.focus();
                }
                return;
            }
        }
        let Some(date) = parsed_birth_date.get_untracked() else { return };
        let org_profile = if for_organisation {
            match profile.read(i18n.t().care) {
                Some(update) => Some(update),
                None => return,
            }
        } else {
            None
        };
        let typed_mobile = Some(mobile.get_untracked().trim().to_string()).filter(|m| !m.is_empty());
        let (person_name, person_email) =
            (name.get_untracked().trim().to_string(), email.get_untracked().trim().to_string());
        invite.dispatch(if for_organisation {
            Request::NewOrganisation(
                org_name.get_untracked().trim().to_string(),
                created.get_untracked(),
                org_profile,
                NewMainContact {
                    name: person_name,
                    email: person_email,
                    role: role.get_untracked(),
                    birth_date: date,
                    mobile: typed_mobile,
                },
            )
        } else {
            Request::Colleague(NewInvitation {
                email: person_email,
                name: person_name,
                role: role.get_untracked(),
                rights: rights.get_untracked(),
                birth_date: date,
                mobile: typed_mobile,
            })
        });
    };

    let edited = move || server_error.set(None);

    let role_options = move || {
        let t = i18n.t();
        let roles = if for_organisation {
            // A main contact runs the organisation: its administrator (care) or the employer.
            vec![Role::Administrator, Role::Employer]
        } else {
            session.me().map(|me| grantable_roles(&me)).unwrap_or_default()
        };
        roles
            .into_iter()
            .map(|r| view! { <option value=r.as_str() selected=move || role.get() == r>{t.role(r)}</option> })
            .collect_view()
    };
    // Only rights the inviter holds can be granted, so only those are offered.
    let right_boxes = move || {
        let t = i18n.t();
        let held = session.me().map(|me| me.rights).unwrap_or_default();
        held.into_iter()
            .map(|right| {
                let id = format!("invite-right-{}", right.as_str());
                view! {
                    <label class="checkbox">
                        <input
                            id=id
                            type="checkbox"
                            data-testid=format!("invite-right-{}", right.as_str())
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
                        <span>{t.admin.right(right)}</span>
                    </label>
                }
            })
            .collect_view()
    };

    let text_field = move |id: &'static str,
                           label: fn(&'static Dict) -> &'static str,
                           kind: &'static str,
                           autocomplete: &'static str,
                           value: RwSignal<String>,
                           error: Signal<Option<String>>,
                           node: NodeRef<html::Input>,
                           hint: Option<fn(&'static Dict) -> &'static str>| {
        let error_id = format!("{id}-error");
        let hint_id = format!("{id}-hint");
        let described = move || {
            let mut ids: Vec<String> = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        };
        let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
        view! {
            <div class="field" class:has-error=move || error.with(Option::is_some)>
                <label for=id>{move || label(i18n.t())}</label>
                <input
                    id=id
                    type=kind
                    autocomplete=autocomplete
                    required=hint.is_none()
                    data-testid=id
                    node_ref=node
                    prop:value=move || value.get()
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    aria-describedby=described
                    on:input=move |ev| {
                        value.set(event_target_value(&ev));
                        edited();
                    }
                />
                {hint.map(|hint| view! { <p id=hint_id.clone() class="help-text">{move || hint(i18n.t())}</p> })}
                {move || error.get().map(|message| view! { <p id=error_id.clone() class="field-error">{message}</p> })}
            </div>
        }
    };

    view! {
        <section class="card section-card" aria-labelledby="invite-heading">
            <h2 id="invite-heading">
                {move || if for_organisation { i18n.t().contact.new_org_heading } else { i18n.t().admin.invite_heading }}
            </h2>
            <p class="section-intro">
                {move || if for_organisation { i18n.t().contact.new_org_intro } else { i18n.t().admin.invite_intro }}
            </p>
            <SuccessNotice message=notice testid="invite-notice" />
            <ErrorAlert message=alert testid="invite-error" />
            <form class="form form-grid" novalidate=true data-testid="invite-form" on:submit=on_submit>
                {for_organisation.then(|| view! {
                    <div class="span-all">
                        {text_field("org-name", |t| t.contact.org_name_label, "text", "organization", org_name, org_name_error, org_name_input, None)}
                    </div>
                    <ProfileFields form=profile prefix="org" category_editable=true />
                    <h3 class="span-all">{move || i18n.t().contact.main_contact_legend}</h3>
                })}
                {text_field("invite-name", |t| t.name_label, "text", "off", name, name_error, name_input, None)}
                {text_field("invite-email", |t| t.email_label, "email", "off", email, email_error, email_input, None)}
                <div class="field" class:has-error=move || birth_date_error.with(Option::is_some)>
                    <label for="invite-birth-date">{move || i18n.t().accounts.birth_date_label}</label>
                    <input
                        id="invite-birth-date"
                        type="date"
                        min="1900-01-01"
                        max=today.format("%Y-%m-%d").to_string()
                        required=true
                        data-testid="invite-birth-date"
                        node_ref=birth_date_input
                        prop:value=move || birth_date.get()
                        aria-invalid=move || birth_date_error.with(Option::is_some).to_string()
                        aria-describedby=move || if birth_date_error.with(Option::is_some) {
                            "invite-birth-date-hint invite-birth-date-error"
                        } else {
                            "invite-birth-date-hint"
                        }
                        on:input=move |ev| {
                            birth_date.set(event_target_value(&ev));
                            edited();
                        }
                    />
                    <p id="invite-birth-date-hint" class="help-text">{move || i18n.t().admin.invite_birth_date_hint}</p>
                    {move || birth_date_error.get().map(|message| view! {
                        <p id="invite-birth-date-error" class="field-error">{message}</p>
                    })}
                </div>
                {text_field(
                    "invite-mobile",
                    |t| t.contact.mobile_label,
                    "tel",
                    "off",
                    mobile,
                    mobile_error,
                    mobile_input,
                    Some(if for_organisation { |t: &'static Dict| t.contact.mobile_example } else { |t: &'static Dict| t.contact.invite_mobile_hint }),
                )}
                <div class="field">
                    <label for="invite-role">{move || i18n.t().role_label}</label>
                    <select
                        id="invite-role"
                        data-testid="invite-role"
                        on:change=move |ev| {
                            if let Some(r) = Role::parse(&event_target_value(&ev)) {
                                role.set(r);
                                edited();
                            }
                        }
                    >
                        {role_options}
                    </select>
                </div>
                {(!for_organisation).then(|| view! {
                    <fieldset class="field checkbox-group span-all" aria-describedby="invite-rights-hint">
                        <legend>{move || i18n.t().admin.rights_label}</legend>
                        <p id="invite-rights-hint" class="help-text">{move || i18n.t().admin.rights_hint}</p>
                        {right_boxes}
                    </fieldset>
                })}
                <div class="form-actions span-all">
                    <button
                        type="submit"
                        class="button primary"
                        data-testid="invite-submit"
                        aria-disabled=move || pending.get().to_string()
                    >
                        {move || match (pending.get(), for_organisation) {
                            (true, _) => i18n.t().admin.inviting,
                            (false, true) => i18n.t().contact.create_org,
                            (false, false) => i18n.t().admin.invite_submit,
                        }}
                    </button>
                </div>
            </form>
        </section>
    }
}

/// The main contact's role starts as administrator; colleagues start as employee.
fn reset_role(role: RwSignal<Role>, for_organisation: bool) {
    if for_organisation {
        role.set(Role::Administrator);
    }
}

/// The same error, with one field's answer under another name (the organisation's
/// `name` is the form's `org_name`).
fn rename_field(error: ApiError, from: &str, to: &str, code: &str) -> ApiError {
    match error {
        ApiError::Server { mut body, retry_after } => {
            if let Some(f) = body.fields.remove(from) {
                body.fields
                    .insert(to.into(), shared::error::FieldError { code: code.into(), message: f.message });
            }
            // A 409 on the name is a field problem, shown beside the field.
            body.error = ErrorKind::Validation;
            ApiError::Server { body, retry_after }
        }
        other => other,
    }
}

#[component]
fn InvitationTable(
    list: Paged<Invitation>,
    notice: RwSignal<Option<String>>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show
            when=move || !list.loaded.get() || !list.items.with(Vec::is_empty)
            fallback=move || view! { <p class="empty-list" data-testid="no-invitations">{i18n.t().admin.no_invitations}</p> }
        >
            <table class="data-table" data-testid="invitations-table">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t().name_label}</th>
                        <th scope="col">{move || i18n.t().role_label}</th>
                        <th scope="col">{move || i18n.t().admin.rights_label}</th>
                        <th scope="col">{move || i18n.t().admin.status_label}</th>
                        <th scope="col">{move || i18n.t().admin.sent_on}</th>
                        <th scope="col"><span class="visually-hidden">{move || i18n.t().admin.actions}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || list.items.get()
                        key=|i| (i.id, format!("{:?}", i.status), i.expires_at)
                        children=move |invitation| view! { <InvitationRow invitation=invitation list=list notice=notice error=error /> }
                    />
                </tbody>
            </table>
        </Show>
    }
}

#[component]
fn InvitationRow(
    invitation: Invitation,
    list: Paged<Invitation>,
    notice: RwSignal<Option<String>>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let revoke_button = NodeRef::<html::Button>::new();
    let confirm_button = NodeRef::<html::Button>::new();
    let id = invitation.id;
    let open = !matches!(invitation.status, InvitationStatus::Accepted | InvitationStatus::Revoked);
    let testid = format!("invitation-{}", invitation.email);

    let act = move |revoke: bool, name: String| {
        busy.set(true);
        notice.set(None);
        error.set(None);
        spawn_local(async move {
            let result =
                if revoke { api::revoke_invitation(id).await } else { api::resend_invitation(id).await };
            let t = i18n.t();
            match result {
                Ok(updated) => {
                    notice.set(Some(if revoke {
                        t.admin.revoked_for(&name)
                    } else {
                        t.admin.invitation_resent_to(&updated.email)
                    }));
                    // The row is drawn anew (its buttons may be gone): focus the news.
                    list.replace(|i| i.id == id, updated);
                    request_animation_frame(|| browser::focus_element("invitations-notice"));
                }
                Err(e) => error.set(Some(invitation_error(t, &e))),
            }
            busy.set(false);
        });
    };

    // Cancelling (button or Escape) puts focus back where the question came from.
    let cancel_revoke = move || {
        confirming.set(false);
        request_animation_frame(move || {
            if let Some(b) = revoke_button.get_untracked() {
                let _ = b.focus();
            }
        });
    };

    let status = invitation.status;
    let name = invitation.name.clone();
    let row_name = invitation.name.clone();
    let actions = move || {
        let t = i18n.t();
        if !open {
            return None;
        }
        let name = name.clone();
        let name_for_resend = name.clone();
        let name_for_revoke = name.clone();
        Some(if confirming.get() {
            view! {
                <div
                    class="confirm"
                    role="group"
                    aria-label=t.admin.revoke
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() == "Escape" {
                            ev.prevent_default();
                            cancel_revoke();
                        }
                    }
                >
                    <p>{t.admin.revoke_question(&name)}</p>
                    <div class="row-actions">
                        <button
                            type="button"
                            class="button danger small"
                            data-testid="revoke-confirm"
                            node_ref=confirm_button
                            aria-disabled=move || busy.get().to_string()
                            on:click=move |_| {
                                if !busy.get_untracked() {
                                    act(true, name_for_revoke.clone());
                                }
                            }
                        >
                            {t.admin.revoke_confirm_yes}
                        </button>
                        <button
                            type="button"
                            class="button secondary small"
                            data-testid="revoke-cancel"
                            on:click=move |_| cancel_revoke()
                        >
                            {t.admin.cancel}
                        </button>
                    </div>
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="row-actions">
                    <button
                        type="button"
                        class="button secondary small"
                        data-testid="resend"
                        aria-label=t.admin.action_for(t.admin.resend, &name)
                        aria-disabled=move || busy.get().to_string()
                        on:click=move |_| {
                            if !busy.get_untracked() {
                                act(false, name_for_resend.clone());
                            }
                        }
                    >
                        {t.admin.resend}
                    </button>
                    <button
                        type="button"
                        class="button subtle small danger-text"
                        data-testid="revoke"
                        node_ref=revoke_button
                        aria-label=t.admin.action_for(t.admin.revoke, &name)
                        on:click=move |_| {
                            confirming.set(true);
                            request_animation_frame(move || {
                                if let Some(b) = confirm_button.get_untracked() {
                                    let _ = b.focus();
                                }
                            });
                        }
                    >
                        {t.admin.revoke}
                    </button>
                </div>
            }
            .into_any()
        })
    };

    let role = invitation.role;
    let rights = invitation.rights.clone();
    let created = invitation.created_at;
    view! {
        <tr data-testid=testid>
            <td data-label=move || i18n.t().name_label>
                <div>
                    <span class="cell-title">{row_name}</span>
                    <span class="cell-sub break-anywhere">{invitation.email.clone()}</span>
                </div>
            </td>
            <td data-label=move || i18n.t().role_label>{move || i18n.t().role(role)}</td>
            <td data-label=move || i18n.t().admin.rights_label>{move || i18n.t().admin.rights_list(&rights)}</td>
            <td data-label=move || i18n.t().admin.status_label>
                <span class=format!("badge badge-{}", status_class(status)) data-testid="invitation-status">
                    {move || i18n.t().admin.invitation_status(status)}
                </span>
            </td>
            <td data-label=move || i18n.t().admin.sent_on>
                <time datetime=time::iso(created)>{move || time::date_time(created, i18n.locale())}</time>
            </td>
            <td class="actions-cell">{actions}</td>
        </tr>
    }
}

/// The CSS modifier of a status badge.
fn status_class(status: InvitationStatus) -> &'static str {
    match status {
        InvitationStatus::Pending => "pending",
        InvitationStatus::Accepted => "ok",
        InvitationStatus::Expired | InvitationStatus::Revoked => "muted",
        InvitationStatus::Burned => "danger",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn me(role: Role, rights: Vec<Right>, main_contact: bool) -> Me {
        Me {
            id: uuid::Uuid::nil(),
            name: "Test".into(),
            email: "test@example.nl".into(),
            locale: shared::i18n::Locale::Nl,
            helpdesk: false,
            organisation_id: uuid::Uuid::nil(),
            organisation_name: "Org".into(),
            role,
            rights,
            main_contact,
            memberships: Vec::new(),
            must_change_password: false,
            must_set_up_second_factor: false,
            hours_enabled: true,
            networks_enabled: false,
        }
    }

    #[test]
    fn only_administrators_and_main_contacts_offer_the_administrator_role() {
        let all = Right::ALL.to_vec();
        assert!(grantable_roles(&me(Role::Employer, all.clone(), true)).contains(&Role::Administrator));
        assert!(!grantable_roles(&me(Role::Employer, all, false)).contains(&Role::Administrator));
        assert!(grantable_roles(&me(Role::Employee, Vec::new(), false)).is_empty());
    }
}
