use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "absence_activities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub case_id: Uuid,
    pub organisation_id: Uuid,
    pub key: String,
    pub kind: String,
    pub owner: String,
    pub title: Option<String>,
    pub window_from: Option<Date>,
    pub due_on: Date,
    pub state: String,
    pub done_on: Option<Date>,
    pub done_by: Option<Uuid>,
    pub done_by_name: Option<String>,
    pub custom: bool,
    pub notified_due: bool,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
