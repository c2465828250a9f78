//! The document title, which browsers show in tabs and screen readers announce
//! after a navigation.

use leptos::prelude::*;

use crate::browser;
use crate::i18n::{Dict, use_i18n};

/// Keeps the document title at "<page> – Poort" in the current language.
pub fn use_page_title(page: impl Fn(&'static Dict) -> String + 'static) {
    let i18n = use_i18n();
    Effect::new(move || browser::set_document_title(&format!("{} – Poort", page(i18n.t()))));
}
