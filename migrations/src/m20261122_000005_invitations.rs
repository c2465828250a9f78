//! Invitations: a person is invited by e-mail with a single-use link and
//! proves who they are (birth date) before choosing a password.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Invitations {
    Table,
    Id,
    OrganisationId,
    Email,
    Name,
    Role,
    Rights,
    BirthDate,
    TokenHash,
    ExpiresAt,
    WrongProofs,
    InvitedBy,
    AcceptedAt,
    RevokedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    BirthDate,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Invitations::Table)
                .col(pk_uuid(Invitations::Id))
                .col(uuid(Invitations::OrganisationId))
                .col(string_len(Invitations::Email, 254))
                .col(string_len(Invitations::Name, 200))
                .col(string_len(Invitations::Role, 40))
                .col(string_len(Invitations::Rights, 200).default(""))
                // The second proof the invitee must give (seed 001).
                .col(date(Invitations::BirthDate))
                .col(string_len_uniq(Invitations::TokenHash, 64))
                .col(timestamp_with_time_zone(Invitations::ExpiresAt))
                .col(integer(Invitations::WrongProofs).default(0))
                .col(uuid_null(Invitations::InvitedBy))
                .col(timestamp_with_time_zone_null(Invitations::AcceptedAt))
                .col(timestamp_with_time_zone_null(Invitations::RevokedAt))
                .col(timestamp_with_time_zone(Invitations::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Invitations::Table, Invitations::OrganisationId)
                        .to(Organisations::Table, Organisations::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_invitations_org_id")
                .table(Invitations::Table)
                .col(Invitations::OrganisationId)
                .col(Invitations::Id)
                .to_owned(),
        )
        .await?;
        m.alter_table(Table::alter().table(Users::Table).add_column(date_null(Users::BirthDate)).to_owned())
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(Users::Table).drop_column(Users::BirthDate).to_owned()).await?;
        m.drop_table(Table::drop().table(Invitations::Table).to_owned()).await
    }
}
