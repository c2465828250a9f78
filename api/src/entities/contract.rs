//! A contract offered for signing, with the signature once signed.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "contracts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub user_id: Uuid,
    pub title: String,
    pub document_id: Uuid,
    pub document_sha256: String,
    pub sign_by: Date,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub withdrawn_at: Option<DateTimeUtc>,
    pub signed_at: Option<DateTimeUtc>,
    pub signed_typed_name: Option<String>,
    pub signed_sha256: Option<String>,
    pub signed_second_factor: Option<String>,
    pub signed_ip: Option<String>,
    pub signed_user_agent: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
