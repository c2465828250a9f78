use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "absence_cases")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub user_id: Option<Uuid>,
    pub case_number: String,
    pub status: String,
    pub first_sick_day: Date,
    pub hours_worked_minutes: Option<i32>,
    pub incapacity_percent: i32,
    pub recovered_on: Option<Date>,
    pub out_of_employment_on: Option<Date>,
    pub contact_phone: Option<String>,
    pub contact_address: Option<String>,
    pub expected_duration: Option<String>,
    pub ongoing_work: Option<String>,
    pub safety_net: Option<bool>,
    pub work_accident: Option<bool>,
    pub third_party_liable: Option<bool>,
    pub labour_conflict: Option<bool>,
    pub pregnancy_leave: bool,
    pub reported_by: Uuid,
    pub reported_at: DateTimeUtc,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub ended_on: Option<Date>,
    pub anonymised_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
