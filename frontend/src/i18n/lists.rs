//! Texts of the one list component (seed 002's lists: columns, filters, period, search).

/// These texts in one language.
pub struct ListTexts {
    pub search: &'static str,
    pub all: &'static str,
    pub columns: &'static str,
    pub columns_legend: &'static str,
    pub filters: &'static str,
    pub close_filters: &'static str,
    pub active_filters: &'static str,
    pub clear_filters: &'static str,
    pub clear_filter: &'static str,
    pub period: &'static str,
    pub period_all: &'static str,
    pub this_month: &'static str,
    pub last_month: &'static str,
    pub this_quarter: &'static str,
    pub this_year: &'static str,
    pub last_year: &'static str,
    pub custom_period: &'static str,
    pub from: &'static str,
    pub to: &'static str,
}

impl ListTexts {
    /// The menu text of a period choice.
    pub fn period_choice(&self, c: crate::components::list::period::PeriodChoice) -> &'static str {
        use crate::components::list::period::PeriodChoice as P;
        match c {
            P::All => self.period_all,
            P::ThisMonth => self.this_month,
            P::LastMonth => self.last_month,
            P::ThisQuarter => self.this_quarter,
            P::ThisYear => self.this_year,
            P::LastYear => self.last_year,
            P::Custom => self.custom_period,
        }
    }
}

pub static NL: ListTexts = ListTexts {
    search: "Zoeken",
    all: "Alle",
    columns: "Kolommen",
    columns_legend: "Kolommen in dit overzicht",
    filters: "Filters",
    close_filters: "Afsluiten",
    active_filters: "Filters:",
    clear_filters: "Alle filters wissen",
    clear_filter: "filter wissen",
    period: "Periode",
    period_all: "Alle (géén periode filter)",
    this_month: "Deze maand",
    last_month: "Vorige maand",
    this_quarter: "Dit kwartaal",
    this_year: "Dit jaar",
    last_year: "Vorig jaar",
    custom_period: "Zelf kiezen",
    from: "Van",
    to: "Tot en met",
};

pub static EN: ListTexts = ListTexts {
    search: "Search",
    all: "All",
    columns: "Columns",
    columns_legend: "Columns in this list",
    filters: "Filters",
    close_filters: "Close",
    active_filters: "Filters:",
    clear_filters: "Clear all filters",
    clear_filter: "clear filter",
    period: "Period",
    period_all: "All (no period filter)",
    this_month: "This month",
    last_month: "Last month",
    this_quarter: "This quarter",
    this_year: "This year",
    last_year: "Last year",
    custom_period: "Choose dates",
    from: "From",
    to: "Up to and including",
};
