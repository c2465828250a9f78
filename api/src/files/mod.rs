//! Uploaded files: the type checked from the content (never the name or the
//! browser's word for it), stored outside the web root under generated names,
//! encrypted with the data key so a copied disk reveals nothing.

pub mod pdf;
pub mod sniff;
pub mod storage;
