//! Remembered browsers shown in "Mijn account": which browser, and when it
//! last skipped the second factor. Invitations that make their invitee the
//! organisation's main contact (the helpdesk's first invitation).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum RememberedDevices {
    Table,
    LastUsedAt,
    UserAgent,
}

#[derive(DeriveIden)]
enum Invitations {
    Table,
    MainContact,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(RememberedDevices::Table)
                .add_column(timestamp_with_time_zone_null(RememberedDevices::LastUsedAt))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(RememberedDevices::Table)
                .add_column(string_len_null(RememberedDevices::UserAgent, 300))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Invitations::Table)
                .add_column(boolean(Invitations::MainContact).default(false))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter().table(Invitations::Table).drop_column(Invitations::MainContact).to_owned(),
        )
        .await?;
        for c in [RememberedDevices::UserAgent, RememberedDevices::LastUsedAt] {
            m.alter_table(Table::alter().table(RememberedDevices::Table).drop_column(c).to_owned()).await?;
        }
        Ok(())
    }
}
