//! Planned hours pushed by a planning system (or a planner): lines that appear in
//! workers' open weeks for them to confirm or adjust. Pushing a line again with the
//! same external id updates it, as long as the worker has not changed it.

use std::collections::BTreeMap;

use chrono::Timelike;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QuerySelect, Set, TransactionTrait};
use shared::{
    auth::Role,
    hours::{
        EntryInput, EntrySource, IsoWeek, PlannedEntry, PlannedHours, PlannedResult, PlannedSkip, WeekStatus,
        check_week, worker_may_edit,
    },
    integrations::ApiScope,
};
use uuid::Uuid;

use super::{access, settings, store};
use crate::{
    entities::{membership, timesheet, timesheet_entry},
    error::{ApiError, Validation},
    integrations::caller::Caller,
    state::AppState,
};

/// Most lines one push takes.
pub const MAX_PLANNED: usize = 1000;

fn skip(out: &mut Vec<PlannedSkip>, p: &PlannedEntry, reason: &str) {
    out.push(PlannedSkip { external_id: p.external_id.clone(), reason: reason.into() });
}

fn as_input(p: &PlannedEntry, id: Option<Uuid>) -> EntryInput {
    EntryInput {
        id,
        day: p.day,
        client_id: p.client_id,
        hour_type: p.hour_type.clone(),
        start: Some(p.start),
        end: Some(p.end),
        break_minutes: p.break_minutes,
        minutes: None,
        note: None,
    }
}

/// A planned line as a new stored line of `sheet`, for the worker to confirm.
pub fn planned_row(
    sheet: &timesheet::Model,
    p: &PlannedEntry,
    now: chrono::DateTime<chrono::Utc>,
) -> timesheet_entry::ActiveModel {
    let minute = |t: chrono::NaiveTime| (t.hour() * 60 + t.minute()) as i32;
    timesheet_entry::ActiveModel {
        id: Set(Uuid::now_v7()),
        timesheet_id: Set(sheet.id),
        organisation_id: Set(sheet.organisation_id),
        day: Set(p.day),
        client_id: Set(p.client_id),
        hour_type: Set(p.hour_type.clone()),
        start_minute: Set(Some(minute(p.start))),
        end_minute: Set(Some(minute(p.end))),
        break_minutes: Set(p.break_minutes),
        minutes: Set(as_input(p, None).minutes_worked().unwrap_or(0)),
        note: Set(None),
        source: Set(EntrySource::Planning.as_str().into()),
        external_id: Set(Some(p.external_id.trim().to_string())),
        created_at: Set(now),
    }
}

/// Puts planned lines in workers' weeks; returns what was created, updated and skipped.
pub async fn push(state: &AppState, caller: &Caller, body: PlannedHours) -> Result<PlannedResult, ApiError> {
    caller.require_scope(ApiScope::HoursPlan)?;
    let (actor_id, actor_name) = match caller {
        Caller::Person(a) if access::view(a).corrects || a.role == Role::Planner => {
            (Some(a.user_id), a.name.clone())
        }
        Caller::Person(_) => return Err(ApiError::forbidden()),
        Caller::Client(c) => (None, format!("API: {}", c.name)),
    };
    let mut v = Validation::default();
    if body.entries.is_empty() || body.entries.len() > MAX_PLANNED {
        v.add_code("entries", "count", format!("give 1 to {MAX_PLANNED} lines"));
    }
    for (i, p) in body.entries.iter().enumerate() {
        let id = p.external_id.trim();
        if id.is_empty() || id.chars().count() > 100 {
            v.add_code(&format!("entries[{i}].external_id"), "length", "must be 1 to 100 characters".into());
        }
    }
    v.finish()?;
    let org = caller.scope().organisation_id();
    let now = state.clock.now();
    let hours = settings::of(&state.db.read, org).await?;
    let types = settings::hour_types(&state.db.write, caller.scope()).await?;
    let mut worker_ids: Vec<Uuid> = body.entries.iter().map(|p| p.worker_id).collect();
    worker_ids.sort();
    worker_ids.dedup();
    let members: Vec<membership::Model> = membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(org))
        .filter(membership::Column::UserId.is_in(worker_ids))
        .all(&state.db.read)
        .await?;
    let mut client_ids: Vec<Uuid> = body.entries.iter().filter_map(|p| p.client_id).collect();
    client_ids.sort();
    client_ids.dedup();
    let clients = store::known_clients(&state.db.read, org, &client_ids).await?;

    let ext_ids: Vec<String> = body.entries.iter().map(|p| p.external_id.trim().to_string()).collect();
    let taken: Vec<(Option<String>, Uuid)> = timesheet_entry::Entity::find()
        .select_only()
        .column(timesheet_entry::Column::ExternalId)
        .column(timesheet_entry::Column::TimesheetId)
        .filter(timesheet_entry::Column::OrganisationId.eq(org))
        .filter(timesheet_entry::Column::ExternalId.is_in(ext_ids))
        .into_tuple()
        .all(&state.db.read)
        .await?;

    let mut result = PlannedResult { created: 0, updated: 0, skipped: Vec::new() };
    let mut groups: BTreeMap<(Uuid, IsoWeek), Vec<&PlannedEntry>> = BTreeMap::new();
    for p in &body.entries {
        if !members.iter().any(|m| m.user_id == p.worker_id) {
            skip(&mut result.skipped, p, "unknown_worker");
        } else if p.client_id.is_some_and(|c| !clients.contains(&c)) {
            skip(&mut result.skipped, p, "unknown_client");
        } else if !types.iter().any(|t| t.code == p.hour_type) {
            skip(&mut result.skipped, p, "unknown_hour_type");
        } else if as_input(p, None).minutes_worked().is_err() {
            skip(&mut result.skipped, p, "invalid");
        } else {
            groups.entry((p.worker_id, IsoWeek::of(p.day))).or_default().push(p);
        }
    }

    let txn = state.db.write.begin().await?;
    for ((worker, week), lines) in groups {
        let sheet = store::week_of(&txn, org, worker, week, hours.deadline_of(week), now).await?;
        let status = WeekStatus::parse(&sheet.status).unwrap_or(WeekStatus::Open);
        if !worker_may_edit(status, sheet.deadline_at, now) || sheet.correction_pending {
            lines.iter().for_each(|p| skip(&mut result.skipped, p, "week_locked"));
            continue;
        }
        let (existing, entries): (Vec<timesheet_entry::Model>, Vec<_>) =
            store::lines(&txn, sheet.id).await?.into_iter().unzip();
        let mut current: Vec<EntryInput> = entries.iter().map(shared::hours::Entry::to_input).collect();
        let mut changed = false;
        for p in lines {
            let ext = p.external_id.trim();
            if taken.iter().any(|(e, t)| e.as_deref() == Some(ext) && *t != sheet.id) {
                skip(&mut result.skipped, p, "other_week");
                continue;
            }
            let same = existing.iter().find(|e| e.external_id.as_deref() == Some(ext));
            if same.is_some_and(|e| e.source != EntrySource::Planning.as_str()) {
                skip(&mut result.skipped, p, "changed_by_worker");
                continue;
            }
            let mut trial: Vec<EntryInput> =
                current.iter().filter(|e| same.is_none_or(|s| e.id != Some(s.id))).cloned().collect();
            trial.push(as_input(p, same.map(|s| s.id)));
            if !check_week(week, &trial).is_empty() {
                skip(&mut result.skipped, p, "overlaps");
                continue;
            }
            current = trial;
            let mut row = planned_row(&sheet, p, now);
            match same {
                Some(e) => {
                    // The same line, moved or changed by the planning system.
                    row.id = Set(e.id);
                    row.created_at = Set(e.created_at);
                    row.update(&txn).await?;
                    result.updated += 1;
                }
                None => {
                    let id = Uuid::now_v7();
                    row.id = Set(id);
                    row.insert(&txn).await?;
                    if let Some(last) = current.last_mut() {
                        last.id = Some(id);
                    }
                    result.created += 1;
                }
            }
            changed = true;
        }
        if changed {
            let total: i32 = current.iter().map(|e| e.minutes_worked().unwrap_or(0)).sum();
            let mut am: timesheet::ActiveModel = sheet.clone().into();
            am.total_minutes = Set(total);
            am.version = Set(sheet.version + 1);
            am.updated_at = Set(now);
            let sheet = am.update(&txn).await?;
            let by = store::By { user_id: actor_id, name: Some(&actor_name) };
            store::record(&txn, &sheet, by, "planned", None, now).await?;
        }
    }
    txn.commit().await?;
    Ok(result)
}
