//! Types and pure rules shared by the Poort server (`api`) and browser app
//! (`frontend`). Compiles to wasm32; no database, no randomness, no clock.

pub mod absence;
pub mod accounts;
pub mod auth;
pub mod contracts;
pub mod dashboard;
pub mod documents;
pub mod employees;
pub mod error;
pub mod hours;
pub mod i18n;
pub mod integrations;
pub mod mobile;
pub mod networks;
pub mod news;
pub mod notifications;
pub mod organisations;
pub mod password_policy;
pub mod payroll;
pub mod placements;
pub mod preferences;
pub mod status;
pub mod validation;

pub use organisations::Page;
