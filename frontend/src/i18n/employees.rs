//! Texts of the employee-record screens: the employer's "Medewerkers" (list, record,
//! import, yearly review, change requests — seed 004 "Werknemersgegevens beheren") and the
//! employee's "Mijn gegevens" (seed 002). Each text is written in both languages in one
//! line, so a missing translation is a compile error.

use chrono::NaiveDate;
use shared::employees::{
    ImportOutcome,
    changes::{ChangeField, ChangeRequestStatus},
};
use shared::i18n::Locale;

macro_rules! texts {
    ($($name:ident: $nl:expr, $en:expr;)*) => {
        /// The employee screens' fixed texts in one language.
        pub struct EmployeeTexts {
            /// The language these texts are in.
            pub locale: Locale,
            $(pub $name: &'static str,)*
        }
        /// Nederlands.
        pub static NL: EmployeeTexts = EmployeeTexts { locale: Locale::Nl, $($name: $nl,)* };
        /// English.
        pub static EN: EmployeeTexts = EmployeeTexts { locale: Locale::En, $($name: $en,)* };
    };
}

texts! {
    nav: "Medewerkers", "Employees";
    about: "Werknemersgegevens beheren, importeren en jaarlijks controleren.", "Manage, import and review employee data.";
    sections: "Onderdelen van Medewerkers", "Parts of Employees";
    tab_list: "Overzicht", "Overview";
    tab_import: "Importeren", "Import";
    tab_review: "Jaarlijkse controle", "Yearly review";
    tab_requests: "Wijzigingsverzoeken", "Change requests";

    list_title: "Medewerkers", "Employees";
    list_intro: "De werknemersgegevens van je organisatie. Klik op een naam voor alle gegevens.", "Your organisation's employee data. Click a name for everything on file.";
    department: "Afdeling", "Department";
    cost_centre: "Kostenplaats", "Cost centre";
    personnel_number: "Personeelsnummer", "Personnel number";
    name: "Naam", "Name";
    hours: "Uren per week", "Hours per week";
    factor: "Deeltijdfactor", "Part-time factor";
    employed_since: "In dienst sinds", "Employed since";
    reviewed: "Gecontroleerd", "Reviewed";
    not_reviewed: "Nog niet", "Not yet";
    no_employees: "Geen medewerkers gevonden.", "No employees found.";
    pending_badge: "wijziging gevraagd", "change requested";

    record_title: "Werknemersgegevens", "Employee data";
    back_to_list: "Terug naar medewerkers", "Back to employees";
    personal: "Persoonsgegevens", "Personal data";
    first_name: "Voornaam", "First name";
    infix: "Tussenvoegsel", "Infix";
    last_name: "Achternaam", "Last name";
    birth_date: "Geboortedatum", "Birth date";
    email: "E-mailadres", "E-mail address";
    phone: "Telefoon", "Phone";
    emergency_phone: "Telefoon bij noodgeval", "Emergency phone";
    address: "Adres", "Address";
    street: "Straat", "Street";
    house_number: "Huisnummer", "House number";
    postcode: "Postcode", "Postcode";
    city: "Plaats", "City";
    bsn: "BSN", "BSN";
    iban: "IBAN", "IBAN";
    tax_credit: "Loonheffingskorting", "Payroll tax credit";
    yes: "Ja", "Yes";
    no: "Nee", "No";
    none: "—", "—";
    show: "Toon", "Show";
    hide: "Verberg", "Hide";
    reveal_note: "Het tonen van het BSN en IBAN wordt vastgelegd in de audittrail.", "Showing the BSN and IBAN is recorded in the audit trail.";
    employment: "Dienstverband", "Employment";
    starts_on: "In dienst", "Start";
    ends_on: "Uit dienst", "End";
    contract_hours: "Contracturen", "Contract hours";
    full_time_hours: "Voltijd uren", "Full-time hours";
    job_title: "Functie", "Function";
    add_period: "Periode toevoegen", "Add period";
    remove_period: "Periode verwijderen", "Remove period";
    edit: "Wijzigen", "Edit";
    save: "Opslaan", "Save";
    saving: "Bezig met opslaan…", "Saving…";
    cancel: "Annuleren", "Cancel";
    saved: "De gegevens zijn opgeslagen.", "The data was saved.";
    history: "Geschiedenis", "History";
    no_history: "Nog geen wijzigingen.", "No changes yet.";
    by: "door", "by";
    bsn_hint: "Laat leeg om het opgeslagen BSN te houden.", "Leave empty to keep the BSN on file.";
    iban_hint: "Laat leeg om het opgeslagen IBAN te houden.", "Leave empty to keep the IBAN on file.";
    new_employee: "Medewerker toevoegen", "Add employee";
    new_employee_intro: "De medewerker krijgt een uitnodiging per e-mail om een account te activeren.", "The employee gets an e-mail invitation to activate an account.";
    create: "Toevoegen", "Add";

    import_title: "Medewerkers importeren", "Import employees";
    import_intro: "Kies een CSV- of Excel-bestand (XLSX) met een kopregel. Eerst zie je per regel wat er gebeurt; pas daarna lees je het bestand echt in. Regels worden herkend aan het personeelsnummer; lege cellen laten de opgeslagen gegevens staan.", "Choose a CSV or Excel (XLSX) file with a header row. First you see per row what will happen; only then do you import it. Rows are matched by personnel number; empty cells keep what is stored.";
    import_columns: "Verplichte kolommen: Personeelsnummer, Voornaam, Achternaam, E-mail. Verder o.a. Tussenvoegsel, Geboortedatum, Telefoon, Straat, Huisnummer, Postcode, Plaats, BSN, IBAN, Loonheffingskorting, Afdeling, Kostenplaats, In dienst, Uit dienst, Contracturen, Fulltime uren, Functie.", "Required columns: Personeelsnummer, Voornaam, Achternaam, E-mail. Others include Tussenvoegsel, Geboortedatum, Telefoon, Straat, Huisnummer, Postcode, Plaats, BSN, IBAN, Loonheffingskorting, Afdeling, Kostenplaats, In dienst, Uit dienst, Contracturen, Fulltime uren, Functie.";
    choose_file: "Bestand", "File";
    check_file: "Controleren", "Check";
    checking: "Bezig met controleren…", "Checking…";
    import_now: "Importeren", "Import";
    importing: "Bezig met importeren…", "Importing…";
    file_too_large: "Het bestand is groter dan 5 MB.", "The file is larger than 5 MB.";
    choose_a_file: "Kies eerst een bestand.", "Choose a file first.";
    line: "Regel", "Line";
    outcome: "Resultaat", "Outcome";
    details: "Toelichting", "Details";
    dry_run_heading: "Wat er gaat gebeuren", "What will happen";
    result_heading: "Ingelezen", "Imported";
    fix_first: "Verbeter de geweigerde regels in het bestand en controleer het opnieuw; er wordt pas iets ingelezen als alle regels goed zijn.", "Correct the rejected rows in the file and check it again; nothing is imported until every row is right.";
    nothing_to_do: "Alle regels zijn al zo opgeslagen.", "Every row is stored like this already.";

    review_title: "Jaarlijkse controle", "Yearly review";
    review_intro: "Bevestig elk jaar per medewerker dat de gegevens kloppen, of verbeter ze. Het gaat om iedereen die vorig jaar in dienst was.", "Every year, confirm for each employee that the data is right, or correct it. It covers everyone employed last year.";
    review_year: "Controlejaar", "Review year";
    confirm: "Klopt", "Confirm";
    correct: "Verbeteren", "Correct";
    all_confirmed: "Alle medewerkers zijn bevestigd.", "Every employee is confirmed.";
    still_open: "Nog te bevestigen", "Still to confirm";

    requests_title: "Wijzigingsverzoeken", "Change requests";
    requests_intro: "Verzoeken van medewerkers om gegevens te wijzigen die de werkgever beheert.", "Employees' requests to change data the employer controls.";
    status: "Status", "Status";
    field: "Gegeven", "Field";
    old_value: "Nu", "Now";
    new_value: "Nieuw", "New";
    effective_on: "Per", "From";
    reason: "Reden", "Reason";
    approve: "Goedkeuren", "Approve";
    decline: "Afwijzen", "Decline";
    note: "Toelichting voor de medewerker", "Note to the employee";
    note_required: "Geef aan waarom je het verzoek afwijst.", "Say why you decline the request.";
    no_requests: "Geen verzoeken.", "No requests.";

    my_title: "Mijn gegevens", "My details";
    my_intro: "Hier vind je de gegevens zoals ze bij je werkgever bekend zijn. Je adres en telefoonnummers wijzig je zelf; voor andere gegevens vraag je een wijziging aan.", "Your data as your employer knows it. You change your address and phone numbers yourself; for other data you request a change.";
    no_record: "Je werkgever heeft nog geen werknemersgegevens van je vastgelegd.", "Your employer has not recorded employee data for you yet.";
    contact_heading: "Adres en telefoon", "Address and phone";
    contact_saved: "Je adres en telefoonnummers zijn opgeslagen.", "Your address and phone numbers were saved.";
    iban_heading: "Bankrekening", "Bank account";
    change_iban: "IBAN wijzigen", "Change IBAN";
    new_iban: "Nieuw IBAN", "New IBAN";
    current_password: "Je huidige wachtwoord", "Your current password";
    iban_password_hint: "Voor je veiligheid log je opnieuw in met je wachtwoord. Je werkgever krijgt bericht dat je IBAN is gewijzigd.", "For your safety, confirm with your password. Your employer is told that your IBAN changed.";
    iban_saved: "Je nieuwe IBAN is opgeslagen; je werkgever heeft bericht gekregen.", "Your new IBAN was saved; your employer was told.";
    work_heading: "Werk", "Work";
    request_heading: "Wijziging aanvragen", "Request a change";
    request_intro: "Naam, geboortedatum, contracturen en loonheffingskorting wijzigt je werkgever. Vraag hier een wijziging aan met de datum waarop die ingaat.", "Your employer changes your name, birth date, contract hours and payroll tax credit. Request a change here with the date it takes effect.";
    send_request: "Verzoek versturen", "Send request";
    request_sent: "Je verzoek is verstuurd naar je werkgever.", "Your request was sent to your employer.";
    my_requests: "Mijn verzoeken", "My requests";
    withdraw: "Intrekken", "Withdraw";
    id_document_heading: "Identiteitsbewijs", "Identity document";
    id_document_text: "Upload een kopie van je identiteitsbewijs bij je documenten.", "Upload a copy of your identity document with your documents.";
    to_documents: "Naar documenten", "To documents";
    hours_value_hint: "Uren per week, bijvoorbeeld 36 of 24,5", "Hours per week, e.g. 36 or 24.5";
}

impl EmployeeTexts {
    fn nl(&self) -> bool {
        self.locale == Locale::Nl
    }

    /// A date as `22-11-2026` (Dutch) or `22 Nov 2026`.
    pub fn date(&self, d: NaiveDate) -> String {
        if self.nl() { d.format("%d-%m-%Y").to_string() } else { d.format("%-d %b %Y").to_string() }
    }

    /// Minutes per week as hours: `32` or `24,5` (Dutch) / `24.5`.
    pub fn hours(&self, minutes: i32) -> String {
        let h = f64::from(minutes) / 60.0;
        let s = if (h - h.round()).abs() < 1e-9 {
            format!("{}", h.round() as i64)
        } else {
            format!("{h:.2}").trim_end_matches('0').to_string()
        };
        if self.nl() { s.replace('.', ",") } else { s }
    }

    /// A factor as `0,84`.
    pub fn factor(&self, f: f64) -> String {
        let s = format!("{f:.2}");
        if self.nl() { s.replace('.', ",") } else { s }
    }

    /// "3 van 4 bevestigd".
    pub fn progress(&self, confirmed: i64, total: i64) -> String {
        if self.nl() {
            format!("{confirmed} van {total} bevestigd")
        } else {
            format!("{confirmed} of {total} confirmed")
        }
    }

    /// Counts of a dry run or import.
    pub fn counts(&self, created: u32, changed: u32, unchanged: u32, rejected: u32) -> String {
        if self.nl() {
            format!("{created} nieuw, {changed} gewijzigd, {unchanged} ongewijzigd, {rejected} geweigerd")
        } else {
            format!("{created} new, {changed} changed, {unchanged} unchanged, {rejected} rejected")
        }
    }

    /// An import row's outcome.
    pub fn outcome(&self, o: ImportOutcome) -> &'static str {
        match (o, self.nl()) {
            (ImportOutcome::Created, true) => "Nieuw",
            (ImportOutcome::Created, false) => "New",
            (ImportOutcome::Changed, true) => "Gewijzigd",
            (ImportOutcome::Changed, false) => "Changed",
            (ImportOutcome::Unchanged, true) => "Ongewijzigd",
            (ImportOutcome::Unchanged, false) => "Unchanged",
            (ImportOutcome::Rejected, true) => "Geweigerd",
            (ImportOutcome::Rejected, false) => "Rejected",
        }
    }

    /// A change request's status.
    pub fn request_status(&self, s: ChangeRequestStatus) -> &'static str {
        match (s, self.nl()) {
            (ChangeRequestStatus::Pending, true) => "In behandeling",
            (ChangeRequestStatus::Pending, false) => "Pending",
            (ChangeRequestStatus::Approved, true) => "Goedgekeurd",
            (ChangeRequestStatus::Approved, false) => "Approved",
            (ChangeRequestStatus::Declined, true) => "Afgewezen",
            (ChangeRequestStatus::Declined, false) => "Declined",
            (ChangeRequestStatus::Withdrawn, true) => "Ingetrokken",
            (ChangeRequestStatus::Withdrawn, false) => "Withdrawn",
        }
    }

    /// A requestable field's name.
    pub fn change_field(&self, f: ChangeField) -> &'static str {
        match f {
            ChangeField::FirstName => self.first_name,
            ChangeField::Infix => self.infix,
            ChangeField::LastName => self.last_name,
            ChangeField::BirthDate => self.birth_date,
            ChangeField::ContractMinutes => self.contract_hours,
            ChangeField::TaxCredit => self.tax_credit,
        }
    }

    /// A request's value as people read it.
    pub fn change_value(&self, f: ChangeField, v: &str) -> String {
        match f {
            ChangeField::ContractMinutes => {
                v.parse::<i32>().map(|m| self.hours(m)).unwrap_or_else(|_| v.into())
            }
            ChangeField::TaxCredit => (if v == "true" { self.yes } else { self.no }).into(),
            ChangeField::BirthDate => {
                v.parse::<NaiveDate>().map(|d| self.date(d)).unwrap_or_else(|_| v.into())
            }
            _ if v.is_empty() => self.none.into(),
            _ => v.into(),
        }
    }

    /// A history line's action.
    pub fn action(&self, a: &str) -> &'static str {
        match (a, self.nl()) {
            ("created", true) => "Aangemaakt",
            ("created", false) => "Created",
            ("updated", true) => "Gewijzigd",
            ("updated", false) => "Changed",
            ("imported", true) => "Geïmporteerd",
            ("imported", false) => "Imported",
            ("contact_changed", true) => "Adres/telefoon gewijzigd door medewerker",
            ("contact_changed", false) => "Address/phone changed by the employee",
            ("iban_changed", true) => "IBAN gewijzigd door medewerker",
            ("iban_changed", false) => "IBAN changed by the employee",
            ("change_approved", true) => "Wijzigingsverzoek goedgekeurd",
            ("change_approved", false) => "Change request approved",
            ("reviewed", true) => "Bevestigd in de jaarlijkse controle",
            ("reviewed", false) => "Confirmed in the yearly review",
            (_, true) => "Wijziging",
            (_, false) => "Change",
        }
    }

    /// A field error code the server sent, or the shared rules found.
    pub fn problem(&self, code: &str) -> String {
        let (nl, en) = match code {
            "required" => ("Dit veld is verplicht.", "This field is required."),
            "too_long" => ("Dit is te lang.", "This is too long."),
            "format" => ("Dit heeft niet de juiste vorm.", "This is not in the right form."),
            "checksum" => (
                "Dit nummer klopt niet (controlecijfer). Controleer op tikfouten.",
                "This number does not add up (check digit). Check for typos.",
            ),
            "length" => ("Dit IBAN heeft niet de juiste lengte.", "This IBAN has the wrong length."),
            "duplicate" => (
                "Dit hoort al bij een andere medewerker van je organisatie.",
                "This belongs to another employee of your organisation.",
            ),
            "invalid_postcode" => ("Geen Nederlandse postcode (1234 AB).", "Not a Dutch postcode (1234 AB)."),
            "invalid_phone" => ("Geen geldig telefoonnummer.", "Not a valid phone number."),
            "invalid_email" => ("Geen geldig e-mailadres.", "Not a valid e-mail address."),
            "out_of_range" => ("Deze datum ligt buiten het bereik.", "This date is out of range."),
            "range" => ("Tussen 1 minuut en 60 uur per week.", "Between 1 minute and 60 hours a week."),
            "above_full_time" => ("Meer dan een volledige werkweek.", "More than a full-time week."),
            "before_start" => ("Ligt voor de datum in dienst.", "Before the start date."),
            "overlap" => ("Overlapt een andere periode.", "Overlaps another period."),
            "stale" => (
                "Iemand anders heeft deze gegevens intussen gewijzigd. Laad de pagina opnieuw.",
                "Someone else changed this meanwhile. Reload the page.",
            ),
            "wrong_password" => ("Dit wachtwoord klopt niet.", "This password is not right."),
            "mobile_required" => (
                "Vul een 06-nummer in: de uitnodiging gaat met een sms-pincode.",
                "Enter a mobile number: the invitation uses an SMS PIN.",
            ),
            "has_record" | "already_member" => (
                "Deze persoon staat al als medewerker geregistreerd.",
                "This person is registered as an employee already.",
            ),
            "past" => ("Kies vandaag of een latere datum.", "Choose today or a later date."),
            "unchanged" => ("Dit is al wat er bekend is.", "This is what is on file already."),
            "pending" => ("Je hebt hiervoor al een verzoek lopen.", "You already have a request for this."),
            "future" => ("Deze datum ligt in de toekomst.", "This date is in the future."),
            "not_employed" => {
                ("Op die datum is er geen dienstverband.", "There is no employment on that date.")
            }
            "rejected_rows" => (
                "Er zijn geweigerde regels; er is niets ingelezen.",
                "Some rows are rejected; nothing was imported.",
            ),
            "missing_columns" => ("Er ontbreken verplichte kolommen.", "Required columns are missing."),
            _ => ("Dit is niet geldig.", "This is not valid."),
        };
        if self.nl() { nl.into() } else { en.into() }
    }
}

/// The texts for a language.
pub fn texts(locale: Locale) -> &'static EmployeeTexts {
    match locale {
        Locale::Nl => &NL,
        Locale::En => &EN,
    }
}
