//! The absence clock: a week before a step falls due, those who must act get a
//! mail (once per due date; a recomputed due date mails again); and cases that
//! ended longer ago than the retention period are anonymised — documents, notes,
//! statements, the timeline and every fact deleted, the person unlinked — so only
//! dates remain, for the statistics.

use std::{collections::HashMap, time::Duration as StdDuration};

use actix_web::web;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};
use shared::{
    absence::{ActivityKind, Owner},
    i18n::Locale,
};
use uuid::Uuid;

use super::{mail, reports::today};
use crate::{
    entities::{
        absence_activity, absence_case, absence_document, absence_event, absence_recovery, absence_statement,
        medical_note, user,
    },
    error::ApiError,
    files::storage::Storage,
    notifications::outbox,
    state::AppState,
};

/// Days of notice before a step falls due.
pub const NOTICE_DAYS: i64 = 7;
/// Most rows one run handles; the next run takes the rest.
const BATCH: u64 = 500;

/// What one run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// Activities whose owners were told they fall due.
    pub noticed: usize,
    /// Mails queued for them.
    pub mailed: usize,
    /// Cases anonymised.
    pub anonymised: usize,
}

/// An activity's name in a mail.
pub fn step_name(locale: Locale, kind: Option<ActivityKind>, title: Option<&str>) -> String {
    use ActivityKind as K;
    let Some(kind) = kind else { return title.unwrap_or_default().to_string() };
    let (nl, en) = match kind {
        K::SickReport => ("ziekmelding", "sick report"),
        K::ReportToArbodienst => {
            ("ziekmelding aan de arbodienst", "report to the occupational health service")
        }
        K::ProblemAnalysis => ("probleemanalyse", "problem analysis"),
        K::PlanOfAction => ("plan van aanpak", "plan of action"),
        K::Evaluation => ("evaluatie van het plan van aanpak", "evaluation of the plan of action"),
        K::UwvReport42 => ("42e-weeksmelding aan UWV", "week-42 report to UWV"),
        K::FirstYearEvaluation => ("eerstejaarsevaluatie", "first-year evaluation"),
        K::UwvLetter88 => ("brief van UWV over de WIA-aanvraag", "UWV letter about the WIA application"),
        K::CurrentAssessment => ("actueel oordeel bedrijfsarts", "current assessment by the physician"),
        K::FinalEvaluation => ("eindevaluatie", "final evaluation"),
        K::RivCopies => ("kopie re-integratieverslag aan werknemer", "copies of the re-integration report"),
        K::WiaApplication => ("WIA-aanvraag", "WIA application"),
        K::EndOfWageContinuation => ("einde loondoorbetaling", "end of wage continuation"),
    };
    match locale {
        Locale::Nl => nl.into(),
        Locale::En => en.into(),
    }
}

/// Mails the owners of activities falling due within a week.
pub async fn notify_due(state: &AppState, now: DateTime<Utc>) -> Result<(usize, usize), ApiError> {
    let today = today(now);
    let rows = absence_activity::Entity::find()
        .filter(absence_activity::Column::State.eq(super::store::OPEN))
        .filter(absence_activity::Column::NotifiedDue.eq(false))
        .filter(absence_activity::Column::DueOn.lte(today + Duration::days(NOTICE_DAYS)))
        .order_by_asc(absence_activity::Column::DueOn)
        .limit(BATCH)
        .all(&state.db.write)
        .await?;
    let case_ids: Vec<Uuid> = rows.iter().map(|r| r.case_id).collect();
    let cases: HashMap<Uuid, absence_case::Model> = absence_case::Entity::find()
        .filter(absence_case::Column::Id.is_in(case_ids))
        .all(&state.db.write)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    // Who to tell, looked up once per batch: the employees of these cases in one query,
    // each organisation's employer/arbodienst people once per owner — never per activity.
    let employees: HashMap<Uuid, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(cases.values().filter_map(|c| c.user_id).collect::<Vec<_>>()))
        .all(&state.db.write)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let mut others: HashMap<(Uuid, Owner), Vec<user::Model>> = HashMap::new();
    let (mut noticed, mut mailed) = (0, 0);
    for row in rows {
        let Some(case) = cases.get(&row.case_id) else { continue };
        let owner: Owner = row.owner.parse().unwrap_or(Owner::Nobody);
        let groups = mail::groups_of(owner);
        let key = (case.organisation_id, owner);
        if let std::collections::hash_map::Entry::Vacant(slot) = others.entry(key) {
            slot.insert(mail::org_recipients(&state.db.write, case.organisation_id, groups).await?);
        }
        let mut to: Vec<&user::Model> = others[&key].iter().filter(|u| Some(u.id) != case.user_id).collect();
        if groups.contains(&mail::Group::Employee)
            && let Some(u) = case.user_id.and_then(|id| employees.get(&id))
        {
            to.push(u);
        }
        let txn = state.db.write.begin().await?;
        // Claim first: with two processes only one mails.
        let claimed = absence_activity::Entity::update_many()
            .col_expr(absence_activity::Column::NotifiedDue, true.into())
            .filter(absence_activity::Column::Id.eq(row.id))
            .filter(absence_activity::Column::NotifiedDue.eq(false))
            .exec(&txn)
            .await?;
        if claimed.rows_affected == 1 {
            let link = mail::case_link(state, case);
            let kind = if row.custom { None } else { row.kind.parse().ok() };
            for u in to {
                let locale = Locale::from_tag(&u.locale);
                let step = step_name(locale, kind, row.title.as_deref());
                let due = row.due_on.format("%d-%m-%Y").to_string();
                let text = mail::due_text(locale, &u.name, &step, &due, &case.case_number, &link);
                outbox::enqueue_mail(&txn, Some(case.organisation_id), &u.email, text, now).await?;
                mailed += 1;
            }
            noticed += 1;
        }
        txn.commit().await?;
    }
    Ok((noticed, mailed))
}

/// Anonymises cases that ended more than `retention_days` ago.
pub async fn anonymise_expired(state: &AppState, now: DateTime<Utc>) -> Result<usize, ApiError> {
    let cutoff = today(now) - Duration::days(state.config.absence_retention_days);
    let expired = absence_case::Entity::find()
        .filter(absence_case::Column::AnonymisedAt.is_null())
        .filter(absence_case::Column::EndedOn.lt(cutoff))
        .limit(BATCH)
        .all(&state.db.write)
        .await?;
    let storage = Storage::new(state.config.files_dir.clone());
    let mut done = 0;
    for case in expired {
        let txn = state.db.write.begin().await?;
        let keys: Vec<String> = absence_document::Entity::find()
            .select_only()
            .column(absence_document::Column::StorageKey)
            .filter(absence_document::Column::CaseId.eq(case.id))
            .into_tuple()
            .all(&txn)
            .await?;
        absence_document::Entity::delete_many()
            .filter(absence_document::Column::CaseId.eq(case.id))
            .exec(&txn)
            .await?;
        medical_note::Entity::delete_many()
            .filter(medical_note::Column::CaseId.eq(case.id))
            .exec(&txn)
            .await?;
        absence_statement::Entity::delete_many()
            .filter(absence_statement::Column::CaseId.eq(case.id))
            .exec(&txn)
            .await?;
        absence_event::Entity::delete_many()
            .filter(absence_event::Column::CaseId.eq(case.id))
            .exec(&txn)
            .await?;
        absence_recovery::Entity::delete_many()
            .filter(absence_recovery::Column::CaseId.eq(case.id))
            .exec(&txn)
            .await?;
        // Added activities carry free text; the law's steps keep only their dates.
        absence_activity::Entity::delete_many()
            .filter(absence_activity::Column::CaseId.eq(case.id))
            .filter(absence_activity::Column::Custom.eq(true))
            .exec(&txn)
            .await?;
        absence_activity::Entity::update_many()
            .col_expr(absence_activity::Column::DoneBy, sea_orm::sea_query::Expr::value(Option::<Uuid>::None))
            .col_expr(
                absence_activity::Column::DoneByName,
                sea_orm::sea_query::Expr::value(Option::<String>::None),
            )
            .filter(absence_activity::Column::CaseId.eq(case.id))
            .exec(&txn)
            .await?;
        let mut m: absence_case::ActiveModel = case.clone().into();
        m.user_id = Set(None);
        m.contact_phone = Set(None);
        m.contact_address = Set(None);
        m.expected_duration = Set(None);
        m.ongoing_work = Set(None);
        m.safety_net = Set(None);
        m.work_accident = Set(None);
        m.third_party_liable = Set(None);
        m.labour_conflict = Set(None);
        m.anonymised_at = Set(Some(now));
        m.updated_at = Set(now);
        m.update(&txn).await?;
        txn.commit().await?;
        // Files go after the rows: a crash in between leaves an unreadable orphan, never a dangling row.
        for key in keys {
            if let Err(e) = storage.delete(&key).await {
                tracing::warn!(error = %e, "could not delete an anonymised case's file");
            }
        }
        done += 1;
    }
    Ok(done)
}

/// One run of both.
pub async fn run_due(state: &AppState, now: DateTime<Utc>) -> Result<Report, ApiError> {
    let (noticed, mailed) = notify_due(state, now).await?;
    let anonymised = anonymise_expired(state, now).await?;
    Ok(Report { noticed, mailed, anonymised })
}

/// Runs the absence clock every minute.
pub fn spawn(state: web::Data<AppState>) {
    actix_web::rt::spawn(async move {
        loop {
            match run_due(&state, state.clock.now()).await {
                Ok(r) if r != Report::default() => tracing::info!(?r, "absence notices and retention"),
                Ok(_) => {}
                Err(e) => tracing::error!(error = ?e, "absence job"),
            }
            actix_web::rt::time::sleep(StdDuration::from_secs(60)).await;
        }
    });
}
