//! Clients (cliënten) of an organisation. Hours are written on them; the care
//! network (a later capability) builds their networks around them.

pub mod routes;
pub mod store;
