//! Absence (verzuim): sick reports, recovery and the Wet verbetering poortwachter.
pub mod poortwachter;
