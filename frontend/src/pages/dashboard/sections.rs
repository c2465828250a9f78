//! The dashboard's sections from `GET /api/v1/me/dashboard` (seed 002): "Acties" (every
//! pending action from every module, with counts, due dates and a link), "Recent bekeken"
//! and "Nieuws". Each section folds away; which ones are folded is remembered per person
//! (preference `dashboard.collapsed`).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use shared::dashboard::{Dashboard, PendingAction};

use crate::api;
use crate::i18n::contracts::{ContractTexts, texts};
use crate::i18n::use_i18n;
use crate::pages::news::NewsArticle;

const PREFERENCE: &str = "dashboard.collapsed";

/// The kind's API name (`contract_to_sign`), for tests and styling.
fn kind_slug(kind: shared::dashboard::PendingKind) -> String {
    serde_json::to_value(kind).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()
}

/// Flips `section` in the list of collapsed sections.
pub fn toggled(collapsed: &[String], section: &str) -> Vec<String> {
    if collapsed.iter().any(|s| s == section) {
        collapsed.iter().filter(|s| *s != section).cloned().collect()
    } else {
        let mut v = collapsed.to_vec();
        v.push(section.to_string());
        v
    }
}

#[component]
pub fn DashboardSections() -> impl IntoView {
    let i18n = use_i18n();
    let data = RwSignal::new(None::<Dashboard>);
    let collapsed = RwSignal::new(Vec::<String>::new());
    let error = RwSignal::new(None::<String>);
    spawn_local(async move {
        match api::dashboard().await {
            Ok(d) => {
                collapsed.set(d.collapsed.clone());
                data.set(Some(d));
            }
            Err(e) => error.set(Some(i18n.t().api_error(&e))),
        }
    });
    let toggle = move |section: &'static str| {
        let next = toggled(&collapsed.get_untracked(), section);
        collapsed.set(next.clone());
        spawn_local(async move {
            let _ = api::save_preference(PREFERENCE, next).await;
        });
    };
    let c = move || texts(i18n.locale());
    view! {
        {move || error.get().map(|m| view! { <p class="field-error">{m}</p> })}
        {move || data.get().map(|d| {
            let t = c();
            let pending = d.pending.clone();
            let counts = d.counts.clone();
            let recent = d.recent.clone();
            let news = d.news.clone();
            view! {
                <div class="dashboard-sections">
                    <Section id="pending" title=t.actions_heading collapsed=collapsed toggle=toggle>
                        {(!counts.is_empty()).then(|| view! {
                            <ul class="pending-counts" data-testid="pending-counts">
                                {counts.iter().map(|k| view! {
                                    <li data-testid="pending-count" data-kind=kind_slug(k.kind)>
                                        <strong>{k.count}</strong>" "{t.kind_name(k.kind)}
                                    </li>
                                }).collect_view()}
                            </ul>
                        })}
                        {if pending.is_empty() {
                            view! { <p class="empty-list" data-testid="no-actions">{t.no_actions}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="pending-list" data-testid="pending-list">
                                    {pending.into_iter().map(|p| view! { <PendingRow item=p t=t /> }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </Section>
                    <Section id="recent" title=t.recent_heading collapsed=collapsed toggle=toggle>
                        {if recent.is_empty() {
                            view! { <p class="empty-list">{t.no_recent}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="recent-list" data-testid="recent-list">
                                    {recent.into_iter().map(|r| view! {
                                        <li><A href=r.link.clone()>{r.title.clone()}</A>" "<span class="help-text">{t.instant(r.viewed_at)}</span></li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </Section>
                    <Section id="news" title=t.news_heading collapsed=collapsed toggle=toggle>
                        {if news.is_empty() {
                            view! { <p class="empty-list">{t.no_news}</p> }.into_any()
                        } else {
                            view! {
                                <div class="news-list" data-testid="dashboard-news">
                                    {news.into_iter().map(|n| view! { <NewsArticle item=n heading_level=3 /> }).collect_view()}
                                </div>
                            }.into_any()
                        }}
                        <p><A href="/nieuws">{t.all_news}</A></p>
                    </Section>
                </div>
            }
        })}
    }
}

#[component]
fn Section(
    id: &'static str,
    title: &'static str,
    collapsed: RwSignal<Vec<String>>,
    toggle: impl Fn(&'static str) + Copy + 'static,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let is_collapsed = move || collapsed.with(|c| c.iter().any(|s| s == id));
    let body_id = format!("dashboard-{id}-body");
    let heading_id = format!("dashboard-{id}-heading");
    let labelled_by = heading_id.clone();
    view! {
        <section class="card section-card dashboard-section" aria-labelledby=labelled_by data-testid=format!("dashboard-{id}")>
            <div class="section-header">
                <h2 id=heading_id>{title}</h2>
                <button
                    type="button"
                    class="button secondary small"
                    aria-expanded=move || (!is_collapsed()).to_string()
                    aria-controls=body_id.clone()
                    data-testid=format!("toggle-{id}")
                    on:click=move |_| toggle(id)
                >
                    {move || if is_collapsed() { texts(i18n.locale()).expand } else { texts(i18n.locale()).collapse }}
                </button>
            </div>
            <div id=body_id hidden=is_collapsed>{children()}</div>
        </section>
    }
}

#[component]
fn PendingRow(item: PendingAction, t: &'static ContractTexts) -> impl IntoView {
    let due = item.due_on.map(|d| format!("{} {}", t.due, t.date(d)));
    view! {
        <li class="pending-item" class:is-overdue=item.overdue data-testid="pending-item" data-kind=kind_slug(item.kind)>
            <A href=item.link.clone() attr:class="cell-title">{item.title.clone()}</A>
            {item.subject.clone().map(|s| view! { <span class="cell-sub">{format!(" · {s}")}</span> })}
            {item.overdue.then(|| view! { " "<span class="badge badge-danger">{t.overdue}</span> })}
            {due.map(|d| view! { " "<span class="help-text">{d}</span> })}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::toggled;

    #[test]
    fn sections_fold_and_unfold() {
        let v = toggled(&[], "news");
        assert_eq!(v, ["news"]);
        assert!(toggled(&v, "news").is_empty());
    }
}
