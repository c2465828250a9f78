//! sea-orm entities: the shape of each table, nothing more. Behaviour lives in
//! the capability folders beside this one.

pub mod audit_event;
pub mod invitation;
pub mod known_device;
pub mod membership;
pub mod organisation;
pub mod outbox_message;
pub mod password_reset;
pub mod platform_status;
pub mod refresh_token;
pub mod session;
pub mod signing_key;
pub mod team;
pub mod team_member;
pub mod throttle_counter;
pub mod user;
