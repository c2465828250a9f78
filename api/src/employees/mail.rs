//! Mails about records, in each reader's language: a new change request (to those with
//! *manage employee data*), the decision (to the employee), a changed IBAN (to those with
//! the right — never the number).

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use shared::{
    auth::{Right, Role},
    i18n::Locale,
};
use uuid::Uuid;

use crate::{
    entities::{membership, user},
    error::ApiError,
    notifications::{
        outbox,
        templates::{Rendered, sign_off},
    },
    state::AppState,
};

/// Those with *manage employee data* in the organisation (employers and administrators),
/// narrowed in SQL and the right checked exactly on the rows that remain.
pub async fn managers(db: &impl ConnectionTrait, organisation_id: Uuid) -> Result<Vec<user::Model>, DbErr> {
    let members = membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(organisation_id))
        .filter(membership::Column::Role.is_in([Role::Employer.as_str(), Role::Administrator.as_str()]))
        .filter(membership::Column::Rights.contains(Right::ManageEmployeeData.as_str()))
        .all(db)
        .await?;
    let mut ids: Vec<Uuid> = members
        .into_iter()
        .filter(|m| Right::parse_list(&m.rights).contains(&Right::ManageEmployeeData))
        .map(|m| m.user_id)
        .collect();
    ids.sort();
    ids.dedup();
    if ids.is_empty() {
        return Ok(vec![]);
    }
    user::Entity::find().filter(user::Column::Id.is_in(ids)).all(db).await
}

fn locale(u: &user::Model) -> Locale {
    Locale::from_tag(&u.locale)
}

/// The field's name in a mail.
pub fn field_label(locale: Locale, field: &str) -> &'static str {
    match (locale, field) {
        (Locale::Nl, "first_name") => "voornaam",
        (Locale::Nl, "infix") => "tussenvoegsel",
        (Locale::Nl, "last_name") => "achternaam",
        (Locale::Nl, "birth_date") => "geboortedatum",
        (Locale::Nl, "contract_minutes") => "contracturen",
        (Locale::Nl, "tax_credit") => "loonheffingskorting",
        (Locale::En, "first_name") => "first name",
        (Locale::En, "infix") => "infix",
        (Locale::En, "last_name") => "last name",
        (Locale::En, "birth_date") => "birth date",
        (Locale::En, "contract_minutes") => "contract hours",
        (Locale::En, "tax_credit") => "payroll tax credit",
        _ => "",
    }
}

/// "A change request waits for you."
pub fn request_text(locale: Locale, name: &str, employee: &str, field: &str, link: &str) -> Rendered {
    let label = field_label(locale, field);
    match locale {
        Locale::Nl => Rendered {
            subject: format!("Wijzigingsverzoek van {employee}"),
            body: format!(
                "Beste {name},\n\n{employee} vraagt een wijziging van de {label} aan. \
                 Je beoordeelt het verzoek hier:\n\n{link}\n\n{}",
                sign_off(locale)
            ),
        },
        Locale::En => Rendered {
            subject: format!("Change request from {employee}"),
            body: format!(
                "Dear {name},\n\n{employee} asks to change their {label}. Review the request here:\n\n{link}\n\n{}",
                sign_off(locale)
            ),
        },
    }
}

/// "Your change request was approved / declined."
pub fn decision_text(
    locale: Locale,
    name: &str,
    field: &str,
    approved: bool,
    note: Option<&str>,
    link: &str,
) -> Rendered {
    let label = field_label(locale, field);
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    match locale {
        Locale::Nl => {
            let what = if approved { "goedgekeurd" } else { "afgewezen" };
            let note = note.map(|n| format!("\n\nToelichting: {n}")).unwrap_or_default();
            Rendered {
                subject: format!("Je wijzigingsverzoek is {what}"),
                body: format!(
                    "Beste {name},\n\nJe verzoek om je {label} te wijzigen is {what}.{note}\n\n{link}\n\n{}",
                    sign_off(locale)
                ),
            }
        }
        Locale::En => {
            let what = if approved { "approved" } else { "declined" };
            let note = note.map(|n| format!("\n\nNote: {n}")).unwrap_or_default();
            Rendered {
                subject: format!("Your change request was {what}"),
                body: format!(
                    "Dear {name},\n\nYour request to change your {label} was {what}.{note}\n\n{link}\n\n{}",
                    sign_off(locale)
                ),
            }
        }
    }
}

/// "An employee changed their IBAN" — never the number.
pub fn iban_text(locale: Locale, name: &str, employee: &str, link: &str) -> Rendered {
    match locale {
        Locale::Nl => Rendered {
            subject: format!("{employee} heeft een nieuw IBAN opgegeven"),
            body: format!(
                "Beste {name},\n\n{employee} heeft in Poort een nieuw rekeningnummer (IBAN) opgegeven, na opnieuw \
                 inloggen met het wachtwoord. Verwerk het in de salarisadministratie; je ziet het in de \
                 werknemersgegevens:\n\n{link}\n\n{}",
                sign_off(locale)
            ),
        },
        Locale::En => Rendered {
            subject: format!("{employee} gave a new IBAN"),
            body: format!(
                "Dear {name},\n\n{employee} entered a new bank account number (IBAN) in Poort, after signing in \
                 again with their password. Pass it on to payroll; you find it in the employee record:\n\n\
                 {link}\n\n{}",
                sign_off(locale)
            ),
        },
    }
}

fn employee_link(state: &AppState, record_id: Uuid) -> String {
    format!("{}/medewerkers/{record_id}", state.config.public_url())
}

/// Tells the managers about a new change request.
pub async fn request_made(
    state: &AppState,
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    employee: &str,
    field: &str,
    except: Uuid,
) -> Result<(), ApiError> {
    let now = state.clock.now();
    let link = format!("{}/medewerkers/wijzigingsverzoeken", state.config.public_url());
    for u in managers(db, organisation_id).await? {
        if u.id == except {
            continue;
        }
        let text = request_text(locale(&u), &u.name, employee, field, &link);
        outbox::enqueue_mail(db, Some(organisation_id), &u.email, text, now).await?;
    }
    Ok(())
}

/// Tells the employee the decision.
pub async fn decided(
    state: &AppState,
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    employee: &user::Model,
    field: &str,
    approved: bool,
    note: Option<&str>,
) -> Result<(), ApiError> {
    let link = format!("{}/mijn-gegevens", state.config.public_url());
    let text = decision_text(locale(employee), &employee.name, field, approved, note, &link);
    outbox::enqueue_mail(db, Some(organisation_id), &employee.email, text, state.clock.now()).await?;
    Ok(())
}

/// Tells the managers an IBAN changed.
pub async fn iban_changed(
    state: &AppState,
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    record_id: Uuid,
    employee: &str,
    except: Uuid,
) -> Result<(), ApiError> {
    let now = state.clock.now();
    let link = employee_link(state, record_id);
    for u in managers(db, organisation_id).await? {
        if u.id == except {
            continue;
        }
        let text = iban_text(locale(&u), &u.name, employee, &link);
        outbox::enqueue_mail(db, Some(organisation_id), &u.email, text, now).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_in_both_languages_name_the_field_not_values() {
        let t = request_text(Locale::Nl, "Eva", "Pieter Smit", "contract_minutes", "https://x/y");
        assert!(t.body.contains("contracturen") && t.subject.contains("Pieter Smit"));
        let t = decision_text(Locale::En, "Pieter", "contract_minutes", false, Some("Not now"), "https://x");
        assert!(t.subject.contains("declined") && t.body.contains("Not now"));
        let t = iban_text(Locale::Nl, "Eva", "Pieter Smit", "https://x");
        assert!(t.body.contains("IBAN") && !t.body.contains("NL91"));
    }
}
