//! API clients: integrations (payroll, planning, arbodienst systems) that sign
//! in with a client id and secret and act within granted scopes.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ApiClients {
    Table,
    Id,
    OrganisationId,
    Name,
    SecretHash,
    Scopes,
    CreatedBy,
    CreatedAt,
    RevokedAt,
    LastUsedAt,
}

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ApiClients::Table)
                .col(pk_uuid(ApiClients::Id))
                .col(uuid(ApiClients::OrganisationId))
                .col(string_len(ApiClients::Name, 100))
                // SHA-256 of a 256-bit random secret: shown once, never stored.
                .col(string_len(ApiClients::SecretHash, 64))
                .col(string_len(ApiClients::Scopes, 500))
                .col(uuid_null(ApiClients::CreatedBy))
                .col(timestamp_with_time_zone(ApiClients::CreatedAt))
                .col(timestamp_with_time_zone_null(ApiClients::RevokedAt))
                .col(timestamp_with_time_zone_null(ApiClients::LastUsedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(ApiClients::Table, ApiClients::OrganisationId)
                        .to(Organisations::Table, Organisations::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_api_clients_org_id")
                .table(ApiClients::Table)
                .col(ApiClients::OrganisationId)
                .col(ApiClients::Id)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ApiClients::Table).to_owned()).await
    }
}
