//! Who is signed in, shared through context.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::auth::{Me, Preferences};
use shared::error::ErrorKind;

use crate::api;
use crate::i18n::{I18n, use_i18n};

/// The state of the browser's session.
#[derive(Debug, Clone, PartialEq)]
pub enum Session {
    /// Asking the server whether the cookies still hold a session.
    Loading,
    /// Nobody is signed in.
    SignedOut,
    /// The session ended while someone was using the app.
    Expired,
    /// Signed in.
    SignedIn(Box<Me>),
}

/// The session signal with the operations that change it.
#[derive(Clone, Copy)]
pub struct SessionContext {
    state: RwSignal<Session>,
    i18n: I18n,
}

impl SessionContext {
    /// The current state (tracked).
    pub fn get(&self) -> Session {
        self.state.get()
    }

    /// The signed-in person, if any (tracked).
    pub fn me(&self) -> Option<Me> {
        self.state.with(|s| match s {
            Session::SignedIn(me) => Some((**me).clone()),
            _ => None,
        })
    }

    /// Whether someone is signed in (tracked).
    pub fn is_signed_in(&self) -> bool {
        self.state.with(|s| matches!(s, Session::SignedIn(_)))
    }

    /// Whether the session may only finish its setup: a temporary password to
    /// replace or a second factor the organisation requires (tracked).
    pub fn is_restricted(&self) -> bool {
        self.state.with(|s| match s {
            Session::SignedIn(me) => me.must_change_password || me.must_set_up_second_factor,
            _ => false,
        })
    }

    /// Asks the server who is signed in again, after a change that alters
    /// `Me` without returning it (a new password, a confirmed second factor).
    pub fn reload(&self) {
        let this = *self;
        spawn_local(async move {
            if let Ok(me) = api::me().await {
                this.update(me);
            }
        });
    }

    /// Whether someone is signed in, without subscribing to changes.
    pub fn is_signed_in_untracked(&self) -> bool {
        self.state.with_untracked(|s| matches!(s, Session::SignedIn(_)))
    }

    /// Records a fresh sign-in and applies the account's language, unless the
    /// person picked one on the sign-in page just now: then that choice wins
    /// and is saved to the account.
    pub fn signed_in(&self, me: Me) {
        let chosen = self.i18n.locale_untracked();
        if self.i18n.was_chosen_while_signed_out() && chosen != me.locale {
            self.i18n.mark_chosen_while_signed_out(false);
            self.state.set(Session::SignedIn(Box::new(Me { locale: chosen, ..me })));
            let this = *self;
            spawn_local(async move {
                if let Ok(me) = api::save_preferences(&Preferences { locale: chosen }).await {
                    this.update(me);
                }
            });
            return;
        }
        self.i18n.mark_chosen_while_signed_out(false);
        self.update(me);
    }

    /// Replaces the signed-in person after a change the server confirmed.
    pub fn update(&self, me: Me) {
        self.i18n.set_locale(me.locale);
        self.state.set(Session::SignedIn(Box::new(me)));
    }

    /// Records a sign-out the person asked for.
    pub fn signed_out(&self) {
        self.state.set(Session::SignedOut);
    }
}

/// Puts the session in context and asks the server who is signed in.
pub fn provide_session() -> SessionContext {
    let context = SessionContext { state: RwSignal::new(Session::Loading), i18n: use_i18n() };
    provide_context(context);

    // A refused refresh means the session ended under the person's hands;
    // before the first answer it just means nobody was signed in.
    let state = context.state;
    api::on_session_end(move || {
        if matches!(state.get_untracked(), Session::SignedIn(_)) {
            state.set(Session::Expired);
        }
    });

    // A call refused because the account must first change its password or
    // set up a second factor: note it, and the shell sends the person to the
    // screen that finishes the setup.
    api::on_restricted(move |kind| {
        state.update(|s| {
            if let Session::SignedIn(me) = s {
                match kind {
                    ErrorKind::PasswordChangeRequired => me.must_change_password = true,
                    ErrorKind::SecondFactorSetupRequired => me.must_set_up_second_factor = true,
                    _ => {}
                }
            }
        });
    });

    spawn_local(async move {
        match api::me().await {
            Ok(me) => context.update(me),
            Err(_) => state.set(Session::SignedOut),
        }
    });
    context
}

/// The session from context.
pub fn use_session() -> SessionContext {
    use_context::<SessionContext>()
        .unwrap_or_else(|| SessionContext { state: RwSignal::new(Session::SignedOut), i18n: use_i18n() })
}
