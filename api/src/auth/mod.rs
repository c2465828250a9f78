//! Sign-in, sessions and the `Actor` every handler acts as.
//!
//! A session is a database row; the browser holds a short-lived JWT access
//! token and a single-use refresh token in HttpOnly cookies. Every request
//! checks the session row, so signing out (or revoking) takes effect at once.

pub mod account;
pub mod actor;
pub mod blocklist;
pub mod contact;
pub mod cookies;
pub mod email;
pub mod guard;
pub mod password;
pub mod remembered;
pub mod reset;
pub mod routes;
pub mod second_factor;
pub mod service;
pub mod sms_codes;
pub mod store;
pub mod throttle;
pub mod tokens;
pub mod totp;

pub use actor::{Actor, Scope};
