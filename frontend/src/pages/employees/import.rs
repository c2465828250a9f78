//! `/medewerkers/import`: choose a CSV or XLSX file, see per row what will happen (the
//! dry run), then import it for real — all rows or none.

use leptos::html;
use leptos::prelude::*;
use shared::employees::{ImportOutcome, ImportResult};

use super::{refusal, use_texts};
use crate::api;
use crate::browser;
use crate::components::feedback::{ErrorAlert, SuccessNotice};
use crate::components::page_title::use_page_title;

/// The largest file the server takes.
const MAX_BYTES: usize = 5 * 1024 * 1024;

fn outcome_class(o: ImportOutcome) -> &'static str {
    match o {
        ImportOutcome::Created => "badge badge-ok",
        ImportOutcome::Changed => "badge badge-pending",
        ImportOutcome::Unchanged => "badge badge-muted",
        ImportOutcome::Rejected => "badge badge-danger",
    }
}

fn outcome_str(o: ImportOutcome) -> &'static str {
    match o {
        ImportOutcome::Created => "created",
        ImportOutcome::Changed => "changed",
        ImportOutcome::Unchanged => "unchanged",
        ImportOutcome::Rejected => "rejected",
    }
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let t = use_texts();
    use_page_title(move |d| crate::i18n::employees::texts(d.locale).import_title.into());
    let file_input = NodeRef::<html::Input>::new();
    let file = RwSignal::new(None::<(String, Vec<u8>)>);
    let result = RwSignal::new(None::<ImportResult>);
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let run = Action::new_local(move |dry_run: &bool| {
        let dry_run = *dry_run;
        async move {
            let t = t();
            error.set(None);
            notice.set(None);
            if dry_run {
                let Some(input) = file_input.get_untracked() else { return };
                let Some(chosen) = browser::read_chosen_file(&input).await else {
                    error.set(Some(t.choose_a_file.into()));
                    browser::focus_element("import-file");
                    return;
                };
                if chosen.1.len() > MAX_BYTES {
                    error.set(Some(t.file_too_large.into()));
                    return;
                }
                file.set(Some(chosen));
            }
            let Some((name, bytes)) = file.get_untracked() else { return };
            match api::import_employees(dry_run, &name, bytes).await {
                Ok(r) => {
                    if r.applied {
                        notice.set(Some(t.counts(r.created, r.changed, r.unchanged, r.rejected)));
                        file.set(None);
                        if let Some(input) = file_input.get_untracked() {
                            input.set_value("");
                        }
                        browser::focus_element("import-done");
                    }
                    result.set(Some(r));
                }
                Err(e) => {
                    error.set(Some(
                        crate::api::ApiError::field_message(&e, "file")
                            .map(String::from)
                            .unwrap_or_else(|| refusal(&e, t)),
                    ));
                }
            }
        }
    });
    let busy = move || run.pending().get();
    let can_apply = move || {
        !busy()
            && file.with(Option::is_some)
            && result.with(|r| {
                r.as_ref().is_some_and(|r| !r.applied && r.rejected == 0 && (r.created + r.changed) > 0)
            })
    };
    view! {
        <header class="page-header">
            <h1>{move || t().import_title}</h1>
            <p class="lead">{move || t().import_intro}</p>
            <p class="help-text">{move || t().import_columns}</p>
        </header>
        <SuccessNotice message=notice testid="import-done" />
        <ErrorAlert message=error testid="import-error" />
        <form
            class="card section-card"
            novalidate=true
            on:submit=move |ev| {
                ev.prevent_default();
                run.dispatch(true);
            }
        >
            <div class="field">
                <label for="import-file">{move || t().choose_file}</label>
                <input
                    id="import-file"
                    type="file"
                    accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    data-testid="import-file"
                    node_ref=file_input
                    on:change=move |_| {
                        result.set(None);
                        file.set(None);
                        error.set(None);
                    }
                />
            </div>
            <div class="form-actions">
                <button type="submit" class="button secondary" data-testid="import-check" aria-disabled=move || busy().to_string()>
                    {move || if busy() && file.with(Option::is_none) { t().checking } else { t().check_file }}
                </button>
                <button
                    type="button"
                    class="button primary"
                    data-testid="import-apply"
                    disabled=move || !can_apply()
                    on:click=move |_| { run.dispatch(false); }
                >
                    {move || if busy() && file.with(Option::is_some) { t().importing } else { t().import_now }}
                </button>
            </div>
            <Show when=busy>
                <p class="help-text" role="status" data-testid="import-busy"><span class="spinner" aria-hidden="true"></span>" "{move || t().checking}</p>
            </Show>
        </form>
        {move || result.get().map(|r| {
            let rejected = r.rejected;
            let nothing = r.created + r.changed == 0 && rejected == 0;
            view! {
                <section class="card section-card" data-testid="import-result" data-applied=r.applied.to_string()>
                    <h2>{move || if r.applied { t().result_heading } else { t().dry_run_heading }}</h2>
                    <p data-testid="import-counts">{move || t().counts(r.created, r.changed, r.unchanged, r.rejected)}</p>
                    {(rejected > 0 && !r.applied).then(|| view! { <p class="form-alert is-visible" role="alert">{move || t().fix_first}</p> })}
                    {(nothing && !r.applied).then(|| view! { <p class="help-text">{move || t().nothing_to_do}</p> })}
                    <table class="data-table">
                        <thead>
                            <tr>
                                <th scope="col">{move || t().line}</th>
                                <th scope="col">{move || t().personnel_number}</th>
                                <th scope="col">{move || t().name}</th>
                                <th scope="col">{move || t().outcome}</th>
                                <th scope="col">{move || t().details}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {r.rows.into_iter().map(|row| {
                                let o = row.outcome;
                                let details = if o == ImportOutcome::Rejected {
                                    row.problems.iter().map(|p| format!("{}: {}", p.column, p.message)).collect::<Vec<_>>().join("; ")
                                } else {
                                    row.changed_fields.join(", ")
                                };
                                view! {
                                    <tr data-testid="import-row" data-outcome=outcome_str(o)>
                                        <td data-label=move || t().line>{row.line}</td>
                                        <td data-label=move || t().personnel_number>{row.personnel_number.clone()}</td>
                                        <td data-label=move || t().name>{row.name.clone()}</td>
                                        <td data-label=move || t().outcome><span class=outcome_class(o)>{move || t().outcome(o)}</span></td>
                                        <td data-label=move || t().details data-testid="import-details">{details}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </section>
            }
        })}
    }
}
