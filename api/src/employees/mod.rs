//! Employee records (seed 002 "Mijn gegevens", seed 004 "Werknemersgegevens beheren"):
//! the record per employee membership with its encrypted BSN/IBAN, employment periods,
//! the yearly review, the CSV/XLSX import, the employee's own data and change requests,
//! and the change feed a payroll system pulls. The rules are in `shared::employees`;
//! this folder stores and enforces them.

pub mod access;
pub mod changes;
pub mod demo;
pub mod import;
pub mod mail;
pub mod me;
pub mod payroll;
pub mod records;
pub mod routes;
pub mod store;
pub mod validate;
