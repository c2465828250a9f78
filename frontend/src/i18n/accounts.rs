//! Texts of the signed-out account pages: forgotten password, choosing a new
//! password, activating an invitation.

use shared::i18n::Locale;
use shared::password_policy::{PasswordPolicy, PasswordProblem};

/// The account pages' fixed texts in one language.
pub struct AccountTexts {
    /// The language these texts are in.
    pub locale: Locale,
    pub forgot_link: &'static str,
    pub forgot_title: &'static str,
    pub forgot_intro: &'static str,
    pub forgot_submit: &'static str,
    pub sending: &'static str,
    pub forgot_sent_title: &'static str,
    pub forgot_sent_body: &'static str,
    pub forgot_sent_spam: &'static str,
    pub back_to_sign_in: &'static str,

    pub reset_title: &'static str,
    pub reset_intro: &'static str,
    pub new_password_label: &'static str,
    pub repeat_password_label: &'static str,
    pub show_passwords: &'static str,
    pub passwords_differ: &'static str,
    pub password_ok: &'static str,
    pub save_password: &'static str,
    pub saving: &'static str,
    pub password_changed: &'static str,
    pub link_invalid_title: &'static str,
    pub reset_link_invalid: &'static str,
    pub request_new_link: &'static str,

    pub activate_title: &'static str,
    pub birth_date_label: &'static str,
    pub birth_date_hint: &'static str,
    pub birth_date_required: &'static str,
    pub current_password_label: &'static str,
    pub current_password_hint: &'static str,
    pub activate_submit: &'static str,
    pub activating: &'static str,
    pub activation_link_invalid: &'static str,
    pub activated_sign_in: &'static str,
}

impl AccountTexts {
    fn pick(&self, nl: &'static str, en: &'static str) -> &'static str {
        if self.locale == Locale::Nl { nl } else { en }
    }

    /// Why the server or the live check refuses a new password.
    pub fn password_problem(&self, problem: PasswordProblem) -> String {
        let nl = self.locale == Locale::Nl;
        match problem {
            PasswordProblem::TooShort { min } if nl => format!("Gebruik minstens {min} tekens."),
            PasswordProblem::TooShort { min } => format!("Use at least {min} characters."),
            PasswordProblem::TooLong { max } if nl => format!("Gebruik hoogstens {max} tekens."),
            PasswordProblem::TooLong { max } => format!("Use at most {max} characters."),
            PasswordProblem::Common => self
                .pick(
                    "Dit wachtwoord wordt veel gebruikt en is makkelijk te raden. Kies een ander.",
                    "This password is widely used and easy to guess. Choose another one.",
                )
                .into(),
            PasswordProblem::ContainsPersonalInfo => self
                .pick(
                    "Gebruik niet uw naam, e-mailadres of de naam van uw organisatie.",
                    "Do not use your name, e-mail address or your organisation's name.",
                )
                .into(),
            PasswordProblem::ForbiddenCharacter => {
                self.pick("Gebruik geen @, $, # of %.", "Do not use @, $, # or %.").into()
            }
            PasswordProblem::TooFewCharacterClasses => self
                .pick(
                    "Gebruik minstens drie van: kleine letters, hoofdletters, cijfers en leestekens.",
                    "Use at least three of: lower case, upper case, digits and punctuation.",
                )
                .into(),
        }
    }

    /// A password problem the server named by its code in `fields.password`.
    /// The code carries no numbers, so the lengths come from the policy.
    pub fn password_code(&self, code: &str, policy: PasswordPolicy) -> Option<String> {
        let problem = match code {
            "too_short" => PasswordProblem::TooShort { min: policy.min_length() },
            "too_long" => PasswordProblem::TooLong { max: policy.max_length() },
            "common" => PasswordProblem::Common,
            "contains_personal_info" => PasswordProblem::ContainsPersonalInfo,
            "forbidden_character" => PasswordProblem::ForbiddenCharacter,
            "too_few_character_classes" => PasswordProblem::TooFewCharacterClasses,
            _ => return None,
        };
        Some(self.password_problem(problem))
    }

    /// What a good password looks like under `policy`, shown below the field.
    pub fn password_hint(&self, policy: PasswordPolicy) -> String {
        let nl = self.locale == Locale::Nl;
        match policy {
            PasswordPolicy::Standard { .. } if nl => format!(
                "Gebruik minstens {} tekens. Een zin van een paar woorden is sterk en goed te onthouden.",
                policy.min_length()
            ),
            PasswordPolicy::Standard { .. } => format!(
                "Use at least {} characters. A sentence of a few words is strong and easy to remember.",
                policy.min_length()
            ),
            PasswordPolicy::Legacy if nl => format!(
                "{} tot {} tekens, met minstens drie van: kleine letters, hoofdletters, cijfers en leestekens; geen @, $, # of %.",
                policy.min_length(),
                policy.max_length()
            ),
            PasswordPolicy::Legacy => format!(
                "{} to {} characters, with at least three of: lower case, upper case, digits and punctuation; no @, $, # or %.",
                policy.min_length(),
                policy.max_length()
            ),
        }
    }

    /// "Welkom, Daan Koster".
    pub fn welcome(&self, name: &str) -> String {
        format!("{}, {name}", self.pick("Welkom", "Welcome"))
    }

    /// Who invites, and what the person is about to do.
    pub fn activate_intro(&self, organisation: &str, existing_account: bool) -> String {
        match (self.locale, existing_account) {
            (Locale::Nl, false) => format!(
                "{organisation} nodigt u uit voor Poort. Bevestig uw geboortedatum en kies een wachtwoord; daarna bent u meteen ingelogd."
            ),
            (Locale::En, false) => format!(
                "{organisation} invites you to Poort. Confirm your birth date and choose a password; you are then signed in straight away."
            ),
            (Locale::Nl, true) => format!(
                "{organisation} nodigt u uit voor Poort. U heeft al een Poort-account met dit e-mailadres: u houdt één account en kunt daarna wisselen tussen uw organisaties. Bevestig uw geboortedatum en uw huidige wachtwoord."
            ),
            (Locale::En, true) => format!(
                "{organisation} invites you to Poort. You already have a Poort account with this e-mail address: you keep one account and can switch between your organisations afterwards. Confirm your birth date and your current password."
            ),
        }
    }

    /// A wrong birth date, with the attempts left when the server said.
    pub fn wrong_birth_date(&self, left: Option<u32>) -> String {
        let base = self.pick(
            "Deze geboortedatum komt niet overeen met wat uw organisatie heeft opgegeven.",
            "This birth date does not match what your organisation recorded.",
        );
        self.with_attempts_left(base, left)
    }

    /// A wrong current password when activating with an existing account.
    pub fn wrong_current_password(&self, left: Option<u32>) -> String {
        let base = self.pick(
            "Dit is niet het wachtwoord van uw bestaande Poort-account.",
            "This is not the password of your existing Poort account.",
        );
        self.with_attempts_left(base, left)
    }

    /// `base` with the attempts left, when the server said.
    pub fn with_attempts_left(&self, base: &str, left: Option<u32>) -> String {
        match (left, self.locale) {
            (Some(1), Locale::Nl) => format!("{base} U kunt het nog 1 keer proberen."),
            (Some(n), Locale::Nl) => format!("{base} U kunt het nog {n} keer proberen."),
            (Some(1), Locale::En) => format!("{base} You have 1 attempt left."),
            (Some(n), Locale::En) => format!("{base} You have {n} attempts left."),
            (None, _) => base.to_string(),
        }
    }

    /// "Te veel pogingen. Probeer het over 42 seconden opnieuw."
    pub fn retry_in(&self, seconds: u64) -> String {
        match (self.locale, seconds) {
            (Locale::Nl, 1) => "Te veel pogingen. Probeer het over 1 seconde opnieuw.".into(),
            (Locale::Nl, n) => format!("Te veel pogingen. Probeer het over {n} seconden opnieuw."),
            (Locale::En, 1) => "Too many attempts. Try again in 1 second.".into(),
            (Locale::En, n) => format!("Too many attempts. Try again in {n} seconds."),
        }
    }
}

/// The first number in the server's English text, e.g. the attempts left in
/// "does not match what we know; 3 attempts left".
pub fn first_number(text: &str) -> Option<u32> {
    let digits: String =
        text.chars().skip_while(|c| !c.is_ascii_digit()).take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Nederlands.
pub static NL: AccountTexts = AccountTexts {
    locale: Locale::Nl,
    forgot_link: "Wachtwoord vergeten?",
    forgot_title: "Wachtwoord vergeten",
    forgot_intro: "Vul het e-mailadres van uw Poort-account in. U ontvangt dan een e-mail met een link om een nieuw wachtwoord te kiezen.",
    forgot_submit: "Stuur mij een link",
    sending: "Bezig met versturen…",
    forgot_sent_title: "Kijk in uw e-mail",
    forgot_sent_body: "Als dit adres bij ons bekend is, ontvangt u binnen enkele minuten een e-mail met een link om een nieuw wachtwoord te kiezen. De link werkt één keer en is korte tijd geldig.",
    forgot_sent_spam: "Geen e-mail ontvangen? Kijk ook bij uw ongewenste e-mail, of vraag de beheerder van uw organisatie om hulp.",
    back_to_sign_in: "Terug naar inloggen",

    reset_title: "Nieuw wachtwoord kiezen",
    reset_intro: "Kies een nieuw wachtwoord voor uw Poort-account. U wordt daarna op al uw apparaten uitgelogd.",
    new_password_label: "Nieuw wachtwoord",
    repeat_password_label: "Herhaal het nieuwe wachtwoord",
    show_passwords: "Toon wachtwoorden",
    passwords_differ: "De twee wachtwoorden zijn niet gelijk.",
    password_ok: "Dit wachtwoord voldoet.",
    save_password: "Wachtwoord opslaan",
    saving: "Bezig met opslaan…",
    password_changed: "Uw wachtwoord is gewijzigd. Log in met uw nieuwe wachtwoord.",
    link_invalid_title: "Deze link werkt niet meer",
    reset_link_invalid: "De link is ongeldig, al gebruikt of verlopen. Vraag een nieuwe link aan; die is direct te gebruiken.",
    request_new_link: "Nieuwe link aanvragen",

    activate_title: "Account activeren",
    birth_date_label: "Geboortedatum",
    birth_date_hint: "Ter controle: de geboortedatum die uw organisatie van u heeft.",
    birth_date_required: "Vul uw geboortedatum in.",
    current_password_label: "Uw huidige Poort-wachtwoord",
    current_password_hint: "Het wachtwoord waarmee u nu al inlogt op Poort.",
    activate_submit: "Account activeren",
    activating: "Bezig met activeren…",
    activation_link_invalid: "Deze uitnodiging is ongeldig, al gebruikt of verlopen. Vraag degene die u uitnodigde om een nieuwe uitnodiging.",
    activated_sign_in: "Uw account is geactiveerd. Log in met uw e-mailadres en wachtwoord.",
};

/// English.
pub static EN: AccountTexts = AccountTexts {
    locale: Locale::En,
    forgot_link: "Forgot your password?",
    forgot_title: "Forgot your password",
    forgot_intro: "Enter the e-mail address of your Poort account. We will send you an e-mail with a link to choose a new password.",
    forgot_submit: "Send me a link",
    sending: "Sending…",
    forgot_sent_title: "Check your e-mail",
    forgot_sent_body: "If we know this address, you will receive an e-mail within a few minutes with a link to choose a new password. The link works once and for a short time.",
    forgot_sent_spam: "No e-mail? Also look in your junk mail, or ask your organisation's administrator for help.",
    back_to_sign_in: "Back to sign in",

    reset_title: "Choose a new password",
    reset_intro: "Choose a new password for your Poort account. You will then be signed out on all your devices.",
    new_password_label: "New password",
    repeat_password_label: "Repeat the new password",
    show_passwords: "Show passwords",
    passwords_differ: "The two passwords are not the same.",
    password_ok: "This password is fine.",
    save_password: "Save password",
    saving: "Saving…",
    password_changed: "Your password has been changed. Sign in with your new password.",
    link_invalid_title: "This link no longer works",
    reset_link_invalid: "The link is invalid, used or expired. Ask for a new link; it works straight away.",
    request_new_link: "Ask for a new link",

    activate_title: "Activate your account",
    birth_date_label: "Birth date",
    birth_date_hint: "As a check: the birth date your organisation has on record.",
    birth_date_required: "Enter your birth date.",
    current_password_label: "Your current Poort password",
    current_password_hint: "The password you already use to sign in to Poort.",
    activate_submit: "Activate account",
    activating: "Activating…",
    activation_link_invalid: "This invitation is invalid, used or expired. Ask the person who invited you for a new invitation.",
    activated_sign_in: "Your account has been activated. Sign in with your e-mail address and password.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_problems_carry_their_numbers() {
        assert_eq!(NL.password_problem(PasswordProblem::TooShort { min: 12 }), "Gebruik minstens 12 tekens.");
        assert_eq!(EN.password_problem(PasswordProblem::TooLong { max: 16 }), "Use at most 16 characters.");
        assert_eq!(
            NL.password_code("too_short", PasswordPolicy::default()).as_deref(),
            Some("Gebruik minstens 12 tekens.")
        );
        assert_eq!(NL.password_code("something_new", PasswordPolicy::default()), None);
    }

    #[test]
    fn attempts_left_are_read_from_the_server_text() {
        assert_eq!(first_number("does not match what we know; 3 attempts left"), Some(3));
        assert_eq!(first_number("no number"), None);
        assert!(NL.wrong_birth_date(Some(3)).ends_with("U kunt het nog 3 keer proberen."));
        assert!(EN.wrong_birth_date(Some(1)).ends_with("You have 1 attempt left."));
        assert_eq!(NL.retry_in(42), "Te veel pogingen. Probeer het over 42 seconden opnieuw.");
    }
}
