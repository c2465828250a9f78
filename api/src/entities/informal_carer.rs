use sea_orm::entity::prelude::*;

/// An informal carer (mantelzorger): one per person, linkable to several clients.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "informal_carers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub first_name: String,
    pub infix: Option<String>,
    pub last_name: String,
    /// `shared::networks::similar::name_key` of infix + last name: similar-person candidates.
    pub name_key: String,
    pub gender: Option<String>,
    /// Canonical e-mail address.
    pub email: String,
    pub birth_date: Option<Date>,
    pub phone: Option<String>,
    /// Their account, once they have one.
    pub user_id: Option<Uuid>,
    pub created_by_organisation_id: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
