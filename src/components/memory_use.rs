use seekscan_core::engine::MemoryReport;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MemoryUseProps {
    /// The storage's own estimate per table and per index.
    pub memory: MemoryReport,
    /// The worker's wasm linear memory, as its latest answer reported it.
    pub worker_bytes: Option<u64>,
}

/// What the dataset costs: the worker's whole memory (which wasm never gives
/// back, so it is the peak so far), and the estimated bytes per row of each
/// table and per entry of each index.
#[component]
pub fn MemoryUse(props: &MemoryUseProps) -> Html {
    let memory = &props.memory;
    let estimated: u64 = memory.tables.iter().map(|t| t.bytes).sum::<u64>()
        + memory.indexes.iter().map(|i| i.bytes).sum::<u64>();
    let worker = props.worker_bytes.map_or("unknown".to_owned(), mib);
    let line = |name: &str, per: String, bytes: u64| {
        html! {
            <tr><td><code>{ name.to_owned() }</code></td><td class="num">{ per }</td><td class="num">{ mib(bytes) }</td></tr>
        }
    };
    html! {
        <div class="memory">
            <p data-testid="worker-memory" data-bytes={props.worker_bytes.map(|b| b.to_string())}>
                { "worker memory " }<strong>{ worker }</strong>
                <span class="muted">{ format!(" · rows and indexes about {} (estimated)", mib(estimated)) }</span>
            </p>
            <details class="memory-detail">
                <summary class="muted">{ "bytes per row and per index entry" }</summary>
                <table class="counts" data-testid="memory-detail">
                    <tbody>
                        { for memory.tables.iter().map(|t| line(&t.table, format!("{:.0} B/row", t.bytes_per_row), t.bytes)) }
                        { for memory.indexes.iter().map(|i| line(&i.index, format!("{:.0} B/entry", i.bytes_per_entry), i.bytes)) }
                    </tbody>
                </table>
            </details>
        </div>
    }
}

/// Bytes in mebibytes, one decimal.
pub use seekscan_core::units::mib;
