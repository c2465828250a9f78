//! Building blocks shared by several pages.

pub mod feedback;
pub mod field;
pub mod icon;
pub mod language_switch;
pub mod list;
pub mod page_title;
pub mod paged;
pub mod shell;
pub mod skip_link;
pub mod status_banner;
pub mod sub_nav;
