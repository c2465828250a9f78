//! Mail texts in Dutch and English. Links always start from the configured
//! base URL, never from a request's `Host` header.

use shared::i18n::Locale;

/// A rendered message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
}

fn sign_off(locale: Locale) -> &'static str {
    match locale {
        Locale::Nl => "Met vriendelijke groet,\nPoort",
        Locale::En => "Kind regards,\nPoort",
    }
}

/// Sent to the owner when wrong passwords locked their account.
pub fn account_locked(locale: Locale, name: &str, reset_url: &str, minutes: Option<i64>) -> Rendered {
    match locale {
        Locale::Nl => Rendered {
            subject: "Je Poort-account is tijdelijk geblokkeerd".into(),
            body: format!(
                "Beste {name},\n\nEr is te vaak een verkeerd wachtwoord ingevoerd voor je account. {}\n\n\
                 Was jij dit niet, of ben je je wachtwoord vergeten? Stel dan een nieuw wachtwoord in:\n{reset_url}\n\n\
                 Een nieuw wachtwoord heft de blokkade direct op.\n\n{}",
                match minutes {
                    Some(m) => format!("Het account is {m} minuten geblokkeerd."),
                    None => "Het account blijft geblokkeerd tot je een nieuw wachtwoord instelt.".into(),
                },
                sign_off(locale)
            ),
        },
        Locale::En => Rendered {
            subject: "Your Poort account is temporarily locked".into(),
            body: format!(
                "Dear {name},\n\nA wrong password was entered too often for your account. {}\n\n\
                 Wasn't this you, or did you forget your password? Choose a new one here:\n{reset_url}\n\n\
                 A new password lifts the lock at once.\n\n{}",
                match minutes {
                    Some(m) => format!("The account is locked for {m} minutes."),
                    None => "The account stays locked until you choose a new password.".into(),
                },
                sign_off(locale)
            ),
        },
    }
}

/// The password reset link.
pub fn password_reset(locale: Locale, name: &str, reset_url: &str, valid_minutes: i64) -> Rendered {
    match locale {
        Locale::Nl => Rendered {
            subject: "Nieuw wachtwoord instellen voor Poort".into(),
            body: format!(
                "Beste {name},\n\nJe hebt gevraagd om een nieuw wachtwoord. Kies het via deze link \
                 (geldig tot {valid_minutes} minuten na deze mail, één keer te gebruiken):\n{reset_url}\n\n\
                 Heb je dit niet gevraagd? Dan kun je deze mail negeren; je wachtwoord blijft hetzelfde.\n\n{}",
                sign_off(locale)
            ),
        },
        Locale::En => Rendered {
            subject: "Choose a new password for Poort".into(),
            body: format!(
                "Dear {name},\n\nYou asked for a new password. Choose it with this link \
                 (valid for {valid_minutes} minutes, works once):\n{reset_url}\n\n\
                 Didn't ask for this? Ignore this mail; your password stays the same.\n\n{}",
                sign_off(locale)
            ),
        },
    }
}

/// The invitation to activate an account.
pub fn invitation(
    locale: Locale,
    name: &str,
    organisation: &str,
    inviter: &str,
    url: &str,
    valid_days: i64,
) -> Rendered {
    match locale {
        Locale::Nl => Rendered {
            subject: format!("Uitnodiging voor Poort van {organisation}"),
            body: format!(
                "Beste {name},\n\n{inviter} nodigt je uit voor Poort, het portaal van {organisation}. \
                 Activeer je account via deze link (geldig {valid_days} dagen, één keer te gebruiken):\n{url}\n\n\
                 Je bevestigt je geboortedatum en kiest een wachtwoord.\n\n{}",
                sign_off(locale)
            ),
        },
        Locale::En => Rendered {
            subject: format!("Invitation to Poort from {organisation}"),
            body: format!(
                "Dear {name},\n\n{inviter} invites you to Poort, the portal of {organisation}. \
                 Activate your account with this link (valid for {valid_days} days, works once):\n{url}\n\n\
                 You confirm your birth date and choose a password.\n\n{}",
                sign_off(locale)
            ),
        },
    }
}

/// Tells the owner that someone knew their password but failed the second factor.
pub fn second_factor_failures(locale: Locale, name: &str) -> Rendered {
    match locale {
        Locale::Nl => Rendered {
            subject: "Mislukte inlogpoging op je Poort-account".into(),
            body: format!(
                "Beste {name},\n\nIemand heeft met je wachtwoord geprobeerd in te loggen, maar gaf vijf keer een \
                 verkeerde code uit je authenticator-app. Was jij dit niet? Wijzig dan meteen je wachtwoord.\n\n{}",
                sign_off(locale)
            ),
        },
        Locale::En => Rendered {
            subject: "Failed sign-in attempt on your Poort account".into(),
            body: format!(
                "Dear {name},\n\nSomeone signed in with your password but entered a wrong authenticator code five \
                 times. Wasn't this you? Change your password straight away.\n\n{}",
                sign_off(locale)
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_carry_the_link_and_the_name() {
        for l in [Locale::Nl, Locale::En] {
            let m = password_reset(l, "Anna Jansen", "https://poort.example/wachtwoord/abc", 30);
            assert!(m.body.contains("https://poort.example/wachtwoord/abc"));
            assert!(m.body.contains("Anna Jansen"));
            assert!(m.body.contains("30"));
            let m = account_locked(l, "Eva", "https://poort.example/x", Some(60));
            assert!(m.body.contains("60"));
        }
        assert!(password_reset(Locale::Nl, "A", "u", 30).subject.contains("wachtwoord"));
        assert!(password_reset(Locale::En, "A", "u", 30).subject.contains("password"));
    }
}
