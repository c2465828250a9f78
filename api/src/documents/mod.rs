//! Personal documents (seed 002 "Documenten"): contracts, ID scans, payslip PDFs,
//! certificates. `stored` is the one way a file becomes a document, used by uploads,
//! payslips and contracts alike; `service` decides who may see and change them.

pub mod mail;
pub mod routes;
pub mod service;
pub mod stored;
