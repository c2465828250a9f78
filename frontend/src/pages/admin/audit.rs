//! `/beheer/audit`: who did what in the organisation, newest first.

use leptos::prelude::*;
use shared::organisations::AuditEntry;

use crate::api;
use crate::components::page_title::use_page_title;
use crate::components::paged::{LoadMore, Paged};
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
    let list = Paged::new(api::audit);

    view! {
        <header class="page-header">
            <h1>{move || i18n.t().admin.audit_title}</h1>
            <p class="lead">{move || i18n.t().admin.audit_intro}</p>
        </header>
        <section class="card section-card">
            <Show
                when=move || !list.loaded.get() || !list.items.with(Vec::is_empty)
                fallback=move || view! { <p class="empty-list">{i18n.t().admin.no_audit}</p> }
            >
                <table class="data-table" data-testid="audit-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t().admin.time}</th>
                            <th scope="col">{move || i18n.t().admin.who}</th>
                            <th scope="col">{move || i18n.t().admin.action}</th>
                            <th scope="col">{move || i18n.t().admin.ip_address}</th>
                            <th scope="col">{move || i18n.t().admin.device}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || list.items.get() key=|e| e.id children=move |entry| view! { <AuditRow entry=entry /> } />
                    </tbody>
                </table>
            </Show>
            <LoadMore list=list testid="audit-more" />
        </section>
    }
}

#[component]
fn AuditRow(entry: AuditEntry) -> impl IntoView {
    let i18n = use_i18n();
    let at = entry.at;
    let actor = entry.actor_name.clone();
    let action = entry.action.clone();
    let device = entry.user_agent.as_deref().map(short_user_agent);
    view! {
        <tr data-testid="audit-row" data-action=entry.action.clone()>
            <td data-label=move || i18n.t().admin.time>
                <time datetime=time::iso(at)>{move || time::date_time(at, i18n.locale())}</time>
            </td>
            <td data-label=move || i18n.t().admin.who>
                {move || actor.clone().unwrap_or_else(|| i18n.t().admin.unknown.into())}
            </td>
            <td data-label=move || i18n.t().admin.action>{move || i18n.t().admin.audit_action(&action)}</td>
            <td data-label=move || i18n.t().admin.ip_address class="break-anywhere">{entry.ip.clone().unwrap_or_default()}</td>
            <td data-label=move || i18n.t().admin.device title=entry.user_agent.clone()>{device}</td>
        </tr>
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
