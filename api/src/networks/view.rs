//! The network as its members see it: the client, every entry with how to reach them,
//! sorted the way the screen shows them. Four queries whatever the network's size.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use shared::networks::{Address, CareClient, EntryKind, Network, NetworkEntry, PersonRef};
use uuid::Uuid;

use super::{access::Access, parse_modules};
use crate::{
    auth::Actor,
    entities::{care_client, care_network_entry, informal_carer, membership, organisation, user},
    error::ApiError,
};

/// A client's address as the API shows it.
pub fn client_address(c: &care_client::Model) -> Address {
    Address {
        street: c.street.clone(),
        house_number: c.house_number.clone(),
        postcode: c.postcode.clone(),
        city: c.city.clone(),
        latitude: c.latitude,
        longitude: c.longitude,
        approximate: c.coordinates_approximate,
    }
}

/// An organisation's address, when it has a complete one.
pub fn organisation_address(o: &organisation::Model) -> Option<Address> {
    Some(Address {
        street: o.street.clone()?,
        house_number: o.house_number.clone()?,
        postcode: o.postcode.clone()?,
        city: o.city.clone()?,
        latitude: o.latitude?,
        longitude: o.longitude?,
        approximate: o.coordinates_approximate,
    })
}

/// A professional's membership with their account.
pub struct Prof {
    /// Membership.
    pub membership: membership::Model,
    /// Account.
    pub user: user::Model,
}

/// Memberships with their users, by membership id.
pub async fn professionals(
    db: &impl ConnectionTrait,
    ids: Vec<Uuid>,
) -> Result<HashMap<Uuid, Prof>, ApiError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = membership::Entity::find()
        .filter(membership::Column::Id.is_in(ids))
        .find_also_related(user::Entity)
        .all(db)
        .await?;
    Ok(rows.into_iter().filter_map(|(m, u)| Some((m.id, Prof { membership: m, user: u? }))).collect())
}

/// Organisations by id.
pub async fn organisations(
    db: &impl ConnectionTrait,
    ids: Vec<Uuid>,
) -> Result<HashMap<Uuid, organisation::Model>, ApiError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect())
}

/// The client's entries, oldest first.
pub async fn entries(
    db: &impl ConnectionTrait,
    client_id: Uuid,
) -> Result<Vec<care_network_entry::Model>, ApiError> {
    Ok(care_network_entry::Entity::find()
        .filter(care_network_entry::Column::ClientId.eq(client_id))
        .order_by_asc(care_network_entry::Column::AddedAt)
        .order_by_asc(care_network_entry::Column::Id)
        .all(db)
        .await?)
}

/// The display name of an entry's subject, for history events.
pub fn display_name(first: &str, infix: Option<&str>, last: &str) -> String {
    [Some(first.trim()), infix.map(str::trim).filter(|s| !s.is_empty()), Some(last.trim())]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The client as the API shows it; `primary` is the primary coordinator, if known.
pub fn client(c: &care_client::Model, primary: Option<PersonRef>) -> CareClient {
    CareClient {
        id: c.id,
        first_name: c.first_name.clone(),
        infix: c.infix.clone(),
        last_name: c.last_name.clone(),
        name: c.name.clone(),
        birth_date: c.birth_date,
        address: client_address(c),
        modules: parse_modules(&c.modules),
        primary_coordinator: primary,
        version: c.version,
        created_at: c.created_at,
    }
}

/// Where an entry is listed: group (coordinators, organisations, carers), category,
/// organisation, organisation before its professionals, name.
type SortKey = (u8, String, String, u8, String);

/// The whole network of `client` for `actor`.
pub async fn network(
    db: &impl ConnectionTrait,
    actor: &Actor,
    c: &care_client::Model,
    access: &Access,
) -> Result<Network, ApiError> {
    let rows = entries(db, c.id).await?;
    let profs = professionals(db, rows.iter().filter_map(|e| e.membership_id).collect()).await?;
    let orgs = organisations(db, rows.iter().filter_map(|e| e.organisation_id).collect()).await?;
    let carer_ids: Vec<Uuid> = rows.iter().filter_map(|e| e.carer_id).collect();
    let carers: HashMap<Uuid, informal_carer::Model> = if carer_ids.is_empty() {
        HashMap::new()
    } else {
        informal_carer::Entity::find()
            .filter(informal_carer::Column::Id.is_in(carer_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|k| (k.id, k))
            .collect()
    };
    let mut out: Vec<(SortKey, NetworkEntry)> = Vec::with_capacity(rows.len());
    let mut primary = None;
    for e in rows {
        let org = e.organisation_id.and_then(|o| orgs.get(&o));
        let org_name = org.map(|o| o.name.clone());
        let category = org.and_then(|o| o.category.clone());
        let mut entry = NetworkEntry {
            id: e.id,
            kind: EntryKind::Organisation,
            name: String::new(),
            organisation_id: e.organisation_id,
            organisation_name: org_name.clone(),
            category: category.clone(),
            membership_id: e.membership_id,
            carer_id: e.carer_id,
            role_text: None,
            coordinator: e.coordinator,
            primary: e.primary_coordinator,
            email: None,
            phone: None,
            address: None,
            is_me: false,
            added_at: e.added_at,
        };
        let cat = category.clone().unwrap_or_default();
        let oname = org_name.clone().unwrap_or_default();
        let key = match e.kind.as_str() {
            super::PROFESSIONAL => {
                let p = e.membership_id.and_then(|m| profs.get(&m));
                entry.kind = EntryKind::Professional;
                entry.name = p.map(|p| p.user.name.clone()).unwrap_or_default();
                entry.role_text = p.and_then(|p| p.membership.job_title.clone());
                entry.email = p.map(|p| p.user.email.clone());
                entry.phone = p.and_then(|p| p.user.mobile.clone());
                entry.is_me = p.is_some_and(|p| p.user.id == actor.user_id);
                if e.primary_coordinator {
                    primary = Some(PersonRef {
                        entry_id: e.id,
                        name: entry.name.clone(),
                        organisation_name: org_name.clone(),
                    });
                }
                if e.coordinator {
                    (0, String::new(), String::new(), u8::from(!e.primary_coordinator), entry.name.clone())
                } else {
                    (1, cat, oname, 1, entry.name.clone())
                }
            }
            super::INFORMAL_CARER => {
                let k = e.carer_id.and_then(|id| carers.get(&id));
                entry.kind = EntryKind::InformalCarer;
                entry.name = k
                    .map(|k| display_name(&k.first_name, k.infix.as_deref(), &k.last_name))
                    .unwrap_or_default();
                entry.role_text = e.relation.clone();
                entry.email = k.map(|k| k.email.clone());
                entry.phone = k.and_then(|k| k.phone.clone());
                entry.is_me = k.is_some_and(|k| k.user_id == Some(actor.user_id));
                (2, String::new(), String::new(), 0, entry.name.clone())
            }
            _ => {
                entry.name = oname.clone();
                entry.phone = org.and_then(|o| o.phone.clone());
                entry.address = org.and_then(organisation_address);
                (1, cat, oname, 0, String::new())
            }
        };
        out.push((key, entry));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Network {
        client: client(c, primary),
        entries: out.into_iter().map(|(_, e)| e).collect(),
        may_edit: access.coordinates(),
    })
}
