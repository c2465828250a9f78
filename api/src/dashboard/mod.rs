//! The dashboard (seed 002): every pending action from every module, counts, recently
//! viewed items and news (`GET /api/v1/me/dashboard`, `POST /api/v1/me/recent`).

pub mod routes;
pub mod service;
