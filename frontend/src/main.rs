//! The Poort browser app: Leptos, rendered in the browser, served by `poort serve`.

mod api;
mod app;
mod browser;
mod components;
mod i18n;
mod modules;
mod pages;
mod session;
mod time;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
