//! Mail and SMS: written to the outbox in the transaction of the change that
//! causes them, delivered by the outbox worker (`jobs`), readable by the
//! helpdesk when no mail server or SMS provider is configured.

pub mod mailer;
pub mod outbox;
pub mod routes;
pub mod sms;
pub mod templates;
