//! Indexes the absence benchmark asked for (bench/results/2026-11-23.md), at 20,000
//! employees with three years of cases:
//!
//! - `absence_activities (case_id, state, due_on)`: the case list counts the open steps
//!   of the 50 cases on its page. Without it SQLite answers from the notifier's index
//!   `(state, …)`, reading every open activity of every organisation; with it, a few
//!   rows per case from the index alone.
//! - `absence_cases (organisation_id, anonymised_at, status, first_sick_day, id)`: the
//!   case list and the activity lists keep to the organisation's cases that are not
//!   anonymised. Without it SQLite takes the retention index `(anonymised_at, …)` and
//!   reads every live case of every organisation; with it, the organisation's open
//!   cases come straight from the index, newest first per organisation.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AbsenceActivities {
    Table,
    CaseId,
    State,
    DueOn,
}

#[derive(DeriveIden)]
enum AbsenceCases {
    Table,
    Id,
    OrganisationId,
    AnonymisedAt,
    Status,
    FirstSickDay,
}

const CASE_STATE: &str = "ix_absence_activities_case_state";
const LIVE_CASES: &str = "ix_absence_cases_org_live";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            Index::create()
                .name(CASE_STATE)
                .table(AbsenceActivities::Table)
                .col(AbsenceActivities::CaseId)
                .col(AbsenceActivities::State)
                .col(AbsenceActivities::DueOn)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name(LIVE_CASES)
                .table(AbsenceCases::Table)
                .col(AbsenceCases::OrganisationId)
                .col(AbsenceCases::AnonymisedAt)
                .col(AbsenceCases::Status)
                .col(AbsenceCases::FirstSickDay)
                .col(AbsenceCases::Id)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name(LIVE_CASES).table(AbsenceCases::Table).to_owned()).await?;
        m.drop_index(Index::drop().name(CASE_STATE).table(AbsenceActivities::Table).to_owned()).await
    }
}
