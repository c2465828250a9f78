//! A payslip or annual statement; the PDF is a personal document.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "payslips")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub user_id: Uuid,
    pub kind: String,
    pub year: i32,
    pub period_kind: String,
    pub period: i32,
    pub pay_date: Option<Date>,
    pub gross_cents: i64,
    pub net_cents: i64,
    pub tax_cents: i64,
    pub document_id: Uuid,
    pub external_id: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
