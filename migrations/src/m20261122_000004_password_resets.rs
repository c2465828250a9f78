//! Single-use, expiring password reset links (stored hashed).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum PasswordResets {
    Table,
    TokenHash,
    UserId,
    CreatedAt,
    ExpiresAt,
    UsedAt,
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
                .table(PasswordResets::Table)
                .col(string_len(PasswordResets::TokenHash, 64).primary_key())
                .col(uuid(PasswordResets::UserId))
                .col(timestamp_with_time_zone(PasswordResets::CreatedAt))
                .col(timestamp_with_time_zone(PasswordResets::ExpiresAt))
                .col(timestamp_with_time_zone_null(PasswordResets::UsedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(PasswordResets::Table, PasswordResets::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_password_resets_user")
                .table(PasswordResets::Table)
                .col(PasswordResets::UserId)
                .col(PasswordResets::CreatedAt)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(PasswordResets::Table).to_owned()).await
    }
}
