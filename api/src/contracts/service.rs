//! Offering, reading, signing and withdrawing contracts. Store functions take the actor's
//! organisation; a contract of another organisation, or a colleague's, does not exist (404).

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait, sea_query::Expr,
};
use shared::{
    Page,
    auth::{Right, SmsCodeSent},
    contracts::{
        Contract, ContractAuditEntry, ContractStatus, NewContract, SignContract, Signature, status,
        typed_name_matches,
    },
    documents::PersonDocumentKind,
    error::ErrorKind,
    i18n::Locale,
};
use uuid::Uuid;

use super::mail;
use crate::{
    audit::{self, ClientInfo, Event},
    auth::{Actor, second_factor, sms_codes},
    documents::stored::{self, NewDocument},
    entities::{contract, contract_event, membership, person_document, user},
    error::{ApiError, Validation},
    files::sniff,
    notifications::{outbox, templates::SmsPurpose},
    pagination::PageQuery,
    state::AppState,
};

/// Wrong codes per contract within [`THROTTLE_MINUTES`] before signing waits.
pub const MAX_CODE_FAILURES: u64 = 5;
/// The window of [`MAX_CODE_FAILURES`].
pub const THROTTLE_MINUTES: i64 = 15;

/// Today in the Netherlands.
pub fn today(now: DateTime<Utc>) -> NaiveDate {
    crate::absence::reports::today(now)
}

/// The status of a stored contract on `today`.
pub fn status_of(m: &contract::Model, today: NaiveDate) -> ContractStatus {
    status(m.signed_at.is_some(), m.withdrawn_at.is_some(), m.sign_by, today)
}

/// The SQL condition for contracts in `s` on `today`.
pub fn status_condition(s: ContractStatus, today: NaiveDate) -> Condition {
    use contract::Column as C;
    let open = Condition::all().add(C::SignedAt.is_null()).add(C::WithdrawnAt.is_null());
    match s {
        ContractStatus::Signed => Condition::all().add(C::SignedAt.is_not_null()),
        ContractStatus::Withdrawn => {
            Condition::all().add(C::SignedAt.is_null()).add(C::WithdrawnAt.is_not_null())
        }
        ContractStatus::Expired => open.add(C::SignBy.lt(today)),
        ContractStatus::ToSign => open.add(C::SignBy.gte(today)),
    }
}

/// The API shape.
pub fn to_dto(m: contract::Model, person_name: String, today: NaiveDate) -> Contract {
    let st = status_of(&m, today);
    let signature = match (m.signed_at, m.signed_typed_name) {
        (Some(signed_at), Some(typed_name)) => Some(Signature {
            signed_at,
            signer_user_id: m.user_id,
            typed_name,
            document_sha256: m.signed_sha256.unwrap_or_default(),
            second_factor: m.signed_second_factor.unwrap_or_default(),
            ip: m.signed_ip,
            user_agent: m.signed_user_agent,
        }),
        _ => None,
    };
    Contract {
        id: m.id,
        user_id: m.user_id,
        person_name,
        title: m.title,
        document_id: m.document_id,
        document_sha256: m.document_sha256,
        sign_by: m.sign_by,
        status: st,
        created_at: m.created_at,
        signature,
    }
}

fn is_employer(actor: &Actor) -> bool {
    actor.has(Right::ManageEmployeeData)
}

async fn name_of(db: &impl ConnectionTrait, user_id: Uuid) -> Result<String, DbErr> {
    Ok(user::Entity::find_by_id(user_id).one(db).await?.map(|u| u.name).unwrap_or_default())
}

/// The contract if the actor may see it: the employer side any of the organisation's,
/// the employee their own. Anything else is 404.
pub async fn visible(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: Uuid,
) -> Result<contract::Model, ApiError> {
    let c = contract::Entity::find_by_id(id)
        .filter(contract::Column::OrganisationId.eq(actor.organisation_id))
        .one(db)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if c.user_id == actor.user_id || is_employer(actor) { Ok(c) } else { Err(ApiError::not_found()) }
}

/// The actor's own contract (the signer's endpoints), else 404.
async fn own(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> Result<contract::Model, ApiError> {
    contract::Entity::find_by_id(id)
        .filter(contract::Column::OrganisationId.eq(actor.organisation_id))
        .filter(contract::Column::UserId.eq(actor.user_id))
        .one(db)
        .await?
        .ok_or_else(ApiError::not_found)
}

/// One line of the contract's own trail.
pub struct Step<'a> {
    /// What happened.
    pub action: &'a str,
    /// Who (none: Poort).
    pub actor_user_id: Option<Uuid>,
    /// Their name.
    pub actor_name: &'a str,
    /// Hash or reason.
    pub detail: Option<String>,
}

/// Records a step of the contract's trail.
pub async fn record_step(
    db: &impl ConnectionTrait,
    c: &contract::Model,
    step: Step<'_>,
    client: &ClientInfo,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    contract_event::ActiveModel {
        id: Set(Uuid::now_v7()),
        contract_id: Set(c.id),
        organisation_id: Set(c.organisation_id),
        at: Set(at),
        action: Set(step.action.into()),
        actor_user_id: Set(step.actor_user_id),
        actor_name: Set(step.actor_name.chars().take(200).collect()),
        ip: Set(client.ip.clone()),
        user_agent: Set(client.user_agent.clone()),
        detail: Set(step.detail.map(|d| d.chars().take(200).collect())),
    }
    .insert(db)
    .await
    .map(|_| ())
}

fn step<'a>(actor: &'a Actor, action: &'a str, detail: Option<String>) -> Step<'a> {
    Step { action, actor_user_id: Some(actor.user_id), actor_name: &actor.name, detail }
}

/// Offers a contract: stores the PDF as the employee's document (visible to both sides),
/// records `offered` and mails the employee a deep link.
pub async fn offer(
    state: &AppState,
    actor: &Actor,
    q: NewContract,
    bytes: &[u8],
    client: &ClientInfo,
) -> Result<Contract, ApiError> {
    actor.require(Right::ManageEmployeeData)?;
    let now = state.clock.now();
    let today = today(now);
    let db = &state.db.write;
    let member = membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(actor.organisation_id))
        .filter(membership::Column::UserId.eq(q.user_id))
        .one(db)
        .await?;
    let mut v = Validation::default();
    if member.is_none() {
        v.add_code("user_id", "not_member", "Not a member of your organisation".into());
    }
    let title = q.title.trim();
    if title.is_empty() {
        v.add_code("title", "required", "Give the contract a title".into());
    } else if title.chars().count() > 200 {
        v.add_code("title", "too_long", "At most 200 characters".into());
    }
    if q.sign_by < today {
        v.add_code("sign_by", "in_past", "The last day to sign is today or later".into());
    }
    if bytes.is_empty() {
        v.add_code("file", "required", "Choose a PDF file".into());
    } else if sniff::sniff(bytes) != Some(sniff::Kind::Pdf) {
        v.add_code("file", "type", "A contract is a PDF file".into());
    }
    v.finish()?;
    let employee = user::Entity::find_by_id(q.user_id).one(db).await?.ok_or_else(ApiError::not_found)?;
    let txn = db.begin().await?;
    let doc = stored::store(
        state,
        &txn,
        NewDocument {
            organisation_id: actor.organisation_id,
            user_id: q.user_id,
            kind: PersonDocumentKind::EmploymentContract,
            title,
            file_name: &q.file_name,
            period_start: None,
            period_end: None,
            visible_employee: true,
            visible_employer: true,
            uploaded_by: Some(actor.user_id),
            uploaded_by_name: &actor.name,
        },
        bytes,
        now,
    )
    .await?;
    let row = contract::ActiveModel {
        id: Set(Uuid::now_v7()),
        organisation_id: Set(actor.organisation_id),
        user_id: Set(q.user_id),
        title: Set(title.to_string()),
        document_id: Set(doc.id),
        document_sha256: Set(doc.sha256.clone()),
        sign_by: Set(q.sign_by),
        created_by: Set(Some(actor.user_id)),
        created_at: Set(now),
        withdrawn_at: Set(None),
        signed_at: Set(None),
        signed_typed_name: Set(None),
        signed_sha256: Set(None),
        signed_second_factor: Set(None),
        signed_ip: Set(None),
        signed_user_agent: Set(None),
    }
    .insert(&txn)
    .await?;
    record_step(&txn, &row, step(actor, "offered", Some(doc.sha256.clone())), client, now).await?;
    audit::record(&txn, Event::by(actor, "contract_offered", Some(row.id.to_string())), client, now).await?;
    let locale = Locale::from_tag(&employee.locale);
    let link = format!("{}/contracten/{}", state.config.public_url(), row.id);
    let text = mail::offered_text(
        locale,
        &employee.name,
        &row.title,
        &row.sign_by.format("%d-%m-%Y").to_string(),
        &link,
    );
    outbox::enqueue_mail(&txn, Some(actor.organisation_id), &employee.email, text, now).await?;
    txn.commit().await?;
    Ok(to_dto(row, employee.name, today))
}

/// Query of `GET /api/v1/contracts`.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ContractQuery {
    /// Only this status (today's).
    pub status: Option<ContractStatus>,
    /// Only this person's.
    pub user_id: Option<Uuid>,
    /// Items per page, 1–200 (default 50).
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

async fn with_names(
    db: &impl ConnectionTrait,
    rows: Vec<contract::Model>,
    today: NaiveDate,
) -> Result<Vec<Contract>, DbErr> {
    let mut ids: Vec<Uuid> = rows.iter().map(|c| c.user_id).collect();
    ids.sort();
    ids.dedup();
    let names = crate::hours::store::names_of(db, &ids).await?;
    Ok(rows
        .into_iter()
        .map(|c| {
            let name =
                names.iter().find(|(id, _)| *id == c.user_id).map(|(_, n)| n.clone()).unwrap_or_default();
            to_dto(c, name, today)
        })
        .collect())
}

/// The organisation's contracts, newest first (employer side).
pub async fn list(state: &AppState, actor: &Actor, q: &ContractQuery) -> Result<Page<Contract>, ApiError> {
    actor.require(Right::ManageEmployeeData)?;
    let page = PageQuery { limit: q.limit, cursor: q.cursor.clone() };
    let after: Option<(DateTime<Utc>, Uuid)> = page.decode()?;
    let today = today(state.clock.now());
    let db = &state.db.read;
    let mut find =
        contract::Entity::find().filter(contract::Column::OrganisationId.eq(actor.organisation_id));
    if let Some(s) = q.status {
        find = find.filter(status_condition(s, today));
    }
    if let Some(u) = q.user_id {
        find = find.filter(contract::Column::UserId.eq(u));
    }
    if let Some((at, id)) = after {
        find =
            find.filter(Condition::any().add(contract::Column::CreatedAt.lt(at)).add(
                Condition::all().add(contract::Column::CreatedAt.eq(at)).add(contract::Column::Id.lt(id)),
            ));
    }
    let rows = find
        .order_by_desc(contract::Column::CreatedAt)
        .order_by_desc(contract::Column::Id)
        .limit(page.limit() + 1)
        .all(db)
        .await?;
    let (rows, next_cursor) = crate::pagination::page(rows, page.limit(), |c| (c.created_at, c.id));
    Ok(Page { items: with_names(db, rows, today).await?, next_cursor })
}

/// The caller's own contracts, newest first.
pub async fn mine(state: &AppState, actor: &Actor) -> Result<Vec<Contract>, ApiError> {
    let today = today(state.clock.now());
    let rows = contract::Entity::find()
        .filter(contract::Column::OrganisationId.eq(actor.organisation_id))
        .filter(contract::Column::UserId.eq(actor.user_id))
        .order_by_desc(contract::Column::CreatedAt)
        .order_by_desc(contract::Column::Id)
        .limit(200)
        .all(&state.db.read)
        .await?;
    Ok(rows.into_iter().map(|c| to_dto(c, actor.name.clone(), today)).collect())
}

/// One contract; the signer opening it is recorded (`opened`, once a day).
pub async fn get(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    client: &ClientInfo,
    only_own: bool,
) -> Result<Contract, ApiError> {
    let now = state.clock.now();
    let c = if only_own {
        own(&state.db.read, actor, id).await?
    } else {
        visible(&state.db.read, actor, id).await?
    };
    if c.user_id == actor.user_id {
        let day_start = now - Duration::hours(24);
        let seen = contract_event::Entity::find()
            .filter(contract_event::Column::ContractId.eq(c.id))
            .filter(contract_event::Column::Action.eq("opened"))
            .filter(contract_event::Column::ActorUserId.eq(actor.user_id))
            .filter(contract_event::Column::At.gt(day_start))
            .count(&state.db.write)
            .await?;
        if seen == 0 {
            record_step(&state.db.write, &c, step(actor, "opened", None), client, now).await?;
        }
    }
    let name = if c.user_id == actor.user_id {
        actor.name.clone()
    } else {
        name_of(&state.db.read, c.user_id).await?
    };
    Ok(to_dto(c, name, today(now)))
}

/// The PDF, for the signer and the employer side. The signer downloading it counts as reading it.
pub async fn file(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
) -> Result<(person_document::Model, Vec<u8>), ApiError> {
    let c = visible(&state.db.read, actor, id).await?;
    let doc = person_document::Entity::find_by_id(c.document_id)
        .filter(person_document::Column::OrganisationId.eq(actor.organisation_id))
        .one(&state.db.read)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let bytes = stored::read(state, &doc).await?;
    if c.user_id == actor.user_id && doc.read_at.is_none() {
        person_document::Entity::update_many()
            .col_expr(person_document::Column::ReadAt, Expr::value(state.clock.now()))
            .filter(person_document::Column::Id.eq(doc.id))
            .filter(person_document::Column::ReadAt.is_null())
            .exec(&state.db.write)
            .await?;
    }
    Ok((doc, bytes))
}

/// Withdraws a contract that is still to sign (employer side).
pub async fn withdraw(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    client: &ClientInfo,
) -> Result<Contract, ApiError> {
    actor.require(Right::ManageEmployeeData)?;
    let now = state.clock.now();
    let today = today(now);
    let c = visible(&state.db.write, actor, id).await?;
    if status_of(&c, today) != ContractStatus::ToSign {
        return Err(ApiError::conflict_on(
            "status",
            "not_to_sign",
            "Only a contract still to sign can be withdrawn",
        ));
    }
    let txn = state.db.write.begin().await?;
    let res = contract::Entity::update_many()
        .col_expr(contract::Column::WithdrawnAt, Expr::value(now))
        .filter(contract::Column::Id.eq(c.id))
        .filter(contract::Column::SignedAt.is_null())
        .filter(contract::Column::WithdrawnAt.is_null())
        .exec(&txn)
        .await?;
    if res.rows_affected != 1 {
        return Err(ApiError::conflict_on("status", "not_to_sign", "The contract changed meanwhile"));
    }
    record_step(&txn, &c, step(actor, "withdrawn", None), client, now).await?;
    audit::record(&txn, Event::by(actor, "contract_withdrawn", Some(c.id.to_string())), client, now).await?;
    txn.commit().await?;
    let c = contract::Entity::find_by_id(id).one(&state.db.write).await?.ok_or_else(ApiError::not_found)?;
    let name = name_of(&state.db.read, c.user_id).await?;
    Ok(to_dto(c, name, today))
}

/// The contract's trail, oldest first: the employer side and the signer.
pub async fn trail(state: &AppState, actor: &Actor, id: Uuid) -> Result<Vec<ContractAuditEntry>, ApiError> {
    let c = visible(&state.db.read, actor, id).await?;
    let rows = contract_event::Entity::find()
        .filter(contract_event::Column::ContractId.eq(c.id))
        .filter(contract_event::Column::OrganisationId.eq(actor.organisation_id))
        .order_by_asc(contract_event::Column::At)
        .order_by_asc(contract_event::Column::Id)
        .all(&state.db.read)
        .await?;
    Ok(rows
        .into_iter()
        .map(|e| ContractAuditEntry {
            at: e.at,
            action: e.action,
            actor_name: e.actor_name,
            ip: e.ip,
            user_agent: e.user_agent,
            detail: e.detail,
        })
        .collect())
}

fn not_to_sign(s: ContractStatus) -> ApiError {
    let message = match s {
        ContractStatus::Signed => "The contract is signed already",
        ContractStatus::Expired => "The last day to sign has passed",
        ContractStatus::Withdrawn => "The contract was withdrawn",
        ContractStatus::ToSign => "The contract cannot be signed",
    };
    ApiError::conflict_on("status", s.as_str(), message)
}

fn no_second_factor() -> ApiError {
    ApiError::conflict_on(
        "code",
        "no_second_factor",
        "Set up an authenticator app or SMS codes under My account first: signing needs a second factor",
    )
}

/// Sends an SMS code to sign with (only to people who use SMS codes).
pub async fn send_code(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    client: &ClientInfo,
) -> Result<SmsCodeSent, ApiError> {
    let now = state.clock.now();
    let c = own(&state.db.write, actor, id).await?;
    let s = status_of(&c, today(now));
    if s != ContractStatus::ToSign {
        return Err(not_to_sign(s));
    }
    let u = user::Entity::find_by_id(actor.user_id)
        .one(&state.db.write)
        .await?
        .filter(second_factor::sms_factor_of)
        .ok_or_else(|| {
            ApiError::conflict_on("code", "no_sms_factor", "SMS codes are not set up for this account")
        })?;
    let to = u.mobile.clone().unwrap_or_default();
    let txn = state.db.write.begin().await?;
    sms_codes::send(
        &txn,
        sms_codes::Request {
            purpose: SmsPurpose::SignContract,
            subject: &c.id.to_string(),
            to: &to,
            locale: Locale::from_tag(&u.locale),
            organisation_id: Some(c.organisation_id),
        },
        now,
    )
    .await?;
    record_step(&txn, &c, step(actor, "sign_code_sent", None), client, now).await?;
    txn.commit().await?;
    Ok(second_factor::code_sent(&to))
}

async fn failed(
    state: &AppState,
    c: &contract::Model,
    actor: &Actor,
    reason: &str,
    client: &ClientInfo,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    record_step(&state.db.write, c, step(actor, "sign_failed", Some(reason.into())), client, now).await?;
    Ok(())
}

/// Signs: agreement ticked, the typed name the signer's, the document unchanged and a
/// right code from the authenticator app or the SMS; stores the signature with its trail.
pub async fn sign(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: SignContract,
    client: &ClientInfo,
) -> Result<Contract, ApiError> {
    let now = state.clock.now();
    let today = today(now);
    let db = &state.db.write;
    let c = own(db, actor, id).await?;
    let s = status_of(&c, today);
    if s != ContractStatus::ToSign {
        return Err(not_to_sign(s));
    }
    let has_totp = second_factor::has_totp(db, actor.user_id).await?;
    let signer =
        user::Entity::find_by_id(actor.user_id).one(db).await?.ok_or_else(ApiError::unauthenticated)?;
    let has_sms = second_factor::sms_factor_of(&signer);
    if !has_totp && !has_sms {
        return Err(no_second_factor());
    }
    let mut v = Validation::default();
    let mut reasons = Vec::new();
    if !body.agree {
        v.add_code("agree", "required", "Tick that you agree to sign".into());
        reasons.push("agree");
    }
    if !typed_name_matches(&body.typed_name, &signer.name) {
        v.add_code("typed_name", "mismatch", format!("Type your full name: {}", signer.name));
        reasons.push("typed_name");
    }
    let code = body.code.trim();
    if code.is_empty() {
        v.add_code("code", "required", "Enter the code from your authenticator app or SMS".into());
    }
    if !reasons.is_empty() {
        failed(state, &c, actor, &reasons.join(","), client, now).await?;
    }
    v.finish()?;

    // Throttled like sign-in codes: a handful of wrong codes, then wait.
    let since = now - Duration::minutes(THROTTLE_MINUTES);
    let recent = contract_event::Entity::find()
        .filter(contract_event::Column::ContractId.eq(c.id))
        .filter(contract_event::Column::Action.eq("sign_failed"))
        .filter(contract_event::Column::Detail.eq("wrong_code"))
        .filter(contract_event::Column::At.gt(since));
    if recent.clone().count(db).await? >= MAX_CODE_FAILURES {
        let oldest = recent.order_by_asc(contract_event::Column::At).one(db).await?;
        let free = oldest.map_or(now + Duration::minutes(THROTTLE_MINUTES), |e| {
            e.at + Duration::minutes(THROTTLE_MINUTES)
        });
        return Err(ApiError::rate_limited(Ord::max((free - now).num_seconds(), 1)));
    }

    // What is signed must be what was offered.
    let doc = person_document::Entity::find_by_id(c.document_id)
        .filter(person_document::Column::OrganisationId.eq(c.organisation_id))
        .one(db)
        .await?;
    let hash = match doc {
        Some(d) => match stored::read(state, &d).await {
            Ok(bytes) => Some(stored::sha256_hex(&bytes)),
            Err(e) if e.kind() == ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        },
        None => None,
    };
    let Some(hash) = hash.filter(|h| *h == c.document_sha256) else {
        failed(state, &c, actor, "document_changed", client, now).await?;
        return Err(ApiError::conflict_on(
            "document",
            "document_changed",
            "The stored document is not the one offered; ask your employer to offer it again",
        ));
    };

    // The code: the authenticator app first (a wrong TOTP costs nothing), then the SMS.
    let mut method = None;
    if has_totp && second_factor::accept_totp(state, actor.user_id, code, now).await? {
        method = Some("totp");
    }
    if method.is_none() && has_sms {
        let subject = c.id.to_string();
        if let sms_codes::Check::Right(sms_id) =
            sms_codes::check(db, SmsPurpose::SignContract, &subject, code, now).await?
            && sms_codes::consume(db, sms_id, now).await?
        {
            method = Some("sms");
        }
    }
    let Some(method) = method else {
        failed(state, &c, actor, "wrong_code", client, now).await?;
        let used = recent_failures(db, c.id, since).await?;
        let left = MAX_CODE_FAILURES.saturating_sub(used);
        return Err(second_factor::wrong_code(left as i32));
    };

    let txn = db.begin().await?;
    let res = contract::Entity::update_many()
        .col_expr(contract::Column::SignedAt, Expr::value(now))
        .col_expr(
            contract::Column::SignedTypedName,
            Expr::value(body.typed_name.trim().chars().take(200).collect::<String>()),
        )
        .col_expr(contract::Column::SignedSha256, Expr::value(hash.clone()))
        .col_expr(contract::Column::SignedSecondFactor, Expr::value(method))
        .col_expr(contract::Column::SignedIp, Expr::value(client.ip.clone()))
        .col_expr(contract::Column::SignedUserAgent, Expr::value(client.user_agent.clone()))
        .filter(contract::Column::Id.eq(c.id))
        .filter(contract::Column::SignedAt.is_null())
        .filter(contract::Column::WithdrawnAt.is_null())
        .exec(&txn)
        .await?;
    if res.rows_affected != 1 {
        return Err(ApiError::conflict_on("status", "signed", "The contract changed meanwhile"));
    }
    record_step(&txn, &c, step(actor, "signed", Some(hash)), client, now).await?;
    audit::record(&txn, Event::by(actor, "contract_signed", Some(c.id.to_string())), client, now).await?;
    let link = format!("{}/contracten/{}", state.config.public_url(), c.id);
    for u in employer_side(&txn, &c).await? {
        let text = mail::signed_text(Locale::from_tag(&u.locale), &u.name, &actor.name, &c.title, &link);
        outbox::enqueue_mail(&txn, Some(c.organisation_id), &u.email, text, now).await?;
    }
    txn.commit().await?;
    let c = contract::Entity::find_by_id(c.id).one(db).await?.ok_or_else(ApiError::not_found)?;
    Ok(to_dto(c, actor.name.clone(), today))
}

async fn recent_failures(
    db: &impl ConnectionTrait,
    contract_id: Uuid,
    since: DateTime<Utc>,
) -> Result<u64, DbErr> {
    contract_event::Entity::find()
        .filter(contract_event::Column::ContractId.eq(contract_id))
        .filter(contract_event::Column::Action.eq("sign_failed"))
        .filter(contract_event::Column::Detail.eq("wrong_code"))
        .filter(contract_event::Column::At.gt(since))
        .count(db)
        .await
}

/// Who hears of a signature: the person who offered the contract while they still hold
/// the right, else everyone in the organisation with *manage employee data*.
async fn employer_side(db: &impl ConnectionTrait, c: &contract::Model) -> Result<Vec<user::Model>, DbErr> {
    let members = membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(c.organisation_id))
        .filter(membership::Column::Rights.contains(Right::ManageEmployeeData.as_str()))
        .all(db)
        .await?;
    let holders: Vec<Uuid> = members
        .into_iter()
        .filter(|m| Right::parse_list(&m.rights).contains(&Right::ManageEmployeeData))
        .map(|m| m.user_id)
        .filter(|u| *u != c.user_id)
        .collect();
    let ids = match c.created_by {
        Some(by) if holders.contains(&by) => vec![by],
        _ => holders,
    };
    if ids.is_empty() {
        return Ok(vec![]);
    }
    user::Entity::find().filter(user::Column::Id.is_in(ids)).all(db).await
}
