//! Informal carers and "similar persons": one candidate query (same name key or same
//! e-mail address, both indexed), then the shared rule decides, so the browser's hint and
//! the server's refusal agree.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, sea_query::Condition};
use shared::{
    networks::{Gender, NewInformalCarer, SimilarPerson, similar},
    validation::{FieldProblem, check_email, check_name},
};
use uuid::Uuid;

use super::{access, view};
use crate::{
    auth::{Actor, email},
    entities::{care_network_entry, informal_carer},
    error::{ApiError, Validation},
    state::AppState,
};

/// More candidates than this are not shown: the name is too common to help.
const MAX_CANDIDATES: u64 = 50;

/// Records the problems of a new person's fields.
pub fn check_person(p: &NewInformalCarer, v: &mut Validation) {
    v.check("person.first_name", check_name(&p.first_name, 100));
    v.check("person.last_name", check_name(&p.last_name, 100));
    if p.infix.as_deref().is_some_and(|i| i.trim().chars().count() > 30) {
        v.add("person.infix", FieldProblem::TooLong(30));
    }
    v.check("person.email", check_email(&p.email));
    if p.phone.as_deref().is_some_and(|s| s.trim().chars().count() > 30) {
        v.add("person.phone", FieldProblem::TooLong(30));
    }
}

fn gender_str(g: Gender) -> &'static str {
    match g {
        Gender::Male => "male",
        Gender::Female => "female",
        Gender::Other => "other",
    }
}

/// The row a new person becomes.
pub fn new_carer(p: &NewInformalCarer, organisation_id: Uuid, now: DateTime<Utc>) -> informal_carer::Model {
    let infix = p.infix.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from);
    informal_carer::Model {
        id: Uuid::now_v7(),
        first_name: p.first_name.trim().into(),
        name_key: similar::name_key(infix.as_deref(), &p.last_name),
        infix,
        last_name: p.last_name.trim().into(),
        gender: p.gender.map(|g| gender_str(g).into()),
        email: email::canonical(&p.email),
        birth_date: p.birth_date,
        phone: p.phone.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from),
        user_id: None,
        created_by_organisation_id: organisation_id,
        created_at: now,
    }
}

/// Existing carers who are probably `p`, with the number of networks each is in.
pub async fn similar(
    db: &impl ConnectionTrait,
    p: &NewInformalCarer,
) -> Result<Vec<SimilarPerson>, ApiError> {
    let key = similar::name_key(p.infix.as_deref(), &p.last_name);
    let mail = email::canonical(&p.email);
    let mut any = Condition::any().add(informal_carer::Column::NameKey.eq(key));
    if !mail.is_empty() {
        any = any.add(informal_carer::Column::Email.eq(mail));
    }
    let candidates = informal_carer::Entity::find().filter(any).limit(MAX_CANDIDATES).all(db).await?;
    let wanted = similar::PersonKey {
        first_name: &p.first_name,
        infix: p.infix.as_deref(),
        last_name: &p.last_name,
        email: &p.email,
        birth_date: p.birth_date,
    };
    let hits: Vec<informal_carer::Model> = candidates
        .into_iter()
        .filter(|c| {
            similar::is_similar(
                &wanted,
                &similar::PersonKey {
                    first_name: &c.first_name,
                    infix: c.infix.as_deref(),
                    last_name: &c.last_name,
                    email: &c.email,
                    birth_date: c.birth_date,
                },
            )
        })
        .collect();
    if hits.is_empty() {
        return Ok(vec![]);
    }
    let counts: HashMap<Uuid, i64> = care_network_entry::Entity::find()
        .select_only()
        .column(care_network_entry::Column::CarerId)
        .column_as(care_network_entry::Column::Id.count(), "n")
        .filter(care_network_entry::Column::CarerId.is_in(hits.iter().map(|c| c.id)))
        .group_by(care_network_entry::Column::CarerId)
        .into_tuple::<(Uuid, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(hits
        .into_iter()
        .map(|c| SimilarPerson {
            id: c.id,
            name: view::display_name(&c.first_name, c.infix.as_deref(), &c.last_name),
            email_hint: similar::email_hint(&c.email),
            birth_year: c.birth_date.map(|d| d.year()),
            networks: counts.get(&c.id).copied().unwrap_or(0),
        })
        .collect())
}

/// `POST /informal-carers/similar`: for care coordinators (by role, or coordinating a network).
pub async fn similar_for(
    state: &AppState,
    actor: &Actor,
    body: NewInformalCarer,
) -> Result<Vec<SimilarPerson>, ApiError> {
    let db = &state.db.read;
    let allowed =
        actor.role == shared::auth::Role::CareCoordinator || access::coordinates_any(db, actor).await?;
    if !allowed {
        return Err(ApiError::forbidden());
    }
    similar(db, &body).await
}
