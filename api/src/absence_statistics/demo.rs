//! A demo organisation whose absence statistics can be checked by hand (`poort seed
//! --demo`): Kinderopvang De Vlinder, served by ArboZorg's case manager, with eight
//! employees on fixed dates in calendar year 2025, every case closed since. The other
//! demo data moves with today; this does not, so the browser walk checks the statistics
//! for 2025 against the numbers below, computed by hand.
//!
//! Full time is 36 hours. Year 2025 has 365 days.
//!
//! | who   | employed in 2025 (days × factor)       | sick days in 2025 (× factor × incapacity)                  |
//! |-------|----------------------------------------|------------------------------------------------------------|
//! | Ans   | 365 × 1 (36/36) = 365                  | 3–16 Mar: 14                                               |
//! | Bert  | 365 × 0.5 (18/36) = 182.5              | 5–14 May: 10 × 0.5 = 5                                     |
//! | Cor   | 365 × 1 = 365                          | 1–30 Sep: 30; 1–31 Oct at 50 % recovered: 31 × 0.5 = 15.5  |
//! | Daan  | 365 × 1 = 365                          | 15–31 Dec: 17 (sick until 11 Jan 2026)                     |
//! | Eef   | joins 1 Jul: 184 × 0.75 (27/36) = 138  | 6–9 Oct: 4 × 0.75 = 3                                      |
//! | Fleur | leaves 30 Jun: 181 × 1 = 181           | —                                                          |
//! | Gijs  | 365 × 1 = 365                          | 1–5 Jan: 5 (sick since 20 Dec 2024)                        |
//! | Hanna | 365 × 1 = 365                          | pregnancy leave 7 Apr–27 Jul: 112 (not sickness)           |
//!
//! - Weighted employed days: 5 × 365 + 182.5 + 138 + 181 = 2326.5; weighted sick days:
//!   14 + 5 + 45.5 + 17 + 3 + 5 = 89.5, with Hanna's leave 201.5. Absence rate (with
//!   pregnancy leave) = 201.5 ÷ 2326.5 × 100 = 8.6610… % ("8,66 %"); without it 89.5 ÷
//!   2326.5 × 100 = 3.8469… % ("3,85 %").
//! - Sick reports in 2025: Ans, Bert, Cor, Daan, Eef = 5 (Gijs's began in 2024; leave is no
//!   sick report). Person-days 6 × 365 + 184 + 181 = 2555, so the average headcount is
//!   2555 ÷ 365 = 7 and the report frequency 5 ÷ 7 ÷ 1 = 0.7142… ("0,71").
//! - Zero absence: 8 employees, Fleur, Gijs and Hanna without a sick report in 2025: 3 ÷ 8 ×
//!   100 = 37.5 % ("37,5 %").
//! - Ended in 2025 (last sick day in the year): Ans 14, Bert 10, Cor 61 (1 Sep–31 Oct),
//!   Eef 4, Gijs 17 (20 Dec–5 Jan) days: 106 ÷ 5 = 21.2 days average duration.
//! - Duration classes: short (1–14) 3 ended (Ans, Bert, Eef); medium (15–91) 2 ended (Cor,
//!   Gijs) and 1 running on 31 December (Daan, 17 days so far); long and extra long none.
//! - Open today: none (Daan recovered on 12 January 2026).

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseTransaction, DbErr, Set};
use shared::auth::Role;
use uuid::Uuid;

use crate::{
    employees::validate::sort_name,
    entities::{absence_case, absence_recovery, absence_spell, employee_record, employment_period},
    seed,
};

/// The organisation, as the seed names it.
pub const DE_VLINDER: &str = "Kinderopvang De Vlinder";

const FULL_TIME: i32 = 36;

/// (first sick day, recovered on, partial recovery (from, percent recovered)).
type Case = (&'static str, &'static str, Option<(&'static str, i32)>);

struct Employee {
    first: &'static str,
    last: &'static str,
    /// First and last day employed, contract hours.
    employed: (&'static str, Option<&'static str>, i32),
    case: Option<Case>,
    /// The case is pregnancy or maternity leave.
    pregnancy_leave: bool,
}

const EMPLOYEES: [Employee; 8] = [
    Employee {
        first: "Ans",
        last: "Vermeulen",
        employed: ("2018-04-01", None, 36),
        case: Some(("2025-03-03", "2025-03-17", None)),
        pregnancy_leave: false,
    },
    Employee {
        first: "Bert",
        last: "Wouters",
        employed: ("2020-01-01", None, 18),
        case: Some(("2025-05-05", "2025-05-15", None)),
        pregnancy_leave: false,
    },
    Employee {
        first: "Cor",
        last: "Lambrechts",
        employed: ("2016-09-01", None, 36),
        case: Some(("2025-09-01", "2025-11-01", Some(("2025-10-01", 50)))),
        pregnancy_leave: false,
    },
    Employee {
        first: "Daan",
        last: "Verhoeven",
        employed: ("2015-02-01", None, 36),
        case: Some(("2025-12-15", "2026-01-12", None)),
        pregnancy_leave: false,
    },
    Employee {
        first: "Eef",
        last: "Martens",
        employed: ("2025-07-01", None, 27),
        case: Some(("2025-10-06", "2025-10-10", None)),
        pregnancy_leave: false,
    },
    Employee {
        first: "Fleur",
        last: "Peeters",
        employed: ("2019-01-01", Some("2025-06-30"), 36),
        case: None,
        pregnancy_leave: false,
    },
    Employee {
        first: "Gijs",
        last: "Claes",
        employed: ("2017-03-01", None, 36),
        case: Some(("2024-12-20", "2025-01-06", None)),
        pregnancy_leave: false,
    },
    Employee {
        first: "Hanna",
        last: "Smits",
        employed: ("2021-05-01", None, 36),
        case: Some(("2025-04-07", "2025-07-28", None)),
        pregnancy_leave: true,
    },
];

/// A sick report with fixed dates, as the database keeps it.
pub struct PastCase<'a> {
    /// The employer.
    pub organisation_id: Uuid,
    /// The employee.
    pub user_id: Uuid,
    /// Its number.
    pub case_number: &'a str,
    /// Its spells (first sick day, recovered on); the last without recovery keeps it open.
    pub spells: &'a [(NaiveDate, Option<NaiveDate>)],
    /// Partial recoveries: from, percent recovered.
    pub steps: &'a [(NaiveDate, i32)],
    /// It is pregnancy or maternity leave.
    pub pregnancy_leave: bool,
}

/// Inserts a case with its spells and recovery steps as they are stored, without the
/// poortwachter steps and mails reporting sick brings: fixtures whose dates lie in the
/// past (this demo, the statistics tests) need only what the figures are made of.
pub async fn insert_past_case(
    db: &impl ConnectionTrait,
    c: &PastCase<'_>,
    now: DateTime<Utc>,
) -> Result<Uuid, DbErr> {
    let (Some(&(first, _)), Some(&(_, recovered))) = (c.spells.first(), c.spells.last()) else {
        return Err(DbErr::Custom(format!("case {} without spells", c.case_number)));
    };
    let case_id = Uuid::now_v7();
    absence_case::ActiveModel {
        id: Set(case_id),
        organisation_id: Set(c.organisation_id),
        user_id: Set(Some(c.user_id)),
        case_number: Set(c.case_number.into()),
        status: Set(if recovered.is_some() { "closed" } else { "open" }.into()),
        first_sick_day: Set(first),
        incapacity_percent: Set(100),
        recovered_on: Set(recovered),
        ended_on: Set(recovered),
        pregnancy_leave: Set(c.pregnancy_leave),
        reported_by: Set(c.user_id),
        reported_at: Set(now),
        version: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    for &(first_day, recovered_on) in c.spells {
        absence_spell::ActiveModel {
            id: Set(Uuid::now_v7()),
            case_id: Set(case_id),
            first_day: Set(first_day),
            recovered_on: Set(recovered_on),
            hours_worked_minutes: Set(None),
            created_at: Set(now),
        }
        .insert(db)
        .await?;
    }
    for &(from, percent) in c.steps {
        absence_recovery::ActiveModel {
            id: Set(Uuid::now_v7()),
            case_id: Set(case_id),
            from_date: Set(from),
            percent: Set(percent),
            reported_by: Set(c.user_id),
            reported_at: Set(now),
        }
        .insert(db)
        .await?;
    }
    Ok(case_id)
}

fn date(s: &str) -> Result<NaiveDate, DbErr> {
    s.parse().map_err(|_| DbErr::Custom(format!("demo date {s}")))
}

/// Loads De Vlinder's employees and cases (inside the demo seed's transaction).
pub async fn load(
    txn: &DatabaseTransaction,
    orgs: &HashMap<&str, Uuid>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let Some(&org) = orgs.get(DE_VLINDER) else { return Ok(()) };
    for (n, e) in EMPLOYEES.iter().enumerate() {
        let name = format!("{} {}", e.first, e.last);
        let email = format!("{}.{}@devlinder.example", e.first.to_lowercase(), e.last.to_lowercase());
        let account = seed::Account { email: &email, name: &name, helpdesk: false, mobile: None };
        let user = seed::insert_user(txn, &account, None, now).await?;
        let (starts, ends, hours) = e.employed;
        let m = seed::Membership {
            role: Role::Employee,
            rights: &[],
            main_contact: false,
            contract_minutes: Some(hours * 60),
            cost_centre: None,
        };
        let membership = seed::insert_membership(txn, user, org, &m, now).await?;
        let record = employee_record::ActiveModel {
            id: Set(Uuid::now_v7()),
            organisation_id: Set(org),
            membership_id: Set(membership),
            user_id: Set(user),
            personnel_number: Set(format!("V-{:03}", n + 1)),
            first_name: Set(e.first.into()),
            last_name: Set(e.last.into()),
            sort_name: Set(sort_name(e.first, None, e.last)),
            tax_credit: Set(true),
            department: Set(Some("Opvang".into())),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        employment_period::ActiveModel {
            id: Set(Uuid::now_v7()),
            record_id: Set(record.id),
            organisation_id: Set(org),
            starts_on: Set(date(starts)?),
            ends_on: Set(ends.map(date).transpose()?),
            contract_minutes: Set(hours * 60),
            full_time_minutes: Set(FULL_TIME * 60),
            job_title: Set(Some("Pedagogisch medewerker".into())),
        }
        .insert(txn)
        .await?;
        if let Some((first, recovered, step)) = e.case {
            let steps: Vec<(NaiveDate, i32)> = step
                .iter()
                .map(|&(from, percent)| Ok((date(from)?, percent)))
                .collect::<Result<_, DbErr>>()?;
            let case = PastCase {
                organisation_id: org,
                user_id: user,
                case_number: &format!("VL-{}", n + 1),
                spells: &[(date(first)?, Some(date(recovered)?))],
                steps: &steps,
                pregnancy_leave: e.pregnancy_leave,
            };
            insert_past_case(txn, &case, now).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use shared::absence::statistics::{
        DEFAULT_DURATION_CLASSES, EmployeeAbsence, Employment, Period, SickCase, statistics,
    };

    use super::*;

    /// The fixture through the pure rules gives the numbers computed by hand above.
    #[test]
    fn the_rules_give_the_hand_computed_figures() {
        let d = |s: &str| date(s).unwrap();
        let employees: Vec<EmployeeAbsence> = EMPLOYEES
            .iter()
            .map(|e| EmployeeAbsence {
                employments: vec![Employment {
                    starts_on: d(e.employed.0),
                    ends_on: e.employed.1.map(d),
                    contract_minutes: e.employed.2 * 60,
                    full_time_minutes: FULL_TIME * 60,
                }],
                cases: e
                    .case
                    .iter()
                    .map(|&(first, recovered, step)| SickCase {
                        first_sick_day: d(first),
                        recovered_on: Some(d(recovered)),
                        partial_recoveries: step.iter().map(|&(from, p)| (d(from), p as u8)).collect(),
                        pregnancy_related: e.pregnancy_leave,
                    })
                    .collect(),
            })
            .collect();
        let s = statistics(&employees, Period::year(2025).unwrap(), &DEFAULT_DURATION_CLASSES);
        assert_eq!(s.absence_rate.weighted_employed_days, 2326.5);
        assert_eq!(s.absence_rate.weighted_sick_days, 201.5);
        assert_eq!(s.absence_rate.percent, Some(201.5 / 2326.5 * 100.0));
        assert_eq!(s.absence_rate_without_pregnancy.weighted_sick_days, 89.5);
        assert_eq!(s.absence_rate_without_pregnancy.percent, Some(89.5 / 2326.5 * 100.0));
        assert_eq!(s.report_frequency.reports, 5);
        assert_eq!(s.report_frequency.average_headcount, 7.0);
        assert_eq!(s.report_frequency.per_year, Some(5.0 / 7.0));
        assert_eq!((s.zero_absence.without_report, s.zero_absence.employees), (3, 8));
        assert_eq!((s.average_duration.total_days, s.average_duration.cases), (106, 5));
        assert_eq!(s.average_duration.days, Some(21.2));
        let classes: Vec<(u32, u32)> =
            s.duration_classes.iter().map(|c| (c.cases.ended, c.cases.running)).collect();
        assert_eq!(classes, [(3, 0), (2, 1), (0, 0), (0, 0)]);
    }
}
