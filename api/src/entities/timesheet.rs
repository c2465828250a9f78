use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "timesheets")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub user_id: Uuid,
    pub week_start: Date,
    pub status: String,
    pub late: bool,
    pub version: i32,
    pub total_minutes: i32,
    pub contract_minutes: Option<i32>,
    pub deadline_at: DateTimeUtc,
    pub signed_at: Option<DateTimeUtc>,
    pub decided_at: Option<DateTimeUtc>,
    pub decided_by: Option<Uuid>,
    pub rejection_reason: Option<String>,
    pub processed_at: Option<DateTimeUtc>,
    pub export_batch_id: Option<Uuid>,
    pub correction_pending: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// The cost centre the week was worked under: the membership's when the week was made.
    pub cost_centre: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
