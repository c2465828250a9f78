//! The organisation categories (home care, GP, district team, …): a list the platform
//! helpdesk keeps; an organisation's profile names one and a client's modules are codes.

use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, QueryOrder, Set};
use shared::networks::{NewOrganisationCategory, OrganisationCategory};

use crate::{
    audit::{self, ClientInfo, Event},
    auth::Actor,
    entities::organisation_category,
    error::{ApiError, Validation},
    state::AppState,
};

const MAX_NAME: usize = 100;

fn to_api(c: organisation_category::Model) -> OrganisationCategory {
    OrganisationCategory { code: c.code, name_nl: c.name_nl, name_en: c.name_en }
}

/// Every category, by Dutch name (what the forms list).
pub async fn list(state: &AppState) -> Result<Vec<OrganisationCategory>, ApiError> {
    Ok(organisation_category::Entity::find()
        .order_by_asc(organisation_category::Column::NameNl)
        .order_by_asc(organisation_category::Column::Code)
        .all(&state.db.read)
        .await?
        .into_iter()
        .map(to_api)
        .collect())
}

/// Whether `code` is on the list.
pub async fn exists(db: &impl ConnectionTrait, code: &str) -> Result<bool, DbErr> {
    Ok(organisation_category::Entity::find_by_id(code.to_string()).one(db).await?.is_some())
}

/// Records `unknown_category` on `field` unless `code` is on the list.
pub async fn check_known(
    db: &impl ConnectionTrait,
    code: &str,
    field: &str,
    v: &mut Validation,
) -> Result<(), DbErr> {
    if !exists(db, code).await? {
        v.add_code(field, "unknown_category", "is not one of the organisation categories".into());
    }
    Ok(())
}

/// Codes end up in URLs, module lists and translations: keep them plain.
fn valid_code(code: &str) -> bool {
    (2..=40).contains(&code.len())
        && code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Adds a category (platform helpdesk only); 409 `code_taken` when the code exists.
pub async fn create(
    state: &AppState,
    actor: &Actor,
    new: NewOrganisationCategory,
    client: &ClientInfo,
) -> Result<OrganisationCategory, ApiError> {
    actor.require_helpdesk()?;
    let code = new.code.trim().to_string();
    let mut v = Validation::default();
    if !valid_code(&code) {
        v.add_code("code", "invalid_code", "must be 2–40 characters a–z, 0–9 or _".into());
    }
    v.check("name_nl", shared::validation::check_name(&new.name_nl, MAX_NAME));
    v.check("name_en", shared::validation::check_name(&new.name_en, MAX_NAME));
    v.finish()?;
    let taken = || ApiError::conflict_on("code", "code_taken", "A category with this code exists");
    if exists(&state.db.write, &code).await? {
        return Err(taken());
    }
    let now = state.clock.now();
    let model = organisation_category::ActiveModel {
        code: Set(code),
        name_nl: Set(new.name_nl.trim().to_string()),
        name_en: Set(new.name_en.trim().to_string()),
        created_at: Set(now),
    };
    let saved = match model.insert(&state.db.write).await {
        Ok(c) => c,
        // Two helpdesk tabs racing past the check above: the primary key decides.
        Err(e) if matches!(e.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_))) => {
            return Err(taken());
        }
        Err(e) => return Err(e.into()),
    };
    audit::record(
        &state.db.write,
        Event::by(actor, "organisation_category_created", Some(saved.code.clone())),
        client,
        now,
    )
    .await?;
    Ok(to_api(saved))
}

#[cfg(test)]
mod tests {
    use super::valid_code;

    #[test]
    fn codes_are_plain() {
        assert!(valid_code("home_care"));
        assert!(valid_code("gp"));
        assert!(!valid_code("g"));
        assert!(!valid_code("Home care"));
        assert!(!valid_code(&"a".repeat(41)));
    }
}
