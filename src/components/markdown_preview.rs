use seekscan_core::export::markdown::{Judgement, Measured, Report};
use seekscan_core::protocol::Slot;
use yew::prelude::*;

use crate::state::AppState;

#[derive(Properties, PartialEq)]
pub struct MarkdownPreviewProps {
    /// The block for the runs shown; `None` before any ran.
    pub markdown: Option<AttrValue>,
}

/// The experiment as Markdown for a code review: the text is shown as it
/// will be pasted, with a button that copies it.
#[component]
pub fn MarkdownPreview(props: &MarkdownPreviewProps) -> Html {
    let feedback = use_state(|| None::<String>);
    let Some(markdown) = props.markdown.clone() else {
        return html! {};
    };
    let onclick = {
        let (feedback, markdown) = (feedback.clone(), markdown.clone());
        Callback::from(move |_| {
            copy_text(markdown.to_string(), "Markdown copied", feedback.clone())
        })
    };
    html! {
        <details class="markdown-export" open=true>
            <summary>{ "Markdown for a review" }</summary>
            <div class="export-actions">
                <button data-testid="copy-markdown" {onclick} title="Copy this comparison as Markdown">{ "Copy as Markdown" }</button>
                if let Some(text) = &*feedback { <span class="muted" role="status">{ text }</span> }
            </div>
            <pre class="export-text" data-testid="markdown-preview">{ markdown }</pre>
        </details>
    }
}

/// Puts `text` on the clipboard and says so in `feedback`, or says why not
/// (the clipboard needs a secure origin and the page's focus).
pub fn copy_text(text: String, done: &'static str, feedback: UseStateHandle<Option<String>>) {
    let clipboard = gloo_utils::window().navigator().clipboard();
    wasm_bindgen_futures::spawn_local(async move {
        let copied = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await;
        feedback.set(Some(match copied {
            Ok(_) => done.to_owned(),
            Err(_) => "the clipboard is not available here: select the text and copy it".to_owned(),
        }));
    });
}

/// The Markdown block for what the panes show: each configuration that
/// answered, and the verdict once both did. The link is the page's own
/// experiment link.
pub fn markdown_of(state: &AppState) -> Option<AttrValue> {
    let configs: Vec<(Slot, Vec<String>)> = Slot::BOTH
        .iter()
        .map(|&slot| (slot, state.config(slot)))
        .collect();
    let runs: Vec<Measured> = configs
        .iter()
        .filter_map(|(slot, indexes)| {
            let result = state.pane(*slot)?.pane.result.as_ref().ok()?;
            Some(Measured {
                slot: *slot,
                indexes,
                outcome: &result.outcome,
                timings: &result.timings,
            })
        })
        .collect();
    if runs.is_empty() {
        return None;
    }
    let comparison = (runs.len() == 2).then(|| state.comparison()).flatten();
    let link = experiment_link(state);
    let report = Report {
        seed: state.experiment.seed,
        scale: state.experiment.scale,
        sql: state.shown_sql.as_deref().unwrap_or(&state.editor),
        runs,
        judgement: comparison.as_ref().map(|(verdict, rows)| Judgement {
            verdict,
            why: verdict.why.as_ref().map(|why| why.text.as_str()),
            rows: *rows,
        }),
        link: Some(&link),
    };
    Some(report.to_markdown().into())
}

/// This page with the experiment's query string.
fn experiment_link(state: &AppState) -> String {
    let location = gloo_utils::window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_else(|_| "/".to_owned());
    let query = state.experiment.to_query();
    if query.is_empty() {
        format!("{origin}{path}")
    } else {
        format!("{origin}{path}?{query}")
    }
}
