//! Accounts: invitations, activation and live password feedback.

pub mod invitations;
pub mod routes;
pub mod security;
