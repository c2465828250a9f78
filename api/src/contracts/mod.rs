//! Contracts to sign online (seed 002 "Contracten"): the employer offers a PDF, the
//! employee reads it and signs with their second factor, a ticked agreement and their
//! typed name. Every step lands in the contract's own audit trail (who, when, IP,
//! browser, document hash), which the employer and the signer can read.

pub mod demo;
pub mod mail;
pub mod routes;
pub mod service;
