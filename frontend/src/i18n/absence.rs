//! Texts of the absence screens (verzuim): the employee's sick and recovery
//! reports (seed 001), the employer's and arbodienst's case list, dossier view
//! and case file (seed 004), and the poortwachter names people know.

use chrono::{Datelike, NaiveDate};
use shared::absence::{ActivityKind, ActivityState, CaseStatus, DocumentKind, ExpectedDuration, Owner};
use shared::i18n::Locale;

/// The absence screens' fixed texts in one language.
pub struct AbsenceTexts {
    /// The language these texts are in.
    pub locale: Locale,

    pub sections: &'static str,
    pub tab_cases: &'static str,
    pub tab_activities: &'static str,
    pub tab_report_for: &'static str,
    pub tab_mine: &'static str,

    pub privacy_warning: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub not_filled_in: &'static str,
    pub optional: &'static str,
    pub cancel: &'static str,
    pub save: &'static str,
    pub saving: &'static str,
    pub sending: &'static str,
    pub back_to_cases: &'static str,
    pub back_to_mine: &'static str,

    pub mine_title: &'static str,
    pub mine_intro: &'static str,
    pub open_case_heading: &'static str,
    pub no_open_case: &'static str,
    pub report_sick: &'static str,
    pub go_to_case: &'static str,
    pub earlier_cases: &'static str,
    pub no_earlier_cases: &'static str,

    pub sick_report_title: &'static str,
    pub sick_report_intro: &'static str,
    pub first_sick_day: &'static str,
    pub first_sick_day_hint: &'static str,
    pub first_sick_day_hint_other: &'static str,
    pub hours_worked: &'static str,
    pub hours_worked_hint: &'static str,
    pub hours_worked_hint_other: &'static str,
    pub contact_phone: &'static str,
    pub contact_phone_hint: &'static str,
    pub contact_phone_hint_other: &'static str,
    pub contact_address: &'static str,
    pub contact_address_hint: &'static str,
    pub contact_address_hint_other: &'static str,
    pub reporting: &'static str,

    pub report_for_title: &'static str,
    pub report_for_intro: &'static str,
    pub person: &'static str,
    pub person_search_hint: &'static str,
    pub no_people_found: &'static str,
    pub change_person: &'static str,
    pub facts_legend: &'static str,
    pub facts_intro: &'static str,
    pub expected_duration: &'static str,
    pub ongoing_work: &'static str,
    pub ongoing_work_hint: &'static str,
    pub safety_net: &'static str,
    pub safety_net_hint: &'static str,
    pub work_accident: &'static str,
    pub third_party_liable: &'static str,
    pub labour_conflict: &'static str,
    pub pregnancy_leave: &'static str,
    pub pregnancy_leave_hint: &'static str,

    pub cases_title: &'static str,
    pub cases_intro: &'static str,
    pub search: &'static str,
    pub search_hint: &'static str,
    pub status_label: &'static str,
    pub all_statuses: &'static str,
    pub no_cases: &'static str,
    pub case_label: &'static str,
    pub employee: &'static str,
    pub incapacity: &'static str,
    pub next_step: &'static str,
    pub nothing_due: &'static str,

    pub activities_title: &'static str,
    pub activities_intro: &'static str,
    pub filters: &'static str,
    pub done_filter: &'static str,
    pub done_any: &'static str,
    pub done_no: &'static str,
    pub done_yes: &'static str,
    pub overdue_only: &'static str,
    pub due_from: &'static str,
    pub due_to: &'static str,
    pub all_employees: &'static str,
    pub activity_label: &'static str,
    pub all_activities: &'static str,
    pub clear_filters: &'static str,
    pub no_activities: &'static str,
    pub owner_label: &'static str,
    pub due: &'static str,
    pub state_label: &'static str,

    pub case_title: &'static str,
    pub sick_since: &'static str,
    pub sick_week: &'static str,
    pub hours_worked_first_day: &'static str,
    pub recovered_on: &'static str,
    pub out_of_employment_on: &'static str,
    pub recovery_steps: &'static str,
    pub relapse_note: &'static str,
    pub expected_heading: &'static str,
    pub expected_intro: &'static str,
    pub nothing_expected: &'static str,
    pub yours_badge: &'static str,

    pub recovery_heading: &'static str,
    pub recovery_intro: &'static str,
    pub recovery_percent: &'static str,
    pub recovery_percent_hint: &'static str,
    pub recovery_from: &'static str,
    pub report_partial: &'static str,
    pub report_full: &'static str,
    pub own_recovery_heading: &'static str,
    pub own_recovery_intro: &'static str,
    pub back_at_work_on: &'static str,
    pub report_recovered: &'static str,
    pub recovered_notice: &'static str,
    pub partly_recovered_notice: &'static str,
    pub out_of_employment_heading: &'static str,
    pub out_of_employment_intro: &'static str,
    pub out_of_employment_from: &'static str,
    pub report_out_of_employment: &'static str,
    pub out_of_employment_notice: &'static str,

    pub timeline_heading: &'static str,
    pub timeline_intro: &'static str,
    pub mark_done: &'static str,
    pub undo_done: &'static str,
    pub show_fewer_steps: &'static str,
    pub add_activity_heading: &'static str,
    pub activity_title: &'static str,
    pub activity_due: &'static str,
    pub add_activity: &'static str,
    pub activity_added: &'static str,

    pub facts_heading: &'static str,
    pub edit_facts: &'static str,
    pub facts_saved: &'static str,
    pub facts_stale: &'static str,
    pub save_again: &'static str,

    pub documents_heading: &'static str,
    pub documents_intro_employee: &'static str,
    pub documents_intro: &'static str,
    pub no_documents: &'static str,
    pub document_title: &'static str,
    pub document_kind: &'static str,
    pub document_file: &'static str,
    pub document_file_hint: &'static str,
    pub uploaded: &'static str,
    pub visible_to: &'static str,
    pub visible_employee: &'static str,
    pub visible_employer: &'static str,
    pub visible_arbodienst_only: &'static str,
    pub employer_sees_own_uploads: &'static str,
    pub download: &'static str,
    pub upload_heading: &'static str,
    pub upload: &'static str,
    pub uploading: &'static str,
    pub uploaded_notice: &'static str,
    pub visibility_saved: &'static str,

    pub statements_heading: &'static str,
    pub statements_intro: &'static str,
    pub no_statements: &'static str,
    pub functional_limitations: &'static str,
    pub remaining_capacity: &'static str,
    pub advice: &'static str,
    pub write_statement_heading: &'static str,
    pub add_statement: &'static str,
    pub statement_added: &'static str,

    pub notes_heading: &'static str,
    pub notes_intro: &'static str,
    pub no_notes: &'static str,
    pub note_label: &'static str,
    pub add_note: &'static str,
    pub note_added: &'static str,

    pub history_heading: &'static str,
    pub no_history: &'static str,

    pub card_own_heading: &'static str,
    pub card_own_body: &'static str,
    pub card_sick_heading: &'static str,
    pub card_sick_body: &'static str,
    pub card_pending_heading: &'static str,
    pub card_nothing_pending: &'static str,
    pub go_activities: &'static str,
}

impl AbsenceTexts {
    fn nl(&self) -> bool {
        self.locale == Locale::Nl
    }

    fn pick(&self, nl: &'static str, en: &'static str) -> &'static str {
        if self.nl() { nl } else { en }
    }

    /// The law's names for the poortwachter activities, as people know them.
    pub fn kind(&self, kind: ActivityKind) -> &'static str {
        match kind {
            ActivityKind::SickReport => self.pick("Ziekmelding", "Sick report"),
            ActivityKind::ReportToArbodienst => {
                self.pick("Ziekmelding aan de arbodienst", "Sick report to the arbodienst")
            }
            ActivityKind::ProblemAnalysis => self.pick("Probleemanalyse", "Problem analysis"),
            ActivityKind::PlanOfAction => self.pick("Plan van aanpak", "Plan of action"),
            ActivityKind::Evaluation => self.pick("Evaluatie plan van aanpak", "Evaluation of the plan"),
            ActivityKind::UwvReport42 => self.pick("42e-weeksmelding aan UWV", "Week-42 report to UWV"),
            ActivityKind::FirstYearEvaluation => self.pick("Eerstejaarsevaluatie", "First-year evaluation"),
            ActivityKind::UwvLetter88 => {
                self.pick("Brief van UWV over de WIA-aanvraag", "UWV letter about the WIA application")
            }
            ActivityKind::CurrentAssessment => self.pick("Actueel oordeel", "Current assessment"),
            ActivityKind::FinalEvaluation => self.pick("Eindevaluatie", "Final evaluation"),
            ActivityKind::RivCopies => self.pick(
                "Kopie re-integratieverslag voor de werknemer",
                "Copies of the re-integration report for the employee",
            ),
            ActivityKind::WiaApplication => self.pick("WIA-aanvraag", "WIA application"),
            ActivityKind::EndOfWageContinuation => {
                self.pick("Einde loondoorbetaling", "End of wage continuation")
            }
        }
    }

    /// Every activity kind, in the order of a case, for the filter.
    pub const KINDS: [ActivityKind; 13] = [
        ActivityKind::SickReport,
        ActivityKind::ReportToArbodienst,
        ActivityKind::ProblemAnalysis,
        ActivityKind::PlanOfAction,
        ActivityKind::Evaluation,
        ActivityKind::UwvReport42,
        ActivityKind::FirstYearEvaluation,
        ActivityKind::UwvLetter88,
        ActivityKind::CurrentAssessment,
        ActivityKind::FinalEvaluation,
        ActivityKind::RivCopies,
        ActivityKind::WiaApplication,
        ActivityKind::EndOfWageContinuation,
    ];

    /// An activity's name: the law's (numbered for evaluations), or the title someone gave it.
    pub fn activity_name(&self, kind: Option<ActivityKind>, key: &str, title: Option<&str>) -> String {
        match kind {
            Some(ActivityKind::Evaluation) => match key.strip_prefix("evaluation_") {
                Some(n) => format!("{} {n}", self.pick("Evaluatie", "Evaluation")),
                None => self.kind(ActivityKind::Evaluation).into(),
            },
            Some(kind) => self.kind(kind).into(),
            None => title.unwrap_or(key).into(),
        }
    }

    /// Who must act.
    pub fn owner(&self, owner: Owner) -> &'static str {
        match owner {
            Owner::Employee => self.pick("Werknemer", "Employee"),
            Owner::Employer => self.pick("Werkgever", "Employer"),
            Owner::EmployerAndEmployee => self.pick("Werkgever en werknemer", "Employer and employee"),
            Owner::Physician => self.pick("Bedrijfsarts", "Occupational physician"),
            Owner::PhysicianAndEmployer => {
                self.pick("Bedrijfsarts en werkgever", "Occupational physician and employer")
            }
            Owner::CaseManager => self.pick("Casemanager", "Case manager"),
            Owner::Uwv => "UWV",
            Owner::Nobody => self.pick("Niemand (mijlpaal)", "Nobody (milestone)"),
        }
    }

    /// The owners someone may give an added activity, in this order.
    pub const OWNERS: [Owner; 7] = [
        Owner::Employee,
        Owner::Employer,
        Owner::EmployerAndEmployee,
        Owner::Physician,
        Owner::PhysicianAndEmployer,
        Owner::CaseManager,
        Owner::Uwv,
    ];

    /// Where an activity stands.
    pub fn state(&self, state: ActivityState) -> &'static str {
        match state {
            ActivityState::Done => self.pick("Gedaan", "Done"),
            ActivityState::Open => self.pick("Te doen", "To do"),
            ActivityState::Overdue => self.pick("Te laat", "Overdue"),
            ActivityState::Closed => self.pick("Vervallen", "Closed"),
        }
    }

    /// Where a case stands.
    pub fn status(&self, status: CaseStatus) -> &'static str {
        match status {
            CaseStatus::Open => self.pick("Ziek", "Sick"),
            CaseStatus::Closed => self.pick("Afgesloten", "Closed"),
        }
    }

    /// The expected duration, as the employer may record it.
    pub fn duration(&self, duration: ExpectedDuration) -> &'static str {
        match duration {
            ExpectedDuration::UpToOneWeek => self.pick("Hooguit een week", "Up to a week"),
            ExpectedDuration::OneToSixWeeks => self.pick("Een tot zes weken", "One to six weeks"),
            ExpectedDuration::SixWeeksToThreeMonths => {
                self.pick("Zes weken tot drie maanden", "Six weeks to three months")
            }
            ExpectedDuration::MoreThanThreeMonths => {
                self.pick("Langer dan drie maanden", "More than three months")
            }
            ExpectedDuration::Unknown => self.pick("Nog niet bekend", "Not known yet"),
        }
    }

    /// Every expected duration, in the order the form offers them.
    pub const DURATIONS: [ExpectedDuration; 5] = [
        ExpectedDuration::UpToOneWeek,
        ExpectedDuration::OneToSixWeeks,
        ExpectedDuration::SixWeeksToThreeMonths,
        ExpectedDuration::MoreThanThreeMonths,
        ExpectedDuration::Unknown,
    ];

    /// A kind of dossier document.
    pub fn document_kind(&self, kind: DocumentKind) -> &'static str {
        match kind {
            DocumentKind::ProblemAnalysis => self.pick("Probleemanalyse", "Problem analysis"),
            DocumentKind::PlanOfAction => self.pick("Plan van aanpak", "Plan of action"),
            DocumentKind::Evaluation => self.pick("Evaluatie", "Evaluation"),
            DocumentKind::Report => self.pick("Verslag of advies", "Report or advice"),
            DocumentKind::ReintegrationReport => self.pick("Re-integratieverslag", "Re-integration report"),
            DocumentKind::Other => self.pick("Overig", "Other"),
        }
    }

    /// What happened in a case, for its history; unknown actions are shown as sent.
    pub fn event(&self, action: &str) -> String {
        let text = match action {
            "reported_sick" => self.pick("Ziekmelding", "Sick report"),
            "relapse" => self.pick("Opnieuw ziek (samentelling)", "Sick again (periods added up)"),
            "partly_recovered" => self.pick("Gedeeltelijk hersteld", "Partly recovered"),
            "recovered" => self.pick("Hersteldmelding", "Recovery report"),
            "out_of_employment" => self.pick("Ziek uit dienst", "Sick out of employment"),
            "facts_changed" => self.pick("Gegevens gewijzigd", "Details changed"),
            "document_added" => self.pick("Document toegevoegd", "Document added"),
            "visibility_changed" => self.pick("Zichtbaarheid gewijzigd", "Visibility changed"),
            "activity_done" => self.pick("Stap gedaan", "Step done"),
            "activity_added" => self.pick("Stap toegevoegd", "Step added"),
            "statement_added" => self.pick("Terugkoppeling bedrijfsarts", "Physician's feedback"),
            other => return other.replace('_', " "),
        };
        text.into()
    }

    /// An event's detail made readable: dates written out, activity names translated.
    pub fn event_detail(&self, detail: &str) -> String {
        if let Ok(day) = NaiveDate::parse_from_str(detail, "%Y-%m-%d") {
            return self.date(day);
        }
        if let Some((percent, day)) = detail.split_once(' ')
            && percent.ends_with('%')
            && let Ok(day) = NaiveDate::parse_from_str(day, "%Y-%m-%d")
        {
            return format!("{percent} {} {}", self.pick("vanaf", "from"), self.date(day));
        }
        if let Ok(kind) = detail.parse::<ActivityKind>() {
            return self.kind(kind).into();
        }
        detail.into()
    }

    /// Why a field is refused: the server's codes, and this screen's own.
    pub fn problem(&self, field: &str, code: &str) -> String {
        let text = match (field, code) {
            (_, "required") if field == "file" => self.pick("Kies een bestand.", "Choose a file."),
            (_, "required") if field == "user_id" => self.pick("Kies een medewerker.", "Choose an employee."),
            (_, "required") => self.pick("Dit veld is verplicht.", "This field is required."),
            (_, "too_long") => self.pick("Deze tekst is te lang.", "This text is too long."),
            (_, "invalid_date") => self
                .pick("Vul een datum in, bijvoorbeeld 16-11-2026.", "Enter a date, for example 16-11-2026."),
            (_, "in_future") => self.pick("Deze datum ligt in de toekomst.", "This date is in the future."),
            (_, "too_old") => self
                .pick("Deze datum ligt meer dan twee jaar terug.", "This date is more than two years ago."),
            (_, "open_case") => self.pick(
                "Er is al een open ziekmelding. Meld eerst herstel.",
                "There already is an open sick report. Report recovery first.",
            ),
            (_, "overlaps") => self.pick(
                "Deze dag valt in een eerdere ziekmelding.",
                "This day falls inside an earlier sick report.",
            ),
            ("hours_worked_minutes", _) | (_, "too_many") => self.pick(
                "Vul de gewerkte uren in als uu:mm, hoogstens 24:00.",
                "Enter the hours worked as hh:mm, at most 24:00.",
            ),
            (_, "phone") => self.pick(
                "Vul een telefoonnummer in, bijvoorbeeld 06 12345678.",
                "Enter a phone number, for example 06 12345678.",
            ),
            (_, "not_a_member") => self.pick(
                "Deze persoon werkt niet in uw organisatie.",
                "This person does not work in your organisation.",
            ),
            (_, "before_first_sick_day") => self
                .pick("Deze datum ligt vóór de eerste ziektedag.", "This date is before the first sick day."),
            (_, "not_after_previous") => self.pick(
                "Deze datum moet na de vorige herstelstap liggen.",
                "This date must be after the previous recovery step.",
            ),
            (_, "case_closed") => {
                self.pick("Dit verzuimdossier is al afgesloten.", "This absence case is already closed.")
            }
            (_, "too_far_ahead") => {
                self.pick("Deze datum ligt te ver vooruit.", "This date is too far ahead.")
            }
            (_, "out_of_range") => {
                self.pick("Vul een percentage van 0 tot en met 100 in.", "Enter a percentage from 0 to 100.")
            }
            (_, "too_large") => {
                self.pick("Het bestand is groter dan 10 MB.", "The file is larger than 10 MB.")
            }
            (_, "type") => self
                .pick("Alleen PDF, Word (.docx), PNG of JPEG.", "Only PDF, Word (.docx), PNG or JPEG files."),
            _ => self.pick("Deze waarde klopt niet.", "This value is not valid."),
        };
        text.into()
    }

    fn month(&self, month0: u32) -> &'static str {
        const NL: [&str; 12] =
            ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
        const EN: [&str; 12] =
            ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        if self.nl() { NL[month0 as usize % 12] } else { EN[month0 as usize % 12] }
    }

    /// "16 nov 2026".
    pub fn date(&self, day: NaiveDate) -> String {
        format!("{} {} {}", day.day(), self.month(day.month0()), day.year())
    }

    /// "Uiterlijk 16 nov 2026", or for a window "Van 1 feb 2027 tot 15 mrt 2027".
    pub fn due_text(&self, window_from: Option<NaiveDate>, due: NaiveDate) -> String {
        match window_from {
            Some(from) if self.nl() => format!("Van {} tot {}", self.date(from), self.date(due)),
            Some(from) => format!("From {} to {}", self.date(from), self.date(due)),
            None if self.nl() => format!("Uiterlijk {}", self.date(due)),
            None => format!("Due {}", self.date(due)),
        }
    }

    /// "Gedaan op 16 nov 2026 door Lotte Mulder".
    pub fn done_by(&self, on: Option<NaiveDate>, by: Option<&str>) -> String {
        let on = on.map(|d| self.date(d)).unwrap_or_default();
        match (self.nl(), by) {
            (true, Some(by)) => format!("Gedaan op {on} door {by}"),
            (true, None) => format!("Gedaan op {on}"),
            (false, Some(by)) => format!("Done on {on} by {by}"),
            (false, None) => format!("Done on {on}"),
        }
    }

    /// The poortwachter week: "Ziekteweek 3 (17 ziektedagen)". Week N ends on day 7·N.
    pub fn sick_week_text(&self, sick_days: u32) -> String {
        let week = sick_days.div_ceil(7).max(1);
        if self.nl() {
            format!(
                "Ziekteweek {week} ({sick_days} {})",
                if sick_days == 1 { "ziektedag" } else { "ziektedagen" }
            )
        } else {
            format!("Sick week {week} ({sick_days} sick {})", if sick_days == 1 { "day" } else { "days" })
        }
    }

    /// "Verzuimdossier 2026-0007".
    pub fn case_name(&self, number: &str) -> String {
        format!("{} {number}", self.case_title)
    }

    /// "50% hersteld vanaf 4 mei 2026".
    pub fn recovery_step(&self, percent: u32, from: NaiveDate) -> String {
        if self.nl() {
            format!("{percent}% hersteld vanaf {}", self.date(from))
        } else {
            format!("{percent}% recovered from {}", self.date(from))
        }
    }

    /// "U bent ziek gemeld sinds 16 nov 2026."
    pub fn own_sick_since(&self, day: NaiveDate) -> String {
        if self.nl() {
            format!("U bent ziek gemeld sinds {}.", self.date(day))
        } else {
            format!("You have been reported sick since {}.", self.date(day))
        }
    }

    /// "1,2 MB" / "34 kB".
    pub fn size(&self, bytes: u64) -> String {
        let text = if bytes >= 1024 * 1024 {
            format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
        } else {
            format!("{} kB", bytes.div_ceil(1024))
        };
        if self.nl() { text.replace('.', ",") } else { text }
    }

    /// "3 stappen binnen 14 dagen of te laat".
    pub fn pending_count(&self, n: u32) -> String {
        match (self.nl(), n) {
            (true, 1) => "1 stap binnen 14 dagen of te laat".into(),
            (true, n) => format!("{n} stappen binnen 14 dagen of te laat"),
            (false, 1) => "1 step due within 14 days or overdue".into(),
            (false, n) => format!("{n} steps due within 14 days or overdue"),
        }
    }

    /// The timeline's toggle: "Alle 24 stappen tonen".
    pub fn show_all_steps(&self, n: usize) -> String {
        if self.nl() { format!("Alle {n} stappen tonen") } else { format!("Show all {n} steps") }
    }

    /// Under the employee's next steps: "Daarna volgen nog 12 stappen; ze staan in de tijdlijn."
    pub fn later_steps(&self, n: usize) -> String {
        match (self.nl(), n) {
            (true, 1) => "Daarna volgt nog 1 stap; die staat in de tijdlijn.".into(),
            (true, n) => format!("Daarna volgen nog {n} stappen; ze staan in de tijdlijn."),
            (false, 1) => "1 more step follows later; it is in the timeline.".into(),
            (false, n) => format!("{n} more steps follow later; they are in the timeline."),
        }
    }

    /// "2 te laat" beside a case in the list.
    pub fn overdue_count(&self, n: u32) -> String {
        if self.nl() { format!("{n} te laat") } else { format!("{n} overdue") }
    }

    /// The employee picked for a sick report, with a way to change it.
    pub fn chosen_person(&self, name: &str) -> String {
        if self.nl() { format!("Gekozen: {name}") } else { format!("Chosen: {name}") }
    }
}

const WARNING_NL: &str = "Schrijf hier geen medische informatie (diagnose, klachten, behandeling).";
const WARNING_EN: &str = "Do not write medical information here (diagnosis, complaints, treatment).";

/// Nederlands.
pub static NL: AbsenceTexts = AbsenceTexts {
    locale: Locale::Nl,

    sections: "Onderdelen van verzuim",
    tab_cases: "Verzuimdossiers",
    tab_activities: "Activiteiten",
    tab_report_for: "Medewerker ziek melden",
    tab_mine: "Mijn verzuim",

    privacy_warning: WARNING_NL,
    yes: "Ja",
    no: "Nee",
    not_filled_in: "Niet ingevuld",
    optional: "(niet verplicht)",
    cancel: "Annuleren",
    save: "Opslaan",
    saving: "Bezig met opslaan…",
    sending: "Bezig met versturen…",
    back_to_cases: "Terug naar de verzuimdossiers",
    back_to_mine: "Terug naar mijn verzuim",

    mine_title: "Mijn verzuim",
    mine_intro: "Meld u hier ziek en hersteld, en volg uw verzuimdossier.",
    open_case_heading: "Uw ziekmelding",
    no_open_case: "U bent op dit moment niet ziek gemeld.",
    report_sick: "Ziek melden",
    go_to_case: "Naar uw verzuimdossier",
    earlier_cases: "Eerdere ziekmeldingen",
    no_earlier_cases: "Er zijn geen eerdere ziekmeldingen.",

    sick_report_title: "Ziek melden",
    sick_report_intro: "Vul de eerste ziektedag in en, als u die dag nog gewerkt heeft, hoeveel uur. Uw werkgever en de arbodienst krijgen uw ziekmelding meteen.",
    first_sick_day: "Eerste ziektedag",
    first_sick_day_hint: "De eerste dag dat u (deels) niet kon werken.",
    first_sick_day_hint_other: "De eerste dag dat de medewerker (deels) niet kon werken.",
    hours_worked: "Gewerkte uren op de eerste ziektedag",
    hours_worked_hint: "Als uu:mm, bijvoorbeeld 2:30. Leeg als u niet gewerkt heeft.",
    hours_worked_hint_other: "Als uu:mm, bijvoorbeeld 2:30. Leeg als de medewerker niet gewerkt heeft.",
    contact_phone: "Telefoonnummer tijdens ziekte",
    contact_phone_hint: "Waarop u bereikbaar bent, bijvoorbeeld 06 12345678.",
    contact_phone_hint_other: "Waarop de medewerker bereikbaar is, bijvoorbeeld 06 12345678.",
    contact_address: "Verpleegadres",
    contact_address_hint: "Alleen als u niet op uw eigen adres verblijft.",
    contact_address_hint_other: "Alleen als de medewerker niet op het eigen adres verblijft.",
    reporting: "Bezig met melden…",

    report_for_title: "Medewerker ziek melden",
    report_for_intro: "Meld een medewerker ziek op de eerste verzuimdag. Leg alleen vast wat de wet toestaat: nooit de aard of oorzaak van de ziekte.",
    person: "Medewerker",
    person_search_hint: "Typ een deel van de naam.",
    no_people_found: "Geen medewerkers gevonden.",
    change_person: "Andere medewerker",
    facts_legend: "Wat u mag vastleggen",
    facts_intro: "Volgens de AVG en de Autoriteit Persoonsgegevens alleen deze gegevens, nooit de diagnose of de klachten.",
    expected_duration: "Verwachte duur",
    ongoing_work: "Lopende afspraken en werkzaamheden",
    ongoing_work_hint: "Wat overgenomen moet worden, bijvoorbeeld afspraken met klanten.",
    safety_net: "Valt onder een vangnetregeling",
    safety_net_hint: "Alleen óf dat zo is, niet welke.",
    work_accident: "Gevolg van een bedrijfsongeval",
    third_party_liable: "Derde aansprakelijk (regres)",
    labour_conflict: "Arbeidsconflict",
    pregnancy_leave: "Zwangerschaps- of bevallingsverlof",
    pregnancy_leave_hint: "Verlof, geen ziekte: er gelden geen poortwachterstappen en het telt alleen mee in het verzuimpercentage met zwangerschap.",

    cases_title: "Verzuimdossiers",
    cases_intro: "De verzuimdossiers die u volgt. Zoek op naam of dossiernummer.",
    search: "Zoeken",
    search_hint: "Naam of dossiernummer",
    status_label: "Status",
    all_statuses: "Alle",
    no_cases: "Geen verzuimdossiers gevonden.",
    case_label: "Dossier",
    employee: "Medewerker",
    incapacity: "Arbeidsongeschikt",
    next_step: "Volgende stap",
    nothing_due: "Geen open stappen",

    activities_title: "Activiteiten",
    activities_intro: "Alle stappen van de Wet verbetering poortwachter in de dossiers die u volgt: wat gedaan is en wat nog moet gebeuren.",
    filters: "Filters",
    done_filter: "Afgewerkt",
    done_any: "Alle",
    done_no: "Nee, nog te doen",
    done_yes: "Ja, gedaan",
    overdue_only: "Alleen te laat",
    due_from: "Uiterlijk vanaf",
    due_to: "Uiterlijk tot en met",
    all_employees: "Alle medewerkers",
    activity_label: "Activiteit",
    all_activities: "Alle activiteiten",
    clear_filters: "Filters wissen",
    no_activities: "Geen activiteiten gevonden.",
    owner_label: "Wie",
    due: "Wanneer",
    state_label: "Stand",

    case_title: "Verzuimdossier",
    sick_since: "Eerste ziektedag",
    sick_week: "Ziekteweek",
    hours_worked_first_day: "Gewerkt op de eerste ziektedag",
    recovered_on: "Hersteld per",
    out_of_employment_on: "Uit dienst per",
    recovery_steps: "Herstel",
    relapse_note: "Opnieuw ziek binnen vier weken: de ziekteperiodes tellen samen.",
    expected_heading: "Wat er van u verwacht wordt",
    expected_intro: "De stappen waarbij u aan de beurt bent, met de datum waarop ze klaar moeten zijn.",
    nothing_expected: "Er staat op dit moment niets voor u open.",
    yours_badge: "Uw beurt",

    recovery_heading: "Herstel melden",
    recovery_intro: "Meld gedeeltelijk herstel met een percentage, en volledig herstel met 100%. Gedeeltelijk herstel stopt de poortwachtertermijnen niet.",
    recovery_percent: "Percentage hersteld",
    recovery_percent_hint: "100% is volledig hersteld: het dossier sluit en open stappen vervallen.",
    recovery_from: "Vanaf",
    report_partial: "Gedeeltelijk herstel melden",
    report_full: "Volledig herstel melden",
    own_recovery_heading: "Hersteld melden",
    own_recovery_intro: "Bent u weer volledig aan het werk? Vul de eerste dag in waarop u weer werkt.",
    back_at_work_on: "Weer aan het werk op",
    report_recovered: "Hersteld melden",
    recovered_notice: "De hersteldmelding is verwerkt. Het dossier is afgesloten.",
    partly_recovered_notice: "Het gedeeltelijk herstel is verwerkt.",
    out_of_employment_heading: "Ziek uit dienst",
    out_of_employment_intro: "Eindigt het dienstverband tijdens de ziekte? Dan vervallen de stappen van de werkgever na die dag en neemt UWV het over.",
    out_of_employment_from: "Eerste dag niet meer in dienst",
    report_out_of_employment: "Ziek uit dienst melden",
    out_of_employment_notice: "Ziek uit dienst is verwerkt.",

    timeline_heading: "Tijdlijn poortwachter",
    timeline_intro: "Elke stap met de uiterste datum, wie aan de beurt is en de stand.",
    mark_done: "Markeer als gedaan",
    undo_done: "Ongedaan maken",
    show_fewer_steps: "Alleen de eerstvolgende stappen tonen",
    add_activity_heading: "Activiteit toevoegen",
    activity_title: "Omschrijving",
    activity_due: "Uiterlijk op",
    add_activity: "Activiteit toevoegen",
    activity_added: "De activiteit is toegevoegd.",

    facts_heading: "Gegevens van de ziekmelding",
    edit_facts: "Gegevens wijzigen",
    facts_saved: "De gegevens zijn opgeslagen.",
    facts_stale: "Iemand anders heeft dit dossier intussen gewijzigd. Wat u typte staat er nog; controleer het dossier en sla opnieuw op.",
    save_again: "Opnieuw opslaan",

    documents_heading: "Documenten",
    documents_intro_employee: "De documenten uit uw dossier die voor u zichtbaar zijn.",
    documents_intro: "Per document bepaalt de arbodienst wie het ziet: werknemer, werkgever of alleen de arbodienst.",
    no_documents: "Er zijn nog geen documenten.",
    document_title: "Titel",
    document_kind: "Soort document",
    document_file: "Bestand",
    document_file_hint: "PDF, Word (.docx), PNG of JPEG, hoogstens 10 MB.",
    uploaded: "Toegevoegd",
    visible_to: "Zichtbaar voor",
    visible_employee: "Werknemer",
    visible_employer: "Werkgever",
    visible_arbodienst_only: "Alleen de arbodienst",
    employer_sees_own_uploads: "Wat u als werkgever toevoegt, ziet u zelf altijd.",
    download: "Downloaden",
    upload_heading: "Document toevoegen",
    upload: "Toevoegen",
    uploading: "Bezig met toevoegen…",
    uploaded_notice: "Het document is toegevoegd.",
    visibility_saved: "De zichtbaarheid is opgeslagen.",

    statements_heading: "Terugkoppeling van de bedrijfsarts",
    statements_intro: "Wat de werkgever mag weten: beperkingen, mogelijkheden, verwachte duur en advies. Nooit de diagnose.",
    no_statements: "De bedrijfsarts heeft nog geen terugkoppeling gegeven.",
    functional_limitations: "Functionele beperkingen",
    remaining_capacity: "Mogelijkheden (benutbare mogelijkheden)",
    advice: "Advies over werk en re-integratie",
    write_statement_heading: "Terugkoppeling voor de werkgever",
    add_statement: "Terugkoppeling opslaan",
    statement_added: "De terugkoppeling is opgeslagen.",

    notes_heading: "Medische notities",
    notes_intro: "Alleen de bedrijfsarts leest en schrijft deze notities. De werkgever en de casemanager zien ze nooit.",
    no_notes: "Er zijn nog geen medische notities.",
    note_label: "Nieuwe medische notitie",
    add_note: "Notitie opslaan",
    note_added: "De notitie is opgeslagen.",

    history_heading: "Geschiedenis",
    no_history: "Nog niets gebeurd.",

    card_own_heading: "Uw ziekmelding",
    card_own_body: "U bent ziek gemeld. In uw verzuimdossier ziet u wat er van u verwacht wordt.",
    card_sick_heading: "Verzuim",
    card_sick_body: "Bent u ziek? Meld het hier op uw eerste ziektedag.",
    card_pending_heading: "Verzuim: actie nodig",
    card_nothing_pending: "Geen stappen binnen 14 dagen of te laat.",
    go_activities: "Naar de activiteiten",
};

/// English.
pub static EN: AbsenceTexts = AbsenceTexts {
    locale: Locale::En,

    sections: "Absence sections",
    tab_cases: "Absence cases",
    tab_activities: "Activities",
    tab_report_for: "Report an employee sick",
    tab_mine: "My absence",

    privacy_warning: WARNING_EN,
    yes: "Yes",
    no: "No",
    not_filled_in: "Not filled in",
    optional: "(optional)",
    cancel: "Cancel",
    save: "Save",
    saving: "Saving…",
    sending: "Sending…",
    back_to_cases: "Back to the absence cases",
    back_to_mine: "Back to my absence",

    mine_title: "My absence",
    mine_intro: "Report sick and recovered here, and follow your absence case.",
    open_case_heading: "Your sick report",
    no_open_case: "You are not reported sick at the moment.",
    report_sick: "Report sick",
    go_to_case: "Go to your absence case",
    earlier_cases: "Earlier sick reports",
    no_earlier_cases: "There are no earlier sick reports.",

    sick_report_title: "Report sick",
    sick_report_intro: "Enter your first sick day and, if you still worked that day, how many hours. Your employer and the arbodienst receive your sick report at once.",
    first_sick_day: "First sick day",
    first_sick_day_hint: "The first day you could not work (fully).",
    first_sick_day_hint_other: "The first day the employee could not work (fully).",
    hours_worked: "Hours worked on the first sick day",
    hours_worked_hint: "As hh:mm, for example 2:30. Leave empty if you did not work.",
    hours_worked_hint_other: "As hh:mm, for example 2:30. Leave empty if the employee did not work.",
    contact_phone: "Phone number while sick",
    contact_phone_hint: "Where you can be reached, for example 06 12345678.",
    contact_phone_hint_other: "Where the employee can be reached, for example 06 12345678.",
    contact_address: "Address while sick",
    contact_address_hint: "Only if you are not staying at your home address.",
    contact_address_hint_other: "Only if the employee is not staying at their home address.",
    reporting: "Reporting…",

    report_for_title: "Report an employee sick",
    report_for_intro: "Report an employee sick on the first day of absence. Record only what the law allows: never the nature or cause of the illness.",
    person: "Employee",
    person_search_hint: "Type part of the name.",
    no_people_found: "No employees found.",
    change_person: "Another employee",
    facts_legend: "What you may record",
    facts_intro: "Under the GDPR and the Dutch Data Protection Authority only these details, never the diagnosis or complaints.",
    expected_duration: "Expected duration",
    ongoing_work: "Ongoing appointments and work",
    ongoing_work_hint: "What must be taken over, for example appointments with customers.",
    safety_net: "A safety-net provision applies",
    safety_net_hint: "Only whether one applies, not which.",
    work_accident: "Result of a work accident",
    third_party_liable: "Third party liable (recourse)",
    labour_conflict: "Labour conflict",
    pregnancy_leave: "Pregnancy or maternity leave",
    pregnancy_leave_hint: "Leave, not sickness: no poortwachter steps apply, and it counts only in the absence rate with pregnancy.",

    cases_title: "Absence cases",
    cases_intro: "The absence cases you follow. Search by name or case number.",
    search: "Search",
    search_hint: "Name or case number",
    status_label: "Status",
    all_statuses: "All",
    no_cases: "No absence cases found.",
    case_label: "Case",
    employee: "Employee",
    incapacity: "Unfit for work",
    next_step: "Next step",
    nothing_due: "No open steps",

    activities_title: "Activities",
    activities_intro: "Every step of the Dutch Gatekeeper Act in the cases you follow: what has been done and what still has to happen.",
    filters: "Filters",
    done_filter: "Done",
    done_any: "All",
    done_no: "No, still to do",
    done_yes: "Yes, done",
    overdue_only: "Overdue only",
    due_from: "Due from",
    due_to: "Due up to and including",
    all_employees: "All employees",
    activity_label: "Activity",
    all_activities: "All activities",
    clear_filters: "Clear filters",
    no_activities: "No activities found.",
    owner_label: "Who",
    due: "When",
    state_label: "State",

    case_title: "Absence case",
    sick_since: "First sick day",
    sick_week: "Sick week",
    hours_worked_first_day: "Worked on the first sick day",
    recovered_on: "Recovered as of",
    out_of_employment_on: "Out of employment as of",
    recovery_steps: "Recovery",
    relapse_note: "Sick again within four weeks: the sick periods are added up.",
    expected_heading: "What is expected of you",
    expected_intro: "The steps where it is your turn, with the date they must be done by.",
    nothing_expected: "Nothing is waiting for you at the moment.",
    yours_badge: "Your turn",

    recovery_heading: "Report recovery",
    recovery_intro: "Report partial recovery as a percentage, and full recovery as 100%. Partial recovery does not stop the gatekeeper clock.",
    recovery_percent: "Percentage recovered",
    recovery_percent_hint: "100% is fully recovered: the case closes and open steps lapse.",
    recovery_from: "From",
    report_partial: "Report partial recovery",
    report_full: "Report full recovery",
    own_recovery_heading: "Report recovered",
    own_recovery_intro: "Are you fully back at work? Enter the first day you work again.",
    back_at_work_on: "Back at work on",
    report_recovered: "Report recovered",
    recovered_notice: "The recovery has been recorded. The case is closed.",
    partly_recovered_notice: "The partial recovery has been recorded.",
    out_of_employment_heading: "Sick out of employment",
    out_of_employment_intro: "Does employment end during the sickness? Then the employer's steps after that day lapse and UWV takes over.",
    out_of_employment_from: "First day no longer employed",
    report_out_of_employment: "Report sick out of employment",
    out_of_employment_notice: "Sick out of employment has been recorded.",

    timeline_heading: "Gatekeeper timeline",
    timeline_intro: "Every step with its due date, whose turn it is and where it stands.",
    mark_done: "Mark as done",
    undo_done: "Undo",
    show_fewer_steps: "Show only the next steps",
    add_activity_heading: "Add an activity",
    activity_title: "Description",
    activity_due: "Due on",
    add_activity: "Add activity",
    activity_added: "The activity has been added.",

    facts_heading: "Details of the sick report",
    edit_facts: "Change details",
    facts_saved: "The details have been saved.",
    facts_stale: "Someone else changed this case in the meantime. What you typed is still here; check the case and save again.",
    save_again: "Save again",

    documents_heading: "Documents",
    documents_intro_employee: "The documents in your case that are visible to you.",
    documents_intro: "For each document the arbodienst decides who sees it: employee, employer or only the arbodienst.",
    no_documents: "There are no documents yet.",
    document_title: "Title",
    document_kind: "Kind of document",
    document_file: "File",
    document_file_hint: "PDF, Word (.docx), PNG or JPEG, at most 10 MB.",
    uploaded: "Added",
    visible_to: "Visible to",
    visible_employee: "Employee",
    visible_employer: "Employer",
    visible_arbodienst_only: "Only the arbodienst",
    employer_sees_own_uploads: "What you add as the employer, you always see yourself.",
    download: "Download",
    upload_heading: "Add a document",
    upload: "Add",
    uploading: "Adding…",
    uploaded_notice: "The document has been added.",
    visibility_saved: "The visibility has been saved.",

    statements_heading: "Feedback from the occupational physician",
    statements_intro: "What the employer may know: limitations, remaining capacity, expected duration and advice. Never the diagnosis.",
    no_statements: "The occupational physician has not given feedback yet.",
    functional_limitations: "Functional limitations",
    remaining_capacity: "Remaining capacity",
    advice: "Advice on work and re-integration",
    write_statement_heading: "Feedback for the employer",
    add_statement: "Save feedback",
    statement_added: "The feedback has been saved.",

    notes_heading: "Medical notes",
    notes_intro: "Only the occupational physician reads and writes these notes. The employer and the case manager never see them.",
    no_notes: "There are no medical notes yet.",
    note_label: "New medical note",
    add_note: "Save note",
    note_added: "The note has been saved.",

    history_heading: "History",
    no_history: "Nothing has happened yet.",

    card_own_heading: "Your sick report",
    card_own_body: "You are reported sick. Your absence case shows what is expected of you.",
    card_sick_heading: "Absence",
    card_sick_body: "Are you sick? Report it here on your first sick day.",
    card_pending_heading: "Absence: action needed",
    card_nothing_pending: "No steps due within 14 days or overdue.",
    go_activities: "Go to the activities",
};

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn the_law_s_names_people_know() {
        assert_eq!(NL.kind(ActivityKind::UwvReport42), "42e-weeksmelding aan UWV");
        assert_eq!(NL.kind(ActivityKind::FirstYearEvaluation), "Eerstejaarsevaluatie");
        assert_eq!(NL.owner(Owner::EmployerAndEmployee), "Werkgever en werknemer");
        assert_eq!(NL.activity_name(Some(ActivityKind::Evaluation), "evaluation_2", None), "Evaluatie 2");
        assert_eq!(EN.activity_name(None, "custom_1", Some("Gesprek")), "Gesprek");
        for kind in AbsenceTexts::KINDS {
            assert!(!NL.kind(kind).is_empty() && !EN.kind(kind).is_empty());
        }
    }

    #[test]
    fn dates_weeks_and_details_read_naturally() {
        assert_eq!(NL.date(day(2026, 3, 4)), "4 mrt 2026");
        assert_eq!(NL.due_text(Some(day(2027, 2, 1)), day(2027, 3, 15)), "Van 1 feb 2027 tot 15 mrt 2027");
        assert_eq!(EN.due_text(None, day(2026, 5, 1)), "Due 1 May 2026");
        assert_eq!(NL.sick_week_text(17), "Ziekteweek 3 (17 ziektedagen)");
        assert_eq!(NL.sick_week_text(14), "Ziekteweek 2 (14 ziektedagen)");
        assert_eq!(NL.event_detail("50% 2026-05-04"), "50% vanaf 4 mei 2026");
        assert_eq!(NL.event_detail("plan_of_action"), "Plan van aanpak");
        assert_eq!(NL.event_detail("Plan van aanpak, versie 1"), "Plan van aanpak, versie 1");
        assert_eq!(NL.size(2048), "2 kB");
        assert_eq!(NL.size(1_572_864), "1,5 MB");
    }

    #[test]
    fn server_codes_have_texts_in_both_languages() {
        let fallback = NL.problem("x", "something_new");
        for (field, code) in [
            ("from_date", "before_first_sick_day"),
            ("from_date", "not_after_previous"),
            ("percent", "out_of_range"),
            ("first_sick_day", "open_case"),
            ("facts.contact_phone", "phone"),
            ("file", "type"),
            ("file", "required"),
            ("user_id", "not_a_member"),
        ] {
            assert_ne!(NL.problem(field, code), fallback, "{field} {code}");
            assert_ne!(EN.problem(field, code), EN.problem("x", "something_new"), "{field} {code}");
        }
        assert_eq!(
            NL.problem("from_date", "before_first_sick_day"),
            "Deze datum ligt vóór de eerste ziektedag."
        );
    }
}
