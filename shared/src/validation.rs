//! Field rules both the server and the browser apply, so a form says what the
//! server will say before it is sent.

/// Longest e-mail address accepted (RFC 5321 path limit).
pub const MAX_EMAIL_LEN: usize = 254;
/// Longest password accepted; longer input is refused before hashing so it
/// cannot be used to burn CPU.
pub const MAX_PASSWORD_LEN: usize = 1024;
/// Longest organisation name.
pub const MAX_ORGANISATION_NAME_LEN: usize = 200;
/// Longest team name.
pub const MAX_TEAM_NAME_LEN: usize = 100;
/// Longest platform status message.
pub const MAX_STATUS_MESSAGE_LEN: usize = 500;

/// Why a field value is refused, as a stable code plus English text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldProblem {
    /// Nothing was entered.
    Required,
    /// Longer than allowed.
    TooLong(usize),
    /// Not an e-mail address.
    InvalidEmail,
    /// Not a mobile number that can receive SMS (see `mobile::normalise_mobile`).
    InvalidMobile,
}

impl FieldProblem {
    /// The code clients translate.
    pub fn code(self) -> &'static str {
        match self {
            Self::Required => "required",
            Self::TooLong(_) => "too_long",
            Self::InvalidEmail => "invalid_email",
            Self::InvalidMobile => "invalid_mobile",
        }
    }

    /// The English explanation.
    pub fn message(self) -> String {
        match self {
            Self::Required => "is required".into(),
            Self::TooLong(n) => format!("must be at most {n} characters"),
            Self::InvalidEmail => "is not a valid e-mail address".into(),
            Self::InvalidMobile => "is not a mobile number that can receive SMS".into(),
        }
    }
}

/// Checks the shape of an e-mail address: one `@`, something on both sides, a dot
/// in the domain, no spaces. Deliverability is proven by mail, not by a regex.
pub fn check_email(email: &str) -> Result<(), FieldProblem> {
    let email = email.trim();
    if email.is_empty() {
        return Err(FieldProblem::Required);
    }
    if email.chars().count() > MAX_EMAIL_LEN {
        return Err(FieldProblem::TooLong(MAX_EMAIL_LEN));
    }
    let Some((local, domain)) = email.split_once('@') else {
        return Err(FieldProblem::InvalidEmail);
    };
    let ok = !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace);
    if ok { Ok(()) } else { Err(FieldProblem::InvalidEmail) }
}

/// Checks a required single-line name (trimmed) against a maximum length.
pub fn check_name(value: &str, max: usize) -> Result<(), FieldProblem> {
    let value = value.trim();
    if value.is_empty() {
        Err(FieldProblem::Required)
    } else if value.chars().count() > max {
        Err(FieldProblem::TooLong(max))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_shapes() {
        assert_eq!(check_email("jan@zorg.nl"), Ok(()));
        assert_eq!(check_email("  "), Err(FieldProblem::Required));
        assert_eq!(check_email("jan"), Err(FieldProblem::InvalidEmail));
        assert_eq!(check_email("jan@zorg"), Err(FieldProblem::InvalidEmail));
        assert_eq!(check_email("j an@zorg.nl"), Err(FieldProblem::InvalidEmail));
        assert_eq!(check_email("a@b@c.nl"), Err(FieldProblem::InvalidEmail));
        let long = format!("{}@zorg.nl", "a".repeat(300));
        assert_eq!(check_email(&long), Err(FieldProblem::TooLong(MAX_EMAIL_LEN)));
    }

    #[test]
    fn names() {
        assert_eq!(check_name(" Team Noord ", 100), Ok(()));
        assert_eq!(check_name("", 100), Err(FieldProblem::Required));
        assert_eq!(check_name(&"x".repeat(101), 100), Err(FieldProblem::TooLong(100)));
        assert_eq!(FieldProblem::TooLong(3).code(), "too_long");
    }
}
