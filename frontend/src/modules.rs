//! The parts of Poort the menu lists. Modules that are not built yet lead to
//! an honest "coming soon" page until their issue lands.

use shared::auth::{Me, Right};

use crate::components::icon::IconName;
use crate::i18n::Dict;

/// A part of Poort in the menu, built or planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Module {
    Hours,
    Absence,
    MyDetails,
    /// The employer's employee records (issue 6).
    Employees,
    Documents,
    Contracts,
    News,
    // Self-service (issue 6): Loonstroken (with Reserveringen, Betalingen) and Plaatsingen (with Fase).
    Payslips,
    Placements,
    Network,
    Reports,
    Admin,
    Helpdesk,
}

/// Whether this person takes part in care networks: Netwerken is in their menu.
pub fn networks_enabled(me: &Me) -> bool {
    me.networks_enabled
}

impl Module {
    /// In menu order.
    pub const ALL: [Module; 13] = [
        Module::Hours,
        Module::Absence,
        Module::MyDetails,
        Module::Employees,
        Module::Documents,
        Module::Contracts,
        Module::News,
        Module::Payslips,
        Module::Placements,
        Module::Network,
        Module::Reports,
        Module::Admin,
        Module::Helpdesk,
    ];

    /// The Dutch path segment, as in `/binnenkort/uren`.
    pub fn slug(self) -> &'static str {
        match self {
            Module::Hours => "uren",
            Module::Absence => "verzuim",
            Module::MyDetails => "mijn-gegevens",
            Module::Employees => "medewerkers",
            Module::Documents => "documenten",
            Module::Contracts => "contracten",
            Module::News => "nieuws",
            Module::Payslips => "loonstroken",
            Module::Placements => "plaatsingen",
            Module::Network => "netwerken",
            Module::Reports => "rapportages",
            Module::Admin => "beheer",
            Module::Helpdesk => "helpdesk",
        }
    }

    /// Whether the module exists; the others are "coming soon". Every module is built
    /// now; the "coming soon" page stays for the next one planned.
    pub fn is_built(self) -> bool {
        true
    }

    /// Finds a module by its path segment.
    pub fn from_slug(slug: &str) -> Option<Module> {
        Module::ALL.into_iter().find(|m| m.slug() == slug)
    }

    /// Where the menu links to: the module, or its "coming soon" page.
    pub fn href(self) -> String {
        if self.is_built() { format!("/{}", self.slug()) } else { format!("/binnenkort/{}", self.slug()) }
    }

    /// The menu label.
    pub fn label(self, t: &Dict) -> &'static str {
        match self {
            Module::Hours => t.nav_hours,
            Module::Absence => t.nav_absence,
            Module::MyDetails => t.nav_my_details,
            Module::Employees => crate::i18n::employees::texts(t.locale).nav,
            Module::Documents => t.nav_documents,
            Module::Contracts => crate::i18n::contracts::texts(t.locale).nav_contracts,
            Module::News => crate::i18n::contracts::texts(t.locale).nav_news,
            Module::Payslips => t.selfservice.nav_payslips(),
            Module::Placements => t.selfservice.nav_placements(),
            Module::Network => t.nav_network,
            Module::Reports => t.nav_reports,
            Module::Admin => t.nav_admin,
            Module::Helpdesk => t.nav_helpdesk,
        }
    }

    /// One line on what the module will do.
    pub fn about(self, t: &Dict) -> &'static str {
        match self {
            Module::Hours => t.about_hours,
            Module::Absence => t.about_absence,
            Module::MyDetails => t.about_my_details,
            Module::Employees => crate::i18n::employees::texts(t.locale).about,
            Module::Documents => t.about_documents,
            Module::Contracts => crate::i18n::contracts::texts(t.locale).about_contracts,
            Module::News => crate::i18n::contracts::texts(t.locale).about_news,
            Module::Payslips => t.selfservice.about_payslips(),
            Module::Placements => t.selfservice.about_placements(),
            Module::Network => t.about_network,
            Module::Reports => t.about_reports,
            Module::Admin => t.about_admin,
            Module::Helpdesk => t.about_helpdesk,
        }
    }

    /// The menu icon.
    pub fn icon(self) -> IconName {
        match self {
            Module::Hours => IconName::Hours,
            Module::Absence => IconName::Absence,
            Module::MyDetails => IconName::MyDetails,
            Module::Employees => IconName::Building,
            Module::Documents => IconName::Documents,
            Module::Contracts => IconName::Pencil,
            Module::News => IconName::Mail,
            Module::Payslips => IconName::Payslips,
            Module::Placements => IconName::Placements,
            Module::Network => IconName::Network,
            Module::Reports => IconName::Reports,
            Module::Admin => IconName::Admin,
            Module::Helpdesk => IconName::Helpdesk,
        }
    }

    /// Whether the menu shows it to this person. The server enforces access;
    /// this only avoids a menu full of doors that will not open. Everything
    /// under "Beheer" needs *manage rights*, whatever the role; Uren only where the
    /// organisation keeps weekly hours (its administrator turns them on under Beheer).
    pub fn shown_to(self, me: &Me) -> bool {
        match self {
            Module::Hours => me.hours_enabled,
            Module::Network => networks_enabled(me),
            Module::Admin => me.rights.contains(&Right::ManageRights),
            Module::Helpdesk => me.helpdesk,
            Module::Employees => crate::pages::employees::manages(me),
            Module::Reports => crate::pages::reports::shows_statistics(me),
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip() {
        for module in Module::ALL {
            assert_eq!(Module::from_slug(module.slug()), Some(module));
            assert_eq!(module.href().starts_with("/binnenkort/"), !module.is_built());
        }
        assert_eq!(Module::Admin.href(), "/beheer");
        assert_eq!(Module::Hours.href(), "/uren");
        assert_eq!(Module::Absence.href(), "/verzuim");
        assert_eq!(Module::from_slug("onbekend"), None);
    }

    #[test]
    fn hours_are_shown_only_where_the_organisation_keeps_them() {
        let me = |hours_enabled| Me {
            id: uuid::Uuid::nil(),
            name: "Eva Visser".into(),
            email: "eva.visser@vandijkbouw.example".into(),
            locale: shared::i18n::Locale::Nl,
            helpdesk: false,
            organisation_id: uuid::Uuid::nil(),
            organisation_name: "Bouwbedrijf Van Dijk B.V.".into(),
            role: shared::auth::Role::Employer,
            rights: vec![Right::ManageRights],
            main_contact: true,
            memberships: Vec::new(),
            must_change_password: false,
            must_set_up_second_factor: false,
            hours_enabled,
            networks_enabled: false,
        };
        assert!(!Module::Hours.shown_to(&me(false)));
        assert!(Module::Hours.shown_to(&me(true)));
        assert!(Module::Admin.shown_to(&me(false)), "where hours are turned back on");
    }
}
