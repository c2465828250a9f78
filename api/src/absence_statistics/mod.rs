//! Absence statistics by the Dutch standard (issue 7): the figures, the per-employee
//! overview and the mutations for a period and scope. The rules are in
//! `shared::absence::statistics`; the sums are added up in SQL (`store`), with the
//! per-backend bits in `sql`. Only counts and dates: nothing medical is read.

pub mod demo;
pub mod exports;
pub mod organisations;
pub mod pdf;
pub mod routes;
pub mod service;
pub mod sql;
pub mod store;
