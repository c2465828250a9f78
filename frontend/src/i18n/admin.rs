//! Texts of the administration ("Beheer") and helpdesk pages.

use shared::accounts::InvitationStatus;
use shared::auth::Right;
use shared::i18n::Locale;

/// The administration and helpdesk pages' fixed texts in one language.
pub struct AdminTexts {
    /// The language these texts are in.
    pub locale: Locale,
    pub admin_title: &'static str,
    pub admin_intro: &'static str,
    pub admin_sections: &'static str,
    pub no_access_title: &'static str,
    pub no_access_body: &'static str,
    pub load_more: &'static str,
    pub loading_more: &'static str,
    pub cancel: &'static str,
    pub save: &'static str,
    pub saving: &'static str,
    pub none: &'static str,
    pub you: &'static str,

    pub invitations_title: &'static str,
    pub invitations_about: &'static str,
    pub invite_heading: &'static str,
    pub invite_intro: &'static str,
    pub invite_birth_date_hint: &'static str,
    pub rights_label: &'static str,
    pub rights_hint: &'static str,
    pub invite_submit: &'static str,
    pub inviting: &'static str,
    pub sent_heading: &'static str,
    pub no_invitations: &'static str,
    pub status_label: &'static str,
    pub sent_on: &'static str,
    pub actions: &'static str,
    pub resend: &'static str,
    pub revoke: &'static str,
    pub revoke_confirm_yes: &'static str,
    pub birth_date_out_of_range: &'static str,
    pub conflict_member: &'static str,
    pub conflict_open: &'static str,
    pub conflict_closed: &'static str,
    pub forbidden_grant: &'static str,

    pub members_title: &'static str,
    pub members_about: &'static str,
    pub members_intro: &'static str,
    pub edit: &'static str,
    pub member_saved: &'static str,
    pub read_only_self: &'static str,
    pub read_only_main_contact: &'static str,
    pub no_members: &'static str,

    pub audit_title: &'static str,
    pub audit_about: &'static str,
    pub audit_intro: &'static str,
    pub time: &'static str,
    pub who: &'static str,
    pub action: &'static str,
    pub ip_address: &'static str,
    pub device: &'static str,
    pub unknown: &'static str,
    pub no_audit: &'static str,

    pub helpdesk_title: &'static str,
    pub helpdesk_intro: &'static str,
    pub outage_heading: &'static str,
    pub outage_intro: &'static str,
    pub outage_label: &'static str,
    pub outage_publish: &'static str,
    pub outage_clear: &'static str,
    pub outage_published: &'static str,
    pub outage_cleared: &'static str,
    pub outbox_heading: &'static str,
    pub outbox_intro: &'static str,
    pub recipient: &'static str,
    pub show_message: &'static str,
    pub hide_message: &'static str,
    pub no_messages: &'static str,
    pub delivery_error: &'static str,
    pub refresh: &'static str,
    pub characters_left: &'static str,
}

impl AdminTexts {
    fn pick(&self, nl: &'static str, en: &'static str) -> &'static str {
        if self.locale == Locale::Nl { nl } else { en }
    }

    /// The name of a right.
    pub fn right(&self, right: Right) -> &'static str {
        match right {
            Right::ManageRights => self.pick("Rechtenbeheer", "Manage rights"),
            Right::ManageEmployeeData => self.pick("Werknemergegevens beheren", "Manage employee data"),
            Right::ReportAbsence => self.pick("Ziek- en hersteldmelden", "Report sickness and recovery"),
        }
    }

    /// The rights as one readable list, or "Geen".
    pub fn rights_list(&self, rights: &[Right]) -> String {
        if rights.is_empty() {
            return self.none.into();
        }
        rights.iter().map(|r| self.right(*r)).collect::<Vec<_>>().join(", ")
    }

    /// Where an invitation stands.
    pub fn invitation_status(&self, status: InvitationStatus) -> &'static str {
        match status {
            InvitationStatus::Pending => self.pick("Verstuurd", "Sent"),
            InvitationStatus::Accepted => self.pick("Geaccepteerd", "Accepted"),
            InvitationStatus::Expired => self.pick("Verlopen", "Expired"),
            InvitationStatus::Revoked => self.pick("Ingetrokken", "Withdrawn"),
            InvitationStatus::Burned => self.pick("Geblokkeerd", "Blocked"),
        }
    }

    /// What an audit action means; unknown actions keep their raw name.
    /// The actions the audit filter offers (others are still listed, just not filterable by name).
    pub const AUDIT_ACTIONS: [&'static str; 17] = [
        "sign_in",
        "sign_in_failed",
        "sign_out",
        "account_locked",
        "password_reset_requested",
        "password_reset_completed",
        "rights_changed",
        "invitation_sent",
        "invitation_resent",
        "invitation_revoked",
        "invitation_accepted",
        "team_created",
        "switched_organisation",
        "refresh_token_reused",
        "employee_data_revealed",
        "contract_signed",
        "second_factor_removed",
    ];

    pub fn audit_action(&self, action: &str) -> String {
        let text = match action {
            "sign_in" => self.pick("Ingelogd", "Signed in"),
            "sign_in_failed" => self.pick("Inloggen mislukt", "Sign-in failed"),
            "sign_out" => self.pick("Uitgelogd", "Signed out"),
            "account_locked" => self.pick("Account geblokkeerd", "Account locked"),
            "password_reset_requested" => {
                self.pick("Nieuw wachtwoord aangevraagd", "Password reset requested")
            }
            "password_reset_completed" => self.pick("Nieuw wachtwoord ingesteld", "Password reset completed"),
            "rights_changed" => self.pick("Rol of rechten gewijzigd", "Role or rights changed"),
            "invitation_sent" => self.pick("Uitnodiging verstuurd", "Invitation sent"),
            "invitation_resent" => self.pick("Uitnodiging opnieuw verstuurd", "Invitation sent again"),
            "invitation_revoked" => self.pick("Uitnodiging ingetrokken", "Invitation withdrawn"),
            "invitation_accepted" => self.pick("Uitnodiging geaccepteerd", "Invitation accepted"),
            "team_created" => self.pick("Team aangemaakt", "Team created"),
            "switched_organisation" => self.pick("Van organisatie gewisseld", "Switched organisation"),
            "employee_data_revealed" => self.pick("BSN/IBAN ingezien", "BSN/IBAN revealed"),
            "contract_signed" => self.pick("Contract ondertekend", "Contract signed"),
            "second_factor_removed" => self.pick("Authenticator-app verwijderd", "Authenticator app removed"),
            "refresh_token_reused" => self.pick(
                "Sessie beëindigd: oude sessiesleutel hergebruikt",
                "Session ended: old session key reused",
            ),
            other => return other.to_string(),
        };
        text.to_string()
    }

    /// The state of an outbox message; unknown states keep their raw name.
    pub fn outbox_status(&self, status: &str) -> String {
        let text = match status {
            "sent" => self.pick("Verzonden", "Sent"),
            "held" => self.pick("Vastgehouden", "Held"),
            "pending" => self.pick("In de wachtrij", "Queued"),
            "failed" => self.pick("Mislukt", "Failed"),
            other => return other.to_string(),
        };
        text.to_string()
    }

    /// "De uitnodiging is verstuurd naar …".
    pub fn invitation_sent_to(&self, email: &str) -> String {
        match self.locale {
            Locale::Nl => format!("De uitnodiging is verstuurd naar {email}."),
            Locale::En => format!("The invitation has been sent to {email}."),
        }
    }

    /// "Er is een nieuwe link verstuurd naar …".
    pub fn invitation_resent_to(&self, email: &str) -> String {
        match self.locale {
            Locale::Nl => {
                format!("Er is een nieuwe link verstuurd naar {email}. De vorige link werkt niet meer.")
            }
            Locale::En => format!("A new link has been sent to {email}. The previous link no longer works."),
        }
    }

    /// The question before withdrawing an invitation.
    pub fn revoke_question(&self, name: &str) -> String {
        match self.locale {
            Locale::Nl => format!("De uitnodiging van {name} intrekken? De link werkt daarna niet meer."),
            Locale::En => format!("Withdraw {name}'s invitation? The link will stop working."),
        }
    }

    /// After withdrawing.
    pub fn revoked_for(&self, name: &str) -> String {
        match self.locale {
            Locale::Nl => format!("De uitnodiging van {name} is ingetrokken."),
            Locale::En => format!("{name}'s invitation has been withdrawn."),
        }
    }

    /// Accessible name of a row's button, e.g. "Wijzigen: Anna Jansen".
    pub fn action_for(&self, action: &str, name: &str) -> String {
        format!("{action}: {name}")
    }
}

/// Nederlands.
pub static NL: AdminTexts = AdminTexts {
    locale: Locale::Nl,
    admin_title: "Beheer",
    admin_intro: "Nodig mensen uit, beheer hun rol en rechten en zie wie wat deed in uw organisatie.",
    admin_sections: "Onderdelen van beheer",
    no_access_title: "Geen toegang",
    no_access_body: "U heeft voor dit onderdeel het recht Rechtenbeheer nodig. Vraag de hoofdcontactpersoon van uw organisatie.",
    load_more: "Meer laden",
    loading_more: "Bezig met laden…",
    cancel: "Annuleren",
    save: "Opslaan",
    saving: "Bezig met opslaan…",
    none: "Geen",
    you: "U",

    invitations_title: "Uitnodigingen",
    invitations_about: "Nodig nieuwe medewerkers uit en volg hun uitnodiging.",
    invite_heading: "Iemand uitnodigen",
    invite_intro: "De persoon ontvangt een e-mail met een link. Bij het activeren bevestigt hij of zij de geboortedatum en kiest een wachtwoord.",
    invite_birth_date_hint: "Wordt bij het activeren als controle gevraagd.",
    rights_label: "Rechten",
    rights_hint: "U kunt alleen rechten geven die u zelf heeft.",
    invite_submit: "Uitnodiging versturen",
    inviting: "Bezig met versturen…",
    sent_heading: "Verstuurde uitnodigingen",
    no_invitations: "Er zijn nog geen uitnodigingen verstuurd.",
    status_label: "Status",
    sent_on: "Verstuurd op",
    actions: "Acties",
    resend: "Opnieuw versturen",
    revoke: "Intrekken",
    revoke_confirm_yes: "Ja, intrekken",
    birth_date_out_of_range: "Vul een datum in tussen 1900 en vandaag.",
    conflict_member: "Deze persoon heeft al een account in uw organisatie.",
    conflict_open: "Voor dit adres staat al een uitnodiging open. Verstuur die opnieuw in de lijst hieronder.",
    conflict_closed: "Deze uitnodiging is al geaccepteerd of ingetrokken.",
    forbidden_grant: "U mag deze rol of deze rechten niet toekennen.",

    members_title: "Medewerkers en rechten",
    members_about: "Bekijk wie toegang heeft en wijzig rollen en rechten.",
    members_intro: "Wijzigingen gelden direct bij de volgende handeling van de medewerker. Uw eigen rechten en die van de hoofdcontactpersoon wijzigt u hier niet.",
    edit: "Wijzigen",
    member_saved: "De wijziging is opgeslagen.",
    read_only_self: "Uw eigen rol en rechten kunt u niet zelf wijzigen.",
    read_only_main_contact: "De rechten van de hoofdcontactpersoon wijzigt alleen de helpdesk van Poort.",
    no_members: "Er zijn nog geen medewerkers.",

    audit_title: "Auditlog",
    audit_about: "Zie wie wanneer inlogde en wat er aan accounts en rechten veranderde.",
    audit_intro: "Inloggen, blokkades, nieuwe wachtwoorden, uitnodigingen en gewijzigde rechten in uw organisatie; het nieuwste bovenaan. Tijden in Nederlandse tijd.",
    time: "Tijd",
    who: "Wie",
    action: "Actie",
    ip_address: "IP-adres",
    device: "Apparaat",
    unknown: "Onbekend",
    no_audit: "Er is nog niets vastgelegd.",

    helpdesk_title: "Helpdesk",
    helpdesk_intro: "Meld storingen aan alle gebruikers, maak organisaties aan en lees de berichten die Poort verstuurde.",
    outage_heading: "Storingsmelding",
    outage_intro: "Deze melding staat bovenaan elke pagina van Poort, ook op de inlogpagina.",
    outage_label: "Melding",
    outage_publish: "Melding plaatsen",
    outage_clear: "Melding weghalen",
    outage_published: "De melding staat nu op elke pagina.",
    outage_cleared: "De melding is weggehaald.",
    outbox_heading: "Berichten (outbox)",
    outbox_intro: "E-mails en sms'jes die Poort verstuurde of vasthoudt, het nieuwste bovenaan. Zonder ingestelde mailserver of sms-dienst blijven ze hier vastgehouden; u kunt de links en pincodes erin dan zelf doorgeven.",
    recipient: "Ontvanger",
    show_message: "Bericht tonen",
    hide_message: "Bericht verbergen",
    no_messages: "Er zijn nog geen berichten.",
    delivery_error: "Laatste fout",
    refresh: "Vernieuwen",
    characters_left: "tekens over",
};

/// English.
pub static EN: AdminTexts = AdminTexts {
    locale: Locale::En,
    admin_title: "Administration",
    admin_intro: "Invite people, manage their role and rights and see who did what in your organisation.",
    admin_sections: "Administration sections",
    no_access_title: "No access",
    no_access_body: "This part needs the Manage rights right. Ask your organisation's main contact.",
    load_more: "Load more",
    loading_more: "Loading…",
    cancel: "Cancel",
    save: "Save",
    saving: "Saving…",
    none: "None",
    you: "You",

    invitations_title: "Invitations",
    invitations_about: "Invite new colleagues and follow their invitation.",
    invite_heading: "Invite someone",
    invite_intro: "The person receives an e-mail with a link. When activating, they confirm their birth date and choose a password.",
    invite_birth_date_hint: "Asked as a check when activating.",
    rights_label: "Rights",
    rights_hint: "You can only grant rights you hold yourself.",
    invite_submit: "Send invitation",
    inviting: "Sending…",
    sent_heading: "Sent invitations",
    no_invitations: "No invitations have been sent yet.",
    status_label: "Status",
    sent_on: "Sent on",
    actions: "Actions",
    resend: "Send again",
    revoke: "Withdraw",
    revoke_confirm_yes: "Yes, withdraw",
    birth_date_out_of_range: "Enter a date between 1900 and today.",
    conflict_member: "This person already has an account in your organisation.",
    conflict_open: "This address already has an open invitation. Send it again from the list below.",
    conflict_closed: "This invitation was accepted or withdrawn already.",
    forbidden_grant: "You may not grant this role or these rights.",

    members_title: "People and rights",
    members_about: "See who has access and change roles and rights.",
    members_intro: "Changes apply from the person's very next action. You cannot change your own rights or the main contact's here.",
    edit: "Edit",
    member_saved: "The change has been saved.",
    read_only_self: "You cannot change your own role and rights.",
    read_only_main_contact: "Only the Poort helpdesk changes the main contact's rights.",
    no_members: "There are no members yet.",

    audit_title: "Audit log",
    audit_about: "See who signed in when and what changed in accounts and rights.",
    audit_intro: "Sign-ins, locks, password resets, invitations and changed rights in your organisation; newest first. Times in Dutch time.",
    time: "Time",
    who: "Who",
    action: "Action",
    ip_address: "IP address",
    device: "Device",
    unknown: "Unknown",
    no_audit: "Nothing has been recorded yet.",

    helpdesk_title: "Helpdesk",
    helpdesk_intro: "Tell every user about outages, create organisations and read the messages Poort sent.",
    outage_heading: "Outage message",
    outage_intro: "This message is shown at the top of every Poort page, including the sign-in page.",
    outage_label: "Message",
    outage_publish: "Publish message",
    outage_clear: "Remove message",
    outage_published: "The message is now shown on every page.",
    outage_cleared: "The message has been removed.",
    outbox_heading: "Messages (outbox)",
    outbox_intro: "E-mails and text messages Poort sent or holds, newest first. Without a configured mail server or SMS provider they are held here; you can then pass on the links and PINs yourself.",
    recipient: "Recipient",
    show_message: "Show message",
    hide_message: "Hide message",
    no_messages: "There are no messages yet.",
    delivery_error: "Last error",
    refresh: "Refresh",
    characters_left: "characters left",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_and_actions_are_translated_and_unknown_ones_kept() {
        assert_eq!(NL.invitation_status(InvitationStatus::Burned), "Geblokkeerd");
        assert_eq!(NL.audit_action("sign_in"), "Ingelogd");
        assert_eq!(EN.audit_action("something_new"), "something_new");
        assert_eq!(NL.outbox_status("held"), "Vastgehouden");
        assert_eq!(NL.rights_list(&[]), "Geen");
        assert_eq!(
            EN.rights_list(&[Right::ManageRights, Right::ReportAbsence]),
            "Manage rights, Report sickness and recovery"
        );
    }
}
