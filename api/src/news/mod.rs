//! News an organisation posts for its people (seed 002 "Nieuws"): on the news page and
//! the dashboard, per audience (everyone, employees, staff).

pub mod demo;
pub mod routes;
pub mod service;
