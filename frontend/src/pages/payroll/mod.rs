//! Salaris (seed 002): Loonstroken and jaaropgaven by year (`/loonstroken`), Reserveringen
//! with the balance over time (`/reserveringen`) and Betalingen (`/betalingen`). A payslip's
//! PDF opens through the document download, which marks it read. The employer (*manage
//! employee data*) picks an employee to see their payslips.

mod payslips;

use chrono::NaiveDate;
use leptos::prelude::*;
use shared::payroll::{Accrual, AccrualKind, Payment, format_euros};

pub use self::payslips::PayslipsPage;
use crate::api;
use crate::components::page_title::use_page_title;
use crate::components::paged::{LoadMore, Paged};
use crate::components::sub_nav::SubNav;
use crate::i18n::selfservice::SelfServiceTexts;
use crate::i18n::use_i18n;

fn tabs(t: &'static SelfServiceTexts) -> Vec<(&'static str, &'static str)> {
    vec![
        ("/loonstroken", t.tab_payslips()),
        ("/reserveringen", t.tab_accruals()),
        ("/betalingen", t.tab_payments()),
    ]
}

fn is_current(href: &str, path: &str) -> bool {
    href == path
}

#[component]
fn PayrollTabs() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <SubNav
            tabs=Signal::derive(move || tabs(i18n.t().selfservice))
            label=Signal::derive(move || i18n.t().selfservice.payroll_sections())
            testid="payroll-nav"
            is_current=is_current
        />
    }
}

/// An accrual's amount as people read it: hours or euros.
fn amount(t: &SelfServiceTexts, kind: AccrualKind, value: i64) -> String {
    if kind.is_money() { format_euros(value) } else { t.hours(value) }
}

/// `/reserveringen`.
#[component]
pub fn AccrualsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.selfservice.accruals_title().into());
    let accruals = LocalResource::new(api::my_accruals);
    let s = move || i18n.t().selfservice;
    view! {
        <div class="page payroll-page">
            <PayrollTabs />
            <header class="page-header">
                <h1>{move || s().accruals_title()}</h1>
                <p class="lead">{move || s().accruals_intro()}</p>
            </header>
            {move || accruals.get().map(|r| match r {
                Err(e) => view! { <p class="form-alert is-visible" role="alert">{i18n.t().api_error(&e)}</p> }.into_any(),
                Ok(list) if list.is_empty() => view! { <section class="card section-card"><p class="empty-list" data-testid="no-accruals">{s().no_accruals()}</p></section> }.into_any(),
                Ok(list) => {
                    let kinds: Vec<AccrualKind> = AccrualKind::ALL.into_iter().filter(|k| list.iter().any(|a| a.kind == *k)).collect();
                    view! {
                        <div class="dashboard-grid accrual-cards">
                            {kinds.into_iter().map(|k| {
                                let history: Vec<Accrual> = list.iter().filter(|a| a.kind == k).cloned().collect();
                                view! { <AccrualCard kind=k history=history /> }
                            }).collect_view()}
                        </div>
                    }.into_any()
                }
            })}
        </div>
    }
}

#[component]
fn AccrualCard(kind: AccrualKind, history: Vec<Accrual>) -> impl IntoView {
    let i18n = use_i18n();
    let s = move || i18n.t().selfservice;
    let latest = history.last().cloned();
    let points: Vec<(NaiveDate, i64)> = history.iter().map(|a| (a.as_of, a.balance)).collect();
    view! {
        <section class="card section-card accrual-card" data-testid="accrual-card" data-kind=kind.as_str()>
            <h2>{move || s().accrual(kind)}</h2>
            {latest.map(|a| {
                let (balance, built, taken, as_of) = (a.balance, a.built_up, a.taken, a.as_of);
                view! {
                    <p class="accrual-balance">
                        <span class="visually-hidden">{move || s().balance()}</span>
                        <strong data-testid="accrual-balance">{move || amount(s(), kind, balance)}</strong>
                    </p>
                    <dl class="facts">
                        <div><dt>{move || s().as_of()}</dt><dd>{move || s().date(as_of)}</dd></div>
                        <div><dt>{move || s().built_up()}</dt><dd>{move || amount(s(), kind, built)}</dd></div>
                        <div><dt>{move || s().taken()}</dt><dd>{move || amount(s(), kind, taken)}</dd></div>
                    </dl>
                }
            })}
            <BalanceChart kind=kind points=points />
        </section>
    }
}

/// The balance over time as a small SVG line chart, with the values as a table for screen readers.
#[component]
fn BalanceChart(kind: AccrualKind, points: Vec<(NaiveDate, i64)>) -> impl IntoView {
    let i18n = use_i18n();
    let s = move || i18n.t().selfservice;
    let (w, h, pad) = (300.0_f64, 90.0_f64, 8.0_f64);
    let max = points.iter().map(|p| p.1).max().unwrap_or(0).max(1) as f64;
    let min = points.iter().map(|p| p.1).min().unwrap_or(0).min(0) as f64;
    let n = points.len().max(2) as f64 - 1.0;
    let xy: Vec<(f64, f64)> = points
        .iter()
        .enumerate()
        .map(|(i, (_, v))| {
            let x = pad + (w - 2.0 * pad) * (i as f64) / n;
            let y = h - pad - (h - 2.0 * pad) * ((*v as f64 - min) / (max - min).max(1.0));
            (x, y)
        })
        .collect();
    let line: String = xy.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" ");
    let dots = xy.clone();
    let rows = points.clone();
    view! {
        <figure class="balance-chart" data-testid="balance-chart">
            <svg viewBox=format!("0 0 {w} {h}") role="img" aria-label=move || s().chart_label() width="100%" height="90">
                <line x1=pad y1=h - pad x2=w - pad y2=h - pad stroke="currentColor" stroke-opacity="0.25" />
                <polyline points=line fill="none" stroke="currentColor" stroke-width="2" />
                {dots.into_iter().map(|(x, y)| view! { <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="3" fill="currentColor" /> }).collect_view()}
            </svg>
            <figcaption class="visually-hidden">
                <table>
                    <caption>{move || s().chart_label()}</caption>
                    <tbody>
                        {rows.into_iter().map(|(d, v)| view! { <tr><th scope="row">{move || s().date(d)}</th><td>{move || amount(s(), kind, v)}</td></tr> }).collect_view()}
                    </tbody>
                </table>
            </figcaption>
        </figure>
    }
}

/// `/betalingen`.
#[component]
pub fn PaymentsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.selfservice.payments_title().into());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let parse = |t: &str| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok();
    let range = Memo::new(move |_| (from.with(|f| parse(f)), to.with(|t| parse(t))));
    let list: Paged<Payment> = Paged::new(move |cursor| {
        let (f, t) = range.get_untracked();
        api::my_payments(f, t, cursor)
    });
    Effect::new(move |first: Option<()>| {
        range.track();
        if first.is_some() {
            list.reload();
        }
    });
    let s = move || i18n.t().selfservice;
    view! {
        <div class="page payroll-page">
            <PayrollTabs />
            <header class="page-header">
                <h1>{move || s().payments_title()}</h1>
                <p class="lead">{move || s().payments_intro()}</p>
            </header>
            <section class="card section-card filter-bar" data-testid="payment-filters">
                <div class="filter-grid">
                    <div class="field">
                        <label for="payments-from">{move || s().filter_from()}</label>
                        <input id="payments-from" type="date" data-testid="payments-from" prop:value=move || from.get() on:change=move |ev| from.set(event_target_value(&ev)) />
                    </div>
                    <div class="field">
                        <label for="payments-to">{move || s().filter_to()}</label>
                        <input id="payments-to" type="date" data-testid="payments-to" prop:value=move || to.get() on:change=move |ev| to.set(event_target_value(&ev)) />
                    </div>
                </div>
            </section>
            <section class="card section-card">
                <Show
                    when=move || !list.loaded.get() || !list.items.with(Vec::is_empty)
                    fallback=move || view! { <p class="empty-list" data-testid="no-payments">{s().no_payments()}</p> }
                >
                    <table class="data-table" data-testid="payments-table">
                        <thead>
                            <tr>
                                <th scope="col">{move || s().col_paid_on()}</th>
                                <th scope="col">{move || s().col_description()}</th>
                                <th scope="col">{move || s().col_account()}</th>
                                <th scope="col" class="numeric">{move || s().col_amount()}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || list.items.get()
                                key=|p| p.id
                                children=move |p: Payment| {
                                    let day = p.paid_on;
                                    view! {
                                        <tr data-testid="payment-row">
                                            <td data-label=move || s().col_paid_on()>{move || s().date(day)}</td>
                                            <td data-label=move || s().col_description()>{p.description.clone()}</td>
                                            <td data-label=move || s().col_account()>{p.iban_tail.clone().map(|t| format!("••• {t}")).unwrap_or_else(|| "—".into())}</td>
                                            <td class="numeric" data-label=move || s().col_amount() data-testid="amount">{format_euros(p.amount_cents)}</td>
                                        </tr>
                                    }
                                }
                            />
                        </tbody>
                    </table>
                </Show>
                <LoadMore list=list testid="payments-more" />
            </section>
        </div>
    }
}
