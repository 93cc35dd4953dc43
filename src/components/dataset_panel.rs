use seekscan_core::experiment::SCALE_PRESETS;
use seekscan_core::protocol::{DatasetInfo, LoadProgress};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::memory_use::MemoryUse;
use crate::state::{BackgroundBuild, EngineStatus};

#[derive(Properties, PartialEq)]
pub struct DatasetPanelProps {
    pub scale: usize,
    pub seed: u64,
    pub status: EngineStatus,
    pub dataset: Option<Rc<DatasetInfo>>,
    /// The worker's memory in bytes, from its latest answer.
    #[prop_or_default]
    pub worker_memory: Option<u64>,
    /// What the load left to the background build.
    #[prop_or_default]
    pub background: Option<BackgroundBuild>,
    /// (scale, seed): generate this dataset and build every index.
    pub on_regenerate: Callback<(usize, u64)>,
}

/// Scale presets, seed, Regenerate with progress, and the row counts.
#[component]
pub fn DatasetPanel(props: &DatasetPanelProps) -> Html {
    let scale_ref = use_node_ref();
    let seed_ref = use_node_ref();
    let onclick = {
        let (scale_ref, seed_ref) = (scale_ref.clone(), seed_ref.clone());
        let on_regenerate = props.on_regenerate.clone();
        let (scale, seed) = (props.scale, props.seed);
        Callback::from(move |_| {
            let scale = scale_ref
                .cast::<HtmlSelectElement>()
                .and_then(|s| s.value().parse().ok())
                .unwrap_or(scale);
            let seed = seed_ref
                .cast::<HtmlInputElement>()
                .and_then(|s| s.value().parse().ok())
                .unwrap_or(seed);
            on_regenerate.emit((scale, seed));
        })
    };
    let busy = matches!(
        props.status,
        EngineStatus::Loading(_) | EngineStatus::Starting
    );
    let progress = match &props.status {
        EngineStatus::Loading(p) => html! {
            <div class="load-progress" data-testid="load-progress">
                <label for="rows-progress">{ format!("rows loaded {} of {}", format_count(p.rows_loaded), format_count(p.rows_total)) }</label>
                <progress id="rows-progress" max={p.rows_total.max(1).to_string()} value={p.rows_loaded.to_string()} />
                <label for="index-progress">{ format!("indexes built {} of {}", p.indexes_built, p.indexes_total) }</label>
                <progress id="index-progress" max={p.indexes_total.max(1).to_string()} value={p.indexes_built.to_string()} />
                <span class="muted">{ progress_text(p) }</span>
            </div>
        },
        _ => html! {},
    };
    html! {
        <section class="panel dataset" aria-label="Dataset">
            <h2>{ "Dataset" }</h2>
            <div class="form-row">
                <label for="scale">{ "Audit events" }</label>
                <select id="scale" data-testid="scale" ref={scale_ref}>
                    { for SCALE_PRESETS.iter().map(|&preset| html! {
                        <option value={preset.to_string()} selected={preset == props.scale}>{ format_count(preset) }</option>
                    }) }
                    if !SCALE_PRESETS.contains(&props.scale) {
                        <option value={props.scale.to_string()} selected=true>{ format_count(props.scale) }</option>
                    }
                </select>
                <label for="seed">{ "Seed" }</label>
                <input id="seed" type="number" min="0" value={props.seed.to_string()} ref={seed_ref} />
                <button data-testid="regenerate" {onclick} disabled={busy}>{ "Regenerate" }</button>
            </div>
            { progress }
            if let Some(dataset) = &props.dataset {
                <table class="counts">
                    <tbody>
                        { for dataset.tables.iter().map(|t| html! {
                            <tr><td><code>{ &t.name }</code></td><td class="num">{ format_count(t.rows) }</td></tr>
                        }) }
                        <tr><td>{ "tenants" }</td><td class="num">{ format_count(dataset.tenants) }</td></tr>
                    </tbody>
                </table>
                <p class="muted" data-testid="load-summary">{ load_summary(dataset, props.background.as_ref()) }</p>
                <MemoryUse memory={dataset.memory.clone()} worker_bytes={props.worker_memory} />
            }
        </section>
    }
}

/// How long the load took, and what the background build did.
fn load_summary(dataset: &DatasetInfo, background: Option<&BackgroundBuild>) -> Html {
    let pending = dataset.pending_indexes.len();
    let deferred = background.map_or(0, |b| b.indexes);
    let summary = format!(
        "seed {} · ready in {:.0} ms, of which {:.0} ms building {} indexes",
        dataset.seed,
        dataset.load_ms,
        dataset.index_ms,
        dataset.indexes.len().saturating_sub(deferred)
    );
    let background = match background {
        Some(BackgroundBuild {
            indexes,
            done_ms: Some(ms),
            built_by_engine,
        }) if pending == 0 => format!(
            "; {indexes} more built {}, all there {ms:.0} ms after the load began",
            if *built_by_engine {
                "by the engine after the background build failed"
            } else {
                "in the background"
            }
        ),
        _ if pending > 0 => format!("; {pending} more building in the background"),
        _ => String::new(),
    };
    html! {
        <span data-testid="background-build" data-pending={pending.to_string()}>
            { summary }{ background }
        </span>
    }
}

/// What the worker is doing, in the words of the two phases: rows, then indexes.
pub fn progress_text(progress: &LoadProgress) -> String {
    let (done, total) = (progress.done, progress.total);
    if let Some(index) = progress.step.strip_prefix("indexing ") {
        format!("building indexes {done}/{total}: {index}")
    } else if let Some(table) = progress.step.strip_prefix("loading ") {
        format!("loading rows, table {}/{total}: {table}", done + 1)
    } else {
        format!("{} {done}/{total}", progress.step)
    }
}

/// 100000 → "100,000".
pub fn format_count(n: usize) -> String {
    seekscan_core::storage::thousands(n as u64)
}
