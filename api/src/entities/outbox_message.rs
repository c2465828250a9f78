use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox_messages")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organisation_id: Option<Uuid>,
    pub channel: String,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at_ms: i64,
    pub claimed_by: Option<String>,
    pub claimed_until_ms: Option<i64>,
    pub last_error: Option<String>,
    pub created_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
