//! The worker's chosen columns of the declarations list, kept on the server so they
//! follow the person from phone to desktop.

use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use shared::hours::{DeclarationColumn, DeclarationColumns};

use crate::{
    auth::Actor,
    entities::user_setting,
    error::{ApiError, Validation},
    state::AppState,
};

const KEY: &str = "hours.declaration_columns";

/// The columns, or the defaults.
pub async fn get(state: &AppState, actor: &Actor) -> Result<DeclarationColumns, ApiError> {
    let stored =
        user_setting::Entity::find_by_id((actor.user_id, KEY.to_string())).one(&state.db.read).await?;
    let columns = stored
        .and_then(|s| serde_json::from_str::<Vec<DeclarationColumn>>(&s.value).ok())
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| DeclarationColumn::DEFAULT.to_vec());
    Ok(DeclarationColumns { columns })
}

/// Stores the columns: at least one, none twice.
pub async fn put(
    state: &AppState,
    actor: &Actor,
    body: DeclarationColumns,
) -> Result<DeclarationColumns, ApiError> {
    let mut seen = body.columns.clone();
    seen.sort_by_key(|c| DeclarationColumn::ALL.iter().position(|x| x == c));
    seen.dedup();
    let mut v = Validation::default();
    if body.columns.is_empty() {
        v.add("columns", shared::validation::FieldProblem::Required);
    } else if seen.len() != body.columns.len() {
        v.add_code("columns", "duplicate", "lists a column twice".into());
    }
    v.finish()?;
    let value = serde_json::to_string(&body.columns).map_err(ApiError::internal)?;
    let row =
        user_setting::ActiveModel { user_id: Set(actor.user_id), key: Set(KEY.into()), value: Set(value) };
    let db = &state.db.write;
    if user_setting::Entity::find_by_id((actor.user_id, KEY.to_string())).one(db).await?.is_some() {
        row.update(db).await?;
    } else {
        row.insert(db).await?;
    }
    Ok(body)
}
