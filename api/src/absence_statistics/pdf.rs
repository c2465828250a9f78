//! The management report as a PDF (`…/statistics/report.pdf`): the same figures as the
//! printable page, in Dutch, on one A4 page (a second when a long period's chart and the
//! tables do not fit). Written with `pdf-writer` in the standard Helvetica fonts, which
//! every reader has, so nothing is embedded: text is WinAnsi-encoded (é, ë and – render;
//! what WinAnsi lacks becomes `?`). The chart is drawn as vector paths.
//!
//! [`layout`] is pure (the report in, content streams out) so tests read the text it
//! placed; [`render`] only wraps the pages into a document.

use chrono::NaiveDate;
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use shared::absence::statistics::{
    DEFAULT_DURATION_CLASSES, DurationClass, DurationCounts, MonthlyRate, PoortwachterStage, StageCount,
    Statistics, StatisticsReport, longest_class_days,
};

use super::exports::decimal;

/// A4 in points.
const WIDTH: f32 = 595.0;
const HEIGHT: f32 = 842.0;
const LEFT: f32 = 56.0;
const RIGHT: f32 = WIDTH - 56.0;
const TOP: f32 = HEIGHT - 56.0;
const BOTTOM: f32 = 56.0;

const REGULAR: Name<'static> = Name(b"F1");
const BOLD: Name<'static> = Name(b"F2");

/// The bars of this period and of the year before, and the lines.
const CURRENT: [f32; 3] = [0.13, 0.36, 0.61];
const PREVIOUS: [f32; 3] = [0.72, 0.76, 0.80];
const RULE: f32 = 0.8;

/// What the heading needs besides the figures.
pub struct Heading<'a> {
    /// The team's name, when a team is the scope.
    pub team_name: Option<&'a str>,
    /// The day the report is made: the open cases are those open on it.
    pub today: NaiveDate,
}

/// `text` in WinAnsi, the standard fonts' encoding: Latin-1 plus the typographic marks
/// at 0x80–0x9F; anything else is `?`.
pub fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            ' '..='~' | '\u{a0}'..='\u{ff}' => c as u8,
            '€' => 0x80,
            '‚' => 0x82,
            'ƒ' => 0x83,
            '„' => 0x84,
            '…' => 0x85,
            '†' => 0x86,
            '‡' => 0x87,
            'ˆ' => 0x88,
            '‰' => 0x89,
            'Š' => 0x8a,
            '‹' => 0x8b,
            'Œ' => 0x8c,
            'Ž' => 0x8e,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '˜' => 0x98,
            '™' => 0x99,
            'š' => 0x9a,
            '›' => 0x9b,
            'œ' => 0x9c,
            'ž' => 0x9e,
            'Ÿ' => 0x9f,
            _ => b'?',
        })
        .collect()
}

/// Roughly how wide `text` is in Helvetica at `size`, for wrapping and right-aligning:
/// exact for digits and the marks around numbers, an average for letters.
fn text_width(text: &str, size: f32) -> f32 {
    let units: u32 = text
        .chars()
        .map(|c| match c {
            '0'..='9' | '–' => 556,
            ' ' | ',' | '.' | '/' | ':' | 'i' | 'l' | 'j' | 't' | 'f' | 'I' => 278,
            '%' => 889,
            'm' | 'w' | 'M' | 'W' => 833,
            'A'..='Z' => 667,
            _ => 520,
        })
        .sum();
    units as f32 / 1000.0 * size
}

/// `text` broken into lines of at most `width` points.
fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if text_width(&candidate, size) > width && !line.is_empty() {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Pages being filled from the top down.
struct Writer {
    pages: Vec<Content>,
    page: Content,
    y: f32,
}

impl Writer {
    fn new() -> Self {
        Self { pages: Vec::new(), page: Content::new(), y: TOP }
    }

    /// Starts a new page unless `height` points still fit on this one.
    fn room(&mut self, height: f32) {
        if self.y - height < BOTTOM {
            let full = std::mem::replace(&mut self.page, Content::new());
            self.pages.push(full);
            self.y = TOP;
        }
    }

    fn text_at(&mut self, x: f32, y: f32, size: f32, font: Name, text: &str) {
        let bytes = win_ansi(text);
        self.page.begin_text().set_font(font, size).next_line(x, y).show(Str(&bytes)).end_text();
    }

    /// Text whose right edge is at `right`.
    fn text_right(&mut self, right: f32, y: f32, size: f32, font: Name, text: &str) {
        self.text_at(right - text_width(text, size), y, size, font, text);
    }

    /// A paragraph from the left margin, wrapped, moving down.
    fn paragraph(&mut self, text: &str, size: f32, font: Name) {
        for line in wrap(text, size, RIGHT - LEFT) {
            self.room(size * 1.4);
            self.y -= size * 1.4;
            self.text_at(LEFT, self.y, size, font, &line);
        }
    }

    fn gray(&mut self, g: f32) {
        self.page.set_fill_gray(g).set_stroke_gray(g);
    }

    fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32) {
        self.page.set_line_width(0.5).move_to(x1, y1).line_to(x2, y2).stroke();
    }

    fn bar(&mut self, x: f32, y: f32, w: f32, h: f32, rgb: [f32; 3]) {
        self.page.set_fill_rgb(rgb[0], rgb[1], rgb[2]).rect(x, y, w, h).fill_nonzero();
    }

    /// A section heading with space above it, keeping `body` points of what follows with it.
    fn heading(&mut self, text: &str, body: f32) {
        self.room(30.0 + body);
        self.y -= 30.0;
        self.gray(0.0);
        self.text_at(LEFT, self.y, 12.0, BOLD, text);
        self.y -= 6.0;
    }

    /// A table of a label column and number columns right-aligned at `columns`.
    fn table(&mut self, header: &[&str], columns: &[f32], rows: &[(String, Vec<String>)]) {
        const ROW: f32 = 15.0;
        self.room(ROW * (rows.len() + 1) as f32);
        self.y -= ROW;
        self.gray(0.35);
        for (title, &right) in header.iter().skip(1).zip(columns) {
            self.text_right(right, self.y, 9.0, BOLD, title);
        }
        if let Some(first) = header.first() {
            self.text_at(LEFT, self.y, 9.0, BOLD, first);
        }
        self.gray(RULE);
        self.line(LEFT, self.y - 4.0, RIGHT, self.y - 4.0);
        self.gray(0.0);
        for (label, values) in rows {
            self.y -= ROW;
            self.text_at(LEFT, self.y, 10.0, REGULAR, label);
            for (value, &right) in values.iter().zip(columns) {
                self.text_right(right, self.y, 10.0, REGULAR, value);
            }
        }
    }

    fn finish(mut self) -> Vec<Content> {
        self.pages.push(self.page);
        self.pages
    }
}

/// What stands where a figure has no value.
const NO_VALUE: &str = "–";

fn or_dash(value: Option<f64>, shown: impl Fn(f64) -> String) -> String {
    value.map_or_else(|| NO_VALUE.to_string(), shown)
}

fn date(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// "Bouwbedrijf Van Dijk B.V. · Afdeling: Uitvoering", as the page heads it.
fn scope_line(report: &StatisticsReport, team_name: Option<&str>) -> String {
    let s = &report.scope;
    let team =
        s.team_id.map(|id| format!("Team: {}", team_name.map_or_else(|| id.to_string(), String::from)));
    let narrowed = [
        s.department.as_ref().map(|d| format!("Afdeling: {d}")),
        s.cost_centre.as_ref().map(|c| format!("Kostenplaats: {c}")),
        team,
    ];
    std::iter::once(s.organisation_name.clone())
        .chain(narrowed.into_iter().flatten())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The key figures with the sums behind them, as on the cards (same decimals).
fn figure_rows(s: &Statistics) -> Vec<(String, Vec<String>)> {
    let pct = |p: Option<f64>, decimals: usize| or_dash(p, |v| format!("{} %", decimal(v, decimals)));
    let rate = |r: &shared::absence::statistics::AbsenceRate| {
        format!("{} ÷ {} × 100", decimal(r.weighted_sick_days, 1), decimal(r.weighted_employed_days, 1))
    };
    let f = &s.report_frequency;
    let d = &s.average_duration;
    let z = &s.zero_absence;
    vec![
        ("Verzuimpercentage".into(), vec![pct(s.absence_rate.percent, 2), rate(&s.absence_rate)]),
        (
            "Verzuimpercentage zonder zwangerschapsverlof".into(),
            vec![pct(s.absence_rate_without_pregnancy.percent, 2), rate(&s.absence_rate_without_pregnancy)],
        ),
        (
            "Meldingsfrequentie (per medewerker per jaar)".into(),
            vec![
                or_dash(f.per_year, |v| decimal(v, 2)),
                format!("{} ÷ {} ÷ {}", f.reports, decimal(f.average_headcount, 2), decimal(f.years, 3)),
            ],
        ),
        (
            "Gemiddelde verzuimduur".into(),
            vec![
                or_dash(d.days, |v| format!("{} dagen", decimal(v, 1))),
                format!("{} ÷ {}", d.total_days, d.cases),
            ],
        ),
        (
            "Nulverzuim".into(),
            vec![pct(z.percent, 1), format!("{} ÷ {} × 100", z.without_report, z.employees)],
        ),
    ]
}

/// "Kort (1–14 dagen)" for the standard classes, the range alone for others.
fn class_label(index: usize, class: &DurationClass) -> String {
    let range = match class.to_days {
        Some(to) => format!("{}–{to} dagen", class.from_days),
        None => format!("{}+ dagen", class.from_days),
    };
    let names = ["Kort", "Middellang", "Lang", "Extra lang"];
    match names.get(index) {
        Some(name) if DEFAULT_DURATION_CLASSES.get(index) == Some(class) => format!("{name} ({range})"),
        _ => range,
    }
}

fn class_rows(s: &Statistics) -> Vec<(String, Vec<String>)> {
    let row = |label: String, c: DurationCounts| (label, vec![c.ended.to_string(), c.running.to_string()]);
    let mut rows: Vec<_> =
        s.duration_classes.iter().enumerate().map(|(i, c)| row(class_label(i, &c.class), c.cases)).collect();
    if s.outside_classes.ended + s.outside_classes.running > 0 {
        let longest = longest_class_days(&s.duration_classes);
        rows.push(row(format!("Langer dan {longest} dagen"), s.outside_classes));
    }
    rows
}

/// "Weken 9–42 · re-integratie".
pub fn stage_label(stage: PoortwachterStage) -> String {
    let what = match stage {
        PoortwachterStage::FirstWeeks => "ziekmelding en probleemanalyse",
        PoortwachterStage::PlanOfAction => "plan van aanpak",
        PoortwachterStage::Reintegration => "re-integratie",
        PoortwachterStage::FirstYearEvaluation => "melding UWV en eerstejaarsevaluatie",
        PoortwachterStage::SecondYear => "tweede ziektejaar",
        PoortwachterStage::WiaApplication => "eindevaluatie en WIA-aanvraag",
        PoortwachterStage::Beyond104Weeks => "loondoorbetaling voorbij",
    };
    match stage.weeks() {
        (from, Some(to)) => format!("Weken {from}–{to} · {what}"),
        (from, None) => format!("Na {} weken · {what}", from - 1),
    }
}

fn stage_rows(open: &[StageCount]) -> Vec<(String, Vec<String>)> {
    open.iter().map(|c| (stage_label(c.stage), vec![c.cases.to_string()])).collect()
}

/// A round top for the chart's scale: 1, 2 or 5 × a power of ten, at least `max`.
fn scale_top(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powf(max.log10().floor());
    [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * power).find(|&top| top >= max).unwrap_or(10.0 * power)
}

const MONTHS: [&str; 12] =
    ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

/// The bar chart: per month a bar for this period and one for the same days a year
/// earlier, on a scale from 0 to a round top, with a legend.
fn month_chart(w: &mut Writer, monthly: &[MonthlyRate]) {
    const CHART: f32 = 150.0;
    let x0 = LEFT + 40.0;
    let width = RIGHT - x0;
    w.room(CHART + 40.0);
    let base = w.y - 10.0 - CHART;
    let max =
        monthly.iter().flat_map(|m| [m.percent, m.previous_year_percent]).flatten().fold(0.0f64, f64::max);
    let top = scale_top(max);
    let height = |p: f64| (p / top) as f32 * CHART;
    // As few decimals as the steps need: 12,5 % for a top of 50, 1,25 % for one of 5.
    let step = top / 4.0;
    let decimals = (0..3).find(|&d| (step * 10f64.powi(d)).fract().abs() < 1e-9).unwrap_or(2) as usize;
    for i in 0..=4 {
        let value = step * f64::from(i);
        let y = base + height(value);
        w.gray(if i == 0 { 0.4 } else { RULE });
        w.line(x0, y, RIGHT, y);
        w.gray(0.35);
        w.text_right(x0 - 4.0, y - 3.0, 8.0, REGULAR, &format!("{} %", decimal(value, decimals)));
    }
    let slot = width / monthly.len().max(1) as f32;
    let bar = (slot * 0.36).min(14.0);
    // A long period labels every third month, with its year, so the labels do not collide.
    let every = if monthly.len() > 12 { 3 } else { 1 };
    for (i, m) in monthly.iter().enumerate() {
        let x = x0 + slot * i as f32 + slot / 2.0;
        if let Some(p) = m.previous_year_percent {
            w.bar(x - bar, base, bar, height(p), PREVIOUS);
        }
        if let Some(p) = m.percent {
            w.bar(x, base, bar, height(p), CURRENT);
        }
        if i % every == 0 {
            use chrono::Datelike;
            let month = MONTHS[m.period.start.month0() as usize];
            let label = if every > 1 {
                format!("{month} {}", m.period.start.format("%y"))
            } else {
                month.to_string()
            };
            w.gray(0.2);
            w.text_at(x - text_width(&label, 8.0) / 2.0, base - 12.0, 8.0, REGULAR, &label);
        }
    }
    let legend = base - 28.0;
    w.bar(x0, legend, 8.0, 8.0, CURRENT);
    w.gray(0.0);
    w.text_at(x0 + 12.0, legend + 1.0, 9.0, REGULAR, "Deze periode");
    w.bar(x0 + 90.0, legend, 8.0, 8.0, PREVIOUS);
    w.gray(0.0);
    w.text_at(x0 + 102.0, legend + 1.0, 9.0, REGULAR, "Vorig jaar (dezelfde dagen)");
    w.y = legend;
}

/// The report's pages as content streams, in order.
pub fn layout(report: &StatisticsReport, heading: &Heading) -> Vec<Vec<u8>> {
    let s = &report.statistics;
    let mut w = Writer::new();
    w.y -= 18.0;
    w.text_at(LEFT, w.y, 18.0, BOLD, "Managementrapportage verzuim");
    w.paragraph(&scope_line(report, heading.team_name), 11.0, BOLD);
    w.paragraph(&format!("Periode: {} – {}", date(s.period.start), date(s.period.end)), 11.0, REGULAR);
    if let Some(today) = report.counted_until {
        w.paragraph(
            &format!("Geteld tot en met vandaag ({}): de dagen die nog komen tellen niet mee.", date(today)),
            9.0,
            REGULAR,
        );
    }
    w.gray(0.35);
    w.paragraph(
        "Berekend volgens de Nederlandse verzuimstandaard (CBS/SZW 1996): kalenderdagen, gewogen naar \
         deeltijdfactor en arbeidsongeschiktheid. Alleen aantallen, geen medische gegevens.",
        9.0,
        REGULAR,
    );

    w.heading("Kerncijfers", 90.0);
    w.table(&["", "Waarde", "Berekening"], &[360.0, RIGHT], &figure_rows(s));

    w.heading("Verzuimpercentage per maand tegen vorig jaar", 190.0);
    month_chart(&mut w, &report.monthly);

    let classes = class_rows(s);
    w.heading("Verzuimgevallen per duurklasse", 15.0 * (classes.len() + 1) as f32);
    w.table(&["Duurklasse", "Beëindigd", "Lopend"], &[420.0, RIGHT], &classes);

    let stages = stage_rows(&report.open_cases);
    let title = format!("Lopende verzuimgevallen per poortwachterfase (op {})", date(heading.today));
    w.heading(&title, 15.0 * (stages.len() + 1) as f32);
    w.table(&["Fase", "Gevallen"], &[RIGHT], &stages);

    w.finish().into_iter().map(|c| c.finish().into_vec()).collect()
}

/// The report as a PDF document.
pub fn render(report: &StatisticsReport, heading: &Heading) -> Vec<u8> {
    let pages = layout(report, heading);
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let regular = Ref::new(3);
    let bold = Ref::new(4);
    let info = Ref::new(5);
    let first_page = 6;
    let page_ref = |i: usize| Ref::new(first_page + 2 * i as i32);
    let content_ref = |i: usize| Ref::new(first_page + 2 * i as i32 + 1);

    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids((0..pages.len()).map(page_ref)).count(pages.len() as i32);
    for (id, font) in [(regular, "Helvetica"), (bold, "Helvetica-Bold")] {
        pdf.type1_font(id).base_font(Name(font.as_bytes())).encoding_predefined(Name(b"WinAnsiEncoding"));
    }
    let title = format!("Managementrapportage verzuim {}", report.scope.organisation_name);
    pdf.document_info(info).title(TextStr(&title)).producer(TextStr("Poort"));
    for (i, content) in pages.iter().enumerate() {
        let mut page = pdf.page(page_ref(i));
        page.parent(tree).media_box(Rect::new(0.0, 0.0, WIDTH, HEIGHT)).contents(content_ref(i));
        let mut resources = page.resources();
        resources.fonts().pair(REGULAR, regular).pair(BOLD, bold);
        resources.finish();
        page.finish();
        pdf.stream(content_ref(i), content);
    }
    pdf.finish()
}

#[cfg(test)]
mod tests {
    use chrono::Datelike;
    use shared::absence::statistics::{Period, StatisticsScope, Sums, count_by_stage};
    use uuid::Uuid;

    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn report() -> StatisticsReport {
        let period = Period::year(2025).unwrap();
        // 35 of 1000 weighted days sick, 3 reports by 2 people, 2 cases ended after 25 days.
        let mut sums = Sums {
            weighted_sick_days: 35.0,
            weighted_employed_days: 1000.0,
            employed_person_days: 730,
            employees: 2,
            employees_with_report: 1,
            reports: 3,
            ended_cases: 2,
            ended_case_days: 25,
            ..Sums::new(&DEFAULT_DURATION_CLASSES)
        };
        sums.duration_classes[1].cases = DurationCounts { ended: 2, running: 1 };
        let monthly = super::super::service::months(&period)
            .into_iter()
            .map(|m| MonthlyRate {
                period: m,
                percent: Some(3.5),
                previous_year: m,
                previous_year_percent: (m.start.month0() < 6).then_some(1.25),
            })
            .collect();
        StatisticsReport {
            scope: StatisticsScope {
                organisation_id: Uuid::nil(),
                organisation_name: "Kinderopvang Het Zonnetje – Noord".into(),
                department: Some("Groep één".into()),
                cost_centre: None,
                team_id: None,
            },
            statistics: Statistics::from_sums(period, &sums),
            monthly,
            open_cases: count_by_stage([(3, 2), (400, 1)]),
            counted_until: None,
        }
    }

    fn text(report: &StatisticsReport) -> String {
        let heading = Heading { team_name: None, today: day("2026-11-23") };
        let pages = layout(report, &heading);
        assert_eq!(pages.len(), 1, "one A4 page");
        pages.iter().map(|p| String::from_utf8_lossy(p).into_owned()).collect()
    }

    /// How a text stands in the content stream: `(…)` for ASCII, `<…>` in hex otherwise.
    fn shown(text: &str) -> String {
        let mut c = Content::new();
        c.show(Str(&win_ansi(text)));
        String::from_utf8(c.finish().into_vec())
            .unwrap()
            .trim_end()
            .trim_end_matches("Tj")
            .trim_end()
            .to_string()
    }

    /// The next `n` ASCII texts shown after `label`.
    fn shown_after(content: &str, label: &str, n: usize) -> Vec<String> {
        let at = content.find(&shown(label)).unwrap_or_else(|| panic!("{label} in the content"));
        content[at..]
            .split(" Tj")
            .skip(1)
            .take(n)
            .map(|s| s.rsplit('(').next().unwrap_or_default().trim_end_matches(')').to_string())
            .collect()
    }

    #[test]
    fn the_page_names_the_scope_the_period_and_the_figures() {
        let content = text(&report());
        for expected in [
            "Managementrapportage verzuim",
            "Kinderopvang Het Zonnetje – Noord · Afdeling: Groep één",
            "Periode: 01-01-2025 – 31-12-2025",
            "3,50 %",
            "35,0 ÷ 1000,0 × 100",
            "50,0 %",
            "12,5 dagen",
            "Middellang (15–91 dagen)",
            "3,75 %",
            "Weken 1–6 · ziekmelding en probleemanalyse",
            "Lopende verzuimgevallen per poortwachterfase (op 23-11-2026)",
        ] {
            assert!(content.contains(&shown(expected)), "{expected} in the content");
        }
    }

    #[test]
    fn a_period_reaching_past_today_says_it_counts_the_days_so_far() {
        let so_far = "Geteld tot en met vandaag (23-11-2026): de dagen die nog komen tellen niet mee.";
        assert!(!text(&report()).contains(&shown(so_far)));
        let report = StatisticsReport { counted_until: Some(day("2026-11-23")), ..report() };
        assert!(text(&report).contains(&shown(so_far)));
    }

    #[test]
    fn the_counts_stand_in_their_rows() {
        let content = text(&report());
        // Two cases in the first weeks, one in the second year; duration class 15–91: 2 ended, 1 running.
        assert_eq!(shown_after(&content, "Weken 1–6 · ziekmelding en probleemanalyse", 1), ["2"]);
        assert_eq!(shown_after(&content, "Weken 53–87 · tweede ziektejaar", 1), ["1"]);
        assert_eq!(shown_after(&content, "Middellang (15–91 dagen)", 2), ["2", "1"]);
    }

    #[test]
    fn the_chart_draws_a_bar_per_month_and_series_with_a_value() {
        let content = text(&report());
        // 12 months this period, 6 with a value the year before, and the two legend keys.
        assert_eq!(content.matches(" re\nf").count(), 12 + 6 + 2);
    }

    #[test]
    fn text_is_win_ansi_and_the_rest_a_question_mark() {
        assert_eq!(win_ansi("é ë – € ≥"), vec![0xe9, b' ', 0xeb, b' ', 0x96, b' ', 0x80, b' ', b'?']);
    }

    #[test]
    fn the_scale_tops_at_a_round_number() {
        assert_eq!(scale_top(0.0), 1.0);
        assert_eq!(scale_top(3.5), 5.0);
        assert_eq!(scale_top(0.42), 0.5);
        assert_eq!(scale_top(12.0), 20.0);
    }

    #[test]
    fn the_document_is_a_pdf_with_helvetica() {
        let heading = Heading { team_name: None, today: day("2026-11-23") };
        let bytes = render(&report(), &heading);
        assert!(bytes.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("/BaseFont /Helvetica"));
        assert!(text.contains("/Encoding /WinAnsiEncoding"));
        assert!(text.contains("/Count 1"));
    }
}
