//! Texts of Rapportages: the absence statistics by the Dutch standard (issue 7) — period
//! and scope, the figures with their formulas, the charts, the per-employee overview, the
//! mutations and the printable management report. Each text is written in both languages
//! in one line, so a missing translation is a compile error.

use shared::absence::statistics::{ClassesError, CurrentState, MutationKind, PoortwachterStage};
use shared::i18n::Locale;

macro_rules! texts {
    ($($name:ident: $nl:expr, $en:expr;)*) => {
        /// The report screens' fixed texts in one language.
        pub struct ReportTexts {
            /// The language these texts are in.
            pub locale: Locale,
            $(pub $name: &'static str,)*
        }
        /// Nederlands.
        pub static NL: ReportTexts = ReportTexts { locale: Locale::Nl, $($name: $nl,)* };
        /// English.
        pub static EN: ReportTexts = ReportTexts { locale: Locale::En, $($name: $en,)* };
    };
}

texts! {
    title: "Verzuimstatistieken", "Absence statistics";
    intro: "Verzuimcijfers van je organisatie over een periode, per afdeling, kostenplaats of team.", "Your organisation's absence figures over a period, per department, cost centre or team.";
    standard: "Poort rekent volgens de Nederlandse verzuimstandaard (CBS/SZW 1996): kalenderdagen, gewogen naar deeltijdfactor en arbeidsongeschiktheid.", "Poort computes by the Dutch absence standard (CBS/SZW 1996): calendar days, weighted by part-time factor and incapacity.";

    counted_until: "Geteld tot en met vandaag", "Counted up to and including today";
    counted_until_why: "de dagen die nog komen tellen niet mee.", "days still to come do not count.";

    choice_heading: "Periode en afbakening", "Period and scope";
    organisation: "Organisatie", "Organisation";
    period_kind: "Periode", "Period";
    kind_month: "Maand", "Month";
    kind_quarter: "Kwartaal", "Quarter";
    kind_year: "Jaar", "Year";
    kind_custom: "Zelf kiezen", "Custom";
    year: "Jaar", "Year";
    month: "Maand", "Month";
    quarter: "Kwartaal", "Quarter";
    from: "Van", "From";
    to: "Tot en met", "To";
    scope_kind: "Afbakening", "Scope";
    scope_organisation: "Hele organisatie", "Whole organisation";
    scope_department: "Afdeling", "Department";
    scope_cost_centre: "Kostenplaats", "Cost centre";
    scope_team: "Team", "Team";
    choose_team: "Kies een team", "Choose a team";
    typed_hint: "Precies zoals in de werknemersgegevens.", "Exactly as in the employee data.";

    figures_heading: "Kerncijfers", "Key figures";
    rate: "Verzuimpercentage", "Absence rate";
    rate_without_pregnancy: "Verzuimpercentage zonder zwangerschapsverlof", "Absence rate without pregnancy leave";
    frequency: "Meldingsfrequentie", "Report frequency";
    duration: "Gemiddelde verzuimduur", "Average duration";
    zero: "Nulverzuim", "Zero absence";
    per_year: "per medewerker per jaar", "per employee per year";
    days_unit: "dagen", "days";
    no_value: "Geen waarde: niemand in dienst of geen gevallen in deze periode.", "No value: nobody employed or no cases in this period.";
    show_formula: "Hoe berekend?", "How computed?";
    formula_rate: "gewogen verzuimdagen (ook zwangerschaps- en bevallingsverlof) ÷ gewogen beschikbare dagen × 100", "weighted absence days (pregnancy and maternity leave included) ÷ weighted available days × 100";
    formula_rate_without_pregnancy: "gewogen ziektedagen, zonder zwangerschaps- en bevallingsverlof ÷ gewogen beschikbare dagen × 100", "weighted sick days, without pregnancy and maternity leave ÷ weighted available days × 100";
    formula_frequency: "ziekmeldingen ÷ gemiddeld aantal medewerkers ÷ jaren in de periode", "sick reports ÷ average headcount ÷ years in the period";
    formula_duration: "verzuimdagen van de beëindigde gevallen ÷ aantal beëindigde gevallen", "days of the cases that ended ÷ number of cases that ended";
    formula_zero: "medewerkers zonder ziekmelding ÷ medewerkers × 100", "employees without a sick report ÷ employees × 100";

    month_chart_heading: "Verzuimpercentage per maand", "Absence rate per month";
    month_chart_title: "Verzuimpercentage per maand tegen vorig jaar", "Absence rate per month against the previous year";
    this_period: "Deze periode", "This period";
    previous_year: "Vorig jaar", "Previous year";
    show_as_table: "Toon als tabel", "Show as table";
    class_chart_heading: "Verzuimgevallen per duurklasse", "Cases per duration class";
    class_chart_title: "Verzuimgevallen per duurklasse: beëindigd en lopend", "Cases per duration class: ended and running";
    class_short: "Kort", "Short";
    class_medium: "Middellang", "Medium";
    class_long: "Lang", "Long";
    class_extra_long: "Extra lang", "Extra long";
    class_beyond: "Langer dan", "Longer than";
    classes_label: "Duurklassen: bovengrenzen in dagen", "Duration classes: upper bounds in days";
    classes_hint: "Oplopend, met komma's: 14, 91, 365, 730 geeft 1–14, 15–91, 92–365 en 366–730 dagen (de standaard).", "Ascending, with commas: 14, 91, 365, 730 gives 1–14, 15–91, 92–365 and 366–730 days (the standard).";
    classes_standard: "Standaardklassen", "Standard classes";
    classes_required: "Vul ten minste één bovengrens in.", "Fill in at least one upper bound.";
    classes_not_a_number: "Alleen hele getallen, gescheiden door komma's.", "Whole numbers only, separated by commas.";
    classes_out_of_range: "Elke bovengrens ligt tussen 1 en 3650 dagen.", "Each upper bound lies between 1 and 3650 days.";
    classes_not_ascending: "Elke bovengrens is hoger dan de vorige.", "Each upper bound is higher than the one before.";
    classes_too_many: "Ten hoogste 8 klassen.", "At most 8 classes.";
    ended: "Beëindigd", "Ended";
    running: "Lopend", "Running";

    open_cases_heading: "Lopende verzuimgevallen per poortwachterfase", "Open cases per poortwachter stage";
    open_cases_note: "Vandaag, wat de gekozen periode ook is. Alleen aantallen.", "Today, whatever the period chosen. Counts only.";
    stage: "Fase", "Stage";
    cases: "Gevallen", "Cases";

    employees_heading: "Per medewerker", "Per employee";
    mutations_heading: "Mutaties", "Mutations";
    name: "Naam", "Name";
    personnel_number: "Personeelsnummer", "Personnel number";
    department: "Afdeling", "Department";
    employed_days: "Dagen in dienst", "Days employed";
    weighted_employed_days: "Gewogen dagen in dienst", "Weighted days employed";
    sick_days: "Ziektedagen", "Sick days";
    weighted_sick_days: "Gewogen ziektedagen", "Weighted sick days";
    absence_percent: "Verzuim %", "Absence %";
    reports: "Ziekmeldingen", "Sick reports";
    current_state: "Nu", "Now";
    no_employees: "Niemand in dienst in deze periode.", "Nobody employed in this period.";
    date: "Datum", "Date";
    kind: "Mutatie", "Mutation";
    case_number: "Dossier", "Case";
    no_mutations: "Geen mutaties in deze periode.", "No mutations in this period.";
    download: "Downloaden", "Download";
    download_csv: "CSV", "CSV";
    download_xlsx: "Excel (XLSX)", "Excel (XLSX)";

    management_link: "Managementrapportage", "Management report";
    management_title: "Managementrapportage verzuim", "Absence management report";
    print: "Afdrukken", "Print";
    download_pdf: "PDF downloaden", "Download PDF";
    back_to_statistics: "Terug naar de statistieken", "Back to the statistics";
}

impl ReportTexts {
    fn nl(&self) -> bool {
        self.locale == Locale::Nl
    }

    /// The label of today's absence state in the per-employee overview.
    pub fn current_state(&self, s: CurrentState) -> &'static str {
        match (s, self.nl()) {
            (CurrentState::Fit, true) => "Niet ziek",
            (CurrentState::Fit, false) => "Not sick",
            (CurrentState::PartlySick, true) => "Gedeeltelijk ziek",
            (CurrentState::PartlySick, false) => "Partly sick",
            (CurrentState::Sick, true) => "Ziek",
            (CurrentState::Sick, false) => "Sick",
        }
    }

    /// The label of a mutation's kind.
    pub fn mutation_kind(&self, k: MutationKind) -> &'static str {
        match (k, self.nl()) {
            (MutationKind::SickReport, true) => "Ziekmelding",
            (MutationKind::SickReport, false) => "Sick report",
            (MutationKind::PartialRecovery, true) => "Gedeeltelijk herstel",
            (MutationKind::PartialRecovery, false) => "Partial recovery",
            (MutationKind::Recovery, true) => "Herstelmelding",
            (MutationKind::Recovery, false) => "Recovery",
            (MutationKind::OutOfEmployment, true) => "Uit dienst tijdens ziekte",
            (MutationKind::OutOfEmployment, false) => "Left employment while sick",
        }
    }

    /// A poortwachter stage by its weeks and what is due in it: "Weken 9–42 · re-integratie".
    pub fn stage_label(&self, stage: PoortwachterStage) -> String {
        let nl = self.nl();
        let what = match stage {
            PoortwachterStage::FirstWeeks if nl => "ziekmelding en probleemanalyse",
            PoortwachterStage::FirstWeeks => "sick report and problem analysis",
            PoortwachterStage::PlanOfAction if nl => "plan van aanpak",
            PoortwachterStage::PlanOfAction => "plan of action",
            PoortwachterStage::Reintegration if nl => "re-integratie",
            PoortwachterStage::Reintegration => "re-integration",
            PoortwachterStage::FirstYearEvaluation if nl => "melding UWV en eerstejaarsevaluatie",
            PoortwachterStage::FirstYearEvaluation => "report to UWV and first-year evaluation",
            PoortwachterStage::SecondYear if nl => "tweede ziektejaar",
            PoortwachterStage::SecondYear => "second year of sickness",
            PoortwachterStage::WiaApplication if nl => "eindevaluatie en WIA-aanvraag",
            PoortwachterStage::WiaApplication => "final evaluation and WIA application",
            PoortwachterStage::Beyond104Weeks if nl => "loondoorbetaling voorbij",
            PoortwachterStage::Beyond104Weeks => "wage continuation over",
        };
        let weeks = if nl { "Weken" } else { "Weeks" };
        match stage.weeks() {
            (from, Some(to)) => format!("{weeks} {from}–{to} · {what}"),
            (from, None) if nl => format!("Na {} weken · {what}", from - 1),
            (from, None) => format!("After {} weeks · {what}", from - 1),
        }
    }

    /// A month's name (1–12): "januari" / "January".
    pub fn month_name(&self, month: u32) -> &'static str {
        crate::i18n::dict(self.locale).hours.month(month.saturating_sub(1))
    }

    /// A short month name for a chart axis: "jan" / "Jan".
    pub fn month_short(&self, month: u32) -> String {
        self.month_name(month).chars().take(3).collect()
    }

    /// A date as the lists show it.
    pub fn date(&self, d: chrono::NaiveDate) -> String {
        if self.nl() { d.format("%d-%m-%Y").to_string() } else { d.format("%-d %b %Y").to_string() }
    }

    /// "Geteld tot en met vandaag (23-11-2026): de dagen die nog komen tellen niet mee."
    pub fn counted_until_line(&self, today: chrono::NaiveDate) -> String {
        format!("{} ({}): {}", self.counted_until, self.date(today), self.counted_until_why)
    }

    /// "42 dagen" / "42 days".
    pub fn days(&self, formatted: &str) -> String {
        format!("{formatted} {}", self.days_unit)
    }

    /// "(1–14 dagen)" for a class's range; open-ended classes read "(366+ dagen)".
    pub fn class_range(&self, from: u32, to: Option<u32>) -> String {
        match to {
            Some(to) => format!("{from}–{to} {}", self.days_unit),
            None => format!("{from}+ {}", self.days_unit),
        }
    }

    /// "Langer dan 730 dagen": the cases beyond the last class.
    pub fn beyond(&self, days: u32) -> String {
        format!("{} {days} {}", self.class_beyond, self.days_unit)
    }

    /// Why the typed duration classes are refused.
    pub fn classes_error(&self, e: ClassesError) -> &'static str {
        match e {
            ClassesError::Empty => self.classes_required,
            ClassesError::NotANumber => self.classes_not_a_number,
            ClassesError::OutOfRange => self.classes_out_of_range,
            ClassesError::NotAscending => self.classes_not_ascending,
            ClassesError::TooMany => self.classes_too_many,
        }
    }

    /// "Herstel 50 %" for a partial recovery's percentage.
    pub fn recovered(&self, percent: u32) -> String {
        if self.nl() { format!("{percent} % hersteld") } else { format!("{percent} % recovered") }
    }
}

/// The texts in one language.
pub fn texts(locale: Locale) -> &'static ReportTexts {
    match locale {
        Locale::Nl => &NL,
        Locale::En => &EN,
    }
}
