//! Adding organisations, professionals and informal carers to a network, and removing
//! entries. Each change and its history event share one transaction.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, Set,
    TransactionTrait,
};
use shared::networks::{AddInformalCarer, AddOrganisation, AddProfessional, Network, SimilarPerson, rules};
use uuid::Uuid;

use super::{access, carers, history, parse_modules, view};
use crate::{
    auth::Actor,
    entities::{care_client, care_network_entry, informal_carer, membership, organisation, user},
    error::{ApiError, Validation},
    state::AppState,
};

fn entry(
    client_id: Uuid,
    kind: &str,
    subject_key: String,
    by: Option<Uuid>,
    now: DateTime<Utc>,
) -> care_network_entry::ActiveModel {
    care_network_entry::ActiveModel {
        id: Set(Uuid::now_v7()),
        client_id: Set(client_id),
        kind: Set(kind.into()),
        subject_key: Set(subject_key),
        organisation_id: Set(None),
        membership_id: Set(None),
        carer_id: Set(None),
        relation: Set(None),
        coordinator: Set(false),
        primary_coordinator: Set(false),
        added_at: Set(now),
        added_by: Set(by),
    }
}

/// Inserts an organisation entry.
pub async fn insert_organisation(
    db: &impl ConnectionTrait,
    client_id: Uuid,
    organisation_id: Uuid,
    by: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Uuid, DbErr> {
    let mut e = entry(client_id, super::ORGANISATION, format!("organisation:{organisation_id}"), by, now);
    e.organisation_id = Set(Some(organisation_id));
    Ok(e.insert(db).await?.id)
}

/// Inserts a professional entry; `primary` makes them the (primary) coordinator.
pub async fn insert_professional(
    db: &impl ConnectionTrait,
    client_id: Uuid,
    membership_id: Uuid,
    organisation_id: Uuid,
    by: Option<Uuid>,
    now: DateTime<Utc>,
    primary: bool,
) -> Result<Uuid, DbErr> {
    let mut e = entry(client_id, super::PROFESSIONAL, format!("professional:{membership_id}"), by, now);
    e.organisation_id = Set(Some(organisation_id));
    e.membership_id = Set(Some(membership_id));
    e.coordinator = Set(primary);
    e.primary_coordinator = Set(primary);
    Ok(e.insert(db).await?.id)
}

/// Inserts an informal carer entry.
pub async fn insert_carer(
    db: &impl ConnectionTrait,
    client_id: Uuid,
    carer_id: Uuid,
    relation: &str,
    by: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Uuid, DbErr> {
    let mut e = entry(client_id, super::INFORMAL_CARER, format!("carer:{carer_id}"), by, now);
    e.carer_id = Set(Some(carer_id));
    e.relation = Set(Some(relation.into()));
    Ok(e.insert(db).await?.id)
}

async fn has_subject(db: &impl ConnectionTrait, client_id: Uuid, key: &str) -> Result<bool, DbErr> {
    Ok(care_network_entry::Entity::find()
        .filter(care_network_entry::Column::ClientId.eq(client_id))
        .filter(care_network_entry::Column::SubjectKey.eq(key))
        .count(db)
        .await?
        > 0)
}

/// The organisation if it takes part in networks and its category is one of the client's
/// modules; `field` names the body field for the error.
async fn organisation_for(
    db: &impl ConnectionTrait,
    client: &care_client::Model,
    organisation_id: Uuid,
    field: &str,
) -> Result<organisation::Model, ApiError> {
    let org = organisation::Entity::find_by_id(organisation_id).one(db).await?;
    let Some((org, category)) = org.and_then(|o| o.category.clone().map(|c| (o, c))) else {
        let mut v = Validation::default();
        v.add_code(field, "not_found", "is not an organisation in care networks".into());
        return Err(v.finish().err().unwrap_or_else(ApiError::not_found));
    };
    if !parse_modules(&client.modules).contains(&category) {
        let mut v = Validation::default();
        v.add_code(field, "module_off", format!("the module {category} is off for this client"));
        return Err(v.finish().err().unwrap_or_else(ApiError::not_found));
    }
    Ok(org)
}

async fn reload(state: &AppState, actor: &Actor, id: Uuid) -> Result<Network, ApiError> {
    let db = &state.db.write;
    let (client, access) = access::in_network(db, actor, id).await?;
    view::network(db, actor, &client, &access).await
}

/// Adds an organisation (coordinators).
pub async fn add_organisation(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: AddOrganisation,
) -> Result<Network, ApiError> {
    let db = &state.db.write;
    let (client, _) = access::as_coordinator(db, actor, id).await?;
    let org = organisation_for(db, &client, body.organisation_id, "organisation_id").await?;
    if has_subject(db, id, &format!("organisation:{}", org.id)).await? {
        return Err(ApiError::conflict_on("organisation_id", "already_in_network", "Already in the network"));
    }
    let now = state.clock.now();
    let txn = db.begin().await?;
    insert_organisation(&txn, id, org.id, Some(actor.user_id), now).await?;
    history::record(&txn, id, Some(actor.user_id), history::ORGANISATION_ADDED, Some(org.name), now).await?;
    txn.commit().await?;
    reload(state, actor, id).await
}

/// Adds a professional, and their organisation when it is not in the network yet.
pub async fn add_professional(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: AddProfessional,
) -> Result<Network, ApiError> {
    let db = &state.db.write;
    let (client, _) = access::as_coordinator(db, actor, id).await?;
    let found =
        membership::Entity::find_by_id(body.membership_id).find_also_related(user::Entity).one(db).await?;
    let Some((m, Some(person))) = found else {
        let mut v = Validation::default();
        v.add_code("membership_id", "not_found", "is not a professional".into());
        return Err(v.finish().err().unwrap_or_else(ApiError::not_found));
    };
    let org = organisation_for(db, &client, m.organisation_id, "membership_id").await?;
    if has_subject(db, id, &format!("professional:{}", m.id)).await? {
        return Err(ApiError::conflict_on("membership_id", "already_in_network", "Already in the network"));
    }
    let org_missing = !has_subject(db, id, &format!("organisation:{}", org.id)).await?;
    let now = state.clock.now();
    let by = Some(actor.user_id);
    let txn = db.begin().await?;
    if org_missing {
        insert_organisation(&txn, id, org.id, by, now).await?;
        history::record(&txn, id, by, history::ORGANISATION_ADDED, Some(org.name.clone()), now).await?;
    }
    insert_professional(&txn, id, m.id, org.id, by, now, false).await?;
    let subject = format!("{} ({})", person.name, org.name);
    history::record(&txn, id, by, history::PROFESSIONAL_ADDED, Some(subject), now).await?;
    txn.commit().await?;
    reload(state, actor, id).await
}

/// What adding an informal carer came to.
pub enum CarerOutcome {
    /// Added; the network after the change.
    Added(Box<Network>),
    /// A new person looks like these existing ones: nothing was made.
    Similar(Vec<SimilarPerson>),
}

/// Links an existing informal carer or makes a new one (coordinators).
pub async fn add_carer(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: AddInformalCarer,
) -> Result<CarerOutcome, ApiError> {
    let db = &state.db.write;
    access::as_coordinator(db, actor, id).await?;
    let mut v = Validation::default();
    let relation = body.relation.trim();
    v.check("relation", shared::validation::check_name(relation, 60));
    match (&body.existing_id, &body.person) {
        (Some(_), Some(_)) => {
            v.add_code("existing_id", "one_of", "give either existing_id or person, not both".into())
        }
        (None, None) => v.add_code("person", "required", "give either existing_id or person".into()),
        (None, Some(p)) => carers::check_person(p, &mut v),
        (Some(_), None) => {}
    }
    v.finish()?;
    let now = state.clock.now();
    let by = Some(actor.user_id);
    let carer = match (body.existing_id, body.person) {
        (Some(existing), _) => {
            let Some(carer) = informal_carer::Entity::find_by_id(existing).one(db).await? else {
                let mut v = Validation::default();
                v.add_code("existing_id", "not_found", "is not an informal carer".into());
                return Err(v.finish().err().unwrap_or_else(ApiError::not_found));
            };
            carer
        }
        (None, Some(person)) => {
            let similar = carers::similar(db, &person).await?;
            if !similar.is_empty() && !body.create_anyway {
                return Ok(CarerOutcome::Similar(similar));
            }
            carers::new_carer(&person, actor.organisation_id, now)
        }
        (None, None) => return Err(ApiError::bad_request("Give existing_id or person")),
    };
    if has_subject(db, id, &format!("carer:{}", carer.id)).await? {
        return Err(ApiError::conflict_on("existing_id", "already_in_network", "Already in the network"));
    }
    let name = view::display_name(&carer.first_name, carer.infix.as_deref(), &carer.last_name);
    let txn = db.begin().await?;
    if body.existing_id.is_none() {
        informal_carer::ActiveModel::from(carer.clone()).insert(&txn).await?;
    }
    insert_carer(&txn, id, carer.id, relation, by, now).await?;
    history::record(&txn, id, by, history::CARER_ADDED, Some(format!("{name} ({relation})")), now).await?;
    txn.commit().await?;
    Ok(CarerOutcome::Added(Box::new(reload(state, actor, id).await?)))
}

/// Removes an entry: coordinators remove anyone but the primary coordinator; anyone
/// removes their own professional entry ("remove myself").
pub async fn remove(state: &AppState, actor: &Actor, id: Uuid, entry_id: Uuid) -> Result<(), ApiError> {
    let db = &state.db.write;
    let (_, access) = access::in_network(db, actor, id).await?;
    let target = care_network_entry::Entity::find_by_id(entry_id)
        .filter(care_network_entry::Column::ClientId.eq(id))
        .one(db)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let myself = target.kind == super::PROFESSIONAL && access.mine.iter().any(|e| e.id == target.id);
    if !myself {
        access.require_coordinator()?;
    }
    let professionals_left = if target.kind == super::ORGANISATION {
        care_network_entry::Entity::find()
            .filter(care_network_entry::Column::ClientId.eq(id))
            .filter(care_network_entry::Column::Kind.eq(super::PROFESSIONAL))
            .filter(care_network_entry::Column::OrganisationId.eq(target.organisation_id))
            .count(db)
            .await? as usize
    } else {
        0
    };
    if let Err(p) = rules::check_removal(target.primary_coordinator, professionals_left) {
        let message = match p {
            rules::RemovalProblem::PrimaryCoordinator => "The primary coordinator hands over first",
            rules::RemovalProblem::HasProfessionals => "Remove the organisation's professionals first",
        };
        return Err(ApiError::conflict_on("entry_id", p.code(), message));
    }
    let (action, subject) = match target.kind.as_str() {
        super::PROFESSIONAL => {
            let name = match target.membership_id {
                Some(m) => view::professionals(db, vec![m]).await?.remove(&m).map(|p| p.user.name),
                None => None,
            };
            (history::PROFESSIONAL_REMOVED, name)
        }
        super::INFORMAL_CARER => {
            let carer = match target.carer_id {
                Some(c) => informal_carer::Entity::find_by_id(c).one(db).await?,
                None => None,
            };
            let name = carer.map(|k| view::display_name(&k.first_name, k.infix.as_deref(), &k.last_name));
            (history::CARER_REMOVED, name)
        }
        _ => {
            let org = match target.organisation_id {
                Some(o) => organisation::Entity::find_by_id(o).one(db).await?,
                None => None,
            };
            (history::ORGANISATION_REMOVED, org.map(|o| o.name))
        }
    };
    let now = state.clock.now();
    let txn = db.begin().await?;
    care_network_entry::Entity::delete_by_id(target.id).exec(&txn).await?;
    history::record(&txn, id, Some(actor.user_id), action, subject, now).await?;
    txn.commit().await?;
    Ok(())
}
