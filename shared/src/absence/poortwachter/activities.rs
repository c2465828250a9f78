//! The activities of a case (DOMAIN.md's table) and the state of each.

use chrono::NaiveDate;

use super::{
    ActivityKind, ActivityState, CaseHistory, Owner, PlannedActivity, WAGE_CONTINUATION_DAYS,
    calendar::first_working_day_from, date_of_sick_day,
};

/// Weeks between evaluations of the plan of action: the law asks for "at least every
/// six weeks", counted here from the week the plan of action is due (week 8), so they
/// fall in weeks 14, 20, 26, …, 98; the last before week 104.
pub const EVALUATION_INTERVAL_WEEKS: u32 = 6;

/// The sick day that ends week `n`.
const fn end_of_week(n: u32) -> u32 {
    n * 7
}

/// The first sick day of week `n`.
const fn start_of_week(n: u32) -> u32 {
    (n - 1) * 7 + 1
}

/// What is due when, in sick days: (kind, evaluation number, due day, window start day).
/// The UWV report is not here: its due day depends on the calendar (see [`plan`]).
fn schedule() -> Vec<(ActivityKind, Option<u32>, u32, Option<u32>)> {
    use ActivityKind as K;
    let plan_week = 8;
    let mut rows = vec![
        (K::SickReport, None, 1, None),
        (K::ReportToArbodienst, None, end_of_week(1), None),
        (K::ProblemAnalysis, None, end_of_week(6), None),
        (K::PlanOfAction, None, end_of_week(plan_week), None),
    ];
    let evaluation_weeks = (1..)
        .map(|k| plan_week + k * EVALUATION_INTERVAL_WEEKS)
        .take_while(|&week| end_of_week(week) < WAGE_CONTINUATION_DAYS);
    rows.extend(evaluation_weeks.zip(1..).map(|(week, k)| (K::Evaluation, Some(k), end_of_week(week), None)));
    rows.extend([
        (K::FirstYearEvaluation, None, end_of_week(52), Some(start_of_week(46))),
        (K::UwvLetter88, None, end_of_week(88), None),
        (K::CurrentAssessment, None, end_of_week(91), Some(start_of_week(87))),
        (K::FinalEvaluation, None, end_of_week(91), Some(start_of_week(87))),
        (K::RivCopies, None, end_of_week(91), None),
        (K::WiaApplication, None, end_of_week(93), None),
        (K::EndOfWageContinuation, None, WAGE_CONTINUATION_DAYS, None),
    ]);
    rows
}

/// Every activity for the case, in due order (activities due on the same day in the
/// order of [`ActivityKind`]). Pure; recompute it whenever the history changes: keys
/// stay the same, so what was marked done stays done. Empty for a case without spells.
///
/// Due dates follow the case's clock ([`date_of_sick_day`]), so a relapse moves
/// everything after it by the gap, and a recovered case shows when each activity would
/// have been due had the last spell continued.
///
/// The 42nd-week report to UWV is due on the first working day after week 42: sick day
/// 295, moved on over weekends and public holidays. Its `sick_day` counts on from 295
/// as if the sickness continued. Should day 294 end a spell and a relapse follow, the
/// report is due from the relapse (day 295), not while the employee is at work.
pub fn plan(history: &CaseHistory) -> Vec<PlannedActivity> {
    let mut out: Vec<PlannedActivity> = schedule()
        .into_iter()
        .filter_map(|(kind, number, day, window)| {
            let key = match number {
                Some(k) => format!("{}_{k}", kind.as_str()),
                None => kind.as_str().to_owned(),
            };
            Some(PlannedActivity {
                key,
                kind,
                owner: kind.owner(),
                sick_day: day,
                window_from: match window {
                    Some(w) => Some(date_of_sick_day(history, w)?),
                    None => None,
                },
                due_on: date_of_sick_day(history, day)?,
            })
        })
        .collect();
    out.extend(uwv_report_42(history));
    // Stable: ties keep the schedule's order, which is the kinds' order.
    out.sort_by_key(|a| (a.due_on, a.sick_day, a.kind));
    out
}

/// The 42nd-week report: the first working day from sick day 295 on.
fn uwv_report_42(history: &CaseHistory) -> Option<PlannedActivity> {
    let kind = ActivityKind::UwvReport42;
    let day_after = end_of_week(42) + 1;
    let from = date_of_sick_day(history, day_after)?;
    let due_on = first_working_day_from(from)?;
    let moved = u32::try_from((due_on - from).num_days()).ok()?;
    Some(PlannedActivity {
        key: kind.as_str().to_owned(),
        kind,
        owner: kind.owner(),
        sick_day: day_after + moved,
        window_from: None,
        due_on,
    })
}

/// The state of one activity, `done` saying whether it has been marked done:
///
/// - `Done` if it is done; a done activity keeps its record whatever happens later.
/// - `Closed` if the case is fully recovered: the last spell has `recovered_on` and that
///   day has come (or the activity falls due on or after it: a recovery reported ahead,
///   "back on Monday", closes what would fall due after Monday now, and the rest when
///   Monday comes).
/// - `Closed` if employment ended (`out_of_employment_on`) before it fell due and it was
///   a duty that ends with employment ([`Owner::ends_with_employment`]): the employer's,
///   the physician's and case manager's, and wage continuation. UWV's and the
///   employee's stay.
/// - `Overdue` if its due date is before `today`; except the end of wage continuation,
///   a milestone nobody does, which is `Done` once passed.
/// - `Open` otherwise.
pub fn state_of(
    history: &CaseHistory,
    activity: &PlannedActivity,
    done: bool,
    today: NaiveDate,
) -> ActivityState {
    if done {
        return ActivityState::Done;
    }
    if let Some(recovered_on) = history.spells.last().and_then(|s| s.recovered_on)
        && (recovered_on <= today || activity.due_on >= recovered_on)
    {
        return ActivityState::Closed;
    }
    if let Some(last_day) = history.out_of_employment_on
        && activity.due_on > last_day
        && activity.owner.ends_with_employment()
    {
        return ActivityState::Closed;
    }
    match (activity.due_on < today, activity.owner) {
        (true, Owner::Nobody) => ActivityState::Done,
        (true, _) => ActivityState::Overdue,
        (false, _) => ActivityState::Open,
    }
}
