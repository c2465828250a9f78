use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "hour_export_batches")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub idempotency_key: String,
    pub created_at: DateTimeUtc,
    pub created_by: String,
    pub timesheet_count: i32,
    pub total_minutes: i32,
    pub first_week_start: Option<Date>,
    pub last_week_start: Option<Date>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
