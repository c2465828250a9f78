//! Care networks (seed 003). Organisations get a profile category (a list the helpdesk
//! keeps), an address with coordinates and a phone number; memberships a function
//! (job title); team members a main-contact flag. Around each client (`care_clients`) a
//! network (`care_network_entries`) of organisations, professionals (memberships) and
//! informal carers (`informal_carers`, one per person, linkable to several clients), with
//! its history (`care_network_events`).
//!
//! Distances are sorted in SQL from plain latitude/longitude columns (no geo extension in
//! either database). `subject_key` (`organisation:<id>`, `professional:<id>`,
//! `carer:<id>`) makes "once per network" a unique index that works with NULLs in both
//! databases.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
    Category,
    Street,
    HouseNumber,
    Postcode,
    City,
    Latitude,
    Longitude,
    CoordinatesApproximate,
    Phone,
}

#[derive(DeriveIden)]
enum Memberships {
    Table,
    JobTitle,
}

#[derive(DeriveIden)]
enum TeamMembers {
    Table,
    MainContact,
}

#[derive(DeriveIden)]
enum OrganisationCategories {
    Table,
    Code,
    NameNl,
    NameEn,
    CreatedAt,
}

#[derive(DeriveIden)]
enum InformalCarers {
    Table,
    Id,
    FirstName,
    Infix,
    LastName,
    NameKey,
    Gender,
    Email,
    BirthDate,
    Phone,
    UserId,
    CreatedByOrganisationId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum CareClients {
    Table,
    Id,
    FirstName,
    Infix,
    LastName,
    Name,
    BirthDate,
    Street,
    HouseNumber,
    Postcode,
    City,
    Latitude,
    Longitude,
    CoordinatesApproximate,
    Modules,
    OwnerOrganisationId,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CareNetworkEntries {
    Table,
    Id,
    ClientId,
    Kind,
    SubjectKey,
    OrganisationId,
    MembershipId,
    CarerId,
    Relation,
    Coordinator,
    PrimaryCoordinator,
    AddedAt,
    AddedBy,
}

#[derive(DeriveIden)]
enum CareNetworkEvents {
    Table,
    Id,
    ClientId,
    At,
    ActorUserId,
    Action,
    Subject,
}

async fn add(m: &SchemaManager<'_>, table: impl IntoIden, column: ColumnDef) -> Result<(), DbErr> {
    m.alter_table(Table::alter().table(table).add_column(column).to_owned()).await
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

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use Organisations as O;
        add(m, O::Table, string_len_null(O::Category, 40)).await?;
        add(m, O::Table, string_len_null(O::Street, 120)).await?;
        add(m, O::Table, string_len_null(O::HouseNumber, 20)).await?;
        add(m, O::Table, string_len_null(O::Postcode, 7)).await?;
        add(m, O::Table, string_len_null(O::City, 80)).await?;
        add(m, O::Table, double_null(O::Latitude)).await?;
        add(m, O::Table, double_null(O::Longitude)).await?;
        add(m, O::Table, boolean(O::CoordinatesApproximate).default(false).take()).await?;
        add(m, O::Table, string_len_null(O::Phone, 30)).await?;
        add(m, Memberships::Table, string_len_null(Memberships::JobTitle, 100)).await?;
        add(m, TeamMembers::Table, boolean(TeamMembers::MainContact).default(false).take()).await?;
        m.create_index(index("ix_organisations_category", O::Table, vec![O::Category.into_iden()], false))
            .await?;

        m.create_table(
            Table::create()
                .table(OrganisationCategories::Table)
                .col(string_len(OrganisationCategories::Code, 40).primary_key())
                .col(string_len(OrganisationCategories::NameNl, 100))
                .col(string_len(OrganisationCategories::NameEn, 100))
                .col(timestamp_with_time_zone(OrganisationCategories::CreatedAt))
                .to_owned(),
        )
        .await?;

        use InformalCarers as I;
        m.create_table(
            Table::create()
                .table(I::Table)
                .col(uuid(I::Id).primary_key())
                .col(string_len(I::FirstName, 100))
                .col(string_len_null(I::Infix, 30))
                .col(string_len(I::LastName, 100))
                .col(string_len(I::NameKey, 140))
                .col(string_len_null(I::Gender, 10))
                .col(string_len(I::Email, 254))
                .col(date_null(I::BirthDate))
                .col(string_len_null(I::Phone, 30))
                .col(uuid_null(I::UserId))
                .col(uuid(I::CreatedByOrganisationId))
                .col(timestamp_with_time_zone(I::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(I::Table, I::CreatedByOrganisationId)
                        .to(O::Table, O::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        // Similar-person candidates come from the name key or the e-mail address.
        m.create_index(index("ix_informal_carers_name_key", I::Table, vec![I::NameKey.into_iden()], false))
            .await?;
        m.create_index(index("ix_informal_carers_email", I::Table, vec![I::Email.into_iden()], false))
            .await?;
        m.create_index(index("ix_informal_carers_user", I::Table, vec![I::UserId.into_iden()], false))
            .await?;

        use CareClients as C;
        m.create_table(
            Table::create()
                .table(C::Table)
                .col(uuid(C::Id).primary_key())
                .col(string_len(C::FirstName, 100))
                .col(string_len_null(C::Infix, 30))
                .col(string_len(C::LastName, 100))
                .col(string_len(C::Name, 240))
                .col(date(C::BirthDate))
                .col(string_len(C::Street, 120))
                .col(string_len(C::HouseNumber, 20))
                .col(string_len(C::Postcode, 7))
                .col(string_len(C::City, 80))
                .col(double(C::Latitude))
                .col(double(C::Longitude))
                .col(boolean(C::CoordinatesApproximate).default(true))
                .col(string_len(C::Modules, 1000).default(""))
                .col(uuid(C::OwnerOrganisationId))
                .col(integer(C::Version).default(1))
                .col(timestamp_with_time_zone(C::CreatedAt))
                .col(timestamp_with_time_zone(C::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(C::Table, C::OwnerOrganisationId)
                        .to(O::Table, O::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;

        use CareNetworkEntries as E;
        m.create_table(
            Table::create()
                .table(E::Table)
                .col(uuid(E::Id).primary_key())
                .col(uuid(E::ClientId))
                .col(string_len(E::Kind, 20))
                .col(string_len(E::SubjectKey, 60))
                .col(uuid_null(E::OrganisationId))
                .col(uuid_null(E::MembershipId))
                .col(uuid_null(E::CarerId))
                .col(string_len_null(E::Relation, 100))
                .col(boolean(E::Coordinator).default(false))
                .col(boolean(E::PrimaryCoordinator).default(false))
                .col(timestamp_with_time_zone(E::AddedAt))
                .col(uuid_null(E::AddedBy))
                .foreign_key(
                    ForeignKey::create()
                        .from(E::Table, E::ClientId)
                        .to(C::Table, C::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ux_care_network_entries_subject",
            E::Table,
            vec![E::ClientId.into_iden(), E::SubjectKey.into_iden()],
            true,
        ))
        .await?;
        // "Which clients is this person in?" — every access check and the client list.
        m.create_index(index(
            "ix_care_network_entries_membership",
            E::Table,
            vec![E::MembershipId.into_iden(), E::ClientId.into_iden()],
            false,
        ))
        .await?;
        m.create_index(index(
            "ix_care_network_entries_carer",
            E::Table,
            vec![E::CarerId.into_iden(), E::ClientId.into_iden()],
            false,
        ))
        .await?;
        m.create_index(index(
            "ix_care_network_entries_organisation",
            E::Table,
            vec![E::OrganisationId.into_iden(), E::ClientId.into_iden()],
            false,
        ))
        .await?;

        use CareNetworkEvents as V;
        m.create_table(
            Table::create()
                .table(V::Table)
                .col(uuid(V::Id).primary_key())
                .col(uuid(V::ClientId))
                .col(timestamp_with_time_zone(V::At))
                .col(uuid_null(V::ActorUserId))
                .col(string_len(V::Action, 40))
                .col(string_len_null(V::Subject, 300))
                .foreign_key(
                    ForeignKey::create()
                        .from(V::Table, V::ClientId)
                        .to(C::Table, C::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_care_network_events_client",
            V::Table,
            vec![V::ClientId.into_iden(), V::Id.into_iden()],
            false,
        ))
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            CareNetworkEvents::Table.into_iden(),
            CareNetworkEntries::Table.into_iden(),
            CareClients::Table.into_iden(),
            InformalCarers::Table.into_iden(),
            OrganisationCategories::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        m.drop_index(Index::drop().name("ix_organisations_category").table(Organisations::Table).to_owned())
            .await?;
        use Organisations as O;
        let drops: [(DynIden, DynIden); 11] = [
            (O::Table.into_iden(), O::Category.into_iden()),
            (O::Table.into_iden(), O::Street.into_iden()),
            (O::Table.into_iden(), O::HouseNumber.into_iden()),
            (O::Table.into_iden(), O::Postcode.into_iden()),
            (O::Table.into_iden(), O::City.into_iden()),
            (O::Table.into_iden(), O::Latitude.into_iden()),
            (O::Table.into_iden(), O::Longitude.into_iden()),
            (O::Table.into_iden(), O::CoordinatesApproximate.into_iden()),
            (O::Table.into_iden(), O::Phone.into_iden()),
            (Memberships::Table.into_iden(), Memberships::JobTitle.into_iden()),
            (TeamMembers::Table.into_iden(), TeamMembers::MainContact.into_iden()),
        ];
        for (table, column) in drops {
            m.alter_table(Table::alter().table(table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
