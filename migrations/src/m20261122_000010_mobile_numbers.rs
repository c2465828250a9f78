//! Mobile numbers and SMS codes (seed 002): a person's number and whether it
//! was proven (an SMS code came back), SMS as a second factor, invitations
//! that carry a number, an organisation's choice of activation proof (birth
//! date or SMS PIN), and the codes sent by SMS, stored hashed.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Mobile,
    MobileVerifiedAt,
    SmsSecondFactor,
}

#[derive(DeriveIden)]
enum Invitations {
    Table,
    Mobile,
}

#[derive(DeriveIden)]
enum Organisations {
    Table,
    ActivationProof,
}

#[derive(DeriveIden)]
enum SmsCodes {
    Table,
    Id,
    Purpose,
    Subject,
    Recipient,
    CodeHash,
    CreatedAt,
    ExpiresAt,
    UsedAt,
    Failures,
}

/// SQLite alters one column per statement.
async fn add(m: &SchemaManager<'_>, table: impl IntoIden, column: &mut ColumnDef) -> Result<(), DbErr> {
    m.alter_table(Table::alter().table(table).add_column(column).to_owned()).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // E.164: at most 15 digits and the plus.
        add(m, Users::Table, &mut string_len_null(Users::Mobile, 16)).await?;
        add(m, Users::Table, &mut timestamp_with_time_zone_null(Users::MobileVerifiedAt)).await?;
        add(m, Users::Table, boolean(Users::SmsSecondFactor).default(false)).await?;
        add(m, Invitations::Table, &mut string_len_null(Invitations::Mobile, 16)).await?;
        add(m, Organisations::Table, string_len(Organisations::ActivationProof, 20).default("birth_date"))
            .await?;
        m.create_table(
            Table::create()
                .table(SmsCodes::Table)
                .col(pk_uuid(SmsCodes::Id))
                // `activation`, `sign_in` or `verify_mobile`.
                .col(string_len(SmsCodes::Purpose, 20))
                // What the code is bound to: an invitation, a sign-in attempt, a person.
                .col(string_len(SmsCodes::Subject, 64))
                .col(string_len(SmsCodes::Recipient, 16))
                .col(string_len(SmsCodes::CodeHash, 64))
                .col(timestamp_with_time_zone(SmsCodes::CreatedAt))
                .col(timestamp_with_time_zone(SmsCodes::ExpiresAt))
                .col(timestamp_with_time_zone_null(SmsCodes::UsedAt))
                .col(integer(SmsCodes::Failures).default(0))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_sms_codes_subject")
                .table(SmsCodes::Table)
                .col(SmsCodes::Purpose)
                .col(SmsCodes::Subject)
                .to_owned(),
        )
        .await?;
        // The hourly cap per number counts recent codes to it.
        m.create_index(
            Index::create()
                .name("ix_sms_codes_recipient")
                .table(SmsCodes::Table)
                .col(SmsCodes::Recipient)
                .col(SmsCodes::CreatedAt)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(SmsCodes::Table).to_owned()).await?;
        m.alter_table(
            Table::alter().table(Organisations::Table).drop_column(Organisations::ActivationProof).to_owned(),
        )
        .await?;
        m.alter_table(Table::alter().table(Invitations::Table).drop_column(Invitations::Mobile).to_owned())
            .await?;
        for c in [Users::SmsSecondFactor, Users::MobileVerifiedAt, Users::Mobile] {
            m.alter_table(Table::alter().table(Users::Table).drop_column(c).to_owned()).await?;
        }
        Ok(())
    }
}
