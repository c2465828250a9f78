//! Care networks (seed 003, issue 8), the clients' side: clients, their networks of
//! organisations, professionals and informal carers, coordinators, the searches that fill
//! a network (nearest first) and its history. The rules are pure functions in
//! `shared::networks`; this folder stores and enforces them.

pub mod access;
pub mod carers;
pub mod clients;
pub mod coordinators;
pub mod demo;
pub mod entries;
pub mod history;
pub mod routes;
pub mod search;
pub mod view;
pub mod volume;

/// Entry kinds as stored in `care_network_entries.kind`.
pub const ORGANISATION: &str = "organisation";
/// A professional (membership) entry.
pub const PROFESSIONAL: &str = "professional";
/// An informal carer entry.
pub const INFORMAL_CARER: &str = "informal_carer";

/// The client's modules as stored (comma-separated category codes).
pub fn parse_modules(stored: &str) -> Vec<String> {
    stored.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
}

/// Modules for storage: trimmed, once each, in the order given.
pub fn format_modules(modules: &[String]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for m in modules.iter().map(|m| m.trim()).filter(|m| !m.is_empty()) {
        if !seen.contains(&m) {
            seen.push(m);
        }
    }
    seen.join(",")
}

/// `LIKE` pattern for a search text, lower case, without the user's own wildcards.
pub fn like_pattern(q: &str) -> Option<String> {
    let q = q.trim();
    (!q.is_empty()).then(|| format!("%{}%", q.to_lowercase().replace(['%', '_'], "")))
}
