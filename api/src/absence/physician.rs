//! The occupational physician's part: medical notes, which nobody else can read
//! (for anyone else they do not exist: 404), and statements of what the employer
//! may hear — functional limitations, remaining capacity, expected duration and
//! advice — which the case shows to everyone involved.

use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use shared::absence::{MAX_NOTE_LEN, MAX_TEXT_LEN, MedicalNote, NewMedicalNote, NewStatement, Statement};
use uuid::Uuid;

use super::{
    access::{self, Audience},
    store, view,
};
use crate::{
    audit::{self, ClientInfo},
    auth::Actor,
    entities::{absence_case, absence_statement, medical_note},
    error::{ApiError, Validation},
    state::AppState,
};

/// The case, if the actor is a physician who serves its organisation; else 404.
async fn as_physician(
    state: &AppState,
    actor: &Actor,
    case_id: Uuid,
) -> Result<absence_case::Model, ApiError> {
    let (case, audience) = access::visible(&state.db.write, actor, case_id).await?;
    if audience != (Audience::Arbodienst { physician: true }) {
        return Err(ApiError::not_found());
    }
    Ok(case)
}

/// The case's medical notes, newest first; every read is audited.
pub async fn notes(
    state: &AppState,
    actor: &Actor,
    case_id: Uuid,
    client: &ClientInfo,
) -> Result<Vec<MedicalNote>, ApiError> {
    let case = as_physician(state, actor, case_id).await?;
    audit::record(
        &state.db.write,
        audit::Event::by(actor, "medical_notes_read", Some(case.id.to_string())),
        client,
        state.clock.now(),
    )
    .await?;
    Ok(medical_note::Entity::find()
        .filter(medical_note::Column::CaseId.eq(case.id))
        .order_by_desc(medical_note::Column::CreatedAt)
        .all(&state.db.write)
        .await?
        .into_iter()
        .map(|n| MedicalNote { id: n.id, body: n.body, author_name: n.author_name, created_at: n.created_at })
        .collect())
}

/// Adds a medical note.
pub async fn add_note(
    state: &AppState,
    actor: &Actor,
    case_id: Uuid,
    body: NewMedicalNote,
) -> Result<MedicalNote, ApiError> {
    let case = as_physician(state, actor, case_id).await?;
    let text = body.body.trim().to_string();
    let mut v = Validation::default();
    if text.is_empty() {
        v.add_code("body", "required", "Write the note".into());
    } else if text.chars().count() > MAX_NOTE_LEN {
        v.add_code("body", "too_long", format!("At most {MAX_NOTE_LEN} characters"));
    }
    v.finish()?;
    let n = medical_note::ActiveModel {
        id: Set(Uuid::now_v7()),
        case_id: Set(case.id),
        author_id: Set(actor.user_id),
        author_name: Set(actor.name.clone()),
        body: Set(text),
        created_at: Set(state.clock.now()),
    }
    .insert(&state.db.write)
    .await?;
    Ok(MedicalNote { id: n.id, body: n.body, author_name: n.author_name, created_at: n.created_at })
}

/// Adds a statement for the employer.
pub async fn add_statement(
    state: &AppState,
    actor: &Actor,
    case_id: Uuid,
    body: NewStatement,
) -> Result<Statement, ApiError> {
    let now = state.clock.now();
    let case = as_physician(state, actor, case_id).await?;
    let mut v = Validation::default();
    for (field, value) in [
        ("functional_limitations", &body.functional_limitations),
        ("remaining_capacity", &body.remaining_capacity),
        ("advice", &body.advice),
    ] {
        if value.trim().is_empty() {
            v.add_code(field, "required", "Fill this in".into());
        } else if value.chars().count() > MAX_TEXT_LEN {
            v.add_code(field, "too_long", format!("At most {MAX_TEXT_LEN} characters"));
        }
    }
    v.finish()?;
    let s = absence_statement::ActiveModel {
        id: Set(Uuid::now_v7()),
        case_id: Set(case.id),
        functional_limitations: Set(body.functional_limitations.trim().into()),
        remaining_capacity: Set(body.remaining_capacity.trim().into()),
        expected_duration: Set(body.expected_duration.map(|d| d.as_str().to_string())),
        advice: Set(body.advice.trim().into()),
        author_id: Set(actor.user_id),
        author_name: Set(actor.name.clone()),
        created_at: Set(now),
    }
    .insert(&state.db.write)
    .await?;
    store::event(
        &state.db.write,
        case.id,
        store::By { user_id: Some(actor.user_id), name: &actor.name },
        "statement_added",
        None,
        now,
    )
    .await?;
    Ok(view::statement(s))
}
