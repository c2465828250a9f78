//! An employee's record: one per employee membership. BSN, IBAN and ID number are sealed with
//! the data key; `bsn_digest` is a keyed hash so one BSN per organisation is a unique index.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "employee_records")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub membership_id: Uuid,
    pub user_id: Uuid,
    pub personnel_number: String,
    pub first_name: String,
    pub infix: Option<String>,
    pub last_name: String,
    pub sort_name: String,
    pub birth_date: Option<Date>,
    pub street: Option<String>,
    pub house_number: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub phone: Option<String>,
    pub emergency_phone: Option<String>,
    pub bsn_sealed: Option<String>,
    pub bsn_digest: Option<String>,
    pub bsn_tail: Option<String>,
    pub iban_sealed: Option<String>,
    pub iban_country: Option<String>,
    pub iban_tail: Option<String>,
    pub tax_credit: bool,
    pub id_kind: Option<String>,
    pub id_number_sealed: Option<String>,
    pub id_number_tail: Option<String>,
    pub id_expires_on: Option<Date>,
    pub department: Option<String>,
    pub reviewed_year: Option<i32>,
    pub reviewed_at: Option<DateTimeUtc>,
    pub reviewed_by: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
