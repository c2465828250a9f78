//! Mails about personal documents and payslips, in the reader's language, with a deep link
//! into the app. They name the document, never its content or amounts.

use shared::i18n::Locale;
use uuid::Uuid;

use crate::{
    entities::user,
    error::ApiError,
    notifications::{
        outbox,
        templates::{Rendered, sign_off},
    },
    state::AppState,
};

/// "A new document is there for you."
pub fn document_text(locale: Locale, name: &str, title: &str, link: &str) -> Rendered {
    match locale {
        Locale::Nl => Rendered {
            subject: format!("Nieuw document: {title}"),
            body: format!(
                "Beste {name},\n\nEr staat een nieuw document voor je klaar in Poort: \"{title}\".\n\n\
                 Je opent het na inloggen onder Documenten:\n{link}\n\n{}",
                sign_off(locale)
            ),
        },
        Locale::En => Rendered {
            subject: format!("New document: {title}"),
            body: format!(
                "Dear {name},\n\nA new document is waiting for you in Poort: \"{title}\".\n\n\
                 Sign in to open it under Documents:\n{link}\n\n{}",
                sign_off(locale)
            ),
        },
    }
}

/// "Your new payslip (or annual statement) is there."
pub fn payslip_text(locale: Locale, name: &str, annual: bool, period: &str, link: &str) -> Rendered {
    match (locale, annual) {
        (Locale::Nl, false) => Rendered {
            subject: format!("Je loonstrook van {period} staat klaar"),
            body: format!(
                "Beste {name},\n\nJe loonstrook over {period} staat klaar in Poort.\n\n\
                 Je opent hem na inloggen onder Loonstroken:\n{link}\n\n{}",
                sign_off(locale)
            ),
        },
        (Locale::Nl, true) => Rendered {
            subject: format!("Je jaaropgave {period} staat klaar"),
            body: format!(
                "Beste {name},\n\nJe jaaropgave over {period} staat klaar in Poort. Je hebt hem nodig \
                 voor je belastingaangifte.\n\nJe opent hem na inloggen onder Loonstroken:\n{link}\n\n{}",
                sign_off(locale)
            ),
        },
        (Locale::En, false) => Rendered {
            subject: format!("Your payslip for {period} is ready"),
            body: format!(
                "Dear {name},\n\nYour payslip for {period} is ready in Poort.\n\n\
                 Sign in to open it under Payslips:\n{link}\n\n{}",
                sign_off(locale)
            ),
        },
        (Locale::En, true) => Rendered {
            subject: format!("Your annual statement {period} is ready"),
            body: format!(
                "Dear {name},\n\nYour annual statement for {period} is ready in Poort. You need it for \
                 your tax return.\n\nSign in to open it under Payslips:\n{link}\n\n{}",
                sign_off(locale)
            ),
        },
    }
}

async fn person(state: &AppState, user_id: Uuid) -> Result<Option<user::Model>, ApiError> {
    use sea_orm::EntityTrait;
    Ok(user::Entity::find_by_id(user_id).one(&state.db.write).await?)
}

/// Tells the employee a new document is visible to them.
pub async fn document_visible(
    state: &AppState,
    organisation_id: Uuid,
    user_id: Uuid,
    title: &str,
) -> Result<(), ApiError> {
    let Some(u) = person(state, user_id).await? else { return Ok(()) };
    let link = format!("{}/documenten", state.config.public_url());
    let text = document_text(Locale::from_tag(&u.locale), &u.name, title, &link);
    outbox::enqueue_mail(&state.db.write, Some(organisation_id), &u.email, text, state.clock.now()).await?;
    Ok(())
}

/// Tells the employee a new payslip or annual statement arrived.
pub async fn payslip_arrived(
    state: &AppState,
    organisation_id: Uuid,
    user_id: Uuid,
    annual: bool,
    period: &str,
) -> Result<(), ApiError> {
    let Some(u) = person(state, user_id).await? else { return Ok(()) };
    let link = format!("{}/loonstroken", state.config.public_url());
    let text = payslip_text(Locale::from_tag(&u.locale), &u.name, annual, period, &link);
    outbox::enqueue_mail(&state.db.write, Some(organisation_id), &u.email, text, state.clock.now()).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_in_both_languages_link_to_the_screen() {
        let nl = document_text(Locale::Nl, "Pieter", "Diploma VCA", "https://p.example/documenten");
        assert!(nl.subject.contains("Diploma VCA") && nl.body.contains("https://p.example/documenten"));
        let en = payslip_text(Locale::En, "Pieter", false, "2026-10", "https://p.example/loonstroken");
        assert!(en.subject.contains("payslip") && en.body.contains("/loonstroken"));
        let nl = payslip_text(Locale::Nl, "Pieter", true, "2025", "x");
        assert!(nl.subject.contains("jaaropgave 2025"));
    }
}
