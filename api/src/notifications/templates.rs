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

pub(crate) fn sign_off(locale: Locale) -> &'static str {
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
                 verkeerde inlogcode. Was jij dit niet? Wijzig dan meteen je wachtwoord.\n\n{}",
                sign_off(locale)
            ),
        },
        Locale::En => Rendered {
            subject: "Failed sign-in attempt on your Poort account".into(),
            body: format!(
                "Dear {name},\n\nSomeone signed in with your password but entered a wrong sign-in code five \
                 times. Wasn't this you? Change your password straight away.\n\n{}",
                sign_off(locale)
            ),
        },
    }
}

/// What an SMS code is for; the text and the outbox label follow from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmsPurpose {
    /// The PIN that activates an invitation (seed 002).
    Activation,
    /// A code to finish signing in.
    SignIn,
    /// A code that proves the number, to use SMS codes as a second factor.
    VerifyMobile,
    /// A code that confirms signing a contract.
    SignContract,
}

/// An SMS with a code. The subject is only the label the helpdesk's outbox shows.
pub fn sms_code(locale: Locale, purpose: SmsPurpose, code: &str, valid_minutes: i64) -> Rendered {
    let (label, what) = match (locale, purpose) {
        (Locale::Nl, SmsPurpose::Activation) => {
            ("Pincode voor activeren", "Je pincode om je Poort-account te activeren")
        }
        (Locale::Nl, SmsPurpose::SignIn) => ("Inlogcode", "Je inlogcode voor Poort"),
        (Locale::Nl, SmsPurpose::VerifyMobile) => {
            ("Code om je nummer te bevestigen", "Je code om dit nummer te bevestigen in Poort")
        }
        (Locale::Nl, SmsPurpose::SignContract) => {
            ("Code om je contract te ondertekenen", "Je code om je contract te ondertekenen in Poort")
        }
        (Locale::En, SmsPurpose::SignContract) => {
            ("Code to sign your contract", "Your code to sign your contract in Poort")
        }
        (Locale::En, SmsPurpose::Activation) => ("Activation PIN", "Your PIN to activate your Poort account"),
        (Locale::En, SmsPurpose::SignIn) => ("Sign-in code", "Your Poort sign-in code"),
        (Locale::En, SmsPurpose::VerifyMobile) => {
            ("Code to confirm your number", "Your code to confirm this number in Poort")
        }
    };
    let body = match locale {
        Locale::Nl => {
            format!("{what} is {code}. Geldig {valid_minutes} minuten. Deel deze code met niemand.")
        }
        Locale::En => format!("{what} is {code}. Valid for {valid_minutes} minutes. Never share this code."),
    };
    Rendered { subject: label.into(), body }
}

/// Sent to the old address when a person changed their e-mail address.
pub fn email_changed(locale: Locale, name: &str, new_email: &str) -> Rendered {
    match locale {
        Locale::Nl => Rendered {
            subject: "Je e-mailadres voor Poort is gewijzigd".into(),
            body: format!(
                "Beste {name},\n\nHet e-mailadres van je Poort-account is gewijzigd in {new_email}. \
                 Vanaf nu log je daarmee in en komen berichten van Poort daar binnen.\n\n\
                 Heb jij dit niet gedaan? Neem dan meteen contact op met de beheerder van je organisatie.\n\n{}",
                sign_off(locale)
            ),
        },
        Locale::En => Rendered {
            subject: "Your Poort e-mail address was changed".into(),
            body: format!(
                "Dear {name},\n\nThe e-mail address of your Poort account was changed to {new_email}. \
                 From now on you sign in with it and Poort's messages go there.\n\n\
                 Wasn't this you? Contact your organisation's administrator straight away.\n\n{}",
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

    #[test]
    fn sms_texts_carry_the_code_and_stay_within_one_message() {
        for l in [Locale::Nl, Locale::En] {
            for p in [
                SmsPurpose::Activation,
                SmsPurpose::SignIn,
                SmsPurpose::VerifyMobile,
                SmsPurpose::SignContract,
            ] {
                let m = sms_code(l, p, "482913", 10);
                assert!(m.body.contains("482913") && m.body.contains("10"), "{m:?}");
                // One SMS segment holds 160 GSM-7 characters.
                assert!(m.body.chars().count() <= 160, "{} characters: {}", m.body.chars().count(), m.body);
                assert!(m.body.is_ascii(), "GSM-7 safe: {}", m.body);
            }
        }
        let m = email_changed(Locale::Nl, "Anna", "anna@nieuw.example");
        assert!(m.body.contains("anna@nieuw.example"));
    }
}
