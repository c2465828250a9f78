//! sea-orm entities: the shape of each table, nothing more. Behaviour lives in
//! the capability folders beside this one.

pub mod api_client;
pub mod audit_event;
pub mod client;
pub mod hour_correction;
pub mod hour_export_batch;
pub mod hour_type;
pub mod hours_job_run;
pub mod hours_setting;
pub mod invitation;
pub mod known_device;
pub mod membership;
pub mod organisation;
pub mod outbox_message;
pub mod password_reset;
pub mod platform_status;
pub mod recovery_code;
pub mod refresh_token;
pub mod remembered_device;
pub mod session;
pub mod sign_in_challenge;
pub mod signing_key;
pub mod sms_code;
pub mod team;
pub mod team_member;
pub mod throttle_counter;
pub mod timesheet;
pub mod timesheet_entry;
pub mod timesheet_event;
pub mod totp_factor;
pub mod user;
pub mod user_setting;
