//! Absence: the case file under the Wet verbetering poortwachter. A case has its
//! sick spells (relapses within 28 days continue the clock), recovery steps, the
//! planned activities (materialised so lists filter and sort in SQL), documents
//! with a visibility per audience, a timeline, the physician's employer-visible
//! statements and — in a table of their own, behind endpoints of their own — the
//! physician's medical notes. There is no diagnosis column anywhere, by design.

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
enum AbsenceCases {
    Table,
    Id,
    OrganisationId,
    UserId,
    CaseNumber,
    Status,
    FirstSickDay,
    HoursWorkedMinutes,
    IncapacityPercent,
    RecoveredOn,
    OutOfEmploymentOn,
    ContactPhone,
    ContactAddress,
    ExpectedDuration,
    OngoingWork,
    SafetyNet,
    WorkAccident,
    ThirdPartyLiable,
    LabourConflict,
    ReportedBy,
    ReportedAt,
    Version,
    CreatedAt,
    UpdatedAt,
    EndedOn,
    AnonymisedAt,
}

#[derive(DeriveIden)]
enum AbsenceSpells {
    Table,
    Id,
    CaseId,
    FirstDay,
    RecoveredOn,
    HoursWorkedMinutes,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AbsenceRecoveries {
    Table,
    Id,
    CaseId,
    FromDate,
    Percent,
    ReportedBy,
    ReportedAt,
}

#[derive(DeriveIden)]
enum AbsenceActivities {
    Table,
    Id,
    CaseId,
    OrganisationId,
    Key,
    Kind,
    Owner,
    Title,
    WindowFrom,
    DueOn,
    State,
    DoneOn,
    DoneBy,
    DoneByName,
    Custom,
    NotifiedDue,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AbsenceDocuments {
    Table,
    Id,
    CaseId,
    OrganisationId,
    Kind,
    Title,
    FileName,
    ContentType,
    SizeBytes,
    Sha256,
    StorageKey,
    VisibleEmployee,
    VisibleEmployer,
    UploadedBy,
    UploadedByName,
    UploadedAt,
}

#[derive(DeriveIden)]
enum AbsenceEvents {
    Table,
    Id,
    CaseId,
    At,
    ActorUserId,
    ActorName,
    Action,
    Detail,
}

#[derive(DeriveIden)]
enum AbsenceStatements {
    Table,
    Id,
    CaseId,
    FunctionalLimitations,
    RemainingCapacity,
    ExpectedDuration,
    Advice,
    AuthorId,
    AuthorName,
    CreatedAt,
}

#[derive(DeriveIden)]
enum MedicalNotes {
    Table,
    Id,
    CaseId,
    AuthorId,
    AuthorName,
    Body,
    CreatedAt,
}

fn index(name: &str, table: impl IntoIden, cols: Vec<DynIden>) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(name).table(table);
    for c in cols {
        i.col(c);
    }
    i.to_owned()
}

macro_rules! cols {
    ($($c:expr),* $(,)?) => { vec![$($c.into_iden()),*] };
}

fn to_case<T: IntoIden>(table: T, col: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, col)
        .to(AbsenceCases::Table, AbsenceCases::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(AbsenceCases::Table)
                .col(pk_uuid(AbsenceCases::Id))
                .col(uuid(AbsenceCases::OrganisationId))
                // Null once the retention job has anonymised the case.
                .col(uuid_null(AbsenceCases::UserId))
                .col(string_len(AbsenceCases::CaseNumber, 20))
                .col(string_len(AbsenceCases::Status, 20))
                .col(date(AbsenceCases::FirstSickDay))
                .col(integer_null(AbsenceCases::HoursWorkedMinutes))
                .col(integer(AbsenceCases::IncapacityPercent).default(100))
                .col(date_null(AbsenceCases::RecoveredOn))
                .col(date_null(AbsenceCases::OutOfEmploymentOn))
                // What the Dutch DPA allows an employer to record, and nothing else.
                .col(string_len_null(AbsenceCases::ContactPhone, 40))
                .col(string_len_null(AbsenceCases::ContactAddress, 300))
                .col(string_len_null(AbsenceCases::ExpectedDuration, 30))
                .col(string_len_null(AbsenceCases::OngoingWork, 1000))
                .col(boolean_null(AbsenceCases::SafetyNet))
                .col(boolean_null(AbsenceCases::WorkAccident))
                .col(boolean_null(AbsenceCases::ThirdPartyLiable))
                .col(boolean_null(AbsenceCases::LabourConflict))
                .col(uuid(AbsenceCases::ReportedBy))
                .col(timestamp_with_time_zone(AbsenceCases::ReportedAt))
                .col(integer(AbsenceCases::Version).default(0))
                .col(timestamp_with_time_zone(AbsenceCases::CreatedAt))
                .col(timestamp_with_time_zone(AbsenceCases::UpdatedAt))
                // The day the case ended (full recovery or out of employment): retention counts from it.
                .col(date_null(AbsenceCases::EndedOn))
                .col(timestamp_with_time_zone_null(AbsenceCases::AnonymisedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(AbsenceCases::Table, AbsenceCases::OrganisationId)
                        .to(Organisations::Table, Organisations::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(AbsenceCases::Table, AbsenceCases::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            index(
                "ux_absence_cases_number",
                AbsenceCases::Table,
                cols![AbsenceCases::OrganisationId, AbsenceCases::CaseNumber],
            )
            .unique()
            .to_owned(),
        )
        .await?;
        // The case list: status filter, newest first.
        m.create_index(index(
            "ix_absence_cases_org_status",
            AbsenceCases::Table,
            cols![
                AbsenceCases::OrganisationId,
                AbsenceCases::Status,
                AbsenceCases::FirstSickDay,
                AbsenceCases::Id
            ],
        ))
        .await?;
        m.create_index(index(
            "ix_absence_cases_org_first_day",
            AbsenceCases::Table,
            cols![AbsenceCases::OrganisationId, AbsenceCases::FirstSickDay, AbsenceCases::Id],
        ))
        .await?;
        // One open case per person; the employee's own list.
        m.create_index(index(
            "ix_absence_cases_user",
            AbsenceCases::Table,
            cols![AbsenceCases::UserId, AbsenceCases::OrganisationId, AbsenceCases::FirstSickDay],
        ))
        .await?;
        m.create_index(index(
            "ix_absence_cases_retention",
            AbsenceCases::Table,
            cols![AbsenceCases::AnonymisedAt, AbsenceCases::EndedOn],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(AbsenceSpells::Table)
                .col(pk_uuid(AbsenceSpells::Id))
                .col(uuid(AbsenceSpells::CaseId))
                .col(date(AbsenceSpells::FirstDay))
                .col(date_null(AbsenceSpells::RecoveredOn))
                .col(integer_null(AbsenceSpells::HoursWorkedMinutes))
                .col(timestamp_with_time_zone(AbsenceSpells::CreatedAt))
                .foreign_key(&mut to_case(AbsenceSpells::Table, AbsenceSpells::CaseId))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_absence_spells_case",
            AbsenceSpells::Table,
            cols![AbsenceSpells::CaseId, AbsenceSpells::FirstDay],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(AbsenceRecoveries::Table)
                .col(pk_uuid(AbsenceRecoveries::Id))
                .col(uuid(AbsenceRecoveries::CaseId))
                .col(date(AbsenceRecoveries::FromDate))
                .col(integer(AbsenceRecoveries::Percent))
                .col(uuid(AbsenceRecoveries::ReportedBy))
                .col(timestamp_with_time_zone(AbsenceRecoveries::ReportedAt))
                .foreign_key(&mut to_case(AbsenceRecoveries::Table, AbsenceRecoveries::CaseId))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_absence_recoveries_case",
            AbsenceRecoveries::Table,
            cols![AbsenceRecoveries::CaseId, AbsenceRecoveries::FromDate],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(AbsenceActivities::Table)
                .col(pk_uuid(AbsenceActivities::Id))
                .col(uuid(AbsenceActivities::CaseId))
                .col(uuid(AbsenceActivities::OrganisationId))
                .col(string_len(AbsenceActivities::Key, 60))
                .col(string_len(AbsenceActivities::Kind, 40))
                .col(string_len(AbsenceActivities::Owner, 40))
                .col(string_len_null(AbsenceActivities::Title, 200))
                .col(date_null(AbsenceActivities::WindowFrom))
                .col(date(AbsenceActivities::DueOn))
                // open | done | closed; "overdue" is open with due_on before today.
                .col(string_len(AbsenceActivities::State, 20))
                .col(date_null(AbsenceActivities::DoneOn))
                .col(uuid_null(AbsenceActivities::DoneBy))
                .col(string_len_null(AbsenceActivities::DoneByName, 200))
                .col(boolean(AbsenceActivities::Custom).default(false))
                .col(boolean(AbsenceActivities::NotifiedDue).default(false))
                .col(uuid_null(AbsenceActivities::CreatedBy))
                .col(timestamp_with_time_zone(AbsenceActivities::CreatedAt))
                .foreign_key(&mut to_case(AbsenceActivities::Table, AbsenceActivities::CaseId))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index(
                "ux_absence_activities_case_key",
                AbsenceActivities::Table,
                cols![AbsenceActivities::CaseId, AbsenceActivities::Key],
            )
            .unique()
            .to_owned(),
        )
        .await?;
        // The dossier view (seed 004): done or to do, by due date, per organisation.
        m.create_index(index(
            "ix_absence_activities_org_state_due",
            AbsenceActivities::Table,
            cols![
                AbsenceActivities::OrganisationId,
                AbsenceActivities::State,
                AbsenceActivities::DueOn,
                AbsenceActivities::Id
            ],
        ))
        .await?;
        m.create_index(index(
            "ix_absence_activities_org_due",
            AbsenceActivities::Table,
            cols![AbsenceActivities::OrganisationId, AbsenceActivities::DueOn, AbsenceActivities::Id],
        ))
        .await?;
        // The "a step falls due" notifier.
        m.create_index(index(
            "ix_absence_activities_due_notice",
            AbsenceActivities::Table,
            cols![AbsenceActivities::State, AbsenceActivities::NotifiedDue, AbsenceActivities::DueOn],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(AbsenceDocuments::Table)
                .col(pk_uuid(AbsenceDocuments::Id))
                .col(uuid(AbsenceDocuments::CaseId))
                .col(uuid(AbsenceDocuments::OrganisationId))
                .col(string_len(AbsenceDocuments::Kind, 40))
                .col(string_len(AbsenceDocuments::Title, 200))
                .col(string_len(AbsenceDocuments::FileName, 200))
                .col(string_len(AbsenceDocuments::ContentType, 100))
                .col(big_integer(AbsenceDocuments::SizeBytes))
                .col(string_len(AbsenceDocuments::Sha256, 64))
                .col(string_len(AbsenceDocuments::StorageKey, 100))
                .col(boolean(AbsenceDocuments::VisibleEmployee).default(false))
                .col(boolean(AbsenceDocuments::VisibleEmployer).default(false))
                .col(uuid(AbsenceDocuments::UploadedBy))
                .col(string_len(AbsenceDocuments::UploadedByName, 200))
                .col(timestamp_with_time_zone(AbsenceDocuments::UploadedAt))
                .foreign_key(&mut to_case(AbsenceDocuments::Table, AbsenceDocuments::CaseId))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_absence_documents_case",
            AbsenceDocuments::Table,
            cols![AbsenceDocuments::CaseId, AbsenceDocuments::UploadedAt],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(AbsenceEvents::Table)
                .col(pk_uuid(AbsenceEvents::Id))
                .col(uuid(AbsenceEvents::CaseId))
                .col(timestamp_with_time_zone(AbsenceEvents::At))
                .col(uuid_null(AbsenceEvents::ActorUserId))
                .col(string_len(AbsenceEvents::ActorName, 200))
                .col(string_len(AbsenceEvents::Action, 40))
                // Dates, percentages and titles only: never medical content.
                .col(string_len_null(AbsenceEvents::Detail, 300))
                .foreign_key(&mut to_case(AbsenceEvents::Table, AbsenceEvents::CaseId))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_absence_events_case",
            AbsenceEvents::Table,
            cols![AbsenceEvents::CaseId, AbsenceEvents::At],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(AbsenceStatements::Table)
                .col(pk_uuid(AbsenceStatements::Id))
                .col(uuid(AbsenceStatements::CaseId))
                .col(string_len(AbsenceStatements::FunctionalLimitations, 2000))
                .col(string_len(AbsenceStatements::RemainingCapacity, 2000))
                .col(string_len_null(AbsenceStatements::ExpectedDuration, 30))
                .col(string_len(AbsenceStatements::Advice, 2000))
                .col(uuid(AbsenceStatements::AuthorId))
                .col(string_len(AbsenceStatements::AuthorName, 200))
                .col(timestamp_with_time_zone(AbsenceStatements::CreatedAt))
                .foreign_key(&mut to_case(AbsenceStatements::Table, AbsenceStatements::CaseId))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_absence_statements_case",
            AbsenceStatements::Table,
            cols![AbsenceStatements::CaseId, AbsenceStatements::CreatedAt],
        ))
        .await?;

        // Medical notes: only the occupational physician reads or writes these.
        m.create_table(
            Table::create()
                .table(MedicalNotes::Table)
                .col(pk_uuid(MedicalNotes::Id))
                .col(uuid(MedicalNotes::CaseId))
                .col(uuid(MedicalNotes::AuthorId))
                .col(string_len(MedicalNotes::AuthorName, 200))
                .col(text(MedicalNotes::Body))
                .col(timestamp_with_time_zone(MedicalNotes::CreatedAt))
                .foreign_key(&mut to_case(MedicalNotes::Table, MedicalNotes::CaseId))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_medical_notes_case",
            MedicalNotes::Table,
            cols![MedicalNotes::CaseId, MedicalNotes::CreatedAt],
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            MedicalNotes::Table.into_iden(),
            AbsenceStatements::Table.into_iden(),
            AbsenceEvents::Table.into_iden(),
            AbsenceDocuments::Table.into_iden(),
            AbsenceActivities::Table.into_iden(),
            AbsenceRecoveries::Table.into_iden(),
            AbsenceSpells::Table.into_iden(),
            AbsenceCases::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
