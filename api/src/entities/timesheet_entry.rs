use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "timesheet_entries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub timesheet_id: Uuid,
    pub organisation_id: Uuid,
    pub day: Date,
    pub client_id: Option<Uuid>,
    pub hour_type: String,
    pub start_minute: Option<i32>,
    pub end_minute: Option<i32>,
    pub break_minutes: i32,
    pub minutes: i32,
    pub note: Option<String>,
    pub source: String,
    pub external_id: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::client::Entity",
        from = "Column::ClientId",
        to = "super::client::Column::Id"
    )]
    Client,
}

impl Related<super::client::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Client.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
