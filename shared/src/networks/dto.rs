//! What the care-network endpoints take and give.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::auth::Role;

/// An organisation profile category (seed 003 "organisatieprofiel": home care, GP, district
/// team, …). The platform helpdesk keeps the list. A client's modules are category codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganisationCategory {
    /// Stable code, lower-case letters, digits and `_` (e.g. `home_care`).
    pub code: String,
    /// Dutch name.
    pub name_nl: String,
    /// English name.
    pub name_en: String,
}

/// Body of `POST /api/v1/organisation-categories` (platform helpdesk only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewOrganisationCategory {
    /// Code, 2–40 characters `a-z0-9_`, unique.
    pub code: String,
    /// Dutch name, 1–100 characters.
    pub name_nl: String,
    /// English name, 1–100 characters.
    pub name_en: String,
}

/// A Dutch postal address as typed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AddressInput {
    /// Street.
    pub street: String,
    /// House number with addition, e.g. `12a`.
    pub house_number: String,
    /// Postcode, `1234 AB` (space optional).
    pub postcode: String,
    /// City.
    pub city: String,
    /// Exact latitude (WGS84), for integrations that geocode; without it Poort places the
    /// address at the centre of its postcode region.
    #[serde(default)]
    pub latitude: Option<f64>,
    /// Exact longitude (WGS84); given together with `latitude`.
    #[serde(default)]
    pub longitude: Option<f64>,
}

/// A stored address with the coordinates distances are computed from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Address {
    /// Street.
    pub street: String,
    /// House number with addition.
    pub house_number: String,
    /// Postcode, normalised `1234 AB`.
    pub postcode: String,
    /// City.
    pub city: String,
    /// Latitude (WGS84).
    pub latitude: f64,
    /// Longitude (WGS84).
    pub longitude: f64,
    /// Whether the coordinates are the postcode region's centre rather than the exact place.
    pub approximate: bool,
}

/// An organisation's care profile (`GET /api/v1/organisations/{id}/profile`): what every
/// signed-in person may read about an organisation to find it for a network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganisationProfile {
    /// Organisation id.
    pub id: Uuid,
    /// Name.
    pub name: String,
    /// Profile category code, if it takes part in care networks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// General phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// Body of `PUT /api/v1/organisations/{id}/profile`. The helpdesk sets everything; an
/// organisation's administrator sets its address and phone but not its category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OrganisationProfileUpdate {
    /// Category code (helpdesk only; an administrator must send the current one).
    #[serde(default)]
    pub category: Option<String>,
    /// Address.
    #[serde(default)]
    pub address: Option<AddressInput>,
    /// Phone number.
    #[serde(default)]
    pub phone: Option<String>,
}

/// A professional: a person's membership of a care organisation, with their function.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Professional {
    /// Membership id (what networks and teams refer to).
    pub membership_id: Uuid,
    /// Their account.
    pub user_id: Uuid,
    /// Full name.
    pub name: String,
    /// E-mail address.
    pub email: String,
    /// Function, e.g. "Wijkverpleegkundige".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
    /// Role in the organisation.
    pub role: Role,
    /// Organisation.
    pub organisation_id: Uuid,
    /// Organisation name.
    pub organisation_name: String,
    /// Teams they belong to.
    pub teams: Vec<TeamRef>,
    /// Whether they have activated their account (until then the profile exists and can
    /// be added to networks, but nobody can sign in with it).
    pub activated: bool,
}

/// A team named in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TeamRef {
    /// Team id.
    pub id: Uuid,
    /// Team name.
    pub name: String,
}

/// Body of `POST /api/v1/professionals` (an administrator, in their own organisation):
/// makes the profile at once and mails an invitation to activate the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewProfessional {
    /// Full name.
    pub name: String,
    /// E-mail address (the invitation goes here).
    pub email: String,
    /// Function, 1–100 characters.
    pub job_title: String,
    /// Role: `employee`, `care_coordinator`, `planner` or `administrator`.
    pub role: Role,
    /// Birth date, asked back at activation.
    pub birth_date: NaiveDate,
    /// Mobile number (required when the organisation activates with an SMS PIN).
    #[serde(default)]
    pub mobile: Option<String>,
    /// A team of the organisation to put them in.
    #[serde(default)]
    pub team_id: Option<Uuid>,
}

/// One member of a team (`GET /api/v1/teams/{id}/members`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TeamMember {
    /// Membership id.
    pub membership_id: Uuid,
    /// Full name.
    pub name: String,
    /// Function.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
    /// Whether they are a main contact (hoofdcontact) of the team: main contacts remove members.
    pub main_contact: bool,
}

/// Body of `POST /api/v1/teams/{id}/members` (an administrator).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewTeamMember {
    /// A membership of the team's organisation.
    pub membership_id: Uuid,
    /// Make them a main contact of the team.
    #[serde(default)]
    pub main_contact: bool,
}

/// Body of `PUT /api/v1/teams/{id}/members/{membership_id}` (an administrator).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TeamMemberUpdate {
    /// Whether they are a main contact of the team.
    pub main_contact: bool,
}

/// A client as the people in their network see them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CareClient {
    /// Id.
    pub id: Uuid,
    /// First name (roepnaam).
    pub first_name: String,
    /// Infix (tussenvoegsel), e.g. "van der".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub infix: Option<String>,
    /// Last name.
    pub last_name: String,
    /// Display name: first name, infix, last name.
    pub name: String,
    /// Birth date.
    pub birth_date: NaiveDate,
    /// Home address (distances are measured from here).
    pub address: Address,
    /// Switched-on modules: the organisation categories the network shows.
    pub modules: Vec<String>,
    /// The primary coordinator, shown next to the client's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_coordinator: Option<PersonRef>,
    /// Optimistic concurrency: send back with a modules change.
    pub version: i32,
    /// When the client was added.
    pub created_at: DateTime<Utc>,
}

/// A person named somewhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
// `absence::PersonRef` has the same name: without its own name the spec keeps only one.
#[cfg_attr(feature = "openapi", schema(as = NetworkPersonRef))]
pub struct PersonRef {
    /// Network entry id.
    pub entry_id: Uuid,
    /// Name.
    pub name: String,
    /// Organisation, for professionals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation_name: Option<String>,
}

/// One row of `GET /api/v1/care-clients`: the clients whose network the caller is in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CareClientSummary {
    /// Id.
    pub id: Uuid,
    /// Display name.
    pub name: String,
    /// Birth date.
    pub birth_date: NaiveDate,
    /// City.
    pub city: String,
    /// Primary coordinator's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_coordinator: Option<String>,
    /// How the caller is in the network.
    pub my_role: NetworkRole,
}

/// Body of `POST /api/v1/care-clients` (a care coordinator of an organisation with a
/// category): the caller becomes the primary coordinator and their organisation joins.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewCareClient {
    /// First name.
    pub first_name: String,
    /// Infix.
    #[serde(default)]
    pub infix: Option<String>,
    /// Last name.
    pub last_name: String,
    /// Birth date.
    pub birth_date: NaiveDate,
    /// Home address.
    pub address: AddressInput,
    /// Modules to switch on (category codes); the caller's own category is always on.
    #[serde(default)]
    pub modules: Vec<String>,
}

/// Body of `PUT /api/v1/care-clients/{id}/modules` (a coordinator of the client).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ModulesUpdate {
    /// The modules that are on after the change. A module whose organisations are still in
    /// the network cannot be switched off (remove them first).
    pub modules: Vec<String>,
    /// The client's `version` as read.
    pub version: i32,
}

/// What someone is in a client's network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NetworkRole {
    /// Coordinator (one of them is primary).
    Coordinator,
    /// A professional of an organisation in the network.
    Professional,
    /// An informal carer (mantelzorger).
    InformalCarer,
}

/// The kind of a network entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// An organisation (listed under its category).
    Organisation,
    /// A professional of an organisation in the network.
    Professional,
    /// An informal carer.
    InformalCarer,
}

/// One entry of a client's network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NetworkEntry {
    /// Entry id.
    pub id: Uuid,
    /// What it is.
    pub kind: EntryKind,
    /// Display name (organisation, professional or carer).
    pub name: String,
    /// The organisation (of an organisation or professional entry).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation_id: Option<Uuid>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation_name: Option<String>,
    /// Its category code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// The professional's membership.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub membership_id: Option<Uuid>,
    /// The informal carer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carer_id: Option<Uuid>,
    /// Function (professional) or relation to the client (carer, e.g. "dochter").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_text: Option<String>,
    /// Whether this professional coordinates the network.
    pub coordinator: bool,
    /// Whether this is the primary coordinator.
    pub primary: bool,
    /// How to reach them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Address (organisations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// Whether this entry is the caller.
    pub is_me: bool,
    /// When it was added.
    pub added_at: DateTime<Utc>,
}

/// `GET /api/v1/care-clients/{id}`: the client and everyone involved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Network {
    /// The client.
    pub client: CareClient,
    /// Everyone involved: organisations, professionals, informal carers.
    pub entries: Vec<NetworkEntry>,
    /// Whether the caller coordinates (may change the network).
    pub may_edit: bool,
}

/// Body of `POST /api/v1/care-clients/{id}/network/organisations`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AddOrganisation {
    /// An organisation whose category is one of the client's modules.
    pub organisation_id: Uuid,
}

/// Body of `POST /api/v1/care-clients/{id}/network/professionals`: adds the professional
/// (and their organisation, when it is not in the network yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AddProfessional {
    /// The professional's membership.
    pub membership_id: Uuid,
}

/// Body of `POST /api/v1/care-clients/{id}/network/informal-carers`: link an existing
/// carer (`existing_id`) or make a new one (`person`). A new person that looks like an
/// existing one is refused with 409 `similar_persons` (the body lists them) unless
/// `create_anyway` is set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AddInformalCarer {
    /// An existing informal carer to link.
    #[serde(default)]
    pub existing_id: Option<Uuid>,
    /// A new informal carer.
    #[serde(default)]
    pub person: Option<NewInformalCarer>,
    /// Relation to the client, e.g. "dochter", 1–60 characters.
    pub relation: String,
    /// Make the new person even though similar persons exist.
    #[serde(default)]
    pub create_anyway: bool,
}

/// Gender as the seed's form asks it (man/vrouw), optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// Man.
    Male,
    /// Vrouw.
    Female,
    /// Anders / onbekend.
    Other,
}

/// A new informal carer, and the body of `POST /api/v1/informal-carers/similar`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewInformalCarer {
    /// First name (roepnaam).
    pub first_name: String,
    /// Infix.
    #[serde(default)]
    pub infix: Option<String>,
    /// Last name.
    pub last_name: String,
    /// Gender.
    #[serde(default)]
    pub gender: Option<Gender>,
    /// E-mail address.
    pub email: String,
    /// Birth date.
    #[serde(default)]
    pub birth_date: Option<NaiveDate>,
    /// Phone number.
    #[serde(default)]
    pub phone: Option<String>,
}

/// An existing informal carer who may be the person being added
/// (`POST /api/v1/informal-carers/similar`, and the 409 body).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SimilarPerson {
    /// The carer's id, to pass as `existing_id`.
    pub id: Uuid,
    /// Name.
    pub name: String,
    /// E-mail, masked (`j…@example.nl`).
    pub email_hint: String,
    /// Birth year, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_year: Option<i32>,
    /// In how many networks they already are.
    pub networks: i64,
}

/// Body of `PUT /api/v1/care-clients/{id}/coordinators`: who coordinates after the change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CoordinatorsUpdate {
    /// Professional entries of the network that coordinate; exactly one primary.
    pub coordinators: Vec<CoordinatorChoice>,
}

/// One coordinator in [`CoordinatorsUpdate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CoordinatorChoice {
    /// A professional entry of the network whose role is `care_coordinator`.
    pub entry_id: Uuid,
    /// Whether they are the primary coordinator.
    #[serde(default)]
    pub primary: bool,
}

/// One suggestion of `GET /api/v1/care-clients/{id}/professional-search?q=`: nearest to
/// the client first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProfessionalHit {
    /// Membership id, to pass to `network/professionals`.
    pub membership_id: Uuid,
    /// Name.
    pub name: String,
    /// Function.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
    /// Organisation.
    pub organisation_id: Uuid,
    /// Organisation name.
    pub organisation_name: String,
    /// Organisation category.
    pub category: String,
    /// City of the organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Distance from the client's home in km (straight line), if both have coordinates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
    /// Whether their category is one of the client's modules (if not, adding them is refused).
    pub module_on: bool,
    /// Whether they are already in the network.
    pub in_network: bool,
}

/// One suggestion of `GET /api/v1/care-clients/{id}/organisation-search?category=&q=`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganisationHit {
    /// Organisation id.
    pub id: Uuid,
    /// Name.
    pub name: String,
    /// Category code.
    pub category: String,
    /// City.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Distance from the client's home in km.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
    /// Whether it is already in the network.
    pub in_network: bool,
}

/// One change of a network (`GET /api/v1/care-clients/{id}/history`), newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NetworkEvent {
    /// Id (sortable by time).
    pub id: Uuid,
    /// When.
    pub at: DateTime<Utc>,
    /// Who did it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_name: Option<String>,
    /// What happened: `client_created`, `modules_changed`, `organisation_added`,
    /// `organisation_removed`, `professional_added`, `professional_removed`,
    /// `carer_added`, `carer_removed`, `coordinators_changed`.
    pub action: String,
    /// Whom or what it concerned (a name, or module codes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
}
