//! Poort's database schema. One timestamped change per file; never edit a
//! migration that has shipped, add a new one.

pub use sea_orm_migration::prelude::*;

mod m20261122_000001_core;
mod m20261122_000002_sign_in_protection;
mod m20261122_000003_outbox;
mod m20261122_000004_password_resets;
mod m20261122_000005_invitations;
mod m20261122_000006_second_factor;
mod m20261122_000007_security_settings;
mod m20261122_000008_api_clients;
mod m20261122_000009_stay_signed_in;
mod m20261122_000010_mobile_numbers;
mod m20261122_000011_hours;
mod m20261122_000012_remembered_devices;
mod m20261122_000013_absence;
mod m20261122_000020_hours_cost_centres;
mod m20261122_000021_absence_indexes;
mod m20261123_000022_care_networks;
mod m20261123_000023_default_categories;
mod m20261123_000024_employee_records;
mod m20261123_000025_statistics_indexes;
mod m20261123_000026_pregnancy_leave;

/// Every migration, oldest first.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_core::Migration),
            Box::new(m20261122_000002_sign_in_protection::Migration),
            Box::new(m20261122_000003_outbox::Migration),
            Box::new(m20261122_000004_password_resets::Migration),
            Box::new(m20261122_000005_invitations::Migration),
            Box::new(m20261122_000006_second_factor::Migration),
            Box::new(m20261122_000007_security_settings::Migration),
            Box::new(m20261122_000008_api_clients::Migration),
            Box::new(m20261122_000009_stay_signed_in::Migration),
            Box::new(m20261122_000010_mobile_numbers::Migration),
            Box::new(m20261122_000011_hours::Migration),
            Box::new(m20261122_000012_remembered_devices::Migration),
            Box::new(m20261122_000013_absence::Migration),
            Box::new(m20261122_000020_hours_cost_centres::Migration),
            Box::new(m20261122_000021_absence_indexes::Migration),
            Box::new(m20261123_000022_care_networks::Migration),
            Box::new(m20261123_000023_default_categories::Migration),
            Box::new(m20261123_000024_employee_records::Migration),
            Box::new(m20261123_000025_statistics_indexes::Migration),
            Box::new(m20261123_000026_pregnancy_leave::Migration),
        ]
    }
}
