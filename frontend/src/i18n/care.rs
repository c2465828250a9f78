//! Texts of the care networks (seed 003): the client list and page, the network's
//! organisations, professionals, informal carers and coordinators, and the
//! organisation side (categories, organisation profile, professionals, teams).

use shared::i18n::Locale;
use shared::networks::NetworkRole;

/// These texts in one language.
pub struct CareTexts {
    /// The language these texts are in.
    pub locale: Locale,

    // Networks: the client list and a new client.
    pub clients_title: &'static str,
    pub clients_intro: &'static str,
    pub search: &'static str,
    pub clients_search_hint: &'static str,
    pub no_clients: &'static str,
    pub new_client: &'static str,
    pub new_client_intro: &'static str,
    pub first_name: &'static str,
    pub infix: &'static str,
    pub last_name: &'static str,
    pub birth_date: &'static str,
    pub street: &'static str,
    pub house_number: &'static str,
    pub postcode: &'static str,
    pub city: &'static str,
    pub phone: &'static str,
    pub email: &'static str,
    pub optional: &'static str,
    pub category: &'static str,
    pub no_category: &'static str,
    pub modules: &'static str,
    pub modules_hint: &'static str,
    pub create_client: &'static str,
    pub working: &'static str,
    pub save: &'static str,
    pub cancel: &'static str,
    pub edit: &'static str,
    pub back_to_clients: &'static str,

    // Networks: the client page.
    pub primary_coordinator: &'static str,
    pub born: &'static str,
    pub tab_network: &'static str,
    pub tab_history: &'static str,
    pub client_sections: &'static str,
    pub modules_none: &'static str,
    pub modules_saved: &'static str,
    pub stale: &'static str,
    pub reload: &'static str,
    pub no_organisations: &'static str,
    pub add_organisation: &'static str,
    pub organisation_search_label: &'static str,
    pub no_hits: &'static str,
    pub in_network: &'static str,
    pub module_off_badge: &'static str,
    pub other_relations: &'static str,
    pub professional_search: &'static str,
    pub professional_search_label: &'static str,
    pub professional_search_hint: &'static str,
    pub change_choice: &'static str,
    pub informal_carers: &'static str,
    pub no_carers: &'static str,
    pub add_carer: &'static str,
    pub gender: &'static str,
    pub male: &'static str,
    pub female: &'static str,
    pub relation: &'static str,
    pub relation_hint: &'static str,
    pub similar_heading: &'static str,
    pub similar_intro: &'static str,
    pub link_person: &'static str,
    pub create_anyway: &'static str,
    pub coordinators: &'static str,
    pub coordinator: &'static str,
    pub primary: &'static str,
    pub coordinators_hint: &'static str,
    pub coordinators_saved: &'static str,
    pub remove: &'static str,
    pub remove_myself: &'static str,
    pub removed_myself: &'static str,
    pub yes_remove: &'static str,
    pub you: &'static str,
    pub history_empty: &'static str,
    pub client_not_found: &'static str,
    pub added: &'static str,
    pub removed: &'static str,

    // Organisations: categories, profile, professionals, teams.
    pub categories_heading: &'static str,
    pub categories_intro: &'static str,
    pub code: &'static str,
    pub code_hint: &'static str,
    pub name_nl: &'static str,
    pub name_en: &'static str,
    pub add_category: &'static str,
    pub category_added: &'static str,
    pub profile_title: &'static str,
    pub profile_about: &'static str,
    pub profile_intro: &'static str,
    pub category_readonly_hint: &'static str,
    pub profile_saved: &'static str,
    pub professionals_title: &'static str,
    pub professionals_about: &'static str,
    pub professionals_intro: &'static str,
    pub professionals_search_hint: &'static str,
    pub add_professional: &'static str,
    pub job_title: &'static str,
    pub teams: &'static str,
    pub team: &'static str,
    pub no_team: &'static str,
    pub activated: &'static str,
    pub yes: &'static str,
    pub not_yet: &'static str,
    pub no_professionals: &'static str,
    pub teams_about: &'static str,
    pub new_team: &'static str,
    pub team_name: &'static str,
    pub create_team: &'static str,
    pub no_teams: &'static str,
    pub team_members: &'static str,
    pub main_contact: &'static str,
    pub add_member: &'static str,
    pub member_label: &'static str,
    pub choose: &'static str,
    pub no_team_members: &'static str,
    pub back_to_teams: &'static str,
    pub member_removed: &'static str,
    pub member_added: &'static str,
    pub main_contact_saved: &'static str,
}

/// Nederlands.
pub static NL: CareTexts = CareTexts {
    locale: Locale::Nl,

    clients_title: "Mijn cliënten",
    clients_intro: "De cliënten in wier netwerk u staat.",
    search: "Zoeken",
    clients_search_hint: "Naam of woonplaats",
    no_clients: "U staat nog in geen enkel netwerk.",
    new_client: "Nieuwe cliënt",
    new_client_intro: "U wordt de primaire coördinator en uw organisatie komt in het netwerk.",
    first_name: "Voornaam (roepnaam)",
    infix: "Tussenvoegsel",
    last_name: "Achternaam",
    birth_date: "Geboortedatum",
    street: "Straat",
    house_number: "Huisnummer",
    postcode: "Postcode",
    city: "Plaats",
    phone: "Telefoonnummer",
    email: "E-mailadres",
    optional: "(niet verplicht)",
    category: "Categorie (organisatieprofiel)",
    no_category: "Geen categorie",
    modules: "Modules",
    modules_hint: "De modules bepalen welke soorten organisaties het netwerk toont.",
    create_client: "Cliënt aanmaken",
    working: "Bezig…",
    save: "Bewaar",
    cancel: "Annuleer",
    edit: "Wijzigen",
    back_to_clients: "Terug naar mijn cliënten",

    primary_coordinator: "Primaire coördinator",
    born: "Geboren",
    tab_network: "Netwerk",
    tab_history: "Geschiedenis",
    client_sections: "Onderdelen van het cliëntprofiel",
    modules_none: "Er staat nog geen module aan. Zet een module aan om organisaties toe te voegen.",
    modules_saved: "De modules zijn bewaard.",
    stale: "Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw en probeer het nog eens.",
    reload: "Opnieuw laden",
    no_organisations: "Nog geen organisatie in deze categorie.",
    add_organisation: "Organisatie toevoegen",
    organisation_search_label: "Zoek een organisatie (dichtstbij eerst)",
    no_hits: "Niets gevonden.",
    in_network: "Al in het netwerk",
    module_off_badge: "Module staat uit",
    other_relations: "Overige relaties",
    professional_search: "Professional zoeken",
    professional_search_label: "Naam, organisatie of functie",
    professional_search_hint: "Typ minstens 2 tekens. De suggesties staan op afstand van de cliënt, dichtstbij eerst.",
    change_choice: "Andere kiezen",
    informal_carers: "Mantelzorgers",
    no_carers: "Nog geen mantelzorgers.",
    add_carer: "Mantelzorger toevoegen",
    gender: "Geslacht",
    male: "Man",
    female: "Vrouw",
    relation: "Relatie tot de cliënt",
    relation_hint: "Bijvoorbeeld dochter of buurman.",
    similar_heading: "Vergelijkbare personen",
    similar_intro: "Deze personen lijken op wie u invoerde. Koppel de juiste persoon, zodat niemand twee accounts krijgt.",
    link_person: "Deze persoon koppelen",
    create_anyway: "Toch nieuw aanmaken",
    coordinators: "Coördinatoren",
    coordinator: "Coördinator",
    primary: "Primair",
    coordinators_hint: "Vink aan wie coördineert en kies precies één primaire coördinator.",
    coordinators_saved: "De coördinatoren zijn bewaard.",
    remove: "Verwijderen",
    remove_myself: "Mijzelf verwijderen",
    removed_myself: "U bent uit het netwerk verwijderd.",
    yes_remove: "Ja, verwijderen",
    you: "U",
    history_empty: "Nog geen wijzigingen.",
    client_not_found: "Deze cliënt bestaat niet, of u staat niet in het netwerk.",
    added: "Toegevoegd aan het netwerk.",
    removed: "Verwijderd uit het netwerk.",

    categories_heading: "Categorieën (organisatieprofielen)",
    categories_intro: "De soorten organisaties in netwerken. Een cliënt heeft per categorie een module.",
    code: "Code",
    code_hint: "Kleine letters, cijfers en _, bijvoorbeeld home_care.",
    name_nl: "Naam (Nederlands)",
    name_en: "Naam (Engels)",
    add_category: "Categorie toevoegen",
    category_added: "De categorie is toegevoegd.",
    profile_title: "Organisatieprofiel",
    profile_about: "Adres, telefoonnummer en categorie van uw organisatie.",
    profile_intro: "Netwerken tonen dit adres en telefoonnummer; afstanden tot cliënten gaan uit van het adres.",
    category_readonly_hint: "Alleen de helpdesk van Poort wijzigt de categorie.",
    profile_saved: "Het organisatieprofiel is bewaard.",
    professionals_title: "Professionals",
    professionals_about: "Medewerkers met hun functie, rol en teams; voeg professionals toe.",
    professionals_intro: "Een nieuwe professional krijgt een e-mail om het account te activeren; het profiel kan meteen in netwerken.",
    professionals_search_hint: "Naam, e-mail of functie",
    add_professional: "Professional toevoegen",
    job_title: "Functie",
    teams: "Teams",
    team: "Team",
    no_team: "Geen team",
    activated: "Geactiveerd",
    yes: "Ja",
    not_yet: "Nog niet",
    no_professionals: "Geen professionals gevonden.",
    teams_about: "Teams met hun leden en hoofdcontacten.",
    new_team: "Nieuw team",
    team_name: "Naam van het team",
    create_team: "Team aanmaken",
    no_teams: "Er zijn nog geen teams.",
    team_members: "Teamleden",
    main_contact: "Hoofdcontact",
    add_member: "Teamlid toevoegen",
    member_label: "Medewerker van de organisatie",
    choose: "Kies…",
    no_team_members: "Dit team heeft nog geen leden.",
    back_to_teams: "Terug naar teams",
    member_removed: "Het teamlid is verwijderd; het profiel blijft bestaan.",
    member_added: "Het teamlid is toegevoegd.",
    main_contact_saved: "Het hoofdcontact is bewaard.",
};

/// English.
pub static EN: CareTexts = CareTexts {
    locale: Locale::En,

    clients_title: "My clients",
    clients_intro: "The clients whose network you are in.",
    search: "Search",
    clients_search_hint: "Name or city",
    no_clients: "You are not in any network yet.",
    new_client: "New client",
    new_client_intro: "You become the primary coordinator and your organisation joins the network.",
    first_name: "First name",
    infix: "Infix",
    last_name: "Last name",
    birth_date: "Birth date",
    street: "Street",
    house_number: "House number",
    postcode: "Postcode",
    city: "City",
    phone: "Phone number",
    email: "E-mail address",
    optional: "(optional)",
    category: "Category (organisation profile)",
    no_category: "No category",
    modules: "Modules",
    modules_hint: "The modules decide which kinds of organisation the network shows.",
    create_client: "Create client",
    working: "Working…",
    save: "Save",
    cancel: "Cancel",
    edit: "Edit",
    back_to_clients: "Back to my clients",

    primary_coordinator: "Primary coordinator",
    born: "Born",
    tab_network: "Network",
    tab_history: "History",
    client_sections: "Parts of the client profile",
    modules_none: "No module is on yet. Switch a module on to add organisations.",
    modules_saved: "The modules have been saved.",
    stale: "Someone else changed this in the meantime. Reload the page and try again.",
    reload: "Reload",
    no_organisations: "No organisation in this category yet.",
    add_organisation: "Add organisation",
    organisation_search_label: "Find an organisation (nearest first)",
    no_hits: "Nothing found.",
    in_network: "Already in the network",
    module_off_badge: "Module is off",
    other_relations: "Other relations",
    professional_search: "Find a professional",
    professional_search_label: "Name, organisation or function",
    professional_search_hint: "Type at least 2 characters. Suggestions are sorted by distance from the client, nearest first.",
    change_choice: "Choose another",
    informal_carers: "Informal carers",
    no_carers: "No informal carers yet.",
    add_carer: "Add informal carer",
    gender: "Gender",
    male: "Male",
    female: "Female",
    relation: "Relation to the client",
    relation_hint: "For example daughter or neighbour.",
    similar_heading: "Similar persons",
    similar_intro: "These people look like the person you entered. Link the right one, so nobody gets two accounts.",
    link_person: "Link this person",
    create_anyway: "Create new anyway",
    coordinators: "Coordinators",
    coordinator: "Coordinator",
    primary: "Primary",
    coordinators_hint: "Tick who coordinates and choose exactly one primary coordinator.",
    coordinators_saved: "The coordinators have been saved.",
    remove: "Remove",
    remove_myself: "Remove myself",
    removed_myself: "You have been removed from the network.",
    yes_remove: "Yes, remove",
    you: "You",
    history_empty: "No changes yet.",
    client_not_found: "This client does not exist, or you are not in their network.",
    added: "Added to the network.",
    removed: "Removed from the network.",

    categories_heading: "Categories (organisation profiles)",
    categories_intro: "The kinds of organisation in networks. A client has a module per category.",
    code: "Code",
    code_hint: "Lower-case letters, digits and _, for example home_care.",
    name_nl: "Name (Dutch)",
    name_en: "Name (English)",
    add_category: "Add category",
    category_added: "The category has been added.",
    profile_title: "Organisation profile",
    profile_about: "Your organisation's address, phone number and category.",
    profile_intro: "Networks show this address and phone number; distances to clients are measured from the address.",
    category_readonly_hint: "Only the Poort helpdesk changes the category.",
    profile_saved: "The organisation profile has been saved.",
    professionals_title: "Professionals",
    professionals_about: "Staff with their function, role and teams; add professionals.",
    professionals_intro: "A new professional gets an e-mail to activate the account; the profile can join networks at once.",
    professionals_search_hint: "Name, e-mail or function",
    add_professional: "Add professional",
    job_title: "Function",
    teams: "Teams",
    team: "Team",
    no_team: "No team",
    activated: "Activated",
    yes: "Yes",
    not_yet: "Not yet",
    no_professionals: "No professionals found.",
    teams_about: "Teams with their members and main contacts.",
    new_team: "New team",
    team_name: "Team name",
    create_team: "Create team",
    no_teams: "There are no teams yet.",
    team_members: "Team members",
    main_contact: "Main contact",
    add_member: "Add team member",
    member_label: "Member of the organisation",
    choose: "Choose…",
    no_team_members: "This team has no members yet.",
    back_to_teams: "Back to teams",
    member_removed: "The member has been removed from the team; their profile remains.",
    member_added: "The member has been added.",
    main_contact_saved: "The main contact has been saved.",
};

impl CareTexts {
    fn pick(&self, nl: &'static str, en: &'static str) -> &'static str {
        if self.locale == Locale::Nl { nl } else { en }
    }

    /// What the API's code for a refused change means, in this language.
    pub fn problem(&self, code: &str) -> String {
        let text = match code {
            "required" => self.pick("Dit veld is verplicht.", "This field is required."),
            "too_long" => self.pick("Dit is te lang.", "This is too long."),
            "invalid_email" => self.pick("Vul een geldig e-mailadres in.", "Enter a valid e-mail address."),
            "invalid_mobile" | "invalid_phone" => {
                self.pick("Vul een geldig telefoonnummer in.", "Enter a valid phone number.")
            }
            "invalid_postcode" => {
                self.pick("Vul een postcode in als 1234 AB.", "Enter a postcode like 1234 AB.")
            }
            "invalid_code" => self.pick(
                "Gebruik 2 tot 40 kleine letters, cijfers of _.",
                "Use 2 to 40 lower-case letters, digits or _.",
            ),
            "out_of_range" | "invalid_date" => {
                self.pick("Vul een datum in tussen 1900 en vandaag.", "Enter a date between 1900 and today.")
            }
            "unknown_category" => self.pick("Deze categorie bestaat niet.", "This category does not exist."),
            "duplicate_code" | "code_taken" | "duplicate" => {
                self.pick("Deze bestaat al.", "This already exists.")
            }
            "category_forbidden" | "forbidden" => self.pick(
                "Alleen de helpdesk van Poort wijzigt de categorie.",
                "Only the Poort helpdesk changes the category.",
            ),
            "no_category" => self.pick(
                "Uw organisatie heeft nog geen categorie; vraag de helpdesk van Poort.",
                "Your organisation has no category yet; ask the Poort helpdesk.",
            ),
            "module_off" => self.pick(
                "De module van deze organisatie staat uit bij deze cliënt. Zet eerst de module aan.",
                "This organisation's module is off for this client. Switch the module on first.",
            ),
            "module_in_use" => self.pick(
                "Deze module heeft nog organisaties in het netwerk. Verwijder die eerst.",
                "This module still has organisations in the network. Remove them first.",
            ),
            "already_in_network" => {
                self.pick("Deze staat al in het netwerk.", "This is already in the network.")
            }
            "already_member" | "member" => self.pick(
                "Deze persoon hoort al bij uw organisatie of dit team.",
                "This person already belongs to your organisation or this team.",
            ),
            "similar_persons" => self.pick(
                "Er zijn vergelijkbare personen. Kies er een of maak toch een nieuwe aan.",
                "There are similar persons. Choose one or create a new one anyway.",
            ),
            "stale" => self.stale,
            "primary_coordinator" => self.pick(
                "De primaire coördinator kan niet weg. Maak eerst iemand anders primair.",
                "The primary coordinator cannot leave. Make someone else primary first.",
            ),
            "has_professionals" => self.pick(
                "Verwijder eerst de professionals van deze organisatie.",
                "Remove this organisation's professionals first.",
            ),
            "no_coordinator" => {
                self.pick("Een netwerk heeft altijd een coördinator.", "A network always has a coordinator.")
            }
            "no_primary" | "several_primaries" => {
                self.pick("Kies precies één primaire coördinator.", "Choose exactly one primary coordinator.")
            }
            "not_eligible" => self.pick(
                "Alleen zorgcoördinatoren in dit netwerk kunnen coördinator zijn.",
                "Only care coordinators in this network can coordinate.",
            ),
            "exactly_one" => self.pick(
                "Kies een bestaande persoon of vul een nieuwe in.",
                "Choose an existing person or enter a new one.",
            ),
            _ => self.pick("Controleer dit veld.", "Please check this field."),
        };
        text.to_string()
    }

    /// A distance from the client's home: one decimal under 10 km, whole kilometres beyond.
    pub fn distance(&self, km: f64) -> String {
        let text = if km < 10.0 { format!("{km:.1}") } else { format!("{km:.0}") };
        let text = if self.locale == Locale::Nl { text.replace('.', ",") } else { text };
        format!("{text} km")
    }

    /// How someone is in a network.
    pub fn network_role(&self, role: NetworkRole) -> &'static str {
        match role {
            NetworkRole::Coordinator => self.coordinator,
            NetworkRole::Professional => self.pick("Professional", "Professional"),
            NetworkRole::InformalCarer => self.pick("Mantelzorger", "Informal carer"),
        }
    }

    /// One line of the history; unknown actions keep their raw name.
    pub fn history_action(&self, action: &str) -> String {
        let text = match action {
            "client_created" => self.pick("Cliënt aangemaakt", "Client created"),
            "modules_changed" => self.pick("Modules gewijzigd", "Modules changed"),
            "organisation_added" => self.pick("Organisatie toegevoegd", "Organisation added"),
            "organisation_removed" => self.pick("Organisatie verwijderd", "Organisation removed"),
            "professional_added" => self.pick("Professional toegevoegd", "Professional added"),
            "professional_removed" => self.pick("Professional verwijderd", "Professional removed"),
            "carer_added" => self.pick("Mantelzorger toegevoegd", "Informal carer added"),
            "carer_removed" => self.pick("Mantelzorger verwijderd", "Informal carer removed"),
            "coordinators_changed" => self.pick("Coördinatoren gewijzigd", "Coordinators changed"),
            other => return other.to_string(),
        };
        text.to_string()
    }

    /// Under a similar person: in how many networks they are already.
    pub fn in_networks(&self, n: i64) -> String {
        match (self.locale, n) {
            (Locale::Nl, 1) => "In 1 netwerk".into(),
            (Locale::Nl, n) => format!("In {n} netwerken"),
            (Locale::En, 1) => "In 1 network".into(),
            (Locale::En, n) => format!("In {n} networks"),
        }
    }

    /// The question before removing someone or something from a network.
    pub fn remove_question(&self, name: &str) -> String {
        match self.locale {
            Locale::Nl => format!("{name} uit het netwerk verwijderen?"),
            Locale::En => format!("Remove {name} from the network?"),
        }
    }

    /// After adding a professional.
    pub fn professional_added(&self, name: &str, email: &str) -> String {
        match self.locale {
            Locale::Nl => format!("{name} is toegevoegd. De activatiemail is verstuurd naar {email}."),
            Locale::En => format!("{name} has been added. The activation e-mail has been sent to {email}."),
        }
    }

    /// A team's size.
    pub fn member_count(&self, n: i64) -> String {
        match (self.locale, n) {
            (Locale::Nl, 1) => "1 lid".into(),
            (Locale::Nl, n) => format!("{n} leden"),
            (Locale::En, 1) => "1 member".into(),
            (Locale::En, n) => format!("{n} members"),
        }
    }

    /// A label with "(niet verplicht)" after it.
    pub fn optional(&self, label: &str) -> String {
        format!("{label} {}", self.optional)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_read_as_people_say_them() {
        assert_eq!(NL.distance(1.234), "1,2 km");
        assert_eq!(EN.distance(1.234), "1.2 km");
        assert_eq!(NL.distance(0.04), "0,0 km");
        assert_eq!(NL.distance(23.6), "24 km");
    }

    #[test]
    fn refusals_have_a_text_in_both_languages() {
        for code in ["module_off", "primary_coordinator", "stale", "invalid_postcode", "something_new"] {
            assert_ne!(NL.problem(code), EN.problem(code), "{code}");
        }
        assert_eq!(NL.history_action("carer_added"), "Mantelzorger toegevoegd");
        assert_eq!(EN.history_action("new_thing"), "new_thing");
    }
}
