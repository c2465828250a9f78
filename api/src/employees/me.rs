//! The employee's own record ("Mijn gegevens", seed 002): read it, change contact and
//! address directly, change the IBAN after signing in again (the employer is told).

use sea_orm::{ActiveModelTrait, EntityTrait, Set, TransactionTrait};
use shared::employees::{EmployeeRecord, MyContactUpdate, MyIbanChange};

use super::{
    access, mail,
    store::{self, By},
    validate::{self, Secret},
};
use crate::{
    audit::{self, ClientInfo, Event},
    auth::{Actor, second_factor},
    entities::employee_record,
    error::{ApiError, Validation},
    state::AppState,
};

async fn own(state: &AppState, actor: &Actor) -> Result<employee_record::Model, ApiError> {
    access::own_record(&state.db.read, actor).await?.ok_or_else(ApiError::not_found)
}

/// The caller's record in their active organisation (404 when they have none).
pub async fn get(state: &AppState, actor: &Actor) -> Result<EmployeeRecord, ApiError> {
    let r = own(state, actor).await?;
    store::load_dto(&state.db.read, &r).await
}

/// Changes address and phone numbers (409 on a stale version).
pub async fn contact(
    state: &AppState,
    actor: &Actor,
    body: MyContactUpdate,
    client: &ClientInfo,
) -> Result<EmployeeRecord, ApiError> {
    let r = own(state, actor).await?;
    let mut v = Validation::default();
    let address = validate::address("address", &body.address, &mut v);
    let phone = validate::phone("phone", &body.phone, &mut v);
    let emergency = validate::phone("emergency_phone", &body.emergency_phone, &mut v);
    v.finish()?;
    let now = state.clock.now();
    let mut fields = Vec::new();
    if store::address_of(&r).as_ref() != Some(&address) {
        fields.push("address".to_string());
    }
    if r.phone != phone {
        fields.push("phone".into());
    }
    if r.emergency_phone != emergency {
        fields.push("emergency_phone".into());
    }
    let txn = state.db.write.begin().await?;
    if !store::bump(&txn, r.id, body.version, now).await? {
        return Err(store::stale());
    }
    if !fields.is_empty() {
        let fresh =
            employee_record::Entity::find_by_id(r.id).one(&txn).await?.ok_or_else(ApiError::not_found)?;
        let mut m: employee_record::ActiveModel = fresh.into();
        m.street = Set(Some(address.street.clone()));
        m.house_number = Set(Some(address.house_number.clone()));
        m.postcode = Set(Some(address.postcode.clone()));
        m.city = Set(Some(address.city.clone()));
        m.country = Set(Some(address.country.clone()));
        m.phone = Set(phone);
        m.emergency_phone = Set(emergency);
        let saved = m.update(&txn).await?;
        store::event(&txn, &saved, &By::actor(actor), "contact_changed", &fields, now).await?;
        audit::record(
            &txn,
            Event::by(actor, "employee_contact_changed", Some(r.id.to_string())),
            client,
            now,
        )
        .await?;
    }
    txn.commit().await?;
    get(state, actor).await
}

/// A new IBAN after the current password; the managers get a mail (without the number).
pub async fn iban(
    state: &AppState,
    actor: &Actor,
    body: MyIbanChange,
    client: &ClientInfo,
) -> Result<EmployeeRecord, ApiError> {
    let r = own(state, actor).await?;
    let mut v = Validation::default();
    let new = validate::iban(&Some(body.iban.clone()), &mut v);
    if matches!(new, Secret::Clear) {
        v.add_code("iban", "required", "is required".into());
    }
    v.finish()?;
    second_factor::reauthenticate(state, actor, body.password).await?;
    let now = state.clock.now();
    let txn = state.db.write.begin().await?;
    let fresh = employee_record::Entity::find_by_id(r.id).one(&txn).await?.ok_or_else(ApiError::not_found)?;
    let mut m: employee_record::ActiveModel = fresh.clone().into();
    store::set_iban(&state.data_key, &mut m, &new)?;
    m.version = Set(fresh.version + 1);
    m.updated_at = Set(now);
    let saved = m.update(&txn).await?;
    store::event(&txn, &saved, &By::actor(actor), "iban_changed", &["iban".into()], now).await?;
    audit::record(&txn, Event::by(actor, "employee_iban_changed", Some(r.id.to_string())), client, now)
        .await?;
    let name = validate::full_name(&saved.first_name, saved.infix.as_deref(), &saved.last_name);
    mail::iban_changed(state, &txn, saved.organisation_id, saved.id, &name, actor.user_id).await?;
    txn.commit().await?;
    get(state, actor).await
}
