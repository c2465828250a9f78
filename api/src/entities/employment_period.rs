//! An employment period with contract and full-time minutes per week.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "employment_periods")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub record_id: Uuid,
    pub organisation_id: Uuid,
    pub starts_on: Date,
    pub ends_on: Option<Date>,
    pub contract_minutes: i32,
    pub full_time_minutes: i32,
    pub job_title: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
