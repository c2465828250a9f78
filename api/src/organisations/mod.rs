//! Organisations (tenants), their teams and members.

pub mod routes;
pub mod service;
pub mod store;
