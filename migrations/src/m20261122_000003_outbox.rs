//! The outbox: every mail and SMS is written here in the same transaction as
//! the change that causes it, and delivered by a worker with retries.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OutboxMessages {
    Table,
    Id,
    OrganisationId,
    Channel,
    Recipient,
    Subject,
    BodyText,
    Status,
    Attempts,
    // Epoch milliseconds: compared in SQL, so an integer behaves the same on SQLite and PostgreSQL.
    NextAttemptAtMs,
    ClaimedBy,
    ClaimedUntilMs,
    LastError,
    CreatedAt,
    SentAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(OutboxMessages::Table)
                .col(pk_uuid(OutboxMessages::Id))
                .col(uuid_null(OutboxMessages::OrganisationId))
                .col(string_len(OutboxMessages::Channel, 10))
                .col(string_len(OutboxMessages::Recipient, 254))
                .col(string_len(OutboxMessages::Subject, 300))
                .col(text(OutboxMessages::BodyText))
                .col(string_len(OutboxMessages::Status, 20))
                .col(integer(OutboxMessages::Attempts).default(0))
                .col(big_integer(OutboxMessages::NextAttemptAtMs))
                .col(string_len_null(OutboxMessages::ClaimedBy, 64))
                .col(big_integer_null(OutboxMessages::ClaimedUntilMs))
                .col(string_len_null(OutboxMessages::LastError, 500))
                .col(timestamp_with_time_zone(OutboxMessages::CreatedAt))
                .col(timestamp_with_time_zone_null(OutboxMessages::SentAt))
                .to_owned(),
        )
        .await?;
        // The worker's query: pending messages that are due, oldest first.
        m.create_index(
            Index::create()
                .name("ix_outbox_status_due")
                .table(OutboxMessages::Table)
                .col(OutboxMessages::Status)
                .col(OutboxMessages::NextAttemptAtMs)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(OutboxMessages::Table).to_owned()).await
    }
}
