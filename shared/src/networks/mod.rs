//! Care networks (seed 003): organisations with a profile category and an address, their
//! professionals and teams, and around each client a network of organisations,
//! professionals and informal carers led by coordinators (exactly one primary).
//!
//! The model follows HL7 FHIR where it fits: a client's network is a `CareTeam`, an
//! informal carer a `RelatedPerson` that can serve several clients, a professional a
//! `PractitionerRole` (a person's membership of an organisation, with a function).

pub mod dto;
pub mod geo;
pub mod rules;
pub mod similar;

pub use dto::*;
