//! A list fetched page by page (keyset pagination), with a "load more" button.

use std::rc::Rc;

use futures_util::future::LocalBoxFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::Page;

use crate::api::ApiError;
use crate::i18n::use_i18n;

type Fetch<T> = Rc<dyn Fn(Option<String>) -> LocalBoxFuture<'static, Result<Page<T>, ApiError>>>;

/// The items loaded so far and where the next page starts.
pub struct Paged<T: Send + Sync + 'static> {
    /// Everything loaded so far, in the server's order.
    pub items: RwSignal<Vec<T>>,
    /// The cursor of the next page; `None` on the last page.
    pub next: RwSignal<Option<String>>,
    /// A page is on its way.
    pub loading: RwSignal<bool>,
    /// The first page arrived (until then the list is not "empty", just unknown).
    pub loaded: RwSignal<bool>,
    /// Why the last fetch failed.
    pub error: RwSignal<Option<ApiError>>,
    /// Answers to an older `reload` are dropped.
    generation: RwSignal<u32>,
    fetch: StoredValue<Fetch<T>, LocalStorage>,
}

impl<T: Send + Sync + 'static> Clone for Paged<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Paged<T> {}

impl<T: Clone + Send + Sync + 'static> Paged<T> {
    /// A list that fetches its pages with `fetch(cursor)`; starts loading at once.
    pub fn new<F, Fut>(fetch: F) -> Self
    where
        F: Fn(Option<String>) -> Fut + 'static,
        Fut: Future<Output = Result<Page<T>, ApiError>> + 'static,
    {
        let fetch: Fetch<T> = Rc::new(move |cursor| Box::pin(fetch(cursor)));
        let list = Self {
            items: RwSignal::new(Vec::new()),
            next: RwSignal::new(None),
            loading: RwSignal::new(false),
            loaded: RwSignal::new(false),
            error: RwSignal::new(None),
            generation: RwSignal::new(0),
            fetch: StoredValue::new_local(fetch),
        };
        list.reload();
        list
    }

    /// A list the server answers whole, without pages: one page and no "meer laden".
    pub fn whole<F, Fut>(fetch: F) -> Self
    where
        F: Fn() -> Fut + 'static,
        Fut: Future<Output = Result<Vec<T>, ApiError>> + 'static,
    {
        Self::new(move |_| {
            let items = fetch();
            async move { items.await.map(|items| Page { items, next_cursor: None }) }
        })
    }

    /// Fetches the first page again, replacing what was loaded.
    pub fn reload(&self) {
        self.generation.update(|g| *g = g.wrapping_add(1));
        self.load(None, true);
    }

    /// Fetches the next page and appends it.
    pub fn load_more(&self) {
        if self.loading.get_untracked() {
            return;
        }
        if let Some(cursor) = self.next.get_untracked() {
            self.load(Some(cursor), false);
        }
    }

    /// Replaces one item in place (after an action changed it on the server).
    pub fn replace(&self, matches: impl Fn(&T) -> bool, item: T) {
        self.items.update(|items| {
            if let Some(slot) = items.iter_mut().find(|i| matches(i)) {
                *slot = item;
            }
        });
    }

    fn load(&self, cursor: Option<String>, replace: bool) {
        let this = *self;
        let generation = self.generation.get_untracked();
        let future = self.fetch.with_value(|fetch| fetch(cursor));
        this.loading.set(true);
        spawn_local(async move {
            let result = future.await;
            // A list left behind (the page changed while the answer was on its way) has
            // no signals left to fill; a reload since asked for a newer answer.
            if this.generation.try_get_untracked() != Some(generation) {
                return;
            }
            match result {
                Ok(page) => {
                    if replace {
                        this.items.set(page.items);
                    } else {
                        this.items.update(|items| items.extend(page.items));
                    }
                    this.next.set(page.next_cursor);
                    this.error.set(None);
                    this.loaded.set(true);
                }
                Err(error) => this.error.set(Some(error)),
            }
            this.loading.set(false);
        });
    }
}

/// The "meer laden" button under a list, shown while there is a next page,
/// and the error when loading failed.
#[component]
pub fn LoadMore<T: Clone + Send + Sync + 'static>(list: Paged<T>, testid: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {move || list.error.get().map(|e| view! { <p class="field-error" role="alert">{i18n.t().api_error(&e)}</p> })}
        <Show when=move || list.next.with(Option::is_some)>
            <div class="load-more">
                <button
                    type="button"
                    class="button secondary"
                    data-testid=testid
                    aria-disabled=move || list.loading.get().to_string()
                    on:click=move |_| list.load_more()
                >
                    {move || if list.loading.get() { i18n.t().admin.loading_more } else { i18n.t().admin.load_more }}
                </button>
            </div>
        </Show>
    }
}
