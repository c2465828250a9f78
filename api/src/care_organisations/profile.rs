//! An organisation's care profile: category, address and phone. Every signed-in person
//! reads it (networks show it); the helpdesk sets all of it, an organisation's
//! administrator its address and phone.

use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, Set};
use shared::networks::{Address, AddressInput, OrganisationProfile, OrganisationProfileUpdate};
use uuid::Uuid;

use super::{address, categories, is_administrator};
use crate::{
    audit::{self, ClientInfo, Event},
    auth::Actor,
    entities::organisation,
    error::{ApiError, Validation},
    state::AppState,
};

/// A profile whose fields passed their checks, ready to store.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Checked {
    /// Category code, known to be on the list.
    pub category: Option<String>,
    /// Placed address.
    pub address: Option<Address>,
    /// Phone number as typed, trimmed.
    pub phone: Option<String>,
}

impl Checked {
    /// Writes the profile onto an organisation about to be saved.
    pub fn apply(&self, m: &mut organisation::ActiveModel) {
        m.category = Set(self.category.clone());
        address::set_on(m, self.address.as_ref());
        m.phone = Set(self.phone.clone());
    }
}

/// Checks a profile as sent (on create and on update) into `v`.
pub async fn check(
    db: &impl ConnectionTrait,
    category: Option<&str>,
    address_input: Option<&AddressInput>,
    phone: Option<&str>,
    v: &mut Validation,
) -> Result<Checked, DbErr> {
    let category = category.map(str::trim).filter(|c| !c.is_empty()).map(str::to_string);
    if let Some(code) = &category {
        categories::check_known(db, code, "category", v).await?;
    }
    Ok(Checked {
        category,
        address: address_input.and_then(|a| address::place(a, "address", v)),
        phone: address::phone(phone, v),
    })
}

/// The profile as the API shows it.
pub fn to_api(o: &organisation::Model) -> OrganisationProfile {
    OrganisationProfile {
        id: o.id,
        name: o.name.clone(),
        category: o.category.clone(),
        address: address::of(o),
        phone: o.phone.clone(),
    }
}

/// Any organisation's profile (404 when there is no such organisation).
pub async fn get(state: &AppState, id: Uuid) -> Result<OrganisationProfile, ApiError> {
    let o =
        organisation::Entity::find_by_id(id).one(&state.db.read).await?.ok_or_else(ApiError::not_found)?;
    Ok(to_api(&o))
}

/// Replaces a profile (PUT: absent fields are cleared). The helpdesk sets any
/// organisation's; an administrator their own organisation's address and phone, and must
/// send its category unchanged (403 on `category` otherwise).
pub async fn update(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    update: OrganisationProfileUpdate,
    client: &ClientInfo,
) -> Result<OrganisationProfile, ApiError> {
    let o =
        organisation::Entity::find_by_id(id).one(&state.db.write).await?.ok_or_else(ApiError::not_found)?;
    if !actor.helpdesk {
        // Tenancy from the session: another organisation's profile is not theirs to change.
        if o.id != actor.organisation_id {
            return Err(ApiError::not_found());
        }
        if !is_administrator(actor) {
            return Err(ApiError::forbidden());
        }
        let sent = update.category.as_deref().map(str::trim).filter(|c| !c.is_empty());
        if sent != o.category.as_deref() {
            return Err(ApiError::forbidden_on(
                "category",
                "helpdesk_only",
                "Only the platform helpdesk changes an organisation's category",
            ));
        }
    }
    let mut v = Validation::default();
    let checked = check(
        &state.db.write,
        update.category.as_deref(),
        update.address.as_ref(),
        update.phone.as_deref(),
        &mut v,
    )
    .await?;
    v.finish()?;
    let now = state.clock.now();
    let mut m: organisation::ActiveModel = o.into();
    checked.apply(&mut m);
    let saved = m.update(&state.db.write).await?;
    // Filed under the organisation itself, so its administrators see who changed it.
    let event = Event {
        organisation_id: Some(saved.id),
        actor_user_id: Some(actor.user_id),
        action: "organisation_profile_changed",
        subject: Some(saved.id.to_string()),
    };
    audit::record(&state.db.write, event, client, now).await?;
    Ok(to_api(&saved))
}
