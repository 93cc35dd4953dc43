use seekscan_core::index_cost::write_cost::difference_text;
use seekscan_core::index_cost::{CoveringComparison, IndexCostReport, SizeReport, WriteKind};
use seekscan_core::protocol::{Request, Slot};
use seekscan_core::units::{bytes, micros, percent, thousands};
use yew::prelude::*;

use crate::app::handlers::Handlers;
use crate::state::{Action, AppState, EngineStatus};

#[derive(Properties, PartialEq)]
pub struct IndexCostsProps {
    pub state: UseReducerHandle<AppState>,
    pub handlers: Handlers,
}

/// What each index costs: its size, the write cost measured on a scratch
/// copy of each table with only A's or only B's indexes, and the covering
/// index beside the plain one with the same keys.
#[component]
pub fn IndexCosts(props: &IndexCostsProps) -> Html {
    let state = &props.state;
    let costs = &state.costs;
    let ready = state.status == EngineStatus::Ready && !costs.measuring;
    let measure = {
        let (state, on_request) = (state.clone(), props.handlers.on_request.clone());
        Callback::from(move |_: MouseEvent| {
            let params = state
                .dataset
                .as_ref()
                .map(|d| d.params(true, &state.experiment.params))
                .unwrap_or_default();
            on_request.emit(Request::IndexCost {
                a: state.config(Slot::A),
                b: state.config(Slot::B),
                params,
            });
            state.dispatch(Action::CostSent);
        })
    };
    html! {
        <section class="index-costs" aria-label="What each index costs" data-testid="index-costs">
            <h2>{ "What each index costs" }</h2>
            <p class="muted">{ "Sizes from the storage's own byte count; writes timed on a scratch copy of each table (the same rows) with only A's or only B's indexes maintained, so your data stays as it is." }</p>
            <button data-testid="index-cost-run" onclick={measure} disabled={!ready}>
                { if costs.measuring { "Measuring…" } else { "Measure sizes and write cost" } }
            </button>
            { match &costs.report {
                None => html! {},
                Some(Err(message)) => html! { <p class="error" role="alert" data-testid="index-cost-error">{ message }</p> },
                Some(Ok(report)) => report_view(report),
            } }
        </section>
    }
}

fn report_view(report: &IndexCostReport) -> Html {
    let summary = report.writes.summary;
    let said: Vec<String> = WriteKind::ALL.map(|k| summary.describe(k)).to_vec();
    html! {
        <>
            <p class="verdict" data-testid="write-cost-summary">{ said.join("; ") }</p>
            { sizes_view(&report.sizes) }
            { writes_view(report) }
            { for report.covering.iter().map(covering_view) }
        </>
    }
}

fn sizes_view(sizes: &SizeReport) -> Html {
    let config = |label: &str, c: &seekscan_core::index_cost::ConfigSize| {
        html! {
            <p data-testid={format!("config-size-{}", label.to_lowercase())}>
                { format!("{label}: {} indexes, {} entries, {} ({} of the data's {})",
                    c.indexes.len(), thousands(c.entries), bytes(c.bytes), percent(c.share_of_data), bytes(sizes.data_bytes)) }
            </p>
        }
    };
    html! {
        <>
            <h3>{ "Size" }</h3>
            { config("A", &sizes.a) }
            { config("B", &sizes.b) }
            <table class="counts">
                <thead><tr><th>{ "index" }</th><th>{ "entries" }</th><th>{ "bytes" }</th><th>{ "keys" }</th>
                    <th>{ "INCLUDE" }</th><th>{ "overhead" }</th><th>{ "of its table" }</th></tr></thead>
                <tbody>
                    { for sizes.indexes.iter().map(|i| html! {
                        <tr data-testid={format!("index-size-{}", i.index)} data-bytes={i.bytes.to_string()}>
                            <td><code>{ &i.index }</code></td>
                            <td class="num">{ thousands(i.entries) }</td>
                            <td class="num">{ bytes(i.bytes) }</td>
                            <td class="num">{ bytes(i.key_bytes) }</td>
                            <td class="num">{ bytes(i.include_bytes) }</td>
                            <td class="num">{ bytes(i.overhead_bytes) }</td>
                            <td class="num">{ percent(i.share_of_table) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </>
    }
}

fn writes_view(report: &IndexCostReport) -> Html {
    let writes = &report.writes;
    let medians = |set: &seekscan_core::index_cost::write_cost::SetWriteCost| {
        WriteKind::ALL.map(|k| {
            let t = set.timings(k);
            html! { <td class="num">{ micros(t.median_us) }<span class="muted">{ format!(" p95 {}", micros(t.p95_us)) }</span></td> }
        })
    };
    html! {
        <>
            <h3>{ format!("Write cost: batches of up to {} rows per table, median of {}", writes.batch_rows, writes.repetitions) }</h3>
            <table class="counts">
                <thead><tr><th>{ "table" }</th><th>{ "set" }</th><th>{ "inserts" }</th><th>{ "updates" }</th><th>{ "deletes" }</th></tr></thead>
                <tbody>
                    { for writes.tables.iter().flat_map(|t| [("A", &t.a), ("B", &t.b)].map(|(label, set)| html! {
                        <tr data-testid={format!("table-write-cost-{}-{}", t.table, label.to_lowercase())}>
                            <td><code>{ &t.table }</code><span class="muted">{ format!(" UPDATE sets {}", t.updated_column) }</span></td>
                            <td>{ format!("{label}: {} indexes", set.indexes.len()) }</td>
                            { for medians(set) }
                        </tr>
                    })) }
                </tbody>
            </table>
            <table class="counts">
                <thead><tr><th>{ "index alone" }</th><th colspan="3">{ "extra per row written: insert, update, delete" }</th></tr></thead>
                <tbody>
                    { for writes.indexes.iter().map(|i| html! {
                        <tr data-testid={format!("index-write-cost-{}", i.index)}>
                            <td><code>{ &i.index }</code></td>
                            { for i.extra_us_per_row.map(|us| html! { <td class="num">{ format!("{us:+.1} µs") }</td> }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </>
    }
}

fn covering_view(c: &CoveringComparison) -> Html {
    let writes: Vec<String> = WriteKind::ALL
        .map(|k| difference_text(k.plural(), c.write_ratios.difference(k), ""))
        .to_vec();
    html! {
        <div data-testid="covering-comparison">
            <h3>{ format!("Phase 4 proposal: {} beside {}", c.proposal, c.baseline) }</h3>
            <p data-testid="covering-size">{ format!("size {} vs {}: {:.2}×", bytes(c.proposal_size.bytes), bytes(c.baseline_size.bytes), c.size_ratio) }</p>
            <p data-testid="covering-writes">{ format!("maintained instead of {}: {}", c.baseline, writes.join("; ")) }</p>
            <table class="counts">
                <thead><tr><th>{ "read" }</th><th>{ "covering" }</th><th>{ "plain" }</th><th>{ "gain" }</th><th>{ "table lookups avoided" }</th></tr></thead>
                <tbody>
                    { for c.reads.iter().map(|r| html! {
                        <tr data-testid={format!("covering-read-{}{}", r.pattern, if r.projected { "-projected" } else { "" })}>
                            <td>{ &r.pattern }<span class="muted">{ if r.projected { " (its columns only)" } else { " (as documented)" } }</span></td>
                            <td class="num">{ micros(r.proposal.timings.median_us) }</td>
                            <td class="num">{ micros(r.baseline.timings.median_us) }</td>
                            <td class="num">{ r.difference.short() }</td>
                            <td class="num">{ format!("{} of {}", r.lookups_avoided, r.baseline.table_lookups) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
