//! Line icons drawn for Poort on a 24×24 grid, stroked in the text colour.
//!
//! Icons are decoration: they are hidden from screen readers, and every
//! control that shows one also has a text label.

use leptos::prelude::*;

/// The icons the app uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IconName {
    Overview,
    Hours,
    Absence,
    MyDetails,
    Documents,
    Network,
    Reports,
    Admin,
    Menu,
    Close,
    ChevronLeft,
    ChevronRight,
    SignOut,
    Check,
    Warning,
    Eye,
    EyeOff,
    Alert,
    Building,
    Helpdesk,
    Mail,
    Send,
    Lock,
    Trash,
    Pencil,
    Payslips,
    Placements,
}

impl IconName {
    /// The SVG path data; circles are written as two arcs.
    fn paths(self) -> &'static [&'static str] {
        match self {
            Self::Overview => &["M3 10.5 12 3l9 7.5", "M5.5 9v11.5h13V9", "M10 20.5V15h4v5.5"],
            Self::Hours => &["M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18", "M12 7.5V12l3 2"],
            Self::Absence => &["M3 12.5h4l2-4.5 4 9 2.5-4.5H21"],
            Self::MyDetails => {
                &["M12 4a4 4 0 1 0 0 8a4 4 0 1 0 0-8", "M4.5 20.5c.6-3.6 3.7-5.5 7.5-5.5s6.9 1.9 7.5 5.5"]
            }
            Self::Documents => &["M6.5 3h8l4.5 4.5V21h-12.5z", "M14 3v5h5", "M9.5 13h6", "M9.5 17h6"],
            Self::Network => &[
                "M9 4.5a3.5 3.5 0 1 0 0 7a3.5 3.5 0 1 0 0-7",
                "M2.5 20c.4-3.4 3-5.3 6.5-5.3s6.1 1.9 6.5 5.3",
                "M17 6.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5",
                "M17.5 14.5c2.3.3 3.8 1.9 4 4.5",
            ],
            Self::Reports => &["M4 20.5h16", "M7 17v-5", "M12 17V7", "M17 17v-8"],
            Self::Admin => &[
                "M4 7h8.5",
                "M17.5 7H20",
                "M4 17h2.5",
                "M11.5 17H20",
                "M15 5a2 2 0 1 0 0 4a2 2 0 1 0 0-4",
                "M9 15a2 2 0 1 0 0 4a2 2 0 1 0 0-4",
            ],
            Self::Menu => &["M4 6.5h16", "M4 12h16", "M4 17.5h16"],
            Self::Close => &["M6 6l12 12", "M18 6 6 18"],
            Self::ChevronLeft => &["M14.5 6l-6 6 6 6"],
            Self::ChevronRight => &["M9.5 6l6 6-6 6"],
            Self::SignOut => &["M14 4h4.5v16H14", "M9.5 8l-4 4 4 4", "M5.5 12H15"],
            Self::Lock => &["M6 11h12v9.5H6z", "M8.5 11V8a3.5 3.5 0 0 1 7 0v3", "M12 15v2"],
            Self::Check => &["M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18", "M8 12.5l2.5 2.5L16 9.5"],
            Self::Warning => &["M12 3.5 2.5 20h19z", "M12 10v4.5", "M12 17.5v.01"],
            Self::Eye => &[
                "M2.5 12s3.5-6.5 9.5-6.5 9.5 6.5 9.5 6.5-3.5 6.5-9.5 6.5S2.5 12 2.5 12z",
                "M12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6",
            ],
            Self::EyeOff => &[
                "M3 3l18 18",
                "M10.6 6.1c.5-.1.9-.1 1.4-.1 6 0 9.5 6 9.5 6a16 16 0 0 1-2.9 3.6",
                "M6.4 7.4C3.9 9 2.5 12 2.5 12s3.5 6 9.5 6c1.6 0 3-.4 4.2-1",
                "M9.9 9.9a3 3 0 0 0 4.2 4.2",
            ],
            Self::Alert => &["M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18", "M12 7.5v5.5", "M12 16.5v.01"],
            Self::Helpdesk => &[
                "M4.5 13.5v-1.5a7.5 7.5 0 0 1 15 0v1.5",
                "M4.5 13h2.5v5H5.5a1 1 0 0 1-1-1z",
                "M19.5 13H17v5h1.5a1 1 0 0 0 1-1z",
                "M17 18c0 1.5-1.5 2.5-4 2.5",
            ],
            Self::Mail => &["M3.5 6h17v12h-17z", "M3.5 6.5 12 13l8.5-6.5"],
            Self::Send => &["M21 3 10.5 13.5", "M21 3l-6.5 18-4-7.5-7.5-4z"],
            Self::Trash => {
                &["M4 6.5h16", "M9.5 6.5V4h5v2.5", "M6 6.5l1 14h10l1-14", "M10 10.5v6", "M14 10.5v6"]
            }
            Self::Pencil => &["M4 20l1-4.5L16 4.5l3.5 3.5L8.5 19z", "M13.5 7l3.5 3.5"],
            Self::Payslips => &[
                "M5 3.5h14v17l-2.5-1.5-2.5 1.5-2-1.5-2 1.5-2.5-1.5L5 20.5z",
                "M14.5 8.5a3 3 0 1 0 0 5",
                "M8.5 10h5",
                "M8.5 12h5",
            ],
            Self::Placements => &["M3.5 8h17v12h-17z", "M9 8V5.5h6V8", "M3.5 13h17"],
            Self::Building => {
                &["M4.5 21V4.5h10V21", "M14.5 9.5h5V21", "M3 21h18", "M8 8h3", "M8 12h3", "M8 16h3"]
            }
        }
    }
}

/// An icon, hidden from assistive technology.
#[component]
pub fn Icon(icon: IconName) -> impl IntoView {
    view! {
        <svg
            class="icon"
            viewBox="0 0 24 24"
            aria-hidden="true"
            focusable="false"
            fill="none"
            stroke="currentColor"
            stroke-width="1.8"
            stroke-linecap="round"
            stroke-linejoin="round"
        >
            {icon.paths().iter().map(|d| view! { <path d=*d /> }).collect_view()}
        </svg>
    }
}

/// The Poort mark: a gateway on a rounded tile.
#[component]
pub fn Logo() -> impl IntoView {
    view! {
        <svg class="logo-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect class="logo-tile" width="32" height="32" rx="8" />
            <path
                class="logo-gate"
                d="M9.5 24V14.5a6.5 6.5 0 0 1 13 0V24M6.5 24h19M16 24v-6"
                fill="none"
                stroke-width="2.4"
                stroke-linecap="round"
                stroke-linejoin="round"
            />
        </svg>
    }
}
