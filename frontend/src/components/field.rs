//! A labelled text input with its hint and error wired up for screen readers
//! (`aria-invalid`, `aria-describedby`); typing clears the error.

use leptos::html;
use leptos::prelude::*;

/// What kind of text the field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FieldKind {
    /// Plain text.
    #[default]
    Text,
    /// The person's current password.
    CurrentPassword,
    /// A 6-digit one-time code (from an SMS), typed or filled in by the phone.
    Code,
}

/// The input with `id` (also its `data-testid`); its hint and error carry the ids
/// `{id}-hint` and `{id}-error`.
#[component]
pub fn InputField(
    id: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    value: RwSignal<String>,
    error: RwSignal<Option<String>>,
    #[prop(optional)] node: NodeRef<html::Input>,
    #[prop(optional)] kind: FieldKind,
    #[prop(optional, into)] hint: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        }
    };
    let (kind_attr, autocomplete, inputmode) = match kind {
        FieldKind::Text => ("text", "off", "text"),
        FieldKind::CurrentPassword => ("password", "current-password", "text"),
        FieldKind::Code => ("text", "one-time-code", "numeric"),
    };
    let code = kind == FieldKind::Code;
    view! {
        <div class="field" class:has-error=move || error.with(Option::is_some)>
            <label for=id>{move || label.get()}</label>
            <input
                id=id
                type=kind_attr
                autocomplete=autocomplete
                inputmode=inputmode
                class:code-input=code
                maxlength=code.then_some("7")
                required=true
                data-testid=id
                node_ref=node
                prop:value=move || value.get()
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=described
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    error.set(None);
                }
            />
            {hint.map(|hint| {
                let hint_id = hint_id.clone();
                view! { <p id=hint_id.clone() class="help-text" role="status" data-testid=hint_id>{move || hint.get()}</p> }
            })}
            {move || error.get().map(|m| view! { <p id=error_id.clone() class="field-error" data-testid=error_id.clone()>{m}</p> })}
        </div>
    }
}

/// Moves keyboard focus to `input` once the page has drawn it (after an answer
/// that asks for it to be typed again).
pub fn focus_input(input: NodeRef<html::Input>) {
    request_animation_frame(move || {
        if let Some(i) = input.get_untracked() {
            let _ = i.focus();
        }
    });
}
