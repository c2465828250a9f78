//! "Stay signed in" (seed 004): a session may outlive the browser, up to a fixed maximum.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Persistent,
}

#[derive(DeriveIden)]
enum SignInChallenges {
    Table,
    Persistent,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Sessions::Table)
                .add_column(boolean(Sessions::Persistent).default(false))
                .to_owned(),
        )
        .await?;
        // The choice is made with the password and must survive the second-factor step.
        m.alter_table(
            Table::alter()
                .table(SignInChallenges::Table)
                .add_column(boolean(SignInChallenges::Persistent).default(false))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(SignInChallenges::Table)
                .drop_column(SignInChallenges::Persistent)
                .to_owned(),
        )
        .await?;
        m.alter_table(Table::alter().table(Sessions::Table).drop_column(Sessions::Persistent).to_owned())
            .await
    }
}
