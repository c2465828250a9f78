//! Signing in and the signed-out account pages: forgotten password, a new
//! password from a mailed link, activating an invitation.

mod activate;
mod forgot_password;
mod layout;
pub mod new_password;
mod reset_password;
pub mod second_factor;
mod sign_in;

pub use activate::ActivatePage;
pub use forgot_password::ForgotPasswordPage;
pub use reset_password::ResetPasswordPage;
pub use sign_in::SignInPage;
