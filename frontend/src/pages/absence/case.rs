//! `/verzuim/{id}`: one absence case as the caller may see it — the link in
//! every absence mail. The header (case number, employee, organisation,
//! status, incapacity, sick week), what is expected of the employee, recovery,
//! the poortwachter timeline, the employer's facts, documents, the physician's
//! statements, medical notes (the physician only) and the history. Buttons
//! follow `may`; the server refuses the rest anyway.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::absence::{AbsenceCase, FactsUpdate};
use shared::error::ErrorKind;
use uuid::Uuid;

use super::documents::DocumentsSection;
use super::facts::{FactsAt, FactsFields, FactsForm, FactsList};
use super::physician::{MedicalNotesSection, StatementsSection};
use super::recovery::{OutOfEmploymentForm, OwnRecoveryForm, RecoveryForm};
use super::timeline::{ExpectedOfYou, Timeline};
use super::{CaseStatusBadge, follows_cases};
use crate::api::{self, ApiError};
use crate::browser;
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::components::page_title::use_page_title;
use crate::i18n::use_i18n;
use crate::pages::not_found::NotFoundContent;
use crate::session::use_session;
use crate::time;

#[component]
pub fn CasePage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| id.parse::<Uuid>().ok())));
    move || match id.get() {
        Some(id) => view! { <CaseScreen id=id /> }.into_any(),
        None => view! { <NotFoundContent /> }.into_any(),
    }
}

#[component]
fn CaseScreen(id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let case = RwSignal::new(None::<AbsenceCase>);
    let load_error = RwSignal::new(None::<ApiError>);
    let notice = RwSignal::new(None::<String>);
    let title = Memo::new(move |_| case.with(|c| c.as_ref().map(|c| c.case_number.clone())));
    use_page_title(move |t| match title.get() {
        Some(number) => format!("{} – {}", t.absence.case_name(&number), t.nav_absence),
        None => t.absence.case_title.into(),
    });
    let reload = Callback::new(move |_: ()| {
        spawn_local(async move {
            match api::absence_case(id).await {
                Ok(c) => {
                    load_error.set(None);
                    case.set(Some(c));
                }
                Err(e) => load_error.set(Some(e)),
            }
        })
    });
    reload.run(());

    // The employee looking at their own case (the server answers as "employee" then).
    let own = Signal::derive(move || {
        let me = session.me();
        case.with(|c| {
            c.as_ref().zip(me).is_some_and(|(c, me)| c.employee.as_ref().is_some_and(|e| e.id == me.id))
        })
    });
    let back = Memo::new(move |_| {
        let follows = session.me().is_some_and(|me| follows_cases(&me));
        if own.get() || !follows { ("/verzuim/mijn", true) } else { ("/verzuim", false) }
    });
    let changed = Callback::new(move |(c, message): (AbsenceCase, String)| {
        case.set(Some(c));
        notice.set(Some(message));
        request_animation_frame(|| browser::focus_element("case-notice"));
    });
    let may = Memo::new(move |_| case.with(|c| c.as_ref().map(|c| c.may).unwrap_or_default()));
    let a = move || i18n.t().absence;

    view! {
        <p>
            {move || {
                let (href, mine) = back.get();
                view! { <A href=href attr:class="link-back">"‹ " {move || if mine { a().back_to_mine } else { a().back_to_cases }}</A> }
            }}
        </p>
        {move || load_error.get().map(|e| match e.kind() {
            Some(ErrorKind::NotFound) => view! { <NotFoundContent /> }.into_any(),
            _ => view! { <p class="form-alert is-visible" role="alert">{i18n.t().api_error(&e)}</p> }.into_any(),
        })}
        <Show when=move || case.with(Option::is_some)>
            <CaseHeader case=case />
            <SuccessNotice message=notice testid="case-notice" />
            <Show when=move || own.get()>
                <ExpectedOfYou case=case />
            </Show>
            <Show when=move || may.get().report_recovery || may.get().out_of_employment>
                <RecoverySection case=case own=own changed=changed />
            </Show>
            <Timeline case=case own=own reload=reload />
            <FactsSection case=case />
            <DocumentsSection case=case own=own reload=reload />
            <StatementsSection case=case reload=reload />
            <Show when=move || may.get().medical_notes>
                <MedicalNotesSection case_id=id />
            </Show>
            <CaseHistory case=case />
        </Show>
    }
}

/// Case number, employee, organisation, status, incapacity and sick week.
#[component]
fn CaseHeader(case: RwSignal<Option<AbsenceCase>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let c = case.get()?;
        let a = i18n.t().absence;
        let name = c.employee.as_ref().map(|e| e.name.clone()).unwrap_or_else(|| "—".into());
        let relapse = c.spells.len() > 1;
        Some(view! {
            <header class="page-header case-header">
                <h1 data-testid="case-title">{a.case_name(&c.case_number)}</h1>
                <p class="lead" data-testid="case-employee">{format!("{name} · {}", c.organisation_name)}</p>
            </header>
            <section class="card section-card case-summary" data-testid="case-summary">
                <dl class="facts case-facts">
                    <div><dt>{a.status_label}</dt><dd><CaseStatusBadge status=c.status /></dd></div>
                    <div><dt>{a.incapacity}</dt><dd data-testid="incapacity">{format!("{}%", c.incapacity_percent)}</dd></div>
                    <div><dt>{a.sick_since}</dt><dd>{a.date(c.first_sick_day)}</dd></div>
                    <div><dt>{a.sick_week}</dt><dd data-testid="sick-week">{a.sick_week_text(c.sick_days)}</dd></div>
                    {c.hours_worked_minutes.map(|m| view! {
                        <div><dt>{a.hours_worked_first_day}</dt><dd>{format!("{}:{:02}", m / 60, m % 60)}</dd></div>
                    })}
                    {c.recovered_on.map(|d| view! { <div><dt>{a.recovered_on}</dt><dd data-testid="recovered-on">{a.date(d)}</dd></div> })}
                    {c.out_of_employment_on.map(|d| view! { <div><dt>{a.out_of_employment_on}</dt><dd>{a.date(d)}</dd></div> })}
                </dl>
                {(!c.recoveries.is_empty()).then(|| view! {
                    <div>
                        <h2 class="small-heading">{a.recovery_steps}</h2>
                        <ul class="plain-list" data-testid="recovery-steps">
                            {c.recoveries.iter().map(|r| view! { <li>{a.recovery_step(r.percent, r.from_date)}</li> }).collect_view()}
                        </ul>
                    </div>
                })}
                {relapse.then(|| view! { <p class="notice">{a.relapse_note}</p> })}
            </section>
        })
    }
}

/// Recovery: the employee's own "hersteld melden", or partial/full recovery and ziek uit dienst.
#[component]
fn RecoverySection(
    case: RwSignal<Option<AbsenceCase>>,
    own: Signal<bool>,
    changed: Callback<(AbsenceCase, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let Some(id) = case.with_untracked(|c| c.as_ref().map(|c| c.id)) else {
        return ().into_any();
    };
    let may = Memo::new(move |_| case.with(|c| c.as_ref().map(|c| c.may).unwrap_or_default()));
    // Recovery counts from the current sick period (after a relapse, its first day).
    let first_day = Signal::derive(move || {
        case.with(|c| {
            c.as_ref()
                .map(|c| c.spells.last().map(|s| s.first_day).unwrap_or(c.first_sick_day))
                .unwrap_or_default()
        })
    });
    let a = move || i18n.t().absence;
    if own.get_untracked() {
        return view! {
            <section class="card section-card" data-testid="recovery">
                <OwnRecoveryForm case_id=id first_day=first_day.get_untracked() on_done=changed />
            </section>
        }
        .into_any();
    }
    view! {
        <section class="card section-card" aria-labelledby="recovery-heading" data-testid="recovery">
            <div>
                <h2 id="recovery-heading">{move || a().recovery_heading}</h2>
                <p class="help-text">{move || a().recovery_intro}</p>
            </div>
            {move || may.get().report_recovery.then(|| view! { <RecoveryForm case_id=id first_day=first_day on_done=changed /> })}
            {move || may.get().out_of_employment.then(|| view! { <OutOfEmploymentForm case_id=id first_day=first_day on_done=changed /> })}
        </section>
    }
    .into_any()
}

/// The employer's facts: read, and changed with the case's version (a stale
/// save keeps what was typed and says someone else changed the case).
#[component]
fn FactsSection(case: RwSignal<Option<AbsenceCase>>) -> impl IntoView {
    let i18n = use_i18n();
    let facts =
        Signal::derive(move || case.with(|c| c.as_ref().map(|c| c.facts.clone()).unwrap_or_default()));
    let may_edit = Memo::new(move |_| case.with(|c| c.as_ref().is_some_and(|c| c.may.edit_facts)));
    let editing = RwSignal::new(false);
    let stale = RwSignal::new(false);
    let form = FactsForm::new();
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let save = Action::new_local(move |_: &()| async move {
        let Some((id, version)) = case.with_untracked(|c| c.as_ref().map(|c| (c.id, c.version))) else {
            return;
        };
        let t = i18n.t();
        let update = FactsUpdate { facts: form.facts(), version };
        match api::save_case_facts(id, &update).await {
            Ok(c) => {
                stale.set(false);
                editing.set(false);
                case.set(Some(c));
                notice.set(Some(t.absence.facts_saved.into()));
                request_animation_frame(|| browser::focus_element("facts-notice"));
            }
            Err(e) if e.kind() == Some(ErrorKind::Conflict) => {
                // Someone else saved first: keep what was typed, fetch their version.
                stale.set(true);
                if let Ok(c) = api::absence_case(id).await {
                    case.set(Some(c));
                }
                request_animation_frame(|| browser::focus_element("facts-stale"));
            }
            Err(e) => {
                if form.show_errors(&e, t.absence) {
                    if let Some(id) = form.first_error(FactsAt::Case) {
                        browser::focus_element(&id);
                    }
                } else {
                    error.set(Some(t.api_error(&e)));
                }
            }
        }
    });
    let pending = save.pending();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        error.set(None);
        notice.set(None);
        if !form.check(i18n.t().absence) {
            if let Some(id) = form.first_error(FactsAt::Case) {
                browser::focus_element(&id);
            }
            return;
        }
        save.dispatch(());
    };
    let a = move || i18n.t().absence;
    view! {
        <section class="card section-card" aria-labelledby="facts-heading" data-testid="facts">
            <div class="section-header">
                <h2 id="facts-heading">{move || a().facts_heading}</h2>
                <Show when=move || may_edit.get() && !editing.get()>
                    <button
                        type="button"
                        class="button secondary small"
                        data-testid="edit-facts"
                        on:click=move |_| {
                            form.load(&facts.get_untracked());
                            stale.set(false);
                            notice.set(None);
                            editing.set(true);
                            request_animation_frame(|| browser::focus_element("facts-phone"));
                        }
                    >
                        {move || a().edit_facts}
                    </button>
                </Show>
            </div>
            <SuccessNotice message=notice testid="facts-notice" />
            <Show when=move || editing.get() fallback=move || view! { <FactsList facts=facts /> }>
                <form class="form" novalidate=true on:submit=on_submit data-testid="facts-form">
                    <div id="facts-stale" class="stale-alert" class:is-visible=move || stale.get() role="alert" tabindex="-1" data-testid="facts-stale">
                        {move || stale.get().then(|| a().facts_stale)}
                    </div>
                    <FactsFields form=form at=FactsAt::Case />
                    <ErrorAlert message=error testid="facts-error" />
                    <div class="form-actions">
                        <button type="submit" class="button primary" data-testid="save-facts" aria-disabled=move || pending.get().to_string()>
                            {move || if pending.get() { a().saving } else if stale.get() { a().save_again } else { a().save }}
                        </button>
                        <button type="button" class="button secondary" on:click=move |_| { editing.set(false); stale.set(false); }>
                            {move || a().cancel}
                        </button>
                    </div>
                </form>
            </Show>
        </section>
    }
}

/// What happened, newest first, with the action names translated.
#[component]
fn CaseHistory(case: RwSignal<Option<AbsenceCase>>) -> impl IntoView {
    let i18n = use_i18n();
    let events =
        Memo::new(move |_| case.with(|c| c.as_ref().map(|c| c.timeline.clone()).unwrap_or_default()));
    let a = move || i18n.t().absence;
    view! {
        <section class="card section-card" aria-labelledby="case-history-heading" data-testid="case-history">
            <h2 id="case-history-heading">{move || a().history_heading}</h2>
            <Show when=move || !events.with(Vec::is_empty) fallback=move || view! { <p class="empty-list">{a().no_history}</p> }>
                <ol class="history">
                    {move || events.get().into_iter().map(|e| {
                        let t = a();
                        view! {
                            <li data-testid="history-event" data-action=e.action.clone()>
                                <time datetime=time::iso(e.at)>{time::date_time(e.at, i18n.locale())}</time>
                                <span class="history-what">{t.event(&e.action)}</span>
                                <span class="history-who">{e.actor_name.clone()}</span>
                                {e.detail.as_deref().map(|d| view! { <span class="history-reason">{t.event_detail(d)}</span> })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </Show>
        </section>
    }
}
