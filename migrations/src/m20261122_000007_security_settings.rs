//! Per-organisation security settings (password policy, required second
//! factor) and temporary passwords that must be changed at the next sign-in.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organisations {
    Table,
    PasswordProfile,
    PasswordMinLength,
    RequireSecondFactor,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    MustChangePassword,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Organisations::Table)
                .add_column(string_len(Organisations::PasswordProfile, 20).default("standard"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Organisations::Table)
                .add_column(integer(Organisations::PasswordMinLength).default(12))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Organisations::Table)
                .add_column(boolean(Organisations::RequireSecondFactor).default(false))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Users::Table)
                .add_column(boolean(Users::MustChangePassword).default(false))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(Users::Table).drop_column(Users::MustChangePassword).to_owned())
            .await?;
        for c in [
            Organisations::RequireSecondFactor,
            Organisations::PasswordMinLength,
            Organisations::PasswordProfile,
        ] {
            m.alter_table(Table::alter().table(Organisations::Table).drop_column(c).to_owned()).await?;
        }
        Ok(())
    }
}
