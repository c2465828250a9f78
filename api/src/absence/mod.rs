//! Absence: sick and recovery reports, the poortwachter case file with its
//! activities, documents per audience, the physician's statements and — apart,
//! for the physician only — medical notes. The rules are in `shared::absence`;
//! this folder stores and enforces them.

pub mod access;
pub mod activities;
pub mod demo;
pub mod documents;
pub mod jobs;
pub mod mail;
pub mod physician;
pub mod reports;
pub mod routes;
pub mod store;
pub mod view;
pub mod volume;
