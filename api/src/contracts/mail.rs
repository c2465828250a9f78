//! Mails about contracts, in the reader's language, with a deep link to the contract.

use shared::i18n::Locale;

use crate::notifications::templates::{Rendered, sign_off};

/// "A contract is waiting for your signature": to the employee.
pub fn offered_text(locale: Locale, name: &str, title: &str, sign_by: &str, link: &str) -> Rendered {
    match locale {
        Locale::Nl => Rendered {
            subject: format!("Contract om te ondertekenen: {title}"),
            body: format!(
                "Beste {name},\n\nEr staat een contract voor je klaar om te lezen en te ondertekenen: \
                 {title}. Onderteken het uiterlijk {sign_by}.\n\nOpen het contract:\n\n{link}\n\n\
                 Je ondertekent met je tweede factor (authenticator-app of sms-code).\n\n{}",
                sign_off(locale)
            ),
        },
        Locale::En => Rendered {
            subject: format!("Contract to sign: {title}"),
            body: format!(
                "Dear {name},\n\nA contract is ready for you to read and sign: {title}. Please sign it \
                 by {sign_by}.\n\nOpen the contract:\n\n{link}\n\nYou sign with your second factor \
                 (authenticator app or SMS code).\n\n{}",
                sign_off(locale)
            ),
        },
    }
}

/// "The employee signed": to the employer who offered it.
pub fn signed_text(locale: Locale, name: &str, employee: &str, title: &str, link: &str) -> Rendered {
    match locale {
        Locale::Nl => Rendered {
            subject: format!("Contract ondertekend: {title} ({employee})"),
            body: format!(
                "Beste {name},\n\n{employee} heeft het contract \"{title}\" ondertekend. De \
                 ondertekening en het controlespoor (tijd, IP-adres, browser en de hash van het \
                 document) staan bij het contract:\n\n{link}\n\n{}",
                sign_off(locale)
            ),
        },
        Locale::En => Rendered {
            subject: format!("Contract signed: {title} ({employee})"),
            body: format!(
                "Dear {name},\n\n{employee} signed the contract \"{title}\". The signature and its \
                 audit trail (time, IP address, browser and the document's hash) are with the \
                 contract:\n\n{link}\n\n{}",
                sign_off(locale)
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_carry_the_deep_link() {
        for l in [Locale::Nl, Locale::En] {
            let m =
                offered_text(l, "Pieter", "Arbeidsovereenkomst 2027", "30-11-2026", "https://x/contracten/1");
            assert!(m.body.contains("https://x/contracten/1") && m.subject.contains("Arbeidsovereenkomst"));
            let m =
                signed_text(l, "Eva", "Pieter Smit", "Arbeidsovereenkomst 2027", "https://x/contracten/1");
            assert!(m.body.contains("Pieter Smit") && m.body.contains("https://x/contracten/1"));
        }
    }
}
