//! Small, failure-tolerant wrappers around browser APIs.
//!
//! Storage can be disabled (private mode, strict settings) and the DOM calls
//! can fail in odd embeddings; none of that should break the app, so every
//! helper swallows the error and carries on.

/// The page's origin, e.g. `http://127.0.0.1:8080`; reqwest needs absolute URLs.
pub fn origin() -> Option<String> {
    web_sys::window()?.location().origin().ok()
}

/// Reads a value from `localStorage`.
pub fn local_storage_get(key: &str) -> Option<String> {
    web_sys::window()?.local_storage().ok()??.get_item(key).ok()?
}

/// Writes a value to `localStorage`; ignored when storage is unavailable.
pub fn local_storage_set(key: &str, value: &str) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(key, value);
    }
}

/// Sets `<html lang>` so screen readers pronounce the page in its language.
pub fn set_document_lang(tag: &str) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", tag);
    }
}

/// Sets the document title, which is also what a screen reader announces
/// after navigating.
pub fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Moves keyboard focus to the element with this id, if it is there. For
/// after a list re-rendered the row that had focus.
pub fn focus_element(id: &str) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Whether the viewport is phone-sized, matching the CSS breakpoint.
pub fn is_narrow_viewport() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(NARROW_MEDIA_QUERY).ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Keep in sync with the `@media` breakpoint in `style.css`.
pub const NARROW_MEDIA_QUERY: &str = "(max-width: 47.99rem)";

/// Puts text on the clipboard; ignored where the browser does not allow it
/// (the text stays on screen to copy by hand).
pub fn copy_to_clipboard(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}

/// The first file chosen in an `<input type=file>`: its name and its bytes.
/// `None` when nothing was chosen or the browser could not read it.
pub async fn read_chosen_file(input: &web_sys::HtmlInputElement) -> Option<(String, Vec<u8>)> {
    let file = input.files()?.get(0)?;
    let name = file.name();
    let buffer = await_promise(file.array_buffer()).await.ok()?;
    Some((name, web_sys::js_sys::Uint8Array::new(&buffer).to_vec()))
}

/// Waits for a JavaScript promise. A small bridge instead of another crate:
/// the promise's callbacks fill a slot and wake the task that waits on it.
async fn await_promise(
    promise: web_sys::js_sys::Promise,
) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
    use std::cell::RefCell;
    use std::rc::Rc;
    use std::task::{Poll, Waker};

    use wasm_bindgen::JsValue;
    use wasm_bindgen::closure::Closure;

    type Slot = Rc<RefCell<(Option<Result<JsValue, JsValue>>, Option<Waker>)>>;
    let slot: Slot = Rc::new(RefCell::new((None, None)));
    let settle = |slot: Slot, ok: bool| {
        Closure::once(move |value: JsValue| {
            let mut s = slot.borrow_mut();
            s.0 = Some(if ok { Ok(value) } else { Err(value) });
            if let Some(waker) = s.1.take() {
                waker.wake();
            }
        })
    };
    let on_ok = settle(slot.clone(), true);
    let on_err = settle(slot.clone(), false);
    let _chained = promise.then2(&on_ok, &on_err);
    std::future::poll_fn(move |cx| {
        let mut s = slot.borrow_mut();
        match s.0.take() {
            Some(result) => Poll::Ready(result),
            None => {
                s.1 = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    })
    .await
}

/// Opens the browser's print dialog (the management report's "Afdrukken").
pub fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
