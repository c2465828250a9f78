//! `/helpdesk`: the platform helpdesk sets the outage message every page shows,
//! creates organisations and invites their first main contact, and reads the
//! outbox: mail and SMS Poort sent, or holds when no mail server or SMS
//! provider is set (then the helpdesk passes links and PINs on by hand).

mod categories;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::notifications::OutboxMessage;
use shared::organisations::Organisation;
use shared::validation::MAX_STATUS_MESSAGE_LEN;

use crate::api;
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::components::icon::{Icon, IconName};
use crate::components::page_title::use_page_title;
use crate::components::paged::{LoadMore, Paged};
use crate::components::status_banner::status_refresher;
use crate::i18n::use_i18n;
use crate::pages::admin::{InviteForm, InviteMode, NoAccess};
use crate::session::use_session;
use crate::time;

/// A piece of a message body: plain text, or a web address to make a link of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Text(String),
    Link(String),
}

/// Splits text into plain parts and `http(s)://` addresses, which run until
/// the next white space. Mail bodies are plain text; links in them are what
/// the helpdesk needs to pass on.
pub fn linkify(text: &str) -> Vec<Segment> {
    let mut segments = Vec::new();
    let mut rest = text;
    while let Some(start) = ["https://", "http://"].iter().filter_map(|p| rest.find(p)).min() {
        if start > 0 {
            segments.push(Segment::Text(rest[..start].to_string()));
        }
        let tail = &rest[start..];
        let end = tail.find(char::is_whitespace).unwrap_or(tail.len());
        segments.push(Segment::Link(tail[..end].to_string()));
        rest = &tail[end..];
    }
    if !rest.is_empty() {
        segments.push(Segment::Text(rest.to_string()));
    }
    segments
}

#[component]
pub fn HelpdeskPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    use_page_title(|t| t.admin.helpdesk_title.into());
    let allowed = Memo::new(move |_| session.me().is_some_and(|me| me.helpdesk));

    view! {
        <Show when=move || allowed.get() fallback=|| view! { <NoAccess helpdesk=true /> }>
            <div class="page">
                <header class="page-header">
                    <h1>{move || i18n.t().admin.helpdesk_title}</h1>
                    <p class="lead">{move || i18n.t().admin.helpdesk_intro}</p>
                </header>
                <OutageForm />
                <NewOrganisation />
                <categories::Categories />
                <Outbox />
            </div>
        </Show>
    }
}

#[component]
fn OutageForm() -> impl IntoView {
    let i18n = use_i18n();
    let message = RwSignal::new(String::new());
    // What the server has now; the clear button only makes sense when there is one.
    let published = RwSignal::new(false);
    let notice = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let refresh_status = status_refresher();

    spawn_local(async move {
        if let Ok(status) = api::status().await {
            let current = status.message.unwrap_or_default();
            published.set(!current.trim().is_empty());
            message.set(current);
        }
    });

    let save = move |text: Option<String>| {
        busy.set(true);
        notice.set(None);
        error.set(None);
        spawn_local(async move {
            let t = i18n.t();
            match api::set_status(text).await {
                Ok(status) => {
                    let current = status.message.unwrap_or_default();
                    let has_message = !current.trim().is_empty();
                    published.set(has_message);
                    message.set(current);
                    notice.set(Some(
                        if has_message { t.admin.outage_published } else { t.admin.outage_cleared }.into(),
                    ));
                    refresh_status();
                }
                Err(e) => error.set(Some(t.api_error(&e))),
            }
            busy.set(false);
        });
    };

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let text = message.get_untracked().trim().to_string();
        save((!text.is_empty()).then_some(text));
    };
    let left = move || MAX_STATUS_MESSAGE_LEN.saturating_sub(message.with(|m| m.chars().count()));

    view! {
        <section class="card section-card" aria-labelledby="outage-heading">
            <h2 id="outage-heading">{move || i18n.t().admin.outage_heading}</h2>
            <p class="section-intro">{move || i18n.t().admin.outage_intro}</p>
            <SuccessNotice message=notice testid="outage-notice" />
            <ErrorAlert message=error testid="outage-error" />
            <form class="form" novalidate=true data-testid="outage-form" on:submit=on_submit>
                <div class="field">
                    <label for="outage-message">{move || i18n.t().admin.outage_label}</label>
                    <textarea
                        id="outage-message"
                        rows="3"
                        maxlength=MAX_STATUS_MESSAGE_LEN.to_string()
                        data-testid="outage-message"
                        aria-describedby="outage-count"
                        prop:value=move || message.get()
                        on:input=move |ev| message.set(event_target_value(&ev))
                    ></textarea>
                    <p id="outage-count" class="help-text">{move || format!("{} {}", left(), i18n.t().admin.characters_left)}</p>
                </div>
                <div class="form-actions">
                    <button type="submit" class="button primary" data-testid="outage-publish" aria-disabled=move || busy.get().to_string()>
                        {move || i18n.t().admin.outage_publish}
                    </button>
                    <Show when=move || published.get()>
                        <button
                            type="button"
                            class="button secondary"
                            data-testid="outage-clear"
                            aria-disabled=move || busy.get().to_string()
                            on:click=move |_| {
                                if !busy.get_untracked() {
                                    save(None);
                                }
                            }
                        >
                            {move || i18n.t().admin.outage_clear}
                        </button>
                    </Show>
                </div>
            </form>
        </section>
    }
}

/// A new organisation with its main contact, and the organisations so far.
#[component]
fn NewOrganisation() -> impl IntoView {
    let i18n = use_i18n();
    let list = Paged::new(api::organisations);
    view! {
        <InviteForm mode=InviteMode::NewOrganisation(list) />
        <section class="card section-card" aria-labelledby="organisations-heading">
            <h2 id="organisations-heading">{move || i18n.t().contact.organisations_heading}</h2>
            <Show
                when=move || !list.loaded.get() || !list.items.with(Vec::is_empty)
                fallback=move || view! { <p class="empty-list">{i18n.t().contact.no_organisations}</p> }
            >
                <ul class="plain-list" data-testid="organisations">
                    <For
                        each=move || list.items.get()
                        key=|o: &Organisation| o.id
                        children=move |o| {
                            let created = o.created_at;
                            view! {
                                <li data-testid="organisation">
                                    <span class="cell-title">{o.name.clone()}</span>
                                    <time class="help-text" datetime=time::iso(created)>{move || time::date_time(created, i18n.locale())}</time>
                                </li>
                            }
                        }
                    />
                </ul>
            </Show>
            <LoadMore list=list testid="organisations-more" />
        </section>
    }
}

#[component]
fn Outbox() -> impl IntoView {
    let i18n = use_i18n();
    let list = Paged::new(api::outbox);
    view! {
        <section class="card section-card" aria-labelledby="outbox-heading">
            <div class="section-header">
                <h2 id="outbox-heading">{move || i18n.t().admin.outbox_heading}</h2>
                <button type="button" class="button secondary small" data-testid="outbox-refresh" on:click=move |_| list.reload()>
                    {move || i18n.t().admin.refresh}
                </button>
            </div>
            <p class="section-intro">{move || i18n.t().admin.outbox_intro}</p>
            <Show
                when=move || !list.loaded.get() || !list.items.with(Vec::is_empty)
                fallback=move || view! { <p class="empty-list">{i18n.t().admin.no_messages}</p> }
            >
                <ul class="outbox-list" data-testid="outbox">
                    <For each=move || list.items.get() key=|m| (m.id, m.status.clone()) children=move |m| view! { <OutboxItem message=m /> } />
                </ul>
            </Show>
            <LoadMore list=list testid="outbox-more" />
        </section>
    }
}

#[component]
fn OutboxItem(message: OutboxMessage) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let body_id = format!("outbox-body-{}", message.id);
    let status = message.status.clone();
    let status_class = format!(
        "badge badge-{}",
        match status.as_str() {
            "sent" => "ok",
            "failed" => "danger",
            "held" => "pending",
            _ => "muted",
        }
    );
    let created = message.created_at;
    let segments = linkify(&message.body);
    let last_error = message.last_error.clone();

    view! {
        <li class="outbox-item" data-testid="outbox-item">
            <div class="outbox-summary">
                <div class="outbox-main">
                    <span class="cell-title" data-testid="outbox-subject">{message.subject.clone()}</span>
                    <span class="cell-sub break-anywhere">
                        <span class="visually-hidden">{move || i18n.t().admin.recipient}": "</span>
                        {message.recipient.clone()}
                    </span>
                </div>
                <div class="outbox-meta">
                    <span class=status_class data-testid="outbox-status">{move || i18n.t().admin.outbox_status(&status)}</span>
                    <time class="help-text" datetime=time::iso(created)>{move || time::date_time(created, i18n.locale())}</time>
                </div>
                <button
                    type="button"
                    class="button subtle small"
                    data-testid="outbox-toggle"
                    aria-expanded=move || open.get().to_string()
                    aria-controls=body_id.clone()
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    <Icon icon=IconName::Mail />
                    {move || if open.get() { i18n.t().admin.hide_message } else { i18n.t().admin.show_message }}
                </button>
            </div>
            {last_error.map(|e| view! {
                <p class="field-error">{move || i18n.t().admin.delivery_error}": "{e.clone()}</p>
            })}
            <pre id=body_id class="mail-body" hidden=move || !open.get() data-testid="outbox-body">
                {segments
                    .into_iter()
                    .map(|s| match s {
                        Segment::Text(text) => text.into_any(),
                        Segment::Link(href) => view! { <a href=href.clone() rel="noreferrer">{href.clone()}</a> }.into_any(),
                    })
                    .collect_view()}
            </pre>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_in_mail_bodies_are_found() {
        let body = "Activeer via deze link:\nhttp://127.0.0.1:8080/activeren?token=abc\n\nGroet";
        assert_eq!(
            linkify(body),
            vec![
                Segment::Text("Activeer via deze link:\n".into()),
                Segment::Link("http://127.0.0.1:8080/activeren?token=abc".into()),
                Segment::Text("\n\nGroet".into()),
            ]
        );
        assert_eq!(linkify("geen link"), vec![Segment::Text("geen link".into())]);
        assert_eq!(linkify("https://a.nl"), vec![Segment::Link("https://a.nl".into())]);
    }
}
