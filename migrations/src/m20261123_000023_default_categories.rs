//! The organisation categories Poort starts with (seed 003's "organisatieprofiel"), so a
//! fresh installation can give its first care organisation a profile without the helpdesk
//! typing the list. `ON CONFLICT DO NOTHING` leaves a code the helpdesk already made (with
//! its own names) alone, so the migration is safe on a database that has some of them.

use sea_orm_migration::{prelude::*, sea_orm::prelude::ChronoDateTimeUtc};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OrganisationCategories {
    Table,
    Code,
    NameNl,
    NameEn,
    CreatedAt,
}

/// (code, Dutch name, English name).
const DEFAULTS: [(&str, &str, &str); 11] = [
    ("home_care", "Thuiszorg", "Home care"),
    ("gp", "Huisarts", "GP"),
    ("district_team", "Wijkteam", "District team"),
    ("mental_health", "GGZ", "Mental health care"),
    ("pharmacy", "Apotheek", "Pharmacy"),
    ("physiotherapy", "Fysiotherapie", "Physiotherapy"),
    ("municipality", "Gemeente (Wmo)", "Municipality (Wmo)"),
    ("hospital", "Ziekenhuis", "Hospital"),
    ("nursing_home", "Verpleeghuis", "Nursing home"),
    ("disability_care", "Gehandicaptenzorg", "Disability care"),
    ("day_care", "Dagbesteding", "Day care"),
];

/// 2026-11-23T00:00:00Z: a fixed instant, so every installation holds the same rows.
const INSTALLED_AT: i64 = 1_795_392_000;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let at = ChronoDateTimeUtc::from_timestamp(INSTALLED_AT, 0)
            .ok_or_else(|| DbErr::Custom("invalid install instant".into()))?;
        let mut insert = Query::insert();
        insert
            .into_table(OrganisationCategories::Table)
            .columns([
                OrganisationCategories::Code,
                OrganisationCategories::NameNl,
                OrganisationCategories::NameEn,
                OrganisationCategories::CreatedAt,
            ])
            .on_conflict(OnConflict::column(OrganisationCategories::Code).do_nothing().to_owned());
        for (code, nl, en) in DEFAULTS {
            insert
                .values([code.into(), nl.into(), en.into(), at.into()])
                .map_err(|e| DbErr::Custom(e.to_string()))?;
        }
        m.exec_stmt(insert).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let codes = DEFAULTS.map(|(code, _, _)| code);
        m.exec_stmt(
            Query::delete()
                .from_table(OrganisationCategories::Table)
                .and_where(Expr::col(OrganisationCategories::Code).is_in(codes))
                .to_owned(),
        )
        .await
    }
}
