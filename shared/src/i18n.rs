//! Languages Poort speaks. Dutch is the default.

use serde::{Deserialize, Serialize};

/// A user interface language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// Nederlands (default).
    #[default]
    Nl,
    /// English.
    En,
}

impl Locale {
    /// The BCP 47 tag, as stored and as used in `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Self::Nl => "nl",
            Self::En => "en",
        }
    }

    /// Parses a stored tag or an `Accept-Language` primary subtag; unknown tags fall back to Dutch.
    pub fn from_tag(tag: &str) -> Self {
        let primary = tag.split(['-', '_', ',', ';']).next().unwrap_or("").trim();
        if primary.eq_ignore_ascii_case("en") { Self::En } else { Self::Nl }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_unknown_falls_back_to_dutch() {
        for l in [Locale::Nl, Locale::En] {
            assert_eq!(Locale::from_tag(l.tag()), l);
        }
        assert_eq!(Locale::from_tag("en-GB,en;q=0.9"), Locale::En);
        assert_eq!(Locale::from_tag("de"), Locale::Nl);
        assert_eq!(Locale::from_tag(""), Locale::Nl);
    }
}
