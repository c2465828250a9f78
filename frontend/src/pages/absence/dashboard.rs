//! The absence cards on the dashboard: the person's own open case (with what
//! is expected of them), a "Ziek melden" quick action for employees who are
//! not sick, and for employers and the arbodienst the steps due within 14
//! days or overdue.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::absence::AbsencePending;
use shared::auth::{Me, Role};

use super::timeline::activity_name;
use super::{StateBadge, case_href, follows_cases};
use crate::api::{self, ApiError};
use crate::components::icon::{Icon, IconName};
use crate::i18n::use_i18n;

#[component]
pub fn AbsenceCards(me: Me) -> impl IntoView {
    let follows = follows_cases(&me);
    let employee = me.role == Role::Employee;
    let pending = LocalResource::new(api::absence_pending);
    let result = move || pending.get();
    (follows || employee).then(|| {
        view! {
            <div class="hours-cards absence-cards">
                {move || result().map(|r: Result<AbsencePending, ApiError>| match r {
                    Ok(p) => {
                        let own = p.own_case.map(|id| view! { <OwnCaseCard id=id pending=p.clone() show_steps=!follows /> });
                        let quick = (p.own_case.is_none() && employee).then(|| view! { <SickCard /> });
                        let steps = follows.then(|| view! { <PendingCard pending=p.clone() /> });
                        view! { {own}{quick}{steps} }.into_any()
                    }
                    Err(e) => view! { <ErrorCard error=e /> }.into_any(),
                })}
            </div>
        }
    })
}

#[component]
fn ErrorCard(error: ApiError) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card section-card hours-card">
            <h2><Icon icon=IconName::Absence />{move || i18n.t().nav_absence}</h2>
            <p class="field-error">{move || i18n.t().api_error(&error)}</p>
        </section>
    }
}

/// "U bent ziek gemeld" with the link to the case.
#[component]
fn OwnCaseCard(id: uuid::Uuid, pending: AbsencePending, show_steps: bool) -> impl IntoView {
    let i18n = use_i18n();
    let a = move || i18n.t().absence;
    let steps = if show_steps { pending.activities } else { Vec::new() };
    view! {
        <section class="card section-card hours-card" aria-labelledby="own-absence-heading" data-testid="absence-own">
            <h2 id="own-absence-heading"><Icon icon=IconName::Absence />{move || a().card_own_heading}</h2>
            <p>{move || a().card_own_body}</p>
            {(!steps.is_empty()).then(|| view! {
                <ul class="pending-steps">
                    {steps.into_iter().map(|s| {
                        let (window_from, due_on) = (s.window_from, s.due_on);
                        view! {
                            <li data-testid="pending-step">
                                <span>{move || activity_name(a(), &s)}</span>
                                <span class="cell-sub">{move || a().due_text(window_from, due_on)}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            <p>
                <A href=case_href(id) attr:class="button primary small" attr:data-testid="own-case-link">{move || a().go_to_case}</A>
            </p>
        </section>
    }
}

/// "Ziek melden" for an employee who is not sick.
#[component]
fn SickCard() -> impl IntoView {
    let i18n = use_i18n();
    let a = move || i18n.t().absence;
    view! {
        <section class="card section-card hours-card" aria-labelledby="sick-heading" data-testid="absence-quick">
            <h2 id="sick-heading"><Icon icon=IconName::Absence />{move || a().card_sick_heading}</h2>
            <p>{move || a().card_sick_body}</p>
            <p>
                <A href="/verzuim/ziek-melden" attr:class="button secondary small" attr:data-testid="quick-sick-report">{move || a().report_sick}</A>
            </p>
        </section>
    }
}

/// The steps due within 14 days or overdue, for employers and the arbodienst.
#[component]
fn PendingCard(pending: AbsencePending) -> impl IntoView {
    let i18n = use_i18n();
    let a = move || i18n.t().absence;
    let total = pending.total;
    let steps = pending.activities;
    view! {
        <section class="card section-card hours-card" aria-labelledby="absence-pending-heading" data-testid="absence-pending">
            <h2 id="absence-pending-heading"><Icon icon=IconName::Absence />{move || a().card_pending_heading}</h2>
            <p data-testid="absence-pending-count">{move || if total == 0 { a().card_nothing_pending.to_string() } else { a().pending_count(total) }}</p>
            {(!steps.is_empty()).then(|| view! {
                <ul class="pending-steps">
                    {steps.into_iter().map(|s| {
                        let (state, case_id, window_from, due_on) = (s.state, s.case_id, s.window_from, s.due_on);
                        let who = format!("{} · {}", s.case_number, s.employee_name.clone().unwrap_or_default());
                        view! {
                            <li data-testid="pending-step">
                                <A href=case_href(case_id)>{move || activity_name(a(), &s)}</A>
                                <span class="cell-sub">{who}</span>
                                <span class="pending-step-due">
                                    <span>{move || a().due_text(window_from, due_on)}</span>
                                    <StateBadge state=state />
                                </span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            <p><A href="/verzuim/activiteiten" attr:class="button secondary small">{move || a().go_activities}</A></p>
        </section>
    }
}
