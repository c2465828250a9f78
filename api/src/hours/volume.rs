//! Volume data for the hours benchmark (`poort seed --hours-volume N`): an
//! organisation of N workers in teams of 100 with a year of weeks (about 25 lines
//! each), so the week view, the coordinator's list and bulk approval are measured
//! at the size the issue names (2,000 workers ≈ 100,000 weeks ≈ 2.5 million lines).
//! Rows go in with multi-row inserts in one transaction per chunk of workers.

use chrono::{DateTime, Days, Utc};
use sea_orm::{ActiveModelTrait, EntityTrait, Set, TransactionTrait};
use shared::{
    auth::{Right, Role},
    hours::{HoursSettings, IsoWeek, WeekStatus},
};
use uuid::Uuid;

use super::{settings, store};
use crate::{
    auth::password,
    db::Db,
    entities::{client, organisation, team, team_member, timesheet, timesheet_entry},
    seed::{self, Account, DEMO_PASSWORD, Membership},
};

/// Weeks per worker.
const WEEKS: usize = 52;
/// The most recent weeks stay submitted (the coordinators' work); older ones are processed.
const SUBMITTED_WEEKS: usize = 8;
/// Workers per team.
const TEAM_SIZE: usize = 100;

/// The accounts the benchmark signs in with.
pub const WORKER_EMAIL: &str = "werker1@volume.example";
/// The coordinator of the first team.
pub const COORDINATOR_EMAIL: &str = "coordinator@volume.example";
/// The administrator, who sees the whole organisation.
pub const ADMIN_EMAIL: &str = "beheer@volume.example";

fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

/// Loads the volume organisation. Not idempotent: run it on a fresh database.
pub async fn load(db: &Db, workers: usize, now: DateTime<Utc>) -> Result<(), String> {
    let phc = password::hash(DEMO_PASSWORD.to_string()).await.map_err(err)?;
    let org = Uuid::now_v7();
    let txn = db.write.begin().await.map_err(err)?;
    organisation::ActiveModel {
        id: Set(org),
        name: Set("Thuiszorg Volume".into()),
        lockout_failures: Set(None),
        lockout_minutes: Set(None),
        password_profile: Set("standard".into()),
        password_min_length: Set(12),
        require_second_factor: Set(false),
        activation_proof: Set("birth_date".into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(err)?;
    settings::ensure_default_hour_types(&txn, org).await.map_err(err)?;
    let mut clients = Vec::new();
    for i in 0..200 {
        let id = Uuid::now_v7();
        client::ActiveModel {
            id: Set(id),
            organisation_id: Set(org),
            name: Set(format!("Cliënt {i:04}")),
            municipality: Set(Some(["Utrecht", "Zeist", "De Bilt", "Houten"][i % 4].into())),
            client_number: Set(None),
            active: Set(true),
            created_at: Set(now),
        }
        .insert(&txn)
        .await
        .map_err(err)?;
        clients.push(id);
    }
    let teams: Vec<Uuid> = (0..workers.div_ceil(TEAM_SIZE)).map(|_| Uuid::now_v7()).collect();
    for (i, id) in teams.iter().enumerate() {
        team::ActiveModel {
            id: Set(*id),
            organisation_id: Set(org),
            name: Set(format!("Wijkteam {}", i + 1)),
            created_at: Set(now),
        }
        .insert(&txn)
        .await
        .map_err(err)?;
    }
    for (email, name, role, rights, team) in [
        (COORDINATOR_EMAIL, "Coördinator Volume", Role::CareCoordinator, vec![], teams.first().copied()),
        (ADMIN_EMAIL, "Beheer Volume", Role::Administrator, Right::ALL.to_vec(), None),
    ] {
        let account = Account { email, name, helpdesk: false, mobile: None };
        let membership = Membership {
            role,
            rights: &rights,
            main_contact: false,
            contract_minutes: Some(24 * 60),
            cost_centre: None,
        };
        let (_, m) = person(&txn, org, account, membership, &phc, now).await?;
        if let Some(t) = team {
            team_member(&txn, t, m, now).await?;
        }
    }
    txn.commit().await.map_err(err)?;

    let s = HoursSettings::default();
    let due = s.last_closed_week(now).next();
    let weeks: Vec<IsoWeek> = (1..=WEEKS)
        .scan(due, |w, _| {
            *w = w.previous();
            Some(*w)
        })
        .collect();
    for chunk_start in (0..workers).step_by(50) {
        let txn = db.write.begin().await.map_err(err)?;
        let mut sheets = Vec::new();
        let mut lines = Vec::new();
        for n in chunk_start..(chunk_start + 50).min(workers) {
            let (email, name) = (format!("werker{}@volume.example", n + 1), format!("Werker {}", n + 1));
            // One cost centre per team, as home-care organisations book per district.
            let cost_centre = format!("Kostenplaats {}", 4100 + n / TEAM_SIZE);
            let account = Account { email: &email, name: &name, helpdesk: false, mobile: None };
            let membership = Membership {
                role: Role::Employee,
                rights: &[],
                main_contact: false,
                contract_minutes: Some(24 * 60),
                cost_centre: Some(&cost_centre),
            };
            let (uid, m) = person(&txn, org, account, membership, &phc, now).await?;
            team_member(&txn, teams[n / TEAM_SIZE], m, now).await?;
            for (age, week) in weeks.iter().enumerate() {
                let status =
                    if age < SUBMITTED_WEEKS { WeekStatus::Submitted } else { WeekStatus::Processed };
                let terms =
                    store::Terms { contract_minutes: Some(24 * 60), cost_centre: Some(cost_centre.clone()) };
                let mut t = store::new_week(org, uid, *week, s.deadline_of(*week), terms, now);
                let id = Uuid::now_v7();
                t.id = Set(id);
                t.status = Set(status.as_str().into());
                t.signed_at = Set(Some(s.deadline_of(*week) - chrono::Duration::hours(64)));
                t.total_minutes = Set(5 * 5 * 60);
                sheets.push(t);
                for d in 0..5u64 {
                    for k in 0..5 {
                        lines.push(timesheet_entry::ActiveModel {
                            id: Set(Uuid::now_v7()),
                            timesheet_id: Set(id),
                            organisation_id: Set(org),
                            day: Set(week.monday() + Days::new(d)),
                            client_id: Set(Some(clients[(n + k) % clients.len()])),
                            hour_type: Set("direct_care".into()),
                            start_minute: Set(Some(7 * 60 + k as i32 * 60)),
                            end_minute: Set(Some(8 * 60 + k as i32 * 60)),
                            break_minutes: Set(0),
                            minutes: Set(60),
                            note: Set(None),
                            source: Set("worker".into()),
                            external_id: Set(None),
                            created_at: Set(now),
                        });
                    }
                }
            }
        }
        // Batches stay under SQLite's and PostgreSQL's bound-parameter limits.
        for part in sheets.chunks(1000) {
            timesheet::Entity::insert_many(part.to_vec()).exec(&txn).await.map_err(err)?;
        }
        for part in lines.chunks(2000) {
            timesheet_entry::Entity::insert_many(part.to_vec()).exec(&txn).await.map_err(err)?;
        }
        txn.commit().await.map_err(err)?;
        println!("  {} of {workers} workers", (chunk_start + 50).min(workers));
    }
    Ok(())
}

/// An account with one membership in `org`; returns the user and membership ids.
/// Shared with the absence volume data (`crate::absence::volume`).
pub(crate) async fn person(
    txn: &sea_orm::DatabaseTransaction,
    org: Uuid,
    account: Account<'_>,
    membership: Membership<'_>,
    phc: &str,
    now: DateTime<Utc>,
) -> Result<(Uuid, Uuid), String> {
    let uid = seed::insert_user(txn, &account, Some(phc), now).await.map_err(err)?;
    let mid = seed::insert_membership(txn, uid, org, &membership, now).await.map_err(err)?;
    Ok((uid, mid))
}

async fn team_member(
    txn: &sea_orm::DatabaseTransaction,
    team_id: Uuid,
    membership_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), String> {
    team_member::ActiveModel {
        team_id: Set(team_id),
        membership_id: Set(membership_id),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await
    .map_err(err)?;
    Ok(())
}
