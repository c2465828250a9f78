//! Demo data (`poort seed --demo`): realistic Dutch organisations and one
//! account per role, so a newcomer sees every capability working. Idempotent:
//! running it again changes nothing and prints the logins again.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set, TransactionTrait};
use shared::auth::{Right, Role};
use uuid::Uuid;

use crate::{
    auth::{email, password},
    db::Db,
    entities::{membership, organisation, team, team_member, user},
};

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "Demo-Poort-2026";

/// One demo account as printed for the newcomer.
pub struct DemoLogin {
    /// E-mail to sign in with.
    pub email: &'static str,
    /// Name.
    pub name: &'static str,
    /// What the account shows.
    pub what: &'static str,
}

struct Person {
    email: &'static str,
    name: &'static str,
    helpdesk: bool,
    what: &'static str,
    memberships: &'static [(&'static str, Role, &'static [Right], bool)],
    teams: &'static [(&'static str, &'static str)],
    /// In the 06-0000 range, which no Dutch operator hands out: demo SMS reach nobody.
    mobile: Option<&'static str>,
}

const ALL_RIGHTS: &[Right] = &[Right::ManageRights, Right::ManageEmployeeData, Right::ReportAbsence];

const ORGANISATIONS: &[&str] = &[
    "Poort Helpdesk",
    "Thuiszorg De Linde",
    "Bouwbedrijf Van Dijk B.V.",
    "ArboZorg Zeeland",
    crate::absence_statistics::demo::DE_VLINDER,
];

const TEAMS: &[(&str, &str)] = &[
    ("Thuiszorg De Linde", "Wijkteam Noord"),
    ("Thuiszorg De Linde", "Wijkteam Zuid"),
    ("Bouwbedrijf Van Dijk B.V.", "Uitvoering"),
    ("Bouwbedrijf Van Dijk B.V.", "Kantoor"),
    ("ArboZorg Zeeland", "Casemanagement"),
];

const PEOPLE: &[Person] = &[
    Person {
        email: "anna.jansen@delinde.example",
        name: "Anna Jansen",
        helpdesk: false,
        what: "medewerker thuiszorg (Thuiszorg De Linde)",
        memberships: &[("Thuiszorg De Linde", Role::Employee, &[], false)],
        teams: &[("Thuiszorg De Linde", "Wijkteam Noord")],
        mobile: Some("+31600000101"),
    },
    Person {
        email: "mark.devries@delinde.example",
        name: "Mark de Vries",
        helpdesk: false,
        what: "zorgcoördinator (Thuiszorg De Linde)",
        memberships: &[("Thuiszorg De Linde", Role::CareCoordinator, &[], false)],
        teams: &[("Thuiszorg De Linde", "Wijkteam Noord"), ("Thuiszorg De Linde", "Wijkteam Zuid")],
        mobile: Some("+31600000102"),
    },
    Person {
        email: "rachid.bouzid@delinde.example",
        name: "Rachid Bouzid",
        helpdesk: false,
        what: "zorgcoördinator, collega van Mark in Jokes netwerk (Thuiszorg De Linde)",
        memberships: &[("Thuiszorg De Linde", Role::CareCoordinator, &[], false)],
        // No team: the hours demo (and its tests) count the teams' people.
        teams: &[],
        mobile: Some("+31600000107"),
    },
    Person {
        email: "sophie.bakker@delinde.example",
        name: "Sophie Bakker",
        helpdesk: false,
        what: "planner (Thuiszorg De Linde)",
        memberships: &[("Thuiszorg De Linde", Role::Planner, &[], false)],
        teams: &[("Thuiszorg De Linde", "Wijkteam Noord"), ("Thuiszorg De Linde", "Wijkteam Zuid")],
        mobile: Some("+31600000103"),
    },
    Person {
        email: "daan.meijer@delinde.example",
        name: "Daan Meijer",
        helpdesk: false,
        what: "medewerker thuiszorg, weken ter goedkeuring (Thuiszorg De Linde)",
        memberships: &[("Thuiszorg De Linde", Role::Employee, &[], false)],
        teams: &[("Thuiszorg De Linde", "Wijkteam Noord")],
        mobile: Some("+31600000105"),
    },
    Person {
        email: "noor.willems@delinde.example",
        name: "Noor Willems",
        helpdesk: false,
        what: "medewerker thuiszorg, een afgewezen week (Thuiszorg De Linde)",
        memberships: &[("Thuiszorg De Linde", Role::Employee, &[], false)],
        teams: &[("Thuiszorg De Linde", "Wijkteam Zuid")],
        mobile: Some("+31600000106"),
    },
    Person {
        email: "fatima.elamrani@delinde.example",
        name: "Fatima El Amrani",
        helpdesk: false,
        what: "beheerder en hoofdcontact (Thuiszorg De Linde)",
        memberships: &[("Thuiszorg De Linde", Role::Administrator, ALL_RIGHTS, true)],
        teams: &[],
        mobile: Some("+31600000104"),
    },
    Person {
        email: "eva.visser@vandijkbouw.example",
        name: "Eva Visser",
        helpdesk: false,
        what: "werkgever, hoofdcontact met alle rechten (Bouwbedrijf Van Dijk)",
        memberships: &[("Bouwbedrijf Van Dijk B.V.", Role::Employer, ALL_RIGHTS, true)],
        teams: &[("Bouwbedrijf Van Dijk B.V.", "Kantoor")],
        mobile: Some("+31600000201"),
    },
    Person {
        email: "pieter.smit@vandijkbouw.example",
        name: "Pieter Smit",
        helpdesk: false,
        what: "medewerker bouw, meldt zich ziek (Bouwbedrijf Van Dijk)",
        memberships: &[("Bouwbedrijf Van Dijk B.V.", Role::Employee, &[], false)],
        teams: &[("Bouwbedrijf Van Dijk B.V.", "Uitvoering")],
        mobile: Some("+31600000202"),
    },
    Person {
        email: "lotte.mulder@arbozorg.example",
        name: "Lotte Mulder",
        helpdesk: false,
        what: "casemanager arbodienst, dossiers van Van Dijk en Kinderopvang De Vlinder",
        memberships: &[
            ("ArboZorg Zeeland", Role::CaseManager, &[], false),
            ("Bouwbedrijf Van Dijk B.V.", Role::CaseManager, &[], false),
            // A second employer, with the statistics fixture of 2025 (absence_statistics::demo).
            (crate::absence_statistics::demo::DE_VLINDER, Role::CaseManager, &[], false),
        ],
        teams: &[("ArboZorg Zeeland", "Casemanagement")],
        mobile: Some("+31600000301"),
    },
    Person {
        email: "jeroen.hendriks@arbozorg.example",
        name: "Jeroen Hendriks",
        helpdesk: false,
        what: "bedrijfsarts (ArboZorg Zeeland), voor Van Dijk",
        memberships: &[
            ("ArboZorg Zeeland", Role::OccupationalPhysician, &[], false),
            ("Bouwbedrijf Van Dijk B.V.", Role::OccupationalPhysician, &[], false),
        ],
        teams: &[],
        mobile: Some("+31600000302"),
    },
    Person {
        email: "helpdesk@poort.example",
        name: "Sanne de Wit",
        helpdesk: true,
        what: "platformhelpdesk",
        memberships: &[("Poort Helpdesk", Role::Administrator, ALL_RIGHTS, true)],
        teams: &[],
        mobile: None,
    },
];

/// The demo accounts, for printing.
pub fn demo_logins() -> Vec<DemoLogin> {
    PEOPLE.iter().map(|p| DemoLogin { email: p.email, name: p.name, what: p.what }).collect()
}

/// A made-up account (demo or benchmark data), with a known password.
pub struct Account<'a> {
    /// E-mail address.
    pub email: &'a str,
    /// Name.
    pub name: &'a str,
    /// Works at the platform helpdesk.
    pub helpdesk: bool,
    /// Mobile number (E.164), not yet proven.
    pub mobile: Option<&'a str>,
}

/// A made-up membership.
pub struct Membership<'a> {
    /// Role.
    pub role: Role,
    /// Rights.
    pub rights: &'a [Right],
    /// Main contact of the organisation.
    pub main_contact: bool,
    /// Contract minutes per week.
    pub contract_minutes: Option<i32>,
    /// Cost centre or placement.
    pub cost_centre: Option<&'a str>,
}

/// Inserts a made-up account with the password hash `phc` (none: a person who never
/// signs in, such as an employee who only appears in others' lists); returns its id.
pub async fn insert_user(
    db: &impl sea_orm::ConnectionTrait,
    a: &Account<'_>,
    phc: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Uuid, sea_orm::DbErr> {
    let id = Uuid::now_v7();
    user::ActiveModel {
        id: Set(id),
        email: Set(email::canonical(a.email)),
        name: Set(a.name.into()),
        password_hash: Set(phc.map(String::from)),
        locale: Set("nl".into()),
        helpdesk: Set(a.helpdesk),
        birth_date: Set(None),
        must_change_password: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
        mobile: Set(a.mobile.map(String::from)),
        mobile_verified_at: Set(None),
        sms_second_factor: Set(false),
    }
    .insert(db)
    .await?;
    Ok(id)
}

/// Inserts a made-up membership; returns its id.
pub async fn insert_membership(
    db: &impl sea_orm::ConnectionTrait,
    user_id: Uuid,
    organisation_id: Uuid,
    m: &Membership<'_>,
    at: DateTime<Utc>,
) -> Result<Uuid, sea_orm::DbErr> {
    let id = Uuid::now_v7();
    membership::ActiveModel {
        id: Set(id),
        user_id: Set(user_id),
        organisation_id: Set(organisation_id),
        role: Set(m.role.as_str().into()),
        rights: Set(Right::format_list(m.rights)),
        main_contact: Set(m.main_contact),
        contract_minutes: Set(m.contract_minutes),
        cost_centre: Set(m.cost_centre.map(String::from)),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(id)
}

/// Loads the demo data unless it is there already. Returns whether anything was added.
pub async fn demo(db: &Db, now: DateTime<Utc>, base_url: &str) -> Result<bool, String> {
    let err = |e: sea_orm::DbErr| e.to_string();
    let already = user::Entity::find()
        .filter(user::Column::Email.eq(PEOPLE[0].email))
        .one(&db.write)
        .await
        .map_err(err)?;
    if already.is_some() {
        return Ok(false);
    }
    // Hash before the transaction: argon2 is slow and SQLite has one writer.
    let mut hashes = Vec::with_capacity(PEOPLE.len());
    for _ in PEOPLE {
        hashes.push(password::hash(DEMO_PASSWORD.to_string()).await.map_err(|e| e.to_string())?);
    }
    let txn = db.write.begin().await.map_err(err)?;
    let mut orgs = std::collections::HashMap::new();
    for (i, name) in ORGANISATIONS.iter().enumerate() {
        let id = Uuid::now_v7();
        organisation::ActiveModel {
            id: Set(id),
            name: Set((*name).into()),
            // Van Dijk keeps the rule its old portal had (seed 004): 3 wrong passwords lock for an hour.
            lockout_failures: Set((*name == "Bouwbedrijf Van Dijk B.V.").then_some(3)),
            lockout_minutes: Set((*name == "Bouwbedrijf Van Dijk B.V.").then_some(60)),
            // …and its password rules (seed 004's legacy profile); the others use the standard.
            password_profile: Set(
                if *name == "Bouwbedrijf Van Dijk B.V." { "legacy" } else { "standard" }.into()
            ),
            password_min_length: Set(12),
            require_second_factor: Set(false),
            // …and activates invitees with an SMS PIN, as the staffing portal of seed 002 does.
            activation_proof: Set(if *name == "Bouwbedrijf Van Dijk B.V." {
                "sms_pin"
            } else {
                "birth_date"
            }
            .into()),
            created_at: Set(now + chrono::Duration::milliseconds(i as i64)),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .map_err(err)?;
        orgs.insert(*name, id);
    }
    let mut teams = std::collections::HashMap::new();
    for (org, name) in TEAMS {
        let id = Uuid::now_v7();
        team::ActiveModel {
            id: Set(id),
            organisation_id: Set(orgs[org]),
            name: Set((*name).into()),
            created_at: Set(now),
        }
        .insert(&txn)
        .await
        .map_err(err)?;
        teams.insert((*org, *name), id);
    }
    for (p, hash) in PEOPLE.iter().zip(hashes) {
        // Mobile numbers are known, not yet proven: "Mijn account" offers to confirm them.
        let account = Account { email: p.email, name: p.name, helpdesk: p.helpdesk, mobile: p.mobile };
        let user_id = insert_user(&txn, &account, Some(&hash), now).await.map_err(err)?;
        let mut membership_ids = std::collections::HashMap::new();
        for (i, (org, role, rights, main)) in p.memberships.iter().enumerate() {
            // The first membership is the one a sign-in lands in.
            let at = now + chrono::Duration::milliseconds(i as i64);
            let m = Membership {
                role: *role,
                rights,
                main_contact: *main,
                contract_minutes: None,
                cost_centre: None,
            };
            let id = insert_membership(&txn, user_id, orgs[org], &m, at).await.map_err(err)?;
            membership_ids.insert(*org, id);
        }
        for (org, name) in p.teams {
            team_member::ActiveModel {
                team_id: Set(teams[&(*org, *name)]),
                membership_id: Set(membership_ids[org]),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await
            .map_err(err)?;
        }
    }
    demo_invitation(&txn, &orgs, now, base_url).await.map_err(err)?;
    crate::hours::demo::load(&txn, &orgs, now).await.map_err(err)?;
    crate::absence::demo::load(&txn, &orgs, now).await.map_err(err)?;
    crate::news::demo::load(&txn, &orgs, now).await.map_err(err)?;
    crate::employees::demo::load(&txn, &orgs, now).await.map_err(err)?;
    crate::absence_statistics::demo::load(&txn, &orgs, now).await.map_err(err)?;
    txn.commit().await.map_err(err)?;
    Ok(true)
}

/// An open invitation to show.
struct DemoInvitation {
    organisation: &'static str,
    inviter: &'static str,
    name: &'static str,
    email: &'static str,
    birth_date: (i32, u32, u32),
    mobile: Option<&'static str>,
}

const INVITATIONS: &[DemoInvitation] = &[
    // Activates with the birth date (seed 001).
    DemoInvitation {
        organisation: "Thuiszorg De Linde",
        inviter: "Fatima El Amrani",
        name: "Sem de Boer",
        email: "sem.deboer@delinde.example",
        birth_date: (1985, 6, 3),
        mobile: None,
    },
    // Activates with a PIN by SMS (seed 002): opening the link sends it.
    DemoInvitation {
        organisation: "Bouwbedrijf Van Dijk B.V.",
        inviter: "Eva Visser",
        name: "Yusuf Demir",
        email: "yusuf.demir@vandijkbouw.example",
        birth_date: (1992, 9, 14),
        mobile: Some("+31600000203"),
    },
];

/// Open invitations at De Linde and Van Dijk, so the administrators' screens have
/// something to show and the helpdesk's outbox holds the invitation mails with their
/// activation links (and, once Yusuf's link is opened, his PIN by SMS).
async fn demo_invitation(
    txn: &impl sea_orm::ConnectionTrait,
    orgs: &std::collections::HashMap<&str, Uuid>,
    now: DateTime<Utc>,
    base_url: &str,
) -> Result<(), sea_orm::DbErr> {
    use crate::{
        auth::tokens,
        entities::invitation,
        notifications::{outbox, templates},
    };
    for d in INVITATIONS {
        let org = orgs[d.organisation];
        let token = tokens::random_token();
        let (y, m, day) = d.birth_date;
        invitation::ActiveModel {
            id: Set(Uuid::now_v7()),
            organisation_id: Set(org),
            email: Set(d.email.into()),
            name: Set(d.name.into()),
            role: Set(Role::Employee.as_str().into()),
            rights: Set(String::new()),
            birth_date: Set(chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()),
            token_hash: Set(tokens::token_hash(&token)),
            expires_at: Set(now + chrono::Duration::days(crate::accounts::invitations::VALID_DAYS)),
            wrong_proofs: Set(0),
            invited_by: Set(None),
            accepted_at: Set(None),
            revoked_at: Set(None),
            created_at: Set(now),
            mobile: Set(d.mobile.map(String::from)),
            main_contact: Set(false),
        }
        .insert(txn)
        .await?;
        let url = format!("{base_url}/activeren?token={token}");
        let mail = templates::invitation(
            shared::i18n::Locale::Nl,
            d.name,
            d.organisation.trim_end_matches(" B.V."),
            d.inviter,
            &url,
            crate::accounts::invitations::VALID_DAYS,
        );
        // Held, not sent: demo addresses must never reach a real mail server.
        outbox::hold_mail(txn, Some(org), d.email, mail, now).await?;
    }
    Ok(())
}
