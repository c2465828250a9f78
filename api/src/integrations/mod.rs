//! Integrations: API clients with scopes, the client-credentials token, and
//! the `Caller` that endpoints open to integrations accept.

pub mod caller;
pub mod clients;
pub mod routes;
