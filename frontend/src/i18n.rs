//! The interface texts in Dutch (default) and English, and the language the
//! person chose.
//!
//! Every text lives in one struct with a field per text, so a missing
//! translation is a compile error rather than a blank on screen.

use leptos::prelude::*;
use shared::auth::Role;
use shared::error::ErrorKind;
use shared::i18n::Locale;
use shared::validation::FieldProblem;

use crate::browser;

pub mod absence;
pub mod accounts;
pub mod admin;
pub mod care;
pub mod contact;
pub mod contracts;
pub mod employees;
pub mod hours;
pub mod lists;
pub mod reports;
pub mod security;
pub mod selfservice;

/// Where the chosen language is remembered in the browser, so the sign-in page
/// speaks it before anyone has signed in.
const LOCALE_STORAGE_KEY: &str = "poort.locale";

/// Every fixed text of the interface in one language.
pub struct Dict {
    /// The language these texts are in.
    pub locale: Locale,
    pub app_tagline: &'static str,
    pub skip_to_content: &'static str,
    pub loading: &'static str,
    pub language: &'static str,

    pub sign_in_title: &'static str,
    pub sign_in_intro: &'static str,
    pub email_label: &'static str,
    pub password_label: &'static str,
    pub show_password: &'static str,
    pub sign_in_button: &'static str,
    pub signing_in: &'static str,
    pub sign_in_help: &'static str,
    pub session_expired: &'static str,
    pub email_required: &'static str,
    pub password_required: &'static str,
    pub invalid_email: &'static str,

    pub status_label: &'static str,
    pub status_ok: &'static str,
    pub status_outage_title: &'static str,
    pub status_updated: &'static str,

    pub main_menu: &'static str,
    pub open_menu: &'static str,
    pub close_menu: &'static str,
    pub collapse_menu: &'static str,
    pub expand_menu: &'static str,
    pub soon_badge: &'static str,
    pub organisation: &'static str,
    pub sign_out: &'static str,
    pub signed_in_as: &'static str,

    pub nav_overview: &'static str,
    pub nav_hours: &'static str,
    pub nav_absence: &'static str,
    pub nav_my_details: &'static str,
    pub nav_documents: &'static str,
    pub nav_network: &'static str,
    pub nav_reports: &'static str,
    pub nav_admin: &'static str,
    pub nav_helpdesk: &'static str,

    pub about_hours: &'static str,
    pub about_absence: &'static str,
    pub about_my_details: &'static str,
    pub about_documents: &'static str,
    pub about_network: &'static str,
    pub about_reports: &'static str,
    pub about_admin: &'static str,
    pub about_helpdesk: &'static str,

    pub good_morning: &'static str,
    pub good_afternoon: &'static str,
    pub good_evening: &'static str,
    pub dashboard_intro: &'static str,
    pub your_account: &'static str,
    pub name_label: &'static str,
    pub role_label: &'static str,
    pub main_contact: &'static str,
    pub helpdesk: &'static str,
    pub modules_heading: &'static str,
    pub modules_intro: &'static str,

    pub coming_soon_suffix: &'static str,
    pub coming_soon_body: &'static str,
    pub back_to_overview: &'static str,

    pub not_found_title: &'static str,
    pub not_found_body: &'static str,

    pub error_reference: &'static str,
    pub error_network: &'static str,
    pub error_unexpected: &'static str,

    /// The signed-out account pages.
    pub accounts: &'static accounts::AccountTexts,
    /// Administration and helpdesk.
    pub admin: &'static admin::AdminTexts,
    /// Second factor, "Mijn account" and the security pages.
    pub security: &'static security::SecurityTexts,
    /// The hours screens.
    pub hours: &'static hours::HoursTexts,
    /// Contact details, SMS codes, remembered browsers, new organisations.
    pub contact: &'static contact::ContactTexts,
    /// The absence screens.
    pub absence: &'static absence::AbsenceTexts,
    /// Care networks and the organisation side of them.
    pub care: &'static care::CareTexts,
    /// Documents, payslips, accruals, payments, placements and phases.
    pub selfservice: &'static selfservice::SelfServiceTexts,
    /// The one list component.
    pub lists: &'static lists::ListTexts,
}

impl Dict {
    /// The text for an error kind the server reported.
    pub fn error_kind(&self, kind: ErrorKind) -> &'static str {
        let nl = self.locale == Locale::Nl;
        let pick = |nl_text, en_text| if nl { nl_text } else { en_text };
        match kind {
            ErrorKind::BadRequest => {
                pick("Het verzoek kon niet worden verwerkt.", "The request could not be processed.")
            }
            ErrorKind::Validation => {
                pick("Controleer de gemarkeerde velden.", "Please check the highlighted fields.")
            }
            ErrorKind::Unauthenticated => self.session_expired,
            ErrorKind::InvalidCredentials => {
                pick("E-mailadres of wachtwoord onjuist.", "E-mail address or password is incorrect.")
            }
            ErrorKind::Forbidden => pick("U heeft hier geen toegang toe.", "You do not have access to this."),
            ErrorKind::NotFound => pick("Niet gevonden.", "Not found."),
            ErrorKind::Conflict => pick(
                "De gegevens zijn intussen gewijzigd. Laad de pagina opnieuw.",
                "The data changed in the meantime. Please reload the page.",
            ),
            ErrorKind::PayloadTooLarge => pick("Het verzoek is te groot.", "The request is too large."),
            ErrorKind::UnsupportedMediaType => {
                pick("Het verzoek had een onbekend formaat.", "The request had an unknown format.")
            }
            ErrorKind::RateLimited => pick(
                "Te veel pogingen. Wacht even en probeer het opnieuw.",
                "Too many attempts. Please wait a moment and try again.",
            ),
            ErrorKind::CsrfRejected => pick(
                "Het verzoek is om veiligheidsredenen geweigerd. Laad de pagina opnieuw.",
                "The request was refused for security reasons. Please reload the page.",
            ),
            ErrorKind::PasswordChangeRequired => pick(
                "U moet eerst uw tijdelijke wachtwoord wijzigen.",
                "Please change your temporary password first.",
            ),
            ErrorKind::SecondFactorSetupRequired => pick(
                "Uw organisatie vraagt om een tweede stap bij het inloggen. Stel die eerst in.",
                "Your organisation requires a second sign-in step. Please set it up first.",
            ),
            ErrorKind::Internal => pick(
                "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
                "Something went wrong on our side. Please try again later.",
            ),
            ErrorKind::Unavailable => pick(
                "Poort is tijdelijk niet bereikbaar. Probeer het later opnieuw.",
                "Poort is temporarily unavailable. Please try again later.",
            ),
        }
    }

    /// The message for a failed call, for pages without a more specific text.
    pub fn api_error(&self, error: &crate::api::ApiError) -> String {
        use crate::api::ApiError;
        match error {
            ApiError::Server { body, retry_after: Some(seconds) } if body.error == ErrorKind::RateLimited => {
                self.accounts.retry_in(*seconds)
            }
            ApiError::Server { body, .. } => self.error_kind(body.error).into(),
            ApiError::Network => self.error_network.into(),
            ApiError::Unexpected(_) => self.error_unexpected.into(),
        }
    }

    /// The name of a role.
    pub fn role(&self, role: Role) -> &'static str {
        let nl = self.locale == Locale::Nl;
        let pick = |nl_text, en_text| if nl { nl_text } else { en_text };
        match role {
            Role::Employee => pick("Medewerker", "Employee"),
            Role::Employer => pick("Werkgever", "Employer"),
            Role::Planner => pick("Planner", "Planner"),
            Role::CareCoordinator => pick("Zorgcoördinator", "Care coordinator"),
            Role::CaseManager => pick("Casemanager", "Case manager"),
            Role::OccupationalPhysician => pick("Bedrijfsarts", "Occupational physician"),
            Role::Administrator => pick("Beheerder", "Administrator"),
            Role::InformalCarer => pick("Mantelzorger", "Informal carer"),
        }
    }

    /// Why a field value is refused, for fields other than the e-mail address
    /// and password, which have their own wording.
    pub fn field_problem(&self, problem: FieldProblem) -> String {
        let nl = self.locale == Locale::Nl;
        match (problem, nl) {
            (FieldProblem::Required, true) => "Dit veld is verplicht.".into(),
            (FieldProblem::Required, false) => "This field is required.".into(),
            (FieldProblem::TooLong(n), true) => format!("Gebruik maximaal {n} tekens."),
            (FieldProblem::TooLong(n), false) => format!("Use at most {n} characters."),
            (FieldProblem::InvalidEmail, _) => self.invalid_email.into(),
            (FieldProblem::InvalidMobile, _) => self.contact.invalid_mobile.into(),
        }
    }

    /// Translates a field error code the server sent (`required`, `too_long`, …).
    pub fn field_code(&self, code: &str, max_len: usize) -> String {
        match code {
            "required" => self.field_problem(FieldProblem::Required),
            "too_long" => self.field_problem(FieldProblem::TooLong(max_len)),
            "invalid_email" => self.invalid_email.into(),
            "invalid_mobile" => self.contact.invalid_mobile.into(),
            _ => self.error_kind(ErrorKind::Validation).into(),
        }
    }
}

/// Nederlands.
pub static NL: Dict = Dict {
    locale: Locale::Nl,
    app_tagline: "Uw uren, verzuim en documenten op één plek.",
    skip_to_content: "Naar de inhoud",
    loading: "Bezig met laden…",
    language: "Taal",

    sign_in_title: "Inloggen",
    sign_in_intro: "Log in met het e-mailadres en wachtwoord van uw Poort-account.",
    email_label: "E-mailadres",
    password_label: "Wachtwoord",
    show_password: "Toon wachtwoord",
    sign_in_button: "Inloggen",
    signing_in: "Bezig met inloggen…",
    sign_in_help: "Lukt inloggen niet? Neem contact op met de beheerder van uw organisatie.",
    session_expired: "Uw sessie is verlopen. Log opnieuw in.",
    email_required: "Vul uw e-mailadres in.",
    password_required: "Vul uw wachtwoord in.",
    invalid_email: "Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl.",

    status_label: "Status van Poort",
    status_ok: "Er zijn op dit moment geen bekende storingen.",
    status_outage_title: "Storing",
    status_updated: "Bijgewerkt",

    main_menu: "Hoofdmenu",
    open_menu: "Menu openen",
    close_menu: "Menu sluiten",
    collapse_menu: "Menu inklappen",
    expand_menu: "Menu uitklappen",
    soon_badge: "Binnenkort",
    organisation: "Organisatie",
    sign_out: "Uitloggen",
    signed_in_as: "Ingelogd als",

    nav_overview: "Overzicht",
    nav_hours: "Uren",
    nav_absence: "Verzuim",
    nav_my_details: "Mijn gegevens",
    nav_documents: "Documenten",
    nav_network: "Netwerken",
    nav_reports: "Rapportages",
    nav_admin: "Beheer",
    nav_helpdesk: "Helpdesk",

    about_hours: "Uren registreren, controleren en goedkeuren.",
    about_absence: "Ziek- en hersteldmelden en het verzuimdossier.",
    about_my_details: "Uw persoonsgegevens, bankrekening en voorkeuren.",
    about_documents: "Loonstroken, jaaropgaven en andere documenten.",
    about_network: "Samenwerken met het netwerk rond een cliënt.",
    about_reports: "Verzuimcijfers volgens de Nederlandse standaard, met managementrapportage.",
    about_admin: "Mensen uitnodigen, rechten beheren en de auditlog bekijken.",
    about_helpdesk: "Storingsmeldingen en de berichten die Poort verstuurde.",

    good_morning: "Goedemorgen",
    good_afternoon: "Goedemiddag",
    good_evening: "Goedenavond",
    dashboard_intro: "Welkom in Poort. Hier vindt u uw uren en uw verzuim, en straks ook uw documenten.",
    your_account: "Uw account",
    name_label: "Naam",
    role_label: "Rol",
    main_contact: "Hoofdcontactpersoon",
    helpdesk: "Helpdesk Poort",
    modules_heading: "Onderdelen",
    modules_intro: "Onderdelen met het label Binnenkort worden op dit moment gebouwd.",

    coming_soon_suffix: "is binnenkort beschikbaar",
    coming_soon_body: "Aan dit onderdeel wordt nog gewerkt. Zodra het klaar is, vindt u het hier.",
    back_to_overview: "Terug naar het overzicht",

    not_found_title: "Pagina niet gevonden",
    not_found_body: "Deze pagina bestaat niet (meer). Controleer het adres of ga terug naar het overzicht.",

    error_reference: "Referentie",
    error_network: "Geen verbinding met Poort. Controleer uw internetverbinding en probeer het opnieuw.",
    error_unexpected: "Er ging iets mis. Probeer het later opnieuw.",

    accounts: &accounts::NL,
    admin: &admin::NL,
    security: &security::NL,
    hours: &hours::NL,
    contact: &contact::NL,
    absence: &absence::NL,
    care: &care::NL,
    selfservice: &selfservice::NL,
    lists: &lists::NL,
};

/// English.
pub static EN: Dict = Dict {
    locale: Locale::En,
    app_tagline: "Your hours, absence and documents in one place.",
    skip_to_content: "Skip to content",
    loading: "Loading…",
    language: "Language",

    sign_in_title: "Sign in",
    sign_in_intro: "Sign in with the e-mail address and password of your Poort account.",
    email_label: "E-mail address",
    password_label: "Password",
    show_password: "Show password",
    sign_in_button: "Sign in",
    signing_in: "Signing in…",
    sign_in_help: "Cannot sign in? Contact your organisation's administrator.",
    session_expired: "Your session has expired. Please sign in again.",
    email_required: "Enter your e-mail address.",
    password_required: "Enter your password.",
    invalid_email: "Enter a valid e-mail address, for example name@organisation.com.",

    status_label: "Poort status",
    status_ok: "There are currently no known outages.",
    status_outage_title: "Outage",
    status_updated: "Updated",

    main_menu: "Main menu",
    open_menu: "Open menu",
    close_menu: "Close menu",
    collapse_menu: "Collapse menu",
    expand_menu: "Expand menu",
    soon_badge: "Soon",
    organisation: "Organisation",
    sign_out: "Sign out",
    signed_in_as: "Signed in as",

    nav_overview: "Overview",
    nav_hours: "Hours",
    nav_absence: "Absence",
    nav_my_details: "My details",
    nav_documents: "Documents",
    nav_network: "Networks",
    nav_reports: "Reports",
    nav_admin: "Administration",
    nav_helpdesk: "Helpdesk",

    about_hours: "Record, check and approve hours.",
    about_absence: "Report sickness and recovery, and the absence file.",
    about_my_details: "Your personal details, bank account and preferences.",
    about_documents: "Payslips, annual statements and other documents.",
    about_network: "Work together with the network around a client.",
    about_reports: "Absence figures by the Dutch standard, with a management report.",
    about_admin: "Invite people, manage rights and read the audit log.",
    about_helpdesk: "Outage messages and the messages Poort sent.",

    good_morning: "Good morning",
    good_afternoon: "Good afternoon",
    good_evening: "Good evening",
    dashboard_intro: "Welcome to Poort. This is where you find your hours and your absence, and soon your documents.",
    your_account: "Your account",
    name_label: "Name",
    role_label: "Role",
    main_contact: "Main contact",
    helpdesk: "Poort helpdesk",
    modules_heading: "Modules",
    modules_intro: "Modules labelled Soon are being built right now.",

    coming_soon_suffix: "is coming soon",
    coming_soon_body: "This part of Poort is still being built. Once it is ready, you will find it here.",
    back_to_overview: "Back to the overview",

    not_found_title: "Page not found",
    not_found_body: "This page does not exist (any more). Check the address or go back to the overview.",

    error_reference: "Reference",
    error_network: "Cannot reach Poort. Check your internet connection and try again.",
    error_unexpected: "Something went wrong. Please try again later.",

    accounts: &accounts::EN,
    admin: &admin::EN,
    security: &security::EN,
    hours: &hours::EN,
    contact: &contact::EN,
    absence: &absence::EN,
    care: &care::EN,
    selfservice: &selfservice::EN,
    lists: &lists::EN,
};

/// The dictionary for a language.
pub fn dict(locale: Locale) -> &'static Dict {
    match locale {
        Locale::Nl => &NL,
        Locale::En => &EN,
    }
}

/// The interface language, shared through context.
#[derive(Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
    /// Set when someone picks a language while signed out, so that choice wins
    /// over the stored preference when they sign in.
    chosen_while_signed_out: RwSignal<bool>,
}

impl I18n {
    /// Starts in the language remembered in this browser, else Dutch.
    fn new() -> Self {
        let locale = browser::local_storage_get(LOCALE_STORAGE_KEY)
            .map(|tag| Locale::from_tag(&tag))
            .unwrap_or_default();
        browser::set_document_lang(locale.tag());
        Self { locale: RwSignal::new(locale), chosen_while_signed_out: RwSignal::new(false) }
    }

    /// The texts in the current language (tracked).
    pub fn t(&self) -> &'static Dict {
        dict(self.locale.get())
    }

    /// The current language (tracked).
    pub fn locale(&self) -> Locale {
        self.locale.get()
    }

    /// The current language without subscribing to changes.
    pub fn locale_untracked(&self) -> Locale {
        self.locale.get_untracked()
    }

    /// Switches the language in this browser: the texts, `<html lang>` and the
    /// remembered choice. Saving it to the account is the caller's job.
    pub fn set_locale(&self, locale: Locale) {
        browser::local_storage_set(LOCALE_STORAGE_KEY, locale.tag());
        browser::set_document_lang(locale.tag());
        if self.locale.get_untracked() != locale {
            self.locale.set(locale);
        }
    }

    /// Records that the person picked a language on a signed-out page.
    pub fn mark_chosen_while_signed_out(&self, chosen: bool) {
        self.chosen_while_signed_out.set(chosen);
    }

    /// Whether the person picked a language on a signed-out page.
    pub fn was_chosen_while_signed_out(&self) -> bool {
        self.chosen_while_signed_out.get_untracked()
    }
}

/// Puts the interface language in context; call once at the root.
pub fn provide_i18n() -> I18n {
    let i18n = I18n::new();
    provide_context(i18n);
    i18n
}

/// The interface language from context.
pub fn use_i18n() -> I18n {
    // The root always provides it; the fallback keeps a misplaced component
    // working in Dutch instead of panicking.
    use_context::<I18n>().unwrap_or_else(I18n::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_errors_are_translated_by_kind() {
        assert_eq!(NL.error_kind(ErrorKind::InvalidCredentials), "E-mailadres of wachtwoord onjuist.");
        assert_eq!(EN.error_kind(ErrorKind::InvalidCredentials), "E-mail address or password is incorrect.");
        assert_eq!(NL.field_code("invalid_email", 254), NL.invalid_email);
        assert_eq!(EN.field_code("too_long", 254), "Use at most 254 characters.");
    }

    #[test]
    fn every_role_has_a_name_in_both_languages() {
        assert_eq!(NL.role(Role::CareCoordinator), "Zorgcoördinator");
        assert_eq!(EN.role(Role::OccupationalPhysician), "Occupational physician");
        for role in Role::ALL {
            assert!(!NL.role(role).is_empty() && !EN.role(role).is_empty());
        }
    }

    #[test]
    fn dictionaries_know_their_language() {
        for locale in [Locale::Nl, Locale::En] {
            assert_eq!(dict(locale).locale, locale);
            assert_eq!(dict(locale).accounts.locale, locale);
            assert_eq!(dict(locale).admin.locale, locale);
            assert_eq!(dict(locale).hours.locale, locale);
            assert_eq!(dict(locale).absence.locale, locale);
        }
    }
}
