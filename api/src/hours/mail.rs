//! Mails about hours, in the worker's language, with a deep link to the week.

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Amsterdam;
use sea_orm::{ConnectionTrait, DbErr};
use shared::{hours::IsoWeek, i18n::Locale};

use crate::{
    entities::{timesheet, user},
    notifications::{
        outbox,
        templates::{Rendered, sign_off},
    },
    state::AppState,
};

fn week_link(base_url: &str, week: IsoWeek) -> String {
    format!("{base_url}/uren/week/{week}")
}

/// "Sign your hours before the deadline."
pub fn reminder_text(
    locale: Locale,
    name: &str,
    week: IsoWeek,
    deadline: DateTime<Utc>,
    link: &str,
) -> Rendered {
    let when = deadline.with_timezone(&Amsterdam).format("%d-%m-%Y %H:%M");
    match locale {
        Locale::Nl => Rendered {
            subject: format!("Onderteken je uren van week {}", week.week()),
            body: format!(
                "Beste {name},\n\nJe uren van week {} ({week}) zijn nog niet ondertekend. \
                 Vul ze aan en onderteken ze vóór {when}; daarna gaat de week op slot.\n\n{link}\n\n{}",
                week.week(),
                sign_off(locale)
            ),
        },
        Locale::En => Rendered {
            subject: format!("Sign your hours for week {}", week.week()),
            body: format!(
                "Dear {name},\n\nYour hours for week {} ({week}) are not signed yet. \
                 Complete and sign them before {when} (Amsterdam time); after that the week locks.\n\n{link}\n\n{}",
                week.week(),
                sign_off(locale)
            ),
        },
    }
}

/// "Your week was sent back."
pub fn rejected_text(
    locale: Locale,
    name: &str,
    week: IsoWeek,
    by: &str,
    reason: &str,
    link: &str,
) -> Rendered {
    match locale {
        Locale::Nl => Rendered {
            subject: format!("Je uren van week {} zijn afgewezen", week.week()),
            body: format!(
                "Beste {name},\n\n{by} heeft je uren van week {} ({week}) afgewezen:\n\n\"{reason}\"\n\n\
                 Pas de week aan en onderteken hem opnieuw:\n{link}\n\n{}",
                week.week(),
                sign_off(locale)
            ),
        },
        Locale::En => Rendered {
            subject: format!("Your hours for week {} were rejected", week.week()),
            body: format!(
                "Dear {name},\n\n{by} rejected your hours for week {} ({week}):\n\n\"{reason}\"\n\n\
                 Change the week and sign it again:\n{link}\n\n{}",
                week.week(),
                sign_off(locale)
            ),
        },
    }
}

/// Queues the rejection mail to the worker.
pub async fn rejected(
    db: &impl ConnectionTrait,
    state: &AppState,
    worker: &user::Model,
    sheet: &timesheet::Model,
    by: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let week = IsoWeek::of(sheet.week_start);
    let link = week_link(&state.config.public_url(), week);
    let text = rejected_text(Locale::from_tag(&worker.locale), &worker.name, week, by, reason, &link);
    outbox::enqueue_mail(db, Some(sheet.organisation_id), &worker.email, text, now).await?;
    Ok(())
}

/// Queues a reminder to a worker.
pub async fn reminder(
    db: &impl ConnectionTrait,
    base_url: &str,
    organisation_id: uuid::Uuid,
    worker: &user::Model,
    week: IsoWeek,
    deadline: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let link = week_link(base_url, week);
    let text = reminder_text(Locale::from_tag(&worker.locale), &worker.name, week, deadline, &link);
    outbox::enqueue_mail(db, Some(organisation_id), &worker.email, text, now).await?;
    Ok(())
}
