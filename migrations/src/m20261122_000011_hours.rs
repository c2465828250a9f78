//! Hours: clients and hour types to write hours on, one timesheet per worker per
//! ISO week with its lines, history and correction requests, export batches, the
//! organisation's deadline settings, and the record of which reminders went out.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Memberships {
    Table,
    ContractMinutes,
}

#[derive(DeriveIden)]
enum Clients {
    Table,
    Id,
    OrganisationId,
    Name,
    Municipality,
    ClientNumber,
    Active,
    CreatedAt,
}

#[derive(DeriveIden)]
enum HourTypes {
    Table,
    Id,
    OrganisationId,
    Code,
    NameNl,
    NameEn,
    Position,
    Active,
}

#[derive(DeriveIden)]
enum HoursSettings {
    Table,
    OrganisationId,
    Enabled,
    DeadlineDay,
    DeadlineMinute,
    Reminders,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Timesheets {
    Table,
    Id,
    OrganisationId,
    UserId,
    WeekStart,
    Status,
    Late,
    Version,
    TotalMinutes,
    ContractMinutes,
    DeadlineAt,
    SignedAt,
    DecidedAt,
    DecidedBy,
    RejectionReason,
    ProcessedAt,
    ExportBatchId,
    CorrectionPending,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum TimesheetEntries {
    Table,
    Id,
    TimesheetId,
    OrganisationId,
    Day,
    ClientId,
    HourType,
    StartMinute,
    EndMinute,
    BreakMinutes,
    Minutes,
    Note,
    Source,
    ExternalId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum TimesheetEvents {
    Table,
    Id,
    TimesheetId,
    OrganisationId,
    At,
    ActorUserId,
    ActorName,
    Action,
    Reason,
}

#[derive(DeriveIden)]
enum HourCorrections {
    Table,
    Id,
    TimesheetId,
    OrganisationId,
    RequestedBy,
    RequestedAt,
    Reason,
    Entries,
    MinutesBefore,
    MinutesAfter,
    Status,
    DecidedBy,
    DecidedAt,
    DecisionReason,
}

#[derive(DeriveIden)]
enum HourExportBatches {
    Table,
    Id,
    OrganisationId,
    IdempotencyKey,
    CreatedAt,
    CreatedBy,
    TimesheetCount,
    TotalMinutes,
    FirstWeekStart,
    LastWeekStart,
}

#[derive(DeriveIden)]
enum HoursJobRuns {
    Table,
    OrganisationId,
    WeekStart,
    Kind,
    RanAt,
}

#[derive(DeriveIden)]
enum UserSettings {
    Table,
    UserId,
    Key,
    Value,
}

fn to_org<T: IntoIden>(table: T, col: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, col)
        .to(Organisations::Table, Organisations::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

fn index(name: &str, table: impl IntoIden, cols: Vec<DynIden>) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(name).table(table);
    for c in cols {
        i.col(c);
    }
    i.to_owned()
}

/// The columns of an index, in order.
macro_rules! cols {
    ($($c:expr),* $(,)?) => { vec![$($c.into_iden()),*] };
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // Contract hours per week, the yardstick for a week's total (issue 6 moves
        // this to employment periods; until then it lives on the membership).
        m.alter_table(
            Table::alter()
                .table(Memberships::Table)
                .add_column(integer_null(Memberships::ContractMinutes))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Clients::Table)
                .col(pk_uuid(Clients::Id))
                .col(uuid(Clients::OrganisationId))
                .col(string_len(Clients::Name, 200))
                .col(string_len_null(Clients::Municipality, 100))
                .col(string_len_null(Clients::ClientNumber, 40))
                .col(boolean(Clients::Active).default(true))
                .col(timestamp_with_time_zone(Clients::CreatedAt))
                .foreign_key(&mut to_org(Clients::Table, Clients::OrganisationId))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_clients_org_name",
            Clients::Table,
            cols![Clients::OrganisationId, Clients::Name, Clients::Id],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(HourTypes::Table)
                .col(pk_uuid(HourTypes::Id))
                .col(uuid(HourTypes::OrganisationId))
                .col(string_len(HourTypes::Code, 40))
                .col(string_len(HourTypes::NameNl, 100))
                .col(string_len(HourTypes::NameEn, 100))
                .col(integer(HourTypes::Position).default(0))
                .col(boolean(HourTypes::Active).default(true))
                .foreign_key(&mut to_org(HourTypes::Table, HourTypes::OrganisationId))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index(
                "ux_hour_types_org_code",
                HourTypes::Table,
                cols![HourTypes::OrganisationId, HourTypes::Code],
            )
            .unique()
            .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(HoursSettings::Table)
                .col(uuid(HoursSettings::OrganisationId).primary_key())
                .col(boolean(HoursSettings::Enabled).default(true))
                .col(integer(HoursSettings::DeadlineDay))
                .col(integer(HoursSettings::DeadlineMinute))
                // "day@minute" pairs, comma-separated, e.g. "4@900,7@420".
                .col(string_len(HoursSettings::Reminders, 100))
                .col(timestamp_with_time_zone(HoursSettings::UpdatedAt))
                .foreign_key(&mut to_org(HoursSettings::Table, HoursSettings::OrganisationId))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(HourExportBatches::Table)
                .col(pk_uuid(HourExportBatches::Id))
                .col(uuid(HourExportBatches::OrganisationId))
                .col(string_len(HourExportBatches::IdempotencyKey, 100))
                .col(timestamp_with_time_zone(HourExportBatches::CreatedAt))
                .col(string_len(HourExportBatches::CreatedBy, 200))
                .col(integer(HourExportBatches::TimesheetCount))
                .col(integer(HourExportBatches::TotalMinutes))
                .col(date_null(HourExportBatches::FirstWeekStart))
                .col(date_null(HourExportBatches::LastWeekStart))
                .foreign_key(&mut to_org(HourExportBatches::Table, HourExportBatches::OrganisationId))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index(
                "ux_hour_export_batches_key",
                HourExportBatches::Table,
                cols![HourExportBatches::OrganisationId, HourExportBatches::IdempotencyKey],
            )
            .unique()
            .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_hour_export_batches_org",
            HourExportBatches::Table,
            cols![HourExportBatches::OrganisationId, HourExportBatches::Id],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(Timesheets::Table)
                .col(pk_uuid(Timesheets::Id))
                .col(uuid(Timesheets::OrganisationId))
                .col(uuid(Timesheets::UserId))
                .col(date(Timesheets::WeekStart))
                .col(string_len(Timesheets::Status, 20))
                .col(boolean(Timesheets::Late).default(false))
                .col(integer(Timesheets::Version).default(0))
                .col(integer(Timesheets::TotalMinutes).default(0))
                .col(integer_null(Timesheets::ContractMinutes))
                .col(timestamp_with_time_zone(Timesheets::DeadlineAt))
                .col(timestamp_with_time_zone_null(Timesheets::SignedAt))
                .col(timestamp_with_time_zone_null(Timesheets::DecidedAt))
                .col(uuid_null(Timesheets::DecidedBy))
                .col(string_len_null(Timesheets::RejectionReason, 1000))
                .col(timestamp_with_time_zone_null(Timesheets::ProcessedAt))
                .col(uuid_null(Timesheets::ExportBatchId))
                .col(boolean(Timesheets::CorrectionPending).default(false))
                .col(timestamp_with_time_zone(Timesheets::CreatedAt))
                .col(timestamp_with_time_zone(Timesheets::UpdatedAt))
                .foreign_key(&mut to_org(Timesheets::Table, Timesheets::OrganisationId))
                .foreign_key(
                    ForeignKey::create()
                        .from(Timesheets::Table, Timesheets::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Timesheets::Table, Timesheets::ExportBatchId)
                        .to(HourExportBatches::Table, HourExportBatches::Id),
                )
                .to_owned(),
        )
        .await?;
        // One week per worker per organisation; also the worker's own list, newest first.
        m.create_index(
            index(
                "ux_timesheets_worker_week",
                Timesheets::Table,
                cols![Timesheets::UserId, Timesheets::OrganisationId, Timesheets::WeekStart],
            )
            .unique()
            .to_owned(),
        )
        .await?;
        // The approvers' list: status and period filters, newest week first.
        m.create_index(index(
            "ix_timesheets_org_status_week",
            Timesheets::Table,
            cols![Timesheets::OrganisationId, Timesheets::Status, Timesheets::WeekStart, Timesheets::Id],
        ))
        .await?;
        m.create_index(index(
            "ix_timesheets_org_week",
            Timesheets::Table,
            cols![Timesheets::OrganisationId, Timesheets::WeekStart, Timesheets::Id],
        ))
        .await?;
        // The deadline lock: open weeks not yet late, by deadline.
        m.create_index(index(
            "ix_timesheets_lock",
            Timesheets::Table,
            cols![Timesheets::Status, Timesheets::Late, Timesheets::DeadlineAt],
        ))
        .await?;
        m.create_index(index(
            "ix_timesheets_batch",
            Timesheets::Table,
            cols![Timesheets::ExportBatchId, Timesheets::Id],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(TimesheetEntries::Table)
                .col(pk_uuid(TimesheetEntries::Id))
                .col(uuid(TimesheetEntries::TimesheetId))
                .col(uuid(TimesheetEntries::OrganisationId))
                .col(date(TimesheetEntries::Day))
                .col(uuid_null(TimesheetEntries::ClientId))
                .col(string_len(TimesheetEntries::HourType, 40))
                .col(integer_null(TimesheetEntries::StartMinute))
                .col(integer_null(TimesheetEntries::EndMinute))
                .col(integer(TimesheetEntries::BreakMinutes).default(0))
                .col(integer(TimesheetEntries::Minutes))
                .col(string_len_null(TimesheetEntries::Note, 500))
                .col(string_len(TimesheetEntries::Source, 20))
                .col(string_len_null(TimesheetEntries::ExternalId, 100))
                .col(timestamp_with_time_zone(TimesheetEntries::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(TimesheetEntries::Table, TimesheetEntries::TimesheetId)
                        .to(Timesheets::Table, Timesheets::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(TimesheetEntries::Table, TimesheetEntries::ClientId)
                        .to(Clients::Table, Clients::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_timesheet_entries_sheet",
            TimesheetEntries::Table,
            cols![TimesheetEntries::TimesheetId, TimesheetEntries::Day, TimesheetEntries::StartMinute],
        ))
        .await?;
        m.create_index(index(
            "ix_timesheet_entries_client",
            TimesheetEntries::Table,
            cols![
                TimesheetEntries::OrganisationId,
                TimesheetEntries::ClientId,
                TimesheetEntries::TimesheetId
            ],
        ))
        .await?;
        // A planning system's line id, so pushing it again updates instead of duplicating.
        m.create_index(
            index(
                "ux_timesheet_entries_external",
                TimesheetEntries::Table,
                cols![TimesheetEntries::OrganisationId, TimesheetEntries::ExternalId],
            )
            .unique()
            .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(TimesheetEvents::Table)
                .col(pk_uuid(TimesheetEvents::Id))
                .col(uuid(TimesheetEvents::TimesheetId))
                .col(uuid(TimesheetEvents::OrganisationId))
                .col(timestamp_with_time_zone(TimesheetEvents::At))
                .col(uuid_null(TimesheetEvents::ActorUserId))
                .col(string_len_null(TimesheetEvents::ActorName, 200))
                .col(string_len(TimesheetEvents::Action, 40))
                .col(string_len_null(TimesheetEvents::Reason, 1000))
                .foreign_key(
                    ForeignKey::create()
                        .from(TimesheetEvents::Table, TimesheetEvents::TimesheetId)
                        .to(Timesheets::Table, Timesheets::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_timesheet_events_sheet",
            TimesheetEvents::Table,
            cols![TimesheetEvents::TimesheetId, TimesheetEvents::Id],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(HourCorrections::Table)
                .col(pk_uuid(HourCorrections::Id))
                .col(uuid(HourCorrections::TimesheetId))
                .col(uuid(HourCorrections::OrganisationId))
                .col(uuid(HourCorrections::RequestedBy))
                .col(timestamp_with_time_zone(HourCorrections::RequestedAt))
                .col(string_len(HourCorrections::Reason, 1000))
                // The proposed lines as JSON: a proposal, not hours, until accepted.
                .col(text(HourCorrections::Entries))
                .col(integer(HourCorrections::MinutesBefore))
                .col(integer(HourCorrections::MinutesAfter))
                .col(string_len(HourCorrections::Status, 20))
                .col(uuid_null(HourCorrections::DecidedBy))
                .col(timestamp_with_time_zone_null(HourCorrections::DecidedAt))
                .col(string_len_null(HourCorrections::DecisionReason, 1000))
                .foreign_key(
                    ForeignKey::create()
                        .from(HourCorrections::Table, HourCorrections::TimesheetId)
                        .to(Timesheets::Table, Timesheets::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_hour_corrections_org_status",
            HourCorrections::Table,
            cols![HourCorrections::OrganisationId, HourCorrections::Status, HourCorrections::Id],
        ))
        .await?;
        m.create_index(index(
            "ix_hour_corrections_sheet",
            HourCorrections::Table,
            cols![HourCorrections::TimesheetId, HourCorrections::Id],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(HoursJobRuns::Table)
                .col(uuid(HoursJobRuns::OrganisationId))
                .col(date(HoursJobRuns::WeekStart))
                .col(string_len(HoursJobRuns::Kind, 40))
                .col(timestamp_with_time_zone(HoursJobRuns::RanAt))
                .primary_key(
                    Index::create()
                        .col(HoursJobRuns::OrganisationId)
                        .col(HoursJobRuns::WeekStart)
                        .col(HoursJobRuns::Kind),
                )
                .foreign_key(&mut to_org(HoursJobRuns::Table, HoursJobRuns::OrganisationId))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(UserSettings::Table)
                .col(uuid(UserSettings::UserId))
                .col(string_len(UserSettings::Key, 60))
                .col(string_len(UserSettings::Value, 2000))
                .primary_key(Index::create().col(UserSettings::UserId).col(UserSettings::Key))
                .foreign_key(
                    ForeignKey::create()
                        .from(UserSettings::Table, UserSettings::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            UserSettings::Table.into_iden(),
            HoursJobRuns::Table.into_iden(),
            HourCorrections::Table.into_iden(),
            TimesheetEvents::Table.into_iden(),
            TimesheetEntries::Table.into_iden(),
            Timesheets::Table.into_iden(),
            HourExportBatches::Table.into_iden(),
            HoursSettings::Table.into_iden(),
            HourTypes::Table.into_iden(),
            Clients::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        m.alter_table(
            Table::alter().table(Memberships::Table).drop_column(Memberships::ContractMinutes).to_owned(),
        )
        .await
    }
}
