//! Absence (verzuim) under the Wet verbetering poortwachter: the case file, its
//! planned activities, documents per audience, and medical notes kept apart.
//! Types the API and the browser share, and the pure rules behind them
//! (`poortwachter`: the activities and their due dates for a case history).

mod case;
pub mod poortwachter;

pub use case::*;
