//! An organisation's hours settings (deadline, reminders) and hour types. An
//! organisation that never changed them gets the defaults, stored on first use.

use chrono::{DateTime, NaiveTime, Timelike, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set,
};
use shared::{
    auth::Right,
    hours::{HourType, HoursSettings, Moment},
};
use uuid::Uuid;

use crate::{
    audit::{self, ClientInfo, Event},
    auth::{Actor, Scope},
    entities::{hour_type, hours_setting, timesheet},
    error::{ApiError, Validation},
    state::AppState,
};

/// The hour types a new organisation starts with (seed 000: direct and indirect care, travel, training).
const DEFAULT_HOUR_TYPES: [(&str, &str, &str); 5] = [
    ("direct_care", "Directe zorg", "Direct care"),
    ("indirect_care", "Indirecte zorg", "Indirect care"),
    ("travel", "Reistijd", "Travel"),
    ("training", "Scholing", "Training"),
    ("other", "Overig", "Other"),
];

fn moment_from(day: i32, minute: i32) -> Moment {
    let time =
        NaiveTime::from_hms_opt((minute / 60) as u32, (minute % 60) as u32, 0).unwrap_or(NaiveTime::MIN);
    Moment { day_offset: day.clamp(0, 255) as u8, time }
}

fn minute_of(m: Moment) -> i32 {
    (m.time.hour() * 60 + m.time.minute()) as i32
}

fn encode_reminders(r: &[Moment]) -> String {
    r.iter().map(|m| format!("{}@{}", m.day_offset, minute_of(*m))).collect::<Vec<_>>().join(",")
}

fn decode_reminders(s: &str) -> Vec<Moment> {
    s.split(',')
        .filter_map(|p| {
            let (d, m) = p.split_once('@')?;
            Some(moment_from(d.trim().parse().ok()?, m.trim().parse().ok()?))
        })
        .collect()
}

fn to_settings(row: hours_setting::Model) -> HoursSettings {
    HoursSettings {
        enabled: row.enabled,
        deadline: moment_from(row.deadline_day, row.deadline_minute),
        reminders: decode_reminders(&row.reminders),
    }
}

/// The organisation's settings (the defaults when never changed).
pub async fn of(db: &impl ConnectionTrait, organisation_id: Uuid) -> Result<HoursSettings, DbErr> {
    Ok(hours_setting::Entity::find_by_id(organisation_id).one(db).await?.map(to_settings).unwrap_or_default())
}

/// Settings of every organisation that stored some, plus whether hours are on.
pub async fn all(db: &impl ConnectionTrait) -> Result<Vec<(Uuid, HoursSettings)>, DbErr> {
    Ok(hours_setting::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.organisation_id, to_settings(r)))
        .collect())
}

/// Stores settings for an organisation (insert or replace).
pub async fn store(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    s: &HoursSettings,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let row = hours_setting::ActiveModel {
        organisation_id: Set(organisation_id),
        enabled: Set(s.enabled),
        deadline_day: Set(i32::from(s.deadline.day_offset)),
        deadline_minute: Set(minute_of(s.deadline)),
        reminders: Set(encode_reminders(&s.reminders)),
        updated_at: Set(now),
    };
    if hours_setting::Entity::find_by_id(organisation_id).one(db).await?.is_some() {
        row.update(db).await?;
    } else {
        row.insert(db).await?;
    }
    Ok(())
}

/// Changes the settings (needs *manage rights*). Weeks whose deadline has not passed
/// yet move to the new deadline; closed weeks keep theirs.
pub async fn update(
    state: &AppState,
    actor: &Actor,
    new: HoursSettings,
    client: &ClientInfo,
) -> Result<HoursSettings, ApiError> {
    use sea_orm::{QuerySelect, TransactionTrait, sea_query::Expr};
    actor.require(Right::ManageRights)?;
    let mut v = Validation::default();
    for (field, p) in new.problems() {
        v.add_code(field, p.code(), p.message().into());
    }
    v.finish()?;
    let now = state.clock.now();
    let txn = state.db.write.begin().await?;
    store(&txn, actor.organisation_id, &new, now).await?;
    // Only the one or two weeks whose deadline is still ahead move; one update per week.
    let still_open = || {
        timesheet::Entity::find()
            .filter(timesheet::Column::OrganisationId.eq(actor.organisation_id))
            .filter(timesheet::Column::Status.is_in(["open", "rejected"]))
            .filter(timesheet::Column::Late.eq(false))
            .filter(timesheet::Column::DeadlineAt.gt(now))
    };
    let weeks: Vec<chrono::NaiveDate> = still_open()
        .select_only()
        .column(timesheet::Column::WeekStart)
        .distinct()
        .into_tuple()
        .all(&txn)
        .await?;
    for week_start in weeks {
        let week = shared::hours::IsoWeek::of(week_start);
        timesheet::Entity::update_many()
            .col_expr(timesheet::Column::DeadlineAt, Expr::value(new.deadline_of(week)))
            .filter(timesheet::Column::OrganisationId.eq(actor.organisation_id))
            .filter(timesheet::Column::WeekStart.eq(week_start))
            .filter(timesheet::Column::Late.eq(false))
            .exec(&txn)
            .await?;
    }
    audit::record(&txn, Event::by(actor, "hours_settings_changed", None), client, now).await?;
    txn.commit().await?;
    Ok(new)
}

/// The organisation's active hour types, creating the defaults the first time.
pub async fn hour_types(db: &impl ConnectionTrait, scope: Scope) -> Result<Vec<HourType>, DbErr> {
    let org = scope.organisation_id();
    let mut rows = hour_type::Entity::find()
        .filter(hour_type::Column::OrganisationId.eq(org))
        .order_by_asc(hour_type::Column::Position)
        .all(db)
        .await?;
    if rows.is_empty() {
        rows = ensure_default_hour_types(db, org).await?;
    }
    Ok(rows
        .into_iter()
        .filter(|r| r.active)
        .map(|r| HourType { code: r.code, name_nl: r.name_nl, name_en: r.name_en })
        .collect())
}

/// Creates the default hour types for an organisation that has none.
pub async fn ensure_default_hour_types(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
) -> Result<Vec<hour_type::Model>, DbErr> {
    let mut out = Vec::new();
    for (i, (code, nl, en)) in DEFAULT_HOUR_TYPES.iter().enumerate() {
        let row = hour_type::ActiveModel {
            id: Set(Uuid::now_v7()),
            organisation_id: Set(organisation_id),
            code: Set((*code).into()),
            name_nl: Set((*nl).into()),
            name_en: Set((*en).into()),
            position: Set(i as i32),
            active: Set(true),
        };
        out.push(row.insert(db).await?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reminders_survive_storage() {
        let r = vec![Moment::at(4, 15, 0), Moment::at(7, 7, 30)];
        assert_eq!(encode_reminders(&r), "4@900,7@450");
        assert_eq!(decode_reminders(&encode_reminders(&r)), r);
        assert!(decode_reminders("").is_empty());
    }
}
