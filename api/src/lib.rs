//! The Poort server: one binary (`poort`) serving the REST API, its
//! documentation, the browser app and the background jobs.

pub mod absence;
pub mod accounts;
pub mod app;
pub mod audit;
pub mod auth;
pub mod care_organisations;
pub mod clients;
pub mod clock;
pub mod config;
pub mod contracts;
pub mod crypto;
pub mod dashboard;
pub mod db;
pub mod documents;
pub mod employees;
pub mod entities;
pub mod error;
pub mod files;
pub mod hours;
pub mod http;
pub mod integrations;
pub mod jobs;
pub mod networks;
pub mod news;
pub mod notifications;
pub mod openapi;
pub mod ops;
pub mod organisations;
pub mod pagination;
pub mod payroll;
pub mod placements;
pub mod preferences;
pub mod seed;
pub mod state;
pub mod status;
