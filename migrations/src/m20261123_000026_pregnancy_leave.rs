//! Pregnancy and maternity leave on an absence case (zwangerschaps- en bevallingsverlof,
//! WAZO). The employer grants that leave, so recording it is not medical information;
//! the absence statistics give the absence rate with and without it (CBS standard), and a
//! case that is such leave has no poortwachter steps. The spells' covering index gains the
//! column, so the statistics still read cases from the index alone (see migration 000025).

use sea_orm_migration::{prelude::*, schema::boolean};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AbsenceCases {
    Table,
    PregnancyLeave,
}

const TABLE: &str = "absence_cases";
const OLD_INDEX: &str = "ix_absence_cases_org_first_day_spells";
const NEW_INDEX: &str = "ix_absence_cases_org_first_day_leave";
const OLD_COLUMNS: &[&str] = &["organisation_id", "first_sick_day", "user_id", "out_of_employment_on", "id"];
const NEW_COLUMNS: &[&str] =
    &["organisation_id", "first_sick_day", "user_id", "out_of_employment_on", "pregnancy_leave", "id"];

fn create(name: &str, columns: &[&str]) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(Alias::new(TABLE));
    for column in columns {
        index.col(Alias::new(*column));
    }
    index.to_owned()
}

fn drop(name: &str) -> IndexDropStatement {
    Index::drop().name(name).table(Alias::new(TABLE)).to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(AbsenceCases::Table)
                .add_column(boolean(AbsenceCases::PregnancyLeave).default(false))
                .to_owned(),
        )
        .await?;
        m.create_index(create(NEW_INDEX, NEW_COLUMNS)).await?;
        m.drop_index(drop(OLD_INDEX)).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(create(OLD_INDEX, OLD_COLUMNS)).await?;
        m.drop_index(drop(NEW_INDEX)).await?;
        m.alter_table(
            Table::alter().table(AbsenceCases::Table).drop_column(AbsenceCases::PregnancyLeave).to_owned(),
        )
        .await
    }
}
