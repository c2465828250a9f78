//! Personal documents (seed 002 "Documenten"): contracts, ID scans, payslip PDFs,
//! certificates. `stored` is the one way a file becomes a document, used by uploads,
//! payslips and contracts alike.

pub mod stored;
