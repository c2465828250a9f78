//! The poortwachter stage an open case is in, for the management report's "open cases by
//! stage": where in the Wet verbetering poortwachter timeline the case stands, by the
//! number of sick days counted on the case's clock (gaps between spells left out, as for
//! the activities' due dates; see `poortwachter::clock`).

use serde::{Deserialize, Serialize};

/// A stretch of the poortwachter timeline. Each starts where the law asks for the next
/// thing, so a manager sees which cases are about to need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PoortwachterStage {
    /// Weeks 1–6: reported sick, reported to the arbodienst; the problem analysis is due
    /// by the end of week 6.
    FirstWeeks,
    /// Weeks 7–8: problem analysis done or overdue; the plan of action is due in week 8.
    PlanOfAction,
    /// Weeks 9–42: re-integration under the plan, evaluated every six weeks.
    Reintegration,
    /// Weeks 43–52: reported to UWV (42nd week); the first-year evaluation is due.
    FirstYearEvaluation,
    /// Weeks 53–87: the second year of sickness.
    SecondYear,
    /// Weeks 88–104: final evaluation, re-integration report and the WIA application.
    WiaApplication,
    /// Past 104 weeks: wage continuation has ended (or UWV extended it).
    // snake_case alone would give `beyond104_weeks`.
    #[serde(rename = "beyond_104_weeks")]
    Beyond104Weeks,
}

impl PoortwachterStage {
    /// In timeline order.
    pub const ALL: [PoortwachterStage; 7] = [
        Self::FirstWeeks,
        Self::PlanOfAction,
        Self::Reintegration,
        Self::FirstYearEvaluation,
        Self::SecondYear,
        Self::WiaApplication,
        Self::Beyond104Weeks,
    ];

    /// The stage of a case on its `sick_day`-th sick day (1 = first sick day; 0, not yet
    /// sick, counts as the first stage).
    pub fn of_sick_day(sick_day: u32) -> Self {
        match sick_day.div_ceil(7) {
            0..=6 => Self::FirstWeeks,
            7..=8 => Self::PlanOfAction,
            9..=42 => Self::Reintegration,
            43..=52 => Self::FirstYearEvaluation,
            53..=87 => Self::SecondYear,
            88..=104 => Self::WiaApplication,
            _ => Self::Beyond104Weeks,
        }
    }

    /// The weeks of sickness the stage spans (1 = the first week), both included; the
    /// last stage has no end.
    pub fn weeks(self) -> (u32, Option<u32>) {
        match self {
            Self::FirstWeeks => (1, Some(6)),
            Self::PlanOfAction => (7, Some(8)),
            Self::Reintegration => (9, Some(42)),
            Self::FirstYearEvaluation => (43, Some(52)),
            Self::SecondYear => (53, Some(87)),
            Self::WiaApplication => (88, Some(104)),
            Self::Beyond104Weeks => (105, None),
        }
    }

    /// Stable name, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::FirstWeeks => "first_weeks",
            Self::PlanOfAction => "plan_of_action",
            Self::Reintegration => "reintegration",
            Self::FirstYearEvaluation => "first_year_evaluation",
            Self::SecondYear => "second_year",
            Self::WiaApplication => "wia_application",
            Self::Beyond104Weeks => "beyond_104_weeks",
        }
    }
}

/// How many open cases are in a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StageCount {
    /// The stage.
    pub stage: PoortwachterStage,
    /// Open cases in it today.
    pub cases: u32,
}

/// Every stage in order with its number of cases, from (sick days so far, cases) pairs.
pub fn count_by_stage(sick_days: impl IntoIterator<Item = (u32, u32)>) -> Vec<StageCount> {
    let mut out: Vec<StageCount> =
        PoortwachterStage::ALL.iter().map(|&stage| StageCount { stage, cases: 0 }).collect();
    for (day, cases) in sick_days {
        let stage = PoortwachterStage::of_sick_day(day);
        if let Some(c) = out.iter_mut().find(|c| c.stage == stage) {
            c.cases += cases;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_start_at_the_weeks_the_law_names() {
        use PoortwachterStage::*;
        let cases = [
            (0, FirstWeeks),
            (1, FirstWeeks),
            (42, FirstWeeks),
            (43, PlanOfAction),
            (56, PlanOfAction),
            (57, Reintegration),
            (294, Reintegration),
            (295, FirstYearEvaluation),
            (364, FirstYearEvaluation),
            (365, SecondYear),
            (609, SecondYear),
            (610, WiaApplication),
            (728, WiaApplication),
            (729, Beyond104Weeks),
        ];
        for (day, stage) in cases {
            assert_eq!(PoortwachterStage::of_sick_day(day), stage, "sick day {day}");
        }
    }

    #[test]
    fn the_weeks_of_a_stage_are_the_weeks_its_sick_days_fall_in() {
        for stage in PoortwachterStage::ALL {
            let (first, last) = stage.weeks();
            assert_eq!(PoortwachterStage::of_sick_day(7 * first - 6), stage);
            if let Some(last) = last {
                assert_eq!(PoortwachterStage::of_sick_day(7 * last), stage);
                assert_ne!(PoortwachterStage::of_sick_day(7 * last + 1), stage);
            }
        }
    }

    #[test]
    fn json_names_are_the_stable_names() {
        for stage in PoortwachterStage::ALL {
            assert_eq!(serde_json::to_value(stage).unwrap(), stage.as_str());
        }
    }

    #[test]
    fn counts_every_stage_in_order_even_when_empty() {
        let counts = count_by_stage([(3, 2), (40, 1), (300, 4), (800, 1)]);
        let got: Vec<(&str, u32)> = counts.iter().map(|c| (c.stage.as_str(), c.cases)).collect();
        assert_eq!(
            got,
            vec![
                ("first_weeks", 3),
                ("plan_of_action", 0),
                ("reintegration", 0),
                ("first_year_evaluation", 4),
                ("second_year", 0),
                ("wia_application", 0),
                ("beyond_104_weeks", 1),
            ]
        );
    }
}
