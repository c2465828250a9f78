//! Texts of the self-service screens (seed 002): Documenten, Loonstroken and jaaropgaven,
//! Reserveringen, Betalingen, Plaatsingen and Fase. Every text is a method with its Dutch and
//! English wording side by side, so neither can be forgotten.

use chrono::{Datelike, NaiveDate};
use shared::documents::PersonDocumentKind;
use shared::i18n::Locale;
use shared::payroll::{AccrualKind, PayslipKind};
use shared::placements::AgencyPhase;

/// The self-service screens' texts in one language.
pub struct SelfServiceTexts {
    /// The language these texts are in.
    pub locale: Locale,
}

pub const NL: SelfServiceTexts = SelfServiceTexts { locale: Locale::Nl };
pub const EN: SelfServiceTexts = SelfServiceTexts { locale: Locale::En };

macro_rules! texts {
    ($($name:ident: $nl:expr, $en:expr;)*) => {
        impl SelfServiceTexts {
            $(
                #[allow(missing_docs)]
                pub fn $name(&self) -> &'static str {
                    self.pick($nl, $en)
                }
            )*
        }
    };
}

texts! {
    nav_payslips: "Loonstroken", "Payslips";
    nav_placements: "Plaatsingen", "Placements";
    about_payslips: "Loonstroken, jaaropgaven, reserveringen en betalingen.", "Payslips, annual statements, accruals and payments.";
    about_placements: "Je plaatsingen bij opdrachtgevers en je fase.", "Your placements at hirers and your phase.";
    payroll_sections: "Salaris", "Pay";
    agency_sections: "Uitzendwerk", "Agency work";
    tab_payslips: "Loonstroken", "Payslips";
    tab_accruals: "Reserveringen", "Accruals";
    tab_payments: "Betalingen", "Payments";
    tab_placements: "Plaatsingen", "Placements";
    tab_phase: "Fase", "Phase";
    tab_my_documents: "Mijn documenten", "My documents";
    tab_employee_documents: "Documenten medewerkers", "Employees' documents";
    documents_title: "Documenten", "Documents";
    documents_intro: "Je contracten, loonstroken, jaaropgaven en andere documenten. Nieuwe documenten zijn gemarkeerd tot je ze opent.", "Your contracts, payslips, annual statements and other documents. New documents are marked until you open them.";
    employer_documents_title: "Documenten medewerkers", "Employees' documents";
    employer_documents_intro: "Alle documenten van medewerkers die voor de werkgever zichtbaar zijn. Voeg een document toe voor een medewerker en kies of die het ziet.", "Every employee document visible to the employer. Add a document for an employee and choose whether they see it.";
    filter_kind: "Soort", "Type";
    all_kinds: "Alle soorten", "All types";
    filter_from: "Periode vanaf", "Period from";
    filter_to: "Periode tot en met", "Period to";
    search_placeholder: "Titel, bestandsnaam of naam", "Title, file name or name";
    only_unread: "Alleen ongelezen", "Unread only";
    col_title: "Document", "Document";
    col_period: "Periode", "Period";
    col_person: "Medewerker", "Employee";
    col_uploaded: "Toegevoegd", "Added";
    col_visible: "Zichtbaar voor medewerker", "Visible to employee";
    col_actions: "Acties", "Actions";
    unread: "Nieuw", "New";
    open: "Openen", "Open";
    delete: "Verwijderen", "Delete";
    deleted_notice: "Het document is verwijderd.", "The document was deleted.";
    visibility_saved: "Zichtbaarheid opgeslagen.", "Visibility saved.";
    no_documents: "Geen documenten gevonden.", "No documents found.";
    upload_heading: "Document toevoegen", "Add a document";
    upload_for: "Voor medewerker", "For employee";
    choose_person: "Kies een medewerker", "Choose an employee";
    doc_title: "Titel", "Title";
    doc_file: "Bestand", "File";
    doc_file_hint: "PDF, Word (.docx), PNG of JPEG, hoogstens 15 MB. Het soort bestand wordt aan de inhoud herkend.", "PDF, Word (.docx), PNG or JPEG, at most 15 MB. The type is recognised from the content.";
    period_start: "Periode van (optioneel)", "Period from (optional)";
    period_end: "Periode tot (optioneel)", "Period to (optional)";
    show_to_employee: "Zichtbaar voor de medewerker (die krijgt een e-mail)", "Visible to the employee (they get an e-mail)";
    upload: "Toevoegen", "Add";
    uploading: "Bezig met toevoegen…", "Adding…";
    uploaded_notice: "Het document is toegevoegd.", "The document was added.";
    payslips_title: "Loonstroken en jaaropgaven", "Payslips and annual statements";
    payslips_intro: "Je loonstroken per jaar, nieuwste eerst, en je jaaropgaven voor de belastingaangifte.", "Your payslips by year, newest first, and your annual statements for your tax return.";
    employer_payslips_intro: "Bekijk de loonstroken en jaaropgaven van een medewerker.", "See an employee's payslips and annual statements.";
    year: "Jaar", "Year";
    no_payslips: "Er zijn nog geen loonstroken.", "There are no payslips yet.";
    col_pay_date: "Uitbetaald", "Paid";
    col_gross: "Bruto", "Gross";
    col_net: "Netto", "Net";
    col_tax: "Loonheffing", "Wage tax";
    year_totals: "Totaal dit jaar", "Total this year";
    accruals_title: "Reserveringen", "Accruals";
    accruals_intro: "Wat je opbouwt aan vakantie-uren, vakantiegeld en andere reserveringen, zoals de salarisadministratie het doorgeeft.", "What you build up in vacation hours, holiday pay and other accruals, as payroll reports it.";
    no_accruals: "Er zijn nog geen reserveringen doorgegeven.", "No accruals have been reported yet.";
    balance: "Saldo", "Balance";
    built_up: "Opgebouwd dit jaar", "Built up this year";
    taken: "Opgenomen of uitbetaald", "Taken or paid out";
    as_of: "Stand per", "As of";
    chart_label: "Verloop van het saldo", "Balance over time";
    payments_title: "Betalingen", "Payments";
    payments_intro: "De betalingen op je rekening: salaris, vakantiegeld en andere uitbetalingen.", "The payments to your account: salary, holiday pay and other payments.";
    no_payments: "Geen betalingen in deze periode.", "No payments in this period.";
    col_paid_on: "Datum", "Date";
    col_description: "Omschrijving", "Description";
    col_amount: "Bedrag", "Amount";
    col_account: "Rekening", "Account";
    placements_title: "Plaatsingen", "Placements";
    placements_intro: "Waar je werkt of hebt gewerkt via het uitzendbureau.", "Where you work or have worked through the agency.";
    employer_placements_intro: "Plaatsingen van uitzendkrachten bij opdrachtgevers.", "Placements of agency workers at hirers.";
    no_placements: "Geen plaatsingen.", "No placements.";
    col_hirer: "Opdrachtgever", "Hirer";
    col_function: "Functie", "Function";
    col_start: "Begin", "Start";
    col_end: "Einde", "End";
    col_hours: "Uren per week", "Hours a week";
    col_cost_centre: "Kostenplaats", "Cost centre";
    open_ended: "Lopend", "Ongoing";
    filter_hirer: "Opdrachtgever", "Hirer";
    new_placement: "Plaatsing toevoegen", "Add a placement";
    save: "Opslaan", "Save";
    placement_saved: "De plaatsing is opgeslagen.", "The placement was saved.";
    phase_title: "Fase", "Phase";
    phase_intro: "Waar je staat in het fasesysteem van de uitzend-cao.", "Where you stand in the agency CAO's phase system.";
    no_phase: "Je hebt geen fase: je werkt niet via het uitzendbureau, of je fase is nog niet vastgelegd.", "You have no phase: you do not work through the agency, or your phase has not been recorded yet.";
    phase_since: "Sinds", "Since";
    weeks_counted: "Gewerkte weken geteld", "Worked weeks counted";
    weeks_left: "Weken te gaan", "Weeks to go";
    contracts_counted: "Contracten in deze fase", "Contracts in this phase";
    contracts_left: "Contracten nog mogelijk", "Contracts still possible";
    ends_by: "Uiterlijk tot", "Lasts until at most";
    next_phase: "Daarna", "Next";
    phase_c_final: "Fase C is de laatste fase: een contract voor onbepaalde tijd.", "Phase C is the last phase: a contract for an indefinite period.";
    weeks_rule: "Een week telt als je er minstens één dag werkt. Na 26 weken of meer zonder werk begint de telling opnieuw.", "A week counts when you work at least one day of it. After 26 weeks or more without work the count starts again.";
    error_type: "Dit bestand wordt niet geaccepteerd: alleen PDF, Word (.docx), PNG of JPEG. Het soort bestand wordt aan de inhoud herkend, niet aan de naam.", "This file is not accepted: only PDF, Word (.docx), PNG or JPEG. The type is recognised from the content, not the name.";
    error_type_mismatch: "De inhoud van het bestand past niet bij het soort dat de naam aangeeft.", "The file's content does not match the type its name says.";
    error_too_large: "Het bestand is groter dan 15 MB.", "The file is larger than 15 MB.";
    error_required: "Dit veld is verplicht.", "This field is required.";
    error_file_required: "Kies een bestand.", "Choose a file.";
    error_not_allowed: "Dit soort document kun je niet zelf toevoegen.", "You cannot add this type of document yourself.";
    error_before_start: "De einddatum ligt voor de begindatum.", "The end date is before the start date.";
    error_out_of_range: "Deze waarde valt buiten het toegestane bereik.", "This value is out of range.";
    error_too_long: "Deze tekst is te lang.", "This text is too long.";
    error_unknown_person: "Deze persoon hoort niet bij je organisatie.", "This person is not part of your organisation.";
}

impl SelfServiceTexts {
    fn pick(&self, nl: &'static str, en: &'static str) -> &'static str {
        match self.locale {
            Locale::Nl => nl,
            Locale::En => en,
        }
    }

    /// The name of a document kind.
    pub fn kind(&self, k: PersonDocumentKind) -> &'static str {
        match k {
            PersonDocumentKind::EmploymentContract => self.pick("Arbeidsovereenkomst", "Employment contract"),
            PersonDocumentKind::IdDocument => self.pick("Identiteitsbewijs", "ID document"),
            PersonDocumentKind::Payslip => self.pick("Loonstrook", "Payslip"),
            PersonDocumentKind::AnnualStatement => self.pick("Jaaropgave", "Annual statement"),
            PersonDocumentKind::Certificate => self.pick("Diploma of certificaat", "Diploma or certificate"),
            PersonDocumentKind::Other => self.pick("Overig", "Other"),
        }
    }

    /// Payslip or annual statement.
    pub fn payslip_kind(&self, k: PayslipKind) -> &'static str {
        match k {
            PayslipKind::Payslip => self.pick("Loonstrook", "Payslip"),
            PayslipKind::AnnualStatement => self.pick("Jaaropgave", "Annual statement"),
        }
    }

    /// The name of an accrual kind.
    pub fn accrual(&self, k: AccrualKind) -> &'static str {
        match k {
            AccrualKind::VacationHours => self.pick("Vakantie-uren", "Vacation hours"),
            AccrualKind::HolidayPay => self.pick("Vakantiegeld", "Holiday pay"),
            AccrualKind::ReducedHours => self.pick("ADV-uren", "Reduced working hours"),
            AccrualKind::TimeForTime => self.pick("Tijd-voor-tijd", "Time for time"),
            AccrualKind::OtherMoney => self.pick("Overige reserveringen", "Other reserves"),
        }
    }

    /// A phase's name.
    pub fn phase(&self, p: AgencyPhase) -> &'static str {
        match p {
            AgencyPhase::A => self.pick("Fase A", "Phase A"),
            AgencyPhase::B => self.pick("Fase B", "Phase B"),
            AgencyPhase::C => self.pick("Fase C", "Phase C"),
        }
    }

    /// What a phase means, in one line.
    pub fn phase_about(&self, p: AgencyPhase) -> &'static str {
        match p {
            AgencyPhase::A => self.pick(
                "Uitzendovereenkomsten met uitzendbeding; je bouwt 52 gewerkte weken op.",
                "Agency contracts with an agency clause; you build up 52 worked weeks.",
            ),
            AgencyPhase::B => self.pick(
                "Contracten voor bepaalde tijd: hoogstens 6 contracten in 4 jaar.",
                "Fixed-term contracts: at most 6 contracts in 4 years.",
            ),
            AgencyPhase::C => {
                self.pick("Een contract voor onbepaalde tijd.", "A contract for an indefinite period.")
            }
        }
    }

    /// A field problem the server reported, by code.
    pub fn problem(&self, field: &str, code: &str) -> &'static str {
        match (field, code) {
            ("file", "required") => self.error_file_required(),
            (_, "required") => self.error_required(),
            ("file", "type") => self.error_type(),
            ("file", "type_mismatch") => self.error_type_mismatch(),
            ("file", "too_large") => self.error_too_large(),
            ("kind", "not_allowed") => self.error_not_allowed(),
            ("user_id", _) => self.error_unknown_person(),
            (_, "before_start") => self.error_before_start(),
            (_, "too_long") => self.error_too_long(),
            _ => self.error_out_of_range(),
        }
    }

    /// A day as people write it: 23 okt 2026.
    pub fn date(&self, d: NaiveDate) -> String {
        const NL_MONTHS: [&str; 12] =
            ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
        const EN_MONTHS: [&str; 12] =
            ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        let months = if self.locale == Locale::Nl { NL_MONTHS } else { EN_MONTHS };
        format!("{} {} {}", d.day(), months[d.month0() as usize], d.year())
    }

    /// A period of a payslip as people name it: "oktober 2026", "periode 7 2026", "2025".
    pub fn pay_period(&self, kind: shared::payroll::PayPeriodKind, year: i32, period: u32) -> String {
        use shared::payroll::PayPeriodKind as P;
        const NL_MONTHS: [&str; 12] = [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ];
        const EN_MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        match kind {
            P::Month => {
                let months = if self.locale == Locale::Nl { NL_MONTHS } else { EN_MONTHS };
                let name = months.get(period.saturating_sub(1) as usize).copied().unwrap_or("?");
                format!("{name} {year}")
            }
            P::FourWeeks => format!("{} {period} {year}", self.pick("periode", "period")),
            P::Year => year.to_string(),
        }
    }

    /// Minutes as hours: "96:30 uur".
    pub fn hours(&self, minutes: i64) -> String {
        let sign = if minutes < 0 { "-" } else { "" };
        let m = minutes.unsigned_abs();
        format!("{sign}{}:{:02} {}", m / 60, m % 60, self.pick("uur", "hours"))
    }

    /// "Toegevoegd door X".
    pub fn added_by(&self, name: &str) -> String {
        format!("{} {name}", self.pick("door", "by"))
    }

    /// The weeks bar's text: "34 van 52 weken".
    pub fn weeks_of(&self, counted: u32, total: u32) -> String {
        format!("{counted} {} {total} {}", self.pick("van", "of"), self.pick("weken", "weeks"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_and_formats() {
        assert_eq!(NL.documents_title(), "Documenten");
        assert_eq!(EN.documents_title(), "Documents");
        assert_eq!(NL.hours(5790), "96:30 uur");
        assert_eq!(NL.pay_period(shared::payroll::PayPeriodKind::Month, 2026, 10), "oktober 2026");
        assert_eq!(NL.date(NaiveDate::from_ymd_opt(2026, 10, 23).unwrap()), "23 okt 2026");
        assert_eq!(NL.problem("file", "type"), NL.error_type());
    }
}
