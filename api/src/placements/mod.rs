//! Placements at hirers and agency phases (seed 002 "Plaatsingen", "Fases").

pub mod routes;
pub mod service;
