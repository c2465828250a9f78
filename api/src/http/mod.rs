//! Cross-cutting HTTP concerns: request ids and logging, metrics, security
//! headers, CSRF protection and the browser app's static files.

pub mod csrf;
pub mod metrics;
pub mod request_context;
pub mod security_headers;
pub mod static_files;
