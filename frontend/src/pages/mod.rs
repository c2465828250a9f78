//! One folder per capability, mirroring `api/src/<capability>/`.

pub mod absence;
pub mod account;
pub mod admin;
pub mod auth;
pub mod coming_soon;
pub mod contracts;
pub mod dashboard;
pub mod employees;
pub mod helpdesk;
pub mod hours;
pub mod my_details;
pub mod networks;
pub mod news;
pub mod not_found;
pub mod reports;
// Self-service (issue 6).
pub mod documents;
pub mod payroll;
pub mod placements;
