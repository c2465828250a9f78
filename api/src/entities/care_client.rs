use sea_orm::entity::prelude::*;

/// A client (cliënt) with a care network.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "care_clients")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub first_name: String,
    pub infix: Option<String>,
    pub last_name: String,
    /// Display name, kept for lists and search.
    pub name: String,
    pub birth_date: Date,
    pub street: String,
    pub house_number: String,
    pub postcode: String,
    pub city: String,
    #[sea_orm(column_type = "Double")]
    pub latitude: f64,
    #[sea_orm(column_type = "Double")]
    pub longitude: f64,
    pub coordinates_approximate: bool,
    /// Switched-on modules: category codes, comma-separated.
    pub modules: String,
    /// The organisation whose coordinator created the client.
    pub owner_organisation_id: Uuid,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
