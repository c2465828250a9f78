//! "Vergelijkbare personen" (seed 003): before a new informal carer is made, Poort shows the
//! existing ones who are probably the same person, so one carer keeps one account across
//! the networks of, say, both parents.

use chrono::NaiveDate;

/// The parts of a person compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonKey<'a> {
    /// First name.
    pub first_name: &'a str,
    /// Infix ("van der"), if any.
    pub infix: Option<&'a str>,
    /// Last name.
    pub last_name: &'a str,
    /// E-mail address.
    pub email: &'a str,
    /// Birth date, if known.
    pub birth_date: Option<NaiveDate>,
}

/// Lower case, accents removed, everything but letters and digits dropped: "Sánchez-Van
/// Dam" and "sanchez van dam" compare equal.
pub fn normalise(s: &str) -> String {
    s.chars().filter_map(fold).filter(char::is_ascii_alphanumeric).collect()
}

/// The key stored beside a person to find candidates in one indexed query: infix and last
/// name, normalised.
pub fn name_key(infix: Option<&str>, last_name: &str) -> String {
    normalise(&format!("{}{}", infix.unwrap_or_default(), last_name))
}

/// Whether two persons are probably the same: the same e-mail address, or the same name
/// parts (first name, infix + last name; case, accents and spacing ignored) together with
/// the same birth date.
pub fn is_similar(a: &PersonKey<'_>, b: &PersonKey<'_>) -> bool {
    let same_mail = !a.email.trim().is_empty() && a.email.trim().eq_ignore_ascii_case(b.email.trim());
    let same_name = normalise(a.first_name) == normalise(b.first_name)
        && name_key(a.infix, a.last_name) == name_key(b.infix, b.last_name);
    let same_birth = a.birth_date.is_some() && a.birth_date == b.birth_date;
    same_mail || (same_name && same_birth)
}

/// An e-mail address shown to someone who may not know it: first letter and domain.
pub fn email_hint(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}…@{domain}")
        }
        None => "…".into(),
    }
}

/// One character, lower case and without its accent (Latin letters Dutch names use).
fn fold(c: char) -> Option<char> {
    let c = c.to_lowercase().next()?;
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ş' | 'š' => 's',
        'ž' => 'z',
        'ğ' => 'g',
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key<'a>(
        first: &'a str,
        infix: Option<&'a str>,
        last: &'a str,
        email: &'a str,
        birth: Option<(i32, u32, u32)>,
    ) -> PersonKey<'a> {
        PersonKey {
            first_name: first,
            infix,
            last_name: last,
            email,
            birth_date: birth.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        }
    }

    #[test]
    fn accents_case_and_spacing_do_not_matter() {
        assert_eq!(normalise("José"), "jose");
        assert_eq!(name_key(Some("van der"), "Berg"), name_key(None, "Van der Berg"));
        assert_eq!(normalise("  Çelik-Öztürk "), "celikozturk");
    }

    #[test]
    fn the_same_mail_is_the_same_person() {
        let a = key("Ingrid", None, "Bos", "ingrid.bos@example.nl", None);
        let b = key("Inge", None, "Bosch", "INGRID.BOS@example.nl ", None);
        assert!(is_similar(&a, &b));
    }

    #[test]
    fn the_same_name_needs_the_same_birth_date() {
        let a = key("Ingrid", Some("van"), "Dam", "a@example.nl", Some((1970, 3, 4)));
        let same = key("ingrid", None, "Van Dam", "b@example.nl", Some((1970, 3, 4)));
        let other_day = key("Ingrid", Some("van"), "Dam", "b@example.nl", Some((1971, 3, 4)));
        let unknown = key("Ingrid", Some("van"), "Dam", "b@example.nl", None);
        assert!(is_similar(&a, &same));
        assert!(!is_similar(&a, &other_day));
        assert!(!is_similar(&a, &unknown));
    }

    #[test]
    fn hints_hide_the_address() {
        assert_eq!(email_hint("ingrid.bos@example.nl"), "i…@example.nl");
        assert_eq!(email_hint("nonsense"), "…");
    }
}
