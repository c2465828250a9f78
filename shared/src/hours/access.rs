//! Who sees and decides on which weeks. Roles come from DOMAIN.md: care
//! coordinators approve, planners correct and plan, both for their own teams;
//! an organisation's administrators and employer staff see the whole organisation.

use crate::auth::Role;

/// How much of the organisation's hours someone sees, and what they may do there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HoursView {
    /// Sees other people's weeks at all.
    pub sees_others: bool,
    /// Limited to the workers of the teams they are in.
    pub own_teams_only: bool,
    /// Approves and rejects weeks.
    pub approves: bool,
    /// Accepts or declines corrections and puts planned hours in weeks.
    pub corrects: bool,
}

/// The view that goes with a role.
pub fn view_of(role: Role) -> HoursView {
    let none = HoursView { sees_others: false, own_teams_only: true, approves: false, corrects: false };
    match role {
        Role::CareCoordinator => {
            HoursView { sees_others: true, own_teams_only: true, approves: true, corrects: true }
        }
        Role::Planner => {
            HoursView { sees_others: true, own_teams_only: true, approves: false, corrects: true }
        }
        Role::Administrator | Role::Employer => {
            HoursView { sees_others: true, own_teams_only: false, approves: true, corrects: true }
        }
        Role::Employee | Role::CaseManager | Role::OccupationalPhysician | Role::InformalCarer => none,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_coordinators_and_the_employer_side_approve() {
        let approvers: Vec<Role> = Role::ALL.into_iter().filter(|r| view_of(*r).approves).collect();
        assert_eq!(approvers, vec![Role::Employer, Role::CareCoordinator, Role::Administrator]);
        assert!(view_of(Role::Planner).corrects && !view_of(Role::Planner).approves);
        assert!(!view_of(Role::Employee).sees_others);
        assert!(
            !view_of(Role::OccupationalPhysician).sees_others,
            "the arbodienst has no business with hours"
        );
    }
}
