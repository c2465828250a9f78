//! `/beheer/audit`: who did what in the organisation, newest first.

use leptos::prelude::*;
use shared::organisations::AuditEntry;

use crate::api;
use crate::components::list::period::PeriodChoice;
use crate::components::list::{DataList, FilterChip, ListColumn, PeriodFilter, period_chip, period_dates};
use crate::components::page_title::use_page_title;
use crate::components::paged::Paged;
use crate::i18n::use_i18n;
use crate::time;

/// A user agent in a few words, e.g. "Chrome · Linux"; the full text stays in
/// a tooltip. Only the common browsers and systems are named; anything else
/// is cut short.
pub fn short_user_agent(ua: &str) -> String {
    const BROWSERS: [(&str, &str); 7] = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("Firefox/", "Firefox"),
        ("HeadlessChrome/", "Chrome (headless)"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
        ("curl/", "curl"),
    ];
    const SYSTEMS: [(&str, &str); 7] = [
        ("Android", "Android"),
        ("iPhone", "iOS"),
        ("iPad", "iPadOS"),
        ("Windows", "Windows"),
        ("CrOS", "ChromeOS"),
        ("Mac OS X", "macOS"),
        ("Linux", "Linux"),
    ];
    let browser = BROWSERS.iter().find(|(needle, _)| ua.contains(needle)).map(|(_, name)| *name);
    let system = SYSTEMS.iter().find(|(needle, _)| ua.contains(needle)).map(|(_, name)| *name);
    match (browser, system) {
        (Some(b), Some(s)) => format!("{b} · {s}"),
        (Some(b), None) => b.to_string(),
        (None, Some(s)) => s.to_string(),
        (None, None) => {
            let short: String = ua.chars().take(32).collect();
            if short.chars().count() < ua.chars().count() { format!("{short}…") } else { short }
        }
    }
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.admin.audit_title.into());
    let choice = RwSignal::new(PeriodChoice::All);
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let action = RwSignal::new(String::new());
    let filter = Memo::new(move |_| {
        let (from, to) = period_dates(choice.get(), &from.get(), &to.get());
        api::AuditFilter { from, to, action: Some(action.get()).filter(|a| !a.is_empty()) }
    });
    let list = Paged::new(move |cursor| api::audit(filter.get_untracked(), cursor));
    Effect::new(move |first: Option<()>| {
        filter.track();
        if first.is_some() {
            list.reload();
        }
    });
    let chips = Signal::derive(move || {
        let t = i18n.t();
        let mut chips: Vec<FilterChip> = period_chip(t, choice, from, to).into_iter().collect();
        let a = action.get();
        if !a.is_empty() {
            chips.push(FilterChip {
                label: format!("{}: {}", t.admin.action, t.admin.audit_action(&a)),
                clear: Callback::new(move |_| action.set(String::new())),
            });
        }
        chips
    });
    let columns: Vec<ListColumn<AuditEntry>> = vec![
        ListColumn::new(
            "time",
            |t| t.admin.time,
            true,
            move |e: &AuditEntry| {
                let at = e.at;
                view! { <time datetime=time::iso(at)>{move || time::date_time(at, i18n.locale())}</time> }
                    .into_any()
            },
        ),
        ListColumn::new(
            "who",
            |t| t.admin.who,
            true,
            move |e: &AuditEntry| {
                let actor = e.actor_name.clone();
                (move || actor.clone().unwrap_or_else(|| i18n.t().admin.unknown.into())).into_any()
            },
        ),
        ListColumn::new(
            "action",
            |t| t.admin.action,
            true,
            move |e: &AuditEntry| {
                let action = e.action.clone();
                (move || i18n.t().admin.audit_action(&action)).into_any()
            },
        ),
        ListColumn::new(
            "ip",
            |t| t.admin.ip_address,
            true,
            |e: &AuditEntry| {
                view! { <span class="break-anywhere">{e.ip.clone().unwrap_or_default()}</span> }.into_any()
            },
        ),
        ListColumn::new(
            "device",
            |t| t.admin.device,
            true,
            |e: &AuditEntry| {
                let device = e.user_agent.as_deref().map(short_user_agent);
                view! { <span title=e.user_agent.clone()>{device}</span> }.into_any()
            },
        ),
    ];

    view! {
        <header class="page-header">
            <h1>{move || i18n.t().admin.audit_title}</h1>
            <p class="lead">{move || i18n.t().admin.audit_intro}</p>
        </header>
        <DataList
            name="audit"
            columns=columns
            list=list
            row_key=|e: &AuditEntry| e.id.to_string()
            row_tag=|e: &AuditEntry| e.action.clone()
            empty=|t| t.admin.no_audit
            chips=chips
            clear_all=Callback::new(move |_| {
                choice.set(PeriodChoice::All);
                from.set(String::new());
                to.set(String::new());
                action.set(String::new());
            })
            filters=move || view! {
                <PeriodFilter id="audit" choice=choice from=from to=to />
                <div class="field">
                    <label for="audit-action">{move || i18n.t().admin.action}</label>
                    <select id="audit-action" data-testid="audit-action" on:change=move |ev| action.set(event_target_value(&ev))>
                        <option value="" selected=move || action.with(String::is_empty)>{move || i18n.t().lists.all}</option>
                        {crate::i18n::admin::AdminTexts::AUDIT_ACTIONS.into_iter().map(|a| view! {
                            <option value=a selected=move || action.get() == a>{move || i18n.t().admin.audit_action(a)}</option>
                        }).collect_view()}
                    </select>
                </div>
            }
        />
    }
}

#[cfg(test)]
mod tests {
    use super::short_user_agent;

    #[test]
    fn user_agents_are_shortened_to_browser_and_system() {
        let chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
        assert_eq!(short_user_agent(chrome), "Chrome · Linux");
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
        assert_eq!(short_user_agent(iphone), "Safari · iOS");
        let edge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Edg/130.0";
        assert_eq!(short_user_agent(edge), "Edge · Windows");
        assert_eq!(short_user_agent("poort-sync/1.0"), "poort-sync/1.0");
        assert_eq!(short_user_agent(&"x".repeat(40)), format!("{}…", "x".repeat(32)));
    }
}
