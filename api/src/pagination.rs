//! Keyset pagination: `limit` and an opaque `cursor` in, `next_cursor` out.
//! Pages stay fast at any depth because the database seeks to the cursor
//! instead of counting past an offset.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use utoipa::IntoParams;

use crate::error::ApiError;

/// Items per page when `limit` is absent.
pub const DEFAULT_LIMIT: u64 = 50;
/// The largest page a client may ask for.
pub const MAX_LIMIT: u64 = 200;

/// Query parameters of every list.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Items per page, 1–200 (default 50).
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

impl PageQuery {
    /// The page size, clamped to 1–200.
    pub fn limit(&self) -> u64 {
        self.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT)
    }

    /// The decoded cursor, or 400 when it was tampered with.
    pub fn decode<T: DeserializeOwned>(&self) -> Result<Option<T>, ApiError> {
        self.cursor.as_deref().map(decode).transpose()
    }
}

/// Encodes a position as an opaque cursor.
pub fn encode<T: Serialize>(position: &T) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(position).unwrap_or_default())
}

fn decode<T: DeserializeOwned>(cursor: &str) -> Result<T, ApiError> {
    let bytes = URL_SAFE_NO_PAD.decode(cursor).map_err(|_| ApiError::bad_request("Invalid cursor"))?;
    serde_json::from_slice(&bytes).map_err(|_| ApiError::bad_request("Invalid cursor"))
}

/// Cuts `rows` (fetched with `limit + 1`) to a page and makes the next cursor from the last item.
pub fn page<R, T: Serialize>(
    mut rows: Vec<R>,
    limit: u64,
    position: impl Fn(&R) -> T,
) -> (Vec<R>, Option<String>) {
    let more = rows.len() as u64 > limit;
    rows.truncate(limit as usize);
    let next = if more { rows.last().map(|r| encode(&position(r))) } else { None };
    (rows, next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_round_trips_and_rejects_garbage() {
        let q = PageQuery { limit: None, cursor: Some(encode(&("Team Noord", 7))) };
        assert_eq!(q.decode::<(String, i32)>().unwrap(), Some(("Team Noord".to_string(), 7)));
        let bad = PageQuery { limit: None, cursor: Some("%%%".into()) };
        assert!(bad.decode::<(String, i32)>().is_err());
    }

    #[test]
    fn limit_is_clamped_and_pages_know_when_there_is_more() {
        assert_eq!(PageQuery { limit: Some(0), cursor: None }.limit(), 1);
        assert_eq!(PageQuery { limit: Some(10_000), cursor: None }.limit(), MAX_LIMIT);
        let (rows, next) = page(vec![1, 2, 3], 2, |r| *r);
        assert_eq!(rows, vec![1, 2]);
        assert_eq!(next, Some(encode(&2)));
        let (_, next) = page(vec![1, 2], 2, |r| *r);
        assert_eq!(next, None);
    }
}
