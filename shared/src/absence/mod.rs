//! Absence (verzuim) under the Wet verbetering poortwachter: the case file, its
//! planned activities, documents per audience, and medical notes kept apart.
//! Types the API and the browser share, and the pure rules behind them
//! (`poortwachter`: the activities and their due dates for a case history;
//! `statistics`: absence rate, report frequency and the other figures by the Dutch standard).

mod case;
pub mod poortwachter;
pub mod statistics;

pub use case::*;
