//! Inviting people and activating their accounts.
//!
//! The link is single-use, expires after 7 days and is stored hashed. The
//! invitee proves who they are with their birth date (seed 001) or, where the
//! organisation chose it, a PIN sent by SMS to the number on the invitation
//! when the link is opened (seed 002); five wrong answers burn the link.
//! Someone who already has a Poort account keeps it: they confirm with their
//! current password and gain a membership of the new organisation. The
//! helpdesk invites a new organisation's first main contact the same way.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    TransactionTrait, sea_query::Expr,
};
use shared::{
    Page,
    accounts::{
        Activate, ActivationInfo, ActivationProof, Invitation, InvitationStatus, NewInvitation,
        PasswordCheckResult, may_grant,
    },
    auth::{Right, Role, SmsCodeSent},
    i18n::Locale,
    mobile::{mask_mobile, normalise_mobile},
    organisations::NewMainContact,
    password_policy::{PersonalInfo, check_password},
    validation::{self, FieldProblem},
};
use uuid::Uuid;

use crate::{
    audit::{self, ClientInfo, Event},
    auth::{Actor, blocklist, email, password, second_factor, sms_codes, store as auth_store, tokens},
    entities::{informal_carer, invitation, membership, organisation, password_reset, user},
    error::{ApiError, Validation},
    notifications::{outbox, templates, templates::SmsPurpose},
    pagination::{self, PageQuery},
    state::AppState,
};

/// How long an invitation link works.
pub const VALID_DAYS: i64 = 7;
/// Wrong birth dates (or passwords) before the link stops working.
pub const MAX_WRONG_PROOFS: i32 = 5;

/// Where an invitation stands at `now`.
pub fn status(i: &invitation::Model, now: DateTime<Utc>) -> InvitationStatus {
    if i.accepted_at.is_some() {
        InvitationStatus::Accepted
    } else if i.revoked_at.is_some() {
        InvitationStatus::Revoked
    } else if i.wrong_proofs >= MAX_WRONG_PROOFS {
        InvitationStatus::Burned
    } else if i.expires_at <= now {
        InvitationStatus::Expired
    } else {
        InvitationStatus::Pending
    }
}

fn to_api(i: invitation::Model, now: DateTime<Utc>) -> Invitation {
    Invitation {
        id: i.id,
        status: status(&i, now),
        email: i.email,
        name: i.name,
        role: Role::parse(&i.role).unwrap_or(Role::Employee),
        rights: Right::parse_list(&i.rights),
        mobile: i.mobile,
        expires_at: i.expires_at,
        created_at: i.created_at,
    }
}

fn activation_url(state: &AppState, token: &str) -> String {
    format!("{}/activeren?token={token}", state.config.public_url())
}

fn invalid_link() -> ApiError {
    let mut v = Validation::default();
    v.add_code(
        "token",
        "invalid_link",
        "This link is invalid, used or expired; ask for a new invitation".into(),
    );
    v.finish().err().unwrap_or_else(ApiError::not_found)
}

async fn organisation_name(state: &AppState, id: Uuid) -> Result<String, ApiError> {
    Ok(organisation::Entity::find_by_id(id).one(&state.db.read).await?.map(|o| o.name).unwrap_or_default())
}

/// Sends an invitation (needs *manage rights*; grants nothing the inviter lacks).
pub async fn create(
    state: &AppState,
    actor: &Actor,
    new: NewInvitation,
    client: &ClientInfo,
) -> Result<Invitation, ApiError> {
    actor.require(Right::ManageRights)?;
    if !may_grant(actor.role, &actor.rights, actor.main_contact, new.role, &new.rights) {
        return Err(ApiError::forbidden());
    }
    invite(state, actor, actor.organisation_id, new, false, client).await
}

/// The helpdesk invites a new organisation's first main contact, with all three rights
/// (platform helpdesk only; 409 when the organisation has a main contact or an open
/// invitation for one).
pub async fn invite_main_contact(
    state: &AppState,
    actor: &Actor,
    organisation_id: Uuid,
    new: NewMainContact,
    client: &ClientInfo,
) -> Result<Invitation, ApiError> {
    actor.require_helpdesk()?;
    organisation::Entity::find_by_id(organisation_id)
        .one(&state.db.read)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let has_contact = membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(organisation_id))
        .filter(membership::Column::MainContact.eq(true))
        .one(&state.db.read)
        .await?
        .is_some();
    let now = state.clock.now();
    let invited = invitation::Entity::find()
        .filter(invitation::Column::OrganisationId.eq(organisation_id))
        .filter(invitation::Column::MainContact.eq(true))
        .all(&state.db.read)
        .await?
        .iter()
        .any(|i| status(i, now) == InvitationStatus::Pending);
    if has_contact || invited {
        return Err(ApiError::conflict("This organisation has a main contact or an open invitation for one"));
    }
    let new = NewInvitation {
        email: new.email,
        name: new.name,
        role: new.role,
        rights: Right::ALL.to_vec(),
        birth_date: new.birth_date,
        mobile: new.mobile,
    };
    invite(state, actor, organisation_id, new, true, client).await
}

/// The mobile number on an invitation form: absent, or normalised.
fn optional_mobile(typed: Option<&str>, v: &mut Validation) -> Option<String> {
    let typed = typed.map(str::trim).filter(|m| !m.is_empty())?;
    match normalise_mobile(typed) {
        Ok(m) => Some(m),
        Err(p) => {
            v.add("mobile", p);
            None
        }
    }
}

async fn invite(
    state: &AppState,
    actor: &Actor,
    organisation_id: Uuid,
    new: NewInvitation,
    main_contact: bool,
    client: &ClientInfo,
) -> Result<Invitation, ApiError> {
    let now = state.clock.now();
    let org = organisation::Entity::find_by_id(organisation_id)
        .one(&state.db.read)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let mut v = Validation::default();
    let mobile = check_invitee(&org, &new, now, &mut v);
    v.finish()?;
    let canonical = email::canonical(&new.email);
    ensure_not_member(state, organisation_id, &canonical).await?;
    ensure_no_open_invitation(state, organisation_id, &canonical, now).await?;

    let txn = state.db.write.begin().await?;
    let model =
        issue(&txn, state, actor, &org, &new, Issued { email: &canonical, mobile, main_contact }).await?;
    // Filed under the inviting organisation, so its rights managers (for the helpdesk's
    // first invitation: the new organisation's) read it in their audit trail.
    let event = Event {
        organisation_id: Some(organisation_id),
        actor_user_id: Some(actor.user_id),
        action: if main_contact { "main_contact_invited" } else { "invitation_sent" },
        subject: Some(model.id.to_string()),
    };
    audit::record(&txn, event, client, now).await?;
    txn.commit().await?;
    Ok(to_api(model, now))
}

/// Checks what an invitation says about the invitee (e-mail, name, birth date, mobile)
/// into `v`; returns the normalised mobile number. Shared with pre-created professionals
/// (`care_organisations::professionals`), who are invited the same way.
pub(crate) fn check_invitee(
    org: &organisation::Model,
    new: &NewInvitation,
    now: DateTime<Utc>,
    v: &mut Validation,
) -> Option<String> {
    v.check("email", validation::check_email(&new.email));
    v.check("name", validation::check_name(&new.name, 200));
    let oldest = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default();
    if new.birth_date > now.date_naive() || new.birth_date < oldest {
        v.add_code("birth_date", "out_of_range", "must be a date between 1900 and today".into());
    }
    let mobile = optional_mobile(new.mobile.as_deref(), v);
    let pin = super::security::activation_proof_of(org) == ActivationProof::SmsPin;
    if pin && new.mobile.as_deref().is_none_or(|m| m.trim().is_empty()) {
        // The PIN goes to this number: without it the invitee could not activate.
        v.add("mobile", FieldProblem::Required);
    }
    mobile
}

/// 409 `already_member` when the address belongs to a member of the organisation.
pub(crate) async fn ensure_not_member(
    state: &AppState,
    organisation_id: Uuid,
    canonical: &str,
) -> Result<(), ApiError> {
    if let Some(existing) = auth_store::user_by_email(&state.db.read, canonical).await?
        && auth_store::memberships_of(&state.db.read, existing.id)
            .await?
            .iter()
            .any(|m| m.organisation_id == organisation_id)
    {
        return Err(ApiError::conflict_on(
            "email",
            "already_member",
            "This person already has an account in your organisation",
        ));
    }
    Ok(())
}

/// 409 `open_invitation` when the address has a pending invitation to the organisation.
pub(crate) async fn ensure_no_open_invitation(
    state: &AppState,
    organisation_id: Uuid,
    canonical: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let open = invitation::Entity::find()
        .filter(invitation::Column::OrganisationId.eq(organisation_id))
        .filter(invitation::Column::Email.eq(canonical))
        .all(&state.db.read)
        .await?;
    if open.iter().any(|i| status(i, now) == InvitationStatus::Pending) {
        return Err(ApiError::conflict_on(
            "email",
            "open_invitation",
            "This address has an open invitation; send it again instead",
        ));
    }
    Ok(())
}

/// What [`issue`] stores besides the form: the checked address and number.
pub(crate) struct Issued<'a> {
    /// Canonical e-mail address.
    pub email: &'a str,
    /// Normalised mobile number.
    pub mobile: Option<String>,
    /// The organisation's first main contact (helpdesk invitation).
    pub main_contact: bool,
}

/// Stores an invitation and queues its mail in the caller's transaction, so a refused
/// later step (e.g. a pre-created professional's membership) sends nothing.
pub(crate) async fn issue(
    txn: &impl sea_orm::ConnectionTrait,
    state: &AppState,
    actor: &Actor,
    org: &organisation::Model,
    new: &NewInvitation,
    issued: Issued<'_>,
) -> Result<invitation::Model, ApiError> {
    let now = state.clock.now();
    let token = tokens::random_token();
    let model = invitation::ActiveModel {
        id: Set(Uuid::now_v7()),
        organisation_id: Set(org.id),
        email: Set(issued.email.to_string()),
        name: Set(new.name.trim().to_string()),
        role: Set(new.role.as_str().into()),
        rights: Set(Right::format_list(&new.rights)),
        birth_date: Set(new.birth_date),
        token_hash: Set(tokens::token_hash(&token)),
        expires_at: Set(now + Duration::days(VALID_DAYS)),
        wrong_proofs: Set(0),
        invited_by: Set(Some(actor.user_id)),
        accepted_at: Set(None),
        revoked_at: Set(None),
        created_at: Set(now),
        mobile: Set(issued.mobile),
        main_contact: Set(issued.main_contact),
    }
    .insert(txn)
    .await?;
    let mail = templates::invitation(
        actor.locale,
        &model.name,
        &org.name,
        &actor.name,
        &activation_url(state, &token),
        VALID_DAYS,
    );
    outbox::enqueue_mail(txn, Some(org.id), issued.email, mail, now).await?;
    Ok(model)
}

/// The organisation's invitations, newest first.
pub async fn list(state: &AppState, actor: &Actor, q: &PageQuery) -> Result<Page<Invitation>, ApiError> {
    actor.require(Right::ManageRights)?;
    let before: Option<Uuid> = q.decode()?;
    let mut query = invitation::Entity::find()
        .filter(invitation::Column::OrganisationId.eq(actor.organisation_id))
        .order_by_desc(invitation::Column::Id)
        .limit(q.limit() + 1);
    if let Some(before) = before {
        query = query.filter(invitation::Column::Id.lt(before));
    }
    let now = state.clock.now();
    let (rows, next_cursor) = pagination::page(query.all(&state.db.read).await?, q.limit(), |i| i.id);
    Ok(Page { items: rows.into_iter().map(|i| to_api(i, now)).collect(), next_cursor })
}

async fn own_invitation(state: &AppState, actor: &Actor, id: Uuid) -> Result<invitation::Model, ApiError> {
    actor.require(Right::ManageRights)?;
    invitation::Entity::find_by_id(id)
        .filter(invitation::Column::OrganisationId.eq(actor.organisation_id))
        .one(&state.db.write)
        .await?
        .ok_or_else(ApiError::not_found)
}

/// Sends a fresh link; the old one stops working.
pub async fn resend(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    client: &ClientInfo,
) -> Result<Invitation, ApiError> {
    let i = own_invitation(state, actor, id).await?;
    let now = state.clock.now();
    if matches!(status(&i, now), InvitationStatus::Accepted | InvitationStatus::Revoked) {
        return Err(ApiError::conflict("This invitation was accepted or withdrawn"));
    }
    let token = tokens::random_token();
    let org_name = organisation_name(state, actor.organisation_id).await?;
    let txn = state.db.write.begin().await?;
    let mut m: invitation::ActiveModel = i.clone().into();
    m.token_hash = Set(tokens::token_hash(&token));
    m.expires_at = Set(now + Duration::days(VALID_DAYS));
    m.wrong_proofs = Set(0);
    let model = m.update(&txn).await?;
    let mail = templates::invitation(
        actor.locale,
        &model.name,
        &org_name,
        &actor.name,
        &activation_url(state, &token),
        VALID_DAYS,
    );
    outbox::enqueue_mail(&txn, Some(actor.organisation_id), &model.email, mail, now).await?;
    audit::record(&txn, Event::by(actor, "invitation_resent", Some(model.id.to_string())), client, now)
        .await?;
    txn.commit().await?;
    Ok(to_api(model, now))
}

/// Withdraws an invitation; its link stops working at once.
pub async fn revoke(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    client: &ClientInfo,
) -> Result<Invitation, ApiError> {
    let i = own_invitation(state, actor, id).await?;
    let now = state.clock.now();
    if status(&i, now) == InvitationStatus::Accepted {
        return Err(ApiError::conflict("This invitation was accepted already"));
    }
    let mut m: invitation::ActiveModel = i.into();
    m.revoked_at = Set(Some(now));
    let model = m.update(&state.db.write).await?;
    audit::record(
        &state.db.write,
        Event::by(actor, "invitation_revoked", Some(model.id.to_string())),
        client,
        now,
    )
    .await?;
    Ok(to_api(model, now))
}

async fn pending_by_token(state: &AppState, token: &str) -> Result<invitation::Model, ApiError> {
    let i = invitation::Entity::find()
        .filter(invitation::Column::TokenHash.eq(tokens::token_hash(token)))
        .one(&state.db.write)
        .await?
        .ok_or_else(invalid_link)?;
    if status(&i, state.clock.now()) != InvitationStatus::Pending {
        return Err(invalid_link());
    }
    Ok(i)
}

/// What the invitee proves, and the number a PIN goes to: the organisation's choice, as
/// long as the invitation carries a number.
async fn proof_for(
    state: &AppState,
    i: &invitation::Model,
) -> Result<(ActivationProof, Option<String>), ApiError> {
    let org = organisation::Entity::find_by_id(i.organisation_id).one(&state.db.write).await?;
    let chosen = org.as_ref().map(super::security::activation_proof_of).unwrap_or_default();
    Ok(match (chosen, &i.mobile) {
        (ActivationProof::SmsPin, Some(mobile)) => (ActivationProof::SmsPin, Some(mobile.clone())),
        _ => (ActivationProof::BirthDate, None),
    })
}

async fn send_pin(state: &AppState, i: &invitation::Model, to: &str) -> Result<(), ApiError> {
    let now = state.clock.now();
    let subject = i.id.to_string();
    let locale = match i.invited_by {
        Some(by) => auth_store::locale_of(&state.db.read, by).await?.unwrap_or_default(),
        None => Locale::default(),
    };
    let txn = state.db.write.begin().await?;
    sms_codes::send(
        &txn,
        sms_codes::Request {
            purpose: SmsPurpose::Activation,
            subject: &subject,
            to,
            locale,
            organisation_id: Some(i.organisation_id),
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// What the activation page shows for a link. With the SMS PIN as proof, opening the
/// link sends the PIN, unless one that still works went out already.
pub async fn lookup(state: &AppState, token: &str) -> Result<ActivationInfo, ApiError> {
    let i = pending_by_token(state, token).await?;
    let existing = auth_store::user_by_email(&state.db.read, &i.email).await?;
    let (proof, to) = proof_for(state, &i).await?;
    if let Some(to) = &to {
        let now = state.clock.now();
        if !sms_codes::has_valid(&state.db.write, SmsPurpose::Activation, &i.id.to_string(), now).await? {
            // A limit reached here is no error: the page offers "send a new PIN".
            match send_pin(state, &i, to).await {
                Err(e) if e.kind() == shared::error::ErrorKind::RateLimited => {}
                other => other?,
            }
        }
    }
    Ok(ActivationInfo {
        organisation_id: i.organisation_id,
        organisation_name: organisation_name(state, i.organisation_id).await?,
        name: i.name,
        email: i.email,
        proof,
        sent_to: to.as_deref().map(mask_mobile),
        // A profile an administrator made (no password yet) activates like a new account.
        existing_account: existing.is_some_and(|u| u.password_hash.is_some()),
        password_policy: super::security::policy_for(&state.db.read, Some(i.organisation_id)).await?,
    })
}

/// Sends a new activation PIN (429 with `Retry-After` when asked again within a minute).
pub async fn resend_pin(state: &AppState, token: &str) -> Result<SmsCodeSent, ApiError> {
    let i = pending_by_token(state, token).await?;
    let (_, to) = proof_for(state, &i).await?;
    let Some(to) = to else {
        return Err(ApiError::conflict("This invitation is activated with a birth date, not a PIN"));
    };
    send_pin(state, &i, &to).await?;
    Ok(second_factor::code_sent(&to))
}

/// Counts a wrong answer; the fifth burns the link.
async fn wrong_proof(state: &AppState, i: &invitation::Model, field: &str) -> ApiError {
    let _ = invitation::Entity::update_many()
        .col_expr(invitation::Column::WrongProofs, Expr::col(invitation::Column::WrongProofs).add(1))
        .filter(invitation::Column::Id.eq(i.id))
        .exec(&state.db.write)
        .await;
    let left = MAX_WRONG_PROOFS - i.wrong_proofs - 1;
    if left <= 0 {
        return invalid_link();
    }
    let mut v = Validation::default();
    v.add_code(field, "wrong_proof", format!("does not match what we know; {left} attempts left"));
    v.finish().err().unwrap_or_else(ApiError::forbidden)
}

/// Activates the account (or adds the membership to an existing one).
pub async fn activate(state: &AppState, req: Activate, client: &ClientInfo) -> Result<(), ApiError> {
    let i = pending_by_token(state, &req.token).await?;
    if req.password.chars().count() > shared::validation::MAX_PASSWORD_LEN {
        return Err(ApiError::field("password", FieldProblem::TooLong(shared::validation::MAX_PASSWORD_LEN)));
    }
    let now = state.clock.now();
    let (proof, to) = proof_for(state, &i).await?;
    // The PIN is used up only when the account is made, so a refused password does not cost it.
    let mut pin_id = None;
    match proof {
        ActivationProof::BirthDate => match req.birth_date {
            None => return Err(ApiError::field("birth_date", FieldProblem::Required)),
            Some(d) if d != i.birth_date => return Err(wrong_proof(state, &i, "birth_date").await),
            Some(_) => {}
        },
        ActivationProof::SmsPin => {
            let typed = req.pin.as_deref().map(str::trim).unwrap_or_default();
            if typed.is_empty() {
                return Err(ApiError::field("pin", FieldProblem::Required));
            }
            let subject = i.id.to_string();
            match sms_codes::check(&state.db.write, SmsPurpose::Activation, &subject, typed, now).await? {
                sms_codes::Check::Right(id) => pin_id = Some(id),
                sms_codes::Check::Wrong { .. } => return Err(wrong_proof(state, &i, "pin").await),
                sms_codes::Check::Expired => {
                    let mut v = Validation::default();
                    v.add_code("pin", "pin_expired", "This PIN no longer works; ask for a new one".into());
                    return v.finish();
                }
            }
        }
    }
    let existing = auth_store::user_by_email(&state.db.write, &i.email).await?;
    // A professional an administrator made beforehand has an account without a password:
    // they choose one now, like a new person, instead of confirming one they never had.
    let confirms = existing.as_ref().filter(|u| u.password_hash.is_some());
    let user_id = match confirms {
        Some(u) => {
            // One person, one account: they prove it is theirs with their current password.
            if !password::verify(u.password_hash.clone(), req.password.clone()).await? {
                return Err(wrong_proof(state, &i, "password").await);
            }
            u.id
        }
        None => {
            let org_name = organisation_name(state, i.organisation_id).await?;
            let who = PersonalInfo { name: &i.name, email: &i.email, organisation: &org_name };
            let policy = super::security::policy_for(&state.db.read, Some(i.organisation_id)).await?;
            let problems = check_password(policy, &req.password, who, &blocklist::is_common);
            if let Some(first) = problems.first() {
                let mut v = Validation::default();
                v.add_code(
                    "password",
                    first.code(),
                    problems.iter().map(|p| p.message()).collect::<Vec<_>>().join("; "),
                );
                v.finish()?;
            }
            existing.as_ref().map_or_else(Uuid::now_v7, |u| u.id)
        }
    };
    let phc = match confirms {
        Some(_) => None,
        None => Some(password::hash(req.password).await?),
    };

    let txn = state.db.write.begin().await?;
    // Conditional: two tabs activating the same link create one account.
    let claimed = invitation::Entity::update_many()
        .col_expr(invitation::Column::AcceptedAt, Expr::value(now))
        .filter(invitation::Column::Id.eq(i.id))
        .filter(invitation::Column::AcceptedAt.is_null())
        .filter(invitation::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    if claimed.rows_affected != 1 {
        return Err(invalid_link());
    }
    if let Some(id) = pin_id
        && !sms_codes::consume(&txn, id, now).await?
    {
        return Err(invalid_link());
    }
    // A PIN that came back proves the number.
    let verified = pin_id.map(|_| now);
    match (phc, &existing) {
        (Some(phc), None) => {
            user::ActiveModel {
                id: Set(user_id),
                email: Set(i.email.clone()),
                name: Set(i.name.clone()),
                password_hash: Set(Some(phc)),
                locale: Set(Locale::Nl.tag().into()),
                helpdesk: Set(false),
                birth_date: Set(Some(i.birth_date)),
                must_change_password: Set(false),
                created_at: Set(now),
                updated_at: Set(now),
                mobile: Set(i.mobile.clone()),
                mobile_verified_at: Set(verified.filter(|_| i.mobile.is_some())),
                sms_second_factor: Set(false),
            }
            .insert(&txn)
            .await?;
        }
        (Some(phc), Some(u)) => {
            // Conditional on the hash still being empty: an account that got a password
            // meanwhile (another invitation's link) is not taken over by this one.
            let mobile = u.mobile.clone().or_else(|| i.mobile.clone());
            let proved = verified.filter(|_| mobile.is_some() && mobile == to);
            let set = user::Entity::update_many()
                .col_expr(user::Column::PasswordHash, Expr::value(phc))
                .col_expr(user::Column::Mobile, Expr::value(mobile))
                .col_expr(user::Column::MobileVerifiedAt, Expr::value(proved.or(u.mobile_verified_at)))
                .col_expr(user::Column::UpdatedAt, Expr::value(now))
                .filter(user::Column::Id.eq(u.id))
                .filter(user::Column::PasswordHash.is_null())
                .exec(&txn)
                .await?;
            if set.rows_affected != 1 {
                return Err(invalid_link());
            }
        }
        (None, Some(u)) => {
            if let Some(mobile) = &to
                && u.mobile.is_none()
            {
                // An existing account without a number takes the one the PIN just proved.
                let mut m: user::ActiveModel = u.clone().into();
                m.mobile = Set(Some(mobile.clone()));
                m.mobile_verified_at = Set(verified);
                m.updated_at = Set(now);
                m.update(&txn).await?;
            }
        }
        (None, None) => {}
    }
    // A pre-created professional (or a person linked by an administrator) has the
    // membership already; a second one would make them appear twice.
    let member = membership::Entity::find()
        .filter(membership::Column::UserId.eq(user_id))
        .filter(membership::Column::OrganisationId.eq(i.organisation_id))
        .one(&txn)
        .await?;
    if member.is_none() {
        membership::ActiveModel {
            id: Set(Uuid::now_v7()),
            user_id: Set(user_id),
            organisation_id: Set(i.organisation_id),
            role: Set(i.role.clone()),
            rights: Set(i.rights.clone()),
            main_contact: Set(i.main_contact),
            contract_minutes: Set(None),
            cost_centre: Set(None),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    // An informal carer a coordinator entered by e-mail gets this account, so the
    // networks they are in show up for them.
    informal_carer::Entity::update_many()
        .col_expr(informal_carer::Column::UserId, Expr::value(user_id))
        .filter(informal_carer::Column::Email.eq(i.email.clone()))
        .filter(informal_carer::Column::UserId.is_null())
        .exec(&txn)
        .await?;
    audit::record(
        &txn,
        Event {
            organisation_id: Some(i.organisation_id),
            actor_user_id: Some(user_id),
            action: "invitation_accepted",
            subject: Some(i.id.to_string()),
        },
        client,
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Live password feedback; with an invitation or reset token it also checks the
/// person's own name, e-mail and organisation.
pub async fn check(
    state: &AppState,
    password: &str,
    token: Option<&str>,
    actor: Option<&Actor>,
) -> Result<PasswordCheckResult, ApiError> {
    let (mut name, mut mail, mut org) = (String::new(), String::new(), String::new());
    let mut org_id = None;
    if let Some(token) = token {
        let hash = tokens::token_hash(token);
        if let Some(i) = invitation::Entity::find()
            .filter(invitation::Column::TokenHash.eq(hash.clone()))
            .one(&state.db.read)
            .await?
        {
            name = i.name;
            mail = i.email;
            org = organisation_name(state, i.organisation_id).await?;
            org_id = Some(i.organisation_id);
        } else if let Some(r) = password_reset::Entity::find_by_id(hash).one(&state.db.read).await?
            && let Some(u) = user::Entity::find_by_id(r.user_id).one(&state.db.read).await?
        {
            let home = auth_store::memberships_of(&state.db.read, u.id).await?.into_iter().next();
            org_id = home.as_ref().map(|m| m.organisation_id);
            org = home.map(|m| m.organisation_name).unwrap_or_default();
            name = u.name;
            mail = u.email;
        }
    }
    if let (None, Some(a)) = (org_id, actor) {
        name = a.name.clone();
        mail = a.email.clone();
        org = organisation_name(state, a.organisation_id).await?;
        org_id = Some(a.organisation_id);
    }
    let who = PersonalInfo { name: &name, email: &mail, organisation: &org };
    Ok(PasswordCheckResult {
        problems: check_password(
            super::security::policy_for(&state.db.read, org_id).await?,
            password,
            who,
            &blocklist::is_common,
        ),
    })
}
