//! Nieuws (seed 002): the organisation's news for everyone (`/nieuws`), and for
//! employers and administrators writing, publishing, editing and deleting (`/nieuws/beheer`).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use shared::auth::{Me, Role};
use shared::news::{NewsAudience, NewsInput, NewsItem};
use uuid::Uuid;

use crate::api::{self, ApiError};
use crate::browser;
use crate::components::field::InputField;
use crate::components::page_title::use_page_title;
use crate::i18n::contracts::texts;
use crate::i18n::use_i18n;
use crate::pages::contracts::record_visit;
use crate::session::use_session;

/// Whether this person writes news.
pub fn writes_news(me: &Me) -> bool {
    matches!(me.role, Role::Employer | Role::Administrator)
}

/// One news item as an article.
#[component]
pub fn NewsArticle(item: NewsItem, #[prop(optional)] heading_level: u8) -> impl IntoView {
    let i18n = use_i18n();
    let t = texts(i18n.locale_untracked());
    let meta = format!(
        "{} · {}",
        item.published_at.map(|at| t.instant(at)).unwrap_or_else(|| t.draft_badge.to_string()),
        item.author_name
    );
    let paragraphs = item
        .body
        .split("\n\n")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .map(|p| view! { <p>{p}</p> })
        .collect_view();
    let title = item.title.clone();
    view! {
        <article class="news-item" data-testid="news-item">
            {if heading_level == 3 {
                view! { <h3>{title}</h3> }.into_any()
            } else {
                view! { <h2>{title}</h2> }.into_any()
            }}
            <p class="help-text">{meta}</p>
            {paragraphs}
        </article>
    }
}

#[component]
pub fn NewsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    use_page_title(|t| texts(t.locale).news_title.into());
    record_visit(texts(i18n.locale_untracked()).news_title.into(), "/nieuws".into());
    let c = move || texts(i18n.locale());
    let items = RwSignal::new(Vec::<NewsItem>::new());
    let next = RwSignal::new(None::<String>);
    let loaded = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let load = move |more: bool| {
        let cursor = if more { next.get_untracked() } else { None };
        spawn_local(async move {
            match api::news(cursor).await {
                Ok(page) => {
                    items.update(|v| v.extend(page.items));
                    next.set(page.next_cursor);
                    loaded.set(true);
                }
                Err(e) => error.set(Some(e)),
            }
        })
    };
    load(false);
    view! {
        <div class="page news-page">
            <header class="page-header">
                <h1>{move || c().news_title}</h1>
                <p class="lead">{move || c().news_intro}</p>
                {move || session.me().is_some_and(|me| writes_news(&me)).then(|| view! {
                    <p><A href="/nieuws/beheer" attr:class="button secondary small" attr:data-testid="manage-news">{c().manage_news}</A></p>
                })}
            </header>
            {move || error.get().map(|e| view! { <p class="form-alert is-visible" role="alert">{i18n.t().api_error(&e)}</p> })}
            {move || (loaded.get() && items.with(Vec::is_empty)).then(|| view! { <p class="empty-list">{c().no_news}</p> })}
            <div class="card section-card news-list">
                <For each=move || items.get() key=|n| n.id children=move |n| view! { <NewsArticle item=n /> } />
            </div>
            {move || next.get().is_some().then(|| view! {
                <p><button type="button" class="button secondary" on:click=move |_| load(true)>{c().load_more}</button></p>
            })}
        </div>
    }
}

#[component]
pub fn NewsAdminPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| texts(t.locale).news_admin_title.into());
    let c = move || texts(i18n.locale());
    let drafts = RwSignal::new(Vec::<NewsItem>::new());
    let published = RwSignal::new(Vec::<NewsItem>::new());
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let editing = RwSignal::new(None::<Uuid>);
    let title = RwSignal::new(String::new());
    let title_error = RwSignal::new(None::<String>);
    let body = RwSignal::new(String::new());
    let body_error = RwSignal::new(None::<String>);
    let audience = RwSignal::new(NewsAudience::Everyone);
    let publish = RwSignal::new(true);
    let load = move || {
        spawn_local(async move {
            match api::news_drafts().await {
                Ok(d) => drafts.set(d),
                Err(e) => error.set(Some(i18n.t().api_error(&e))),
            }
            if let Ok(p) = api::news(None).await {
                published.set(p.items);
            }
        })
    };
    load();
    let reset = move || {
        editing.set(None);
        title.set(String::new());
        body.set(String::new());
        audience.set(NewsAudience::Everyone);
        publish.set(true);
    };
    let edit = move |n: NewsItem| {
        editing.set(Some(n.id));
        title.set(n.title);
        body.set(n.body);
        audience.set(n.audience);
        publish.set(n.published_at.is_some());
        browser::focus_element("news-title");
    };
    let save = Action::new_local(move |_: &()| async move {
        let t = texts(i18n.locale_untracked());
        let input = NewsInput {
            title: title.get_untracked(),
            body: body.get_untracked(),
            audience: audience.get_untracked(),
            publish: publish.get_untracked(),
        };
        match api::save_news(editing.get_untracked(), &input).await {
            Ok(_) => {
                notice.set(Some(t.saved_notice.into()));
                reset();
                load();
            }
            Err(e) => {
                let mut any = false;
                for (field, signal) in [("title", title_error), ("body", body_error)] {
                    if let Some(code) = e.field_code(field) {
                        signal.set(Some(t.problem(field, code)));
                        any = true;
                    }
                }
                if !any {
                    error.set(Some(i18n.t().api_error(&e)));
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
        notice.set(None);
        error.set(None);
        let t = texts(i18n.locale_untracked());
        let mut first = None;
        if title.with_untracked(|s| s.trim().is_empty()) {
            title_error.set(Some(t.problem("title", "required")));
            first.get_or_insert("news-title");
        }
        if body.with_untracked(|s| s.trim().is_empty()) {
            body_error.set(Some(t.problem("body", "required")));
            first.get_or_insert("news-body");
        }
        if let Some(f) = first {
            browser::focus_element(f);
            return;
        }
        save.dispatch(());
    };
    let remove = move |id: Uuid| {
        spawn_local(async move {
            match api::delete_news(id).await {
                Ok(()) => load(),
                Err(e) => error.set(Some(i18n.t().api_error(&e))),
            }
        })
    };
    let audiences = [NewsAudience::Everyone, NewsAudience::Employees, NewsAudience::Staff];
    let list = move |items: RwSignal<Vec<NewsItem>>, testid: &'static str| {
        view! {
            <ul class="plain-list" data-testid=testid>
                <For
                    each=move || items.get()
                    key=|n| (n.id, n.title.clone(), n.published_at)
                    children=move |n| {
                        let id = n.id;
                        let for_edit = n.clone();
                        view! {
                            <li class="news-admin-row" data-testid="news-admin-row">
                                <strong>{n.title.clone()}</strong>
                                <span class="help-text">{format!(" · {}", c().audience_name(n.audience))}</span>
                                " "
                                <button type="button" class="button secondary small" on:click=move |_| edit(for_edit.clone())>{c().edit}</button>
                                " "
                                <button type="button" class="button danger small" data-testid="delete-news" on:click=move |_| remove(id)>{c().delete}</button>
                            </li>
                        }
                    }
                />
            </ul>
        }
    };
    view! {
        <div class="page news-admin-page">
            <p><A href="/nieuws" attr:class="back-link">{move || c().news_title}</A></p>
            <header class="page-header">
                <h1>{move || c().news_admin_title}</h1>
                <p class="lead">{move || c().news_admin_intro}</p>
            </header>
            <form class="card section-card" novalidate on:submit=on_submit data-testid="news-form">
                <h2>{move || if editing.get().is_some() { c().edit_news } else { c().write_news }}</h2>
                <InputField id="news-title" label=Signal::derive(move || c().title) value=title error=title_error />
                <div class="field" class:has-error=move || body_error.with(Option::is_some)>
                    <label for="news-body">{move || c().news_body}</label>
                    <textarea
                        id="news-body"
                        rows="6"
                        data-testid="news-body"
                        prop:value=move || body.get()
                        aria-invalid=move || body_error.with(Option::is_some).to_string()
                        on:input=move |ev| {
                            body.set(event_target_value(&ev));
                            body_error.set(None);
                        }
                    ></textarea>
                    {move || body_error.get().map(|m| view! { <p class="field-error">{m}</p> })}
                </div>
                <div class="field">
                    <label for="news-audience">{move || c().audience}</label>
                    <select
                        id="news-audience"
                        data-testid="news-audience"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(a) = NewsAudience::parse(&v) {
                                audience.set(a);
                            }
                        }
                    >
                        {audiences.into_iter().map(|a| view! {
                            <option value=a.as_str() selected=move || audience.get() == a>{move || c().audience_name(a)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field checkbox-field">
                    <label>
                        <input type="checkbox" data-testid="news-publish" prop:checked=move || publish.get() on:change=move |ev| publish.set(event_target_checked(&ev)) />
                        " "
                        {move || c().publish_now}
                    </label>
                </div>
                {move || notice.get().map(|m| view! { <p class="form-notice" role="status">{m}</p> })}
                {move || error.get().map(|m| view! { <p class="form-alert is-visible" role="alert">{m}</p> })}
                <p>
                    <button type="submit" class="button primary" data-testid="news-save" disabled=move || pending.get()>{move || c().save}</button>
                    " "
                    {move || editing.get().is_some().then(|| view! {
                        <button type="button" class="button secondary" on:click=move |_| reset()>{c().cancel}</button>
                    })}
                </p>
            </form>
            <section class="card section-card">
                <h2>{move || c().drafts}</h2>
                {list(drafts, "news-drafts")}
            </section>
            <section class="card section-card">
                <h2>{move || c().published}</h2>
                {list(published, "news-published")}
            </section>
        </div>
    }
}
