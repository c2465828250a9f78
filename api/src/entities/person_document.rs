//! A personal document (contract, ID, payslip PDF, certificate, …) stored encrypted.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "person_documents")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub user_id: Uuid,
    pub kind: String,
    pub title: String,
    pub period_start: Option<Date>,
    pub period_end: Option<Date>,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub storage_key: String,
    pub storage_backend: String,
    pub visible_employee: bool,
    pub visible_employer: bool,
    pub uploaded_by: Option<Uuid>,
    pub uploaded_by_name: String,
    pub uploaded_at: DateTimeUtc,
    pub read_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
