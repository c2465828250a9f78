//! Mails about absence cases, in each reader's language, with a link to the case.
//! They name the case and the step, never anything medical.

use sea_orm::{ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use shared::{
    absence::{Owner, Visibility},
    auth::{Right, Role},
    i18n::Locale,
};
use uuid::Uuid;

use crate::{
    entities::{absence_case, absence_document, membership, user},
    error::ApiError,
    notifications::{
        outbox,
        templates::{Rendered, sign_off},
    },
    state::AppState,
};

/// A group of people a mail can go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// The sick employee.
    Employee,
    /// Those with the right to report absence in the organisation.
    Employer,
    /// The organisation's case managers.
    CaseManagers,
    /// The organisation's occupational physicians.
    Physicians,
}

/// The groups an activity's owner stands for.
pub fn groups_of(owner: Owner) -> &'static [Group] {
    match owner {
        Owner::Employee => &[Group::Employee],
        Owner::Employer => &[Group::Employer],
        Owner::EmployerAndEmployee => &[Group::Employer, Group::Employee],
        Owner::Physician => &[Group::Physicians],
        Owner::PhysicianAndEmployer => &[Group::Physicians, Group::Employer],
        Owner::CaseManager => &[Group::CaseManagers],
        Owner::Uwv | Owner::Nobody => &[Group::CaseManagers],
    }
}

/// The people of the organisation who stand for the employer or arbodienst `groups`
/// (not the employee). Narrowed in SQL — an organisation may have 20,000 members — and
/// the right checked exactly on the few rows that remain.
pub async fn org_recipients(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    groups: &[Group],
) -> Result<Vec<user::Model>, DbErr> {
    let arbo = [Role::CaseManager.as_str(), Role::OccupationalPhysician.as_str()];
    let mut roles = Vec::new();
    if groups.contains(&Group::CaseManagers) {
        roles.push(arbo[0]);
    }
    if groups.contains(&Group::Physicians) {
        roles.push(arbo[1]);
    }
    let employer = groups.contains(&Group::Employer);
    if roles.is_empty() && !employer {
        return Ok(vec![]);
    }
    let mut who = Condition::any();
    if !roles.is_empty() {
        who = who.add(membership::Column::Role.is_in(roles.clone()));
    }
    if employer {
        who = who.add(membership::Column::Rights.contains(Right::ReportAbsence.as_str()));
    }
    let members = membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(organisation_id))
        .filter(who)
        .all(db)
        .await?;
    let mut ids: Vec<Uuid> = members
        .into_iter()
        .filter(|m| {
            roles.contains(&m.role.as_str())
                || (employer
                    && !arbo.contains(&m.role.as_str())
                    && Right::parse_list(&m.rights).contains(&Right::ReportAbsence))
        })
        .map(|m| m.user_id)
        .collect();
    ids.sort();
    ids.dedup();
    if ids.is_empty() {
        return Ok(vec![]);
    }
    user::Entity::find().filter(user::Column::Id.is_in(ids)).all(db).await
}

/// The people of `groups` for a case (each once), never the one who caused the mail.
pub async fn recipients(
    db: &impl ConnectionTrait,
    case: &absence_case::Model,
    groups: &[Group],
    except: Option<Uuid>,
) -> Result<Vec<user::Model>, DbErr> {
    let mut people = org_recipients(db, case.organisation_id, groups).await?;
    people.retain(|u| Some(u.id) != case.user_id);
    if groups.contains(&Group::Employee)
        && let Some(id) = case.user_id
        && let Some(u) = user::Entity::find_by_id(id).one(db).await?
    {
        people.push(u);
    }
    people.retain(|u| Some(u.id) != except);
    Ok(people)
}

fn link(state: &AppState, case: &absence_case::Model) -> String {
    format!("{}/verzuim/{}", state.config.public_url(), case.id)
}

fn locale(u: &user::Model) -> Locale {
    Locale::from_tag(&u.locale)
}

/// "A case opened": to the employer side and the arbodienst.
pub fn opened_text(
    locale: Locale,
    name: &str,
    employee: &str,
    case: &absence_case::Model,
    link: &str,
) -> Rendered {
    let day = case.first_sick_day.format("%d-%m-%Y");
    let number = &case.case_number;
    match locale {
        Locale::Nl => Rendered {
            subject: format!("Ziekmelding {employee} (dossier {number})"),
            body: format!(
                "Beste {name},\n\n{employee} is ziek gemeld met ingang van {day}. Het verzuimdossier {number} \
                 staat klaar, met de stappen van de Wet verbetering poortwachter:\n\n{link}\n\n{}",
                sign_off(locale)
            ),
        },
        Locale::En => Rendered {
            subject: format!("Sick report {employee} (case {number})"),
            body: format!(
                "Dear {name},\n\n{employee} has been reported sick from {day}. Absence case {number} is open, \
                 with the steps the Dutch Gatekeeper Act requires:\n\n{link}\n\n{}",
                sign_off(locale)
            ),
        },
    }
}

/// "A document is there for you."
pub fn document_text(locale: Locale, name: &str, title: &str, number: &str, link: &str) -> Rendered {
    match locale {
        Locale::Nl => Rendered {
            subject: format!("Nieuw document in verzuimdossier {number}"),
            body: format!(
                "Beste {name},\n\nIn het verzuimdossier {number} staat een nieuw document voor je klaar: \
                 \"{title}\".\n\nJe leest het na inloggen:\n{link}\n\n{}",
                sign_off(locale)
            ),
        },
        Locale::En => Rendered {
            subject: format!("New document in absence case {number}"),
            body: format!(
                "Dear {name},\n\nA new document is waiting for you in absence case {number}: \"{title}\".\n\n\
                 Sign in to read it:\n{link}\n\n{}",
                sign_off(locale)
            ),
        },
    }
}

/// "A step falls due."
pub fn due_text(locale: Locale, name: &str, step: &str, due: &str, number: &str, link: &str) -> Rendered {
    match locale {
        Locale::Nl => Rendered {
            subject: format!("Verzuimdossier {number}: {step} uiterlijk {due}"),
            body: format!(
                "Beste {name},\n\nIn verzuimdossier {number} moet uiterlijk {due} de volgende stap gezet worden: \
                 {step}.\n\n{link}\n\n{}",
                sign_off(locale)
            ),
        },
        Locale::En => Rendered {
            subject: format!("Absence case {number}: {step} due {due}"),
            body: format!(
                "Dear {name},\n\nIn absence case {number} the next step is due by {due}: {step}.\n\n{link}\n\n{}",
                sign_off(locale)
            ),
        },
    }
}

/// Tells the employer side and the arbodienst that a case opened.
pub async fn case_opened(
    state: &AppState,
    case: &absence_case::Model,
    employee: &str,
    reporter: Option<Uuid>,
) -> Result<(), ApiError> {
    let now = state.clock.now();
    let link = link(state, case);
    let to = recipients(
        &state.db.write,
        case,
        &[Group::Employer, Group::CaseManagers, Group::Physicians],
        reporter,
    )
    .await?;
    for u in to {
        let text = opened_text(locale(&u), &u.name, employee, case, &link);
        outbox::enqueue_mail(&state.db.write, Some(case.organisation_id), &u.email, text, now).await?;
    }
    Ok(())
}

/// Tells those who can now see `doc` (and could not `before`) that it is there.
pub async fn document_added(
    state: &AppState,
    case: &absence_case::Model,
    doc: &absence_document::Model,
    before: Visibility,
) -> Result<(), ApiError> {
    let now = state.clock.now();
    let mut groups = Vec::new();
    if doc.visible_employee && !before.employee {
        groups.push(Group::Employee);
    }
    if doc.visible_employer && !before.employer {
        groups.push(Group::Employer);
    }
    if groups.is_empty() {
        return Ok(());
    }
    let link = link(state, case);
    for u in recipients(&state.db.write, case, &groups, Some(doc.uploaded_by)).await? {
        let text = document_text(locale(&u), &u.name, &doc.title, &case.case_number, &link);
        outbox::enqueue_mail(&state.db.write, Some(case.organisation_id), &u.email, text, now).await?;
    }
    Ok(())
}

/// The link to a case, for the jobs.
pub fn case_link(state: &AppState, case: &absence_case::Model) -> String {
    link(state, case)
}
