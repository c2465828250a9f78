use sea_orm::entity::prelude::*;

/// One entry of a client's network: an organisation, a professional (membership) or an
/// informal carer.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "care_network_entries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub client_id: Uuid,
    /// `organisation`, `professional` or `informal_carer`.
    pub kind: String,
    /// `organisation:<id>`, `professional:<membership id>` or `carer:<id>`: unique per client.
    pub subject_key: String,
    /// The organisation (organisation and professional entries).
    pub organisation_id: Option<Uuid>,
    pub membership_id: Option<Uuid>,
    pub carer_id: Option<Uuid>,
    /// A carer's relation to the client ("dochter").
    pub relation: Option<String>,
    pub coordinator: bool,
    pub primary_coordinator: bool,
    pub added_at: DateTimeUtc,
    pub added_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
