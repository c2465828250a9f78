//! Demo news (`poort seed --demo`): in Van Dijk and De Linde an item for everyone, one for
//! employees and one for staff, plus a draft.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::{news_item, user};

const ITEMS: &[(&str, &str, &str, &str, &str, i64)] = &[
    (
        "Bouwbedrijf Van Dijk B.V.",
        "Eva Visser",
        "everyone",
        "Kerstborrel op vrijdag 18 december",
        "Op vrijdag 18 december sluiten we het jaar af met een borrel op de werf in Goes, vanaf 16:00 uur.\n\nPartners zijn van harte welkom. Geef je op bij Eva.",
        2,
    ),
    (
        "Bouwbedrijf Van Dijk B.V.",
        "Eva Visser",
        "employees",
        "Nieuwe contracten 2027 staan klaar",
        "De arbeidsovereenkomsten voor 2027 staan voor je klaar onder Contracten. Lees ze rustig door en onderteken ze met je authenticator-app of sms-code.\n\nVragen? Bel of mail Eva Visser.",
        1,
    ),
    (
        "Bouwbedrijf Van Dijk B.V.",
        "Eva Visser",
        "staff",
        "Jaarlijkse controle personeelsgegevens in januari",
        "In januari loopt iedereen met het recht werknemersgegevens beheren de gegevens van alle medewerkers na. Het dashboard toont hoeveel er nog te bevestigen zijn.",
        4,
    ),
    (
        "Thuiszorg De Linde",
        "Fatima El Amrani",
        "employees",
        "Griepprik voor medewerkers",
        "Op 1 en 2 december kun je op kantoor een griepprik halen. Aanmelden kan via je coördinator.",
        3,
    ),
    (
        "Thuiszorg De Linde",
        "Fatima El Amrani",
        "staff",
        "Roosters kerstperiode",
        "Coördinatoren en planners: lever de roosters voor de kerstperiode uiterlijk 4 december aan.",
        5,
    ),
];

/// Adds the demo news.
pub async fn load(
    txn: &DatabaseTransaction,
    orgs: &HashMap<&str, Uuid>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let mut authors = HashMap::new();
    for (name, mail) in [
        ("Eva Visser", "eva.visser@vandijkbouw.example"),
        ("Fatima El Amrani", "fatima.elamrani@delinde.example"),
    ] {
        if let Some(u) = user::Entity::find().filter(user::Column::Email.eq(mail)).one(txn).await? {
            authors.insert(name, u.id);
        }
    }
    for (org, author, audience, title, body, days_ago) in ITEMS {
        let Some(org_id) = orgs.get(org) else { continue };
        let at = now - Duration::days(*days_ago);
        news_item::ActiveModel {
            id: Set(Uuid::now_v7()),
            organisation_id: Set(*org_id),
            title: Set((*title).into()),
            body: Set((*body).into()),
            audience: Set((*audience).into()),
            published_at: Set(Some(at)),
            author_user_id: Set(authors.get(author).copied()),
            author_name: Set((*author).into()),
            created_at: Set(at),
            updated_at: Set(at),
        }
        .insert(txn)
        .await?;
    }
    if let Some(org_id) = orgs.get("Bouwbedrijf Van Dijk B.V.") {
        news_item::ActiveModel {
            id: Set(Uuid::now_v7()),
            organisation_id: Set(*org_id),
            title: Set("Veiligheidsdag maart (concept)".into()),
            body: Set("Datum en programma volgen.".into()),
            audience: Set("everyone".into()),
            published_at: Set(None),
            author_user_id: Set(authors.get("Eva Visser").copied()),
            author_name: Set("Eva Visser".into()),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(txn)
        .await?;
    }
    Ok(())
}
