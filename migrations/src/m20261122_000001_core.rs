//! The core every capability builds on: organisations (tenants), users, their
//! memberships, teams, sessions, audit events, the platform status and the
//! server's signing keys.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
    Name,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Email,
    Name,
    PasswordHash,
    Locale,
    Helpdesk,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Memberships {
    Table,
    Id,
    UserId,
    OrganisationId,
    Role,
    Rights,
    MainContact,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Teams {
    Table,
    Id,
    OrganisationId,
    Name,
    CreatedAt,
}

#[derive(DeriveIden)]
enum TeamMembers {
    Table,
    TeamId,
    MembershipId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Id,
    UserId,
    OrganisationId,
    CreatedAt,
    ExpiresAt,
    LastSeenAt,
    RevokedAt,
    RevokedReason,
    Ip,
    UserAgent,
}

#[derive(DeriveIden)]
enum RefreshTokens {
    Table,
    TokenHash,
    SessionId,
    CreatedAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum AuditEvents {
    Table,
    Id,
    OrganisationId,
    ActorUserId,
    Action,
    Subject,
    Ip,
    UserAgent,
    RequestId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PlatformStatus {
    Table,
    Id,
    Message,
    UpdatedAt,
    UpdatedBy,
}

#[derive(DeriveIden)]
enum SigningKeys {
    Table,
    Id,
    Algorithm,
    PrivateKeyPem,
    PublicKeyPem,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Organisations::Table)
                .col(pk_uuid(Organisations::Id))
                .col(string_len(Organisations::Name, 200))
                .col(timestamp_with_time_zone(Organisations::CreatedAt))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Users::Table)
                .col(pk_uuid(Users::Id))
                // Stored normalised (NFKC, lower case) so look-alikes cannot make a second account.
                .col(string_len_uniq(Users::Email, 254))
                .col(string_len(Users::Name, 200))
                .col(string_len_null(Users::PasswordHash, 200))
                .col(string_len(Users::Locale, 8).default("nl"))
                .col(boolean(Users::Helpdesk).default(false))
                .col(timestamp_with_time_zone(Users::CreatedAt))
                .col(timestamp_with_time_zone(Users::UpdatedAt))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Memberships::Table)
                .col(pk_uuid(Memberships::Id))
                .col(uuid(Memberships::UserId))
                .col(uuid(Memberships::OrganisationId))
                .col(string_len(Memberships::Role, 40))
                .col(string_len(Memberships::Rights, 200).default(""))
                .col(boolean(Memberships::MainContact).default(false))
                .col(timestamp_with_time_zone(Memberships::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Memberships::Table, Memberships::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Memberships::Table, Memberships::OrganisationId)
                        .to(Organisations::Table, Organisations::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_memberships_user_org")
                .table(Memberships::Table)
                .col(Memberships::UserId)
                .col(Memberships::OrganisationId)
                .unique()
                .to_owned(),
        )
        .await?;
        // Member lists are per organisation, ordered by id (keyset).
        m.create_index(
            Index::create()
                .name("ix_memberships_org_id")
                .table(Memberships::Table)
                .col(Memberships::OrganisationId)
                .col(Memberships::Id)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Teams::Table)
                .col(pk_uuid(Teams::Id))
                .col(uuid(Teams::OrganisationId))
                .col(string_len(Teams::Name, 100))
                .col(timestamp_with_time_zone(Teams::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Teams::Table, Teams::OrganisationId)
                        .to(Organisations::Table, Organisations::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_teams_org_name")
                .table(Teams::Table)
                .col(Teams::OrganisationId)
                .col(Teams::Name)
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(TeamMembers::Table)
                .col(uuid(TeamMembers::TeamId))
                .col(uuid(TeamMembers::MembershipId))
                .col(timestamp_with_time_zone(TeamMembers::CreatedAt))
                .primary_key(Index::create().col(TeamMembers::TeamId).col(TeamMembers::MembershipId))
                .foreign_key(
                    ForeignKey::create()
                        .from(TeamMembers::Table, TeamMembers::TeamId)
                        .to(Teams::Table, Teams::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(TeamMembers::Table, TeamMembers::MembershipId)
                        .to(Memberships::Table, Memberships::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_team_members_membership")
                .table(TeamMembers::Table)
                .col(TeamMembers::MembershipId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Sessions::Table)
                .col(pk_uuid(Sessions::Id))
                .col(uuid(Sessions::UserId))
                .col(uuid(Sessions::OrganisationId))
                .col(timestamp_with_time_zone(Sessions::CreatedAt))
                .col(timestamp_with_time_zone(Sessions::ExpiresAt))
                .col(timestamp_with_time_zone(Sessions::LastSeenAt))
                .col(timestamp_with_time_zone_null(Sessions::RevokedAt))
                .col(string_len_null(Sessions::RevokedReason, 40))
                .col(string_len_null(Sessions::Ip, 64))
                .col(string_len_null(Sessions::UserAgent, 300))
                .foreign_key(
                    ForeignKey::create()
                        .from(Sessions::Table, Sessions::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Sessions::Table, Sessions::OrganisationId)
                        .to(Organisations::Table, Organisations::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ix_sessions_user").table(Sessions::Table).col(Sessions::UserId).to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(RefreshTokens::Table)
                // SHA-256 of the token, hex: the token itself is never stored.
                .col(string_len(RefreshTokens::TokenHash, 64).primary_key())
                .col(uuid(RefreshTokens::SessionId))
                .col(timestamp_with_time_zone(RefreshTokens::CreatedAt))
                .col(timestamp_with_time_zone_null(RefreshTokens::UsedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(RefreshTokens::Table, RefreshTokens::SessionId)
                        .to(Sessions::Table, Sessions::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_refresh_tokens_session")
                .table(RefreshTokens::Table)
                .col(RefreshTokens::SessionId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(AuditEvents::Table)
                .col(pk_uuid(AuditEvents::Id))
                .col(uuid_null(AuditEvents::OrganisationId))
                .col(uuid_null(AuditEvents::ActorUserId))
                .col(string_len(AuditEvents::Action, 60))
                .col(string_len_null(AuditEvents::Subject, 200))
                .col(string_len_null(AuditEvents::Ip, 64))
                .col(string_len_null(AuditEvents::UserAgent, 300))
                .col(string_len_null(AuditEvents::RequestId, 64))
                .col(timestamp_with_time_zone(AuditEvents::CreatedAt))
                .to_owned(),
        )
        .await?;
        // The audit screen lists an organisation's events newest first; ids are UUIDv7 so they sort by time.
        m.create_index(
            Index::create()
                .name("ix_audit_events_org_id")
                .table(AuditEvents::Table)
                .col(AuditEvents::OrganisationId)
                .col(AuditEvents::Id)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(PlatformStatus::Table)
                .col(integer(PlatformStatus::Id).primary_key())
                .col(string_len_null(PlatformStatus::Message, 500))
                .col(timestamp_with_time_zone_null(PlatformStatus::UpdatedAt))
                .col(uuid_null(PlatformStatus::UpdatedBy))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(SigningKeys::Table)
                .col(pk_uuid(SigningKeys::Id))
                .col(string_len(SigningKeys::Algorithm, 20))
                .col(text(SigningKeys::PrivateKeyPem))
                .col(text(SigningKeys::PublicKeyPem))
                .col(timestamp_with_time_zone(SigningKeys::CreatedAt))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            SigningKeys::Table.into_iden(),
            PlatformStatus::Table.into_iden(),
            AuditEvents::Table.into_iden(),
            RefreshTokens::Table.into_iden(),
            Sessions::Table.into_iden(),
            TeamMembers::Table.into_iden(),
            Teams::Table.into_iden(),
            Memberships::Table.into_iden(),
            Users::Table.into_iden(),
            Organisations::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
