//! Texts of the hours screens: the worker's week, the declarations list (seed
//! 002's status names), approvals, corrections, exports and the settings.

use chrono::{Datelike, NaiveDate, TimeDelta};
use shared::hours::{CorrectionStatus, DeclarationColumn, IsoWeek, WeekStatus};
use shared::i18n::Locale;

/// The hours screens' fixed texts in one language.
pub struct HoursTexts {
    /// The language these texts are in.
    pub locale: Locale,

    pub sections: &'static str,
    pub tab_week: &'static str,
    pub tab_declarations: &'static str,
    pub tab_approvals: &'static str,
    pub tab_corrections: &'static str,
    pub tab_export: &'static str,

    pub week_navigation: &'static str,
    pub previous_week: &'static str,
    pub next_week: &'static str,
    pub this_week: &'static str,
    pub late: &'static str,
    pub deadline: &'static str,
    pub deadline_passed: &'static str,
    pub contract_hours: &'static str,
    pub week_total: &'static str,
    pub per_client: &'static str,
    pub no_client: &'static str,
    pub add_line: &'static str,
    pub planned_badge: &'static str,
    pub correction_badge: &'static str,
    pub has_problem: &'static str,
    pub edit_line: &'static str,
    pub day_label: &'static str,
    pub days_label: &'static str,
    pub client_label: &'static str,
    pub client_search: &'static str,
    pub client_search_hint: &'static str,
    pub hour_type_label: &'static str,
    pub entry_mode: &'static str,
    pub mode_shift: &'static str,
    pub mode_duration: &'static str,
    pub start_label: &'static str,
    pub end_label: &'static str,
    pub break_label: &'static str,
    pub duration_label: &'static str,
    pub duration_hint: &'static str,
    pub note_label: &'static str,
    pub done: &'static str,
    pub remove_line: &'static str,
    pub empty_day: &'static str,
    pub save: &'static str,
    pub saving: &'static str,
    pub saved: &'static str,
    pub sign: &'static str,
    pub signing: &'static str,
    pub signed: &'static str,
    pub sign_hint: &'static str,
    pub unsaved: &'static str,
    pub stale: &'static str,
    pub changed_state: &'static str,
    pub too_far_ahead: &'static str,
    pub reapply: &'static str,
    pub discard: &'static str,
    pub problems_heading: &'static str,
    pub history: &'static str,
    pub no_history: &'static str,
    pub system: &'static str,
    pub rejected_heading: &'static str,
    pub reason_label: &'static str,
    pub locked_heading: &'static str,
    pub locked_body: &'static str,
    pub submitted_body: &'static str,
    pub approved_body: &'static str,
    pub processed_body: &'static str,
    pub request_correction: &'static str,
    pub correction_heading: &'static str,
    pub correction_intro: &'static str,
    pub correction_reason: &'static str,
    pub send_correction: &'static str,
    pub sending: &'static str,
    pub correction_sent: &'static str,
    pub correction_pending_heading: &'static str,
    pub proposed: &'static str,
    pub current: &'static str,
    pub cancel: &'static str,
    pub signed_at: &'static str,
    pub reason_required: &'static str,
    pub no_hour_types: &'static str,

    pub declarations_title: &'static str,
    pub declarations_intro: &'static str,
    pub columns: &'static str,
    pub columns_legend: &'static str,
    pub filters: &'static str,
    pub close_filters: &'static str,
    pub status_label: &'static str,
    pub all_statuses: &'static str,
    pub period_from: &'static str,
    pub period_to: &'static str,
    pub week_format_hint: &'static str,
    pub bad_week: &'static str,
    pub search: &'static str,
    pub active_filters: &'static str,
    pub clear_filters: &'static str,
    pub no_weeks: &'static str,

    pub approvals_title: &'static str,
    pub approvals_intro: &'static str,
    pub team: &'static str,
    pub all_teams: &'static str,
    pub client: &'static str,
    pub all_clients: &'static str,
    pub cost_centre: &'static str,
    pub all_cost_centres: &'static str,
    pub late_filter: &'static str,
    pub late_any: &'static str,
    pub late_only: &'static str,
    pub on_time_only: &'static str,
    pub worker: &'static str,
    pub week: &'static str,
    pub hours: &'static str,
    pub select_all: &'static str,
    pub nothing_selected: &'static str,
    pub approve: &'static str,
    pub approving: &'static str,
    pub approved_notice: &'static str,
    pub reject: &'static str,
    pub reject_reason: &'static str,
    pub reject_hint: &'static str,
    pub rejecting: &'static str,
    pub rejected_notice: &'static str,
    pub back_to_list: &'static str,
    pub lines: &'static str,
    pub time: &'static str,
    pub no_lines: &'static str,
    pub own_week: &'static str,

    pub corrections_title: &'static str,
    pub corrections_intro: &'static str,
    pub no_corrections: &'static str,
    pub requested_on: &'static str,
    pub accept: &'static str,
    pub accepting: &'static str,
    pub accepted_notice: &'static str,
    pub decline: &'static str,
    pub decline_reason: &'static str,
    pub declining: &'static str,
    pub declined_notice: &'static str,
    pub decided: &'static str,
    pub open_week_link: &'static str,

    pub export_title: &'static str,
    pub export_intro: &'static str,
    pub up_to_week: &'static str,
    pub make_export: &'static str,
    pub exporting: &'static str,
    pub exports_heading: &'static str,
    pub no_exports: &'static str,
    pub created: &'static str,
    pub created_by: &'static str,
    pub weeks: &'static str,
    pub period: &'static str,
    pub downloads: &'static str,
    pub payroll_csv: &'static str,
    pub payroll_xlsx: &'static str,
    pub billing_csv: &'static str,
    pub billing_xlsx: &'static str,

    pub settings_title: &'static str,
    pub settings_about: &'static str,
    pub settings_intro: &'static str,
    pub enabled: &'static str,
    pub deadline_legend: &'static str,
    pub deadline_hint: &'static str,
    pub reminders_legend: &'static str,
    pub reminders_hint: &'static str,
    pub add_reminder: &'static str,
    pub remove_reminder: &'static str,
    pub no_reminders: &'static str,
    pub settings_saved: &'static str,
    pub same_week: &'static str,
    pub next_week_suffix: &'static str,
    pub week_after_suffix: &'static str,

    pub due_heading: &'static str,
    pub overdue_heading: &'static str,
    pub waiting_heading: &'static str,
    pub go_approve: &'static str,
    pub corrections_waiting_heading: &'static str,
    pub go_corrections: &'static str,
}

impl HoursTexts {
    fn nl(&self) -> bool {
        self.locale == Locale::Nl
    }

    fn pick(&self, nl: &'static str, en: &'static str) -> &'static str {
        if self.nl() { nl } else { en }
    }

    /// Seed 002's status names.
    pub fn status(&self, status: WeekStatus) -> &'static str {
        match status {
            WeekStatus::Open => self.pick("Rapporteer", "To report"),
            WeekStatus::Submitted => self.pick("Ingediend", "Submitted"),
            WeekStatus::Rejected => self.pick("Afgewezen", "Rejected"),
            WeekStatus::Approved => self.pick("Afgerond", "Approved"),
            WeekStatus::Processed => self.pick("Verwerkt", "Processed"),
        }
    }

    /// A correction request's state.
    pub fn correction_status(&self, status: CorrectionStatus) -> &'static str {
        match status {
            CorrectionStatus::Pending => self.pick("In behandeling", "Pending"),
            CorrectionStatus::Accepted => self.pick("Geaccepteerd", "Accepted"),
            CorrectionStatus::Declined => self.pick("Afgewezen", "Declined"),
        }
    }

    /// A column of the declarations list.
    pub fn column(&self, column: DeclarationColumn) -> &'static str {
        match column {
            DeclarationColumn::Week => self.pick("Week", "Week"),
            DeclarationColumn::Status => self.pick("Status", "Status"),
            DeclarationColumn::Hours => self.pick("Uren", "Hours"),
            DeclarationColumn::ContractHours => self.pick("Contracturen", "Contract hours"),
            DeclarationColumn::CostCentre => self.cost_centre,
            DeclarationColumn::Deadline => self.pick("Deadline", "Deadline"),
            DeclarationColumn::Signed => self.pick("Ondertekend", "Signed"),
            DeclarationColumn::Reason => self.pick("Reden", "Reason"),
        }
    }

    /// What happened to a week, for its history; unknown actions are shown as sent.
    pub fn event(&self, action: &str) -> String {
        let text = match action {
            "saved" => self.pick("Uren opgeslagen", "Hours saved"),
            "signed" => self.pick("Ondertekend en ingediend", "Signed and submitted"),
            "approved" => self.pick("Goedgekeurd", "Approved"),
            "rejected" => self.pick("Afgewezen", "Rejected"),
            "locked" => self.pick("Afgesloten na de deadline", "Locked after the deadline"),
            "correction_requested" => self.pick("Correctie aangevraagd", "Correction requested"),
            "correction_accepted" => self.pick("Correctie doorgevoerd", "Correction applied"),
            "correction_declined" => self.pick("Correctie afgewezen", "Correction declined"),
            "planned" => self.pick("Geplande uren toegevoegd", "Planned hours added"),
            "processed" => {
                self.pick("Verwerkt voor salaris en facturatie", "Processed for payroll and billing")
            }
            other => return other.replace('_', " "),
        };
        text.into()
    }

    /// Why a line (or one of its fields) is refused: the codes of
    /// `shared::hours::EntryProblem`, and this screen's own parse codes.
    pub fn problem(&self, code: &str) -> String {
        let text = match code {
            "outside_week" => {
                self.pick("Deze dag hoort niet bij deze week.", "This day is not part of this week.")
            }
            "time_or_duration" => self.pick(
                "Vul een begin- en eindtijd óf een duur in, niet allebei.",
                "Give a start and end time or a duration, not both.",
            ),
            "start_and_end" => self
                .pick("Vul zowel een begin- als een eindtijd in.", "Fill in both a start and an end time."),
            "end_before_start" => self.pick(
                "De eindtijd moet na de begintijd liggen. Splits een nachtdienst om middernacht.",
                "The end must be after the start. Split a night shift at midnight.",
            ),
            "negative" => self.pick("Mag niet negatief zijn.", "Must not be negative."),
            "break_too_long" => self.pick(
                "De pauze moet korter zijn dan de gewerkte tijd.",
                "The break must be shorter than the time worked.",
            ),
            "zero" => self.pick("Vul meer dan 0 minuten in.", "Fill in more than 0 minutes."),
            "day_over_24_hours" => {
                self.pick("Op één dag passen hoogstens 24 uur.", "A day holds at most 24 hours.")
            }
            "overlaps" => self.pick(
                "Overlapt met een andere regel op dezelfde dag.",
                "Overlaps another line on the same day.",
            ),
            "too_long" => self.pick("Gebruik maximaal 500 tekens.", "Use at most 500 characters."),
            "required" => self.pick("Dit veld is verplicht.", "This field is required."),
            "too_many" => {
                self.pick("Een week heeft hoogstens 200 regels.", "A week holds at most 200 lines.")
            }
            "invalid_time" => self.pick(
                "Vul een tijd in als uu:mm, bijvoorbeeld 08:30.",
                "Enter a time as hh:mm, for example 08:30.",
            ),
            "invalid_duration" => self.pick(
                "Vul een duur in als uu:mm, bijvoorbeeld 7:30.",
                "Enter a duration as hh:mm, for example 7:30.",
            ),
            "invalid_number" => {
                self.pick("Vul een heel aantal minuten in.", "Enter a whole number of minutes.")
            }
            "not_found" | "unknown_client" => {
                self.pick("Deze cliënt is niet (meer) bekend.", "This client is not known (any more).")
            }
            "unknown_hour_type" => {
                self.pick("Deze soort uren bestaat niet.", "This kind of hours does not exist.")
            }
            _ => self.pick("Deze waarde klopt niet.", "This value is not valid."),
        };
        text.into()
    }

    /// Why one field of a line is refused: `unknown` means another thing per field.
    pub fn problem_at(&self, field: &str, code: &str) -> String {
        match (field, code) {
            ("hour_type", "unknown") => self.problem("unknown_hour_type"),
            ("client_id", "unknown") => self.problem("unknown_client"),
            (_, code) => self.problem(code),
        }
    }

    /// Why settings are refused (codes of `shared::hours::SettingsProblem`).
    pub fn settings_problem(&self, code: &str) -> String {
        let text = match code {
            "deadline_before_week_ends" => self.pick(
                "De deadline moet na het einde van de week liggen (vanaf maandag erna).",
                "The deadline must be after the week has ended (from the Monday after).",
            ),
            "too_late" => self.pick(
                "Kies een moment uiterlijk op de zondag na de week.",
                "Choose a moment no later than the Sunday after the week.",
            ),
            "reminder_after_deadline" => self.pick(
                "Een herinnering moet vóór de deadline liggen.",
                "A reminder must be before the deadline.",
            ),
            "too_many_reminders" => self.pick("Hoogstens 5 herinneringen.", "At most 5 reminders."),
            other => return self.problem(other),
        };
        text.into()
    }

    /// Why one week of a bulk approval was not approved.
    pub fn refusal(&self, code: &str) -> &'static str {
        match code {
            "not_submitted" => self.pick("niet (meer) ingediend", "not (or no longer) submitted"),
            "own_week" => self.pick("uw eigen week", "your own week"),
            "not_found" => self.pick("niet gevonden", "not found"),
            _ => self.pick("geweigerd", "refused"),
        }
    }

    /// The name of a field, for the list of problems above the week.
    pub fn field(&self, field: &str) -> &'static str {
        match field {
            "day" => self.day_label,
            "client_id" | "client" => self.client_label,
            "hour_type" => self.hour_type_label,
            "start" => self.start_label,
            "end" => self.end_label,
            "break_minutes" => self.break_label,
            "minutes" => self.duration_label,
            "note" => self.note_label,
            _ => self.lines,
        }
    }

    /// "ma", "di", … (0 = Monday).
    pub fn weekday_short(&self, index: usize) -> &'static str {
        const NL: [&str; 7] = ["ma", "di", "wo", "do", "vr", "za", "zo"];
        const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        if self.nl() { NL[index % 7] } else { EN[index % 7] }
    }

    /// "maandag", … (0 = Monday).
    pub fn weekday_long(&self, index: usize) -> &'static str {
        const NL: [&str; 7] =
            ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
        const EN: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        if self.nl() { NL[index % 7] } else { EN[index % 7] }
    }

    /// A month's name from its zero-based number: "januari" / "January".
    pub fn month(&self, month0: u32) -> &'static str {
        const NL: [&str; 12] = [
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
        const EN: [&str; 12] = [
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
        if self.nl() { NL[month0 as usize % 12] } else { EN[month0 as usize % 12] }
    }

    /// "ma 16 nov" / "Mon 16 Nov".
    pub fn day_short(&self, date: NaiveDate) -> String {
        let weekday = self.weekday_short(date.weekday().num_days_from_monday() as usize);
        let month: String = self.month(date.month0()).chars().take(3).collect();
        format!("{weekday} {} {month}", date.day())
    }

    /// "maandag 16 november" / "Monday 16 November".
    pub fn day_long(&self, date: NaiveDate) -> String {
        let weekday = self.weekday_long(date.weekday().num_days_from_monday() as usize);
        format!("{weekday} {} {}", date.day(), self.month(date.month0()))
    }

    /// "Week 47" (with the year when it is not the one given).
    pub fn week_name(&self, week: IsoWeek) -> String {
        format!("{} {} ({})", self.pick("Week", "Week"), week.week(), week.year())
    }

    /// "16 – 22 november 2026".
    pub fn week_span(&self, week: IsoWeek) -> String {
        let days = week.days();
        let (first, last) = (days[0], days[6]);
        if first.month() == last.month() {
            format!("{} – {} {} {}", first.day(), last.day(), self.month(last.month0()), last.year())
        } else {
            format!(
                "{} {} – {} {} {}",
                first.day(),
                self.month(first.month0()),
                last.day(),
                self.month(last.month0()),
                last.year()
            )
        }
    }

    /// Time left until a deadline: "nog 2 dagen en 3 uur", "nog 45 minuten".
    pub fn countdown(&self, left: TimeDelta) -> String {
        if left <= TimeDelta::zero() {
            return self.deadline_passed.into();
        }
        let minutes = left.num_minutes();
        let (days, hours, mins) = (minutes / (24 * 60), (minutes / 60) % 24, minutes % 60);
        let nl = self.nl();
        let unit = |n: i64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let (day_one, day_many, hour_one, hour_many, min_one, min_many) = if nl {
            ("dag", "dagen", "uur", "uur", "minuut", "minuten")
        } else {
            ("day", "days", "hour", "hours", "minute", "minutes")
        };
        let and = if nl { "en" } else { "and" };
        let left_word = if nl { "Nog" } else { "" };
        let body = if days > 0 {
            format!("{} {and} {}", unit(days, day_one, day_many), unit(hours, hour_one, hour_many))
        } else if hours > 0 {
            format!("{} {and} {}", unit(hours, hour_one, hour_many), unit(mins, min_one, min_many))
        } else {
            unit(mins.max(1), min_one, min_many)
        };
        if nl { format!("{left_word} {body}") } else { format!("{body} left") }
    }

    /// "7:30 van 36:00 uur" — the week against contract hours.
    pub fn of_contract(&self, worked: &str, contract: &str) -> String {
        if self.nl() {
            format!("{worked} van {contract} uur")
        } else {
            format!("{worked} of {contract} hours")
        }
    }

    /// Two lines of one day overlap: "Overlapt met 08:00–12:00 op dezelfde dag."
    pub fn overlaps_with(&self, other: &str) -> String {
        if self.nl() {
            format!("Overlapt met {other} op dezelfde dag.")
        } else {
            format!("Overlaps {other} on the same day.")
        }
    }

    /// "Regel toevoegen op dinsdag 17 november", for screen readers.
    pub fn add_line_on(&self, date: NaiveDate) -> String {
        format!("{} {} {}", self.add_line, self.pick("op", "on"), self.day_long(date))
    }

    /// "Regel 3 (di 17 nov)".
    pub fn line_ref(&self, number: usize, date: NaiveDate) -> String {
        format!("{} {number} ({})", self.pick("Regel", "Line"), self.day_short(date))
    }

    /// The bulk approval button: "Goedkeuren (3)".
    pub fn approve_selected(&self, n: usize) -> String {
        format!("{} ({n})", self.approve)
    }

    /// The outcome of a bulk approval.
    pub fn bulk_result(&self, approved: usize, refused: usize) -> String {
        match (self.nl(), refused) {
            (true, 0) => format!("{approved} {} goedgekeurd.", if approved == 1 { "week" } else { "weken" }),
            (true, _) => format!("{approved} goedgekeurd, {refused} niet goedgekeurd:"),
            (false, 0) => format!("{approved} {} approved.", if approved == 1 { "week" } else { "weeks" }),
            (false, _) => format!("{approved} approved, {refused} not approved:"),
        }
    }

    /// "Week van Anna Jansen selecteren".
    pub fn select_week(&self, name: &str, week: IsoWeek) -> String {
        if self.nl() {
            format!("Week {} van {name} selecteren", week.week())
        } else {
            format!("Select week {} of {name}", week.week())
        }
    }

    /// "Uw correctieverzoek van 23-11-2026 09:10 wacht op de planner."
    pub fn correction_pending(&self, at: &str) -> String {
        if self.nl() {
            format!("Uw correctieverzoek van {at} wacht op de planner.")
        } else {
            format!("Your correction request of {at} is waiting for the planner.")
        }
    }

    /// "Goedgekeurd door Mark de Vries op …".
    pub fn decided_by(&self, status: WeekStatus, name: &str, at: &str) -> String {
        let what = match status {
            WeekStatus::Rejected => self.pick("Afgewezen", "Rejected"),
            _ => self.pick("Goedgekeurd", "Approved"),
        };
        if self.nl() { format!("{what} door {name} op {at}") } else { format!("{what} by {name} on {at}") }
    }

    /// A batch was made: "Export gemaakt: 3 weken, 96:00 uur."
    pub fn export_made(&self, weeks: i32, hours: &str) -> String {
        match (self.nl(), weeks) {
            (true, 0) => "Er waren geen goedgekeurde weken om te exporteren.".into(),
            (false, 0) => "There were no approved weeks to export.".into(),
            (true, _) => {
                format!("Export gemaakt: {weeks} {}, {hours} uur.", if weeks == 1 { "week" } else { "weken" })
            }
            (false, _) => {
                format!("Export made: {weeks} {}, {hours} hours.", if weeks == 1 { "week" } else { "weeks" })
            }
        }
    }

    /// "12 weken wachten" on the dashboard (`more`: there are more than shown).
    pub fn waiting_count(&self, n: usize, more: bool) -> String {
        let n = if more { format!("{n}+") } else { n.to_string() };
        if self.nl() {
            format!("{n} ingediende weken wachten op goedkeuring")
        } else {
            format!("{n} submitted weeks waiting for approval")
        }
    }

    /// "2 correctieverzoeken wachten".
    pub fn corrections_count(&self, n: usize, more: bool) -> String {
        let n = if more { format!("{n}+") } else { n.to_string() };
        if self.nl() {
            format!("{n} correctieverzoeken wachten op u")
        } else {
            format!("{n} correction requests waiting for you")
        }
    }

    /// The dashboard's link to the week to sign.
    pub fn go_to_week(&self, week: IsoWeek) -> String {
        if self.nl() { format!("Naar week {}", week.week()) } else { format!("Go to week {}", week.week()) }
    }

    /// A moment's day, relative to the week: "vrijdag van de week", "maandag erna".
    pub fn offset_day(&self, day_offset: u8) -> String {
        let weekday = self.weekday_long(usize::from(day_offset % 7));
        let suffix = match day_offset / 7 {
            0 => self.same_week,
            1 => self.next_week_suffix,
            _ => self.week_after_suffix,
        };
        format!("{weekday} {suffix}")
    }
}

/// Nederlands.
pub static NL: HoursTexts = HoursTexts {
    locale: Locale::Nl,

    sections: "Onderdelen van Uren",
    tab_week: "Mijn week",
    tab_declarations: "Declaraties",
    tab_approvals: "Goedkeuren",
    tab_corrections: "Correcties",
    tab_export: "Export",

    week_navigation: "Weken",
    previous_week: "Vorige week",
    next_week: "Volgende week",
    this_week: "Deze week",
    late: "Te laat",
    deadline: "Deadline",
    deadline_passed: "De deadline is verstreken.",
    contract_hours: "Contracturen",
    week_total: "Totaal week",
    per_client: "Per cliënt",
    no_client: "Zonder cliënt",
    add_line: "Regel toevoegen",
    planned_badge: "gepland — bevestig of pas aan",
    correction_badge: "correctie",
    has_problem: "klopt niet",
    edit_line: "Regel bewerken",
    day_label: "Dag",
    days_label: "Dagen van de week",
    client_label: "Cliënt",
    client_search: "Zoek cliënt",
    client_search_hint: "Typ een deel van de naam; de lijst eronder past zich aan.",
    hour_type_label: "Soort uren",
    entry_mode: "Invoer",
    mode_shift: "Begin- en eindtijd",
    mode_duration: "Duur",
    start_label: "Begintijd",
    end_label: "Eindtijd",
    break_label: "Pauze (minuten)",
    duration_label: "Duur (uu:mm)",
    duration_hint: "Bijvoorbeeld 7:30 of 7,5.",
    note_label: "Notitie",
    done: "Klaar",
    remove_line: "Regel verwijderen",
    empty_day: "Geen uren",
    save: "Opslaan",
    saving: "Bezig met opslaan…",
    saved: "De week is opgeslagen.",
    sign: "Onderteken week",
    signing: "Bezig met ondertekenen…",
    signed: "De week is ondertekend en ingediend. Uw zorgcoördinator keurt de uren nu goed.",
    sign_hint: "Met ondertekenen bevestigt u de getoonde uren, ook de geplande regels.",
    unsaved: "Niet-opgeslagen wijzigingen",
    stale: "Iemand anders heeft deze week intussen gewijzigd. De nieuwe versie is geladen; uw eigen regels staan nog op het scherm.",
    changed_state: "Deze week kan niet meer zo worden gewijzigd: hij is intussen ondertekend of afgesloten. Hieronder staat hoe de week nu is.",
    too_far_ahead: "Deze week ligt te ver vooruit: u kunt hoogstens 12 weken vooruit uren openen.",
    reapply: "Mijn regels opslaan",
    discard: "Nieuwe versie tonen",
    problems_heading: "Controleer deze regels",
    history: "Geschiedenis",
    no_history: "Er is nog niets gebeurd met deze week.",
    system: "Poort",
    rejected_heading: "Afgewezen door uw zorgcoördinator",
    reason_label: "Reden",
    locked_heading: "Deze week is afgesloten",
    locked_body: "De deadline is verstreken, dus u kunt de uren niet meer zelf wijzigen. Kloppen ze, onderteken de week dan alsnog. Klopt er iets niet? Vraag een correctie aan bij uw planner.",
    submitted_body: "U heeft deze week ondertekend. Klopt er toch iets niet? Vraag een correctie aan bij uw planner.",
    approved_body: "Deze week is goedgekeurd.",
    processed_body: "Deze week is verwerkt voor salaris en facturatie en verandert niet meer.",
    request_correction: "Correctie aanvragen",
    correction_heading: "Correctie aanvragen",
    correction_intro: "Zet de regels zoals ze hadden moeten zijn en geef een reden. Uw planner beoordeelt het verzoek.",
    correction_reason: "Reden van de correctie",
    send_correction: "Verzoek versturen",
    sending: "Bezig met versturen…",
    correction_sent: "Uw correctieverzoek is verstuurd naar de planner.",
    correction_pending_heading: "Correctieverzoek",
    proposed: "Voorstel",
    current: "Nu",
    cancel: "Annuleren",
    signed_at: "Ondertekend",
    reason_required: "Geef een reden.",
    no_hour_types: "Uw organisatie heeft nog geen soorten uren ingesteld.",

    declarations_title: "Declaraties",
    declarations_intro: "Al uw urendeclaraties met hun status. Kies een week om die te openen.",
    columns: "Kolommen",
    columns_legend: "Kolommen kiezen",
    filters: "Filters",
    close_filters: "Afsluiten",
    status_label: "Status",
    all_statuses: "Alle statussen",
    period_from: "Vanaf week",
    period_to: "Tot en met week",
    week_format_hint: "Bijvoorbeeld 2026-W47.",
    bad_week: "Vul een week in als 2026-W47.",
    search: "Zoeken",
    active_filters: "Actieve filters",
    clear_filters: "Filters wissen",
    no_weeks: "Geen weken gevonden.",

    approvals_title: "Uren goedkeuren",
    approvals_intro: "Ingediende weken van uw teams. Open een week om de regels te zien, of keur er meerdere tegelijk goed.",
    team: "Team",
    all_teams: "Alle teams",
    client: "Cliënt",
    all_clients: "Alle cliënten",
    cost_centre: "Kostenplaats",
    all_cost_centres: "Alle kostenplaatsen",
    late_filter: "Op tijd",
    late_any: "Alle weken",
    late_only: "Alleen te laat",
    on_time_only: "Alleen op tijd",
    worker: "Medewerker",
    week: "Week",
    hours: "Uren",
    select_all: "Alle weken selecteren",
    nothing_selected: "Selecteer eerst een of meer weken.",
    approve: "Goedkeuren",
    approving: "Bezig met goedkeuren…",
    approved_notice: "De week is goedgekeurd.",
    reject: "Afwijzen",
    reject_reason: "Reden van afwijzing",
    reject_hint: "De medewerker ziet deze reden en kan de week daarna aanpassen.",
    rejecting: "Bezig met afwijzen…",
    rejected_notice: "De week is afgewezen en teruggestuurd naar de medewerker.",
    back_to_list: "Terug naar de lijst",
    lines: "Regels",
    time: "Tijd",
    no_lines: "Geen regels in deze week.",
    own_week: "Dit is uw eigen week: een ander keurt die goed.",

    corrections_title: "Correctieverzoeken",
    corrections_intro: "Medewerkers vragen hier om een wijziging van een afgesloten of ondertekende week.",
    no_corrections: "Er zijn geen correctieverzoeken.",
    requested_on: "Aangevraagd",
    accept: "Accepteren",
    accepting: "Bezig met accepteren…",
    accepted_notice: "De correctie is doorgevoerd in de week.",
    decline: "Afwijzen",
    decline_reason: "Reden van afwijzing",
    declining: "Bezig met afwijzen…",
    declined_notice: "Het correctieverzoek is afgewezen.",
    decided: "Besluit",
    open_week_link: "Week openen",

    export_title: "Export voor salaris en facturatie",
    export_intro: "Een export neemt alle goedgekeurde weken mee; die worden daarmee verwerkt en veranderen niet meer. Dezelfde export twee keer aanvragen maakt geen tweede export.",
    up_to_week: "Tot en met week (leeg: alle goedgekeurde weken)",
    make_export: "Export maken",
    exporting: "Bezig met exporteren…",
    exports_heading: "Gemaakte exports",
    no_exports: "Er zijn nog geen exports gemaakt.",
    created: "Gemaakt",
    created_by: "Door",
    weeks: "Weken",
    period: "Periode",
    downloads: "Downloads",
    payroll_csv: "Salaris (CSV)",
    payroll_xlsx: "Salaris (Excel)",
    billing_csv: "Facturatie (CSV)",
    billing_xlsx: "Facturatie (Excel)",

    settings_title: "Uren",
    settings_about: "De deadline voor het ondertekenen van uren en de herinneringen.",
    settings_intro: "Medewerkers ondertekenen hun uren vóór de deadline; wie dat nog niet deed, krijgt op de herinneringsmomenten een e-mail. Tijden zijn Nederlandse tijd.",
    enabled: "Medewerkers houden hun uren per week bij in Poort",
    deadline_legend: "Deadline voor ondertekenen",
    deadline_hint: "Standaard maandag 09:00 na de week. Na de deadline is een week te laat en gaat hij dicht.",
    reminders_legend: "Herinneringen",
    reminders_hint: "Hoogstens 5, allemaal vóór de deadline. Standaard vrijdag 15:00 en maandag 07:00.",
    add_reminder: "Herinnering toevoegen",
    remove_reminder: "Verwijderen",
    no_reminders: "Geen herinneringen.",
    settings_saved: "De instellingen zijn opgeslagen.",
    same_week: "van de week",
    next_week_suffix: "na de week",
    week_after_suffix: "een week later",

    due_heading: "Uren ondertekenen",
    overdue_heading: "Nog niet ondertekend",
    waiting_heading: "Uren goedkeuren",
    go_approve: "Naar goedkeuren",
    corrections_waiting_heading: "Correctieverzoeken",
    go_corrections: "Naar correcties",
};

/// English.
pub static EN: HoursTexts = HoursTexts {
    locale: Locale::En,

    sections: "Hours sections",
    tab_week: "My week",
    tab_declarations: "Declarations",
    tab_approvals: "Approve",
    tab_corrections: "Corrections",
    tab_export: "Export",

    week_navigation: "Weeks",
    previous_week: "Previous week",
    next_week: "Next week",
    this_week: "This week",
    late: "Late",
    deadline: "Deadline",
    deadline_passed: "The deadline has passed.",
    contract_hours: "Contract hours",
    week_total: "Week total",
    per_client: "Per client",
    no_client: "No client",
    add_line: "Add line",
    planned_badge: "planned — confirm or adjust",
    correction_badge: "correction",
    has_problem: "not right",
    edit_line: "Edit line",
    day_label: "Day",
    days_label: "Days of the week",
    client_label: "Client",
    client_search: "Search client",
    client_search_hint: "Type part of the name; the list below follows.",
    hour_type_label: "Kind of hours",
    entry_mode: "Entry",
    mode_shift: "Start and end time",
    mode_duration: "Duration",
    start_label: "Start time",
    end_label: "End time",
    break_label: "Break (minutes)",
    duration_label: "Duration (hh:mm)",
    duration_hint: "For example 7:30 or 7.5.",
    note_label: "Note",
    done: "Done",
    remove_line: "Remove line",
    empty_day: "No hours",
    save: "Save",
    saving: "Saving…",
    saved: "The week has been saved.",
    sign: "Sign week",
    signing: "Signing…",
    signed: "The week is signed and submitted. Your care coordinator will now approve the hours.",
    sign_hint: "By signing you confirm the hours shown, including planned lines.",
    unsaved: "Unsaved changes",
    stale: "Someone else changed this week in the meantime. The new version has been loaded; your own lines are still on screen.",
    changed_state: "This week can no longer be changed like this: it was signed or closed in the meantime. Below is the week as it is now.",
    too_far_ahead: "This week is too far ahead: you can open hours at most 12 weeks ahead.",
    reapply: "Save my lines",
    discard: "Show the new version",
    problems_heading: "Please check these lines",
    history: "History",
    no_history: "Nothing has happened to this week yet.",
    system: "Poort",
    rejected_heading: "Rejected by your care coordinator",
    reason_label: "Reason",
    locked_heading: "This week is closed",
    locked_body: "The deadline has passed, so you can no longer change these hours yourself. If they are right, sign the week anyway. Something not right? Ask your planner for a correction.",
    submitted_body: "You have signed this week. Something not right after all? Ask your planner for a correction.",
    approved_body: "This week has been approved.",
    processed_body: "This week has been processed for payroll and billing and no longer changes.",
    request_correction: "Request a correction",
    correction_heading: "Request a correction",
    correction_intro: "Set the lines as they should have been and give a reason. Your planner reviews the request.",
    correction_reason: "Reason for the correction",
    send_correction: "Send request",
    sending: "Sending…",
    correction_sent: "Your correction request has been sent to the planner.",
    correction_pending_heading: "Correction request",
    proposed: "Proposed",
    current: "Now",
    cancel: "Cancel",
    signed_at: "Signed",
    reason_required: "Give a reason.",
    no_hour_types: "Your organisation has not set up any kinds of hours yet.",

    declarations_title: "Declarations",
    declarations_intro: "All your timesheets with their status. Choose a week to open it.",
    columns: "Columns",
    columns_legend: "Choose columns",
    filters: "Filters",
    close_filters: "Close",
    status_label: "Status",
    all_statuses: "All statuses",
    period_from: "From week",
    period_to: "Up to and including week",
    week_format_hint: "For example 2026-W47.",
    bad_week: "Enter a week as 2026-W47.",
    search: "Search",
    active_filters: "Active filters",
    clear_filters: "Clear filters",
    no_weeks: "No weeks found.",

    approvals_title: "Approve hours",
    approvals_intro: "Submitted weeks of your teams. Open a week to see its lines, or approve several at once.",
    team: "Team",
    all_teams: "All teams",
    client: "Client",
    all_clients: "All clients",
    cost_centre: "Cost centre",
    all_cost_centres: "All cost centres",
    late_filter: "On time",
    late_any: "All weeks",
    late_only: "Late only",
    on_time_only: "On time only",
    worker: "Employee",
    week: "Week",
    hours: "Hours",
    select_all: "Select all weeks",
    nothing_selected: "Select one or more weeks first.",
    approve: "Approve",
    approving: "Approving…",
    approved_notice: "The week has been approved.",
    reject: "Reject",
    reject_reason: "Reason for rejection",
    reject_hint: "The employee sees this reason and can then change the week.",
    rejecting: "Rejecting…",
    rejected_notice: "The week has been rejected and sent back to the employee.",
    back_to_list: "Back to the list",
    lines: "Lines",
    time: "Time",
    no_lines: "No lines in this week.",
    own_week: "This is your own week: someone else approves it.",

    corrections_title: "Correction requests",
    corrections_intro: "Employees ask here for a change to a closed or signed week.",
    no_corrections: "There are no correction requests.",
    requested_on: "Requested",
    accept: "Accept",
    accepting: "Accepting…",
    accepted_notice: "The correction has been applied to the week.",
    decline: "Decline",
    decline_reason: "Reason for declining",
    declining: "Declining…",
    declined_notice: "The correction request has been declined.",
    decided: "Decision",
    open_week_link: "Open week",

    export_title: "Export for payroll and billing",
    export_intro: "An export takes every approved week; those weeks are then processed and no longer change. Asking for the same export twice does not make a second one.",
    up_to_week: "Up to and including week (empty: all approved weeks)",
    make_export: "Make export",
    exporting: "Exporting…",
    exports_heading: "Exports made",
    no_exports: "No exports have been made yet.",
    created: "Made",
    created_by: "By",
    weeks: "Weeks",
    period: "Period",
    downloads: "Downloads",
    payroll_csv: "Payroll (CSV)",
    payroll_xlsx: "Payroll (Excel)",
    billing_csv: "Billing (CSV)",
    billing_xlsx: "Billing (Excel)",

    settings_title: "Hours",
    settings_about: "The deadline for signing hours and the reminders.",
    settings_intro: "Employees sign their hours before the deadline; those who have not get an e-mail at the reminder moments. Times are Dutch time.",
    enabled: "Employees keep their hours per week in Poort",
    deadline_legend: "Deadline for signing",
    deadline_hint: "By default Monday 09:00 after the week. After the deadline a week is late and closes.",
    reminders_legend: "Reminders",
    reminders_hint: "At most 5, all before the deadline. By default Friday 15:00 and Monday 07:00.",
    add_reminder: "Add reminder",
    remove_reminder: "Remove",
    no_reminders: "No reminders.",
    settings_saved: "The settings have been saved.",
    same_week: "of the week",
    next_week_suffix: "after the week",
    week_after_suffix: "a week later",

    due_heading: "Sign your hours",
    overdue_heading: "Not signed yet",
    waiting_heading: "Approve hours",
    go_approve: "Go to approvals",
    corrections_waiting_heading: "Correction requests",
    go_corrections: "Go to corrections",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_002_status_names_in_both_languages() {
        let names: Vec<_> = WeekStatus::ALL.iter().map(|s| NL.status(*s)).collect();
        assert_eq!(names, ["Rapporteer", "Ingediend", "Afgewezen", "Afgerond", "Verwerkt"]);
        let names: Vec<_> = WeekStatus::ALL.iter().map(|s| EN.status(*s)).collect();
        assert_eq!(names, ["To report", "Submitted", "Rejected", "Approved", "Processed"]);
    }

    #[test]
    fn countdowns_read_naturally() {
        assert_eq!(NL.countdown(TimeDelta::minutes(2 * 24 * 60 + 3 * 60 + 5)), "Nog 2 dagen en 3 uur");
        assert_eq!(NL.countdown(TimeDelta::minutes(45)), "Nog 45 minuten");
        assert_eq!(EN.countdown(TimeDelta::minutes(61)), "1 hour and 1 minute left");
        assert_eq!(NL.countdown(TimeDelta::minutes(-1)), NL.deadline_passed);
    }

    #[test]
    fn dates_and_weeks_are_written_out() {
        let week: IsoWeek = "2026-W47".parse().unwrap_or_else(|_| unreachable!());
        assert_eq!(NL.week_span(week), "16 – 22 november 2026");
        assert_eq!(NL.day_short(week.monday()), "ma 16 nov");
        assert_eq!(EN.day_long(week.monday()), "Monday 16 November");
        assert_eq!(NL.offset_day(7), "maandag na de week");
        assert_eq!(NL.offset_day(4), "vrijdag van de week");
    }

    #[test]
    fn unknown_means_what_the_field_is_about() {
        assert_eq!(NL.problem_at("client_id", "unknown"), "Deze cliënt is niet (meer) bekend.");
        assert_eq!(EN.problem_at("hour_type", "unknown"), "This kind of hours does not exist.");
    }

    #[test]
    fn every_entry_problem_code_has_its_own_text() {
        use shared::hours::EntryProblem as P;
        let fallback = NL.problem("something_new");
        for problem in [
            P::OutsideWeek,
            P::TimeOrDuration,
            P::StartAndEnd,
            P::EndBeforeStart,
            P::Negative,
            P::BreakTooLong,
            P::Zero,
            P::DayOver24Hours,
            P::Overlaps(0),
            P::NoteTooLong,
            P::HourTypeRequired,
            P::TooMany,
        ] {
            let code = problem.code();
            assert_ne!(NL.problem(code), fallback, "{code}");
            assert_ne!(EN.problem(code), EN.problem("something_new"), "{code}");
        }
    }
}
