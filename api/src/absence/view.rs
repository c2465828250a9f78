//! The case as each audience may see it. Built field by field from an allowlist:
//! nothing is serialised straight from a table, so a column added later cannot
//! leak to the employer by accident. Medical notes are never read here.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use shared::absence::{
    AbsenceCase, Activity, ActivityState, CaseEvent, CaseFacts, CaseStatus, Document, DocumentKind,
    ExpectedDuration, PersonRef, RecoveryStep, Spell, Statement, Visibility, poortwachter,
};

use super::{
    access::{self, Audience},
    store,
};
use crate::{
    entities::{
        absence_activity, absence_case, absence_document, absence_event, absence_statement, organisation,
        user,
    },
    error::ApiError,
};

/// One activity row as the API shows it.
pub fn activity(
    row: absence_activity::Model,
    case_number: &str,
    employee_name: Option<&str>,
    today: NaiveDate,
) -> Activity {
    let state = match row.state.as_str() {
        store::DONE => ActivityState::Done,
        store::CLOSED => ActivityState::Closed,
        _ if row.due_on < today => ActivityState::Overdue,
        _ => ActivityState::Open,
    };
    Activity {
        id: row.id,
        case_id: row.case_id,
        case_number: case_number.to_string(),
        employee_name: employee_name.map(str::to_string),
        kind: if row.custom { None } else { row.kind.parse().ok() },
        title: row.title,
        owner: row.owner.parse().unwrap_or(poortwachter::Owner::Nobody),
        window_from: row.window_from,
        due_on: row.due_on,
        state,
        done_on: row.done_on,
        done_by_name: row.done_by_name,
        key: row.key,
    }
}

/// The employer's facts of a case.
pub fn facts(case: &absence_case::Model) -> CaseFacts {
    CaseFacts {
        contact_phone: case.contact_phone.clone(),
        contact_address: case.contact_address.clone(),
        expected_duration: case.expected_duration.as_deref().and_then(ExpectedDuration::parse),
        ongoing_work: case.ongoing_work.clone(),
        safety_net: case.safety_net,
        work_accident: case.work_accident,
        third_party_liable: case.third_party_liable,
        labour_conflict: case.labour_conflict,
        pregnancy_leave: case.pregnancy_leave,
    }
}

/// Whether `audience` may see a document with these flags.
pub fn sees_document(audience: Audience, doc: &absence_document::Model) -> bool {
    match audience {
        Audience::Employee => doc.visible_employee,
        Audience::Employer => doc.visible_employer,
        Audience::Arbodienst { .. } => true,
    }
}

/// A document's metadata.
pub fn document(d: absence_document::Model) -> Document {
    Document {
        id: d.id,
        kind: DocumentKind::parse(&d.kind).unwrap_or(DocumentKind::Other),
        title: d.title,
        file_name: d.file_name,
        content_type: d.content_type,
        size_bytes: d.size_bytes.max(0) as u64,
        uploaded_at: d.uploaded_at,
        uploaded_by_name: d.uploaded_by_name,
        visibility: Visibility { employee: d.visible_employee, employer: d.visible_employer },
    }
}

/// A physician's statement for the employer.
pub fn statement(s: absence_statement::Model) -> Statement {
    Statement {
        id: s.id,
        functional_limitations: s.functional_limitations,
        remaining_capacity: s.remaining_capacity,
        expected_duration: s.expected_duration.as_deref().and_then(ExpectedDuration::parse),
        advice: s.advice,
        author_name: s.author_name,
        created_at: s.created_at,
    }
}

/// The whole case for `audience`.
pub async fn build(
    db: &impl ConnectionTrait,
    case: &absence_case::Model,
    audience: Audience,
    today: NaiveDate,
) -> Result<AbsenceCase, ApiError> {
    let employee = match case.user_id {
        Some(id) => user::Entity::find_by_id(id).one(db).await?.map(|u| PersonRef { id: u.id, name: u.name }),
        None => None,
    };
    let organisation_name = organisation::Entity::find_by_id(case.organisation_id)
        .one(db)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    let spells = store::spells(db, case.id).await?;
    let recoveries = store::recoveries(db, case.id).await?;
    let name = employee.as_ref().map(|e| e.name.as_str());
    let activities = absence_activity::Entity::find()
        .filter(absence_activity::Column::CaseId.eq(case.id))
        .order_by_asc(absence_activity::Column::DueOn)
        .order_by_asc(absence_activity::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|a| activity(a, &case.case_number, name, today))
        .collect();
    let documents: Vec<Document> = absence_document::Entity::find()
        .filter(absence_document::Column::CaseId.eq(case.id))
        .order_by_desc(absence_document::Column::UploadedAt)
        .all(db)
        .await?
        .into_iter()
        .filter(|d| sees_document(audience, d))
        .map(document)
        .collect();
    let titles: HashMap<String, String> =
        documents.iter().map(|d| (d.id.to_string(), d.title.clone())).collect();
    let statements = absence_statement::Entity::find()
        .filter(absence_statement::Column::CaseId.eq(case.id))
        .order_by_desc(absence_statement::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(statement)
        .collect();
    let timeline = absence_event::Entity::find()
        .filter(absence_event::Column::CaseId.eq(case.id))
        .order_by_desc(absence_event::Column::At)
        .order_by_desc(absence_event::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|e| {
            // Document events name a document by id: shown with its title to those who
            // may see the document, left out for everyone else.
            let detail = if matches!(e.action.as_str(), "document_added" | "visibility_changed") {
                Some(titles.get(e.detail.as_deref().unwrap_or_default())?.clone())
            } else {
                e.detail
            };
            Some(CaseEvent { at: e.at, actor_name: e.actor_name, action: e.action, detail })
        })
        .collect();
    let history = store::history(case, &spells);
    Ok(AbsenceCase {
        id: case.id,
        case_number: case.case_number.clone(),
        organisation_name,
        employee,
        status: CaseStatus::parse(&case.status).unwrap_or(CaseStatus::Open),
        first_sick_day: case.first_sick_day,
        hours_worked_minutes: case.hours_worked_minutes.map(|m| m.max(0) as u32),
        incapacity_percent: case.incapacity_percent.clamp(0, 100) as u32,
        recovered_on: case.recovered_on,
        out_of_employment_on: case.out_of_employment_on,
        sick_days: poortwachter::sick_days_until(&history, today),
        facts: facts(case),
        spells: spells
            .iter()
            .map(|s| Spell { first_day: s.first_day, recovered_on: s.recovered_on })
            .collect(),
        recoveries: recoveries
            .iter()
            .map(|r| RecoveryStep { from_date: r.from_date, percent: r.percent.clamp(0, 100) as u32 })
            .collect(),
        activities,
        documents,
        statements,
        timeline,
        version: case.version,
        may: closed_permissions(case, access::permissions(audience)),
    })
}

/// A closed case still takes documents, statements and done marks, but no recovery.
fn closed_permissions(
    case: &absence_case::Model,
    mut may: shared::absence::CasePermissions,
) -> shared::absence::CasePermissions {
    if case.status != CaseStatus::Open.as_str() {
        may.report_recovery = false;
        may.out_of_employment = false;
    }
    may
}
