//! The second factor: authenticator apps (TOTP), recovery codes, sign-in
//! challenges between password and code, and browsers remembered for 30 days.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum TotpFactors {
    Table,
    UserId,
    SecretCiphertext,
    CreatedAt,
    ConfirmedAt,
    LastStep,
}

#[derive(DeriveIden)]
enum RecoveryCodes {
    Table,
    CodeHash,
    UserId,
    CreatedAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum SignInChallenges {
    Table,
    TokenHash,
    UserId,
    OrganisationId,
    CreatedAt,
    ExpiresAt,
    Failures,
}

#[derive(DeriveIden)]
enum RememberedDevices {
    Table,
    TokenHash,
    UserId,
    CreatedAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

fn user_fk(table: impl IntoIden, col: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, col)
        .to(Users::Table, Users::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(TotpFactors::Table)
                .col(uuid(TotpFactors::UserId).primary_key())
                // Encrypted with the server's data key; never stored in the clear.
                .col(text(TotpFactors::SecretCiphertext))
                .col(timestamp_with_time_zone(TotpFactors::CreatedAt))
                .col(timestamp_with_time_zone_null(TotpFactors::ConfirmedAt))
                // The last accepted 30-second step: a code is never accepted twice.
                .col(big_integer_null(TotpFactors::LastStep))
                .foreign_key(&mut user_fk(TotpFactors::Table, TotpFactors::UserId))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(RecoveryCodes::Table)
                .col(string_len(RecoveryCodes::CodeHash, 64).primary_key())
                .col(uuid(RecoveryCodes::UserId))
                .col(timestamp_with_time_zone(RecoveryCodes::CreatedAt))
                .col(timestamp_with_time_zone_null(RecoveryCodes::UsedAt))
                .foreign_key(&mut user_fk(RecoveryCodes::Table, RecoveryCodes::UserId))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_recovery_codes_user")
                .table(RecoveryCodes::Table)
                .col(RecoveryCodes::UserId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(SignInChallenges::Table)
                .col(string_len(SignInChallenges::TokenHash, 64).primary_key())
                .col(uuid(SignInChallenges::UserId))
                .col(uuid(SignInChallenges::OrganisationId))
                .col(timestamp_with_time_zone(SignInChallenges::CreatedAt))
                .col(timestamp_with_time_zone(SignInChallenges::ExpiresAt))
                .col(integer(SignInChallenges::Failures).default(0))
                .foreign_key(&mut user_fk(SignInChallenges::Table, SignInChallenges::UserId))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(RememberedDevices::Table)
                .col(string_len(RememberedDevices::TokenHash, 64).primary_key())
                .col(uuid(RememberedDevices::UserId))
                .col(timestamp_with_time_zone(RememberedDevices::CreatedAt))
                .col(timestamp_with_time_zone(RememberedDevices::ExpiresAt))
                .foreign_key(&mut user_fk(RememberedDevices::Table, RememberedDevices::UserId))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_remembered_devices_user")
                .table(RememberedDevices::Table)
                .col(RememberedDevices::UserId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            RememberedDevices::Table.into_iden(),
            SignInChallenges::Table.into_iden(),
            RecoveryCodes::Table.into_iden(),
            TotpFactors::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
