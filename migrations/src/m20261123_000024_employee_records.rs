//! Employee records and self-service (issue 6): the record per employee membership with
//! encrypted BSN/IBAN/ID number (a keyed digest makes "one BSN per organisation" a unique
//! index without storing the number in the clear), employment periods, the record's change
//! log (also what payroll pulls), change requests, personal documents, payslips, accruals,
//! payments, placements, agency phases, contracts with their audit trail, news and the
//! recently viewed items of the dashboard.
//!
//! Every list has an index that starts with its tenant or person and ends with the keyset
//! order (`…, id`).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum EmployeeRecords {
    Table,
    Id,
    OrganisationId,
    MembershipId,
    UserId,
    PersonnelNumber,
    FirstName,
    Infix,
    LastName,
    SortName,
    BirthDate,
    Street,
    HouseNumber,
    Postcode,
    City,
    Country,
    Phone,
    EmergencyPhone,
    BsnSealed,
    BsnDigest,
    BsnTail,
    IbanSealed,
    IbanCountry,
    IbanTail,
    TaxCredit,
    IdKind,
    IdNumberSealed,
    IdNumberTail,
    IdExpiresOn,
    Department,
    ReviewedYear,
    ReviewedAt,
    ReviewedBy,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum EmploymentPeriods {
    Table,
    Id,
    RecordId,
    OrganisationId,
    StartsOn,
    EndsOn,
    ContractMinutes,
    FullTimeMinutes,
    JobTitle,
}

#[derive(DeriveIden)]
enum EmployeeRecordEvents {
    Table,
    Id,
    OrganisationId,
    RecordId,
    At,
    ActorUserId,
    ActorName,
    Action,
    Fields,
}

#[derive(DeriveIden)]
enum EmployeeChangeRequests {
    Table,
    Id,
    OrganisationId,
    RecordId,
    RequestedBy,
    Field,
    OldValue,
    NewValue,
    EffectiveOn,
    Reason,
    Status,
    RequestedAt,
    DecidedBy,
    DecidedByName,
    DecidedAt,
    DecisionNote,
}

#[derive(DeriveIden)]
enum PersonDocuments {
    Table,
    Id,
    OrganisationId,
    UserId,
    Kind,
    Title,
    PeriodStart,
    PeriodEnd,
    FileName,
    ContentType,
    SizeBytes,
    Sha256,
    StorageKey,
    StorageBackend,
    VisibleEmployee,
    VisibleEmployer,
    UploadedBy,
    UploadedByName,
    UploadedAt,
    ReadAt,
}

#[derive(DeriveIden)]
enum Payslips {
    Table,
    Id,
    OrganisationId,
    UserId,
    Kind,
    Year,
    PeriodKind,
    Period,
    PayDate,
    GrossCents,
    NetCents,
    TaxCents,
    DocumentId,
    ExternalId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Accruals {
    Table,
    Id,
    OrganisationId,
    UserId,
    Kind,
    Label,
    AsOf,
    BuiltUp,
    Taken,
    Balance,
    ExternalId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Payments {
    Table,
    Id,
    OrganisationId,
    UserId,
    PaidOn,
    AmountCents,
    Description,
    IbanTail,
    ExternalId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Placements {
    Table,
    Id,
    OrganisationId,
    UserId,
    Hirer,
    Function,
    StartsOn,
    EndsOn,
    MinutesPerWeek,
    CostCentre,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum AgencyPhases {
    Table,
    Id,
    OrganisationId,
    UserId,
    Phase,
    StartedOn,
    ContractsInPhase,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Contracts {
    Table,
    Id,
    OrganisationId,
    UserId,
    Title,
    DocumentId,
    DocumentSha256,
    SignBy,
    CreatedBy,
    CreatedAt,
    WithdrawnAt,
    SignedAt,
    SignedTypedName,
    SignedSha256,
    SignedSecondFactor,
    SignedIp,
    SignedUserAgent,
}

#[derive(DeriveIden)]
enum ContractEvents {
    Table,
    Id,
    ContractId,
    OrganisationId,
    At,
    Action,
    ActorUserId,
    ActorName,
    Ip,
    UserAgent,
    Detail,
}

#[derive(DeriveIden)]
enum NewsItems {
    Table,
    Id,
    OrganisationId,
    Title,
    Body,
    Audience,
    PublishedAt,
    AuthorUserId,
    AuthorName,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum RecentViews {
    Table,
    UserId,
    OrganisationId,
    Link,
    Title,
    ViewedAt,
}

fn index(name: &str, table: impl IntoIden, cols: Vec<DynIden>, unique: bool) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(name).table(table);
    for c in cols {
        i.col(c);
    }
    if unique {
        i.unique();
    }
    i.to_owned()
}

fn to_org<T: IntoIden>(table: T, col: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, col)
        .to(Organisations::Table, Organisations::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

macro_rules! cols {
    ($($c:expr),+ $(,)?) => { vec![$($c.into_iden()),+] };
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use EmployeeRecords as R;
        m.create_table(
            Table::create()
                .table(R::Table)
                .col(uuid(R::Id).primary_key())
                .col(uuid(R::OrganisationId))
                .col(uuid(R::MembershipId))
                .col(uuid(R::UserId))
                .col(string_len(R::PersonnelNumber, 30))
                .col(string_len(R::FirstName, 100))
                .col(string_len_null(R::Infix, 20))
                .col(string_len(R::LastName, 100))
                // Lower-case "last name, first name infix": the list's order and its search.
                .col(string_len(R::SortName, 240))
                .col(date_null(R::BirthDate))
                .col(string_len_null(R::Street, 120))
                .col(string_len_null(R::HouseNumber, 20))
                .col(string_len_null(R::Postcode, 10))
                .col(string_len_null(R::City, 80))
                .col(string_len_null(R::Country, 2))
                .col(string_len_null(R::Phone, 30))
                .col(string_len_null(R::EmergencyPhone, 30))
                .col(text_null(R::BsnSealed))
                .col(string_len_null(R::BsnDigest, 64))
                .col(string_len_null(R::BsnTail, 3))
                .col(text_null(R::IbanSealed))
                .col(string_len_null(R::IbanCountry, 2))
                .col(string_len_null(R::IbanTail, 4))
                .col(boolean(R::TaxCredit).default(false))
                .col(string_len_null(R::IdKind, 30))
                .col(text_null(R::IdNumberSealed))
                .col(string_len_null(R::IdNumberTail, 3))
                .col(date_null(R::IdExpiresOn))
                .col(string_len_null(R::Department, 100))
                .col(integer_null(R::ReviewedYear))
                .col(timestamp_with_time_zone_null(R::ReviewedAt))
                .col(uuid_null(R::ReviewedBy))
                .col(integer(R::Version).default(1))
                .col(timestamp_with_time_zone(R::CreatedAt))
                .col(timestamp_with_time_zone(R::UpdatedAt))
                .foreign_key(&mut to_org(R::Table, R::OrganisationId))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ux_employee_records_membership", R::Table, cols![R::MembershipId], true))
            .await?;
        m.create_index(index(
            "ux_employee_records_personnel_number",
            R::Table,
            cols![R::OrganisationId, R::PersonnelNumber],
            true,
        ))
        .await?;
        m.create_index(index(
            "ux_employee_records_bsn",
            R::Table,
            cols![R::OrganisationId, R::BsnDigest],
            true,
        ))
        .await?;
        m.create_index(index(
            "ix_employee_records_list",
            R::Table,
            cols![R::OrganisationId, R::SortName, R::Id],
            false,
        ))
        .await?;
        m.create_index(index("ix_employee_records_user", R::Table, cols![R::UserId], false)).await?;

        use EmploymentPeriods as P;
        m.create_table(
            Table::create()
                .table(P::Table)
                .col(uuid(P::Id).primary_key())
                .col(uuid(P::RecordId))
                .col(uuid(P::OrganisationId))
                .col(date(P::StartsOn))
                .col(date_null(P::EndsOn))
                .col(integer(P::ContractMinutes))
                .col(integer(P::FullTimeMinutes))
                .col(string_len_null(P::JobTitle, 100))
                .foreign_key(
                    ForeignKey::create()
                        .from(P::Table, P::RecordId)
                        .to(R::Table, R::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_employment_periods_record",
            P::Table,
            cols![P::RecordId, P::StartsOn],
            false,
        ))
        .await?;
        // The statistics (issue 7) read every period overlapping a range per organisation.
        m.create_index(index(
            "ix_employment_periods_org",
            P::Table,
            cols![P::OrganisationId, P::StartsOn],
            false,
        ))
        .await?;

        use EmployeeRecordEvents as E;
        m.create_table(
            Table::create()
                .table(E::Table)
                .col(uuid(E::Id).primary_key())
                .col(uuid(E::OrganisationId))
                .col(uuid(E::RecordId))
                .col(timestamp_with_time_zone(E::At))
                .col(uuid_null(E::ActorUserId))
                .col(string_len(E::ActorName, 200))
                .col(string_len(E::Action, 40))
                .col(string_len(E::Fields, 1000).default(""))
                .foreign_key(&mut to_org(E::Table, E::OrganisationId))
                .to_owned(),
        )
        .await?;
        // Payroll pulls "changes since" by id (UUIDv7 grows with time).
        m.create_index(index(
            "ix_employee_record_events_org",
            E::Table,
            cols![E::OrganisationId, E::Id],
            false,
        ))
        .await?;
        m.create_index(index("ix_employee_record_events_record", E::Table, cols![E::RecordId, E::Id], false))
            .await?;

        use EmployeeChangeRequests as C;
        m.create_table(
            Table::create()
                .table(C::Table)
                .col(uuid(C::Id).primary_key())
                .col(uuid(C::OrganisationId))
                .col(uuid(C::RecordId))
                .col(uuid(C::RequestedBy))
                .col(string_len(C::Field, 30))
                .col(string_len(C::OldValue, 200))
                .col(string_len(C::NewValue, 200))
                .col(date(C::EffectiveOn))
                .col(string_len_null(C::Reason, 500))
                .col(string_len(C::Status, 20))
                .col(timestamp_with_time_zone(C::RequestedAt))
                .col(uuid_null(C::DecidedBy))
                .col(string_len_null(C::DecidedByName, 200))
                .col(timestamp_with_time_zone_null(C::DecidedAt))
                .col(string_len_null(C::DecisionNote, 500))
                .foreign_key(
                    ForeignKey::create()
                        .from(C::Table, C::RecordId)
                        .to(R::Table, R::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_change_requests_org",
            C::Table,
            cols![C::OrganisationId, C::Status, C::RequestedAt, C::Id],
            false,
        ))
        .await?;
        m.create_index(index(
            "ix_change_requests_record",
            C::Table,
            cols![C::RecordId, C::RequestedAt],
            false,
        ))
        .await?;

        use PersonDocuments as D;
        m.create_table(
            Table::create()
                .table(D::Table)
                .col(uuid(D::Id).primary_key())
                .col(uuid(D::OrganisationId))
                .col(uuid(D::UserId))
                .col(string_len(D::Kind, 30))
                .col(string_len(D::Title, 200))
                .col(date_null(D::PeriodStart))
                .col(date_null(D::PeriodEnd))
                .col(string_len(D::FileName, 200))
                .col(string_len(D::ContentType, 100))
                .col(big_integer(D::SizeBytes))
                .col(string_len(D::Sha256, 64))
                .col(string_len(D::StorageKey, 64))
                .col(string_len(D::StorageBackend, 10).default("local"))
                .col(boolean(D::VisibleEmployee))
                .col(boolean(D::VisibleEmployer))
                .col(uuid_null(D::UploadedBy))
                .col(string_len(D::UploadedByName, 200))
                .col(timestamp_with_time_zone(D::UploadedAt))
                .col(timestamp_with_time_zone_null(D::ReadAt))
                .foreign_key(&mut to_org(D::Table, D::OrganisationId))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_person_documents_org",
            D::Table,
            cols![D::OrganisationId, D::UploadedAt, D::Id],
            false,
        ))
        .await?;
        m.create_index(index(
            "ix_person_documents_person",
            D::Table,
            cols![D::OrganisationId, D::UserId, D::UploadedAt, D::Id],
            false,
        ))
        .await?;

        use Payslips as S;
        m.create_table(
            Table::create()
                .table(S::Table)
                .col(uuid(S::Id).primary_key())
                .col(uuid(S::OrganisationId))
                .col(uuid(S::UserId))
                .col(string_len(S::Kind, 20))
                .col(integer(S::Year))
                .col(string_len(S::PeriodKind, 12))
                .col(integer(S::Period))
                .col(date_null(S::PayDate))
                .col(big_integer(S::GrossCents))
                .col(big_integer(S::NetCents))
                .col(big_integer(S::TaxCents))
                .col(uuid(S::DocumentId))
                .col(string_len_null(S::ExternalId, 100))
                .col(timestamp_with_time_zone(S::CreatedAt))
                .foreign_key(&mut to_org(S::Table, S::OrganisationId))
                .foreign_key(
                    ForeignKey::create()
                        .from(S::Table, S::DocumentId)
                        .to(D::Table, D::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ux_payslips_external",
            S::Table,
            cols![S::OrganisationId, S::ExternalId],
            true,
        ))
        .await?;
        m.create_index(index(
            "ix_payslips_person",
            S::Table,
            cols![S::OrganisationId, S::UserId, S::Year, S::Period, S::Id],
            false,
        ))
        .await?;

        use Accruals as A;
        m.create_table(
            Table::create()
                .table(A::Table)
                .col(uuid(A::Id).primary_key())
                .col(uuid(A::OrganisationId))
                .col(uuid(A::UserId))
                .col(string_len(A::Kind, 20))
                .col(string_len(A::Label, 100))
                .col(date(A::AsOf))
                .col(big_integer(A::BuiltUp))
                .col(big_integer(A::Taken))
                .col(big_integer(A::Balance))
                .col(string_len_null(A::ExternalId, 100))
                .col(timestamp_with_time_zone(A::CreatedAt))
                .foreign_key(&mut to_org(A::Table, A::OrganisationId))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ux_accruals_external",
            A::Table,
            cols![A::OrganisationId, A::ExternalId],
            true,
        ))
        .await?;
        m.create_index(index(
            "ix_accruals_person",
            A::Table,
            cols![A::OrganisationId, A::UserId, A::Kind, A::AsOf],
            false,
        ))
        .await?;

        use Payments as Y;
        m.create_table(
            Table::create()
                .table(Y::Table)
                .col(uuid(Y::Id).primary_key())
                .col(uuid(Y::OrganisationId))
                .col(uuid(Y::UserId))
                .col(date(Y::PaidOn))
                .col(big_integer(Y::AmountCents))
                .col(string_len(Y::Description, 200))
                .col(string_len_null(Y::IbanTail, 4))
                .col(string_len_null(Y::ExternalId, 100))
                .col(timestamp_with_time_zone(Y::CreatedAt))
                .foreign_key(&mut to_org(Y::Table, Y::OrganisationId))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ux_payments_external",
            Y::Table,
            cols![Y::OrganisationId, Y::ExternalId],
            true,
        ))
        .await?;
        m.create_index(index(
            "ix_payments_person",
            Y::Table,
            cols![Y::OrganisationId, Y::UserId, Y::PaidOn, Y::Id],
            false,
        ))
        .await?;

        use Placements as L;
        m.create_table(
            Table::create()
                .table(L::Table)
                .col(uuid(L::Id).primary_key())
                .col(uuid(L::OrganisationId))
                .col(uuid(L::UserId))
                .col(string_len(L::Hirer, 200))
                .col(string_len(L::Function, 100))
                .col(date(L::StartsOn))
                .col(date_null(L::EndsOn))
                .col(integer(L::MinutesPerWeek))
                .col(string_len_null(L::CostCentre, 40))
                .col(timestamp_with_time_zone(L::CreatedAt))
                .col(timestamp_with_time_zone(L::UpdatedAt))
                .foreign_key(&mut to_org(L::Table, L::OrganisationId))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_placements_org",
            L::Table,
            cols![L::OrganisationId, L::StartsOn, L::Id],
            false,
        ))
        .await?;
        m.create_index(index(
            "ix_placements_person",
            L::Table,
            cols![L::OrganisationId, L::UserId, L::StartsOn],
            false,
        ))
        .await?;

        use AgencyPhases as F;
        m.create_table(
            Table::create()
                .table(F::Table)
                .col(uuid(F::Id).primary_key())
                .col(uuid(F::OrganisationId))
                .col(uuid(F::UserId))
                .col(string_len(F::Phase, 2))
                .col(date(F::StartedOn))
                .col(integer(F::ContractsInPhase).default(0))
                .col(timestamp_with_time_zone(F::UpdatedAt))
                .foreign_key(&mut to_org(F::Table, F::OrganisationId))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ux_agency_phases_person", F::Table, cols![F::OrganisationId, F::UserId], true))
            .await?;

        use Contracts as K;
        m.create_table(
            Table::create()
                .table(K::Table)
                .col(uuid(K::Id).primary_key())
                .col(uuid(K::OrganisationId))
                .col(uuid(K::UserId))
                .col(string_len(K::Title, 200))
                .col(uuid(K::DocumentId))
                .col(string_len(K::DocumentSha256, 64))
                .col(date(K::SignBy))
                .col(uuid_null(K::CreatedBy))
                .col(timestamp_with_time_zone(K::CreatedAt))
                .col(timestamp_with_time_zone_null(K::WithdrawnAt))
                .col(timestamp_with_time_zone_null(K::SignedAt))
                .col(string_len_null(K::SignedTypedName, 200))
                .col(string_len_null(K::SignedSha256, 64))
                .col(string_len_null(K::SignedSecondFactor, 10))
                .col(string_len_null(K::SignedIp, 64))
                .col(string_len_null(K::SignedUserAgent, 300))
                .foreign_key(&mut to_org(K::Table, K::OrganisationId))
                .foreign_key(
                    ForeignKey::create()
                        .from(K::Table, K::DocumentId)
                        .to(D::Table, D::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_contracts_org",
            K::Table,
            cols![K::OrganisationId, K::CreatedAt, K::Id],
            false,
        ))
        .await?;
        m.create_index(index(
            "ix_contracts_person",
            K::Table,
            cols![K::OrganisationId, K::UserId, K::SignedAt, K::SignBy],
            false,
        ))
        .await?;

        use ContractEvents as V;
        m.create_table(
            Table::create()
                .table(V::Table)
                .col(uuid(V::Id).primary_key())
                .col(uuid(V::ContractId))
                .col(uuid(V::OrganisationId))
                .col(timestamp_with_time_zone(V::At))
                .col(string_len(V::Action, 30))
                .col(uuid_null(V::ActorUserId))
                .col(string_len(V::ActorName, 200))
                .col(string_len_null(V::Ip, 64))
                .col(string_len_null(V::UserAgent, 300))
                .col(string_len_null(V::Detail, 200))
                .foreign_key(
                    ForeignKey::create()
                        .from(V::Table, V::ContractId)
                        .to(K::Table, K::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_contract_events_contract", V::Table, cols![V::ContractId, V::At], false))
            .await?;

        use NewsItems as N;
        m.create_table(
            Table::create()
                .table(N::Table)
                .col(uuid(N::Id).primary_key())
                .col(uuid(N::OrganisationId))
                .col(string_len(N::Title, 200))
                .col(text(N::Body))
                .col(string_len(N::Audience, 20))
                .col(timestamp_with_time_zone_null(N::PublishedAt))
                .col(uuid_null(N::AuthorUserId))
                .col(string_len(N::AuthorName, 200))
                .col(timestamp_with_time_zone(N::CreatedAt))
                .col(timestamp_with_time_zone(N::UpdatedAt))
                .foreign_key(&mut to_org(N::Table, N::OrganisationId))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_news_items_org",
            N::Table,
            cols![N::OrganisationId, N::PublishedAt, N::Id],
            false,
        ))
        .await?;

        use RecentViews as W;
        m.create_table(
            Table::create()
                .table(W::Table)
                .col(uuid(W::UserId))
                .col(uuid(W::OrganisationId))
                .col(string_len(W::Link, 300))
                .col(string_len(W::Title, 200))
                .col(timestamp_with_time_zone(W::ViewedAt))
                .primary_key(Index::create().col(W::UserId).col(W::OrganisationId).col(W::Link))
                .foreign_key(&mut to_org(W::Table, W::OrganisationId))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_recent_views_person",
            W::Table,
            cols![W::UserId, W::OrganisationId, W::ViewedAt],
            false,
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            RecentViews::Table.into_iden(),
            NewsItems::Table.into_iden(),
            ContractEvents::Table.into_iden(),
            Contracts::Table.into_iden(),
            AgencyPhases::Table.into_iden(),
            Placements::Table.into_iden(),
            Payments::Table.into_iden(),
            Accruals::Table.into_iden(),
            Payslips::Table.into_iden(),
            PersonDocuments::Table.into_iden(),
            EmployeeChangeRequests::Table.into_iden(),
            EmployeeRecordEvents::Table.into_iden(),
            EmploymentPeriods::Table.into_iden(),
            EmployeeRecords::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
