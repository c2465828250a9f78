//! Building blocks shared by several pages.

pub mod icon;
pub mod language_switch;
pub mod page_title;
pub mod shell;
pub mod skip_link;
pub mod status_banner;
