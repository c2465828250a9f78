//! Demo absence data: filled in later in this change.
