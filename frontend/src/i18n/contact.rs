//! Texts of what came with SMS (seed 002): contact details and SMS codes on
//! "Mijn account", the SMS step at sign-in, the activation PIN, remembered
//! browsers, the mobile number on invitations and the helpdesk's new
//! organisations.

use shared::i18n::Locale;

/// These texts in one language.
pub struct ContactTexts {
    /// The language these texts are in.
    pub locale: Locale,

    // Sign-in: the code by SMS.
    pub sms_title: &'static str,
    pub sms_intro: &'static str,
    pub sms_code_label: &'static str,
    pub send_sms: &'static str,
    pub resend_sms: &'static str,
    pub sending: &'static str,
    pub use_sms_instead: &'static str,
    pub use_app_instead: &'static str,
    pub send_sms_first: &'static str,

    // Activation with a PIN.
    pub pin_label: &'static str,
    pub resend_pin: &'static str,
    pub pin_required: &'static str,
    pub pin_format: &'static str,
    pub pin_expired: &'static str,
    pub wrong_pin: &'static str,

    // "Mijn account": contact details.
    pub contact_heading: &'static str,
    pub contact_intro: &'static str,
    pub mobile_label: &'static str,
    pub no_mobile: &'static str,
    pub verified: &'static str,
    pub not_verified: &'static str,
    pub change_email: &'static str,
    pub change_mobile: &'static str,
    pub new_email_label: &'static str,
    pub new_mobile_label: &'static str,
    pub mobile_hint: &'static str,
    pub save: &'static str,
    pub saving: &'static str,
    pub cancel: &'static str,
    pub mobile_saved: &'static str,
    pub mobile_removed: &'static str,
    pub email_taken: &'static str,
    pub invalid_mobile: &'static str,

    // "Mijn account": SMS codes as a second factor.
    pub sms_heading: &'static str,
    pub sms_factor_intro: &'static str,
    pub sms_on: &'static str,
    pub sms_off: &'static str,
    pub sms_needs_mobile: &'static str,
    pub sms_start: &'static str,
    pub sms_enabled: &'static str,
    pub sms_remove: &'static str,
    pub sms_removed: &'static str,
    pub code_expired: &'static str,

    // "Mijn account": remembered browsers.
    pub remembered_heading: &'static str,
    pub remembered_intro: &'static str,
    pub no_remembered: &'static str,
    pub remembered_on: &'static str,
    pub last_used: &'static str,
    pub not_used_yet: &'static str,
    pub remembered_until: &'static str,
    pub unknown_browser: &'static str,
    pub forget: &'static str,
    pub forget_all: &'static str,
    pub forgotten: &'static str,
    pub all_forgotten: &'static str,

    // Invitations and security settings.
    pub invite_mobile_hint: &'static str,
    pub mobile_example: &'static str,
    pub mobile_required_for_pin: &'static str,
    pub proof_legend: &'static str,
    pub proof_birth_date: &'static str,
    pub proof_birth_date_hint: &'static str,
    pub proof_sms_pin: &'static str,
    pub proof_sms_pin_hint: &'static str,

    // Helpdesk: a new organisation and its main contact.
    pub new_org_heading: &'static str,
    pub new_org_intro: &'static str,
    pub org_name_label: &'static str,
    pub main_contact_legend: &'static str,
    pub create_org: &'static str,
    pub name_taken: &'static str,
    pub organisations_heading: &'static str,
    pub no_organisations: &'static str,
    pub main_contact_exists: &'static str,
}

impl ContactTexts {
    fn nl(&self) -> bool {
        self.locale == Locale::Nl
    }

    /// "Code verstuurd naar +31 6 •••• ••78. Hij werkt 10 minuten."
    pub fn code_sent(&self, to: &str, minutes: i64) -> String {
        if self.nl() {
            format!("Code verstuurd naar {to}. Hij werkt {minutes} minuten.")
        } else {
            format!("Code sent to {to}. It works for {minutes} minutes.")
        }
    }

    /// Where the activation PIN went.
    pub fn pin_sent(&self, to: &str) -> String {
        if self.nl() {
            format!("We hebben een pincode van 6 cijfers per sms gestuurd naar {to}. Hij werkt 10 minuten.")
        } else {
            format!("We sent a 6-digit PIN by text message to {to}. It works for 10 minutes.")
        }
    }

    /// The activation page's introduction when the proof is a PIN.
    pub fn activate_intro_pin(&self, organisation: &str, existing_account: bool) -> String {
        match (self.nl(), existing_account) {
            (true, false) => format!(
                "{organisation} nodigt u uit voor Poort. Vul de pincode uit de sms in en kies een wachtwoord; daarna bent u meteen ingelogd."
            ),
            (false, false) => format!(
                "{organisation} invites you to Poort. Enter the PIN from the text message and choose a password; you are then signed in straight away."
            ),
            (true, true) => format!(
                "{organisation} nodigt u uit voor Poort. U heeft al een Poort-account met dit e-mailadres: u houdt één account. Vul de pincode uit de sms en uw huidige wachtwoord in."
            ),
            (false, true) => format!(
                "{organisation} invites you to Poort. You already have a Poort account with this e-mail address: you keep one account. Enter the PIN from the text message and your current password."
            ),
        }
    }

    /// After a new e-mail address was saved.
    pub fn email_saved(&self, email: &str) -> String {
        if self.nl() {
            format!("Uw e-mailadres is gewijzigd in {email}. Op uw oude adres krijgt u hierover een bericht.")
        } else {
            format!("Your e-mail address is now {email}. Your old address gets a message about it.")
        }
    }

    /// After the helpdesk made an organisation and invited its main contact.
    pub fn org_created(&self, organisation: &str, email: &str) -> String {
        if self.nl() {
            format!("{organisation} is aangemaakt. De uitnodiging is verstuurd naar {email}.")
        } else {
            format!("{organisation} was created. The invitation went to {email}.")
        }
    }

    /// The organisation exists but its main contact was not invited (yet).
    pub fn org_created_no_invite(&self, organisation: &str) -> String {
        if self.nl() {
            format!(
                "{organisation} is aangemaakt, maar de uitnodiging is nog niet verstuurd. Controleer de gegevens van de hoofdcontactpersoon en probeer het opnieuw."
            )
        } else {
            format!(
                "{organisation} was created, but the invitation has not gone out yet. Check the main contact's details and try again."
            )
        }
    }
}

/// Nederlands.
pub static NL: ContactTexts = ContactTexts {
    locale: Locale::Nl,

    sms_title: "Code per sms",
    sms_intro: "Wij sturen een code van 6 cijfers naar uw mobiele nummer. Vul die hieronder in.",
    sms_code_label: "Code uit de sms",
    send_sms: "Stuur mij een code per sms",
    resend_sms: "Stuur een nieuwe code",
    sending: "Bezig met versturen…",
    use_sms_instead: "Liever een code per sms",
    use_app_instead: "Gebruik de code uit de app",
    send_sms_first: "Vraag eerst een code aan met de knop hieronder.",

    pin_label: "Eenmalige pincode",
    resend_pin: "Stuur een nieuwe pincode",
    pin_required: "Vul de pincode uit de sms in.",
    pin_format: "De pincode bestaat uit 6 cijfers.",
    pin_expired: "Deze pincode werkt niet meer. Vraag een nieuwe pincode aan.",
    wrong_pin: "Deze pincode klopt niet.",

    contact_heading: "Contactgegevens",
    contact_intro: "Uw e-mailadres is ook uw inlognaam. Wijzigen kan nadat u uw wachtwoord opnieuw heeft ingevuld.",
    mobile_label: "Mobiel nummer",
    no_mobile: "Nog niet bekend",
    verified: "Bevestigd",
    not_verified: "Niet bevestigd",
    change_email: "E-mailadres wijzigen",
    change_mobile: "Mobiel nummer wijzigen",
    new_email_label: "Nieuw e-mailadres",
    new_mobile_label: "Nieuw mobiel nummer",
    mobile_hint: "Bijvoorbeeld 06-12345678. Laat leeg om het nummer te verwijderen. Een nieuw nummer bevestigt u opnieuw voordat er sms-codes naartoe gaan.",
    save: "Opslaan",
    saving: "Bezig met opslaan…",
    cancel: "Annuleren",
    mobile_saved: "Uw mobiele nummer is opgeslagen.",
    mobile_removed: "Uw mobiele nummer is verwijderd.",
    email_taken: "Dit e-mailadres hoort al bij een ander account.",
    invalid_mobile: "Vul een mobiel nummer in, bijvoorbeeld 06-12345678.",

    sms_heading: "Sms-codes",
    sms_factor_intro: "Krijg bij het inloggen een code per sms op uw bevestigde mobiele nummer, naast of in plaats van de authenticator-app.",
    sms_on: "Sms-codes staan aan.",
    sms_off: "Sms-codes staan uit.",
    sms_needs_mobile: "Vul eerst bij Contactgegevens uw mobiele nummer in.",
    sms_start: "Sms-codes instellen",
    sms_enabled: "Sms-codes staan aan. Bij het inloggen kunt u een code per sms vragen.",
    sms_remove: "Sms-codes uitzetten",
    sms_removed: "Sms-codes staan uit.",
    code_expired: "Deze code werkt niet meer. Vraag een nieuwe aan.",

    remembered_heading: "Onthouden browsers",
    remembered_intro: "Deze browsers vragen 30 dagen lang niet om de tweede stap bij het inloggen. Vergeet een browser die u niet meer gebruikt of niet herkent.",
    no_remembered: "Er zijn geen onthouden browsers.",
    remembered_on: "Onthouden op",
    last_used: "Laatst gebruikt",
    not_used_yet: "nog niet",
    remembered_until: "Tot",
    unknown_browser: "Onbekende browser",
    forget: "Vergeten",
    forget_all: "Alle browsers vergeten",
    forgotten: "De browser is vergeten. Daar wordt weer om de tweede stap gevraagd.",
    all_forgotten: "Alle browsers zijn vergeten.",

    invite_mobile_hint: "Bijvoorbeeld 06-12345678. Nodig als uw organisatie accounts activeert met een pincode per sms.",
    mobile_example: "Bijvoorbeeld 06-12345678.",
    mobile_required_for_pin: "Vul een mobiel nummer in: uw organisatie activeert accounts met een pincode per sms.",
    proof_legend: "Bewijs bij het activeren",
    proof_birth_date: "Geboortedatum",
    proof_birth_date_hint: "De uitgenodigde vult de geboortedatum in die u bij de uitnodiging opgaf.",
    proof_sms_pin: "Pincode per sms",
    proof_sms_pin_hint: "Bij het openen van de link krijgt de uitgenodigde een pincode op het mobiele nummer uit de uitnodiging.",

    new_org_heading: "Nieuwe organisatie",
    new_org_intro: "Maak een organisatie aan en nodig de hoofdcontactpersoon uit. Die krijgt alle drie de rechten en nodigt daarna zelf collega's uit.",
    org_name_label: "Naam van de organisatie",
    main_contact_legend: "Hoofdcontactpersoon",
    create_org: "Aanmaken en uitnodigen",
    name_taken: "Er bestaat al een organisatie met deze naam.",
    organisations_heading: "Organisaties",
    no_organisations: "Er zijn nog geen organisaties.",
    main_contact_exists: "Deze organisatie heeft al een hoofdcontactpersoon of een open uitnodiging daarvoor.",
};

/// English.
pub static EN: ContactTexts = ContactTexts {
    locale: Locale::En,

    sms_title: "Code by text message",
    sms_intro: "We send a 6-digit code to your mobile number. Enter it below.",
    sms_code_label: "Code from the text message",
    send_sms: "Send me a code by text message",
    resend_sms: "Send a new code",
    sending: "Sending…",
    use_sms_instead: "Rather get a code by text message",
    use_app_instead: "Use the code from the app",
    send_sms_first: "Ask for a code first with the button below.",

    pin_label: "One-time PIN",
    resend_pin: "Send a new PIN",
    pin_required: "Enter the PIN from the text message.",
    pin_format: "The PIN has 6 digits.",
    pin_expired: "This PIN no longer works. Ask for a new PIN.",
    wrong_pin: "This PIN is not right.",

    contact_heading: "Contact details",
    contact_intro: "Your e-mail address is also your sign-in name. You can change it after entering your password again.",
    mobile_label: "Mobile number",
    no_mobile: "Not known yet",
    verified: "Confirmed",
    not_verified: "Not confirmed",
    change_email: "Change e-mail address",
    change_mobile: "Change mobile number",
    new_email_label: "New e-mail address",
    new_mobile_label: "New mobile number",
    mobile_hint: "For example 06-12345678. Leave empty to remove the number. You confirm a new number again before codes go to it.",
    save: "Save",
    saving: "Saving…",
    cancel: "Cancel",
    mobile_saved: "Your mobile number was saved.",
    mobile_removed: "Your mobile number was removed.",
    email_taken: "This e-mail address belongs to another account.",
    invalid_mobile: "Enter a mobile number, for example 06-12345678.",

    sms_heading: "Text message codes",
    sms_factor_intro: "Get a code by text message on your confirmed mobile number when you sign in, besides or instead of the authenticator app.",
    sms_on: "Text message codes are on.",
    sms_off: "Text message codes are off.",
    sms_needs_mobile: "First enter your mobile number under Contact details.",
    sms_start: "Set up text message codes",
    sms_enabled: "Text message codes are on. When you sign in you can ask for a code by text message.",
    sms_remove: "Turn text message codes off",
    sms_removed: "Text message codes are off.",
    code_expired: "This code no longer works. Ask for a new one.",

    remembered_heading: "Remembered browsers",
    remembered_intro: "These browsers skip the second step at sign-in for 30 days. Forget a browser you no longer use or do not recognise.",
    no_remembered: "No browsers are remembered.",
    remembered_on: "Remembered on",
    last_used: "Last used",
    not_used_yet: "not yet",
    remembered_until: "Until",
    unknown_browser: "Unknown browser",
    forget: "Forget",
    forget_all: "Forget all browsers",
    forgotten: "The browser was forgotten. It asks for the second step again.",
    all_forgotten: "All browsers were forgotten.",

    invite_mobile_hint: "For example 06-12345678. Needed when your organisation activates accounts with a PIN by text message.",
    mobile_example: "For example 06-12345678.",
    mobile_required_for_pin: "Enter a mobile number: your organisation activates accounts with a PIN by text message.",
    proof_legend: "Proof at activation",
    proof_birth_date: "Birth date",
    proof_birth_date_hint: "The invitee enters the birth date you gave with the invitation.",
    proof_sms_pin: "PIN by text message",
    proof_sms_pin_hint: "Opening the link sends the invitee a PIN on the mobile number from the invitation.",

    new_org_heading: "New organisation",
    new_org_intro: "Create an organisation and invite its main contact, who gets all three rights and then invites colleagues.",
    org_name_label: "Name of the organisation",
    main_contact_legend: "Main contact",
    create_org: "Create and invite",
    name_taken: "An organisation with this name exists already.",
    organisations_heading: "Organisations",
    no_organisations: "There are no organisations yet.",
    main_contact_exists: "This organisation has a main contact or an open invitation for one.",
};
