//! Hours: weekly timesheets signed before the deadline, approved or rejected,
//! corrected on request, exported for payroll and billing. The rules are in
//! `shared::hours`; this folder stores and enforces them.

pub mod access;
pub mod approvals;
pub mod columns;
pub mod corrections;
pub mod demo;
pub mod exports;
pub mod jobs;
pub mod mail;
pub mod planned;
pub mod routes;
pub mod settings;
pub mod store;
pub mod volume;
pub mod weeks;
