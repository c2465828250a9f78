//! Employee records (seed 002 "Mijn gegevens", seed 004 "Werknemersgegevens beheren"):
//! personal data, BSN and IBAN (checked here, encrypted on the server), employment periods
//! with the part-time factor, change requests, the yearly review and the import.

pub mod bsn;
pub mod changes;
pub mod dto;
pub mod employment;
pub mod iban;
pub mod import;

pub use dto::*;
