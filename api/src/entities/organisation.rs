use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "organisations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    pub lockout_failures: Option<i32>,
    pub lockout_minutes: Option<i32>,
    pub password_profile: String,
    pub password_min_length: i32,
    pub require_second_factor: bool,
    pub activation_proof: String,
    pub created_at: DateTimeUtc,
    /// Care profile category code (`organisation_categories.code`), if it takes part in networks.
    pub category: Option<String>,
    pub street: Option<String>,
    pub house_number: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    #[sea_orm(column_type = "Double", nullable)]
    pub latitude: Option<f64>,
    #[sea_orm(column_type = "Double", nullable)]
    pub longitude: Option<f64>,
    /// The coordinates are the postcode region's centre, not the exact place.
    pub coordinates_approximate: bool,
    pub phone: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::membership::Entity")]
    Membership,
}

impl Related<super::membership::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Membership.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
