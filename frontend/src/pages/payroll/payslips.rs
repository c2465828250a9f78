//! `/loonstroken`: the payslips and annual statements of a year in the one list component,
//! newest first, with the year's totals under them. New ones are marked until opened. The
//! year, and for the employer whose payslips, are filters shown as chips.

use leptos::prelude::*;
use shared::auth::Right;
use shared::payroll::{Payslip, PayslipKind, format_euros};
use uuid::Uuid;

use super::PayrollTabs;
use crate::api;
use crate::components::list::{DataList, FilterChip, ListColumn};
use crate::components::page_title::use_page_title;
use crate::components::paged::Paged;
use crate::i18n::use_i18n;
use crate::pages::documents::UnreadBadge;
use crate::session::use_session;

/// Whether a payslip is new for whoever looks: only one's own unread ones are.
fn is_new(p: &Payslip, own: bool) -> bool {
    own && p.read_at.is_none()
}

/// The file name the PDF is saved under, e.g. `loonstrook-2026-10.pdf`.
fn file_name(p: &Payslip) -> String {
    let kind = if p.kind == PayslipKind::Payslip { "loonstrook" } else { "jaaropgave" };
    format!("{kind}-{}.pdf", p.period_label.replace(' ', "-"))
}

/// An amount cell, right-aligned, with a test id for the amounts tests read.
fn money(cents: i64, testid: Option<&'static str>) -> AnyView {
    view! { <span class="numeric" data-testid=testid>{format_euros(cents)}</span> }.into_any()
}

/// The columns; `opened` marks a payslip read here once its owner opened it (the download
/// marked it on the server).
fn columns(own: Signal<bool>, opened: Callback<Payslip>) -> Vec<ListColumn<Payslip>> {
    let i18n = use_i18n();
    let s = move || i18n.t().selfservice;
    vec![
        ListColumn::new(
            "period",
            |d| d.selfservice.col_period(),
            true,
            move |p: &Payslip| {
                let (period_kind, year, period, new) =
                    (p.period_kind, p.year, p.period, is_new(p, own.get_untracked()));
                view! {
                    <div class="cell-stack">
                        <span class="cell-title">{move || s().pay_period(period_kind, year, period)}</span>
                        <UnreadBadge new=new />
                    </div>
                }
                .into_any()
            },
        ),
        ListColumn::new(
            "kind",
            |d| d.selfservice.filter_kind(),
            true,
            move |p: &Payslip| {
                let kind = p.kind;
                (move || s().payslip_kind(kind)).into_any()
            },
        ),
        ListColumn::new(
            "pay_date",
            |d| d.selfservice.col_pay_date(),
            true,
            move |p: &Payslip| {
                let day = p.pay_date;
                (move || day.map(|d| s().date(d)).unwrap_or_else(|| "—".into())).into_any()
            },
        ),
        ListColumn::new(
            "gross",
            |d| d.selfservice.col_gross(),
            true,
            |p: &Payslip| money(p.gross_cents, Some("gross")),
        ),
        ListColumn::new("tax", |d| d.selfservice.col_tax(), true, |p: &Payslip| money(p.tax_cents, None)),
        ListColumn::new(
            "net",
            |d| d.selfservice.col_net(),
            true,
            |p: &Payslip| money(p.net_cents, Some("net")),
        ),
        ListColumn::new(
            "actions",
            |d| d.selfservice.col_actions(),
            true,
            move |p: &Payslip| {
                let (href, file, slip) = (api::person_document_href(p.document_id), file_name(p), p.clone());
                view! {
                <a href=href download=file class="button secondary small" data-testid="open-payslip" on:click=move |_| opened.run(slip.clone())>{move || s().open()}</a>
            }
            .into_any()
            },
        ),
    ]
}

/// `/loonstroken`.
#[component]
pub fn PayslipsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    use_page_title(|t| t.selfservice.payslips_title().into());
    let s = move || i18n.t().selfservice;
    let employer = Memo::new(move |_| {
        session.me().map(|me| me.rights.contains(&Right::ManageEmployeeData)).unwrap_or(false)
    });
    // Whose payslips: one's own (None) or, for the employer, a chosen employee.
    let person = RwSignal::new(None::<Uuid>);
    let own = Signal::derive(move || person.get().is_none());
    let people = LocalResource::new(move || async move {
        if !employer.get() {
            return Vec::new();
        }
        let mut people = api::members(None).await.map(|p| p.items).unwrap_or_default();
        people.sort_by(|a, b| a.name.cmp(&b.name));
        people
    });
    // The year chosen; none is the latest year with payslips (the server's default).
    let year = RwSignal::new(None::<i32>);
    let years = LocalResource::new(move || {
        let who = person.get();
        async move {
            match who {
                Some(u) => api::payslip_years_of(u).await.unwrap_or_default(),
                None => api::my_payslip_years().await.unwrap_or_default(),
            }
        }
    });
    let list = Paged::whole(move || {
        let (who, y) = (person.get_untracked(), year.get_untracked());
        async move {
            match who {
                Some(u) => api::payslips_of(u, y).await,
                None => api::my_payslips(y).await,
            }
        }
    });
    Effect::new(move |first: Option<()>| {
        person.track();
        year.track();
        if first.is_some() {
            list.reload();
        }
    });
    let opened = Callback::new(move |mut p: Payslip| {
        if is_new(&p, own.get_untracked()) {
            let id = p.id;
            p.read_at = Some(chrono::Utc::now());
            list.replace(|x| x.id == id, p);
        }
    });
    let choose_person = move |who: Option<Uuid>| {
        year.set(None);
        person.set(who);
    };
    let chips = Signal::derive(move || {
        let s = s();
        let mut chips = Vec::new();
        if let Some(who) = person.get() {
            let name = people.get().and_then(|ps| ps.into_iter().find(|p| p.user_id == who).map(|p| p.name));
            chips.push(FilterChip {
                label: format!("{}: {}", s.col_person(), name.unwrap_or_default()),
                clear: Callback::new(move |_| choose_person(None)),
            });
        }
        if let Some(y) = year.get() {
            chips.push(FilterChip {
                label: format!("{}: {y}", s.year()),
                clear: Callback::new(move |_| year.set(None)),
            });
        }
        chips
    });
    // The year's totals of the monthly payslips (an annual statement repeats them).
    let totals = Memo::new(move |_| {
        list.items.with(|items| {
            let monthly: Vec<&Payslip> = items.iter().filter(|p| p.kind == PayslipKind::Payslip).collect();
            (!monthly.is_empty()).then(|| {
                let sum = |f: fn(&Payslip) -> i64| monthly.iter().map(|p| f(p)).sum::<i64>();
                (sum(|p| p.gross_cents), sum(|p| p.tax_cents), sum(|p| p.net_cents))
            })
        })
    });
    view! {
        <div class="page payroll-page">
            <PayrollTabs />
            <header class="page-header">
                <h1>{move || s().payslips_title()}</h1>
                <p class="lead">{move || if employer.get() { s().employer_payslips_intro() } else { s().payslips_intro() }}</p>
            </header>
            <DataList
                name="payslip"
                columns=columns(own, opened)
                list=list
                // Re-rendered when it is opened.
                row_key=|p: &Payslip| format!("{}-{:?}", p.id, p.read_at)
                row_data=Callback::new(move |p: Payslip| row_data(&p, own.get_untracked()))
                empty=|d| d.selfservice.no_payslips()
                chips=chips
                clear_all=Callback::new(move |_| choose_person(None))
                filters=move || view! {
                    {move || employer.get().then(|| view! {
                        <div class="field">
                            <label for="payslips-person">{move || s().col_person()}</label>
                            <select id="payslips-person" data-testid="payslips-person" on:change=move |ev| choose_person(event_target_value(&ev).parse().ok())>
                                <option value="" selected=move || person.get().is_none()>{move || s().tab_my_documents()}</option>
                                {move || people.get().map(|people| people.into_iter().map(|p| {
                                    let id = p.user_id;
                                    view! { <option value=id.to_string() selected=move || person.get() == Some(id)>{p.name.clone()}</option> }
                                }).collect_view())}
                            </select>
                        </div>
                    })}
                    <div class="field">
                        <label for="payslips-year">{move || s().year()}</label>
                        <select id="payslips-year" data-testid="payslips-year" on:change=move |ev| year.set(event_target_value(&ev).parse().ok())>
                            {move || years.get().map(|ys| ys.into_iter().enumerate().map(|(i, y)| view! {
                                <option value=y.to_string() selected=move || year.get() == Some(y) || (year.get().is_none() && i == 0)>{y}</option>
                            }).collect_view())}
                        </select>
                    </div>
                }
            />
            {move || totals.get().map(|(gross, tax, net)| view! {
                <section class="card section-card" aria-labelledby="payslip-totals-heading">
                    <h2 id="payslip-totals-heading">{move || s().year_totals()}</h2>
                    <dl class="facts" data-testid="payslip-totals">
                        <div><dt>{move || s().col_gross()}</dt><dd>{format_euros(gross)}</dd></div>
                        <div><dt>{move || s().col_tax()}</dt><dd>{format_euros(tax)}</dd></div>
                        <div><dt>{move || s().col_net()}</dt><dd>{format_euros(net)}</dd></div>
                    </dl>
                </section>
            })}
        </div>
    }
}

/// What tests pick a row by: its period, its kind and whether it is new.
fn row_data(p: &Payslip, own: bool) -> Vec<(&'static str, String)> {
    vec![
        ("data-period", p.period_label.clone()),
        ("data-kind", p.kind.as_str().into()),
        ("data-unread", is_new(p, own).to_string()),
    ]
}
