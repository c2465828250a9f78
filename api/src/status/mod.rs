//! The platform status message (storingen) that every page shows.

pub mod routes;
pub mod service;
