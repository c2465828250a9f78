//! Protection of sign-in: throttle counters, devices a person signed in from,
//! and each organisation's choice of wrong-password rule.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ThrottleCounters {
    Table,
    Key,
    Failures,
    LastFailureAt,
    LockedUntil,
}

#[derive(DeriveIden)]
enum KnownDevices {
    Table,
    TokenHash,
    UserId,
    CreatedAt,
    LastSeenAt,
}

#[derive(DeriveIden)]
enum Organisations {
    Table,
    LockoutFailures,
    LockoutMinutes,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ThrottleCounters::Table)
                // "acct:<sha256>", "dev:<sha256>" or "ip:<address>": never a raw e-mail address.
                .col(string_len(ThrottleCounters::Key, 100).primary_key())
                .col(integer(ThrottleCounters::Failures).default(0))
                .col(timestamp_with_time_zone_null(ThrottleCounters::LastFailureAt))
                .col(timestamp_with_time_zone_null(ThrottleCounters::LockedUntil))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(KnownDevices::Table)
                .col(string_len(KnownDevices::TokenHash, 64))
                .col(uuid(KnownDevices::UserId))
                // One browser can be known for several people (a shared computer at home).
                .primary_key(Index::create().col(KnownDevices::TokenHash).col(KnownDevices::UserId))
                .col(timestamp_with_time_zone(KnownDevices::CreatedAt))
                .col(timestamp_with_time_zone(KnownDevices::LastSeenAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(KnownDevices::Table, KnownDevices::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_known_devices_user")
                .table(KnownDevices::Table)
                .col(KnownDevices::UserId)
                .to_owned(),
        )
        .await?;
        // NULL: the default throttle. Set both for seed 004's "N wrong → locked for M minutes".
        m.alter_table(
            Table::alter()
                .table(Organisations::Table)
                .add_column(integer_null(Organisations::LockoutFailures))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Organisations::Table)
                .add_column(integer_null(Organisations::LockoutMinutes))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter().table(Organisations::Table).drop_column(Organisations::LockoutMinutes).to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter().table(Organisations::Table).drop_column(Organisations::LockoutFailures).to_owned(),
        )
        .await?;
        m.drop_table(Table::drop().table(KnownDevices::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(ThrottleCounters::Table).to_owned()).await
    }
}
