//! Texts of contracts, news and the dashboard's sections, in Dutch (default) and English.
//! Pages take them with `texts(i18n.locale())`.

use chrono::{DateTime, NaiveDate, Utc};
use shared::contracts::ContractStatus;
use shared::dashboard::PendingKind;
use shared::i18n::Locale;
use shared::news::NewsAudience;

/// The fixed texts in one language.
pub struct ContractTexts {
    pub locale: Locale,
    pub nav_contracts: &'static str,
    pub nav_news: &'static str,
    pub about_contracts: &'static str,
    pub about_news: &'static str,

    pub contracts_title: &'static str,
    pub contracts_intro: &'static str,
    pub my_contracts: &'static str,
    pub no_contracts: &'static str,
    pub employer_contracts: &'static str,
    pub offer_contract: &'static str,
    pub all_statuses: &'static str,
    pub status_filter: &'static str,
    pub load_more: &'static str,
    pub person: &'static str,
    pub title: &'static str,
    pub sign_by: &'static str,
    pub status: &'static str,
    pub contract_not_found: &'static str,
    pub back_to_contracts: &'static str,

    pub read_pdf: &'static str,
    pub open_pdf: &'static str,
    pub sign_heading: &'static str,
    pub sign_intro: &'static str,
    pub agree_label: &'static str,
    pub typed_name_label: &'static str,
    pub typed_name_hint: &'static str,
    pub code_label: &'static str,
    pub code_hint_totp: &'static str,
    pub send_sms_code: &'static str,
    pub sms_code_sent: &'static str,
    pub sign_button: &'static str,
    pub signing: &'static str,
    pub no_second_factor: &'static str,
    pub set_up_second_factor: &'static str,
    pub signature_heading: &'static str,
    pub signed_at: &'static str,
    pub signed_by: &'static str,
    pub typed_name: &'static str,
    pub document_hash: &'static str,
    pub second_factor: &'static str,
    pub ip_address: &'static str,
    pub browser: &'static str,
    pub audit_heading: &'static str,
    pub audit_when: &'static str,
    pub audit_what: &'static str,
    pub audit_who: &'static str,
    pub audit_detail: &'static str,
    pub withdraw: &'static str,
    pub withdraw_confirm: &'static str,
    pub withdrawn_notice: &'static str,
    pub expired_notice: &'static str,

    pub new_contract_title: &'static str,
    pub new_contract_intro: &'static str,
    pub choose_person: &'static str,
    pub find_person: &'static str,
    pub pdf_file: &'static str,
    pub pdf_file_hint: &'static str,
    pub send_contract: &'static str,
    pub sending: &'static str,

    pub news_title: &'static str,
    pub news_intro: &'static str,
    pub no_news: &'static str,
    pub manage_news: &'static str,
    pub news_admin_title: &'static str,
    pub news_admin_intro: &'static str,
    pub write_news: &'static str,
    pub edit_news: &'static str,
    pub news_body: &'static str,
    pub audience: &'static str,
    pub publish_now: &'static str,
    pub save: &'static str,
    pub cancel: &'static str,
    pub edit: &'static str,
    pub delete: &'static str,
    pub drafts: &'static str,
    pub published: &'static str,
    pub draft_badge: &'static str,
    pub saved_notice: &'static str,

    pub actions_heading: &'static str,
    pub no_actions: &'static str,
    pub recent_heading: &'static str,
    pub no_recent: &'static str,
    pub news_heading: &'static str,
    pub all_news: &'static str,
    pub collapse: &'static str,
    pub expand: &'static str,
    pub overdue: &'static str,
    pub due: &'static str,
}

pub static NL: ContractTexts = ContractTexts {
    locale: Locale::Nl,
    nav_contracts: "Contracten",
    nav_news: "Nieuws",
    about_contracts: "Contracten lezen en online ondertekenen met je tweede factor.",
    about_news: "Nieuws van je organisatie.",

    contracts_title: "Contracten",
    contracts_intro: "Lees je contract en onderteken het online met je authenticator-app of sms-code.",
    my_contracts: "Mijn contracten",
    no_contracts: "Er zijn geen contracten.",
    employer_contracts: "Contracten van medewerkers",
    offer_contract: "Contract aanbieden",
    all_statuses: "Alle statussen",
    status_filter: "Status",
    load_more: "Meer laden",
    person: "Medewerker",
    title: "Titel",
    sign_by: "Ondertekenen vóór",
    status: "Status",
    contract_not_found: "Dit contract bestaat niet of is niet voor jou.",
    back_to_contracts: "Terug naar contracten",

    read_pdf: "Het contract",
    open_pdf: "Open PDF",
    sign_heading: "Ondertekenen",
    sign_intro: "Lees het contract helemaal. Vink aan dat je akkoord gaat, typ je volledige naam en bevestig met de code uit je authenticator-app of sms.",
    agree_label: "Ik ga akkoord met dit contract",
    typed_name_label: "Je volledige naam",
    typed_name_hint: "Typ je naam zoals hij in Poort staat",
    code_label: "Code",
    code_hint_totp: "De 6 cijfers uit je authenticator-app of de sms",
    send_sms_code: "Stuur mij een sms-code",
    sms_code_sent: "De sms-code is verstuurd naar",
    sign_button: "Ondertekenen",
    signing: "Bezig met ondertekenen…",
    no_second_factor: "Ondertekenen doe je met een tweede factor. Stel eerst een authenticator-app of sms-codes in bij Mijn account.",
    set_up_second_factor: "Naar Mijn account",
    signature_heading: "Ondertekening",
    signed_at: "Ondertekend op",
    signed_by: "Ondertekend door",
    typed_name: "Getypte naam",
    document_hash: "Hash van het document (SHA-256)",
    second_factor: "Tweede factor",
    ip_address: "IP-adres",
    browser: "Browser",
    audit_heading: "Controlespoor",
    audit_when: "Wanneer",
    audit_what: "Wat",
    audit_who: "Wie",
    audit_detail: "Details",
    withdraw: "Intrekken",
    withdraw_confirm: "Weet je zeker dat je dit contract wilt intrekken?",
    withdrawn_notice: "Dit contract is ingetrokken.",
    expired_notice: "De termijn om te ondertekenen is verlopen.",

    new_contract_title: "Contract aanbieden",
    new_contract_intro: "De medewerker krijgt een e-mail met een link en ondertekent online.",
    choose_person: "Kies een medewerker",
    find_person: "Zoek op naam of personeelsnummer",
    pdf_file: "Contract (PDF)",
    pdf_file_hint: "Een PDF-bestand van maximaal 15 MB",
    send_contract: "Aanbieden",
    sending: "Bezig met versturen…",

    news_title: "Nieuws",
    news_intro: "Nieuws van je organisatie.",
    no_news: "Er is nog geen nieuws.",
    manage_news: "Nieuws beheren",
    news_admin_title: "Nieuws beheren",
    news_admin_intro: "Schrijf nieuws voor iedereen, alleen medewerkers of alleen kantoor. Bewaar het als concept of publiceer het meteen.",
    write_news: "Nieuw bericht",
    edit_news: "Bericht bewerken",
    news_body: "Tekst",
    audience: "Voor wie",
    publish_now: "Publiceren",
    save: "Opslaan",
    cancel: "Annuleren",
    edit: "Bewerken",
    delete: "Verwijderen",
    drafts: "Concepten",
    published: "Gepubliceerd",
    draft_badge: "Concept",
    saved_notice: "Opgeslagen.",

    actions_heading: "Acties",
    no_actions: "Er wacht niets op je. Goed bezig!",
    recent_heading: "Recent bekeken",
    no_recent: "Nog niets bekeken.",
    news_heading: "Nieuws",
    all_news: "Alle nieuws",
    collapse: "Inklappen",
    expand: "Uitklappen",
    overdue: "Te laat",
    due: "Uiterlijk",
};

pub static EN: ContractTexts = ContractTexts {
    locale: Locale::En,
    nav_contracts: "Contracts",
    nav_news: "News",
    about_contracts: "Read contracts and sign them online with your second factor.",
    about_news: "News from your organisation.",

    contracts_title: "Contracts",
    contracts_intro: "Read your contract and sign it online with your authenticator app or SMS code.",
    my_contracts: "My contracts",
    no_contracts: "There are no contracts.",
    employer_contracts: "Employees' contracts",
    offer_contract: "Offer a contract",
    all_statuses: "All statuses",
    status_filter: "Status",
    load_more: "Load more",
    person: "Employee",
    title: "Title",
    sign_by: "Sign by",
    status: "Status",
    contract_not_found: "This contract does not exist or is not for you.",
    back_to_contracts: "Back to contracts",

    read_pdf: "The contract",
    open_pdf: "Open PDF",
    sign_heading: "Sign",
    sign_intro: "Read the whole contract. Tick that you agree, type your full name and confirm with the code from your authenticator app or SMS.",
    agree_label: "I agree to this contract",
    typed_name_label: "Your full name",
    typed_name_hint: "Type your name as Poort knows it",
    code_label: "Code",
    code_hint_totp: "The 6 digits from your authenticator app or the SMS",
    send_sms_code: "Send me an SMS code",
    sms_code_sent: "The SMS code was sent to",
    sign_button: "Sign",
    signing: "Signing…",
    no_second_factor: "You sign with a second factor. Set up an authenticator app or SMS codes under My account first.",
    set_up_second_factor: "Go to My account",
    signature_heading: "Signature",
    signed_at: "Signed on",
    signed_by: "Signed by",
    typed_name: "Typed name",
    document_hash: "Document hash (SHA-256)",
    second_factor: "Second factor",
    ip_address: "IP address",
    browser: "Browser",
    audit_heading: "Audit trail",
    audit_when: "When",
    audit_what: "What",
    audit_who: "Who",
    audit_detail: "Details",
    withdraw: "Withdraw",
    withdraw_confirm: "Do you really want to withdraw this contract?",
    withdrawn_notice: "This contract was withdrawn.",
    expired_notice: "The time to sign has passed.",

    new_contract_title: "Offer a contract",
    new_contract_intro: "The employee gets an e-mail with a link and signs online.",
    choose_person: "Choose an employee",
    find_person: "Search by name or personnel number",
    pdf_file: "Contract (PDF)",
    pdf_file_hint: "A PDF file of at most 15 MB",
    send_contract: "Offer",
    sending: "Sending…",

    news_title: "News",
    news_intro: "News from your organisation.",
    no_news: "No news yet.",
    manage_news: "Manage news",
    news_admin_title: "Manage news",
    news_admin_intro: "Write news for everyone, employees only or staff only. Keep it as a draft or publish it at once.",
    write_news: "New item",
    edit_news: "Edit item",
    news_body: "Text",
    audience: "For whom",
    publish_now: "Publish",
    save: "Save",
    cancel: "Cancel",
    edit: "Edit",
    delete: "Delete",
    drafts: "Drafts",
    published: "Published",
    draft_badge: "Draft",
    saved_notice: "Saved.",

    actions_heading: "Actions",
    no_actions: "Nothing is waiting for you. Well done!",
    recent_heading: "Recently viewed",
    no_recent: "Nothing viewed yet.",
    news_heading: "News",
    all_news: "All news",
    collapse: "Collapse",
    expand: "Expand",
    overdue: "Overdue",
    due: "Due",
};

/// The texts in `locale`.
pub fn texts(locale: Locale) -> &'static ContractTexts {
    match locale {
        Locale::Nl => &NL,
        Locale::En => &EN,
    }
}

impl ContractTexts {
    fn pick(&self, nl: &'static str, en: &'static str) -> &'static str {
        match self.locale {
            Locale::Nl => nl,
            Locale::En => en,
        }
    }

    /// A contract's status.
    pub fn status_name(&self, s: ContractStatus) -> &'static str {
        match s {
            ContractStatus::ToSign => self.pick("Te ondertekenen", "To sign"),
            ContractStatus::Signed => self.pick("Ondertekend", "Signed"),
            ContractStatus::Expired => self.pick("Verlopen", "Expired"),
            ContractStatus::Withdrawn => self.pick("Ingetrokken", "Withdrawn"),
        }
    }

    /// A line of the audit trail.
    pub fn action_name(&self, action: &str) -> String {
        match action {
            "offered" => self.pick("Aangeboden", "Offered"),
            "opened" => self.pick("Geopend", "Opened"),
            "sign_code_sent" => self.pick("Sms-code verstuurd", "SMS code sent"),
            "sign_failed" => self.pick("Ondertekenen mislukt", "Signing failed"),
            "signed" => self.pick("Ondertekend", "Signed"),
            "withdrawn" => self.pick("Ingetrokken", "Withdrawn"),
            other => return other.to_string(),
        }
        .to_string()
    }

    /// A news audience.
    pub fn audience_name(&self, a: NewsAudience) -> &'static str {
        match a {
            NewsAudience::Everyone => self.pick("Iedereen", "Everyone"),
            NewsAudience::Employees => self.pick("Medewerkers", "Employees"),
            NewsAudience::Staff => self.pick(
                "Kantoor (werkgever, planning, coördinatie)",
                "Staff (employer, planning, coordination)",
            ),
        }
    }

    /// A kind of pending action, for the counts.
    pub fn kind_name(&self, k: PendingKind) -> &'static str {
        match k {
            PendingKind::WeekToSign => self.pick("Weken te ondertekenen", "Weeks to sign"),
            PendingKind::WeekToApprove => self.pick("Weken goed te keuren", "Weeks to approve"),
            PendingKind::ContractToSign => self.pick("Contracten te ondertekenen", "Contracts to sign"),
            PendingKind::DocumentToRead => self.pick("Nieuwe documenten", "New documents"),
            PendingKind::PayslipToRead => self.pick("Nieuwe loonstroken", "New payslips"),
            PendingKind::AbsenceActivityDue => self.pick("Verzuimstappen", "Absence steps"),
            PendingKind::ChangeRequestToHandle => self.pick("Wijzigingsverzoeken", "Change requests"),
            PendingKind::EmployeeReviewDue => self.pick("Jaarlijkse controle", "Yearly review"),
        }
    }

    /// A date as people write it here.
    pub fn date(&self, d: NaiveDate) -> String {
        d.format("%d-%m-%Y").to_string()
    }

    /// An instant in local time.
    pub fn instant(&self, at: DateTime<Utc>) -> String {
        crate::time::date_time(at, self.locale)
    }

    /// A field problem the server named, in this language.
    pub fn problem(&self, field: &str, code: &str) -> String {
        let s = match (field, code) {
            ("agree", _) => self.pick("Vink aan dat je akkoord gaat.", "Tick that you agree."),
            ("typed_name", "required") => self.pick("Typ je volledige naam.", "Type your full name."),
            ("typed_name", _) => self.pick(
                "Deze naam komt niet overeen met je naam in Poort. Typ je volledige naam.",
                "This name does not match your name in Poort. Type your full name.",
            ),
            ("code", "required") => self.pick("Vul de code in.", "Enter the code."),
            ("code", "wrong_code") => self.pick(
                "De code klopt niet. Gebruik de code die nu in je app of sms staat.",
                "The code is not right. Use the code your app or SMS shows now.",
            ),
            ("code", "no_second_factor") => self.no_second_factor,
            ("code", "no_sms_factor") => self.pick("Je gebruikt geen sms-codes.", "You do not use SMS codes."),
            ("document", _) => self.pick(
                "Het opgeslagen document is niet meer het aangeboden document. Vraag je werkgever het opnieuw aan te bieden.",
                "The stored document is no longer the one offered. Ask your employer to offer it again.",
            ),
            ("status", "signed") => self.pick("Dit contract is al ondertekend.", "This contract is signed already."),
            ("status", "expired") => self.expired_notice,
            ("status", "withdrawn") => self.withdrawn_notice,
            ("status", _) => self.pick("Dit contract kan niet meer worden ondertekend.", "This contract can no longer be signed."),
            ("user_id", _) => self.pick("Kies een medewerker van je organisatie.", "Choose an employee of your organisation."),
            ("title", "too_long") => self.pick("Maximaal 200 tekens.", "At most 200 characters."),
            ("title", _) => self.pick("Vul een titel in.", "Enter a title."),
            ("sign_by", _) => self.pick("Kies vandaag of een latere dag.", "Choose today or a later day."),
            ("file", "too_large") => self.pick("Het bestand is groter dan 15 MB.", "The file is larger than 15 MB."),
            ("file", "required") => self.pick("Kies een PDF-bestand.", "Choose a PDF file."),
            ("file", _) => self.pick("Een contract is een PDF-bestand.", "A contract is a PDF file."),
            ("body", "too_long") => self.pick("Maximaal 10.000 tekens.", "At most 10,000 characters."),
            ("body", _) => self.pick("Schrijf de tekst.", "Write the text."),
            _ => self.pick("Dit klopt niet.", "This is not right."),
        };
        s.to_string()
    }
}
