//! The person's sessions, with "end" per session and for all others.

use leptos::prelude::*;
use shared::auth::SessionInfo;

use crate::api;
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::i18n::use_i18n;
use crate::pages::admin::short_user_agent;
use crate::time;

#[component]
pub fn SessionsSection() -> impl IntoView {
    let i18n = use_i18n();
    let revision = RwSignal::new(0u32);
    let sessions = LocalResource::new(move || {
        revision.track();
        api::sessions()
    });
    let notice = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);

    // `None`: every other session; `Some(id)`: that one.
    let end = Action::new_local(move |which: &Option<uuid::Uuid>| {
        let which = *which;
        async move {
            let t = i18n.t();
            let result = match which {
                Some(id) => api::end_session(id).await,
                None => api::end_other_sessions().await,
            };
            match result {
                Ok(()) => {
                    notice.set(Some(
                        if which.is_some() { t.security.session_ended } else { t.security.others_ended }
                            .into(),
                    ));
                    revision.update(|r| *r += 1);
                    request_animation_frame(|| crate::browser::focus_element("sessions-notice"));
                }
                Err(e) => error.set(Some(t.api_error(&e))),
            }
        }
    });
    let pending = end.pending();
    let run = move |which: Option<uuid::Uuid>| {
        if !pending.get_untracked() {
            notice.set(None);
            error.set(None);
            end.dispatch(which);
        }
    };

    let rows = move || {
        sessions.get().map(|result| match result {
            Ok(list) => {
                let others = list.iter().any(|s| !s.current);
                view! {
                    <ul class="session-list" data-testid="sessions">
                        {list.into_iter().map(|s| view! { <SessionRow session=s on_end=run /> }).collect_view()}
                    </ul>
                    {others.then(|| view! {
                        <button type="button" class="button secondary" data-testid="end-other-sessions" on:click=move |_| run(None)>
                            {move || i18n.t().security.end_others}
                        </button>
                    })}
                }
                .into_any()
            }
            Err(e) => view! { <p class="field-error">{i18n.t().api_error(&e)}</p> }.into_any(),
        })
    };

    view! {
        <section class="card section-card" aria-labelledby="sessions-heading" data-testid="sessions-section">
            <h2 id="sessions-heading">{move || i18n.t().security.sessions_heading}</h2>
            <p class="help-text">{move || i18n.t().security.sessions_intro}</p>
            <ErrorAlert message=error testid="sessions-error" />
            <SuccessNotice message=notice testid="sessions-notice" />
            {rows}
        </section>
    }
}

#[component]
fn SessionRow(
    session: SessionInfo,
    on_end: impl Fn(Option<uuid::Uuid>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = session.id;
    let device = session.user_agent.as_deref().map(short_user_agent).unwrap_or_default();
    let (created, expires) = (session.created_at, session.expires_at);
    view! {
        <li class="session" data-testid="session" data-current=session.current.to_string()>
            <div class="session-main">
                <span class="cell-title" title=session.user_agent.clone()>
                    {device}
                    {session.current.then(|| view! { <span class="badge badge-ok">{move || i18n.t().security.this_session}</span> })}
                </span>
                <span class="cell-sub">{session.organisation_name.clone()}" · "<span class="break-anywhere">{session.ip.clone().unwrap_or_default()}</span></span>
                <span class="cell-sub">
                    {move || i18n.t().security.started}": "
                    <time datetime=time::iso(created)>{move || time::date_time(created, i18n.locale())}</time>
                    " · "{move || i18n.t().security.expires}": "
                    <time datetime=time::iso(expires)>{move || time::date_time(expires, i18n.locale())}</time>
                </span>
            </div>
            {(!session.current).then(|| view! {
                <button type="button" class="button secondary small" data-testid="end-session" on:click=move |_| on_end(Some(id))>
                    {move || i18n.t().security.end_session}
                </button>
            })}
        </li>
    }
}
