//! Cost centres (seed 002: declarations filtered by cost centre or placement): the
//! cost centre a member works under, and the one each week was worked under, copied
//! from the membership when the week is made so history stays right when a worker
//! moves. Employee records (issue 6) will own where a membership's cost centre comes
//! from; the week keeps its copy either way.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Memberships {
    Table,
    CostCentre,
}

#[derive(DeriveIden)]
enum Timesheets {
    Table,
    OrganisationId,
    CostCentre,
    WeekStart,
}

/// Longest cost centre ("Wijkzorg Noord 4100" and payroll codes alike).
const LEN: u32 = 100;

/// Adds a nullable cost centre column (SQLite alters one column per statement).
async fn add(m: &SchemaManager<'_>, table: impl IntoIden, column: impl IntoIden) -> Result<(), DbErr> {
    m.alter_table(Table::alter().table(table).add_column(string_len_null(column, LEN)).to_owned()).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        add(m, Memberships::Table, Memberships::CostCentre).await?;
        add(m, Timesheets::Table, Timesheets::CostCentre).await?;
        // The list filter (and the choices for it) within one organisation.
        m.create_index(
            Index::create()
                .name("idx_timesheets_org_cost_centre")
                .table(Timesheets::Table)
                .col(Timesheets::OrganisationId)
                .col(Timesheets::CostCentre)
                .col(Timesheets::WeekStart)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop().name("idx_timesheets_org_cost_centre").table(Timesheets::Table).to_owned(),
        )
        .await?;
        m.alter_table(Table::alter().table(Timesheets::Table).drop_column(Timesheets::CostCentre).to_owned())
            .await?;
        m.alter_table(
            Table::alter().table(Memberships::Table).drop_column(Memberships::CostCentre).to_owned(),
        )
        .await
    }
}
